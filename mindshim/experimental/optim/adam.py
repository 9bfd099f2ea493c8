"""``mindspore.experimental.optim.Adam``."""
from ..._table import _optim_rules as _rules
from ...common import dtype as mstype
from .adamw import _AdamFamily
from .optimizer import update_each

__all__ = ["Adam"]


class Adam(_AdamFamily):
    """Adam per parameter group with MindSpore's ``Adam`` kernel (as ``nn.Adam``; L2 ``weight_decay`` added to the
    gradient). As in MindSpore 2.10, ``amsgrad`` is accepted but the update is plain Adam.

    State: ``exp_avg.<name>``, ``exp_avg_sq.<name>``, ``max_exp_avg_sq.<name>`` and ``state_step`` (Int32, 0-d).
    """

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, amsgrad=False, *,
                 maximize=False):
        super().__init__(params, lr, betas, eps, weight_decay, amsgrad, maximize)

    def construct(self, gradients):
        step, groups = self._step_groups(gradients)
        step = step.astype(mstype.float32.np_dtype)
        for group, lr, params, grads, start in groups:
            beta1, beta2 = group["betas"]
            beta1_power, beta2_power = beta1 ** step, beta2 ** step
            grads = self._decay_weight(group["weight_decay"], params, grads)
            eps, end = group["eps"], start + len(params)

            def rule(grad, var, m, v):
                return _rules.adam(var, m, v, beta1_power, beta2_power, lr, beta1, beta2, eps, grad)
            update_each(params, grads, (self.exp_avg[start:end], self.exp_avg_sq[start:end]), rule)
        return True
