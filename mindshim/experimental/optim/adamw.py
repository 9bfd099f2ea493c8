"""``mindspore.experimental.optim.AdamW``, and what it shares with ``Adam``."""
from ..._table import _optim_rules as _rules
from ...common import dtype as mstype
from ...common.parameter import Parameter
from ...common.tensor import Tensor
from .optimizer import Optimizer, update_each

__all__ = ["AdamW"]


def check_adam_args(lr, betas, eps, weight_decay):
    """PyTorch's range checks of the Adam family's arguments (``mint.optim`` too)."""
    if lr < 0.0:
        raise ValueError(f"Invalid learning rate: {lr}")
    if eps < 0.0:
        raise ValueError(f"Invalid epsilon value: {eps}")
    if not 0.0 <= betas[0] < 1.0:
        raise ValueError(f"Invalid beta parameter at index 0: {betas[0]}")
    if not 0.0 <= betas[1] < 1.0:
        raise ValueError(f"Invalid beta parameter at index 1: {betas[1]}")
    if weight_decay < 0.0:
        raise ValueError(f"Invalid weight_decay value: {weight_decay}")


class _AdamFamily(Optimizer):
    """Adam's and AdamW's arguments, checks and state: ``exp_avg``, ``exp_avg_sq``, ``max_exp_avg_sq`` per
    parameter, and ``state_step``."""

    def __init__(self, params, lr, betas, eps, weight_decay, amsgrad, maximize):
        check_adam_args(lr, betas, eps, weight_decay)
        defaults = dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, amsgrad=amsgrad, maximize=maximize)
        super().__init__(params, defaults)
        self.exp_avg = self.parameters.clone(prefix="exp_avg", init="zeros")
        self.exp_avg_sq = self.parameters.clone(prefix="exp_avg_sq", init="zeros")
        self.max_exp_avg_sq = self.parameters.clone(prefix="max_exp_avg_sq", init="zeros")
        self.state_step = Parameter(Tensor(0, mstype.int32), "state_step")
        self.increase_tensor = Tensor(1, mstype.int32)

    def _step_groups(self, gradients):
        """Check ``gradients``, advance ``state_step``; its new value and ``_checked_groups``."""
        groups = self._checked_groups(gradients)
        self.state_step.set_data(self.state_step + self.increase_tensor)
        return self.state_step._data, groups


class AdamW(_AdamFamily):
    """AdamW (decoupled weight decay, bias-corrected, PyTorch's formula) per parameter group.

    State: ``exp_avg.<name>``, ``exp_avg_sq.<name>``, ``max_exp_avg_sq.<name>`` and ``state_step`` (Int32, 0-d).
    """

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2, amsgrad=False, *,
                 maximize=False):
        super().__init__(params, lr, betas, eps, weight_decay, amsgrad, maximize)

    def construct(self, gradients):
        step, groups = self._step_groups(gradients)
        for group, lr, params, grads, start in groups:
            (beta1, beta2), eps, weight_decay, amsgrad = group["betas"], group["eps"], group["weight_decay"], \
                group["amsgrad"]
            end = start + len(params)

            def rule(grad, var, m, v, max_v):
                return _rules.adamw(var, m, v, max_v, grad, step, lr, beta1, beta2, eps, weight_decay, amsgrad)
            update_each(params, grads, (self.exp_avg[start:end], self.exp_avg_sq[start:end],
                                        self.max_exp_avg_sq[start:end]), rule)
        return True
