"""``mindspore.experimental.optim.RAdam``."""
from ..._table import _optim_rules as _rules
from .adamax import check_betas
from .optimizer import Optimizer, check_not_less_than, check_not_less_than_without_equal

__all__ = ["RAdam"]


class RAdam(Optimizer):
    """RAdam (rectified Adam, PyTorch's rule) per parameter group, with L2 ``weight_decay`` added to the gradient.
    As in MindSpore, there is no ``maximize``.

    State: ``step_t``, ``exp_avg.<name>`` and ``exp_avg_sq.<name>`` (zeros).
    """

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
        check_not_less_than_without_equal(lr, "lr", "RAdam")
        check_not_less_than(weight_decay, "weight_decay", "RAdam")
        check_not_less_than_without_equal(eps, "eps", "RAdam")
        check_betas(betas, "RAdam")
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay))
        self._init_step()
        self.exp_avg = self.parameters.clone(prefix="exp_avg", init="zeros")
        self.exp_avg_sq = self.parameters.clone(prefix="exp_avg_sq", init="zeros")

    def construct(self, gradients):
        step = self._advance_step()
        self._update_groups(gradients, (self.exp_avg, self.exp_avg_sq), lambda group, lr: (
            lambda grad, var, m, v: _rules.radam(var, m, v, grad, step, lr, *group["betas"], group["eps"])))
        return True
