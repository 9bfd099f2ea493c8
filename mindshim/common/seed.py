"""``mindspore.set_seed`` / ``get_seed`` and the PRNG keys every random op draws from.

The key stream is ``fold_in(base_key, counter)``: ``set_seed`` fixes ``base_key`` and resets ``counter``, so
a seeded run is reproducible run to run (the numbers differ from MindSpore's own generator). Eager random
ops take the next key directly. A compiled or differentiated call receives ``(base_key, counter)`` as
inputs and draws its keys inside the trace (:func:`traced_keys`), so each step gets fresh randomness and
no key is baked into a compiled program.
"""
import contextlib

import jax
import numpy as np

_state = {"seed": None, "base": None, "counter": 0}
_trace_stack = []


def set_seed(seed):
    if not isinstance(seed, int) or isinstance(seed, bool) or seed < 0:
        raise ValueError(f"For 'set_seed', the argument 'seed' must be a non-negative int, but got {seed}.")
    _state.update(seed=seed, base=jax.random.key(seed), counter=0)


def get_seed():
    return _state["seed"]


def key_inputs():
    """``(base_key, counter)`` for the next compiled call; advances the stream by one."""
    if _state["base"] is None:
        _state["base"] = jax.random.key(np.random.SeedSequence().entropy % (2 ** 63))
    counter = _state["counter"]
    _state["counter"] = counter + 1
    return _state["base"], np.uint32(counter)


@contextlib.contextmanager
def traced_keys(base, counter):
    """Within a trace: :func:`next_key` splits keys from ``fold_in(base, counter)``."""
    _trace_stack.append([jax.random.fold_in(base, counter)])
    try:
        yield
    finally:
        _trace_stack.pop()


def next_key():
    """A fresh PRNG key: from the enclosing trace's key if inside one, else from the global stream."""
    if _trace_stack:
        cell = _trace_stack[-1]
        cell[0], key = jax.random.split(cell[0])
        return key
    base, counter = key_inputs()
    return jax.random.fold_in(base, counter)
