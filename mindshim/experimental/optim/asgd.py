"""``mindspore.experimental.optim.ASGD``."""
from ..._table import _optim_rules as _rules
from ...common.parameter import Parameter
from ...common.tensor import Tensor
from .optimizer import Optimizer, check_not_less_than, check_not_less_than_without_equal

__all__ = ["ASGD"]


class ASGD(Optimizer):
    """Averaged SGD per parameter group, as ``nn.ASGD``'s rule (``eta`` starts at ``lr``; ``ax`` averages the
    parameter from step ``t0``), with L2 ``weight_decay`` added to the gradient.

    State: ``ax.<name>`` (zeros), ``step_t``; and, as in MindSpore, per parameter the Float32 scalars ``mu_<name>``
    and ``eta_<name>`` in the lists ``mu`` and ``eta`` (not among the Cell's parameters).
    """

    def __init__(self, params, lr=1e-2, lambd=1e-4, alpha=0.75, t0=1e6, weight_decay=0.0, maximize=False):
        check_not_less_than_without_equal(lr, "lr", "ASGD")
        check_not_less_than(weight_decay, "weight_decay", "ASGD")
        if not isinstance(lambd, float):
            raise TypeError(f"For 'ASGD', the type of lambd must be float, but got {type(lambd)}.")
        if not isinstance(t0, float):
            raise TypeError(f"For 'ASGD', the type of t0 must be float, but got {type(t0)}.")
        defaults = {"lr": lr, "lambd": lambd, "alpha": alpha, "t0": t0, "weight_decay": weight_decay,
                    "maximize": maximize}
        super().__init__(params, defaults)
        self.mu = [Parameter(Tensor(1.), "mu_" + param.name) for param in self.parameters]
        self.eta = [Parameter(Tensor(0.), "eta_" + param.name) for param in self.parameters]
        self.ax = self.parameters.clone(prefix="ax", init="zeros")
        self._init_step()

    def construct(self, gradients):
        step = self._advance_step()
        self._update_groups(gradients, (self.ax, self.mu, self.eta), lambda group, lr: (
            lambda grad, var, ax, mu, eta: _rules.asgd(var, ax, mu, eta, grad, lr, step, group["lambd"],
                                                       group["alpha"], group["t0"])))
        return True
