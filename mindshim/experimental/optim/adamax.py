"""``mindspore.experimental.optim.Adamax``."""
from ... import _checkparam as validator
from ..._table import _optim_rules as _rules
from .optimizer import Optimizer, check_not_less_than, check_not_less_than_without_equal

__all__ = ["Adamax"]


def check_betas(betas, prim):
    """``betas[0]`` and ``betas[1]`` are floats in ``[0, 1)``, as MindSpore's Adamax, NAdam and RAdam check."""
    validator.check_float_range(betas[0], 0., 1., validator.INC_LEFT, "betas[0]", prim)
    validator.check_float_range(betas[1], 0., 1., validator.INC_LEFT, "betas[1]", prim)


class Adamax(Optimizer):
    """Adamax per parameter group (PyTorch's rule: epsilon inside the infinity norm), with L2 ``weight_decay`` added
    to the gradient.

    State: ``step_t``, ``exp_avg.<name>`` and ``exp_inf.<name>`` (zeros).
    """

    def __init__(self, params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, *, maximize=False):
        check_not_less_than_without_equal(lr, "lr", "Adamax")
        check_not_less_than(weight_decay, "weight_decay", "Adamax")
        check_not_less_than_without_equal(eps, "eps", "Adamax")
        check_betas(betas, "Adamax")
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, maximize=maximize))
        self._init_step()
        self.exp_avg = self.parameters.clone(prefix="exp_avg", init="zeros")
        self.exp_inf = self.parameters.clone(prefix="exp_inf", init="zeros")

    def construct(self, gradients):
        step = self._advance_step()
        self._update_groups(gradients, (self.exp_avg, self.exp_inf), lambda group, lr: (
            lambda grad, var, m, v: _rules.adamax_torch(var, m, v, grad, step, lr, *group["betas"], group["eps"])))
        return True
