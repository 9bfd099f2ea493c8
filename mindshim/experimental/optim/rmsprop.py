"""``mindspore.experimental.optim.RMSprop``."""
from ..._table import _optim_rules as _rules
from .optimizer import Optimizer, check_not_less_than, check_not_less_than_without_equal

__all__ = ["RMSprop"]


class RMSprop(Optimizer):
    """RMSprop per parameter group (PyTorch's rule: epsilon outside the square root; ``centered`` subtracts the
    squared running mean of the gradient), with L2 ``weight_decay`` added to the gradient.

    State: ``mean_grad.<name>``, ``mean_square.<name>`` and ``moment.<name>`` (zeros).
    """

    def __init__(self, params, lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0.0, momentum=0.0, centered=False,
                 maximize=False):
        check_not_less_than_without_equal(lr, "lr", "RMSprop")
        check_not_less_than(alpha, "alpha", "RMSprop")
        check_not_less_than_without_equal(eps, "eps", "RMSprop")
        check_not_less_than(momentum, "momentum", "RMSprop")
        check_not_less_than(weight_decay, "weight_decay", "RMSprop")
        super().__init__(params, dict(lr=lr, momentum=momentum, alpha=alpha, eps=eps, centered=centered,
                                      weight_decay=weight_decay, maximize=maximize))
        self.mean_grad = self.parameters.clone(prefix="mean_grad", init="zeros")
        self.mean_square = self.parameters.clone(prefix="mean_square", init="zeros")
        self.moment = self.parameters.clone(prefix="moment", init="zeros")

    def construct(self, gradients):
        self._update_groups(gradients, (self.mean_square, self.mean_grad, self.moment), lambda group, lr: (
            lambda grad, var, mean_square, mean_grad, moment: _rules.rms_prop_torch(
                var, mean_square, mean_grad, moment, grad, lr, group["alpha"], group["eps"], group["momentum"],
                group["centered"])))
        return True
