"""``mindspore.set_seed`` / ``get_seed``: the global seed from which mindshim draws its JAX PRNG keys.

Seeded runs are reproducible run to run; the numbers differ from MindSpore's own generator.
"""
import jax
import numpy as np

_state = {"seed": None, "key": None}


def set_seed(seed):
    if not isinstance(seed, int) or isinstance(seed, bool) or seed < 0:
        raise ValueError(f"For 'set_seed', the argument 'seed' must be a non-negative int, but got {seed}.")
    _state["seed"] = seed
    _state["key"] = jax.random.key(seed)


def get_seed():
    return _state["seed"]


def next_key():
    """A fresh PRNG key (split from the global one); unseeded runs start from OS entropy."""
    if _state["key"] is None:
        _state["key"] = jax.random.key(np.random.SeedSequence().entropy % (2 ** 63))
    _state["key"], key = jax.random.split(_state["key"])
    return key
