"""``mindspore.mint.optim.SGD``."""
from ... import _checkparam as validator
from ..._table import _optim_rules as _rules
from ...common import dtype as mstype
from ...common.parameter import Parameter
from ...common.tensor import Tensor
from ...experimental.optim.optimizer import Optimizer, update_each

__all__ = ["SGD"]


class SGD(Optimizer):
    """SGD with PyTorch's rule (the first step with momentum sets ``momentum_buf`` to the gradient).

    State: ``momentum_buf.<name>`` and ``step_t`` (Int32, 0-d, counts the calls).
    """

    def __init__(self, params, lr, momentum=0, dampening=0, weight_decay=0, nesterov=False, *, maximize=False):
        name = self.cls_name
        validator.check_value_type("lr", lr, [float, int, bool, Tensor], name)
        for arg, value in (("momentum", momentum), ("weight_decay", weight_decay), ("dampening", dampening)):
            validator.check_value_type(arg, value, [float, int, bool], name)
        validator.check_value_type("nesterov", nesterov, [bool], name)
        validator.check_value_type("maximize", maximize, [bool], name)
        if lr < 0.0:
            raise ValueError(f"Invalid learning rate: {lr}")
        if momentum < 0.0:
            raise ValueError(f"Invalid momentum value: {momentum}")
        if weight_decay < 0.0:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        defaults = dict(lr=lr, momentum=momentum, weight_decay=weight_decay, dampening=dampening, nesterov=nesterov,
                        maximize=maximize, lr_float=lr)
        params = list(params)
        for group in params:
            if isinstance(group, dict) and group.get("lr", None):
                group["lr_float"] = group["lr"]
        super().__init__(params, defaults)
        if nesterov and (momentum <= 0.0 or dampening != 0.0):
            raise ValueError("For 'SGD', if 'nesterov' is true, 'momentum' must be > 0.0 and 'dampening' must equal to "
                             f"0.0, but got 'momentum' {momentum}, 'dampening' {dampening}")
        self.momentum_buf = self.parameters.clone(prefix="momentum_buf", init="zeros")
        self.step_t = Parameter(Tensor(0, mstype.int32), "step_t")
        self.increase_tensor = Tensor(1, mstype.int32)

    def construct(self, gradients):
        first = self.step_t._data == 0
        for group, _, params, grads, start in self._checked_groups(gradients):
            grads = self._decay_weight(group["weight_decay"], params, grads)
            lr, momentum, dampening, nesterov = (group["lr_float"], group["momentum"], group["dampening"],
                                                 group["nesterov"])
            lr = lr._data if isinstance(lr, Tensor) else lr

            def rule(grad, var, buf):
                return _rules.sgd_torch(var, buf, grad, first, lr, momentum, dampening, nesterov)
            update_each(params, grads, (self.momentum_buf[start:start + len(params)],), rule)
        self.step_t.set_data(self.step_t + self.increase_tensor)
        return True
