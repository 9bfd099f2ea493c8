"""``mindspore.boost.grad_accumulation``: sum gradients over several steps, then run the optimizer once."""
from ..common import dtype as mstype
from ..common.parameter import Parameter
from ..common.tensor import Tensor
from ..nn.cell import Cell
from ..ops import functional as F
from ..ops import operations as P
from ..ops.composite_base import HyperMap, MultitypeFuncGraph, Partial

__all__ = ["GradientAccumulation", "gradient_accumulation_op", "gradient_clear_op"]

gradient_accumulation_op = MultitypeFuncGraph("gradient_accumulation_op")


@gradient_accumulation_op.register("Int64", "Tensor", "Tensor")
def _cumulative_grad_process(accumulation_step, cumulative_grad, grad):
    """Add ``grad / accumulation_step`` into ``cumulative_grad``."""
    P.AssignAdd()(cumulative_grad, grad / accumulation_step)
    return cumulative_grad


gradient_clear_op = MultitypeFuncGraph("gradient_clear_op")


@gradient_clear_op.register("Tensor")
def _clear_grad(cumulative_grad):
    """Set ``cumulative_grad`` to zeros."""
    return F.assign(cumulative_grad, P.ZerosLike()(cumulative_grad))


class GradientAccumulation(Cell):
    """Called with ``(loss, grads)`` each step: accumulates ``grads / max_accumulation_step`` and, every
    ``max_accumulation_step`` calls, runs ``optimizer`` on the sum and clears it; returns ``loss``."""

    def __init__(self, max_accumulation_step, optimizer):
        super().__init__()
        self._max_accumulation_step = max_accumulation_step
        self.optimizer = optimizer
        self.weights = optimizer.parameters
        self.hyper_map = HyperMap()
        self.partial = Partial()
        self._grad_accumulation = self.weights.clone(prefix="grad_accumulation", init="zeros")
        self._accumulation_step = Parameter(Tensor(0, dtype=mstype.int32), name="accumulation_step")

    def construct(self, loss, grads):
        loss = F.depend(loss, self.hyper_map(self.partial(gradient_accumulation_op, self._max_accumulation_step),
                                             self._grad_accumulation, grads))
        self._accumulation_step += 1
        if self._accumulation_step >= self._max_accumulation_step:
            loss = F.depend(loss, self.optimizer(self._grad_accumulation))
            F.assign(self._accumulation_step, 0)
        if self._accumulation_step == 0:
            loss = F.depend(loss, self.hyper_map(self.partial(gradient_clear_op), self._grad_accumulation))
        return loss
