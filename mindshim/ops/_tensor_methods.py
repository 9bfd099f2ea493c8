"""Tensor's op methods and operators (MindSpore's ``tensor_operator_registry``): ``mindshim.ops`` attaches them to
the core's Tensor class when it is imported.

The plain ones are the views declared on the op table's rows (``_views.attach``). ``METHODS`` holds the rest,
written by hand: overloads, and methods over composite ops; ``attach()`` installs both, hand-written last.

Several MindSpore 2.10 methods are overloaded (``max(dim, keepdim)`` returns ``(values, indices)``,
``max(axis=..., keepdims=...)`` a Tensor); the overload is chosen as MindSpore chooses it: by keyword names,
and for positional arguments by whether the first one is an int.
"""
import jax
import jax.numpy as jnp
import numpy as np

from .. import _registry
from .._registry import call as _op
from ..common import dtype as mstype
from ..common.tensor import Tensor, _wrap, write
from . import _views
from . import functional as F
from . import operations as P

METHODS = {}


def method(fn):
    METHODS[fn.__name__] = fn
    return fn


def _comparison(op_name):
    row = _registry.get(op_name)

    def compare(self, other):
        """As MindSpore: comparing with anything but a number or a Tensor gives False (True for ``!=``)."""
        if not isinstance(other, (int, float, Tensor)):
            return op_name == "NotEqual"
        return _registry.dispatch(row, (self, other))
    compare.__name__ = f"__{'eq' if op_name == 'Equal' else 'ne'}__"
    return compare


METHODS["__eq__"] = _comparison("Equal")
METHODS["__ne__"] = _comparison("NotEqual")


def _functional(fn):
    """``Tensor.<name>(...)`` as ``ops.<name>(self, ...)``, for the methods whose arguments are the functional op's
    after its first (so a wrong call raises the functional op's own TypeError, of the same name)."""
    def view(self, *args, **kwargs):
        return fn(self, *args, **kwargs)
    view.__name__ = view.__qualname__ = fn.__name__
    view.__doc__ = f"``ops.{fn.__name__}`` of the Tensor."
    return view


METHODS.update((fn.__name__, _functional(fn)) for fn in (
    F.fmod, F.amax, F.amin, F.cumprod, F.norm, F.expand_dims, F.swapaxes, F.tile, F.flip, F.reverse,
    F.gather_nd, F.masked_fill, F.matmul))
METHODS.update((name, _functional(getattr(F, name))) for name in (  # as MindSpore's Tensor methods of these names
    "addcdiv", "addcmul", "addmm", "addmv", "addr", "arccos", "arccosh", "arcsin", "arcsinh", "arctan", "arctanh",
    "baddbmm", "bmm", "cholesky", "cholesky_solve", "col2im", "cross", "cummax", "cummin", "diagflat",
    "diagonal_scatter", "eigvals", "fold", "gather_elements", "geqrf", "ger", "hardshrink", "histc", "invert",
    "logit", "lstsq", "lu_solve", "masked_select", "matrix_power", "msort", "multinomial", "mvlgamma", "orgqr",
    "positive", "random_categorical", "renorm", "reverse_sequence", "select_scatter", "slice_scatter", "softmax",
    "subtract", "svd", "swapdims", "tril", "triu", "unbind", "unfold", "unique_with_pad", "unsorted_segment_max",
    "unsorted_segment_min", "unsorted_segment_prod"))
METHODS["to_coo"], METHODS["to_csr"] = F.dense_to_sparse_coo, F.dense_to_sparse_csr


@method
def multiply(self, value):
    """``ops.mul`` of the Tensor and ``value``."""
    return F.mul(self, value)


@method
def div(self, other, *, rounding_mode=None):
    return F.div(self, other, rounding_mode=rounding_mode)


@method
def reshape(self, *shape):
    shape = shape[0] if len(shape) == 1 and isinstance(shape[0], (tuple, list)) else shape
    return F.reshape(self, shape)


@method
def sum(self, *args, **kwargs):
    """Sum: ``sum(axis=None, dtype=None, keepdims=False, initial=None)`` or ``sum(dim=None, keepdim=False, *,
    dtype=None)`` (chosen by keywords, or by a bool second argument); integer and bool Tensors sum to Int64 as in
    MindSpore."""
    if any(k in kwargs for k in ("dim", "keepdim")) or (len(args) > 1 and isinstance(args[1], bool)):
        b = _bind(args, kwargs, (("dim", None), ("keepdim", False), ("dtype", None)))
        axis, keepdims, dtype, initial = b["dim"], b["keepdim"], b["dtype"], None
    else:
        b = _bind(args, kwargs, (("axis", None), ("dtype", None), ("keepdims", False), ("initial", None)))
        axis, keepdims, dtype, initial = b["axis"], b["keepdims"], b["dtype"], b["initial"]
    x = self
    if dtype is None and x.dtype.kind in "biu":
        x = x.astype(mstype.int64)
    out = F.reduce_sum(x, () if axis is None else axis, keepdims)
    if initial is not None:
        out = out + initial
    return out if dtype is None else out.astype(dtype)


@method
def round(self, decimals=0):
    return F.round(self, decimals=decimals)


# ---- reductions ---------------------------------------------------------------------------------------------
def _dim_overload(args, kwargs, dim_words):
    """MindSpore's overload choice: keywords of the ``dim`` form, or a positional int first argument."""
    if any(k in kwargs for k in dim_words):
        return True
    return bool(args) and isinstance(args[0], int) and not isinstance(args[0], bool)


def _extreme(self, args, kwargs, op):
    if not args and not kwargs:
        return F.amax(self) if op == "max" else F.amin(self)
    if _dim_overload(args, kwargs, ("dim", "keepdim")):
        bound = dict(zip(("dim", "keepdim"), args), **kwargs)
        return getattr(F, op)(self, bound["dim"], bound.get("keepdim", False))
    bound = dict(zip(("axis", "keepdims"), args), **kwargs)
    axis, keepdims = bound.get("axis"), bound.get("keepdims", False)
    initial, where = bound.get("initial"), bound.get("where", True)
    where = None if where is True else where
    if isinstance(axis, (tuple, list)):
        fn = F.amax if op == "max" else F.amin
        return fn(self, axis, keepdims, initial=initial, where=where)
    values, indices = getattr(F, op)(self, axis, keepdims, initial=initial, where=where)
    return (values, indices) if bound.get("return_indices", False) else values


@method
def max(self, *args, **kwargs):
    """``max()``: the maximum; ``max(dim, keepdim=False)``: ``(values, indices)``;
    ``max(axis=None, keepdims=False, *, initial=None, where=True, return_indices=False)``: a Tensor."""
    return _extreme(self, args, kwargs, "max")


@method
def min(self, *args, **kwargs):
    """As ``max``, for the minimum."""
    return _extreme(self, args, kwargs, "min")


def _bind(args, kwargs, *overloads):
    """Arguments bound to the first overload (a tuple of (name, default) pairs) whose names cover the
    keywords; positional arguments fill names in order."""
    for names in overloads:
        keys = [n for n, _ in names]
        if all(k in keys for k in kwargs):
            bound = dict(names)
            bound.update(zip(keys, args))
            bound.update(kwargs)
            return bound
    raise TypeError(f"Failed calling with arguments {args} {kwargs}.")


@method
def argmax(self, *args, **kwargs):
    """Index (Int64) of the first maximum: ``argmax(axis=None, keepdims=False)`` or ``argmax(dim, keepdim)``."""
    b = _bind(args, kwargs, (("axis", None), ("keepdims", False)), (("dim", None), ("keepdim", False)))
    return F.argmax(self, b.get("axis", b.get("dim")), b.get("keepdims", b.get("keepdim", False)))


@method
def argmin(self, *args, **kwargs):
    """Index (Int32) of the first minimum: ``argmin(axis=None, keepdims=False)`` or ``argmin(dim, keepdim)``."""
    b = _bind(args, kwargs, (("axis", None), ("keepdims", False)), (("dim", None), ("keepdim", False)))
    return F.argmin(self, b.get("axis", b.get("dim")), b.get("keepdims", b.get("keepdim", False)))


@method
def prod(self, *args, **kwargs):
    """Product: ``prod(dim=None, keepdim=False, dtype=None)`` or ``prod(axis=None, keep_dims=False, dtype=None)``."""
    b = _bind(args, kwargs, (("dim", None), ("keepdim", False), ("dtype", None)),
                 (("axis", None), ("keep_dims", False), ("dtype", None)))
    return F.prod(self, b.get("dim", b.get("axis")), b.get("keepdim", b.get("keep_dims", False)), b["dtype"])


def _logical_reduce(op):
    def fn(self, *args, **kwargs):
        b = _bind(args, kwargs, (("axis", None), ("keep_dims", False)), (("dim", None), ("keepdim", False)))
        return getattr(F, op)(self, b.get("axis", b.get("dim")), b.get("keep_dims", b.get("keepdim", False)))
    fn.__name__ = op
    fn.__doc__ = f"``ops.{op}``: ``{op}(axis=None, keep_dims=False)`` or ``{op}(dim=None, keepdim=False)``."
    return fn


METHODS["all"] = _logical_reduce("all")
METHODS["any"] = _logical_reduce("any")


def _var(self, axis, ddof, keepdims):
    """``sum((x - mean(x))**2) / (n - ddof)`` as MindSpore's Tensor.var composes it (an integer Tensor
    takes its integer mean, and gives Float32)."""
    if not isinstance(ddof, int):
        raise TypeError(f"For 'Tensor.var', the type of the argument 'ddof' must be int, but got {type(ddof)}.")
    if not isinstance(keepdims, bool):
        raise TypeError(f"For 'Tensor.var', the type of the argument 'keepdims' must be bool, but got "
                        f"{type(keepdims)}.")
    if 0 in self.shape:
        return Tensor(float("nan"), self.dtype)
    axes = () if axis is None else tuple(a % self.ndim for a in ((axis,) if isinstance(axis, int) else axis))
    centered = self - F.mean(self, axes, True)
    total = P.ReduceSum(keepdims)(centered ** 2, axes)
    count = 1
    for a in axes or range(self.ndim):
        count *= self.shape[a]
    return P.Div()(total, count - ddof)


def _moment(op):
    def fn(self, *args, **kwargs):
        if any(k in kwargs for k in ("dim", "correction", "keepdim")):
            b = _bind(args, kwargs, (("dim", None), ("correction", 1), ("keepdim", False)))
            out = _var(self, b["dim"], b["correction"], b["keepdim"])
        else:
            b = _bind(args, kwargs, (("axis", None), ("ddof", 0), ("keepdims", False)))
            out = _var(self, b["axis"], b["ddof"], b["keepdims"])
        return out ** 0.5 if op == "std" else out
    fn.__name__ = op
    fn.__doc__ = (f"``{op}(axis=None, ddof=0, keepdims=False)`` or ``{op}(dim=None, *, correction=1, keepdim=False)``"
                  " (by keywords), over the flattened Tensor by default.")
    return fn


METHODS["std"] = _moment("std")
METHODS["var"] = _moment("var")


@method
def cumsum(self, *args, **kwargs):
    """Cumulative sum: ``cumsum(dim, *, dtype=None)`` or ``cumsum(axis=None, dtype=None)`` (None: over the
    flattened Tensor)."""
    b = _bind(args, kwargs, (("axis", None), ("dtype", None)), (("dim", None), ("dtype", None)))
    axis, dtype = b.get("axis", b.get("dim")), b["dtype"]
    x = self
    if x.dtype in (mstype.bool_, mstype.int8, mstype.int16, mstype.uint8):
        x = x.astype(mstype.int32)
    if axis is None:
        x, axis = x.reshape(-1), 0
    out = F.cumsum(x, axis)
    return out if dtype is None or dtype == self.dtype else out.astype(dtype)


@method
def mean(self, *args, **kwargs):
    """Mean: ``mean(axis=None, keep_dims=False)`` or ``mean(dim=None, keepdim=False, *, dtype=None)``."""
    b = _bind(args, kwargs, (("axis", None), ("keep_dims", False)),
                     (("dim", None), ("keepdim", False), ("dtype", None)))
    x = self if b.get("dtype") is None else self.astype(b["dtype"])
    return F.mean(x, b.get("axis", b.get("dim")), b.get("keep_dims", b.get("keepdim", False)))


# ---- shape ------------------------------------------------------------------------------------------------
@method
def unsqueeze(self, dim):
    return F.expand_dims(self, dim)


@method
def squeeze(self, *axis):
    """``squeeze()`` (all length-1 axes), ``squeeze(axis)`` or ``squeeze((a, b))``."""
    if len(axis) > 1:
        raise TypeError(f'Failed calling squeeze with "squeeze({", ".join(type(a).__name__ for a in axis)})".')
    return F.squeeze(self, axis[0] if axis else None)


@method
def flatten(self, *args, start_dim=0, end_dim=-1, **kwargs):
    """``flatten(start_dim=0, end_dim=-1)`` or ``flatten(order='C', *, start_dim=0, end_dim=-1)``: all axes
    by default (unlike ``ops.flatten``)."""
    order = kwargs.pop("order", "C")
    if args and isinstance(args[0], str):
        order, args = args[0], args[1:]
    if args:
        start_dim = args[0]
    if len(args) > 1:
        end_dim = args[1]
    return F.flatten(self, order, start_dim=start_dim, end_dim=end_dim)


@method
def ravel(self):
    return self.reshape(-1)


@method
def transpose(self, *axes):
    """``transpose(dim0, dim1)`` swaps two axes; ``transpose(*axes)``/``transpose(axes)`` permutes them
    (no argument: reverse)."""
    if len(axes) == 2 and all(isinstance(a, int) for a in axes):
        return F.swapaxes(self, *axes)
    axes = axes[0] if len(axes) == 1 and isinstance(axes[0], (tuple, list)) else axes
    return F.transpose(self, tuple(axes) or tuple(reversed(range(self.ndim))))


@method
def permute(self, *axis):
    axis = axis[0] if len(axis) == 1 and isinstance(axis[0], (tuple, list)) else axis
    return F.permute(self, axis)


@method
def t(self):
    if self.ndim > 2:
        raise ValueError(f"For 't', the dimension of 'input' must be less than or equal to 2, but got {self.ndim}.")
    return self.transpose() if self.ndim == 2 else self


@method
def view(self, *shape):
    """``view(*shape)`` reshapes; ``view(dtype)`` reinterprets the bytes as ``dtype`` (the last axis
    grows or shrinks when the element sizes differ)."""
    if len(shape) == 1 and isinstance(shape[0], mstype.Type):
        target = shape[0].np_dtype
        x = self._data
        ratio = target.itemsize / x.dtype.itemsize
        if ratio == 1:
            return _wrap(jax.lax.bitcast_convert_type(x, target))
        if ratio < 1:
            out = jax.lax.bitcast_convert_type(x, target)
            return _wrap(out.reshape(x.shape[:-1] + (x.shape[-1] * int(1 / ratio),)))
        grouped = x.reshape(x.shape[:-1] + (x.shape[-1] // int(ratio), int(ratio)))
        return _wrap(jax.lax.bitcast_convert_type(grouped, target))
    return self.reshape(*shape)


@method
def view_as(self, other):
    return self.reshape(other.shape)


@method
def expand_as(self, other=None, **kwargs):
    """``expand_as(other)`` (or MindSpore's older keyword ``x=``): broadcast to ``other``'s shape."""
    b = _bind((other,) if other is not None else (), kwargs, (("other", None),), (("x", None),))
    return F.broadcast_to(self, b.get("other", b.get("x")).shape)


@method
def reshape_as(self, other):
    return self.reshape(other.shape)


@method
def broadcast_to(self, *shape):
    shape = shape[0] if len(shape) == 1 and isinstance(shape[0], (tuple, list)) else shape
    return F.broadcast_to(self, shape)


@method
def repeat(self, *repeats):
    """``repeat(*repeats)``: tile by ``repeats`` (at least one per axis; extra ones add leading axes)."""
    repeats = repeats[0] if len(repeats) == 1 and isinstance(repeats[0], (tuple, list)) else repeats
    if len(repeats) < self.ndim:
        raise RuntimeError(f"For 'repeat', the number of elements of 'repeats' ({len(repeats)}) must be at least "
                           f"the rank of the Tensor ({self.ndim}).")
    return F.tile(self, tuple(repeats))


@method
def split(self, split_size_or_sections, axis=0, **kwargs):
    return F.split(self, split_size_or_sections, kwargs.get("dim", axis))


@method
def numel(self):
    return self.size


METHODS["nelement"] = numel


@method
def dim(self):
    return self.ndim


METHODS["ndimension"] = dim


# ---- indexing and values ----------------------------------------------------------------------------------
@method
def gather(self, *args, **kwargs):
    """``gather(input_indices, axis, batch_dims=0)`` (ops.gather) or ``gather(dim, index)`` (ops.gather_elements)."""
    if "dim" in kwargs or "index" in kwargs or (args and isinstance(args[0], int)):
        b = dict(zip(("dim", "index"), args), **kwargs)
        return F.gather_elements(self, b["dim"], b["index"])
    b = dict(zip(("input_indices", "axis", "batch_dims"), args), **kwargs)
    return F.gather(self, b["input_indices"], b["axis"], b.get("batch_dims", 0))


@method
def where(self, condition, y):
    """``ops.where(condition, self, y)``."""
    return F.where(condition, self, y)


@method
def clip(self, min=None, max=None):
    return F.clamp(self, min, max)


METHODS["clamp"] = clip


@method
def fill(self, value):
    """A Tensor like ``self`` filled with ``value`` (cast to ``self``'s dtype)."""
    return F.fill(self.dtype, self.shape, value)


@method
def item(self):
    """The single element as a Python scalar."""
    if self.size != 1:
        raise ValueError(f"The tensor should have only one element, but got {self.size}, more than one element "
                         "is ambiguous.")
    return np.asarray(self).reshape(()).item()


# ---- arithmetic overloads ---------------------------------------------------------------------------------
def _alpha_op(op):
    """``add``/``sub`` with MindSpore's ``alpha`` (``self op alpha * other``): a float alpha needs float inputs."""
    def fn(self, other, *, alpha=1):
        if alpha == 1 and not isinstance(alpha, float):
            return _op(op, self, other)
        kinds = [t.dtype.kind for t in (self, other) if isinstance(t, Tensor)]
        if isinstance(alpha, float) and not any(k in "fc" for k in kinds) and not isinstance(other, float):
            names = [str(t.dtype) if isinstance(t, Tensor) else type(t).__name__ for t in (self, other)]
            raise TypeError(f"For '{op}Ext', floating alpha need floating input and other, but got {names[0]} and "
                            f"{names[1]}")
        return _op(op, self, _op("Mul", other, alpha) if isinstance(other, Tensor) else other * alpha)
    fn.__name__ = op.lower()
    fn.__doc__ = f"``self {'+' if op == 'Add' else '-'} alpha * other`` (MindSpore's ``{op}Ext``)."
    return fn


METHODS["add"] = _alpha_op("Add")
METHODS["sub"] = _alpha_op("Sub")


@method
def remainder(self, other=None, **kwargs):
    """``ops.remainder`` of the Tensor: ``remainder(other)`` (or the older keyword ``divisor=``)."""
    b = _bind((other,) if other is not None else (), kwargs, (("other", None),), (("divisor", None),))
    return F.remainder(self, b.get("other", b.get("divisor")))


@method
def chunk(self, chunks, axis=0, *, dim=None):
    """``chunk(chunks, axis=0)`` or ``chunk(chunks, dim=0)``."""
    if not isinstance(chunks, int) or isinstance(chunks, bool):
        raise TypeError(f'Failed calling chunk with "chunk({type(chunks).__name__})".')
    return F.chunk(self, chunks, axis if dim is None else dim)


@method
def mm(self, mat2):
    """The matrix product of two 2-D Tensors."""
    return _op("MatMul", self, mat2)


@method
def isclose(self, other, rtol=1e-05, atol=1e-08, equal_nan=False):
    return _op("IsClose", self, other, rtol=rtol, atol=atol, equal_nan=equal_nan)


@method
def allclose(self, other, rtol=1e-05, atol=1e-08, equal_nan=False):
    """Whether ``isclose`` holds everywhere, as a Python bool."""
    return bool(self.isclose(other, rtol, atol, equal_nan).all())


def _inplace(name):
    """``Tensor.<name>_``: ``Tensor.<name>``'s result, in ``self``'s dtype and shape, written into ``self``
    (mindshim rebinds the Tensor's array); returns ``self``. MindSpore 2.10 documents these for Ascend; its CPU
    kernels return the result without writing it."""
    def inplace(self, *args, **kwargs):
        out = getattr(Tensor, name)(self, *args, **kwargs)
        if tuple(out.shape) != tuple(self.shape):
            raise RuntimeError(f"For 'Tensor.{name}_', the result of shape {tuple(out.shape)} cannot be written into "
                               f"self of shape {tuple(self.shape)}.")
        write(self, out._data.astype(self._data.dtype), f"Tensor.{name}_")
        return self
    inplace.__name__ = inplace.__qualname__ = name + "_"
    inplace.__doc__ = f"In-place ``Tensor.{name}``: the result written into self, in self's dtype; returns self."
    return inplace


@method
def copy_(self, src, non_blocking=False):
    """Write ``src`` (broadcast to self's shape, cast to self's dtype) into self; returns self."""
    src = src if isinstance(src, Tensor) else Tensor(src)
    lead = self.ndim - src.ndim
    if lead < 0 or any(s not in (1, d) for s, d in zip(src.shape, self.shape[lead:])):
        vector = lambda shape: "[const vector]{" + ", ".join(map(str, shape)) + "}"  # noqa: E731
        raise RuntimeError("For 'InplaceCopy', the shape of 'value' must broadcast to the shape of 'variable', but "
                           f"got the shape of 'value': {vector(src.shape)}, and the shape of 'variable': "
                           f"{vector(self.shape)}")
    write(self, jnp.broadcast_to(src._data, self.shape).astype(self._data.dtype), "Tensor.copy_")
    return self


def _nonneg(axis, ndim):
    """``axis`` counted from the front (a 0-d Tensor has the one axis 0)."""
    return axis % ndim if ndim else 0


# ---- sorting and selection --------------------------------------------------------------------------------
@method
def sort(self, *args, **kwargs):
    """``(values, Int32 indices)``: ``sort(axis=-1, descending=False)`` or ``sort(dim=-1, descending=False,
    stable=False)`` (a stable sort either way)."""
    b = _bind(args, kwargs, (("axis", -1), ("descending", False)),
              (("dim", -1), ("descending", False), ("stable", False)))
    return F.sort(self, b.get("axis", b.get("dim")), b["descending"])


@method
def argsort(self, *args, **kwargs):
    """Int32 indices that sort the Tensor: ``argsort(axis=-1, descending=False)`` or ``argsort(dim=-1,
    descending=False, stable=False)``."""
    return self.sort(*args, **kwargs)[1]


@method
def topk(self, k, dim=None, largest=True, sorted=True):
    return F.topk(self, k, dim, largest, sorted)


@method
def argmax_with_value(self, axis=0, keep_dims=False):
    """``(values, Int64 indices)`` of the first maximum along ``axis``; None: ``(the maximum, 0)``, as
    MindSpore."""
    return F.max(self, axis, keep_dims)


@method
def argmin_with_value(self, axis=0, keep_dims=False):
    """As ``argmax_with_value``, for the minimum."""
    return F.min(self, axis, keep_dims)


@method
def median(self, *args, **kwargs):
    """``(values, Int64 indices)`` of the lower median: ``median(axis=-1, keepdims=False)`` or
    ``median(dim=-1, keepdim=False)``."""
    b = _bind(args, kwargs, (("axis", -1), ("keepdims", False)), (("dim", -1), ("keepdim", False)))
    axis = b.get("axis", b.get("dim"))
    if axis is None:
        raise TypeError('Failed calling median with "median(dim=None)".')
    return _op("Median", self, axis=axis, keep_dims=b.get("keepdims", b.get("keepdim", False)))


@method
def nansum(self, axis=None, keepdims=False, dtype=None):
    """Sum over ``axis`` counting NaNs as zero."""
    x = self if self.dtype.kind != "f" else _op("Select", _op("IsNan", self), F.zeros_like(self), self)
    out = F.reduce_sum(x, () if axis is None else axis, keepdims)
    return out if dtype is None else out.astype(dtype)


@method
def ptp(self, axis=None, keepdims=False):
    """``max - min`` over ``axis`` (all axes for None)."""
    axis = () if axis is None else axis
    return _op("ReduceMax", self, axis, keep_dims=keepdims) - _op("ReduceMin", self, axis, keep_dims=keepdims)


@method
def trace(self):
    return _op("TraceV2", self)


@method
def diag(self, diagonal=0):
    """MindSpore's ``Diag``: ``x`` on the diagonal of a Tensor of shape ``x.shape + x.shape``."""
    if diagonal != 0:
        raise ValueError(f"For 'Tensor.diag', the argument 'diagonal' should be '0', but got {diagonal}.")
    return _op("Diag", self)


@method
def fill_diagonal(self, fill_value, wrap=False):
    return _op("FillDiagonal", self, fill_value=float(fill_value), wrap=wrap)


# ---- indexing ---------------------------------------------------------------------------------------------
@method
def index_select(self, *args, **kwargs):
    """The slices at ``index`` along ``axis``: ``index_select(axis, index)`` or ``index_select(dim, index)``."""
    b = _bind(args, kwargs, (("axis", None), ("index", None)), (("dim", None), ("index", None)))
    return F.gather(self, b["index"], b.get("axis", b.get("dim")))


@method
def narrow(self, axis, start, length):
    """``length`` elements from ``start`` along ``axis``."""
    if not -self.ndim <= axis < self.ndim:
        raise ValueError(f"The 'axis' must be in the range of [-{self.ndim}, {self.ndim}), but got {axis}.")
    size = self.shape[axis]
    if not 0 <= start < size:
        raise ValueError(f"The input value must be in range of [0, {size}), but got {start} with type 'int'.")
    if not 1 <= length <= size - start:
        raise ValueError(f"The input value must be in range of [1, {size - start}], but got {length} with type "
                         "'int'.")
    begin = [0] * self.ndim
    sizes = list(self.shape)
    begin[axis], sizes[axis] = start, length
    return _op("Slice", self, tuple(begin), tuple(sizes))


@method
def take(self, indices, axis=None, mode="clip"):
    """Elements at ``indices`` of the flattened Tensor (or along ``axis``); out-of-range indices are clipped
    (``mode='clip'``) or wrapped (``'wrap'``); ``'raise'`` raises for them."""
    if mode not in ("raise", "wrap", "clip"):
        raise ValueError(f"For 'Tensor.take', the argument 'mode' should be one of in ['raise', 'wrap', 'clip'], "
                         f"but got {mode}.")
    x = self.reshape(-1) if axis is None else self
    axis = 0 if axis is None else _nonneg(axis, self.ndim)
    n = x.shape[axis]
    idx = indices._data if isinstance(indices, Tensor) else jnp.asarray(indices)
    if mode == "raise":
        bad = np.asarray((idx < -n) | (idx >= n))
        if bad.any():
            raise IndexError(f"For 'Tensor.take', the index {np.asarray(idx)[bad][0]} is out of bounds for size {n}.")
        idx = idx % n
    else:
        idx = idx % n if mode == "wrap" else jnp.clip(idx, 0, n - 1)
    return _op("Gather", x, _wrap(idx.astype(jnp.int64)), axis)


@method
def select(self, *args, **kwargs):
    """``select(dim, index)``: the slice at ``index`` along ``dim``; ``select(condition, y)``: ``self`` where
    ``condition`` else ``y``."""
    if any(k in kwargs for k in ("dim", "index")) or (args and isinstance(args[0], int)):
        b = _bind(args, kwargs, (("dim", None), ("index", None)))
        dim = _nonneg(b["dim"], self.ndim)
        return self[(slice(None),) * dim + (b["index"],)]
    b = _bind(args, kwargs, (("condition", None), ("y", None)))
    y = b["y"]
    if isinstance(y, (int, float)) and not isinstance(y, bool):
        want = mstype.int32 if isinstance(y, int) else mstype.float32
        if self.dtype != want:
            raise TypeError(f"For 'Tensor.select', if the argument 'y' is {type(y).__name__}, then the tensor type "
                            f"should be {str(want).lower()} but got {self.dtype}")
    return _op("Select", b["condition"], self, y)


@method
def index_add(self, *args, **kwargs):
    """``index_add(indices, y, axis, use_lock=True, check_index_bound=True)`` (MindSpore's IndexAdd) or
    ``index_add(dim, index, source, *, alpha=1)``: the slices of ``y`` along ``axis`` added at ``indices``."""
    if "dim" in kwargs or "source" in kwargs or "alpha" in kwargs or (args and isinstance(args[0], int)):
        b = _bind(args, kwargs, (("dim", None), ("index", None), ("source", None), ("alpha", 1)))
        source = b["source"] if b["alpha"] == 1 else b["source"] * b["alpha"]
        return _op("IndexAdd", self, b["index"], source, axis=b["dim"])
    b = _bind(args, kwargs, (("indices", None), ("y", None), ("axis", None), ("use_lock", True),
                             ("check_index_bound", True)))
    return _op("IndexAdd", self, b["indices"], b["y"], axis=b["axis"], use_lock=b["use_lock"],
               check_index_bound=b["check_index_bound"])


@method
def index_put(self, indices, values, accumulate=False):
    """``self`` with ``values`` written (``accumulate``: added) at the positions the tuple of index Tensors
    ``indices`` names."""
    index = tuple(i._data if isinstance(i, Tensor) else i for i in indices)
    values = values._data if isinstance(values, Tensor) else jnp.asarray(values, self._data.dtype)
    at = self._data.at[index]
    return _wrap(at.add(values) if accumulate else at.set(values))


@method
def scatter(self, *args, **kwargs):
    """``scatter(axis, index, src)`` (or ``dim=``; ``src`` may be a number, ``value=`` too; ``reduce='add'``)."""
    b = _bind(args, kwargs, (("axis", None), ("index", None), ("src", None), ("reduce", "none")),
              (("dim", None), ("index", None), ("src", None), ("reduce", "none")),
              (("dim", None), ("index", None), ("value", None), ("reduce", "none")))
    src = b.get("src", b.get("value"))
    if not isinstance(src, Tensor):
        src = F.fill(self.dtype, b["index"].shape, src)
    return _op("TensorScatterElements", self, b["index"], src, axis=b.get("axis", b.get("dim")),
               reduction=b["reduce"])


@method
def scatter_add(self, *args, **kwargs):
    """``scatter_add(indices, updates)``: MindSpore's TensorScatterAdd; ``scatter_add(dim, index, src)``:
    element-wise along ``dim``."""
    if "dim" in kwargs or (args and isinstance(args[0], int)):
        b = _bind(args, kwargs, (("dim", None), ("index", None), ("src", None)))
        return _op("TensorScatterElements", self, b["index"], b["src"], axis=b["dim"], reduction="add")
    b = _bind(args, kwargs, (("indices", None), ("updates", None)))
    return _op("TensorScatterAdd", self, b["indices"], b["updates"])


@method
def masked_scatter(self, mask, source):
    return _op("MaskedScatter", self, mask, source)


@method
def choose(self, choices, mode="clip"):
    """``choices[self[i]][i]``, numpy's ``choose`` (``mode``: 'clip', 'wrap' or 'raise' for out-of-range
    indices)."""
    picks = choices if isinstance(choices, Tensor) else F.stack([c if isinstance(c, Tensor) else Tensor(c)
                                                                 for c in choices])
    n = picks.shape[0]
    idx = self._data
    if mode == "raise":
        if np.asarray((idx < 0) | (idx >= n)).any():
            raise ValueError("For 'Tensor.choose', an index is out of range of the choices.")
    idx = idx % n if mode == "wrap" else jnp.clip(idx, 0, n - 1)
    shape = jnp.broadcast_shapes(idx.shape, picks.shape[1:])
    picks = F.broadcast_to(picks, (n,) + shape)
    idx = jnp.broadcast_to(idx, shape)[None].astype(jnp.int64)
    return F.gather_elements(picks, 0, _wrap(idx)).reshape(shape)


@method
def itemset(self, *args):
    """A copy with one element replaced: ``itemset(index, value)`` (an int into the flattened Tensor, or a tuple)
    or ``itemset(value)`` for a one-element Tensor."""
    if len(args) == 1:
        if self.shape not in ((1,), ()) and self.size != 1:
            raise IndexError(f"Only tensor which shape is (1,) support 1 arg that means omit index, but the tensor "
                             f"shape is {self.shape} and got 1 input.")
        index, value = 0, args[0]
    else:
        index, value = args
    flat = self._data.reshape(-1)
    pos = index if isinstance(index, int) else int(np.ravel_multi_index(index, self.shape))
    return _wrap(flat.at[pos].set(jnp.asarray(value, flat.dtype)).reshape(self.shape))


@method
def resize(self, *new_shape):
    """A copy of shape ``new_shape``: the flattened data cut or padded with zeros."""
    shape = new_shape[0] if len(new_shape) == 1 and isinstance(new_shape[0], (tuple, list)) else new_shape
    size = int(np.prod(shape))
    flat = self._data.reshape(-1)[:size]
    flat = jnp.concatenate([flat, jnp.zeros(size - flat.size, flat.dtype)]) if flat.size < size else flat
    return _wrap(flat.reshape(tuple(shape)))


@method
def repeat_interleave(self, repeats, dim=None, output_size=None):
    """Each element (slice along ``dim``; of the flattened Tensor for None) repeated ``repeats`` times (an int, or
    one count per element)."""
    x = self.reshape(-1) if dim is None else self
    dim = 0 if dim is None else _nonneg(dim, self.ndim)
    counts = np.asarray(repeats._data if isinstance(repeats, Tensor) else repeats).reshape(-1)
    counts = np.broadcast_to(counts, (x.shape[dim],)) if counts.size == 1 else counts
    if counts.size != x.shape[dim]:
        raise ValueError("For 'repeat_interleave', the length of 'repeats' must be the same as the shape of the "
                         "original tensor in the 'axis' dimension, but got the length of 'repeats' "
                         f"{counts.size}, the shape of the original tensor in the 'axis' dimension {x.shape[dim]}.")
    return F.gather(x, Tensor(np.repeat(np.arange(x.shape[dim]), counts)), dim)


@method
def sum_to_size(self, *size):
    """The sum over the axes where ``size`` is 1 (and the leading axes it lacks), shaped ``size``."""
    size = tuple(size[0]) if len(size) == 1 and isinstance(size[0], (tuple, list)) else size
    lead = self.ndim - len(size)
    if lead < 0 or any(s != 1 and s != d for s, d in zip(size, self.shape[lead:])):
        raise ValueError(f"For sum_to_size, size {size} is not expandable to the tensor size {self.shape}.")
    axes = tuple(range(lead)) + tuple(lead + i for i, s in enumerate(size) if s == 1 and self.shape[lead + i] != 1)
    return F.reduce_sum(self, axes, True).reshape(size) if axes else self


# ---- gradient hooks ---------------------------------------------------------------------------------------
class _HookHandle:
    """What ``register_hook`` returns: ``remove()`` stops the hook."""

    def __init__(self):
        self.active = True

    def remove(self):
        self.active = False


@method
def register_hook(self, hook_fn):
    """Run ``hook_fn(grad)`` on the gradient reaching this Tensor (its result, if not None, replaces it); returns a
    handle whose ``remove()`` stops it. mindshim wraps the Tensor's array in an identity whose derivative calls the
    hook, so the hook sees the gradient of the uses of this Tensor after the call, and runs when the gradient is
    traced: inside mindshim's compiled gradient programs ``grad`` holds a traced value (printing it shows
    ``<traced>``, where MindSpore's PyNative hooks see numbers)."""
    handle = _HookHandle()

    @jax.custom_vjp
    def hooked(a):
        return a

    def bwd(_, g):
        if not handle.active:
            return (g,)
        out = hook_fn(_wrap(g))
        return (g if out is None else out._data.astype(g.dtype),)

    hooked.defvjp(lambda a: (a, None), bwd)
    self._data = hooked(self._data)
    return handle


METHODS.update((name + "_", _inplace(name)) for name in (
    "add", "sub", "mul", "div", "remainder", "floor_divide", "masked_fill", "clamp", "fill"))


@method
def new_zeros(self, size, dtype=None):
    """Zeros of shape ``size`` in ``dtype`` (default: this Tensor's)."""
    return F.zeros(_size("new_zeros", size), self.dtype if dtype is None else dtype)


@method
def new_ones(self, size, dtype=None):
    """Ones of shape ``size`` in ``dtype`` (default: this Tensor's)."""
    return F.ones(_size("new_ones", size), self.dtype if dtype is None else dtype)


def _size(op, size):
    dims = (size,) if isinstance(size, int) else size
    if not isinstance(dims, (tuple, list)) or not all(isinstance(d, int) for d in dims):
        raise TypeError(f"{op}(): argument 'size' (position 1) must be tuple of int, not {type(size).__name__}.")
    return tuple(dims)


def attach():
    _views.attach(Tensor)
    for name, fn in METHODS.items():
        setattr(Tensor, name, fn)
