"""``mindspore.experimental.optim.Adagrad``."""
from ..._table import _optim_rules as _rules
from .optimizer import Optimizer, check_not_less_than, check_not_less_than_without_equal

__all__ = ["Adagrad"]


class Adagrad(Optimizer):
    """Adagrad per parameter group with MindSpore's ``ApplyAdagradV2`` kernel at the rate ``lr / (1 + step *
    lr_decay)`` (``step`` counting from 0), with L2 ``weight_decay`` added to the gradient.

    State: ``accum.<name>`` (``initial_accumulator_value``) and ``step_t``.
    """

    def __init__(self, params, lr=1e-2, lr_decay=0.0, weight_decay=0.0, initial_accumulator_value=0.0, eps=1e-10, *,
                 maximize=False):
        check_not_less_than_without_equal(lr, "lr", "Adagrad")
        check_not_less_than(lr_decay, "lr_decay", "Adagrad")
        check_not_less_than(weight_decay, "weight_decay", "Adagrad")
        check_not_less_than(initial_accumulator_value, "initial_accumulator_value", "Adagrad")
        check_not_less_than_without_equal(eps, "eps", "Adagrad")
        super().__init__(params, dict(lr=lr, lr_decay=lr_decay, eps=eps, weight_decay=weight_decay,
                                      initial_accumulator_value=initial_accumulator_value, maximize=maximize))
        self.accum = self.parameters.clone(prefix="accum", init=initial_accumulator_value)
        self._init_step()

    def construct(self, gradients):
        step = self.step_t._data

        def group_rule(group, lr):
            decayed_lr = lr / (1 + step * group["lr_decay"])
            return lambda grad, var, accum: _rules.apply_adagrad_v2(var, accum, decayed_lr, grad, group["eps"])
        self._update_groups(gradients, (self.accum,), group_rule)
        self._advance_step()
        return True
