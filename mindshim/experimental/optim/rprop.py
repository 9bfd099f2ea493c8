"""``mindspore.experimental.optim.Rprop``."""
from ... import _checkparam as validator
from ..._table import _optim_rules as _rules
from .optimizer import Optimizer, check_not_less_than_without_equal

__all__ = ["Rprop"]


class Rprop(Optimizer):
    """Resilient backpropagation per parameter group, as ``nn.Rprop``'s rule (the step size starts at ``lr``,
    grows by ``etas[1]`` and shrinks by ``etas[0]``, clipped to ``step_sizes``). As in MindSpore, no weight decay.

    State: ``prev.<name>`` and ``step_size.<name>`` (zeros), ``step_t``.
    """

    def __init__(self, params, lr=1e-2, etas=(0.5, 1.2), step_sizes=(1e-6, 50), *, maximize=False):
        check_not_less_than_without_equal(lr, "lr", "Rprop")
        check_not_less_than_without_equal(etas[1], "etas[1]", "Rprop", 1.)
        validator.check_float_range(etas[0], 0., 1., validator.INC_NEITHER, "etas[0]", "Rprop")
        super().__init__(params, dict(lr=lr, etas=etas, step_sizes=step_sizes, maximize=maximize))
        self.prev = self.parameters.clone(prefix="prev", init="zeros")
        self.step_size = self.parameters.clone(prefix="step_size", init="zeros")
        self._init_step()

    def construct(self, gradients):
        first = self._advance_step() == 1
        self._update_groups(gradients, (self.prev, self.step_size), lambda group, lr: (
            lambda grad, var, prev, step_size: _rules.rprop(var, prev, step_size, grad, lr, first, *group["etas"],
                                                            *group["step_sizes"])), weight_decay=False)
        return True
