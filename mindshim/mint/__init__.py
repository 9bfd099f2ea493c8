"""``mindspore.mint``: PyTorch-style functional ops (``dim``/``keepdim`` names, ``alpha`` on add/sub, ``max``
returning values only without a ``dim``) as views of the op table, and ``mindspore.mint.optim``."""
from .. import ops
from .._registry import call as _op
from ..common import dtype as mstype
from ..ops import auto_generate as _generated
from ..ops import functional_overload as _overload
from ..ops.function import array_func as _array
from ..ops.function import math_func as _math
from . import nn, optim

# Ops whose PyTorch signature is MindSpore's functional one.
abs = ops.abs
bmm = ops.bmm
eq = ops.eq
greater_equal = ops.greater_equal
ge = ops.ge
gt = ops.gt
le = ops.le
lt = ops.lt
ne = ops.ne
sqrt = ops.sqrt
exp = ops.exp
log = ops.log
neg = ops.neg
sin = ops.sin
cos = ops.cos
tanh = ops.tanh
sigmoid = ops.sigmoid
lerp = ops.lerp
fmod = ops.fmod
remainder = ops.remainder
floor_divide = ops.floor_divide
clamp = ops.clamp
swapaxes = ops.swapaxes
permute = ops.permute
xlogy = ops.xlogy
isneginf = ops.isneginf
matmul = ops.matmul
argmax = ops.argmax


transpose = _generated.transpose_ext_view
broadcast_to = _generated.broadcast_to_view
narrow = _generated.narrow_view
select = _generated.select_ext_view
unsqueeze = _array.unsqueeze_view
split = _array.split_view
chunk = _array.chunk_view
gather = _array.gather_ext
amax = _math.amax_ext
amin = _math.amin_ext
any = _overload.any
all = _overload.all


def div(input, other, *, rounding_mode=None):
    """``input / other`` (``rounding_mode`` 'floor' or 'trunc')."""
    if rounding_mode == "trunc":
        return ops.truncate_div(input, other)
    return ops.div(input, other, rounding_mode=rounding_mode)


def _alpha(other, alpha):
    return other if alpha == 1 else other * alpha


def add(input, other, *, alpha=1):
    """``input + alpha * other``."""
    return _op("Add", input, _alpha(other, alpha))


def sub(input, other, *, alpha=1):
    """``input - alpha * other``."""
    return _op("Sub", input, _alpha(other, alpha))


def mul(input, other):
    """``input * other``."""
    return _op("Mul", input, other)


def zeros(size, *, dtype=None):
    """A Tensor of zeros (Float32 by default)."""
    return ops.zeros(size, dtype or mstype.float32)


def ones(size, *, dtype=None):
    """A Tensor of ones (Float32 by default)."""
    return ops.ones(size, dtype or mstype.float32)


def cat(tensors, dim=0):
    """The Tensors joined along ``dim``."""
    return ops.cat(tensors, dim)


def flatten(input, start_dim=0, end_dim=-1):
    """``input`` with axes ``start_dim..end_dim`` merged into one."""
    return ops.flatten(input, start_dim=start_dim, end_dim=end_dim)


def _cast(input, dtype):
    return input if dtype is None else input.astype(dtype)


def _dims(dim):
    return () if dim is None else dim


def mean(input, dim=None, keepdim=False, *, dtype=None):
    """Mean over ``dim`` (all for None)."""
    return _op("ReduceMean", _cast(input, dtype), _dims(dim), keep_dims=keepdim)


def sum(input, dim=None, keepdim=False, *, dtype=None):
    """Sum over ``dim`` (all for None); bool and integer inputs sum in Int64."""
    if dtype is None and input.dtype.kind in "bi":
        dtype = mstype.int64
    return _op("ReduceSum", _cast(input, dtype), _dims(dim), keep_dims=keepdim)


def prod(input, dim=None, keepdim=False, *, dtype=None):
    """Product over ``dim`` (all for None)."""
    return ops.prod(_cast(input, dtype), dim, keepdim)


def _extreme(fn, reduce, input, dim, keepdim):
    if dim is None:
        return reduce(input)
    return fn(input, dim, keepdim)


def max(input, dim=None, keepdim=False):
    """The maximum of all elements; with ``dim``: ``(values, indices)`` along it."""
    return _extreme(ops.max, ops.amax, input, dim, keepdim)


def min(input, dim=None, keepdim=False):
    """The minimum of all elements; with ``dim``: ``(values, indices)`` along it."""
    return _extreme(ops.min, ops.amin, input, dim, keepdim)


def cummax(input, dim):
    """``(values, indices)`` of the running maximum along ``dim``."""
    return ops.cummax(input, dim)


def cdist(x1, x2, p=2.0, compute_mode="use_mm_for_euclid_dist_if_necessary"):
    """p-norm distances between the rows of ``x1`` and of ``x2``."""
    return ops.cdist(x1, x2, p)


def scatter(input, dim, index, src=None, *, value=None, reduce="none"):
    """``input`` with ``src`` (or the scalar ``value``) written at ``index`` along ``dim``."""
    return _op("scatter", input, dim, index, src if src is not None else value, reduce=reduce)


def index_add(input, dim, index, source, *, alpha=1):
    """``input`` with ``alpha * source`` added at ``index`` along ``dim``."""
    return _op("index_add", input, index, _alpha(source, alpha), dim)


def unique_consecutive(input, return_inverse=False, return_counts=False, dim=None):
    """The first of each run of equal elements (with each element's run and each run's length)."""
    return ops.unique_consecutive(input, return_inverse, return_counts, dim)


def meshgrid(*tensors, indexing=None):
    """Coordinate grids of 1-D Tensors (``'ij'`` indexing by default, as PyTorch)."""
    return ops.meshgrid(*tensors, indexing=indexing or "ij")


__all__ = ["optim", "nn", "transpose", "broadcast_to", "narrow", "select", "unsqueeze", "split", "chunk", "gather",
           "amax", "amin", "abs", "bmm", "eq", "greater_equal", "ge", "gt", "le", "lt", "ne", "sqrt", "exp", "log",
           "neg",
           "sin", "cos", "tanh", "sigmoid", "lerp", "fmod", "remainder", "floor_divide", "clamp", "swapaxes", "permute",
           "xlogy", "isneginf", "matmul", "argmax",
           "div", "add", "sub", "mul", "zeros", "ones", "cat", "flatten", "mean", "sum",
           "prod", "all", "any", "max", "min", "cummax", "cdist", "scatter", "index_add", "unique_consecutive",
           "meshgrid"]
