"""``mindspore.set_seed`` / ``get_seed`` and the PRNG keys every random op draws from.

One global key, kept on the device (a raw uint32 key: typed key arrays would take JAX's slower dispatch path
in every compiled call): ``set_seed`` resets it, so a seeded run is reproducible run to run
(the numbers differ from MindSpore's own generator). Eager random ops split it directly. A compiled or
differentiated call takes the key as an input, draws its keys inside the trace (:func:`traced_keys`) and
returns the advanced key, which is stored back: each step gets fresh randomness and no key is baked into
a compiled program.
"""
import contextlib
import threading

import jax
import numpy as np

_state = {"seed": None, "key": None}
_local = threading.local()


def _stack():
    """The key cells of the traces running in this thread."""
    stack = getattr(_local, "stack", None)
    if stack is None:
        stack = _local.stack = []
    return stack


def set_seed(seed):
    if not isinstance(seed, int) or isinstance(seed, bool) or seed < 0:
        raise ValueError(f"For 'set_seed', the argument 'seed' must be a non-negative int, but got {seed}.")
    _state.update(seed=seed, key=jax.random.PRNGKey(seed))
    from ..dataset import config  # the dataset pipeline's seed follows, as in MindSpore
    config.set_seed(seed)


def get_seed():
    return _state["seed"]


def current_key():
    """The key to draw from: the enclosing trace's, else the global one (unseeded: from OS entropy)."""
    stack = _stack()
    if stack:
        return stack[-1][0]
    if _state["key"] is None:
        _state["key"] = jax.random.PRNGKey(np.random.SeedSequence().entropy % (2 ** 63))
    return _state["key"]


def set_key(key):
    """Store the advanced key: into the enclosing trace's, else the global one."""
    stack = _stack()
    if stack:
        stack[-1][0] = key
        stack[-1][1] = True
    else:
        _state["key"] = key


@contextlib.contextmanager
def traced_keys(key):
    """Within a trace, :func:`next_key` splits keys from ``key``; ``cell[0]`` ends as the key to store back,
    ``cell[1]`` says whether any was drawn."""
    cell = [key, False]
    stack = _stack()
    stack.append(cell)
    try:
        yield cell
    finally:
        stack.pop()


def next_key():
    """A fresh PRNG key: from the enclosing trace's key if inside one, else from the global key."""
    stack = _stack()
    if stack:
        cell = stack[-1]
        cell[0], key = jax.random.split(cell[0])
        cell[1] = True
        return key
    new, key = jax.random.split(current_key())
    _state["key"] = new
    return key
