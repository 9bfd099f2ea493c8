"""``mindspore.nn.Momentum``."""
from ... import _checkparam as validator
from ..._table import _optim_rules as _rules
from ...common import dtype as mstype
from ...common.parameter import Parameter
from ...common.tensor import Tensor
from .optimizer import Optimizer, opt_init_args_register

__all__ = ["Momentum"]


class Momentum(Optimizer):
    """``accum = momentum * accum + grad``; ``param -= lr * accum``, or with ``use_nesterov``
    ``param -= lr * (grad + momentum * accum)``, as MindSpore's GPU/Ascend ``ApplyMomentum`` kernels compute it. On
    CPU (``device_target``), MindSpore 2.10's kernel ignores ``use_nesterov``, and so does mindshim.

    State: ``moments.<name>`` (zeros) and the Parameter ``momentum``.
    """

    @opt_init_args_register
    def __init__(self, params, learning_rate, momentum, weight_decay=0.0, loss_scale=1.0, use_nesterov=False):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        validator.check_value_type("momentum", momentum, [float], self.cls_name)
        if momentum < 0.0:
            raise ValueError(f"For 'Momentum', the argument 'momentum' must be at least 0.0, but got {momentum}")
        self.momentum = Parameter(Tensor(momentum, mstype.float32), name="momentum")
        self.params = self._parameters
        self.use_nesterov = validator.check_bool(use_nesterov)
        self.moments = self.params.clone(prefix="moments", init="zeros")

    def construct(self, gradients):
        gradients = self._prepare(gradients)
        lr = self.get_lr()
        self._advance()
        momentum, nesterov = self.momentum._data, self.use_nesterov and not self._cpu_kernel()
        return self._update_each(lr, gradients, (self.moments,), lambda lr, grad, var, accum: _rules.apply_momentum(
            var, accum, lr, grad, momentum, nesterov))
