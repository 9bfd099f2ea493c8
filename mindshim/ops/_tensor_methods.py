"""Tensor's op methods and operators (MindSpore's ``tensor_operator_registry``): ``mindshim.ops`` attaches them to
the core's Tensor class when it is imported.

The plain ones are the views declared on the op table's rows (``_views.attach``). ``METHODS`` holds the rest,
written by hand: overloads, and methods over composite ops; ``attach()`` installs both, hand-written last.

Several MindSpore 2.10 methods are overloaded (``max(dim, keepdim)`` returns ``(values, indices)``,
``max(axis=..., keepdims=...)`` a Tensor); the overload is chosen as MindSpore chooses it: by keyword names,
and for positional arguments by whether the first one is an int.
"""
import jax
import numpy as np

from .. import _registry
from ..common import dtype as mstype
from ..common.tensor import Tensor, _wrap
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
    F.fmod, F.remainder, F.amax, F.amin, F.cumprod, F.norm, F.expand_dims, F.swapaxes, F.tile, F.flip, F.reverse,
    F.chunk, F.gather_nd, F.masked_fill))
METHODS["to_coo"], METHODS["to_csr"] = F.dense_to_sparse_coo, F.dense_to_sparse_csr


@method
def div(self, other, *, rounding_mode=None):
    return F.div(self, other, rounding_mode=rounding_mode)


@method
def reshape(self, *shape):
    shape = shape[0] if len(shape) == 1 and isinstance(shape[0], (tuple, list)) else shape
    return F.reshape(self, shape)


@method
def sum(self, axis=None, dtype=None, keepdims=False, initial=None):
    """Sum; integer and bool Tensors sum to Int64 as in MindSpore."""
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
            raise NotImplementedError(f"mindspore.Tensor.{op} with dim/correction (the var_ext kernel, which "
                                      "MindSpore 2.10 lacks on CPU) is not supported by mindshim yet.")
        b = _bind(args, kwargs, (("axis", None), ("ddof", 0), ("keepdims", False)))
        out = _var(self, b["axis"], b["ddof"], b["keepdims"])
        return out ** 0.5 if op == "std" else out
    fn.__name__ = op
    fn.__doc__ = f"``{op}(axis=None, ddof=0, keepdims=False)`` over the flattened Tensor by default."
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
def expand_as(self, other):
    return F.broadcast_to(self, other.shape)


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
    return np.asarray(self._data).reshape(()).item()


def attach():
    _views.attach(Tensor)
    for name, fn in METHODS.items():
        setattr(Tensor, name, fn)
