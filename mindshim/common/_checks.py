"""Checks of array values that MindSpore's kernels make at run time (index ranges), shared by the op table's
rows and Tensor indexing.

A check is a *rule* ``rule(xp, values) -> (bad, error, fields)`` over an index array, written once for numpy
and jax.numpy (``xp``): ``bad`` a boolean array, ``error(*values)`` the exception, ``fields`` arrays (leading
axes ``bad``'s shape) whose values at the first bad position fill the message. :func:`check` applies it:

* eager: on the values, at once;
* inside a compiled call's trace (values unknown): the rule is traced into the program, which computes an
  ``ok`` flag and the message's values beside its result (``common._trace.require``); the engine raises the
  error after a call whose flag is False, having kept the state. Where the checked array is one of the
  program's inputs (labels, token ids) the engine applies the rule to the input's values on the host before
  the call instead, which costs no device work and no waiting.

:func:`set_index_checks` (or ``MINDSHIM_CHECK_INDICES=0``) leaves the checks out of compiled programs.
"""
import jax
import jax.numpy as jnp
import numpy as np

from .. import _state
from . import _trace


def set_index_checks(enabled=True):
    """Whether compiled programs (training steps, ``mindspore.jit``, gradients) check index values (class
    labels, Gather/Embedding ids, ...) as MindSpore's kernels do: on by default, off from the start with the
    environment variable ``MINDSHIM_CHECK_INDICES=0``. mindshim's own switch; MindSpore always checks.

    Off, an out-of-range index inside a compiled call gives what JAX gives (NaN, a zero or a clamped row) and
    the state is updated with it; eager calls check either way. Compiled calls trace again for the new setting
    (once: they keep a program for each)."""
    if not isinstance(enabled, bool):
        raise TypeError(f"For 'set_index_checks', the argument 'enabled' must be bool, but got "
                        f"{type(enabled).__name__}.")
    if _state.checks["indices"] != enabled:
        _state.checks["indices"] = enabled
        _state.modes_changed()


def check(a, rule):
    """Apply ``rule`` (see the module docstring) to the index array ``a``: raise its error now when ``a``'s values
    are known, register it in the trace in progress when they are traced (and checks are on there)."""
    if not isinstance(a, jax.core.Tracer):
        fail_first(*rule(np, np.asarray(a)))
    elif _trace.checking():
        bad, error, fields = rule(jnp, a)
        if bad.size:
            k = jnp.argmax(bad.reshape(-1))
            _trace.require(~jnp.any(bad), tuple(_at(f, bad, k) for f in fields), error, (a, rule))


def fail_first(bad, error, fields):
    """Raise ``error`` for the first True of the numpy array ``bad``, if any."""
    if bad.size and bad.any():
        k = int(np.argmax(bad.reshape(-1)))
        raise error(*(_at(f, bad, k) for f in fields))


def _at(field, bad, k):
    return field.reshape((bad.size,) + field.shape[bad.ndim:])[k]


def gather_rule(n):
    """MindSpore's Gather kernel check: a negative index counts from the end, then it must lie in ``[0, n)``."""
    def rule(xp, values):
        wrapped = xp.where(values < 0, values + n, values)
        return (wrapped < 0) | (wrapped >= n), lambda got: ValueError(
            f"For 'Gather', the 'input_indices' should be in the range [0, {n}), but got {got}, error_code[58]"), \
            (wrapped,)
    return rule


def gather_d_rule(n):
    """MindSpore's GatherD kernel check: every index in ``[-n, n)`` (also the loss functions' class gather)."""
    def rule(xp, values):
        return (values < -n) | (values >= n), lambda got: ValueError(
            f"For 'GatherD', the value of 'index' must be in [{-n}, {n}), but got: {got}"), (values,)
    return rule


def ignoring(ignore_index, rule):
    """``rule`` applied to the indices with ``ignore_index`` entries read as class 0 (as the losses gather)."""
    def ignoring_rule(xp, values):
        return rule(xp, xp.where(values == ignore_index, xp.zeros((), values.dtype), values))
    return ignoring_rule


def check_gather_indices(indices, n):
    check(indices, gather_rule(n))
