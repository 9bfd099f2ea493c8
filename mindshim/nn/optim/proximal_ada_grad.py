"""``mindspore.nn.ProximalAdagrad``."""
import warnings

from ... import _checkparam as validator
from ..._table import _optim_rules as _rules
from ...common import dtype as mstype
from ...common.tensor import Tensor
from .optimizer import Optimizer, opt_init_args_register

__all__ = ["ProximalAdagrad"]


class ProximalAdagrad(Optimizer):
    """Proximal Adagrad as MindSpore's ``ApplyProximalAdagrad`` kernels: ``accum += grad^2``;
    ``rate = lr / sqrt(accum)``; ``prox = param - rate * grad``;
    ``param = sign(prox) * max(|prox| - rate * l1, 0) / (1 + rate * l2)`` (MindSpore's docstring writes ``lr`` for
    ``rate`` in the last step; its CPU and GPU kernels use ``rate``, as mindshim does).

    State: ``accum.<name>``, initialised to ``accum`` (0.1). Deprecated in MindSpore since 2.9.0.
    """

    @opt_init_args_register
    def __init__(self, params, accum=0.1, learning_rate=0.001, l1=0.0, l2=0.0, use_locking=False, loss_scale=1.0,
                 weight_decay=0.0):
        warnings.warn("'ProximalAdagrad' is deprecated from version 2.9.0 and will be removed in a future version.",
                      DeprecationWarning, stacklevel=3)
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        name = self.cls_name
        for arg, value in (("accum", accum), ("l1", l1), ("l2", l2)):
            validator.check_value_type(arg, value, [float], name)
        validator.check_value_type("use_locking", use_locking, [bool], name)
        for arg, value in (("accum", accum), ("l1", l1), ("l2", l2)):
            validator.check_non_negative_float(value, arg, name)
        self.accum = self._parameters.clone(prefix="accum", init=accum)
        self.l1 = Tensor(l1, mstype.float32)
        self.l2 = Tensor(l2, mstype.float32)
        self.use_locking = use_locking

    def construct(self, grads):
        grads = self._prepare(grads)
        lr = self.get_lr()
        self._advance()
        l1, l2 = self.l1._data, self.l2._data
        return self._update_each(lr, grads, (self.accum,), lambda lr, grad, var, accum: (
            _rules.apply_proximal_adagrad(var, accum, lr, l1, l2, grad)))
