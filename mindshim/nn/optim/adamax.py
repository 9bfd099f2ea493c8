"""``mindspore.nn.AdaMax``."""
import numpy as np

from ..._table import _optim_rules as _rules
from ...common import dtype as mstype
from ...common.parameter import Parameter
from ...common.tensor import Tensor
from .adam import _check_param_value
from .optimizer import Optimizer, opt_init_args_register

__all__ = ["AdaMax"]


class AdaMax(Optimizer):
    """AdaMax as MindSpore's ``ApplyAdaMax``: ``m = beta1 * m + (1 - beta1) * grad``; ``v = max(beta2 * v, |grad|)``;
    ``param -= lr / (1 - beta1^t) * m / (v + eps)``.

    State: ``moment1.<name>``, ``moment2.<name>`` (zeros) and ``beta1_power`` (shape ``(1,)``).
    """

    @opt_init_args_register
    def __init__(self, params, learning_rate=0.001, beta1=0.9, beta2=0.999, eps=1e-08, weight_decay=0.0,
                 loss_scale=1.0):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        _check_param_value(beta1, beta2, eps, self.cls_name)
        self.beta1 = Tensor(beta1, mstype.float32)
        self.beta2 = Tensor(beta2, mstype.float32)
        self.beta1_power = Parameter(Tensor(np.ones((1,), np.float32)), name="beta1_power")
        self.eps = Tensor(eps, mstype.float32)
        self.moment1 = self._parameters.clone(prefix="moment1", init="zeros")
        self.moment2 = self._parameters.clone(prefix="moment2", init="zeros")

    def construct(self, gradients):
        gradients = self._prepare(gradients)
        lr = self.get_lr()
        self._advance()
        self.beta1_power.set_data(self.beta1_power * self.beta1)
        b1p, beta1, beta2, eps = self.beta1_power._data, self.beta1._data, self.beta2._data, self.eps._data
        return self._update_each(lr, gradients, (self.moment1, self.moment2), lambda lr, grad, var, m, v: (
            _rules.apply_ada_max(var, m, v, b1p, lr, beta1, beta2, eps, grad)))
