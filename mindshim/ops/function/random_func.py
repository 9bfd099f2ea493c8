"""``mindspore.ops`` functional ops: random family. Each adapts MindSpore's signature to a table row.

Every call draws a fresh key from the global stream (``set_seed`` makes runs reproducible; inside compiled
calls the engine threads the key). A ``seed`` argument is accepted as in MindSpore but does not pick the
stream: mindshim's numbers are not MindSpore's anyway, and MindSpore's seeded calls also differ call to call.
"""
from ... import _registry
from ..._registry import dispatch
from ...common import dtype as mstype
from ...common.tensor import Tensor
from .. import _views

_row = _registry.get
_FLOAT = (mstype.float16, mstype.float32, mstype.float64, mstype.bfloat16)
_INT = (mstype.int8, mstype.int16, mstype.int32, mstype.int64, mstype.uint8, mstype.uint16, mstype.uint32,
        mstype.uint64)

__all__ = ["standard_normal", "standard_laplace", "uniform", "normal", "rand", "rand_like", "randn", "randn_like",
           "randint", "randint_like", "shuffle", "multinomial"]


def standard_normal(shape, seed=None):
    """Float32 samples of N(0, 1) of ``shape``."""
    return dispatch(_row("StandardNormal"), (shape,))


def standard_laplace(shape, seed=None):
    """Float32 samples of Laplace(0, 1) of ``shape``."""
    return dispatch(_row("StandardLaplace"), (shape,))


def uniform(shape, minval, maxval, seed=None, dtype=mstype.float32):
    """Samples of U[minval, maxval): Float32, or Int32 integers for ``dtype=mstype.int32`` (Tensor bounds of that
    dtype)."""
    if not isinstance(minval, Tensor) or not isinstance(maxval, Tensor):
        raise TypeError("For functional operator[uniform], the input[minval] and input[maxval] must be a Tensor.")
    if dtype not in (mstype.int32, mstype.float32):
        raise TypeError(f"The 'uniform' doesn't support '{dtype}' and expect to receive [mindspore.int32, "
                        "mindspore.float32].")
    for bound in (minval, maxval):
        if bound.dtype != dtype:
            raise TypeError(f"For 'uniform', the value data type '{dtype}' is not consistent with assigned tensor data "
                            f"type {bound.dtype}.")
    if dtype == mstype.int32:
        return dispatch(_row("UniformInt"), (shape, minval, maxval))
    return dispatch(_row("UniformReal"), (shape,)) * (maxval - minval) + minval


def _check_shape(shape):
    if not isinstance(shape, tuple):
        raise TypeError(f"Type of 'shape' must be tuple, but got: {type(shape)}")
    for item in shape:
        if not isinstance(item, int):
            raise TypeError(f"Elements of 'shape' must be int, but got: {type(item)}")
        if item < 1:
            raise ValueError(f"Elements of 'shape' must be positive int, but got: {item}")


def normal(shape, mean, stddev, seed=None):
    """Samples of N(mean, stddev) of ``shape`` broadcast with ``mean`` and ``stddev`` (Tensors or numbers)."""
    for name, value in (("mean", mean), ("stddev", stddev)):
        if not isinstance(value, (Tensor, int, float)) and not hasattr(value, "__array__"):
            raise TypeError(f"For 'normal', the type of '{name}' must be Tensor, int, or float, but got: "
                            f"{type(value)}")
    mean = mean if isinstance(mean, Tensor) else Tensor(mean)
    stddev = stddev if isinstance(stddev, Tensor) else Tensor(stddev)
    _check_shape(shape)
    return dispatch(_row("StandardNormal"), (shape,)) * stddev + mean


def _size(name, size):
    """MindSpore's ``_generate_shapes``: ``rand(2, 3)``, ``rand((2, 3))`` and ``rand([2, 3])``; ``rand()`` is (1,)."""
    if not size:
        return (1,)
    if len(size) == 1:
        if isinstance(size[0], int):
            return size
        if isinstance(size[0], (list, tuple)):
            return tuple(size[0])
        raise TypeError("If the length of the argument 'shape' is 1, the type of the argument 'shape' must be one of "
                        f"['int', 'list', 'tuple'], but got {size[0]}.")
    for value in size:
        if not isinstance(value, int):
            raise TypeError("If the length of the argument 'shape' is > 1, the type of the argument 'shape' must all "
                            f"be int, but got {value}.")
    return size


def _float_dtype(name, dtype, default):
    dtype = default if dtype is None else dtype
    if dtype not in _FLOAT:
        raise ValueError(f"For '{name}', the 'dtype' must be a float type, but got {dtype}.")
    return dtype


def _int_dtype(name, dtype, default):
    dtype = default if dtype is None else dtype
    if dtype not in _INT:
        raise ValueError(f"For '{name}', the 'dtype' must be an int type, but got {dtype}.")
    return dtype


def _check_tensor(name, input):
    if not isinstance(input, Tensor):
        raise TypeError(f"For '{name}', the 'input' must be a Tensor, but got {type(input)}")


def _float_samplers(name, row, distribution, like_keeps_dtype):
    """``name(*size, dtype=None, seed=None)``: samples of the float distribution ``row`` of ``size`` (Float32 by
    default); ``<name>_like(input, seed=None, *, dtype=None)``: of ``input``'s shape, in its dtype by default (in
    Float32 where not ``like_keeps_dtype``, as MindSpore's ``randn_like``)."""
    like = name + "_like"

    def sample(*size, dtype=None, seed=None):
        dtype = _float_dtype(name, dtype, mstype.float32)
        return dispatch(_row(row), (_size(name, size),)).astype(dtype)

    def sample_like(input, seed=None, *, dtype=None):
        _check_tensor(like, input)
        dtype = _float_dtype(like, dtype, input.dtype if like_keeps_dtype else mstype.float32)
        return dispatch(_row(row), (input.shape,)).astype(dtype)
    sample.__name__ = sample.__qualname__ = name
    sample.__doc__ = f"Samples of {distribution} of ``size`` (Float32 by default)."
    sample_like.__name__ = sample_like.__qualname__ = like
    sample_like.__doc__ = (f"Samples of {distribution} of ``input``'s shape" +
                           (", in its dtype by default." if like_keeps_dtype else
                            "; Float32 by default whatever ``input``'s dtype, as in MindSpore."))
    return sample, sample_like


rand, rand_like = _float_samplers("rand", "UniformReal", "U[0, 1)", like_keeps_dtype=True)
randn, randn_like = _float_samplers("randn", "StandardNormal", "N(0, 1)", like_keeps_dtype=False)


def _int_bounds(low, high):
    for name, value in (("low", low), ("high", high)):
        if not isinstance(value, int) or isinstance(value, bool):
            raise TypeError(f"For 'randint_like', '{name}' must be an int, but got {type(value)}.")
    return Tensor(low, mstype.int32), Tensor(high, mstype.int32)


def randint(low, high, size, seed=None, *, dtype=None):
    """Integers uniform in ``[low, high)`` of the tuple ``size`` (Int64 by default)."""
    dtype = _int_dtype("randint", dtype, mstype.int64)
    if not isinstance(size, tuple):
        raise ValueError(f"For 'randint', the input 'size' must be a tuple, but got {size}.")
    return dispatch(_row("UniformInt"), (size,) + _int_bounds(low, high)).astype(dtype)


def randint_like(input, low, high, seed=None, *, dtype=None):
    """Integers uniform in ``[low, high)`` of ``input``'s shape, in its dtype by default."""
    _check_tensor("randint_like", input)
    dtype = _int_dtype("randint_like", dtype, input.dtype)
    return dispatch(_row("UniformInt"), (input.shape,) + _int_bounds(low, high)).astype(dtype)


def shuffle(x, seed=None):
    """``x`` with its first axis randomly permuted."""
    return dispatch(_row("RandomShuffle"), (x,))


def multinomial(input, num_samples, replacement=True, seed=None):
    """``num_samples`` indices drawn from each row of the probabilities ``input`` (1-D or 2-D): Int32, with or
    without ``replacement``."""
    if input.ndim not in (1, 2):
        raise ValueError(f"For 'multinomial', the dimension of inputs must be 1d or 2d, but got {input.ndim}.")
    if not replacement:
        if input.shape[-1] < num_samples:
            raise ValueError("For 'multinomial', the 'num_samples' must be less than the last dimension of input "
                             f"without 'replacement', but got 'num_samples': {num_samples} and 'replacement': "
                             f"{replacement}")
        return dispatch(_row("multinomial_without_replacement"), (input, num_samples))
    return dispatch(_row("Multinomial"), (input, num_samples))


_VIEWS = _views.functionals("random")  # bernoulli, laplace, random_gamma, randperm, ...: composite rows
globals().update(_VIEWS)
__all__ += sorted(_VIEWS)
