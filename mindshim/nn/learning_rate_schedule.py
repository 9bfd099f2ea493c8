"""``mindspore.nn`` learning-rate schedules: Cells mapping the global step to a Float32 learning rate.

Each schedule is called with the optimizer's ``global_step`` (an Int32 Tensor, shape ``(1,)``) and returns
a Float32 Tensor of the same shape, computed in Float32 in MindSpore's order of operations. The
computation is pure JAX, so a schedule also runs inside a compiled training step.
"""
import math

import jax.numpy as jnp

from .. import _checkparam as validator
from ..common.tensor import Tensor, _wrap
from .cell import Cell
from .dynamic_lr import _check_float_not_negative

__all__ = ["LearningRateSchedule", "ExponentialDecayLR", "NaturalExpDecayLR", "InverseDecayLR", "CosineDecayLR",
           "PolynomialDecayLR", "WarmUpLR"]

_F32 = jnp.float32


def _step(global_step):
    data = global_step._data if isinstance(global_step, Tensor) else jnp.asarray(global_step)
    return data


class LearningRateSchedule(Cell):
    """Base class of learning-rate schedules: ``construct(global_step)`` returns the learning rate."""

    def __init__(self):
        super().__init__()

    def construct(self, global_step):
        raise NotImplementedError


def _check_decay_inputs(learning_rate, decay_rate, decay_steps, is_stair, cls_name):
    validator.check_positive_int(decay_steps, "decay_steps", cls_name)
    validator.check_positive_float(learning_rate, "learning_rate", cls_name)
    validator.check_positive_float(decay_rate, "decay_rate", cls_name)
    validator.check_value_type("is_stair", is_stair, [bool], cls_name)


class _DecayLR(LearningRateSchedule):
    """``(learning_rate, decay_rate, decay_steps, is_stair=False)`` schedules; ``_decay(p)`` applies the rule."""

    def __init__(self, learning_rate, decay_rate, decay_steps, is_stair=False):
        super().__init__()
        _check_decay_inputs(learning_rate, decay_rate, decay_steps, is_stair, type(self).__name__)
        self.learning_rate = learning_rate
        self.decay_rate = decay_rate
        self.decay_steps = decay_steps
        self.is_stair = is_stair

    def construct(self, global_step):
        return _wrap(self._decay(_step(global_step).astype(_F32)))


class ExponentialDecayLR(_DecayLR):
    """``learning_rate * decay_rate ** p`` with ``p = global_step / decay_steps`` (floored if ``is_stair``)."""

    def _decay(self, step):
        p = step / _F32(self.decay_steps)
        if self.is_stair:
            p = jnp.floor(p)
        return _F32(self.learning_rate) * jnp.power(_F32(self.decay_rate), p)


class NaturalExpDecayLR(_DecayLR):
    """``learning_rate * e ** (-decay_rate * p)``; ``p`` is the step, rounded down to a multiple of ``decay_steps``
    if ``is_stair``."""

    def _decay(self, step):
        p = step
        if self.is_stair:
            p = jnp.floor_divide(p, _F32(self.decay_steps)) * _F32(self.decay_steps)
        return _F32(self.learning_rate) * jnp.power(_F32(math.e), _F32(-self.decay_rate) * p)


class InverseDecayLR(_DecayLR):
    """``learning_rate / (1 + decay_rate * p)`` with ``p = global_step / decay_steps`` (floored if ``is_stair``)."""

    def _decay(self, step):
        p = step / _F32(self.decay_steps)
        if self.is_stair:
            p = jnp.floor(p)
        return _F32(self.learning_rate) / (_F32(1) + _F32(self.decay_rate) * p)


class CosineDecayLR(LearningRateSchedule):
    """``min_lr + (max_lr - min_lr) / 2 * (1 + cos(pi * min(step, decay_steps) / decay_steps))``."""

    def __init__(self, min_lr, max_lr, decay_steps):
        super().__init__()
        _check_float_not_negative(min_lr, "min_lr", "CosineDecayLR", "CosineDecayLR")
        validator.check_positive_float(max_lr, "max_lr", "CosineDecayLR")
        validator.check_positive_int(decay_steps, "decay_steps", "CosineDecayLR")
        if min_lr >= max_lr:
            raise ValueError("For 'CosineDecayLR', the 'max_lr' must be greater than the 'min_lr', but got 'max_lr' "
                             f"value: {max_lr}, 'min_lr' value: {min_lr}.")
        self.min_lr = min_lr
        self.max_lr = max_lr
        self.decay_steps = decay_steps
        self.delta = 0.5 * (max_lr - min_lr)

    def construct(self, global_step):
        step = _step(global_step)
        p = jnp.minimum(step, jnp.asarray(self.decay_steps, step.dtype)).astype(_F32)
        # MindSpore writes cos(x) as sin(x + pi / 2).
        angle = _F32(math.pi) * (p / _F32(self.decay_steps) + _F32(0.5))
        return _wrap(_F32(self.min_lr) + _F32(self.delta) * (_F32(1) + jnp.sin(angle)))


class PolynomialDecayLR(LearningRateSchedule):
    """``(learning_rate - end_learning_rate) * (1 - p) ** power + end_learning_rate``, ``p = step / decay_steps``.

    The step is capped at ``decay_steps``, or with ``update_decay_steps`` the decay length grows to the next
    multiple of ``decay_steps``.
    """

    def __init__(self, learning_rate, end_learning_rate, decay_steps, power, update_decay_steps=False):
        super().__init__()
        validator.check_positive_float(learning_rate, "learning_rate")
        _check_float_not_negative(end_learning_rate, "end_learning_rate", "PolynomialDecayLR", "PolynomialDecayLR")
        validator.check_positive_int(decay_steps, "decay_steps", "PolynomialDecayLR")
        validator.check_value_type("update_decay_steps", update_decay_steps, [bool], "PolynomialDecayLR")
        validator.check_positive_float(power, "power", "PolynomialDecayLR")
        self.decay_steps = decay_steps
        self.start_learning_rate = learning_rate
        self.end_learning_rate = end_learning_rate
        self.diff_learning_rate = learning_rate - end_learning_rate
        self.power = power
        self.update_decay_steps = update_decay_steps

    def construct(self, global_step):
        step = _step(global_step).astype(_F32)
        decay_steps = _F32(self.decay_steps)
        if self.update_decay_steps:
            decay_steps = decay_steps * jnp.maximum(jnp.ceil(step / decay_steps), _F32(1))
        else:
            step = jnp.minimum(step, decay_steps)
        p = step / decay_steps
        return _wrap(_F32(self.diff_learning_rate) * jnp.power(_F32(1) - p, _F32(self.power))
                     + _F32(self.end_learning_rate))


class WarmUpLR(LearningRateSchedule):
    """``learning_rate * min(step, warmup_steps) / warmup_steps``."""

    def __init__(self, learning_rate, warmup_steps):
        super().__init__()
        _check_float_not_negative(learning_rate, "learning_rate", "WarmUpLR", "WarmUpLR")
        validator.check_positive_int(warmup_steps, "warmup_steps", "WarmUpLR")
        self.warmup_steps = warmup_steps
        self.learning_rate = learning_rate

    def construct(self, global_step):
        step = _step(global_step)
        percent = jnp.minimum(step, jnp.asarray(self.warmup_steps, step.dtype)).astype(_F32) / _F32(self.warmup_steps)
        return _wrap(_F32(self.learning_rate) * percent)
