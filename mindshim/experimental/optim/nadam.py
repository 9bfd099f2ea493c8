"""``mindspore.experimental.optim.NAdam``."""
from ..._table import _optim_rules as _rules
from ...common.parameter import Parameter
from ...common.tensor import Tensor
from .adamax import check_betas
from .optimizer import Optimizer, check_not_less_than, check_not_less_than_without_equal

__all__ = ["NAdam"]


class NAdam(Optimizer):
    """NAdam (Adam with Nesterov momentum, PyTorch's rule) per parameter group, with L2 ``weight_decay`` added to
    the gradient. As in MindSpore, there is no ``maximize``.

    State: ``step_t``, ``exp_avg.<name>`` and ``exp_avg_sq.<name>`` (zeros); and, as in MindSpore, the Float32
    scalars ``mu_product_<name>`` in the list ``mu_product`` (not among the Cell's parameters).
    """

    def __init__(self, params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, momentum_decay=4e-3):
        check_not_less_than_without_equal(lr, "lr", "NAdam")
        check_not_less_than_without_equal(eps, "eps", "NAdam")
        check_not_less_than(weight_decay, "weight_decay", "NAdam")
        check_not_less_than(momentum_decay, "momentum_decay", "NAdam")
        check_betas(betas, "NAdam")
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay,
                                      momentum_decay=momentum_decay))
        self._init_step()
        self.exp_avg = self.parameters.clone(prefix="exp_avg", init="zeros")
        self.exp_avg_sq = self.parameters.clone(prefix="exp_avg_sq", init="zeros")
        self.mu_product = [Parameter(Tensor(1.), "mu_product_" + param.name) for param in self.parameters]

    def construct(self, gradients):
        step = self._advance_step()
        self._update_groups(gradients, (self.exp_avg, self.exp_avg_sq, self.mu_product), lambda group, lr: (
            lambda grad, var, m, v, mu_product: _rules.nadam(var, m, v, mu_product, grad, step, lr, *group["betas"],
                                                             group["eps"], group["momentum_decay"])))
        return True
