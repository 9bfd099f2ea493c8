"""``mindspore.nn.Lamb``."""
from ..._table import _optim_rules as _rules
from .adam import _DecoupledDecay
from .optimizer import opt_init_args_register

__all__ = ["Lamb"]


class Lamb(_DecoupledDecay):
    """LAMB as MindSpore's ``Lamb`` kernel: the bias-corrected Adam step plus ``weight_decay * param``, scaled by
    the trust ratio ``||param|| / ||update||`` (1 if either is 0). No loss-scale division.

    State: ``lamb_m.<name>`` and ``lamb_v.<name>``. MindSpore 2.10 runs this kernel on GPU and Ascend only (on CPU:
    "RuntimeError: Kernel select failed: Unsupported op [Lamb] on CPU"); mindshim runs it everywhere.
    """
    _support_parallel_optimizer = True

    @opt_init_args_register
    def __init__(self, params, learning_rate, beta1=0.9, beta2=0.999, eps=1e-6, weight_decay=0.0):
        super().__init__(learning_rate, params, weight_decay)
        self.params = self._parameters
        self._init_moments(beta1, beta2, eps, "lamb")

    def construct(self, gradients):
        gradients = self._check_gradients(gradients)
        weight_decay = self.get_weight_decay()
        lr = self.get_lr()
        self._advance()
        gradients = self.gradients_centralization(gradients)
        decays = self._decays(weight_decay)
        beta1, beta2, eps, step = self.beta1._data, self.beta2._data, self.eps._data, self.global_step._data

        def rule(lr, grad, var, m, v):
            return _rules.lamb(var, m, v, lr, beta1, beta2, eps, next(decays), step, grad)
        return self._update_each(lr, gradients, (self.moments1, self.moments2), rule)
