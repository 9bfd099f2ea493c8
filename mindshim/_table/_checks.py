"""Checks and small helpers shared by the op table's family modules: MindSpore's type and shape errors, axis
normalization, and the arrays of a sequence of Tensors."""
import jax.numpy as jnp
import numpy as np

from ..common import dtype as mstype

_FLOATS = "{BFloat16, Float16, Float32, Float64}"
_INDEX = "{Tensor[Int32], Tensor[Int64]}"


def tname(x):
    return f"Tensor[{mstype.to_mstype(x.dtype)}]"


def is_float(x):
    return jnp.issubdtype(x.dtype, jnp.floating)


def need_float(op, arg):
    def check(x, *_, **__):
        if not is_float(x):
            raise TypeError(f"For primitive[{op}], the input argument[{arg}] must be a type of {_FLOATS}, "
                            f"but got {mstype.to_mstype(x.dtype)}.")
    return check


def need_index(op, arg, x):
    if x.dtype not in (jnp.int32, jnp.int64):
        raise TypeError(f"For primitive[{op}], the input argument[{arg}] must be a type of {_INDEX}, "
                        f"but got {tname(x)}.")


def same_type(op, x1, x2):
    if x1.dtype != x2.dtype:
        raise TypeError(f"For '{op}', the type of 'x2' should be same as 'x1', but got 'x1' with type "
                        f"{tname(x1)} and 'x2' with type {tname(x2)}.")


def norm_axes(op, axis, ndim):
    """MindSpore's axis argument (int, tuple, list, Tensor, or () for all) as a tuple, range-checked."""
    if axis is None or (isinstance(axis, (tuple, list)) and len(axis) == 0):
        return None
    if hasattr(axis, "shape"):
        axis = np.asarray(axis).tolist()
    axes = (axis,) if isinstance(axis, int) else tuple(axis)
    lo, hi = -max(ndim, 1), max(ndim, 1)
    for a in axes:
        if not lo <= a < hi:
            raise ValueError(f"For primitive[{op}], the axis value must be in [{lo},{hi}), but got {a}.")
    return tuple(a % max(ndim, 1) for a in axes)


def check_broadcast(op):
    def check(x, y):
        sx, sy = np.shape(x), np.shape(y)
        for i in range(1, min(len(sx), len(sy)) + 1):
            if sx[-i] != sy[-i] and sx[-i] != 1 and sy[-i] != 1:
                axis = max(len(sx), len(sy)) - i
                raise ValueError(
                    f"For '{op}', input1.shape and input2.shape need to broadcast. The value of input1.shape[{axis}] "
                    f"or input2.shape[{axis}] must be 1 or -1 when they are not the same, but got input1.shape = "
                    f"{list(sx)} and input2.shape = {list(sy)}")
    return check


_BANNER = "\n" + "-" * 52 + "\n- Kernel select failed:\n" + "-" * 52 + "\n"


def kernel_error(op, banner=False):
    """MindSpore's CPU kernel-selection TypeError (some ops print it after a banner line)."""
    return TypeError(f"{_BANNER if banner else ''}Select CPU operator[{op}] fail! Unsupported data type!")


def dtype_kind(x):
    """'f' float, 'b' bool, 'i' signed int, 'u' unsigned int, 'c' complex."""
    return np.dtype(jnp.result_type(x)).kind if not isinstance(x, (bool, int, float)) else \
        {bool: "b", int: "i", float: "f"}[type(x)]


def tensor_arrays(seq):
    """The arrays of a list or tuple of Tensors (inputs such as Concat's and AddN's)."""
    return [jnp.asarray(getattr(t, "_data", t)) for t in seq]


_KL_REDUCTIONS = ("none", "mean", "batchmean", "sum")


def check_kl_reduction(op, reduction):
    """KLDivLoss's reduction: one of MindSpore's four."""
    if not isinstance(reduction, str) or reduction not in _KL_REDUCTIONS:
        raise ValueError(f"For '{op}', the 'reduction' must be str and must be in '{list(_KL_REDUCTIONS)}', but got "
                         f"'{reduction}'.")


def dim_range(axis, n):
    """MindSpore's "Dimension out of range" check of ``axis`` against ``[-n, n)``; returns it non-negative."""
    if not -n <= axis < n:
        raise ValueError(f"Dimension out of range (expected to be in range of [{-n}, {n}), but got {axis})")
    return axis % n
