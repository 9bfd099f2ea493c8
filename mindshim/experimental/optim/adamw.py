"""``mindspore.experimental.optim.AdamW``."""
from ...common import dtype as mstype
from ...common.parameter import Parameter
from ...common.tensor import Tensor
from ...nn.optim import _rules
from .optimizer import Optimizer, update_each

__all__ = ["AdamW"]


def init_adam_state(opt):
    """The Adam family's state: ``exp_avg``, ``exp_avg_sq``, ``max_exp_avg_sq`` per parameter, and ``state_step``."""
    opt.exp_avg = opt.parameters.clone(prefix="exp_avg", init="zeros")
    opt.exp_avg_sq = opt.parameters.clone(prefix="exp_avg_sq", init="zeros")
    opt.max_exp_avg_sq = opt.parameters.clone(prefix="max_exp_avg_sq", init="zeros")
    opt.state_step = Parameter(Tensor(0, mstype.int32), "state_step")
    opt.increase_tensor = Tensor(1, mstype.int32)


def check_adam_args(lr, betas, eps, weight_decay):
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


class AdamW(Optimizer):
    """AdamW (decoupled weight decay, bias-corrected, PyTorch's formula) per parameter group.

    State: ``exp_avg.<name>``, ``exp_avg_sq.<name>``, ``max_exp_avg_sq.<name>`` and ``state_step`` (Int32, 0-d).
    """

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2, amsgrad=False, *,
                 maximize=False):
        check_adam_args(lr, betas, eps, weight_decay)
        defaults = dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, amsgrad=amsgrad, maximize=maximize)
        super().__init__(params, defaults)
        init_adam_state(self)

    def construct(self, gradients):
        groups = self._checked_groups(gradients)
        self.state_step.set_data(self.state_step + self.increase_tensor)
        step = self.state_step._data
        for group, lr, params, grads, start in groups:
            (beta1, beta2), eps, weight_decay, amsgrad = group["betas"], group["eps"], group["weight_decay"], \
                group["amsgrad"]
            end = start + len(params)

            def rule(grad, var, m, v, max_v):
                return _rules.adamw(var, m, v, max_v, grad, step, lr, beta1, beta2, eps, weight_decay, amsgrad)
            update_each(params, grads, (self.exp_avg[start:end], self.exp_avg_sq[start:end],
                                        self.max_exp_avg_sq[start:end]), rule)
        return True
