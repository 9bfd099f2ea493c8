"""``mindspore.common.initializer``: weight initializers, drawn with mindshim's seeded JAX PRNG.

``initializer(init, shape, dtype)`` returns a Tensor; ``init`` is an Initializer, a Tensor, a number or a
MindSpore name ('normal', 'zeros', 'xavier_uniform', ...). The distributions, their parameters and the
argument checks are MindSpore's; the random numbers come from ``init_key()`` (reproducible with
``set_seed``, not MindSpore's), drawn as ``jax.random`` draws them without a compilation per shape
(``common._draw``). mindshim fills the Tensor at once, where MindSpore fills it lazily.

As in MindSpore, an initializer is also a callable filling a numpy array in place (``One()(arr)``), and a
user-defined initializer subclasses ``Initializer`` and implements ``_initialize(arr)`` on a numpy array.
Random initializers draw Float32 and cast to the requested dtype, as MindSpore does.
"""
import math
import numbers

import jax
import jax.numpy as jnp
import numpy as np

from . import _draw
from . import dtype as mstype
from .seed import get_seed, init_key
from .tensor import Tensor, _wrap

_INITIALIZER_ALIAS = {}


class Initializer:
    """Base class of initializers: subclasses implement ``_initialize(arr)``, filling the numpy array ``arr``."""

    def __init__(self, **kwargs):
        self._kwargs = kwargs
        self._seed = None

    @property
    def seed(self):
        """``(seed, seed2)`` as MindSpore reports them (mindshim's draws come from ``set_seed``'s stream)."""
        if self._seed is not None:
            return (self._seed + 1, 0)
        if get_seed() is None:
            return (0, 0)
        raise NotImplementedError("mindspore.common.initializer.Initializer.seed after set_seed (MindSpore's "
                                  "graph seeds) is not supported by mindshim yet.")

    @seed.setter
    def seed(self, value):
        self._seed = value

    def _initialize(self, *kwargs):
        raise NotImplementedError("Must be overridden!")

    def __call__(self, arr):
        return self._initialize(arr)

    def __repr__(self):
        """Python's default repr under MindSpore's module name (``<mindspore.common.initializer.One ...>``)."""
        module = type(self).__module__
        if module.startswith("mindshim."):
            module = "mindspore." + module[len("mindshim."):]
        return f"<{module}.{type(self).__qualname__} object at {hex(id(self))}>"


class _Drawn(Initializer):
    """A built-in initializer: ``_values(shape, dtype)`` gives its values as a numpy or JAX array. Its keyword arguments
    are kept as its attributes too."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.__dict__.update(kwargs)

    def _values(self, shape, dtype):
        raise NotImplementedError

    def _initialize(self, arr):
        _assignment(arr, np.asarray(self._values(arr.shape, arr.dtype)))


def _register(*aliases):
    """Register an initializer class under its lower-case name and ``aliases`` (for ``initializer('name')``)."""
    def alias_reg(cls):
        for name in (cls.__name__.lower(),) + aliases:
            _INITIALIZER_ALIAS.setdefault(name, cls)
        return cls
    return alias_reg


def _assignment(arr, values):
    """Write ``values`` into the numpy array ``arr`` in place (a 0-d array too)."""
    arr[...] = values
    return arr


def _normal(shape, dtype, mean=0.0, sigma=1.0):
    if sigma < 0:
        raise ValueError("sigma < 0")
    return (_draw.normal(init_key(), shape) * np.float32(sigma) + np.float32(mean)).astype(dtype)


def _uniform(shape, dtype, low, high):
    return _draw.uniform(init_key(), shape, low, high).astype(dtype)


def _truncated_normal(shape, dtype, a, b, mean, sigma):
    """N(mean, sigma) restricted to the absolute bounds ``[a, b]``."""
    if sigma < 0:
        raise ValueError("sigma < 0")
    z = _draw.truncated_normal(init_key(), shape, (a - mean) / sigma, (b - mean) / sigma)
    return (z * np.float32(sigma) + np.float32(mean)).astype(dtype)


@_register("zeros")
class Zero(_Drawn):
    """All zeros."""

    def _values(self, shape, dtype):
        return np.zeros(shape, dtype)


@_register("ones")
class One(_Drawn):
    """All ones."""

    def _values(self, shape, dtype):
        return np.ones(shape, dtype)


def _calculate_fan_in_and_fan_out(shape):
    """``(fan_in, fan_out)``: ``shape[1]`` and ``shape[0]`` times the receptive field ``prod(shape[2:])``."""
    dimensions = len(shape)
    if dimensions < 2:
        raise ValueError("'fan_in' and 'fan_out' can not be computed for tensor with fewer than 2 dimensions, but "
                         f"got dimensions {dimensions}.")
    receptive_field_size = int(np.prod(shape[2:])) if dimensions > 2 else 1
    return shape[1] * receptive_field_size, shape[0] * receptive_field_size


def _calculate_correct_fan(shape, mode):
    mode = mode.lower()
    valid_modes = ["fan_in", "fan_out"]
    if mode not in valid_modes:
        raise ValueError(f"'mode' {mode} not supported, please use one of {valid_modes}")
    fan_in, fan_out = _calculate_fan_in_and_fan_out(shape)
    return fan_in if mode == "fan_in" else fan_out


def _calculate_gain(nonlinearity, param=None):
    """The recommended gain of ``nonlinearity`` (``param``: leaky_relu's negative slope, default 0.01)."""
    linear_fns = ["linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d"]
    if nonlinearity in linear_fns or nonlinearity == "sigmoid":
        return 1
    if nonlinearity == "tanh":
        return 5.0 / 3
    if nonlinearity == "relu":
        return math.sqrt(2.0)
    if nonlinearity == "leaky_relu":
        if param is None:
            negative_slope = 0.01
        elif (not isinstance(param, bool) and isinstance(param, int)) or isinstance(param, float):
            negative_slope = param
        else:
            raise ValueError(f"For 'HeUniform', 'negative_slope' {param} is not a valid number.When 'nonlinearity' has "
                             "been set to 'leaky_relu', 'negative_slope' should be int or float type, but got "
                             f"{type(param)}.")
        return math.sqrt(2.0 / (1 + negative_slope ** 2))
    raise ValueError("For 'HeUniform', the argument 'nonlinearity' should be one of ['sigmoid', 'tanh', 'relu' or "
                     f"'leaky_relu'], but got {nonlinearity}.")


class _Xavier(_Drawn):
    def __init__(self, gain=1):
        super().__init__(gain=gain)

    def _scale(self, shape, factor):
        """``gain * sqrt(factor / (fan_in + fan_out))``."""
        fan_in, fan_out = _calculate_fan_in_and_fan_out(shape)
        return self.gain * math.sqrt(factor / (fan_in + fan_out))


@_register("xavier_normal")
class XavierNormal(_Xavier):
    """N(0, std), ``std = gain sqrt(2 / (fan_in + fan_out))``."""

    def _values(self, shape, dtype):
        return _normal(shape, dtype, 0, self._scale(shape, 2.0))


@_register("xavier_uniform")
class XavierUniform(_Xavier):
    """U(-b, b), ``b = gain sqrt(6 / (fan_in + fan_out))``."""

    def _values(self, shape, dtype):
        boundary = self._scale(shape, 6.0)
        return _uniform(shape, dtype, -boundary, boundary)


class _He(_Drawn):
    def __init__(self, negative_slope=0, mode="fan_in", nonlinearity="leaky_relu"):
        super().__init__(negative_slope=negative_slope, mode=mode, nonlinearity=nonlinearity)

    def _std(self, shape):
        fan = _calculate_correct_fan(shape, self.mode)
        return _calculate_gain(self.nonlinearity, self.negative_slope) / math.sqrt(fan)


@_register("he_uniform")
class HeUniform(_He):
    """U(-b, b), ``b = sqrt(3) gain / sqrt(fan)`` (Kaiming uniform)."""

    def _values(self, shape, dtype):
        boundary = math.sqrt(3.0) * self._std(shape)
        return _uniform(shape, dtype, -boundary, boundary)


@_register("he_normal")
class HeNormal(_He):
    """N(0, gain / sqrt(fan)) (Kaiming normal)."""

    def _values(self, shape, dtype):
        return _normal(shape, dtype, 0, self._std(shape))


class Constant(_Drawn):
    """All ``value``."""

    def __init__(self, value):
        super().__init__(value=value)

    def _values(self, shape, dtype):
        return np.full(shape, self.value, dtype)


@_register()
class Identity(_Drawn):
    """The 2-D identity matrix (ones on the main diagonal)."""

    def _values(self, shape, dtype):
        if len(shape) != 2:
            raise ValueError("For Identity initializer, the dimension of the initialized tensor should be 2, but got "
                             f"{len(shape)}.")
        return jnp.eye(shape[0], shape[1], dtype=dtype)


@_register()
class Sparse(_Drawn):
    """A 2-D N(0, sigma) matrix with ``ceil(sparsity * rows)`` zeros at random rows of each column."""

    def __init__(self, sparsity, sigma=0.01):
        super().__init__()
        self.sparsity = sparsity
        self.sigma = sigma

    def _values(self, shape, dtype):
        if len(shape) != 2:
            raise ValueError("For Sparse initializer, the dimension of the initialized tensor should be 2, but got "
                             f"{len(shape)}.")
        rows = shape[0]
        zero_num = int(np.ceil(self.sparsity * rows))
        data = _normal(shape, jnp.float32, 0, self.sigma)
        ranks = jnp.argsort(jnp.argsort(jax.random.uniform(init_key(), shape), axis=0), axis=0)
        return jnp.where(ranks < zero_num, jnp.zeros((), jnp.float32), data).astype(dtype)


@_register()
class Dirac(_Drawn):
    """The Dirac delta of convolution kernels (3-D to 5-D), keeping the input channels in each of ``groups``."""

    def __init__(self, groups=1):
        super().__init__()
        self.groups = groups

    def _values(self, shape, dtype):
        dimension = len(shape)
        if dimension not in [3, 4, 5]:
            raise ValueError("For Dirac initializer, only support to initialize tensor with dimension of 3, 4 or 5, "
                             f"but got {dimension}.")
        if shape[0] % self.groups != 0:
            raise ValueError("For Dirac initializer, the first dimension ofthe initialized tensor must be divisible "
                             f"by groups, but got first dimension{shape[0]}, groups{self.groups}.")
        out_channel_per_group = shape[0] // self.groups
        min_dim = min(out_channel_per_group, shape[1])
        data = np.zeros(shape)
        centre = tuple(s // 2 for s in shape[2:])
        for group in range(self.groups):
            for dim in range(min_dim):
                data[(group * out_channel_per_group + dim, dim) + centre] = 1
        return jnp.asarray(data, dtype)


@_register()
class Orthogonal(_Drawn):
    """A (semi-)orthogonal matrix times ``gain``, from the QR decomposition of a normal matrix."""

    def __init__(self, gain=1.0):
        super().__init__(gain=gain)

    def _values(self, shape, dtype):
        if len(shape) < 2:
            raise ValueError("For Orthogonal initializer, the dimension of the initialized tensor should be no less "
                             f"than 2, but got {len(shape)}.")
        rows = shape[0]
        cols = int(np.prod(shape)) // rows
        data = _normal((rows, cols), jnp.float32)
        if rows < cols:
            data = data.T
        q, r = jnp.linalg.qr(data)
        q = q * jnp.sign(jnp.diag(r))
        if rows < cols:
            q = q.T
        return (q * self.gain).reshape(shape).astype(dtype)


@_register()
class VarianceScaling(_Drawn):
    """Variance ``scale / n`` (``n`` the fan in, fan out or their mean, at least 1).

    As in MindSpore 2.10, ``distribution='truncated_normal'`` (the default) draws the uniform distribution
    U(-sqrt(3 scale / n), sqrt(3 scale / n)): its check accepts 'truncated_normal' while its sampler only
    truncates for 'truncated_norm'. 'untruncated_normal' draws N(0, sqrt(scale / n)).
    """

    def __init__(self, scale=1.0, mode="fan_in", distribution="truncated_normal"):
        super().__init__(scale=scale, mode=mode, distribution=distribution)
        if scale <= 0.0:
            raise ValueError(f"For VarianceScaling initializer, the argument 'scale' must be greater than 0, but got "
                             f"{scale}.")
        if mode not in ["fan_in", "fan_out", "fan_avg"]:
            raise ValueError(f"For VarianceScaling initializer, the argument 'mode' must be fan_in, fan_out or "
                             f"fan_avg, but got {mode}.")
        if distribution not in ["uniform", "truncated_normal", "untruncated_normal"]:
            raise ValueError("For VarianceScaling initializer, the argument 'distribution' must be uniform, "
                             f"truncated_norm or untruncated_norm, but got {distribution}.")

    def _values(self, shape, dtype):
        fan_in, fan_out = _calculate_fan_in_and_fan_out(shape)
        fan = {"fan_in": fan_in, "fan_out": fan_out, "fan_avg": (fan_in + fan_out) / 2.0}[self.mode]
        scale = self.scale / max(1.0, fan)
        if self.distribution == "untruncated_normal":
            return _normal(shape, dtype, 0, float(np.sqrt(scale)))
        limit = float(np.sqrt(3.0 * scale))
        return _uniform(shape, dtype, -limit, limit)


@_register()
class Uniform(_Drawn):
    """U(-scale, scale)."""

    def __init__(self, scale=0.07):
        super().__init__(scale=scale)

    def _values(self, shape, dtype):
        return _uniform(shape, dtype, -self.scale, self.scale)


@_register()
class Normal(_Drawn):
    """N(mean, sigma)."""

    def __init__(self, sigma=0.01, mean=0.0):
        super().__init__(sigma=sigma, mean=mean)

    def _values(self, shape, dtype):
        return _normal(shape, dtype, self.mean, self.sigma)


@_register()
class TruncatedNormal(_Drawn):
    """N(mean, sigma) truncated to ``[a, b]``."""

    def __init__(self, sigma=0.01, mean=0.0, a=-2.0, b=2.0):
        super().__init__(sigma=sigma, mean=mean, a=a, b=b)

    def _values(self, shape, dtype):
        return _truncated_normal(shape, dtype, self.a, self.b, self.mean, self.sigma)


def _materialize(init, shape, np_dtype):
    """``init``'s values for ``shape``: built-ins draw with JAX, user initializers fill a numpy array."""
    if isinstance(init, _Drawn) and type(init)._initialize is _Drawn._initialize:
        return init._values(shape, np_dtype)
    arr = np.zeros(shape, np_dtype)
    init(arr)
    return jnp.asarray(arr)


def initializer(init, shape=None, dtype=mstype.float32):
    """A Tensor of ``shape`` and ``dtype`` filled by ``init`` (an Initializer, a name, a number, or a Tensor of
    that shape, which is returned as it is)."""
    if not isinstance(init, (Tensor, numbers.Number, str, Initializer)):
        raise TypeError("For 'initializer', the type of the 'init' argument should be 'Tensor', 'number', 'string' "
                        f"or 'initializer', but got {type(init)}.")
    if isinstance(init, Tensor):
        shape = shape if isinstance(shape, (tuple, list)) else [shape]
        if tuple(init.shape) != tuple(shape):
            raise ValueError("For 'initializer', the shape of the 'init' argument should be same as the argument "
                             f"'shape', but got the 'init' shape {list(init.shape)} and the 'shape' {shape}.")
        return init
    if isinstance(shape, list):
        shape = tuple(shape)
    elif isinstance(shape, numbers.Number):
        shape = (shape,)
    for value in shape if shape is not None else ():
        if not isinstance(value, int) or value <= 0:
            raise ValueError("For 'initializer', the argument 'shape' is invalid, the value of 'shape' must be "
                             f"positive integer, but got {shape}")
    if isinstance(init, str):
        cls = _INITIALIZER_ALIAS.get(init.lower())
        if cls is None:
            raise ValueError(f"For 'initializer', the class corresponding to '{init}' was not found.")
        init = cls()
    elif isinstance(init, numbers.Number):
        init = Constant(init)
    shape = shape if shape is not None else init.shape
    np_dtype = mstype.to_mstype(dtype).np_dtype
    out = _wrap(jnp.asarray(_materialize(init, tuple(shape), np_dtype), np_dtype))
    out._pending_init = True  # filled already; init_data() marks it done, as in MindSpore
    return out


__all__ = ["Initializer", "initializer", "TruncatedNormal", "Normal", "Uniform", "HeUniform", "HeNormal",
           "XavierUniform", "XavierNormal", "One", "Zero", "Constant", "Identity", "Sparse", "Dirac", "Orthogonal",
           "VarianceScaling"]


Tensor._initializer = staticmethod(initializer)  # Tensor(init=...) fills through here
