"""The ``mindspore.numpy`` functions that are views of ``jax.numpy`` ones, declared as data.

Each row is ``name: view(jnp_function, arrays, ...)`` (``_convert.view``): which positional arguments are
array-likes, MindSpore's parameter order and defaults where they differ from ``jax.numpy``'s, and an adjustment of
the result where MindSpore's dtype differs. Element-wise functions take MindSpore's ``dtype`` argument (the
result's dtype).
"""
import jax.numpy as jnp
import numpy as np

from ._convert import astype, check_axis, check_broadcast, check_shape, check_where, view


def _cast(dtype):
    """An ``out`` adjustment: every array of the result as ``dtype``."""
    return lambda result, inputs: astype(result, dtype)


def _promoted(result, inputs):
    """MindSpore answers the inputs' promoted dtype (integer polynomials stay integer)."""
    return astype(result, jnp.result_type(*inputs))


def _scan_dtype(result, inputs):
    """MindSpore's cumulative sums and products of Bool and integers narrower than Int32 are Int32."""
    return result.astype(np.int32) if inputs[0].dtype.kind in "biu" and inputs[0].dtype.itemsize <= 4 else result


def _where(condition, x=None, y=None):
    """``jax.numpy.where`` with keyword arguments (its own are positional-only)."""
    return jnp.where(condition, x, y)


def _float_if_int(result, inputs):
    """MindSpore answers Float32 for integer input."""
    return result.astype(np.float32) if result.dtype.kind in "biu" else result


_UNARY = {
    "abs": jnp.abs, "absolute": jnp.abs, "fabs": jnp.abs, "arccos": jnp.arccos, "arccosh": jnp.arccosh,
    "arcsin": jnp.arcsin, "arcsinh": jnp.arcsinh, "arctan": jnp.arctan, "arctanh": jnp.arctanh, "cbrt": jnp.cbrt,
    "cos": jnp.cos, "cosh": jnp.cosh, "deg2rad": jnp.deg2rad, "radians": jnp.radians,
    "rad2deg": jnp.rad2deg, "exp": jnp.exp, "expm1": jnp.expm1, "floor": jnp.floor,
    "invert": jnp.invert, "bitwise_not": jnp.invert, "isfinite": jnp.isfinite, "isinf": jnp.isinf,
    "isnan": jnp.isnan, "isneginf": jnp.isneginf, "isposinf": jnp.isposinf, "log": jnp.log, "log10": jnp.log10,
    "log1p": jnp.log1p, "log2": jnp.log2, "logical_not": jnp.logical_not, "negative": jnp.negative,
    "positive": jnp.positive, "rint": jnp.rint, "signbit": jnp.signbit,
    "sin": jnp.sin, "sinh": jnp.sinh, "sqrt": jnp.sqrt, "square": jnp.square, "tan": jnp.tan, "tanh": jnp.tanh,
    "trunc": jnp.trunc,
}

_BINARY = {
    "add": jnp.add, "subtract": jnp.subtract, "multiply": jnp.multiply, "divide": jnp.divide,
    "true_divide": jnp.true_divide, "floor_divide": jnp.floor_divide, "power": jnp.power,
    "float_power": jnp.float_power, "fmod": jnp.fmod, "mod": jnp.remainder, "remainder": jnp.remainder,
    "maximum": jnp.maximum, "minimum": jnp.minimum, "arctan2": jnp.arctan2, "hypot": jnp.hypot,
    "logaddexp": jnp.logaddexp, "logaddexp2": jnp.logaddexp2, "heaviside": jnp.heaviside,
    "gcd": jnp.gcd, "lcm": jnp.lcm, "bitwise_and": jnp.bitwise_and, "bitwise_or": jnp.bitwise_or,
    "bitwise_xor": jnp.bitwise_xor, "equal": jnp.equal, "not_equal": jnp.not_equal, "greater": jnp.greater,
    "greater_equal": jnp.greater_equal, "less": jnp.less, "less_equal": jnp.less_equal,
    "logical_and": jnp.logical_and, "logical_or": jnp.logical_or, "logical_xor": jnp.logical_xor,
    "divmod": jnp.divmod,
}

VIEWS = {name: view(fn, "a", cast=True, name=name) for name, fn in _UNARY.items()}
VIEWS.update({name: view(fn, "aa", cast=True, check=check_broadcast, name=name) for name, fn in _BINARY.items()})
VIEWS.update({
    # element-wise, with MindSpore's dtypes
    "sign": view(jnp.sign, "a", cast=True, out=_float_if_int),
    "ceil": view(jnp.ceil, "a", cast=True, out=_float_if_int),
    "fix": view(jnp.trunc, "a", cast=True, out=_float_if_int, name="fix"),
    "reciprocal": view(jnp.reciprocal, "a", cast="input"),
    "exp2": view(jnp.exp2, "a", cast="input"),
    "around": view(jnp.round, "a-", name="around"),
    "round": view(jnp.round, "a-"),
    "clip": view(jnp.clip, "a--", cast="input", keywords={"xmin": "min", "xmax": "max"}),
    "copysign": view(jnp.copysign, "aa", cast=True, out=_promoted, check=check_broadcast),
    "matmul": view(jnp.matmul, "aa", cast=True),
    "isclose": view(jnp.isclose, "aa", check=check_broadcast),
    # two or more arrays
    "array_equal": view(jnp.array_equal, "aa"),
    "array_equiv": view(jnp.array_equiv, "aa"),
    "dot": view(jnp.dot, "aa"),
    "outer": view(jnp.outer, "aa"),
    "inner": view(jnp.inner, "aa"),
    "kron": view(jnp.kron, "aa"),
    "cross": view(jnp.cross, "aa"),
    "tensordot": view(jnp.tensordot, "aa"),
    "convolve": view(jnp.convolve, "aa", out=_promoted),
    "correlate": view(jnp.correlate, "aa"),
    "polyadd": view(jnp.polyadd, "aa"),
    "polysub": view(jnp.polysub, "aa"),
    "polymul": view(jnp.polymul, "aa", out=_promoted),
    "polyval": view(jnp.polyval, "aa", out=_float_if_int),
    "polyder": view(jnp.polyder, "a", out=_promoted),
    "polyint": view(jnp.polyint, "a"),
    "isin": view(jnp.isin, "aa", names=("element", "test_elements", "invert")),
    "intersect1d": view(jnp.intersect1d, "aa"),
    "setdiff1d": view(jnp.setdiff1d, "aa"),
    "digitize": view(jnp.digitize, "aa", out=_cast(np.int32)),
    "searchsorted": view(jnp.searchsorted, "aa"),
    "append": view(jnp.append, "aa"),
    "take": view(jnp.take, "aa", names=("a", "indices", "axis", "mode"), defaults={"mode": "clip"}),
    "take_along_axis": view(jnp.take_along_axis, "aa"),
    "choose": view(jnp.choose, "as", names=("a", "choices", "mode"), defaults={"mode": "clip"}),
    "select": view(jnp.select, "ss"),
    "where": view(_where, "aaa", names=("condition", "x", "y"), check=check_where, name="where"),
    "interp": view(jnp.interp, "aaa"),
    "trapz": view(jnp.trapezoid, "a", name="trapz"),
    "multi_dot": view(jnp.linalg.multi_dot, "s", name="multi_dot"),
    "matrix_power": view(jnp.linalg.matrix_power, "a", name="matrix_power"),
    # reductions and scans
    "sum": view(jnp.sum, "a", names=("a", "axis", "dtype", "keepdims", "initial"), check=check_axis),
    "mean": view(jnp.mean, "a", names=("a", "axis", "keepdims", "dtype"), cast="input", check=check_axis),
    "amax": view(jnp.max, "a", names=("a", "axis", "keepdims", "initial", "where"), name="amax", check=check_axis),
    "amin": view(jnp.min, "a", names=("a", "axis", "keepdims", "initial", "where"), name="amin", check=check_axis),
    "max": view(jnp.max, "a", names=("a", "axis", "keepdims", "initial", "where"), check=check_axis),
    "min": view(jnp.min, "a", names=("a", "axis", "keepdims", "initial", "where"), check=check_axis),
    "argmax": view(jnp.argmax, "a", names=("a", "axis"), check=check_axis),
    "argmin": view(jnp.argmin, "a", names=("a", "axis"), out=_cast(np.int32), check=check_axis),
    "argwhere": view(jnp.argwhere, "a"),
    "count_nonzero": view(jnp.count_nonzero, "a", names=("a", "axis", "keepdims"), out=_cast(np.int32),
                           check=check_axis),
    "nanmax": view(jnp.nanmax, "a", names=("a", "axis", "dtype", "keepdims"), cast=True, check=check_axis),
    "nanmin": view(jnp.nanmin, "a", names=("a", "axis", "dtype", "keepdims"), cast=True, check=check_axis),
    "nansum": view(jnp.nansum, "a", names=("a", "axis", "dtype", "keepdims"), cast="input", check=check_axis),
    "nanmean": view(jnp.nanmean, "a", names=("a", "axis", "dtype", "keepdims"), check=check_axis),
    "nanstd": view(jnp.nanstd, "a", names=("a", "axis", "dtype", "ddof", "keepdims"), check=check_axis),
    "nanvar": view(jnp.nanvar, "a", names=("a", "axis", "dtype", "ddof", "keepdims"), check=check_axis),
    "std": view(jnp.std, "a", names=("a", "axis", "ddof", "keepdims"), check=check_axis),
    "var": view(jnp.var, "a", names=("a", "axis", "ddof", "keepdims"), check=check_axis),
    "ptp": view(jnp.ptp, "a", names=("a", "axis", "keepdims"), check=check_axis),
    "average": view(jnp.average, "a", names=("a", "axis", "weights", "returned"), out=_promoted,
                     check=check_axis),
    "sometrue": view(jnp.any, "a", names=("a", "axis", "keepdims"), check=check_axis, name="sometrue"),
    "cumsum": view(jnp.cumsum, "a", names=("a", "axis", "dtype"), cast=True, out=_scan_dtype, check=check_axis),
    "cumprod": view(jnp.cumprod, "a", names=("a", "axis", "dtype"), cast=True, out=_scan_dtype, check=check_axis),
    "nancumsum": view(jnp.nancumsum, "a", names=("a", "axis", "dtype"), cast=True, out=_scan_dtype,
                       check=check_axis),
    "trace": view(jnp.trace, "a"),
    "norm": view(jnp.linalg.norm, "a", name="norm"),
    "diff": view(jnp.diff, "a"),
    "ediff1d": view(jnp.ediff1d, "a"),
    "gradient": view(jnp.gradient, "a"),
    "cov": view(jnp.cov, "a"),
    "corrcoef": view(jnp.corrcoef, "a"),
    "unwrap": view(jnp.unwrap, "a"),
    # shapes and copies
    "reshape": view(jnp.reshape, "a-", keywords={"new_shape": "shape"}),
    "ravel": view(jnp.ravel, "a"),
    "squeeze": view(jnp.squeeze, "a"),
    "expand_dims": view(jnp.expand_dims, "a"),
    "transpose": view(jnp.transpose, "a"),
    "swapaxes": view(jnp.swapaxes, "a"),
    "moveaxis": view(jnp.moveaxis, "a"),
    "rollaxis": view(jnp.rollaxis, "a"),
    "flip": view(jnp.flip, "a"),
    "fliplr": view(jnp.fliplr, "a"),
    "flipud": view(jnp.flipud, "a"),
    "rot90": view(jnp.rot90, "a"),
    "roll": view(jnp.roll, "a"),
    "tile": view(jnp.tile, "a"),
    "repeat": view(jnp.repeat, "aa"),
    "broadcast_to": view(jnp.broadcast_to, "a"),
    "diag": view(jnp.diag, "a"),
    "diagflat": view(jnp.diagflat, "a"),
    "diagonal": view(jnp.diagonal, "a"),
    "tril": view(jnp.tril, "a"),
    "triu": view(jnp.triu, "a"),
    "pad": view(jnp.pad, "a"),
    "copy": view(jnp.array, "a", name="copy"),
    "concatenate": view(jnp.concatenate, "s"),
    "stack": view(jnp.stack, "s"),
    "hstack": view(jnp.hstack, "s"),
    "vstack": view(jnp.vstack, "s"),
    "dstack": view(jnp.dstack, "s"),
    "column_stack": view(jnp.column_stack, "s"),
    "atleast_1d": view(jnp.atleast_1d, "*"),
    "atleast_2d": view(jnp.atleast_2d, "*"),
    "atleast_3d": view(jnp.atleast_3d, "*"),
    "broadcast_arrays": view(jnp.broadcast_arrays, "*", out=lambda result, inputs: list(result)),
    "meshgrid": view(jnp.meshgrid, "*", out=lambda result, inputs: list(result)),
    "ix_": view(jnp.ix_, "*"),
    "ravel_multi_index": view(jnp.ravel_multi_index, "s-", names=("multi_index", "dims", "mode", "order"),
                              defaults={"mode": "clip"}, out=_cast(np.float32)),
    # creation
    "ones": view(jnp.ones, "-", names=("shape", "dtype"), defaults={"dtype": np.float32}, check=check_shape),
    "zeros": view(jnp.zeros, "-", names=("shape", "dtype"), defaults={"dtype": np.float32}, check=check_shape),
    "empty": view(jnp.empty, "-", names=("shape", "dtype"), defaults={"dtype": np.float32}, check=check_shape),
    "full": view(jnp.full, "-a", names=("shape", "fill_value", "dtype"), check=check_shape),
    "ones_like": view(jnp.ones_like, "a", names=("a", "dtype", "shape")),
    "zeros_like": view(jnp.zeros_like, "a", names=("a", "dtype", "shape")),
    "empty_like": view(jnp.empty_like, "a", names=("prototype", "dtype", "shape")),
    "full_like": view(jnp.full_like, "a", names=("a", "fill_value", "dtype", "shape")),
    "eye": view(jnp.eye, "-", names=("N", "M", "k", "dtype"), defaults={"dtype": np.float32}),
    "identity": view(jnp.identity, "-", names=("n", "dtype"), defaults={"dtype": np.float32}),
    "tri": view(jnp.tri, "-", names=("N", "M", "k", "dtype"), defaults={"dtype": np.float32}),
    "linspace": view(jnp.linspace, "-"),
    "logspace": view(jnp.logspace, "-"),
    "geomspace": view(jnp.geomspace, "-"),
    "indices": view(jnp.indices, "-", names=("dimensions", "dtype", "sparse"), defaults={"dtype": np.int32},
                    out=lambda result, inputs: list(result)),
    "diag_indices": view(jnp.diag_indices, "-", out=_cast(np.int32)),
    "tril_indices": view(jnp.tril_indices, "-", out=_cast(np.int32)),
    "triu_indices": view(jnp.triu_indices, "-", out=_cast(np.int32)),
    "tril_indices_from": view(jnp.tril_indices_from, "a", out=_cast(np.int32)),
    "triu_indices_from": view(jnp.triu_indices_from, "a", out=_cast(np.int32)),
    "bartlett": view(jnp.bartlett, "-"),
    "blackman": view(jnp.blackman, "-"),
    "hamming": view(jnp.hamming, "-"),
    "hanning": view(jnp.hanning, "-"),
    "vander": view(jnp.vander, "a"),
    "bincount": view(jnp.bincount, "a", names=("x", "weights", "minlength", "length"), out=_cast(np.float32)),
})
