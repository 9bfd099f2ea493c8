"""What every ``mindspore.numpy`` function shares: its inputs become ``jax.Array`` with ``mindspore.numpy``'s rules,
its results become Tensors, and :func:`view` makes a function of the module from a ``jax.numpy`` one.

``mindspore.numpy``'s rules: Python data (scalars, nested lists/tuples) become Int32, Float32 or Bool (not Int64
as ``Tensor(...)`` gives), Tensors keep their dtype, numpy arrays are refused; a dtype argument may be a MindSpore
dtype, a numpy dtype, a name or a Python type (``int`` is Int32, ``float`` Float32). Where ``jax.numpy`` (running
with 64-bit types) would answer Float64 or Complex128 for inputs that hold none, the result is Float32 or Complex64,
as MindSpore's.
"""
import numbers

import jax
import jax.numpy as jnp
import numpy as np

from ..common import dtype as mstype
from ..common.tensor import Tensor, _wrap

_WIDE = (np.dtype(np.float64), np.dtype(np.complex128))
_NARROW = {np.dtype(np.float64): np.float32, np.dtype(np.complex128): np.complex64}
_PY_DTYPES = {int: np.int32, float: np.float32, bool: np.bool_, complex: np.complex64,
              "int": np.int32, "float": np.float32, "uint": np.uint32, "bool": np.bool_}
_DTYPE_NAMES = ("['np.int_', 'np.int8', 'np.int16', 'np.int32', 'np.int64', 'np.uint', 'np.uint8', 'np.uint16', "
                "'np.uint32', 'np.uint64', 'np.float64', 'np.float16', 'np.float32', 'np.float64', 'np.bool_']")
_INT32 = np.iinfo(np.int32)


def np_dtype(dtype):
    """The numpy dtype of a dtype argument (``None`` stays ``None``)."""
    if dtype is None or isinstance(dtype, np.dtype):
        return dtype
    if isinstance(dtype, mstype.Type):
        return dtype.np_dtype
    if isinstance(dtype, (type, str)) and dtype in _PY_DTYPES:
        return np.dtype(_PY_DTYPES[dtype])
    try:
        out = np.dtype(dtype)
    except TypeError:
        out = None
    if out is None or out not in mstype._BY_NP:
        if isinstance(dtype, str):
            raise TypeError(f"only {_DTYPE_NAMES} are allowed for dtype, but got {type(dtype)}")
        raise NotImplementedError(f"The python type {dtype} cannot be converted to MindSpore type.")
    return out


def to_array(x, message="Expect input to be array like."):
    """``x`` as a ``jax.Array`` (``mindspore.numpy``'s ``_to_tensor``). Python ints that do not fit Int32 give
    Int64 (MindSpore wraps them around); lists holding Tensors are stacked (MindSpore refuses them)."""
    if isinstance(x, Tensor):
        return x._data
    if isinstance(x, jax.Array):
        return x
    if not isinstance(x, (numbers.Number, list, tuple)) or isinstance(x, np.ndarray):
        raise TypeError(message)
    if any(isinstance(v, (Tensor, jax.Array)) for v in jax.tree_util.tree_leaves(x)):
        return jnp.asarray(unwrap(x))
    data = np.asarray(x)
    if data.dtype.kind not in "biufc":
        raise TypeError(message)
    if data.dtype.kind in "iu" and (data.size == 0 or _INT32.min <= data.min() and data.max() <= _INT32.max):
        data = data.astype(np.int32)
    elif data.dtype in _WIDE:
        data = data.astype(_NARROW[data.dtype])
    return jnp.asarray(data)


def to_arrays(seq):
    """A sequence of array-likes (or one array-like, iterated over its first axis) as a list of arrays."""
    if isinstance(seq, (Tensor, jax.Array)):
        return list(to_array(seq))
    return [to_array(x) for x in seq]


def unwrap(x):
    """``x`` with every Tensor inside (nested in lists and tuples) replaced by its array and every MindSpore
    dtype by its numpy dtype."""
    if isinstance(x, Tensor):
        return x._data
    if isinstance(x, mstype.Type):
        return x.np_dtype
    if isinstance(x, (list, tuple)):
        return type(x)(unwrap(v) for v in x)
    return x


def wrap(result, wide):
    """``result`` with every array a Tensor (lists and tuples keep their type); Float64 and Complex128 become Float32
    and Complex64 unless ``wide`` (an input was 64-bit)."""
    if isinstance(result, jax.Array):
        if not wide and result.dtype in _WIDE:
            result = result.astype(_NARROW[result.dtype])
        return _wrap(result)
    if isinstance(result, (list, tuple)):
        return type(result)(wrap(r, wide) for r in result)
    return result


def astype(result, dtype):
    """Every array of ``result`` (an array or a list/tuple of them) as ``dtype``."""
    if isinstance(result, (list, tuple)):
        return type(result)(r.astype(dtype) for r in result)
    return result.astype(dtype)


def is_wide(values):
    """Whether any array or dtype in ``values`` (nested) is 64-bit floating or complex."""
    for v in jax.tree_util.tree_leaves(values):
        dtype = v if isinstance(v, np.dtype) else getattr(v, "dtype", None)
        if dtype is not None and dtype in _WIDE:  # (np.dtype compares equal to None: numpy's default, Float64)
            return True
    return False


#: Keyword arguments that are array-likes wherever they appear.
ARRAY_KEYWORDS = frozenset({"where", "weights", "x", "y", "fweights", "aweights", "initial", "k"})


def check_broadcast(name, inputs, kwargs):
    """MindSpore's error for element-wise inputs whose shapes do not broadcast."""
    try:
        np.broadcast_shapes(*(a.shape for a in inputs))
    except ValueError:
        raise ValueError("operands could not be broadcast together with shapes "
                         f"{tuple(a.shape for a in inputs)}") from None


def check_axis(name, inputs, kwargs):
    """MindSpore's error for a reduction's ``axis`` out of the input's range."""
    axis, ndim = kwargs.get("axis"), inputs[0].ndim
    for a in axis if isinstance(axis, (list, tuple)) else [axis]:
        if isinstance(a, int) and not -max(ndim, 1) <= a < max(ndim, 1):
            raise ValueError(f"The 'axis' must be in the range of [-{max(ndim, 1)}, {max(ndim, 1)}), but got {a}.")


def check_shape(name, inputs, kwargs):
    """MindSpore's errors for a ``shape`` that is not a tuple of non-negative ints."""
    shape = kwargs.get("shape")
    for d in shape if isinstance(shape, (list, tuple)) else [shape]:
        if not isinstance(d, int) or isinstance(d, bool):
            raise TypeError("each entry in shape should be int.")
        if d < 0:
            raise ValueError("each entry in shape should no less than 0.")


def check_where(name, inputs, kwargs):
    """MindSpore's ``where`` takes both ``x`` and ``y`` (not numpy's one-argument form)."""
    if kwargs.get("x") is None or kwargs.get("y") is None:
        raise TypeError("Expect input to be array like.")
    check_broadcast(name, inputs, kwargs)


def view(fn, arrays="a", names=None, defaults=None, out=None, cast=False, check=None, keywords=None, name=None):
    """A ``mindspore.numpy`` function over ``jax.numpy``'s ``fn``.

    ``arrays`` says what the leading positional arguments are: ``a`` an array-like (converted with
    :func:`to_array`), ``s`` a sequence of array-likes, ``-`` anything else (its Tensors unwrapped), and a final
    ``*`` makes every further positional argument an array-like; keyword arguments in :data:`ARRAY_KEYWORDS` are
    array-likes too. ``names`` are ``fn``'s parameter names for MindSpore's positional parameters (where the orders
    differ, or to apply ``defaults``: MindSpore's defaults where they differ from ``jax.numpy``'s). ``out(result,
    arrays)`` adjusts the result (a ``jax.Array`` or a sequence of them) given the converted array inputs. With
    ``cast``, MindSpore's ``dtype`` argument is the result's dtype (``fn`` does not see it); ``cast="input"`` first
    casts the result to the first input's dtype (MindSpore's Int32 mean is Int32: the mean cast). ``check(name,
    arrays, kwargs)`` raises MindSpore's error for bad input before ``fn`` runs (``kwargs`` by ``names``).
    ``keywords`` maps MindSpore's keyword names to ``fn``'s where they differ.
    """
    star = arrays.endswith("*")
    spec = arrays.rstrip("*")

    def convert(i, value):
        kind = spec[i] if i < len(spec) else ("a" if star else "-")
        if kind == "a":
            return to_array(value)
        if kind == "s":
            return to_arrays(value)
        return unwrap(value)

    def call(*args, **kwargs):
        args = [convert(i, a) for i, a in enumerate(args)]
        kwargs = {(keywords or {}).get(k, k): v for k, v in kwargs.items()}
        kwargs = {k: to_array(v) if k in ARRAY_KEYWORDS and isinstance(v, (list, tuple)) else unwrap(v)
                  for k, v in kwargs.items()}
        inputs = [a for a in (*args, *kwargs.values()) if isinstance(a, jax.Array)]
        if names is not None:
            if len(args) > len(names):
                raise TypeError(f"{call.__name__}() takes at most {len(names)} positional arguments but "
                                f"{len(args)} were given")
            kwargs.update(zip(names, args))
            args = []
        for k, v in (defaults or {}).items():
            kwargs.setdefault(k, v)
        if "dtype" in kwargs:
            kwargs["dtype"] = np_dtype(kwargs["dtype"])
        dtype = kwargs.pop("dtype", None) if cast else None
        if check is not None:
            check(call.__name__, inputs, kwargs)
        result = fn(*args, **kwargs)
        if out is not None:
            result = out(result, inputs)
        if cast == "input":
            result = astype(result, inputs[0].dtype)
        if dtype is not None:
            result = astype(result, dtype)
        return wrap(result, is_wide((args, kwargs, dtype)))

    call.__name__ = call.__qualname__ = name or fn.__name__
    call.__module__ = "mindshim.numpy"
    source = f"{fn.__module__}.{fn.__name__}" if fn.__module__.startswith("jax") else f"jax.numpy.{call.__name__}"
    call.__doc__ = f"``mindspore.numpy.{call.__name__}``: ``{source}`` on Tensors."
    return call
