"""``mindspore.experimental.optim.SGD``."""
from ... import _checkparam as validator
from ..._table import _optim_rules as _rules
from ...common.tensor import Tensor
from .optimizer import Optimizer, update_each

__all__ = ["SGD"]


class SGD(Optimizer):
    """SGD per parameter group with MindSpore's ``SGD`` kernel (the first step with momentum sets the buffer to the
    gradient; ``weight_decay`` is added to the gradient inside the kernel).

    State: ``accum.<name>`` (zeros) and ``stat.<name>`` (ones).
    """

    def __init__(self, params, lr, momentum=0, dampening=0, weight_decay=0.0, nesterov=False, *, maximize=False):
        validator.check_value_type("lr", lr, [float, int, Tensor], "SGD")
        if lr < 0.0:
            raise ValueError(f"Invalid learning rate: {lr}")
        validator.check_value_type("momentum", momentum, [int, float], "SGD")
        if momentum < 0.0:
            raise ValueError(f"Invalid momentum value: {momentum}")
        momentum = float(momentum)
        validator.check_value_type("nesterov", nesterov, [bool], "SGD")
        validator.check_value_type("maximize", maximize, [bool], "SGD")
        defaults = dict(lr=lr, momentum=momentum, dampening=dampening, weight_decay=weight_decay, nesterov=nesterov,
                        maximize=maximize, grad_centralization=False)
        super().__init__(params, defaults)
        for group in self.param_groups:
            validator.check_value_type("dampening", group.get("dampening"), [int, float], "SGD")
            group["dampening"] = float(group.get("dampening"))
        if nesterov and (momentum <= 0.0 or dampening != 0.0):
            raise ValueError("For 'SGD', if 'nesterov' is true, 'momentum' must be > 0.0 and 'dampening' must equal to "
                             f"0.0, but got 'momentum' {momentum}, 'dampening' {dampening}")
        self.accum = self.parameters.clone(prefix="accum", init="zeros")
        self.stat = self.parameters.clone(prefix="stat", init="ones")

    def construct(self, gradients):
        for group, lr, params, grads, start in self._checked_groups(gradients):
            momentum, dampening = group["momentum"], group["dampening"]
            weight_decay, nesterov, end = group["weight_decay"], group["nesterov"], start + len(params)

            def rule(grad, var, accum, stat):
                return _rules.sgd(var, grad, lr, accum, momentum, stat, dampening, weight_decay, nesterov)
            update_each(params, grads, (self.accum[start:end], self.stat[start:end]), rule)
        return True
