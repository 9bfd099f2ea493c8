"""Running code that reads and writes Parameters with given values standing in for them.

:func:`call_with_params` swaps values (concrete or traced) into the Parameters for one call and swaps the old
ones back whatever happens, so no tracer stays in a Parameter; :func:`tracing` wraps it in a trace frame
(``common._trace``) that watches for Parameters the call was not given and holds the PRNG key.
"""
import contextlib
import sys

import jax
import jax.numpy as jnp

from ..common import _trace
from ..common.tensor import Tensor, _wrap


class Retrace(Exception):
    """Raised out of a trace that touched Parameters it did not take as inputs."""

    def __init__(self, params):
        super().__init__([p.name for p in params])
        self.params = params


def to_tensor(x):
    return _wrap(x) if isinstance(x, jax.Array) else x


def call_with_params(fn, params, values, args, kwargs=None):
    """Run ``fn(*args)`` with ``values`` standing in for ``params``; returns ``(outputs, new_values)``.

    Array arguments are wrapped as Tensors. ``new_values[i]`` is ``values[i]`` unless ``fn`` wrote to that
    Parameter. The Parameters get their old data back whatever happens.
    """
    old = [p._data for p in params]
    try:
        for p, v in zip(params, values):
            p._data = v
        out = fn(*[to_tensor(a) for a in args], **(kwargs or {}))
        new = [p._data for p in params]
    finally:
        for p, v in zip(params, old):
            p._data = v
    return out, new


@contextlib.contextmanager
def tracing(params, key, eager=False):
    """A trace frame for a call given ``params`` and drawing random keys from ``key`` (None: the global key),
    traced or (``eager``) run eagerly in a program's place; raises :class:`Retrace` on exit if the call touched
    other Parameters."""
    with _trace.frame(params, key, eager) as frame:
        yield frame
    if frame.missing:
        raise Retrace([p for p, _ in frame.missing])


def donatable(values):
    """The state to donate: a buffer something else also holds (another Parameter, a Tensor the user kept) is
    copied first, so that donating it cannot delete it under its other holder."""
    # References of a private buffer: its Parameter's slot, the list ``values``, getrefcount's argument.
    if max(map(sys.getrefcount, values), default=0) <= DONATE_REFS:
        return values
    return [v if sys.getrefcount(v) <= DONATE_REFS + 1 else jnp.array(v, copy=True) for v in values]


#: ``sys.getrefcount`` of a state buffer that only its Parameter holds, seen from :func:`donatable`'s list
#: (pinned by a test on the supported Python versions: a new interpreter that counts differently must fail it,
#: never donate a shared buffer).
DONATE_REFS = 3


def is_tensor(t):
    return isinstance(t, Tensor)


def to_arrays(tree):
    return jax.tree_util.tree_map(lambda t: t._data if isinstance(t, Tensor) else t, tree, is_leaf=is_tensor)


def to_tensors(tree):
    return _wrap(tree) if isinstance(tree, jax.Array) else jax.tree_util.tree_map(to_tensor, tree)
