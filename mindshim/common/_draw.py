"""Float32 random draws for the initializers, bit for bit those of ``jax.random.uniform``/``normal``/
``truncated_normal`` with the same key and shape, without compiling a program per shape.

``jax.random`` compiles one program per shape it draws; initializing a network of a hundred differently shaped
weights cost one XLA compilation each (seconds apiece on CPU), most of a short script's start-up. Here the
values come in chunks of :data:`CHUNK` from one compiled program per distribution: Threefry's counter is each
value's linear index in the shape (JAX's partitionable Threefry, its default), so chunk ``k`` holds the values
at indices ``[k * CHUNK, (k + 1) * CHUNK)`` of the whole draw, and the values after the transform are the same
float32 operations as ``jax.random``'s.
"""
import jax
import jax.numpy as jnp
import numpy as np
from jax import lax
from jax.extend.random import threefry2x32_p

CHUNK = 1 << 16
_F32 = np.float32
_ONE_BITS = np.array(1.0, _F32).view(np.uint32)
_SQRT2 = np.array(np.sqrt(2), _F32)


def _uniform_chunk(key, offset, low, high):
    index = offset + lax.iota(np.uint64, CHUNK)
    bits1, bits2 = threefry2x32_p.bind(key[0], key[1], (index >> np.uint64(32)).astype(np.uint32),
                                       index.astype(np.uint32))
    bits = lax.shift_right_logical(bits1 ^ bits2, np.uint32(32 - 23)) | _ONE_BITS
    floats = lax.bitcast_convert_type(bits, _F32) - _F32(1.0)
    return lax.max(low, floats * (high - low) + low)


@jax.jit
def _uniform(key, offset, low, high):
    return _uniform_chunk(key, offset, low, high)


@jax.jit
def _normal(key, offset):
    low = np.nextafter(np.array(-1.0, _F32), np.array(0.0, _F32))
    return _SQRT2 * lax.erf_inv(_uniform_chunk(key, offset, low, _F32(1.0)))


@jax.jit
def _truncated_normal(key, offset, lower, upper):
    u = _uniform_chunk(key, offset, lax.erf(lower / _SQRT2), lax.erf(upper / _SQRT2))
    return jnp.clip(_SQRT2 * lax.erf_inv(u), lax.nextafter(lower, _F32(np.inf)), lax.nextafter(upper, _F32(-np.inf)))


def _draw(program, key, shape, *args):
    """Runs now even while a compiled program is being traced (a Cell created inside ``jit`` gets its
    Parameters' values, as MindSpore initializes them when it compiles the graph)."""
    size = int(np.prod(shape, dtype=np.int64))
    with jax.ensure_compile_time_eval():
        key = jnp.asarray(key, np.uint32)
        args = [_F32(a) for a in args]
        chunks = [np.asarray(program(key, np.uint64(start), *args)) for start in range(0, size, CHUNK)]
    return (np.concatenate(chunks)[:size] if chunks else np.zeros(0, _F32)).reshape(shape)


def uniform(key, shape, low, high):
    """``jax.random.uniform(key, shape, float32, low, high)`` as a numpy array."""
    return _draw(_uniform, key, shape, low, high)


def normal(key, shape):
    """``jax.random.normal(key, shape, float32)`` as a numpy array."""
    return _draw(_normal, key, shape)


def truncated_normal(key, shape, lower, upper):
    """``jax.random.truncated_normal(key, lower, upper, shape, float32)`` as a numpy array."""
    return _draw(_truncated_normal, key, shape, lower, upper)
