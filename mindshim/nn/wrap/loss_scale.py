"""Loss scaling (``mindspore.nn.wrap.loss_scale``): update cells and the loss-scaled training step."""
import jax.numpy as jnp

from ... import ops
from ...common import dtype as mstype
from ...common.parameter import Parameter
from ...common.tensor import Tensor, _wrap
from ..cell import Cell
from .cell_wrapper import TrainOneStepCell


def _select(cond, a, b):
    return _wrap(jnp.where(cond._data, a._data, b._data))


class DynamicLossScaleUpdateCell(Cell):
    """MindSpore's dynamic loss scale: on overflow divide the scale by ``scale_factor`` (not below 1); after
    ``scale_window`` steps without overflow multiply it by ``scale_factor``. Returns ``overflow``."""

    def __init__(self, loss_scale_value, scale_factor, scale_window):
        super().__init__()
        self.scale_window = Tensor(scale_window, dtype=mstype.int32)
        self.scale_factor = Tensor(scale_factor, dtype=mstype.float32)
        self.loss_scale_value = loss_scale_value
        self.cur_iter = Parameter(Tensor(1, dtype=mstype.int32), name="current_iterator_step")
        self.last_overflow_iter = Parameter(Tensor(0, dtype=mstype.int32), name="last_overflow_iterator_step")

    def get_loss_scale(self):
        return self.loss_scale_value

    def construct(self, loss_scale, overflow):
        on_overflow = _select(overflow, _wrap(jnp.maximum(loss_scale._data / self.scale_factor._data, 1.0)),
                              loss_scale)
        should_inc = self.scale_window <= self.cur_iter - self.last_overflow_iter
        last_iter_cond = _wrap(jnp.logical_or(overflow._data, should_inc._data))
        ops.assign(self.last_overflow_iter, _select(last_iter_cond, self.cur_iter, self.last_overflow_iter))
        update = _wrap(jnp.logical_and(should_inc._data, jnp.logical_not(overflow._data)))
        ops.assign(loss_scale, _select(update, on_overflow * self.scale_factor, on_overflow))
        ops.assign(self.cur_iter, self.cur_iter + 1)
        return overflow


class FixedLossScaleUpdateCell(Cell):
    """A constant loss scale: returns ``overflow`` unchanged."""

    def __init__(self, loss_scale_value):
        super().__init__()
        self.loss_scale_value = loss_scale_value

    def get_loss_scale(self):
        return self.loss_scale_value

    def construct(self, _, overflow):
        return overflow


class TrainOneStepWithLossScaleCell(TrainOneStepCell):
    """A training step with loss scaling: gradients of ``loss * scale`` are divided by ``scale``; if any is
    not finite the step is an overflow, the optimizer's update is skipped and the scale manager (a
    ``DynamicLossScaleUpdateCell``) adjusts the scale. Returns ``(loss, overflow, scale)``."""

    def __init__(self, network, optimizer, scale_sense):
        super().__init__(network, optimizer, sens=None)
        self.loss_scaling_manager = None
        if isinstance(scale_sense, Cell):
            self.loss_scaling_manager = scale_sense
            self.scale_sense = Parameter(Tensor(scale_sense.get_loss_scale(), dtype=mstype.float32),
                                         name="scale_sense")
        elif isinstance(scale_sense, Tensor):
            if tuple(scale_sense.shape) not in ((1,), ()):
                raise ValueError("For 'TrainOneStepWithLossScaleCell', the shape of 'scale_sense' must be (1,) or (), "
                                 f"but got {scale_sense.shape}.")
            self.scale_sense = Parameter(scale_sense, name="scale_sense")
        else:
            raise TypeError("For 'TrainOneStepWithLossScaleCell', the 'scale_sense' must be Cell or Tensor, but got "
                            f"'scale_sense' type: {type(scale_sense)}.")

    def construct(self, *inputs):
        scaling_sens = self.scale_sense
        loss, grads = self.grad(*inputs, ops.reshape(scaling_sens, ()))
        grads = tuple(g * ops.cast(1.0 / scaling_sens, g.dtype) for g in grads)
        grads = self.grad_reducer(grads)
        cond = self.get_overflow_status(None, grads)
        overflow = self.process_loss_scale(cond)
        self._apply_unless(overflow, grads)
        return loss, cond, scaling_sens.value()

    def _apply_unless(self, overflow, grads):
        """``if not overflow: optimizer(grads)``, traceable: the update is computed, then kept or dropped."""
        state = list(self.optimizer.get_parameters())
        before = [p._data for p in state]
        self.optimizer(grads)
        for p, old in zip(state, before):
            if p._data is not old:
                p._data = jnp.where(overflow._data, old, p._data)

    def start_overflow_check(self, pre_cond, compute_input):
        """``(status, compute_input)`` for ``get_overflow_status``. MindSpore clears Ascend's overflow registers here;
        mindshim, like MindSpore on CPU and GPU, has none to clear: ``status`` is MindSpore's 8 zeros (Int32)."""
        return Tensor([0] * 8, mstype.int32), compute_input

    def get_overflow_status(self, status, compute_output):
        """True when any gradient holds an inf or nan."""
        finite = [jnp.all(jnp.isfinite(g._data)) for g in compute_output]
        return _wrap(jnp.logical_not(jnp.all(jnp.stack(finite)))) if finite else Tensor(False)

    def process_loss_scale(self, overflow):
        if self.loss_scaling_manager is not None:
            return self.loss_scaling_manager(self.scale_sense, overflow)
        return overflow

    def set_sense_scale(self, sens):
        if not isinstance(sens, Tensor):
            raise TypeError("For 'TrainOneStepWithLossScaleCell', the type of 'sens' must be Tensor, but got "
                            f"{type(sens)}")
        self.scale_sense.set_data(sens)


__all__ = ["DynamicLossScaleUpdateCell", "FixedLossScaleUpdateCell", "TrainOneStepWithLossScaleCell"]
