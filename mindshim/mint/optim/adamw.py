"""``mindspore.mint.optim.AdamW`` and ``FusedAdamW``."""
from ... import _checkparam as validator
from ..._table import _optim_rules as _rules
from ...common import dtype as mstype
from ...common.parameter import Parameter
from ...common.tensor import Tensor
from ...experimental.optim.adamw import check_adam_args
from ...experimental.optim.optimizer import Optimizer, update_each

__all__ = ["AdamW", "FusedAdamW"]


def check_torch_adam_args(betas, eps, weight_decay, lr, amsgrad, maximize, prim_name):
    validator.check_value_type("betas", betas, [tuple], prim_name)
    if len(betas) not in [2]:
        raise ValueError(f"For '{prim_name}', the betas size should be in : [2], but got {len(betas)}.")
    validator.check_value_type("betas[0]", betas[0], [float], prim_name)
    validator.check_value_type("betas[1]", betas[1], [float], prim_name)
    validator.check_value_type("eps", eps, [float], prim_name)
    validator.check_value_type("weight_decay", weight_decay, [float], prim_name)
    validator.check_value_type("lr", lr, [float], prim_name)
    validator.check_value_type("amsgrad", amsgrad, [bool], prim_name)
    validator.check_value_type("maximize", maximize, [bool], prim_name)
    check_adam_args(lr, betas, eps, weight_decay)


class _TorchAdam(Optimizer):
    """PyTorch's Adam/AdamW per group; groups with ``amsgrad`` keep ``max_exp_avg_sq`` in the group dict (used
    only where ``_amsgrad``)."""
    _decoupled = True
    _amsgrad = True

    def __init__(self, params, lr, betas, eps, weight_decay, amsgrad, maximize, first_step):
        check_torch_adam_args(betas, eps, weight_decay, lr, amsgrad, maximize, self.cls_name)
        defaults = dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, amsgrad=amsgrad, maximize=maximize)
        self.max_v_group = True
        super().__init__(params, defaults)
        self.exp_avg = self.parameters.clone(prefix="exp_avg", init="zeros")
        self.exp_avg_sq = self.parameters.clone(prefix="exp_avg_sq", init="zeros")
        self.state_step = Parameter(Tensor([first_step - 1], mstype.float32), "state_step")
        self.increase_tensor = Tensor(1, mstype.float32)
        self._step_offset = 1 - first_step

    def construct(self, gradients):
        groups = self._checked_groups(gradients)
        self.state_step.set_data(self.state_step + self.increase_tensor)
        step = self.state_step._data + self._step_offset
        for group, lr, params, grads, start in groups:
            (beta1, beta2), eps, end = group["betas"], group["eps"], start + len(params)
            amsgrad = group["amsgrad"] and self._amsgrad
            weight_decay = group["weight_decay"]
            states = (self.exp_avg[start:end], self.exp_avg_sq[start:end])
            if not self._decoupled:
                grads, weight_decay = self._decay_weight(weight_decay, params, grads), 0.0
            if amsgrad:
                def rule(grad, var, m, v, max_v):
                    return _rules.adamw(var, m, v, max_v, grad, step, lr, beta1, beta2, eps, weight_decay, True)
                update_each(params, grads, states + (group["max_exp_avg_sq"],), rule)
            else:
                def rule(grad, var, m, v):
                    return _rules.adamw(var, m, v, v, grad, step, lr, beta1, beta2, eps, weight_decay)[:3]
                update_each(params, grads, states, rule)
        return True


class AdamW(_TorchAdam):
    """AdamW (PyTorch's rule). ``state_step`` (Float32, shape ``(1,)``) counts from 0 at the first step, whose
    bias correction uses ``t = state_step + 1``, as MindSpore's ``AdamW`` kernel does.

    State: ``exp_avg.<name>``, ``exp_avg_sq.<name>``, ``state_step``; ``max_exp_avg_sq`` in ``amsgrad`` groups.
    """

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2, amsgrad=False, *,
                 maximize=False):
        super().__init__(params, lr, betas, eps, weight_decay, amsgrad, maximize, first_step=0)


class FusedAdamW(AdamW):
    """:class:`AdamW` whose groups must agree on ``amsgrad`` (MindSpore fuses each group into one buffer); with
    ``amsgrad`` the Parameters ``max_exp_avg_sq.<name>`` are the optimizer's, shared with the groups."""

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2, amsgrad=False, *,
                 maximize=False):
        params = list(params) if isinstance(params, (list, tuple)) else params
        if isinstance(params, list) and params and isinstance(params[0], dict):
            flags = [bool(group.get("amsgrad", amsgrad)) for group in params]
            if len(set(flags)) != 1:
                raise ValueError(f"{self.cls_name} does not support mixed amsgrad across param_groups. Found amsgrad "
                                 f"flags per group: {flags}. Please keep amsgrad consistent.")
        super().__init__(params, lr, betas, eps, weight_decay, amsgrad, maximize=maximize)
        if amsgrad:
            self.max_exp_avg_sq = self.parameters.clone(prefix="max_exp_avg_sq", init="zeros")
            for group_id, group in enumerate(self.param_groups):
                start, end = self.group_start_id[group_id], self.group_start_id[group_id + 1]
                group["amsgrad"] = True
                group["max_exp_avg_sq"] = self.max_exp_avg_sq[start:end]

    def add_param_group(self, param_group):
        """Groups get ``max_exp_avg_sq`` from the optimizer's own state, not a clone of their own."""
        had_max_v_group = self.__dict__.pop("max_v_group", None)
        try:
            super().add_param_group(param_group)
        finally:
            if had_max_v_group is not None:
                self.max_v_group = had_max_v_group
