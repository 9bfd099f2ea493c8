"""``mindspore.numpy``: a NumPy-like API over Tensors, as MindSpore has it, on ``jax.numpy``.

Python data passed to these functions becomes Int32, Float32 or Bool Tensors (``mindspore.numpy``'s defaults, not
``Tensor(...)``'s Int64); Tensors keep their dtype; numpy arrays are refused, as in MindSpore. Most functions are
views of ``jax.numpy`` functions (``_views``), the rest are written where MindSpore differs (``_functions``).
Where mindshim differs: ``rand``/``randn``/``randint`` draw from mindshim's global key (``set_seed``), not
MindSpore's generator; integer input that MindSpore's CPU kernels refuse (``log``, ``floor`` of Int32) is
computed; Python ints beyond Int32 stay Int64 (MindSpore wraps them around); keyword arguments take MindSpore's
names where mindshim declares them (``clip``'s ``xmin``, ``reshape``'s ``new_shape``, ``where``'s ``x``/``y``, the
reductions' ``axis``/``keepdims``/``dtype``), else ``jax.numpy``'s. ``mindspore.numpy.fft`` is not supported.
"""
from .._unsupported import module_getattr as _module_getattr
from ._functions import (
    apply_along_axis,
    apply_over_axes,
    arange,
    array,
    array_split,
    array_str,
    asarray,
    asfarray,
    dsplit,
    histogram,
    histogram2d,
    histogram_bin_edges,
    histogramdd,
    hsplit,
    in1d,
    isscalar,
    mgrid,
    ogrid,
    piecewise,
    promote_types,
    rand,
    randint,
    randn,
    result_type,
    size,
    split,
    unique,
    unravel_index,
    vsplit,
)
from ._views import VIEWS as _VIEWS
from .dtypes import (
    NINF,
    PINF,
    bool_,
    float16,
    float32,
    float64,
    float_,
    inf,
    int8,
    int16,
    int32,
    int64,
    int_,
    nan,
    numeric_types,
    pi,
    uint,
    uint8,
    uint16,
    uint32,
    uint64,
)

globals().update(_VIEWS)

__all__ = ["abs", "absolute", "add", "amax", "amin", "append", "apply_along_axis", "apply_over_axes", "arange",
           "arccos", "arccosh", "arcsin", "arcsinh", "arctan", "arctan2", "arctanh", "argmax", "argmin", "argwhere",
           "array", "array_equal", "array_equiv", "array_split", "array_str", "asarray", "asfarray", "atleast_1d",
           "atleast_2d", "atleast_3d", "average", "bartlett", "bincount", "bitwise_and", "bitwise_not",
           "bitwise_or", "bitwise_xor", "blackman", "bool_", "broadcast_arrays", "broadcast_to", "cbrt", "ceil",
           "choose", "clip", "column_stack", "concatenate", "convolve", "copysign", "corrcoef", "correlate", "cos",
           "cosh", "count_nonzero", "cov", "cross", "cumprod", "cumsum", "deg2rad", "diag", "diag_indices",
           "diagflat", "diagonal", "diff", "digitize", "divide", "divmod", "dot", "dsplit", "dstack", "ediff1d",
           "empty", "empty_like", "equal", "exp", "exp2", "expand_dims", "expm1", "eye", "fabs", "fix", "flip",
           "fliplr", "flipud", "float16", "float32", "float64", "float_", "float_power", "floor", "floor_divide",
           "fmod", "full", "full_like", "gcd", "geomspace", "gradient", "greater", "greater_equal", "hamming",
           "hanning", "heaviside", "histogram", "histogram2d", "histogram_bin_edges", "histogramdd", "hsplit",
           "hstack", "hypot", "identity", "in1d", "indices", "inner", "int16", "int32", "int64", "int8", "int_",
           "interp", "intersect1d", "invert", "isclose", "isfinite", "isin", "isinf", "isnan", "isneginf",
           "isposinf", "isscalar", "ix_", "kron", "lcm", "less", "less_equal", "linspace", "log", "log10", "log1p",
           "log2", "logaddexp", "logaddexp2", "logical_and", "logical_not", "logical_or", "logical_xor", "logspace",
           "matmul", "max", "maximum", "mean", "meshgrid", "mgrid", "min", "minimum", "mod", "moveaxis",
           "multi_dot", "multiply", "nancumsum", "nanmax", "nanmean", "nanmin", "nanstd", "nansum", "nanvar",
           "negative", "norm", "not_equal", "ogrid", "ones", "ones_like", "outer", "pad", "piecewise", "polyadd",
           "polyder", "polyint", "polymul", "polysub", "polyval", "positive", "power", "promote_types", "ptp",
           "rad2deg", "radians", "rand", "randint", "randn", "ravel", "ravel_multi_index", "reciprocal",
           "remainder", "repeat", "reshape", "result_type", "rint", "roll", "rollaxis", "rot90", "searchsorted",
           "select", "setdiff1d", "sign", "signbit", "sin", "sinh", "size", "sometrue", "split", "sqrt", "square",
           "squeeze", "stack", "std", "subtract", "sum", "swapaxes", "take", "take_along_axis", "tan", "tanh",
           "tensordot", "tile", "trace", "transpose", "trapz", "tri", "tril", "tril_indices", "tril_indices_from",
           "triu", "triu_indices", "triu_indices_from", "true_divide", "trunc", "uint16", "uint32", "uint64",
           "uint8", "unique", "unravel_index", "unwrap", "vander", "var", "vsplit", "vstack", "where", "zeros",
           "zeros_like"]

__getattr__ = _module_getattr(__name__)
