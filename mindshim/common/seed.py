"""``mindspore.set_seed`` / ``get_seed`` and the PRNG keys every random op draws from.

One global key, kept on the device (a raw uint32 key: typed key arrays would take JAX's slower dispatch path
in every compiled call): ``set_seed`` resets it, so a seeded run is reproducible run to run
(the numbers differ from MindSpore's own generator). Eager random ops split it directly. A compiled or
differentiated call takes the key as an input and draws its keys inside the trace from its frame
(``mindshim.common._trace``); the engine stores the advanced key back, so each step gets fresh randomness
and no key is baked into a compiled program.

Other seeded streams (the dataset pipeline's, as in MindSpore) follow ``set_seed`` by joining
:data:`on_set_seed`.
"""
import jax
import numpy as np

from .. import _state
from . import _trace
from .tensor import Tensor

_rng = _state.rng
#: Functions called with the seed after every ``set_seed`` (``mindshim.dataset.config`` joins).
on_set_seed = []


def set_seed(seed):
    if not isinstance(seed, int) or isinstance(seed, bool) or seed < 0:
        raise ValueError(f"For 'set_seed', the argument 'seed' must be a non-negative int, but got {seed}.")
    _rng.update(seed=seed, key=jax.random.PRNGKey(seed))
    for hook in on_set_seed:
        hook(seed)


def get_seed():
    return _rng["seed"]


def get_rng_state():
    """The global PRNG key as a UInt8 Tensor (mindshim's state: JAX's key, not MindSpore's seed and offset)."""
    return Tensor(np.asarray(current_key()).view(np.uint8).copy())


def set_rng_state(state):
    """Restore the global PRNG key from a :func:`get_rng_state` Tensor."""
    if not isinstance(state, Tensor):
        raise TypeError(f"For 'set_rng_state', the 'state' must be a Tensor, but got {type(state).__name__}.")
    data = np.asarray(state.asnumpy(), np.uint8)
    key = np.asarray(current_key())
    if data.size != key.nbytes:
        raise ValueError(f"For 'set_rng_state', the 'state' must hold {key.nbytes} bytes (from get_rng_state), but "
                         f"got {data.size}.")
    _rng["key"] = jax.numpy.asarray(data.view(key.dtype).reshape(key.shape))


def _frame():
    """The frame of the trace in progress, if it has a key of its own."""
    frames = _trace.local.frames
    return frames[-1] if frames and frames[-1].key is not None else None


def current_key():
    """The key to draw from: the trace's in progress, else the global one (unseeded: from OS entropy)."""
    frame = _frame()
    if frame is not None:
        return frame.key
    if _rng["key"] is None:  # made concrete even when first needed inside a trace, which must not keep it
        with jax.ensure_compile_time_eval():
            _rng["key"] = jax.random.PRNGKey(np.random.SeedSequence().entropy % (2 ** 63))
    return _rng["key"]


def init_key():
    """A fresh key for an initializer. Inside a trace it is drawn, concretely, from the global key folded apart
    from the trace's own stream: a Cell made inside a compiled function gets its Parameters' values when the
    function is compiled, as MindSpore initializes them when it compiles the graph."""
    if _frame() is None:
        return next_key()
    with jax.ensure_compile_time_eval():
        if _rng["key"] is None:
            _rng["key"] = jax.random.PRNGKey(np.random.SeedSequence().entropy % (2 ** 63))
        _rng["key"], key = jax.random.split(jax.random.fold_in(_rng["key"], 1))
    return key


def set_key(key):
    """Store the advanced key: into the trace's in progress, else the global one."""
    frame = _frame()
    if frame is not None:
        frame.key, frame.drew = key, True
    elif isinstance(key, jax.core.Tracer):
        raise RuntimeError("A random op ran inside a JAX transformation with no key to draw from: the global key would "
                           "keep a traced value. Pass one (functionalize's apply(params, ..., key=key)).")
    else:
        _rng["key"] = key


def next_key():
    """A fresh PRNG key, split from :func:`current_key`."""
    new, key = jax.random.split(current_key())
    set_key(new)
    return key
