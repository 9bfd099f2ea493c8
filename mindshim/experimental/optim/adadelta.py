"""``mindspore.experimental.optim.Adadelta``."""
from ... import _checkparam as validator
from ..._table import _optim_rules as _rules
from .optimizer import Optimizer, check_not_less_than, check_not_less_than_without_equal

__all__ = ["Adadelta"]


class Adadelta(Optimizer):
    """Adadelta per parameter group with MindSpore's ``ApplyAdadelta`` kernel (as ``nn.Adadelta``), with L2
    ``weight_decay`` added to the gradient.

    State: ``accum.<name>`` and ``accum_update.<name>`` (zeros).
    """

    def __init__(self, params, lr=1.0, rho=0.9, eps=1e-6, weight_decay=0.0, *, maximize=False):
        check_not_less_than_without_equal(lr, "lr", "Adadelta")
        check_not_less_than_without_equal(eps, "eps", "Adadelta")
        check_not_less_than(weight_decay, "weight_decay", "Adadelta")
        validator.check_float_range(rho, 0., 1., validator.INC_BOTH, "rho", "Adadelta")
        super().__init__(params, dict(lr=lr, rho=rho, eps=eps, weight_decay=weight_decay, maximize=maximize))
        self.accum = self.parameters.clone(prefix="accum", init=0)
        self.accum_update = self.parameters.clone(prefix="accum_update", init=0)

    def construct(self, gradients):
        self._update_groups(gradients, (self.accum, self.accum_update), lambda group, lr: (
            lambda grad, var, accum, accum_update: _rules.apply_adadelta(var, accum, accum_update, lr, group["rho"],
                                                                         group["eps"], grad)))
        return True
