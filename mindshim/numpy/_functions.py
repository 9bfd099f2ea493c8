"""The ``mindspore.numpy`` functions written by hand: where MindSpore's arguments or results differ from any
``jax.numpy`` function (the dtypes of creation from Python data, split's container, histogram's edges, ...)."""
import jax
import jax.numpy as jnp
import numpy as np

from ..common import dtype as mstype
from ..common import seed
from ..common.tensor import Tensor, _wrap
from ._convert import np_dtype, to_array, unwrap, wrap
from ._views import VIEWS

_ARRAY_INPUT = "input data must be `int`, `float`, `bool`, `Tensor`, `list`, `tuple`, but got {}"


def asarray(a, dtype=None):
    """A Tensor of ``a`` (a Tensor, Python scalar or nested list/tuple; not a numpy array, as in MindSpore):
    Python ints give Int32, floats Float32."""
    data = to_array(a, _ARRAY_INPUT.format(type(a)))
    return wrap(data if dtype is None else data.astype(np_dtype(dtype)), True)


def array(obj, dtype=None, copy=True, ndmin=0):
    """:func:`asarray`, with at least ``ndmin`` dimensions (ones in front)."""
    out = asarray(obj, dtype)
    if out.ndim < ndmin:
        out = _wrap(out._data.reshape((1,) * (ndmin - out.ndim) + out.shape))
    return out


def asfarray(a, dtype=mstype.float32):
    """:func:`asarray` as a floating dtype (``dtype``, Float32 where ``dtype`` is not floating)."""
    dtype = np_dtype(dtype)
    return asarray(a, dtype if dtype.kind == "f" else np.float32)


def arange(start, stop=None, step=None, dtype=None):
    """``jax.numpy.arange`` with MindSpore's dtype: Float32 where an argument is a float, else Int32."""
    bounds = [unwrap(v) for v in (start, stop, step)]
    if dtype is None:
        floating = any(isinstance(v, float) or getattr(v, "dtype", np.dtype(int)).kind == "f" for v in bounds)
        dtype = np.float32 if floating else np.int32
    return _wrap(jnp.arange(*bounds, dtype=np_dtype(dtype)))


def _splitter(fn, name):
    def split(x, indices_or_sections, *axis, **kwargs):
        parts = fn(to_array(x), unwrap(indices_or_sections), *axis, **kwargs)
        return wrap((tuple if isinstance(indices_or_sections, int) else list)(parts), True)
    split.__name__ = split.__qualname__ = name
    split.__doc__ = (f"``jax.numpy.{fn.__name__}``: a tuple of Tensors for a number of sections, a list for split "
                     "indices (as MindSpore returns).")
    return split


split = _splitter(jnp.split, "split")
array_split = _splitter(jnp.array_split, "array_split")
hsplit = _splitter(jnp.hsplit, "hsplit")
vsplit = _splitter(jnp.vsplit, "vsplit")
dsplit = _splitter(jnp.dsplit, "dsplit")


def _bins(bins, ndim):
    """``bins`` per dimension: a count or an array of edges."""
    if isinstance(bins, int):
        return [bins] * ndim
    if ndim > 1 and isinstance(bins, (list, tuple)) and len(bins) == ndim:
        return [b if isinstance(b, int) else to_array(b) for b in bins]
    return [to_array(bins)] * ndim


def _edges(bins, edges):
    """MindSpore's edges: the given edges as they are, computed ones as Float32."""
    return _wrap(bins if isinstance(bins, jax.Array) else edges.astype(np.float32))


def histogramdd(sample, bins=10, range=None, weights=None, density=False):  # noqa: A002  (MindSpore's name)
    """``jax.numpy.histogramdd``: a Float32 histogram and a list of edges."""
    sample = to_array(sample)
    per = _bins(bins, sample.shape[1])
    hist, edges = jnp.histogramdd(sample, per, unwrap(range), None if weights is None else to_array(weights),
                                  density)
    return _wrap(hist.astype(np.float32)), [_edges(b, e) for b, e in zip(per, edges)]


def histogram2d(x, y, bins=10, range=None, weights=None, density=False):  # noqa: A002
    """``jax.numpy.histogram2d``: a Float32 histogram and the edges of each axis."""
    hist, edges = histogramdd(jnp.stack([to_array(x), to_array(y)], axis=1), bins, range, weights, density)
    return (hist, *edges)


def histogram(a, bins=10, range=None, weights=None, density=False):  # noqa: A002
    """``jax.numpy.histogram`` of the flattened ``a``: a Float32 histogram and the edges."""
    hist, edges = histogramdd(to_array(a).reshape(-1, 1), bins, None if range is None else [range], weights,
                              density)
    return hist, edges[0]


def histogram_bin_edges(a, bins=10, range=None, weights=None):  # noqa: A002
    """The edges :func:`histogram` uses."""
    return histogram(a, bins, range)[1]


def unique(x, return_inverse=False):
    """The sorted unique values of the flattened ``x``; with ``return_inverse``, also the Int32 index of each
    element of ``x`` in them."""
    out = jnp.unique(to_array(x).reshape(-1), return_inverse=return_inverse)
    if not return_inverse:
        return _wrap(out)
    return _wrap(out[0]), _wrap(out[1].reshape(-1).astype(np.int32))


def unravel_index(indices, shape, order="C"):
    """``jax.numpy.unravel_index``, with numpy's ``order`` ('C' or 'F')."""
    if order not in ("C", "F"):
        raise ValueError(f"invalid order. Expected 'C' or 'F', but got {order}")
    shape = tuple(unwrap(shape))
    if order == "C":
        return tuple(_wrap(i) for i in jnp.unravel_index(to_array(indices), shape))
    return tuple(_wrap(i) for i in jnp.unravel_index(to_array(indices), shape[::-1]))[::-1]


def in1d(ar1, ar2, invert=False):
    """Whether each element of the flattened ``ar1`` is in ``ar2``."""
    return _wrap(jnp.isin(to_array(ar1).reshape(-1), to_array(ar2), invert=invert))


def piecewise(x, condlist, funclist, *args, **kw):
    """``select(condlist, values, default)``, as MindSpore: the values are ``funclist``'s constants or its functions'
    results on ``x``; one extra entry is the default (else 0)."""
    if isinstance(funclist, (list, tuple)) and funclist and callable(funclist[0]):
        funclist = [f(x, *args, **kw) for f in funclist]
    conds = [condlist] if isinstance(condlist, Tensor) and condlist.ndim == np.ndim(unwrap(x)) else condlist
    if len(funclist) == len(conds) + 1:
        return VIEWS["select"](conds, funclist[:-1], funclist[-1])
    if len(funclist) != len(conds):
        raise ValueError(f"the number of choices should be either equal to conditions or {len(conds) + 1}")
    return VIEWS["select"](conds, funclist)


def apply_along_axis(func1d, axis, arr, *args, **kwargs):
    """``func1d`` (a function of Tensors) applied to the 1-D slices of ``arr`` along ``axis``."""
    def one(slice_):
        return to_array(func1d(_wrap(slice_), *args, **kwargs))
    return wrap(jnp.apply_along_axis(one, axis, to_array(arr)), True)


def apply_over_axes(func, a, axes):
    """``func(a, axis)`` (a function of Tensors) over each of ``axes`` in turn, keeping the reduced dimensions."""
    axes = [axes] if isinstance(axes, int) else unwrap(axes)
    return wrap(jnp.apply_over_axes(lambda v, axis: to_array(func(_wrap(v), axis)), to_array(a), axes), True)


def array_str(a):
    """numpy's ``array_str`` of ``a``'s data."""
    return np.array_str(np.asarray(to_array(a)))


def isscalar(element):
    """Whether ``element`` is a scalar (a Tensor is not)."""
    return np.isscalar(element)


def size(a, axis=None):
    """The number of elements of ``a``, or along ``axis``."""
    shape = to_array(a).shape
    return int(np.prod(shape)) if axis is None else shape[axis]


def promote_types(type1, type2):
    """The dtype both dtypes promote to, as a MindSpore dtype."""
    return mstype.to_mstype(jnp.promote_types(np_dtype(type1), np_dtype(type2)))


def result_type(*arrays_and_dtypes):
    """The dtype of an operation on the arguments (Tensors, dtypes, Python scalars as Int32, Float32, Bool)."""
    dtypes = [to_array(v).dtype if isinstance(v, (Tensor, int, float)) else np_dtype(v) for v in arrays_and_dtypes]
    out = dtypes[0]
    for d in dtypes[1:]:
        out = jnp.promote_types(out, d)
    return mstype.to_mstype(out)


def _narrow(a):
    return a.astype(np.int32) if a.dtype.kind == "i" else a


class _Grid:
    """``mgrid``/``ogrid``: ``jax.numpy``'s grid for an index of slices, Int32 for integer steps."""

    def __init__(self, grid, name):
        self._grid, self._name = grid, name

    def __getitem__(self, key):
        out = self._grid[key]
        return wrap([_narrow(a) for a in out] if isinstance(out, list) else _narrow(out), False)

    def __repr__(self):
        return f"mindspore.numpy.{self._name}"


mgrid = _Grid(jnp.mgrid, "mgrid")
ogrid = _Grid(jnp.ogrid, "ogrid")


def _shape(shape):
    return tuple(shape[0]) if len(shape) == 1 and isinstance(shape[0], (list, tuple)) else shape


def rand(*shape, dtype=mstype.float32):
    """Uniform samples in [0, 1) of ``shape``, from mindshim's global key (``set_seed``; not MindSpore's
    numbers)."""
    return _wrap(jax.random.uniform(seed.next_key(), _shape(shape), np_dtype(dtype)))


def randn(*shape, dtype=mstype.float32):
    """Standard normal samples of ``shape``, from mindshim's global key (not MindSpore's numbers)."""
    return _wrap(jax.random.normal(seed.next_key(), _shape(shape), np_dtype(dtype)))


def randint(minval, maxval=None, shape=None, dtype=mstype.int32):
    """Integers in ``[minval, maxval)`` (``[0, minval)`` without ``maxval``) of ``shape``, from mindshim's global
    key (not MindSpore's numbers)."""
    if maxval is None:
        minval, maxval = 0, minval
    shape = () if shape is None else (shape,) if isinstance(shape, int) else tuple(shape)
    return _wrap(jax.random.randint(seed.next_key(), shape, minval, maxval, np_dtype(dtype)))
