"""``mindspore.common.initializer``: weight initializers, drawn with mindshim's seeded JAX PRNG.

``initializer(init, shape, dtype)`` returns a Tensor; ``init`` is an Initializer, a Tensor, a number or a
MindSpore name ('normal', 'zeros', ...). Values are reproducible with ``set_seed`` but are not MindSpore's
random numbers.
"""
import math

import jax
import jax.numpy as jnp
import numpy as np

from . import dtype as mstype
from .seed import next_key
from .tensor import Tensor, _wrap


class Initializer:
    """Base class: ``init(shape, dtype) -> jax.Array``."""

    def __init__(self, **kwargs):
        self._kwargs = kwargs

    def __call__(self, arr):
        raise NotImplementedError("Initializer.__call__ on a numpy array is not supported by mindshim; use "
                                  "initializer(init, shape, dtype).")

    def init(self, shape, dtype):
        raise NotImplementedError(f"mindspore.common.initializer.{type(self).__name__} is not supported by "
                                  "mindshim yet.")


def _fans(shape):
    if len(shape) < 2:
        raise ValueError(f"'fan_in' and 'fan_out' can not be computed for tensor with fewer than 2 dimensions, "
                         f"but got {len(shape)}.")
    receptive = int(np.prod(shape[2:])) if len(shape) > 2 else 1
    return shape[1] * receptive, shape[0] * receptive


class Zero(Initializer):
    def init(self, shape, dtype):
        return jnp.zeros(shape, dtype)


class One(Initializer):
    def init(self, shape, dtype):
        return jnp.ones(shape, dtype)


class Constant(Initializer):
    def __init__(self, value):
        super().__init__(value=value)
        self.value = value

    def init(self, shape, dtype):
        return jnp.full(shape, self.value, dtype)


class Normal(Initializer):
    def __init__(self, sigma=0.01, mean=0.0):
        super().__init__(sigma=sigma, mean=mean)
        self.sigma, self.mean = sigma, mean

    def init(self, shape, dtype):
        return (jax.random.normal(next_key(), shape, jnp.float32) * self.sigma + self.mean).astype(dtype)


class Uniform(Initializer):
    def __init__(self, scale=0.07):
        super().__init__(scale=scale)
        self.scale = scale

    def init(self, shape, dtype):
        return jax.random.uniform(next_key(), shape, jnp.float32, -self.scale, self.scale).astype(dtype)


class TruncatedNormal(Initializer):
    def __init__(self, sigma=0.01, mean=0.0, a=-2.0, b=2.0):
        super().__init__(sigma=sigma, mean=mean, a=a, b=b)
        self.sigma, self.mean, self.a, self.b = sigma, mean, a, b

    def init(self, shape, dtype):
        lo, hi = (self.a - self.mean) / self.sigma, (self.b - self.mean) / self.sigma
        z = jax.random.truncated_normal(next_key(), lo, hi, shape, jnp.float32)
        return (z * self.sigma + self.mean).astype(dtype)


class XavierUniform(Initializer):
    def __init__(self, gain=1):
        super().__init__(gain=gain)
        self.gain = gain

    def init(self, shape, dtype):
        fan_in, fan_out = _fans(shape)
        bound = self.gain * math.sqrt(6.0 / (fan_in + fan_out))
        return jax.random.uniform(next_key(), shape, jnp.float32, -bound, bound).astype(dtype)


class XavierNormal(Initializer):
    def __init__(self, gain=1):
        super().__init__(gain=gain)
        self.gain = gain

    def init(self, shape, dtype):
        fan_in, fan_out = _fans(shape)
        std = self.gain * math.sqrt(2.0 / (fan_in + fan_out))
        return (jax.random.normal(next_key(), shape, jnp.float32) * std).astype(dtype)


def _gain(nonlinearity, a):
    if nonlinearity == "leaky_relu":
        return math.sqrt(2.0 / (1 + a ** 2))
    return {"relu": math.sqrt(2.0), "tanh": 5.0 / 3, "linear": 1.0, "sigmoid": 1.0, "conv2d": 1.0}[nonlinearity]


class HeUniform(Initializer):
    def __init__(self, negative_slope=0, mode="fan_in", nonlinearity="leaky_relu"):
        super().__init__(negative_slope=negative_slope, mode=mode, nonlinearity=nonlinearity)
        self.negative_slope, self.mode, self.nonlinearity = negative_slope, mode, nonlinearity

    def init(self, shape, dtype):
        fan = _fans(shape)[0 if self.mode == "fan_in" else 1]
        bound = math.sqrt(3.0) * _gain(self.nonlinearity, self.negative_slope) / math.sqrt(fan)
        return jax.random.uniform(next_key(), shape, jnp.float32, -bound, bound).astype(dtype)


class HeNormal(Initializer):
    def __init__(self, negative_slope=0, mode="fan_in", nonlinearity="leaky_relu"):
        super().__init__(negative_slope=negative_slope, mode=mode, nonlinearity=nonlinearity)
        self.negative_slope, self.mode, self.nonlinearity = negative_slope, mode, nonlinearity

    def init(self, shape, dtype):
        fan = _fans(shape)[0 if self.mode == "fan_in" else 1]
        std = _gain(self.nonlinearity, self.negative_slope) / math.sqrt(fan)
        return (jax.random.normal(next_key(), shape, jnp.float32) * std).astype(dtype)


_NAMES = {"zeros": Zero, "zero": Zero, "ones": One, "one": One, "normal": Normal, "uniform": Uniform,
          "truncatednormal": TruncatedNormal, "xavier_uniform": XavierUniform, "xavieruniform": XavierUniform,
          "xavier_normal": XavierNormal, "he_uniform": HeUniform, "heuniform": HeUniform,
          "he_normal": HeNormal, "henormal": HeNormal}


def initializer(init, shape=None, dtype=mstype.float32):
    """A Tensor of ``shape`` and ``dtype`` filled by ``init`` (Initializer, name, number or Tensor)."""
    shape = (shape,) if isinstance(shape, int) else tuple(shape or ())
    np_dtype = mstype.to_mstype(dtype).np_dtype
    if isinstance(init, Tensor):
        if tuple(init.shape) != shape:
            raise ValueError(f"For 'initializer', the shape of the 'init' Tensor {tuple(init.shape)} must equal "
                             f"'shape' {shape}.")
        return init.astype(dtype)
    if isinstance(init, str):
        try:
            init = _NAMES[init.lower()]()
        except KeyError:
            raise ValueError(f"For 'initializer', the initializer name '{init}' is not supported.") from None
    elif isinstance(init, (int, float)) and not isinstance(init, bool):
        init = Constant(init)
    if not isinstance(init, Initializer):
        raise TypeError(f"For 'initializer', 'init' must be an Initializer, str, number or Tensor, but got "
                        f"{type(init).__name__}.")
    return _wrap(jnp.asarray(init.init(shape, np_dtype), np_dtype))


__all__ = ["Initializer", "initializer", "Zero", "One", "Constant", "Normal", "Uniform", "TruncatedNormal",
           "XavierUniform", "XavierNormal", "HeUniform", "HeNormal"]
