"""``mindspore.nn.Lamb``."""
import numpy as np

from ...common.tensor import Tensor
from . import _rules
from .adam import _check_param_value
from .optimizer import Optimizer, opt_init_args_register

__all__ = ["Lamb"]


class Lamb(Optimizer):
    """LAMB as MindSpore's ``Lamb`` kernel: the bias-corrected Adam step plus ``weight_decay * param``, scaled by
    the trust ratio ``||param|| / ||update||`` (1 if either is 0). No loss-scale division.

    State: ``lamb_m.<name>`` and ``lamb_v.<name>``. MindSpore 2.10 runs this kernel on GPU and Ascend only (on CPU:
    "RuntimeError: Kernel select failed: Unsupported op [Lamb] on CPU"); mindshim runs it everywhere.
    """
    _support_parallel_optimizer = True

    @opt_init_args_register
    def __init__(self, params, learning_rate, beta1=0.9, beta2=0.999, eps=1e-6, weight_decay=0.0):
        super().__init__(learning_rate, params, weight_decay)
        _check_param_value(beta1, beta2, eps, self.cls_name)
        self.beta1 = Tensor(np.array([beta1]).astype(np.float32))
        self.beta2 = Tensor(np.array([beta2]).astype(np.float32))
        self.eps = Tensor(np.array([eps]).astype(np.float32))
        self.params = self._parameters
        self.moments1 = self.params.clone(prefix="lamb_m", init="zeros")
        self.moments2 = self.params.clone(prefix="lamb_v", init="zeros")

    def construct(self, gradients):
        gradients = self._check_gradients(gradients)
        weight_decay = self.get_weight_decay()
        lr = self.get_lr()
        self._advance()
        gradients = self.gradients_centralization(gradients)
        decays = weight_decay if self.is_group else (weight_decay,) * self.param_length
        decays = iter([d._data if flag else 0.0 for d, flag in zip(decays, self.decay_flags)])
        beta1, beta2, eps, step = self.beta1._data, self.beta2._data, self.eps._data, self.global_step._data

        def rule(lr, grad, var, m, v):
            return _rules.lamb(var, m, v, lr, beta1, beta2, eps, next(decays), step, grad)
        return self._update_each(lr, gradients, (self.moments1, self.moments2), rule)
