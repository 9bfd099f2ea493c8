"""``mindspore.ops`` functional ops: math family. The plain views declared on the rows, and ops that adapt
MindSpore 2.10's signature to table rows; composites (``fmod``, ``clip_by_value``, ``norm``, ...) are built from
rows the way MindSpore builds them, so their values and gradients follow MindSpore's."""
import builtins
import math
import numbers

import numpy as np

from ... import _registry
from ..._registry import call as _op
from ...common import dtype as mstype
from ...common.tensor import Tensor
from .. import _views

_row = _registry.get


def _need_tensor(op, name, value):
    if not isinstance(value, Tensor):
        raise TypeError(f"For '{op}', the input '{name}' must be a Tensor, but got {type(value).__name__}.")


# ---- element-wise ---------------------------------------------------------------------------------------
def round(input, *, decimals=0):
    """Round half to even; integer Tensors unchanged (MindSpore's CPU kernel takes only ``decimals=0``)."""
    return _op("Round", input, decimals)


def fmod(input, other):
    """``input - trunc(input / other) * other`` (sign of ``input``), computed as MindSpore does."""
    if not (isinstance(input, Tensor) or isinstance(other, Tensor)):
        raise TypeError("At least one of the types of inputs must be tensor, but the type of 'input' got is "
                        f"{type(input)}, and the type of 'other' is {type(other)}.")
    return input - _op("TruncateDiv", input, other) * other


def remainder(input, other):
    """``input - floor_div(input, other) * other`` (sign of ``other``)."""
    return input - _op("FloorDiv", input, other) * other


def addn(x):
    """Sum of a list or tuple of Tensors of the same shape and dtype."""
    return _op("AddN", x)


# ---- clipping ----------------------------------------------------------------------------------------------
def clip_by_value(x, clip_value_min=None, clip_value_max=None):
    """``minimum(maximum(x, min), max)`` with the bounds cast to ``x``'s dtype; ``x`` may be a list or
    tuple of Tensors. Gradients follow Maximum/Minimum (a value equal to a bound gets half)."""
    if clip_value_min is None and clip_value_max is None:
        raise ValueError("For 'clip_by_value', at least one of 'clip_value_min' or 'clip_value_max' must not be None")
    if not isinstance(x, (Tensor, tuple, list)):
        raise TypeError("For 'clip_by_value', the type of argument 'x' must be Tensor or tuple[Tensor] or "
                        "list[Tensor]")

    def clip_one(t):
        out = t
        if clip_value_min is not None:
            out = _op("Maximum", out, _op("Cast", _as_tensor(clip_value_min), t.dtype))
        if clip_value_max is not None:
            out = _op("Minimum", out, _op("Cast", _as_tensor(clip_value_max), t.dtype))
        return out
    if isinstance(x, Tensor):
        return clip_one(x)
    return tuple(clip_one(t) for t in x)


def _as_tensor(value):
    return value if isinstance(value, Tensor) else Tensor(value)


def clamp(input, min=None, max=None):
    """Clamp into ``[min, max]`` (``max`` wins where ``min > max``); a float bound on an integer Tensor
    gives Float32. The gradient passes where ``min <= input <= max`` (bounds included)."""
    if min is None and max is None:
        raise ValueError("For 'clamp', at least one of 'min' or 'max' must not be None.")
    if isinstance(min, Tensor) or isinstance(max, Tensor):
        return _op("ClampTensor", input, min, max)
    return _op("ClampScalar", input, min, max)


clip = clamp


# ---- reductions -------------------------------------------------------------------------------------------
def _axis_arg(axis):
    return () if axis is None else axis


def reduce_max(x, axis=()):
    return _op("ReduceMax", x, axis)


def reduce_min(x, axis=()):
    return _op("ReduceMin", x, axis)


def _init_and_select(input, initial, where, cmp):
    """MindSpore's ``initial``/``where`` handling for max/min/amax/amin: compare with ``initial``, then
    keep ``initial`` where ``where`` is False."""
    if initial is not None:
        initial = _op("Fill", input.dtype, input.shape, initial)
        input = _op(cmp, input, initial)
    if where is not None and not isinstance(where, Tensor):
        where = Tensor(where, dtype=mstype.bool_)
    if where is not None and (where.shape or not where):
        if initial is None:
            raise ValueError("initial value must be provided for where masks")
        input = _op("Select", _op("BroadcastTo", where, shape=input.shape), input, initial)
    return input


def _extreme(op, cmp, row, input, axis, keepdims, initial, where):
    if not input.shape:
        return input, Tensor(0, dtype=mstype.int64)
    if axis is None:
        return _op("ReduceMax" if op == "max" else "ReduceMin", input), Tensor(0, dtype=mstype.int64)
    if initial is not None and not isinstance(initial, numbers.Number):
        raise TypeError(f"For '{op}', 'initial' must be a scalar, but got {builtins.type(initial)}")
    if not isinstance(axis, int):
        raise TypeError(f"For '{op}', 'axis' must be int, but got {builtins.type(axis)}")
    input = _init_and_select(input, initial, where, cmp)
    indices, values = _op(row, input, axis=axis, keep_dims=keepdims)
    return values, indices


def max(input, axis=None, keepdims=False, *, initial=None, where=None):
    """``(values, indices)`` of the maximum along ``axis`` (index Int64; the gradient goes to that
    element). With ``axis=None``: ``(max of all, Tensor(0))``."""
    return _extreme("max", "Maximum", "ArgMaxWithValue", input, axis, keepdims, initial, where)


def min(input, axis=None, keepdims=False, *, initial=None, where=None):
    """``(values, indices)`` of the minimum along ``axis`` (see ``max``)."""
    return _extreme("min", "Minimum", "ArgMinWithValue", input, axis, keepdims, initial, where)


def amax(input, axis=None, keepdims=False, *, initial=None, where=None):
    """Maximum over ``axis`` (all axes for None); ties share the gradient equally."""
    input = _init_and_select(input, initial, where, "Maximum")
    return _op("ReduceMax", input, _axis_arg(axis), keep_dims=keepdims)


def amin(input, axis=None, keepdims=False, *, initial=None, where=None):
    """Minimum over ``axis`` (all axes for None); ties share the gradient equally."""
    input = _init_and_select(input, initial, where, "Minimum")
    return _op("ReduceMin", input, _axis_arg(axis), keep_dims=keepdims)


def argmax(input, dim=None, keepdim=False):
    """Index (Int64) of the first maximum along ``dim`` (of the flattened input for None)."""
    if not isinstance(keepdim, bool):
        raise TypeError(f"For 'argmax', the type of 'keepdim' should be bool, but got {builtins.type(keepdim)}.")
    if not input.shape:
        return Tensor(0)
    if input.dtype == mstype.bool_:
        input = input.astype(mstype.int32)
    if dim is None:
        return _op("Argmax", input.reshape(-1), axis=0, output_type=mstype.int64)
    out = _op("Argmax", input, axis=dim, output_type=mstype.int64)
    return _op("ExpandDims", out, dim) if keepdim else out


def argmin(input, axis=None, keepdims=False):
    """Index (Int32) of the first minimum along ``axis`` (of the flattened input for None)."""
    if not input.shape:
        return Tensor(0)
    if axis is None:
        return _op("Argmin", input.reshape(-1), axis=0)
    out = _op("Argmin", input, axis=axis)
    return _op("ExpandDims", out, axis) if keepdims else out


def prod(input, axis=None, keep_dims=False, dtype=None):
    """Product over ``axis``. For an int (or None) axis, integer and bool inputs give Int64; for a
    tuple/list axis the input dtype is kept (MindSpore's two kernels)."""
    if not isinstance(axis, (tuple, list, Tensor)):
        if dtype is not None:
            input = input.astype(dtype)
        elif input.dtype.kind in "biu":
            input = input.astype(mstype.int64)
        return _op("ReduceProd", input, () if axis is None else axis, keep_dims=keep_dims)
    if dtype is not None:
        input = input.astype(dtype)
    return _op("ReduceProd", input, axis, keep_dims=keep_dims)


def all(input, axis=None, keep_dims=False):
    """Logical and over ``axis`` (all axes for None); any dtype."""
    return _op("ReduceAll", input, _axis_arg(axis), keep_dims=keep_dims)


def any(input, axis=None, keep_dims=False):
    """Logical or over ``axis`` (all axes for None); any dtype."""
    return _op("ReduceAny", input, _axis_arg(axis), keep_dims=keep_dims)


def cumsum(x, axis, dtype=None):
    """Cumulative sum along ``axis`` in ``x``'s dtype (or ``dtype``)."""
    if dtype is not None and x.dtype != dtype:
        x = x.astype(dtype)
    return _op("CumSum", x, axis)


def cumprod(input, dim, dtype=None):
    """Cumulative product along ``dim``."""
    if dtype is not None and input.dtype != dtype:
        input = input.astype(dtype)
    return _op("CumProd", input, dim)


def cummax(input, axis):
    """``(values, indices)`` of the running maximum along ``axis`` (indices Int64)."""
    return _op("Cummax", input, axis=axis)


def cummin(input, axis):
    """``(values, indices)`` of the running minimum along ``axis`` (indices Int64)."""
    return _op("Cummin", input, axis=axis)


def _var_std_axes(op, input, ddof, keepdims, axis):
    _need_tensor(op, "input", input)
    if not isinstance(ddof, (int, bool)):
        raise TypeError(f"For '{op}', the type of 'ddof' should be one of '['int', 'bool']', but got "
                        f"'{builtins.type(ddof).__name__}'.")
    if not isinstance(keepdims, bool):
        raise TypeError(f"For '{op}', the type of 'keepdims' should be 'bool', but got "
                        f"'{builtins.type(keepdims).__name__}'.")
    if axis is None:
        return ()
    axes = (axis,) if isinstance(axis, int) else tuple(axis)
    return tuple(a % input.ndim if -input.ndim <= a < input.ndim else a for a in axes)


def var_mean(input, axis=None, ddof=0, keepdims=False):
    """``(variance, mean)`` over ``axis``; ``ddof`` is subtracted from the count."""
    axis = _var_std_axes("var_mean", input, ddof, keepdims, axis)
    if ddof in (0, 1):
        std, mean = _op("ReduceStd", input, axis=axis, unbiased=bool(ddof), keep_dims=keepdims)
        return std ** 2, mean
    x_mean = _op("ReduceMean", input, axis, keep_dims=True)
    x_sum = _op("ReduceSum", (input - x_mean) ** 2, axis, keep_dims=keepdims)
    count = input.size if axis == () else math.prod(input.shape[a] for a in axis)
    return x_sum / Tensor(count - ddof, input.dtype), _op("ReduceMean", input, axis, keep_dims=keepdims)


def std_mean(input, axis=None, ddof=0, keepdims=False):
    """``(standard deviation, mean)`` over ``axis``."""
    axis = _var_std_axes("std_mean", input, ddof, keepdims, axis)
    if ddof in (0, 1):
        return _op("ReduceStd", input, axis=axis, unbiased=bool(ddof), keep_dims=keepdims)
    var, mean = var_mean(input, axis, ddof, keepdims)
    return var ** 0.5, mean


def var(input, axis=None, ddof=0, keepdims=False):
    """Variance over ``axis`` (population variance for ``ddof=0``)."""
    return var_mean(input, axis, ddof, keepdims)[0]


def std(input, axis=None, ddof=0, keepdims=False):
    """Standard deviation over ``axis`` (population for ``ddof=0``)."""
    return std_mean(input, axis, ddof, keepdims)[0]


def norm(A, ord=None, dim=None, keepdim=False, *, dtype=None):
    """Vector or matrix norm, following MindSpore's composition (so gradients match): 2-norm as
    ``sqrt(sum(x*x))``, inf-norms through max/min of ``|x|`` (the gradient goes to the first extreme
    element). Matrix norms ``'nuc'`` and ``±2`` use singular values."""
    ndim = A.ndim
    if dim is None:
        dims = tuple(range(ndim))
        immediate = ord is None or (ord == "fro" and ndim == 2) or (ord == 2 and ndim == 1)
    else:
        if isinstance(dim, int):
            dims = (dim,)
        elif isinstance(dim, tuple):
            if len(dim) > 2:
                raise ValueError("For norm, the dimensions is out of range.")
            dims = dim
        else:
            raise TypeError(f"For norm, the dim should be int or tuple of int, but got {builtins.type(dim)}")
        immediate = False
    if len(dims) == 1 and isinstance(ord, str):
        raise TypeError(f"For norm, ord mode can not be str for vectors, but got {ord}.")
    if len(dims) == 2 and ord not in (2, -2, 1, -1, float("inf"), -float("inf"), "fro", "nuc", None):
        raise ValueError("For norm, the ord mode must be in [2, -2, 1, -1, float('inf'), -float('inf'), 'fro', "
                         f"'nuc', None] for matrices, but got {ord}.")
    if dtype is not None:
        A = A.astype(dtype)
    if immediate:
        ret = _op("Sqrt", _op("ReduceSum", A * A, dims))
        return ret.reshape(ndim * [1]) if keepdim else ret
    if len(dims) == 2:
        return _matrix_norm(A, ord, dims, keepdim)
    if len(dims) == 1:
        return _vector_norm(A, ord, dims, keepdim)
    raise NotImplementedError("mindspore.ops.norm over more than 2 dims with an ord is not supported by mindshim yet.")


def _vector_norm(A, ord, dims, keepdim):
    if ord == float("inf"):
        return max(abs(A), axis=dims[0], keepdims=keepdim)[0]
    if ord == -float("inf"):
        return min(abs(A), axis=dims[0], keepdims=keepdim)[0]
    if ord == 0:
        return (A != 0).astype(A.dtype).sum(axis=dims, keepdims=keepdim)
    if ord is None:
        return _op("Sqrt", _op("ReduceSum", A * A, dims, keep_dims=keepdim))
    if isinstance(ord, int):
        if ord > 0:
            return _op("LpNorm", A, axis=dims, p=ord, keep_dims=keepdim)
        return _op("ReduceSum", abs(A) ** ord, dims, keep_dims=keepdim) ** (1.0 / ord)
    return _op("ReduceSum", abs(A) ** ord, dims, keep_dims=keepdim) ** (1 / ord)


def _matrix_norm(A, ord, dims, keepdim):
    row, col = (d % A.ndim for d in dims)
    if ord in ("fro", None):
        return _op("Sqrt", _op("ReduceSum", A * A, dims, keep_dims=keepdim))
    if ord in (1, -1, float("inf"), -float("inf")):
        sum_axis, max_axis = (row, col) if ord in (1, -1) else (col, row)
        sums = _op("ReduceSum", abs(A), sum_axis, keep_dims=keepdim)
        if not keepdim and max_axis > sum_axis:
            max_axis -= 1
        return (amax if ord > 0 else amin)(sums, max_axis, keepdim)
    # 'nuc', 2, -2: singular values of the matrices in axes (row, col).
    perm = tuple(d for d in range(A.ndim) if d not in (row, col)) + (row, col)
    s = _op("Svd", _op("Transpose", A, perm), compute_uv=False)[0]
    out = _op("ReduceSum", s, -1) if ord == "nuc" else (amax if ord == 2 else amin)(s, -1)
    if keepdim:
        for d in sorted((row, col)):
            out = _op("ExpandDims", out, d)
    return out


_VIEWS = _views.functionals("math", "linalg")  # exp, log, sqrt, maximum, det, ...: plain rows
globals().update(_VIEWS)

__all__ = sorted(_VIEWS) + [
    "round", "fmod", "remainder", "addn", "clip_by_value", "clamp", "clip", "reduce_max", "reduce_min", "max",
    "min", "amax", "amin", "argmax", "argmin", "prod", "all", "any", "cumsum", "cumprod", "cummax", "cummin", "var",
    "std", "var_mean", "std_mean", "norm"]


# ---- rows with attributes, as MindSpore's functional signatures ---------------------------------------------------
def cholesky(input_x, upper=False):
    """Cholesky factor ``L`` (``U`` for ``upper``) of a symmetric positive-definite matrix (batched)."""
    return _op("Cholesky", input_x, upper=upper)


def cholesky_solve(input, input2, upper=False):
    """Solves ``A x = input`` given the Cholesky factor ``input2`` of ``A``."""
    return _op("CholeskySolve", input, input2, upper=upper)


def matrix_solve(matrix, rhs, adjoint=False):
    """Solves ``matrix @ x = rhs`` (``matrix^H`` for ``adjoint``)."""
    return _op("MatrixSolve", matrix, rhs, adjoint=adjoint)


def matrix_power(input, n):
    """``input`` to the integer power ``n`` (batched square matrices)."""
    return _op("MatrixPower", input, n=n)


def tril(input, diagonal=0):
    """The lower triangle (below diagonal ``diagonal``) of the last two axes; the rest 0."""
    return _op("Tril", input, diagonal=diagonal)


def triu(input, diagonal=0):
    """The upper triangle (above diagonal ``diagonal``) of the last two axes; the rest 0."""
    return _op("Triu", input, diagonal=diagonal)


def cross(input, other, dim=None):
    """Cross product along ``dim`` (the first axis of size 3 for None)."""
    return _op("Cross", input, other, dim=-65530 if dim is None else dim)


def cdist(x1, x2, p=2.0):
    """p-norm distances between the rows of ``x1`` and of ``x2`` (batched)."""
    return _op("Cdist", x1, x2, p=float(p))


def isclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False):
    """``|input - other| <= atol + rtol * |other|`` element-wise."""
    return _op("IsClose", input, other, rtol=rtol, atol=atol, equal_nan=equal_nan)


def approximate_equal(x, y, tolerance=1e-5):
    """``|x - y| < tolerance`` element-wise."""
    return _op("ApproximateEqual", x, y, tolerance=tolerance)


def addcmul(input, tensor1, tensor2, value=1):
    """``input + value * tensor1 * tensor2``."""
    return _op("Addcmul", input, tensor1, tensor2, value)


def addcdiv(input, tensor1, tensor2, value=1):
    """``input + value * tensor1 / tensor2``."""
    return _op("Addcdiv", input, tensor1, tensor2, value)


def logit(input, eps=None):
    """``log(x / (1 - x))``, with ``x`` clipped into ``[eps, 1 - eps]`` where ``eps`` is given."""
    return _op("Logit", input, eps=-1.0 if eps is None else eps)


def mvlgamma(input, p):
    """Multivariate log-gamma of dimension ``p``."""
    return _op("Mvlgamma", input, p=p)


def renorm(input, p, axis, maxnorm):
    """Slices along ``axis`` with ``p``-norm above ``maxnorm`` scaled to norm ``maxnorm``."""
    return _op("Renorm", input, p=p, dim=axis, maxnorm=float(maxnorm))


def histc(input, bins=100, min=0.0, max=0.0):
    """Histogram of ``input`` in ``bins`` equal bins over ``[min, max]`` (the data's range where both are 0)."""
    return _op("Histogram", input, bins=bins, min=float(min), max=float(max))


def is_complex(input):
    """Whether ``input``'s dtype is complex."""
    return input.dtype in (mstype.complex64, mstype.complex128)


def is_floating_point(input):
    """Whether ``input``'s dtype is a float dtype."""
    return input.dtype in (mstype.float16, mstype.float32, mstype.float64, mstype.bfloat16)


def is_nonzero(input):
    """Whether the single element of ``input`` is non-zero."""
    if input.size != 1:
        raise RuntimeError("For 'is_nonzero', the input must have only one element, but got "
                           f"{input.size} elements.")
    return bool(input.asnumpy().reshape(()) != 0)


def msort(input):
    """``input`` sorted along axis 0."""
    return _op("Sort", input, axis=0)[0]


def addmm(input, mat1, mat2, *, beta=1, alpha=1):
    """``beta * input + alpha * (mat1 @ mat2)``."""
    return beta * input + alpha * _op("MatMulExt", mat1, mat2)


def addmv(input, mat, vec, *, beta=1, alpha=1):
    """``beta * input + alpha * (mat @ vec)``."""
    return beta * input + alpha * _op("MatMulExt", mat, vec)


def addr(x, vec1, vec2, *, beta=1, alpha=1):
    """``beta * x + alpha * outer(vec1, vec2)``."""
    return beta * x + alpha * _op("outer", vec1, vec2)


def baddbmm(input, batch1, batch2, beta=1, alpha=1):
    """``beta * input + alpha * (batch1 @ batch2)``."""
    return beta * input + alpha * _op("MatMulExt", batch1, batch2)


def truncate_div(x, y):
    """Division rounded toward zero."""
    return _op("TruncateDiv", x, y)


def truncate_mod(x, y):
    """Remainder of division rounded toward zero (sign of ``x``)."""
    return _op("TruncateMod", x, y)


def subtract(input, other, *, alpha=1):
    """``input - alpha * other``."""
    return _op("Sub", input, other * alpha if alpha != 1 else other)


__all__ += ["cholesky", "cholesky_solve", "matrix_solve", "matrix_power", "tril", "triu", "cross", "cdist",
            "isclose", "approximate_equal", "addcmul", "addcdiv", "logit", "mvlgamma", "renorm", "histc",
            "is_complex", "is_floating_point", "is_nonzero", "msort", "addmm", "addmv", "addr", "baddbmm",
            "truncate_div", "truncate_mod", "subtract"]


def _window_view(name, params):
    def window(window_length, periodic=True, *args, dtype=None):
        """MindSpore's window function of this name; ``args``: its shape parameters (``alpha``, ``beta``)."""
        if len(args) > len(params):
            raise TypeError(f"{name}() takes at most {len(params) + 2} positional arguments")
        return _op(name, window_length, periodic=periodic, dtype=dtype, **dict(zip(params, map(float, args))))
    window.__name__ = window.__qualname__ = name
    return window


_WINDOW_PARAMS = {"bartlett_window": (), "blackman_window": (), "hann_window": (), "hamming_window": ("alpha", "beta"),
                  "kaiser_window": ("beta",)}
globals().update({_name: _window_view(_name, _params) for _name, _params in _WINDOW_PARAMS.items()})
__all__ += list(_WINDOW_PARAMS)


def stft(x, n_fft, hop_length=None, win_length=None, window=None, center=True, pad_mode="REFLECT",
         normalized=False, onesided=None, return_complex=None):
    """The short-time Fourier transform of the last axis of a 1-D or 2-D ``x`` (the STFT row): ``hop_length``
    defaults to ``n_fft // 4``, the window to ``win_length`` (``n_fft``) ones; ``center`` pads ``n_fft // 2`` on
    both sides (``pad_mode`` 'CONSTANT', 'REFLECT' or 'SYMMETRIC'); a real ``x`` and window give the one-sided
    spectrum, as real and imaginary parts on a last axis of 2, unless ``onesided``/``return_complex`` say."""
    hop_length = n_fft // 4 if hop_length is None else hop_length
    win_length = n_fft if win_length is None else win_length
    window = Tensor(np.ones(win_length, np.float32)) if window is None else window
    is_complex = x.dtype in (mstype.complex64, mstype.complex128) or window.dtype in (mstype.complex64,
                                                                                      mstype.complex128)
    onesided = not is_complex if onesided is None else onesided
    return_complex = is_complex if return_complex is None else return_complex
    if center:
        if not isinstance(center, bool):
            raise TypeError(f"For 'stft', the type of 'center' should be in [<class 'bool'>], but got "
                            f"{type(center)}.")
        if x.ndim not in (1, 2):
            raise ValueError(f"Expected a 1-D tensor or a 2-D tensor, but got {x.ndim}")
        paddings = ((0, 0),) * (x.ndim - 1) + ((n_fft // 2, n_fft // 2),)
        x = _op("Pad", x, paddings=paddings) if pad_mode == "CONSTANT" else \
            _op("MirrorPad", x, Tensor(np.array(paddings, np.int64)), mode=pad_mode)
    return _op("STFT", x, window, n_fft=n_fft, hop_length=hop_length, win_length=win_length,
               normalized=normalized, onesided=onesided, return_complex=return_complex)


__all__ += ["stft"]


def svd(input, full_matrices=False, compute_uv=True):
    """``(s, u, v)`` with ``input = u @ diag(s) @ v^H`` (only ``s`` without ``compute_uv``)."""
    if not compute_uv:
        return _op("Svd", input, full_matrices=full_matrices, compute_uv=False)[0]
    return _op("Svd", input, full_matrices=full_matrices)


__all__ += ["svd"]


def amax_ext(input, dim=(), keepdim=False):
    """``mint.amax``: the maximum over ``dim`` (all axes for ``()``)."""
    return _op("ReduceMax", input, dim, keep_dims=keepdim)


def amin_ext(input, dim=(), keepdim=False):
    """``mint.amin``: the minimum over ``dim`` (all axes for ``()``)."""
    return _op("ReduceMin", input, dim, keep_dims=keepdim)


__all__ += ["amax_ext", "amin_ext"]
