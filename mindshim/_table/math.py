"""Op-table rows: MindSpore's math primitives (see ``mindshim._registry``).

Element-wise ops come from tables that say which dtypes MindSpore's CPU kernels take and what they
return; reductions, arg-reductions and cumulative ops follow. Rows carry MindSpore's gradient where it
differs from JAX's: Maximum/Minimum ties (halves), Mod (``-floor(x/y)``), Rsqrt at ``-0``, LpNorm at 0,
ReduceMax/ReduceMin of a NaN group (NaN), and, attached to rows of ``core``, Pow with a zero base and
Abs at 0. Values match MindSpore's CPU kernels, including their NaN rules (Maximum, ReduceMax, Argmax,
Sign); transcendental functions (Exp, Log, ...) differ from its approximations by a few float32 ulps.
"""
import functools

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

from .. import _registry
from .._registry import REQUIRED, register
from ..common import dtype as mstype
from ..common._checks import check
from . import _eigen_svd
from ._checks import check_broadcast, dtype_kind, kernel_error, need_float, norm_axes, tensor_arrays


def _sum_to(g, like):
    """The gradient ``g`` of a broadcast result, summed back to the shape and dtype of input ``like``."""
    shape = jnp.shape(like)
    if g.shape != shape:
        lead = g.ndim - len(shape)
        axes = tuple(range(lead)) + tuple(lead + i for i, d in enumerate(shape) if d == 1 and g.shape[lead + i] != 1)
        g = jnp.sum(g, axis=axes).reshape(shape)
    return g.astype(jnp.result_type(like))


def _to_float(x):
    """Integer and bool inputs as Float32 (what MindSpore's Sqrt, Reciprocal, Div compute in)."""
    return x if dtype_kind(x) in "fc" else jnp.asarray(x, jnp.float32)


# ---- element-wise unary -------------------------------------------------------------------------------
def _float_only(op, banner=False):
    def check(x, *_, **__):
        if dtype_kind(x) not in "fc":
            raise kernel_error(op, banner)
    return check


def _check_exp(x):
    """Exp's type check accepts Int64 and Bool (whose CPU kernel then fails), not other integers."""
    if dtype_kind(x) in "iu" and jnp.result_type(x) != jnp.int64:
        raise TypeError("For primitive[Exp], the input argument[input] must be a type of {BFloat16, Bool, "
                        "Complex128, Complex64, Float16, Float32, Float64, Int64}, but got "
                        f"{mstype.to_mstype(jnp.result_type(x))}.")
    _float_only("Exp")(x)


def _check_sign(x):
    dt = jnp.result_type(x)
    if dtype_kind(x) in "iu" and dt not in (jnp.int32, jnp.int64):
        raise TypeError("For Primitive Sign, the type of input must be in {Bool, Int32, Int64, Float16, Float32, "
                        f"Float64, BFloat16, Complex64, Complex128}}, but got {mstype.to_mstype(dt)}.")
    if dtype_kind(x) == "b":
        raise kernel_error("Sign")


def _no_bool(op):
    def check(x, **_):
        if dtype_kind(x) == "b":
            raise kernel_error(op)
    return check


@jax.jit
def _sign(x):
    """Sign; NaN gives 0, as MindSpore's CPU kernel."""
    out = jnp.sign(x)
    return jnp.where(jnp.isnan(x), jnp.zeros((), x.dtype), out) if dtype_kind(x) == "f" else out


def _cast_back(fn):
    """``fn`` keeping the input dtype (bool and integer inputs stay what they are)."""
    return jax.jit(lambda x: fn(x).astype(x.dtype))


@jax.jit
def _log1p(x):
    """``log(1 + x)``; Float16 adds first in Float16, as MindSpore's kernel does."""
    return jnp.log(1 + x) if x.dtype == jnp.float16 else jnp.log1p(x)


def _bessel_j(x, v):
    """Bessel function of the first kind of order ``v``, computed in Float64 (JAX's series is NaN for small
    Float32 arguments)."""
    return jax.scipy.special.bessel_jn(x.astype(jnp.float64), v=v)[v].astype(x.dtype)


def _simpson(a, b, n):
    """Nodes and weights of Simpson's rule with ``n`` (odd) points on ``[a, b]``."""
    nodes = np.linspace(a, b, n)
    weights = np.where(np.arange(n) % 2 == 1, 4.0, 2.0)
    weights[[0, -1]] = 1.0
    return nodes, weights * (nodes[1] - nodes[0]) / 3


_T, _T_W = _simpson(0.0, 20.0, 4001)  # quadrature for the integrals of K and Y below
_THETA, _THETA_W = _simpson(0.0, np.pi, 2001)


def _bessel_k(x, n, scaled=False):
    """Modified Bessel function of the second kind, ``K_n(x) = int_0^inf exp(-x cosh t) cosh(n t) dt`` (the
    Simpson's rule converges fast on this smooth, doubly-exponentially decaying integrand), in Float64;
    ``scaled``: times ``exp(x)``. ``inf`` at 0, NaN below."""
    xf = x.astype(jnp.float64)[..., None]
    decay = -xf * (np.cosh(_T) - (1.0 if scaled else 0.0))
    out = jnp.exp(decay) @ (np.cosh(n * _T) * _T_W)
    out = jnp.where(x > 0, out, jnp.where(x == 0, jnp.inf, jnp.nan))
    return out.astype(x.dtype)


def _bessel_y(x, n):
    """Bessel function of the second kind, ``Y_n(x) = (1/pi) int_0^pi sin(x sin t - n t) dt - (1/pi) int_0^inf
    (exp(n t) + (-1)^n exp(-n t)) exp(-x sinh t) dt``, in Float64; ``-inf`` at 0, NaN below."""
    xf = x.astype(jnp.float64)[..., None]
    first = jnp.sin(xf * np.sin(_THETA) - n * _THETA) @ _THETA_W
    second = jnp.exp(-xf * np.sinh(_T)) @ ((np.exp(n * _T) + (-1) ** n * np.exp(-n * _T)) * _T_W)
    out = (first - second) / np.pi
    out = jnp.where(x > 0, out, jnp.where(x == 0, -jnp.inf, jnp.nan))
    return out.astype(x.dtype)


# name: (lowering, check, functional views). Float-only ops reject integers like MindSpore's CPU kernels do; each
# row is also the Tensor method of its first name.
_UNARY = {
    "Exp": (jnp.exp, _check_exp, ("exp",)),
    "Log": (jnp.log, _float_only("Log"), ("log",)),
    "Log1p": (_log1p, _float_only("Log1p"), ("log1p",)),
    "Expm1": (jnp.expm1, _float_only("Expm1"), ("expm1",)),
    "Sqrt": (lambda x: jnp.sqrt(_to_float(x)), None, ("sqrt",)),
    "Reciprocal": (lambda x: jnp.reciprocal(_to_float(x)), None, ("reciprocal",)),
    "Square": (jnp.square, _no_bool("Square"), ("square",)),
    "Sin": (jnp.sin, _float_only("Sin"), ("sin",)),
    "Cos": (jnp.cos, _float_only("Cos"), ("cos",)),
    "Tan": (jnp.tan, _float_only("Tan"), ("tan",)),
    "Asin": (jnp.arcsin, _float_only("Asin", banner=True), ("asin", "arcsin")),
    "ACos": (jnp.arccos, _float_only("ACos", banner=True), ("acos", "arccos")),
    "Atan": (jnp.arctan, _float_only("Atan", banner=True), ("atan", "arctan")),
    "Sinh": (jnp.sinh, _float_only("Sinh"), ("sinh",)),
    "Cosh": (jnp.cosh, _float_only("Cosh"), ("cosh",)),
    "Acosh": (jnp.arccosh, _float_only("Acosh", banner=True), ("acosh", "arccosh")),
    "Asinh": (jnp.arcsinh, _float_only("Asinh", banner=True), ("asinh", "arcsinh")),
    "Atanh": (jnp.arctanh, _float_only("Atanh", banner=True), ("atanh", "arctanh")),
    "Sinc": (lambda x: jnp.sinc(_to_float(x)), None, ("sinc",)),
    "Erf": (jax.scipy.special.erf, _float_only("Erf"), ("erf",)),
    "Erfinv": (jax.scipy.special.erfinv, _float_only("Erfinv"), ("erfinv",)),
    "Lgamma": (jax.scipy.special.gammaln, _float_only("Lgamma"), ("lgamma",)),
    "Digamma": (jax.scipy.special.digamma, _float_only("Digamma"), ("digamma",)),
    "BesselI0": (jax.scipy.special.i0, _float_only("BesselI0"), ("bessel_i0",)),
    "BesselI0e": (jax.scipy.special.i0e, _float_only("BesselI0e"), ("bessel_i0e",)),
    "BesselI1": (jax.scipy.special.i1, _float_only("BesselI1"), ("bessel_i1",)),
    "BesselI1e": (jax.scipy.special.i1e, _float_only("BesselI1e"), ("bessel_i1e",)),
    "BesselJ0": (lambda x: _bessel_j(x, 0), _float_only("BesselJ0"), ("bessel_j0",)),
    "BesselJ1": (lambda x: _bessel_j(x, 1), _float_only("BesselJ1"), ("bessel_j1",)),
    "BesselK0": (lambda x: _bessel_k(x, 0), _float_only("BesselK0"), ("bessel_k0",)),
    "BesselK0e": (lambda x: _bessel_k(x, 0, True), _float_only("BesselK0e"), ("bessel_k0e",)),
    "BesselK1": (lambda x: _bessel_k(x, 1), _float_only("BesselK1"), ("bessel_k1",)),
    "BesselK1e": (lambda x: _bessel_k(x, 1, True), _float_only("BesselK1e"), ("bessel_k1e",)),
    "BesselY0": (lambda x: _bessel_y(x, 0), _float_only("BesselY0"), ("bessel_y0",)),
    "BesselY1": (lambda x: _bessel_y(x, 1), _float_only("BesselY1"), ("bessel_y1",)),
    "Erfc": (jax.scipy.special.erfc, _float_only("Erfc"), ("erfc",)),
    "Floor": (jnp.floor, _float_only("Floor"), ("floor",)),
    "Ceil": (jnp.ceil, need_float("Ceil", "input_x"), ("ceil",)),
    "Trunc": (_cast_back(jnp.trunc), None, ("trunc",)),
    "Rint": (jnp.rint, _float_only("Rint"), ()),
    "Inv": (lambda x: (1 / x).astype(x.dtype), None, ("inv",)),
    "Sign": (_sign, _check_sign, ("sign",)),
    "IsNan": (jnp.isnan, None, ("isnan",)),
    "IsFinite": (jnp.isfinite, None, ("isfinite",)),
    "IsInf": (jnp.isinf, _float_only("IsInf"), ("isinf",)),
    "LogicalNot": (jnp.logical_not, None, ("logical_not",)),
}
for _name, (_fn, _check, _functional) in _UNARY.items():
    register(_name, check=_check, functional=_functional, method=_functional[:1])(_fn)


def _float_in(fn):
    """``fn`` computing in Float32 for integer and bool inputs (MindSpore's composites cast them first)."""
    return lambda x: fn(_to_float(x))


def _keep_int(fn):
    """``fn(x)`` in the input's dtype for integers and bool."""
    return lambda x: fn(x) if dtype_kind(x) in "fc" else fn(x).astype(x.dtype)


# Element-wise composites MindSpore builds from primitives in Python (no Primitive class): name: (lowering, check).
_UNARY_COMPOSITE = {
    "log2": (jnp.log2, _float_only("Log")),
    "log10": (jnp.log10, _float_only("Log")),
    "exp2": (_float_in(jnp.exp2), None),
    "deg2rad": (jnp.deg2rad, need_float("deg2rad", "x")),
    "rad2deg": (jnp.rad2deg, need_float("rad2deg", "x")),
    "frac": (_keep_int(lambda x: x - jnp.trunc(x)), None),
    "signbit": (jnp.signbit, None),
    "isneginf": (jnp.isneginf, None),
    "isposinf": (jnp.isposinf, None),
    "isreal": (jnp.isreal, None),
    "sgn": (lambda x: jnp.where(x == 0, 0, x / jnp.abs(x)).astype(x.dtype) if dtype_kind(x) == "c" else _sign(x),
            None),
}
for _name, (_fn, _check) in _UNARY_COMPOSITE.items():
    register(_name, check=_check, functional=(_name,), method=() if _name == "exp2" else (_name,),
             primitive=False)(_fn)


_FLOATS = ("Float16", "Float32", "Float64")
_F32_F64 = ("Float32", "Float64")


def _types(op, args, allowed=_FLOATS):
    """MindSpore's type check of the inputs ``args`` (``(name, position)`` pairs, in MindSpore's order): a Tensor of
    one of the dtypes ``allowed``."""
    names = "{" + ", ".join(f"Tensor[{t}]" for t in allowed) + "}"

    def check(*inputs, **_):
        for name, i in args:
            got = str(mstype.to_mstype(jnp.result_type(inputs[i])))
            if got not in allowed:
                raise TypeError(f"For primitive[{op}], the input argument[{name}] must be a type of {names}, but got "
                                f"Tensor[{got}].")
    return check


register("ComplexAbs", check=_types("ComplexAbs", (("x", 0),), ("Complex128", "Complex64")))(jnp.abs)
register("Imag", functional=("imag",), method=("imag",))(jnp.imag)
register("PopulationCount", functional=("population_count",), check=_types("PopulationCount", (("input_x", 0),), (
    "Int16", "Int32", "Int64", "Int8", "UInt16", "UInt32", "UInt64", "UInt8")))(
    jax.jit(lambda x: jax.lax.population_count(x).astype(jnp.uint8)))


@register("Logit", attrs=(("eps", -1.0),), check=_float_only("Logit"))
def _logit(x, eps=-1.0):
    """``log(x / (1 - x))``, ``x`` first clipped to ``[eps, 1 - eps]`` where ``eps >= 0``."""
    if eps >= 0:
        x = jnp.clip(x, eps, 1 - eps)
    return jnp.log(x / (1 - x))


@register("Mvlgamma", attrs=(("p", REQUIRED),), check=_float_only("Mvlgamma"))
def _mvlgamma(x, p):
    """The multivariate log-gamma function of dimension ``p``."""
    return jax.scipy.special.multigammaln(x, p)


def _rsqrt_bprop(inputs, out, dout):
    """MindSpore's RsqrtGrad: ``-0.5 * dout * out**3`` (``+inf`` at ``-0.0``, where JAX gives ``-inf``)."""
    return (-0.5 * dout * out * out * out,)


@register("Rsqrt", check=_float_only("Rsqrt"), bprop=_rsqrt_bprop, functional=("rsqrt",), method=("rsqrt",))
@jax.jit
def _rsqrt(x):
    """``1 / sqrt(x)``, rounding the square root first as MindSpore's kernel does (XLA would otherwise
    keep a Float16 ``sqrt`` in Float32 before dividing)."""
    root = jnp.sqrt(x)
    info = jnp.finfo(x.dtype)
    return jnp.reciprocal(jax.lax.reduce_precision(root, info.nexp, info.nmant))



def _check_round(x, decimals=0):
    if decimals != 0:
        raise RuntimeError(f"For Round only support decimals equal 0, but got decimals equal {decimals}")
    if dtype_kind(x) == "b" or (dtype_kind(x) in "iu" and jnp.result_type(x) not in (jnp.int32, jnp.int64)):
        raise RuntimeError("KernelMod Init Failed: Round")


@register("Round", check=_check_round)
def _round(x, decimals=0):
    """Round half to even; integers unchanged. MindSpore's CPU kernel only takes ``decimals=0``."""
    return jnp.round(x) if dtype_kind(x) == "f" else x


# ---- element-wise binary --------------------------------------------------------------------------------
def _numeric_only(op):
    """MindSpore's type check of ``x`` for arithmetic that refuses Bool (Mod, ...)."""
    def check(x, y):
        if dtype_kind(x) == "b":
            raise TypeError(f"For primitive[{op}], the input argument[x] must be a type of {{Tensor[BFloat16], "
                            "Tensor[Complex128], Tensor[Complex64], Tensor[Float16], Tensor[Float32], "
                            "Tensor[Float64], Tensor[Int16], Tensor[Int32], Tensor[Int64], Tensor[Int8], "
                            "Tensor[UInt16], Tensor[UInt32], Tensor[UInt64], Tensor[UInt8]}, but got Tensor[Bool].")
        check_broadcast(op)(x, y)
    return check


@register("Div", check=check_broadcast("Div"), functional=("true_divide",), method=("true_divide",),
          operator=("__truediv__", "__rtruediv__"), promote=True, check_on_error=True)
@jax.jit
def _div(x, y):
    """True division; integer and bool inputs give Float32."""
    if dtype_kind(x) not in "fc" and dtype_kind(y) not in "fc":
        x, y = jnp.asarray(x, jnp.float32), jnp.asarray(y, jnp.float32)
    return jnp.true_divide(x, y)


def _mod_bprop(inputs, out, dout):
    """MindSpore's Mod gradient: ``dx = dout``, ``dy = -dout * floor(x / y)`` (floor, not trunc)."""
    x, y = inputs
    return _sum_to(dout, x), _sum_to(-dout * jnp.floor(jnp.true_divide(x, y)), y)


@register("Mod", check=_numeric_only("Mod"), bprop=_mod_bprop, promote=True)
def _mod(x, y):
    """C's ``fmod``: the remainder takes the sign of ``x``."""
    return jnp.fmod(x, y)


@register("TruncateDiv", check=_numeric_only("TruncateDiv"), promote=True)
@jax.jit
def _truncate_div(x, y):
    """Division rounded toward zero; integers stay integers."""
    dtype = jnp.result_type(x, y)
    out = jnp.trunc(jnp.true_divide(x, y))
    return out.astype(dtype) if jnp.issubdtype(dtype, jnp.integer) else out



register("TruncateMod", check=_numeric_only("TruncateMod"), promote=True)(jnp.fmod)
register("SquaredDifference", check=check_broadcast("SquaredDifference"), functional=("squared_difference",),
         promote=True, check_on_error=True)(jax.jit(lambda x, y: jnp.square(x - y)))


# Element-wise binary primitives: name: (lowering, functional views).
_BINARY = {
    "Xlogy": (lambda x, y: jax.scipy.special.xlogy(*_floats(x, y)), ("xlogy",)),
    "Xdivy": (lambda x, y: jnp.where(x == 0, jnp.zeros((), jnp.result_type(x, y)), jnp.true_divide(x, y)).astype(
        jnp.result_type(x, y)), ("xdivy",)),
    "Hypot": (jnp.hypot, ("hypot",)),
    "Heaviside": (jnp.heaviside, ("heaviside",)),
    "Gcd": (jnp.gcd, ("gcd",)),
    "Lcm": (jnp.lcm, ("lcm",)),
    "Igamma": (jax.scipy.special.gammainc, ("igamma",)),
    "Igammac": (jax.scipy.special.gammaincc, ("igammac",)),
    "Zeta": (lambda x, q: jax.scipy.special.zeta(x, q), ("zeta",)),
    "Fmax": (jnp.fmax, ("fmax",)),
    "Fmin": (jnp.fmin, ()),
    "LeftShift": (jnp.left_shift, ("bitwise_left_shift",)),
    "RightShift": (jnp.right_shift, ("bitwise_right_shift",)),
}
for _name, (_fn, _functional) in _BINARY.items():
    register(_name, check=check_broadcast(_name), functional=_functional, method=_functional[:1], promote=True,
             check_on_error=True)(_fn)


def _floats(x, y):
    """``x`` and ``y`` in their common float dtype (Float32 for integers and bool)."""
    dtype = jnp.result_type(x, y)
    dtype = dtype if jnp.issubdtype(dtype, jnp.inexact) else jnp.float32
    return jnp.asarray(x, dtype), jnp.asarray(y, dtype)


# Binary composites (no Primitive class).
_BINARY_COMPOSITE = {
    "copysign": lambda x, y: jnp.copysign(*_floats(x, y)),
    "logaddexp": jnp.logaddexp,
    "logaddexp2": jnp.logaddexp2,
    "float_power": lambda x, y: jnp.power(*(jnp.asarray(v, jnp.complex128 if dtype_kind(v) == "c" else jnp.float64)
                                            for v in (x, y))),
    "ldexp": lambda x, y: jnp.multiply(x, jnp.power(2, y).astype(jnp.result_type(x))),
}


for _name, _fn in _BINARY_COMPOSITE.items():
    register(_name, check=check_broadcast(_name), functional=(_name,), method=(_name,), promote=True,
             check_on_error=True, primitive=False)(_fn)
register("Atan2", check=check_broadcast("Atan2"), functional=("atan2",), method=("atan2",), promote=True,
         check_on_error=True)(jnp.arctan2)



def _no_nan(op):
    """``x op y``, 0 where ``y == 0`` (``DivNoNan``, ``MulNoNan``)."""
    def fn(x, y):
        dtype = jnp.result_type(x, y)
        return jnp.where(y == 0, jnp.zeros((), dtype), op(x, jnp.where(y == 0, jnp.ones((), dtype), y)).astype(dtype))
    return jax.jit(fn)


def _xdivy(x, y):
    """``x / y``, 0 where ``x == 0``."""
    return jnp.where(x == 0, jnp.zeros((), jnp.result_type(x, y)), x / y)


def _polar(r, theta):
    """The complex number of modulus ``r`` and angle ``theta``."""
    return jax.lax.complex(r * jnp.cos(theta), r * jnp.sin(theta))


def _shift_check(op):
    def check(x, y):
        if dtype_kind(x) not in "iu":
            raise TypeError(f"For '{op}', the dtype of input should be one of [Int8, Int16, Int32, Int64, UInt8, "
                            f"UInt16, UInt32, UInt64], but got {mstype.to_mstype(jnp.result_type(x))}.")
    return check


def _float_kernel(op):
    def check(x, y):
        if dtype_kind(x) not in "fc":
            raise kernel_error(op)
    return check


_COMPLEX_FLOATS = ("Complex128", "Complex64", "Float16", "Float32", "Float64")
# name: (element-wise binary lowering, type check or None). Python scalars take the Tensor's dtype.
_BINARY_KERNELS = {
    "DivNoNan": (_no_nan(jnp.divide), _float_kernel("DivNoNan")), "MulNoNan": (_no_nan(jnp.multiply), None),
    "Complex": (jax.lax.complex, _types("Complex", (("imag", 1), ("real", 0)), _F32_F64)),
    "Polar": (_polar, _types("Polar", (("abs", 0), ("angle", 1)), _F32_F64)),
}


def _both(first, second):
    def check(*inputs):
        first(*inputs)
        second(*inputs)
    return check


for _name, (_fn, _check) in _BINARY_KERNELS.items():
    register(_name, check=_both(_check, check_broadcast(_name)) if _check else check_broadcast(_name), promote=True,
             check_on_error=_check is None)(jax.jit(_fn))


def _check_next_after(x, y):
    _types("NextAfter", (("x1", 0), ("x2", 1)), _F32_F64)(x, y)
    if jnp.result_type(x) != jnp.result_type(y):
        raise TypeError("For primitive[NextAfter], the input type must be same.")
    check_broadcast("NextAfter")(x, y)


@register("NextAfter", check=_check_next_after, functional=("nextafter",), method=("nextafter",), promote=True)
@jax.jit
def _next_after(x, y):
    """MindSpore's CPU kernel steps in float64 and rounds back, so a Float32 ``x`` mostly comes back unchanged
    (``nextafter(1., 2.)`` is ``1.``, not ``1 + eps``); mindshim does the same."""
    return jnp.nextafter(jnp.asarray(x, jnp.float64), jnp.asarray(y, jnp.float64)).astype(jnp.result_type(x, y))


@register("Polygamma", functional=("polygamma",), inputs=("n", "input"))
@jax.jit
def _polygamma(n, x):
    """The ``n``-th derivative of the digamma function at ``x``."""
    return jax.scipy.special.polygamma(n.astype(jnp.int32), x).astype(x.dtype)


register("Betainc")(jax.jit(jax.scipy.special.betainc))


@register("ApproximateEqual", attrs=(("tolerance", 1e-5),),
          check=lambda x, y, tolerance=1e-5: check_broadcast("ApproximateEqual")(x, y))
def _approximate_equal(x, y, tolerance=1e-5):
    """``|x - y| < tolerance``."""
    return jnp.abs(x - y) < tolerance


@register("Addcdiv", inputs=("input", "tensor1", "tensor2", "value"))
@jax.jit
def _addcdiv(x, x1, x2, value):
    """``x + value * x1 / x2``."""
    return x + value * x1 / x2


@register("Addcmul", inputs=("input", "tensor1", "tensor2", "value"))
@jax.jit
def _addcmul(x, x1, x2, value):
    """``x + value * x1 * x2``."""
    return x + value * x1 * x2


def _extreme_bprop(loses):
    """MindSpore's Maximum/Minimum gradient: ties split ``dout`` in halves; NaN pairs give it to both."""
    def bprop(inputs, out, dout):
        x, y = inputs
        half = dout / 2
        dx = jnp.where(x == y, half, jnp.where(loses(x, y), jnp.zeros((), dout.dtype), dout))
        dy = jnp.where(x == y, half, jnp.where(loses(y, x), jnp.zeros((), dout.dtype), dout))
        return _sum_to(dx, x), _sum_to(dy, y)
    return bprop


@register("Maximum", check=check_broadcast("Maximum"), bprop=_extreme_bprop(jnp.less), functional=("maximum",),
          method=("maximum",), promote=True, check_on_error=True)
@jax.jit
def _maximum(x, y):
    """``x if x > y else y``: a NaN in ``x`` loses, a NaN in ``y`` wins (MindSpore's CPU kernel)."""
    return jnp.where(jnp.greater(x, y), x, y).astype(jnp.result_type(x, y))


@register("Minimum", check=check_broadcast("Minimum"), bprop=_extreme_bprop(jnp.greater), functional=("minimum",),
          method=("minimum",), promote=True, check_on_error=True)
@jax.jit
def _minimum(x, y):
    """``x if x < y else y`` (NaN handling as Maximum)."""
    return jnp.where(jnp.less(x, y), x, y).astype(jnp.result_type(x, y))


for _name, _fn in {"LogicalAnd": jnp.logical_and, "LogicalOr": jnp.logical_or, "LogicalXor": jnp.logical_xor}.items():
    _views = (_name[:7].lower() + "_" + _name[7:].lower(),)  # LogicalAnd: logical_and
    register(_name, check=check_broadcast(_name), functional=_views, method=_views, promote=True,
             check_on_error=True)(_fn)


def _pow_bprop(inputs, out, dout):
    """MindSpore's Pow gradient: ``dx = dout * y * x**(y-1)``; ``dy = dout * out * log(x)``, 0 where
    ``x == 0`` and ``y >= 0`` (so ``0**0`` gives ``dx = nan``, where JAX gives 0)."""
    x, y = inputs
    xf, yf = jnp.asarray(x, out.dtype), jnp.asarray(y, out.dtype)
    dx = dout * yf * jnp.power(xf, yf - 1)
    dy = dout * jnp.where((xf == 0) & (yf >= 0), jnp.zeros((), out.dtype), out * jnp.log(xf))
    return _sum_to(dx, x), _sum_to(dy, y)


def _abs_bprop(inputs, out, dout):
    """MindSpore's Abs gradient: ``dout * sign(x)``, so 0 at 0 (JAX gives ``dout``)."""
    (x,) = inputs
    return (dout * jnp.sign(x),)


# Amendments to rows defined in ``core``: MindSpore's gradients of Pow and Abs, and Neg's type check.
_registry.get("Pow").bprop = _pow_bprop
_registry.get("Abs").bprop = _abs_bprop
_registry.get("Neg").check = _no_bool("Neg")


def _check_select(cond, x, y):
    if dtype_kind(cond) != "b":
        raise kernel_error("Select")


@register("Select", check=_check_select)
@jax.jit
def _select(cond, x, y):
    """``x`` where ``cond`` else ``y``, with broadcasting; Python scalars take the Tensor's dtype."""
    dtype = jnp.result_type(x, y)
    return jnp.where(cond, jnp.asarray(x, dtype), jnp.asarray(y, dtype))


def _check_isclose(x, y, rtol=1e-05, atol=1e-08, equal_nan=True):
    if jnp.result_type(x) != jnp.result_type(y):
        raise TypeError("For primitive[IsClose], the input type must be same.")
    check_broadcast("IsClose")(x, y)


@register("IsClose", attrs=(("rtol", 1e-05), ("atol", 1e-08), ("equal_nan", True)), check=_check_isclose)
def _isclose(x, y, rtol=1e-05, atol=1e-08, equal_nan=True):
    """``|x - y| <= atol + rtol * |y|``, element-wise (NaNs equal where ``equal_nan``)."""
    return jnp.isclose(x, y, rtol=rtol, atol=atol, equal_nan=equal_nan)


def _clamp(x, lo, hi):
    """Clamp ``x`` into ``[lo, hi]`` (None: unbounded); ``hi`` wins where ``lo > hi``. An integer ``x``
    with a Python float bound computes in Float32. Gradient: ``dout`` where ``lo <= x <= hi``."""
    dtype = jnp.float32 if dtype_kind(x) in "biu" and (isinstance(lo, float) or isinstance(hi, float)) else x.dtype
    dtype = jnp.result_type(dtype, *(b for b in (lo, hi) if b is not None and not isinstance(b, (int, float))))
    return _clamp_in(x, lo, hi, np.dtype(dtype))


@functools.partial(jax.jit, static_argnums=3)
def _clamp_in(x, lo, hi, dtype):
    out = x.astype(dtype)
    if lo is not None:
        out = jnp.where(out < lo, jnp.asarray(lo, dtype), out)
    if hi is not None:
        out = jnp.where(out > hi, jnp.asarray(hi, dtype), out)
    return out


register("ClampScalar")(_clamp)
register("ClampTensor")(_clamp)


def _check_addn(xs):
    first = xs[0]
    for i, t in enumerate(xs[1:], 1):
        if jnp.result_type(t) != jnp.result_type(first):
            raise TypeError("For primitive[AddN], the input type must be same.")
        if np.shape(t) != np.shape(first):
            raise ValueError(f"For 'AddN', input shape must be same, but got shape of input[{i}]: "
                             f"({', '.join(map(str, np.shape(t)))}), shape of input[0]: {tuple(np.shape(first))}.")


@register("AddN", check=lambda xs: _check_addn(tensor_arrays(xs)))
def _addn(xs):
    """Sum of a list of same-shape, same-dtype Tensors (Bool: logical or)."""
    xs = tensor_arrays(xs)
    out = xs[0]
    for t in xs[1:]:
        out = jnp.logical_or(out, t) if out.dtype == jnp.bool_ else out + t
    return out


# ---- reductions ----------------------------------------------------------------------------------------
def _first(x, axes, keep_dims):
    """The first element of each reduced group (row-major over ``axes``), shaped like the reduction."""
    first = x[tuple(slice(0, 1) if i in axes else slice(None) for i in range(x.ndim))]
    return first if keep_dims else first.reshape([d for i, d in enumerate(first.shape) if i not in axes])


def _extreme_value(x, axes, keep_dims, is_max):
    """Max/min as MindSpore's CPU kernel computes it: scanning with ``>`` (``<``), so a NaN counts only
    when it is the first element of its group (it then stays); other NaNs are skipped."""
    reduce = jnp.max if is_max else jnp.min
    fill = jnp.array(-jnp.inf if is_max else jnp.inf, x.dtype)
    out = reduce(jnp.where(jnp.isnan(x), fill, x), axis=axes, keepdims=keep_dims)
    first = _first(x, axes, keep_dims)
    return jnp.where(jnp.isnan(first), first, out)


@functools.lru_cache(maxsize=None)
def _extreme_fn(axes, keep_dims, is_max):
    """Float max/min over static ``axes`` with MindSpore's gradient: ``dout`` shared equally by the
    elements equal to the result (a NaN result gives NaN to its whole group)."""
    @jax.custom_vjp
    def fn(x):
        return _extreme_value(x, axes, keep_dims, is_max)

    def fwd(x):
        out = _extreme_value(x, axes, keep_dims, is_max)
        return out, (x, out)

    def bwd(res, dout):
        x, out = res
        if not keep_dims:
            out, dout = jnp.expand_dims(out, axes), jnp.expand_dims(dout, axes)
        hit = (x == out).astype(x.dtype)
        count = jnp.sum(hit, axis=axes, keepdims=True)
        # Spelled out: XLA folds hit / count into a select that loses the NaN of 0 / 0.
        return (jnp.where(count == 0, jnp.array(jnp.nan, x.dtype), hit / count * dout),)

    fn.defvjp(fwd, bwd)
    return jax.jit(fn)


def _extreme(x, axes, keep_dims, is_max):
    if x.dtype.kind != "f":
        return (jnp.max if is_max else jnp.min)(x, axis=axes, keepdims=keep_dims)
    return _extreme_fn(tuple(range(x.ndim)) if axes is None else axes, keep_dims, is_max)(x)


def _check_reduce(op, kinds):
    def check(x, axis=(), keep_dims=False):
        if dtype_kind(x) not in kinds:
            raise kernel_error(op)
        norm_axes(op, axis, np.ndim(x))
    return check


def _register_reduce(op, fn, kinds="fiu", axis_default=()):
    jitted = jax.jit(fn, static_argnums=(1, 2))

    def impl(x, axis=axis_default, keep_dims=False):
        return jitted(x, norm_axes(op, axis, x.ndim), keep_dims)
    impl.__doc__ = fn.__doc__
    register(op, attrs=(("keep_dims", False),), check=_check_reduce(op, kinds))(impl)


def _reduce_max(x, axes, keep_dims):
    """Maximum over ``axis`` (all axes for ``()``); NaN as MindSpore's CPU kernel (see ``_extreme``)."""
    return _extreme(x, axes, keep_dims, True)


def _reduce_min(x, axes, keep_dims):
    """Minimum over ``axis``; NaN as MindSpore's CPU kernel."""
    return _extreme(x, axes, keep_dims, False)


def _reduce_prod(x, axes, keep_dims):
    """Product over ``axis`` in the input dtype (integers wrap; Bool is a logical and)."""
    if x.dtype == jnp.bool_:
        return jnp.all(x, axis=axes, keepdims=keep_dims)
    return jnp.prod(x, axis=axes, keepdims=keep_dims, dtype=x.dtype)


def _reduce_all(x, axes, keep_dims):
    """Logical and over ``axis``; any dtype, non-zero is True."""
    return jnp.all(x.astype(jnp.bool_), axis=axes, keepdims=keep_dims)


def _reduce_any(x, axes, keep_dims):
    """Logical or over ``axis``; any dtype, non-zero is True."""
    return jnp.any(x.astype(jnp.bool_), axis=axes, keepdims=keep_dims)


_register_reduce("ReduceMax", _reduce_max)
_register_reduce("ReduceMin", _reduce_min)
_register_reduce("ReduceProd", _reduce_prod, "fiub")
_register_reduce("ReduceAll", _reduce_all, "fiub", axis_default=None)
_register_reduce("ReduceAny", _reduce_any, "fiub")


def _arg_axis(op, axis, ndim, closed=False):
    n = max(ndim, 1)
    if not -n <= axis < n:
        raise ValueError(f"For primitive[{op}], the axis must be in [{-n},{n}{']' if closed else ')'}, "
                         f"but got {axis}.")
    return axis % n


@functools.partial(jax.jit, static_argnums=(1, 2))
def _arg_extreme(x, axis, is_max):
    """Index of the first max (min) along ``axis``, NaN as in ``_extreme``."""
    if x.dtype.kind == "f":
        first = jnp.take(x, jnp.array([0]), axis=axis)
        fill = jnp.array(-jnp.inf if is_max else jnp.inf, x.dtype)
        x = jnp.where(jnp.isnan(first), first, jnp.where(jnp.isnan(x), fill, x))
        # A leading NaN: every element compares equal to nothing, so the index is 0.
        x = jnp.where(jnp.isnan(x), jnp.zeros((), x.dtype), x)
    return jnp.argmax(x, axis=axis) if is_max else jnp.argmin(x, axis=axis)


def _check_arg(op, banner=True):
    def check(x, axis=-1, output_type=None, keep_dims=False):
        if dtype_kind(x) == "b":
            raise kernel_error(op, banner)
        _arg_axis(op, axis, np.ndim(x))
    return check


def _arg_row(op, is_max):
    def impl(x, axis=-1, output_type=mstype.int32):
        """Index of the first maximum (``Argmax``) or minimum (``Argmin``) along ``axis``."""
        axis = _arg_axis(op, axis, x.ndim)
        return _arg_extreme(x, axis, is_max).astype(mstype.to_mstype(output_type).np_dtype)
    register(op, attrs=(("axis", -1), ("output_type", mstype.int32)), check=_check_arg(op))(impl)


_arg_row("Argmax", True)
_arg_row("Argmin", False)


@functools.partial(jax.jit, static_argnums=(1, 2, 3))
def _arg_with_value(x, axis, keep_dims, is_max):
    idx = jnp.expand_dims(_arg_extreme(x, axis, is_max), axis)
    value = jnp.take_along_axis(x, idx, axis=axis)
    if not keep_dims:
        idx, value = jnp.squeeze(idx, axis), jnp.squeeze(value, axis)
    return idx.astype(jnp.int64), value


def _arg_with_value_row(op, is_max):
    def impl(x, axis=0, keep_dims=False):
        """``(index, value)`` of the first maximum/minimum along ``axis``; the gradient reaches only
        that element, as in MindSpore."""
        axis = _arg_axis(op, axis, x.ndim)
        if x.ndim == 0:
            return jnp.zeros((), jnp.int64), x
        return _arg_with_value(x, axis, keep_dims, is_max)
    register(op, attrs=(("axis", 0), ("keep_dims", False)), check=_check_arg(op, banner=False))(impl)


_arg_with_value_row("ArgMaxWithValue", True)
_arg_with_value_row("ArgMinWithValue", False)


def _check_median(x, global_median=False, axis=0, keep_dims=False, ignore_nan=False):
    dtype = jnp.result_type(x)
    if dtype not in (jnp.float32, jnp.float64, jnp.int16, jnp.int32, jnp.int64):
        raise TypeError("For primitive[Median], the input argument[x] must be a type of {Tensor[Float32], "
                        "Tensor[Float64], Tensor[Int16], Tensor[Int32], Tensor[Int64]}, but got "
                        f"Tensor[{mstype.to_mstype(dtype)}].")
    if not global_median:
        _arg_axis("Median", axis, np.ndim(x))


@register("Median", attrs=(("global_median", False), ("axis", 0), ("keep_dims", False), ("ignore_nan", False)),
          check=_check_median)
def _median_row(x, global_median=False, axis=0, keep_dims=False, ignore_nan=False):
    """``(values, Int64 indices)`` of the lower median along ``axis`` (of all elements for ``global_median``, with
    no indices: MindSpore returns zeros)."""
    if ignore_nan:
        raise NotImplementedError("mindspore.ops.Median with ignore_nan=True is not supported by mindshim yet.")
    if global_median:
        flat = jnp.sort(x.reshape(-1))
        value = flat[(flat.size - 1) // 2]
        return value, jnp.zeros((), jnp.int64)
    return _median_along(x, _arg_axis("Median", axis, x.ndim), keep_dims)


@functools.partial(jax.jit, static_argnums=(1, 2))
def _median_along(x, axis, keep_dims):
    if x.ndim == 0:
        return x, jnp.zeros((), jnp.int64)
    order = jnp.argsort(x, axis=axis, stable=True)
    k = jnp.take(order, jnp.array([(x.shape[axis] - 1) // 2]), axis=axis)
    value = jnp.take_along_axis(x, k, axis=axis)
    if not keep_dims:
        k, value = jnp.squeeze(k, axis), jnp.squeeze(value, axis)
    return value, k.astype(jnp.int64)


def _check_trace(x):
    if np.ndim(x) < 2:
        raise RuntimeError("For Primitive[Tracev2], the dim of input 'x' should greater or equal to 2, but got 'x' at "
                           f"{np.ndim(x)}-dimention")


@register("TraceV2", check=_check_trace)
def _trace(x):
    """The sum of the main diagonal over the first two axes; integer and bool inputs give Int64."""
    dtype = jnp.int64 if dtype_kind(x) in "biu" else x.dtype
    return jnp.trace(x, axis1=0, axis2=1, dtype=dtype)


def _cum_check(op):
    def check(x, axis, exclusive=False, reverse=False):
        if dtype_kind(x) == "b":
            raise TypeError(f"For primitive[{op}], the input argument[x] must be a type of {{Tensor[BFloat16], "
                            "Tensor[Complex128], Tensor[Complex64], Tensor[Float16], Tensor[Float32], "
                            "Tensor[Float64], Tensor[Int16], Tensor[Int32], Tensor[Int64], Tensor[Int8], "
                            "Tensor[UInt16], Tensor[UInt32], Tensor[UInt64], Tensor[UInt8]}, but got Tensor[Bool].")
        _arg_axis(op, int(axis), np.ndim(x))
    return check


def _cum_row(op, fn, identity):
    @functools.partial(jax.jit, static_argnums=(1, 2, 3))
    def cumulate(x, axis, exclusive, reverse):
        if reverse:
            x = jnp.flip(x, axis)
        out = fn(x, axis=axis, dtype=x.dtype)
        if exclusive:
            pad = jnp.full_like(jnp.take(out, jnp.array([0]), axis=axis), identity)
            out = jnp.concatenate([pad, jax.lax.slice_in_dim(out, 0, out.shape[axis] - 1, axis=axis)], axis=axis)
        return jnp.flip(out, axis) if reverse else out

    def impl(x, axis, exclusive=False, reverse=False):
        """Cumulative sum/product along ``axis`` in the input dtype; ``exclusive`` shifts by one
        (starting from the identity), ``reverse`` runs from the end."""
        return cumulate(x, _arg_axis(op, int(axis), x.ndim), exclusive, reverse)
    register(op, attrs=(("exclusive", False), ("reverse", False)), check=_cum_check(op))(impl)


_cum_row("CumSum", jnp.cumsum, 0)
_cum_row("CumProd", jnp.cumprod, 1)


def _check_reduce_std(x, axis=(), unbiased=True, keep_dims=False):
    need_float("ReduceStd", "input_x")(x)
    norm_axes("ReduceStd", axis, np.ndim(x))


@register("ReduceStd", attrs=(("axis", ()), ("unbiased", True), ("keep_dims", False)), check=_check_reduce_std)
def _reduce_std(x, axis=(), unbiased=True, keep_dims=False):
    """``(std, mean)`` over ``axis`` (all for ``()``); ``unbiased`` divides by ``n - 1``."""
    return _std_mean(x, norm_axes("ReduceStd", axis, x.ndim), int(unbiased), keep_dims)


@functools.partial(jax.jit, static_argnums=(1, 2, 3))
def _std_mean(x, axes, ddof, keep_dims):
    return jnp.std(x, axis=axes, ddof=ddof, keepdims=keep_dims), jnp.mean(x, axis=axes, keepdims=keep_dims)


def _check_lp_norm(x, axis=0, p=2, keep_dims=False, epsilon=1e-12):
    need_float("LpNorm", "input")(x)
    norm_axes("LpNorm", axis, np.ndim(x))


def _lp_norm_bprop(inputs, out, dout, axis=0, p=2, keep_dims=False, epsilon=1e-12):
    """MindSpore's LpNorm gradient: ``dout * sign(x) * |x|**(p-1) / out**(p-1)`` (0 where ``x == 0``)."""
    (x,) = inputs
    if not keep_dims:
        axes = norm_axes("LpNorm", axis, x.ndim) or tuple(range(x.ndim))
        out, dout = jnp.expand_dims(out, axes), jnp.expand_dims(dout, axes)
    if p == 1:
        return (dout * jnp.sign(x),)
    return (dout * jnp.sign(x) * jnp.power(jnp.abs(x), p - 1) / jnp.power(out, p - 1),)


@register("LpNorm", attrs=(("axis", 0), ("p", 2), ("keep_dims", False), ("epsilon", 1e-12)), check=_check_lp_norm,
          bprop=_lp_norm_bprop)
def _lp_norm(x, axis=0, p=2, keep_dims=False, epsilon=1e-12):
    """``max(sum(|x|**p) ** (1/p), epsilon)`` over ``axis``."""
    return _lp(x, norm_axes("LpNorm", axis, x.ndim), p, keep_dims, epsilon)


@functools.partial(jax.jit, static_argnums=(1, 2, 3, 4))
def _lp(x, axes, p, keep_dims, epsilon):
    norm = jnp.sum(jnp.abs(x), axis=axes, keepdims=keep_dims) if p == 1 else \
        jnp.power(jnp.sum(jnp.power(jnp.abs(x), p), axis=axes, keepdims=keep_dims), 1.0 / p)
    return jnp.maximum(norm, jnp.asarray(epsilon, x.dtype)).astype(x.dtype)


def _check_svd(x, full_matrices=False, compute_uv=True):
    if x.dtype not in (jnp.float32, jnp.float64, jnp.complex64, jnp.complex128):
        raise TypeError(f"For Svd, the dtype of 'input' must be in (float32, float64, complex64, complex128), but got "
                        f"{mstype.to_mstype(x.dtype)}")
    if x.ndim < 2:
        raise ValueError(f"For Svd, the rank of 'input' must be great equal than 2, but get shape: "
                         f"{' '.join(map(str, x.shape))}")


@register("Svd", attrs=(("full_matrices", False), ("compute_uv", True)), check=_check_svd)
def _svd(x, full_matrices=False, compute_uv=True):
    """``(s, u, v)`` with ``x = u @ diag(s) @ v^H`` over the last two axes (``v``, not its transpose); without
    ``compute_uv``, ``u`` and ``v`` are ``[0]``. Real matrices of fewer than 16 columns get the exact values of
    MindSpore's CPU kernel (Eigen's JacobiSVD, run on the host: ``_eigen_svd``), signs of the singular vectors
    included, with the gradient of JAX's SVD with those signs; wider and complex ones get JAX's SVD, whose singular
    vectors may differ from MindSpore's in sign (MindSpore's Eigen BDCSVD)."""
    u, s, vh = jnp.linalg.svd(x, full_matrices=False)
    if not compute_uv:
        return s, jnp.zeros((1,), s.dtype), jnp.zeros((1,), s.dtype)
    v = jnp.conj(jnp.swapaxes(vh, -1, -2))
    rows, cols = x.shape[-2:]
    if cols >= 16 or jnp.iscomplexobj(x):
        if full_matrices:
            u, _, vh = jnp.linalg.svd(x, full_matrices=True)
            v = jnp.conj(jnp.swapaxes(vh, -1, -2))
        return s, u, v
    n = min(rows, cols)
    batch = x.shape[:-2]
    shapes = [jax.ShapeDtypeStruct(batch + shape, x.dtype) for shape in ((n,), (rows, rows if full_matrices else n),
                                                                          (cols, cols if full_matrices else n))]
    eigen = jax.pure_callback(functools.partial(_eigen_svd.batched, full_matrices=full_matrices), shapes,
                              lax.stop_gradient(x), vmap_method="expand_dims")
    sign = jnp.sign(jnp.sum(eigen[1][..., :n] * u, axis=-2, keepdims=True))
    sign = jnp.where(sign == 0, jnp.ones((), x.dtype), sign)
    aligned = [s, u * sign, v * sign]
    for i in (1, 2):
        aligned[i] = jnp.concatenate([aligned[i], lax.stop_gradient(eigen[i][..., n:])], -1)
    # MindSpore's values, with the derivative of the sign-aligned JAX decomposition.
    return tuple(a + lax.stop_gradient(e - a) for a, e in zip(aligned, eigen))


# ---- composites of several primitives (no Primitive class): reductions, scans and linear algebra ----------------
def _axes_or_all(axis, ndim):
    return norm_axes("composite", axis, ndim) if axis is not None else None


def _scan_extreme(x, axis, is_max):
    """``(values, indices)`` of the running max/min along ``axis`` (ties take the later index)."""
    axis = _arg_axis("Cummax" if is_max else "Cummin", axis, x.ndim)
    idx = jax.lax.broadcasted_iota(jnp.int64, x.shape, axis)
    better = jnp.greater_equal if is_max else jnp.less_equal

    def combine(a, b):
        take = better(b[0], a[0]) | jnp.isnan(b[0]) if x.dtype.kind == "f" else better(b[0], a[0])
        return jnp.where(take, b[0], a[0]), jnp.where(take, b[1], a[1])
    return jax.lax.associative_scan(combine, (x, idx), axis=axis)


register("Cummax", attrs=(("axis", 0),), check=_no_bool("Cummax"))(
    lambda x, axis=0: _scan_extreme(x, axis, True))
def _cummin(x, axis=0):
    """As ``Cummax``, but MindSpore's ``Cummin`` gives Int32 indices (``Cummax``: Int64)."""
    values, indices = _scan_extreme(x, axis, False)
    return values, indices.astype(jnp.int32)


register("Cummin", attrs=(("axis", 0),), check=_no_bool("Cummin"))(_cummin)


def _logcumsumexp(input, axis):
    """``log(cumsum(exp(input)))`` along ``axis``, computed stably."""
    return jax.lax.cumlogsumexp(input, axis=_arg_axis("logcumsumexp", axis, input.ndim))


def _logsumexp(input, axis, keep_dims=False):
    """``log(sum(exp(input)))`` over ``axis`` (all axes for ``()``)."""
    return jax.scipy.special.logsumexp(input, axis=norm_axes("logsumexp", axis, input.ndim), keepdims=keep_dims)


def _nansum(input, axis=None, keepdims=False, dtype=None):
    """Sum over ``axis`` with NaNs counted as zero; integers sum in Int64."""
    dtype = mstype.to_mstype(dtype).np_dtype if dtype is not None else (
        jnp.int64 if dtype_kind(input) in "biu" else input.dtype)
    return jnp.nansum(input, axis=_axes_or_all(axis, input.ndim), keepdims=keepdims, dtype=dtype)


def _nanmean(input, axis=None, keepdims=False, dtype=None):
    """Mean over ``axis`` of the non-NaN elements."""
    out = jnp.nanmean(input, axis=_axes_or_all(axis, input.ndim), keepdims=keepdims)
    return out.astype(mstype.to_mstype(dtype).np_dtype) if dtype is not None else out


def _median(input, axis=-1, keepdims=False):
    """``(values, indices)`` of the lower median along ``axis``: the Median row."""
    return _registry.get("Median").bind(axis=axis, keep_dims=keepdims)(input)


def _aminmax(input, axis=0, keepdims=False):
    """``(min, max)`` over ``axis`` (all axes for None); NaN is skipped."""
    axes = None if axis is None else _arg_axis("aminmax", axis, input.ndim)
    if axes is None and keepdims:
        return (_extreme(input, None, False, False).reshape((1,) * input.ndim),
                _extreme(input, None, False, True).reshape((1,) * input.ndim))
    axes = None if axes is None else (axes,)
    return _extreme(input, axes, keepdims, False), _extreme(input, axes, keepdims, True)


for _name, _fn, _inputs in (("logcumsumexp", _logcumsumexp, ("input", "axis")),
                            ("logsumexp", _logsumexp, ("input", "axis", "keep_dims")),
                            ("nansum", _nansum, ("input", "axis", "keepdims", "dtype")),
                            ("nanmean", _nanmean, ("input", "axis", "keepdims", "dtype")),
                            ("aminmax", _aminmax, ("input", "axis", "keepdims")),
                            ("median", _median, ("input", "axis", "keepdims"))):
    register(_name, functional=(_name,), method=(_name,), inputs=_inputs, primitive=False)(_fn)


# ---- linear algebra -----------------------------------------------------------------------------------------
register("Trace", check=_no_bool("Trace"), functional=("trace",), method=("trace",))(
    lambda x: jnp.trace(x, axis1=-2, axis2=-1).astype(x.dtype))
register("Triu", attrs=(("diagonal", 0),), check=_no_bool("Triu"))(lambda x, diagonal=0: jnp.triu(x, diagonal))
register("Cdist", attrs=(("p", 2.0),), check=need_float("Cdist", "input_x"))(
    lambda x, y, p=2.0: jnp.sum(jnp.abs(x[..., :, None, :] - y[..., None, :, :]) ** p, -1) ** (1 / p))
register("Real", functional=("real",), method=("real",))(
    lambda x: jnp.real(x) if dtype_kind(x) == "c" else x)
register("Conj", functional=("conj",), method=("conj",))(jnp.conj)
register("Angle", check=_float_only("Angle", banner=True), functional=("angle",), method=("angle",))(jnp.angle)


register("Lerp", check=check_broadcast("Lerp"), functional=("lerp",), method=("lerp",),
         inputs=("input", "end", "weight"), promote=True, check_on_error=True)(
    lambda start, end, weight: (start + weight * (end - start)).astype(jnp.result_type(start, end)))
def _renorm(x, p=2, dim=0, maxnorm=1.0):
    """Each slice along ``dim`` whose ``p``-norm exceeds ``maxnorm`` scaled down to norm ``maxnorm``."""
    axes = tuple(i for i in range(x.ndim) if i != dim % x.ndim)
    norm = jnp.sum(jnp.abs(x) ** p, axis=axes, keepdims=True) ** (1.0 / p)
    return (x * jnp.where(norm > maxnorm, maxnorm / (norm + 1e-7), 1)).astype(x.dtype)


register("Renorm", attrs=(("p", 2), ("dim", 0), ("maxnorm", 1.0)))(_renorm)
register("Histogram", attrs=(("bins", 100), ("min", 0.0), ("max", 0.0)), check=_float_only("Histogram"))(
    lambda x, bins=100, min=0.0, max=0.0: _histc(x, bins, min, max))


def _histc(x, bins, lo, hi):
    """Counts of ``x`` in ``bins`` equal bins over ``[lo, hi]`` (the data's range where both are 0), as x's dtype."""
    if lo == 0 and hi == 0:
        lo, hi = jnp.min(x), jnp.max(x)
    return jnp.histogram(x, bins=bins, range=(lo, hi))[0].astype(x.dtype)


def _mat_t(x):
    return jnp.swapaxes(x, -1, -2)


def _cholesky_inverse(input, upper=False):
    """``inverse(L @ L^T)`` (``U^T @ U`` for ``upper``) from a Cholesky factor."""
    a = _mat_t(input) @ input if upper else input @ _mat_t(input)
    return jnp.linalg.inv(a)


def _logdet(input):
    """``log(det(input))``: NaN where the determinant is negative."""
    sign, logabs = jnp.linalg.slogdet(input)
    return jnp.where(sign < 0, jnp.nan, logabs).astype(logabs.dtype)


def _dot(input, other):
    """MindSpore's ``dot``: contracts the last axis of ``input`` with the second-to-last of ``other``."""
    if other.ndim == 1:
        return jnp.tensordot(input, other, axes=([-1], [0]))
    return jnp.tensordot(input, other, axes=([-1], [other.ndim - 2]))


def _tensor_dot(x1, x2, axes):
    if isinstance(axes, (tuple, list)) and len(axes) == 2 and not isinstance(axes[0], int):
        axes = (tuple(axes[0]), tuple(axes[1]))
    return jnp.tensordot(x1, x2, axes=axes)


def _vecdot(x, y, axis=-1):
    return jnp.sum(jnp.conj(x) * y, axis=axis)


def _dist(input, other, p=2):
    return jnp.sum(jnp.abs(input - other) ** p) ** (1.0 / p) if p else jnp.sum(input != other).astype(input.dtype)


def _cosine_similarity(x1, x2, dim=1, eps=1e-08):
    dot = jnp.sum(x1 * x2, axis=dim)
    n1 = jnp.sqrt(jnp.sum(x1 * x1, axis=dim))
    n2 = jnp.sqrt(jnp.sum(x2 * x2, axis=dim))
    return dot / jnp.maximum(n1 * n2, eps)


def _cov(input, correction=1, fweights=None, aweights=None):
    """Covariance of the rows of ``input`` (variables) over its columns (observations)."""
    return jnp.cov(input, ddof=correction, fweights=fweights, aweights=aweights).astype(input.dtype)


def _diag_embed(input, offset=0, dim1=-2, dim2=-1):
    """The last axis of ``input`` on diagonal ``offset`` of new axes ``dim1``, ``dim2``."""
    n = input.shape[-1] + abs(offset)
    out = jnp.zeros(input.shape[:-1] + (n, n), input.dtype)
    i = jnp.arange(input.shape[-1])
    out = out.at[..., i + max(-offset, 0), i + max(offset, 0)].set(input)
    ndim = input.ndim + 1
    return jnp.moveaxis(out, (-2, -1), (dim1 % ndim, dim2 % ndim))


def _diagonal(input, offset=0, dim1=0, dim2=1):
    return jnp.diagonal(input, offset, dim1, dim2)


def _nan_to_num(input, nan=0.0, posinf=None, neginf=None):
    return jnp.nan_to_num(input, nan=nan, posinf=posinf, neginf=neginf)


def _vander(x, N=None):
    return jnp.vander(x, N)


def _trapz(y, x=None, dx=1.0, dim=-1):
    return jax.scipy.integrate.trapezoid(y, x=x, dx=dx, axis=dim).astype(y.dtype)


def _diff(x, n=1, axis=-1, prepend=None, append=None):
    return jnp.diff(x, n=n, axis=axis, prepend=prepend, append=append)


def _bincount(input, weights=None, minlength=0):
    """Counts (Float32; the weights' dtype with ``weights``) of each value of a 1-D non-negative integer input."""
    length = max(int(jnp.max(input)) + 1 if input.size else 0, minlength)
    out = jnp.bincount(input, weights=weights, length=length)
    return out.astype(jnp.float32 if weights is None else weights.dtype)


def _argsort(input, axis=-1, descending=False):
    """Indices (Int32) that sort ``input`` along ``axis``; stable."""
    return jnp.argsort(input, axis=axis, stable=True, descending=descending).astype(jnp.int32)


def _argwhere(input):
    return jnp.argwhere(input).astype(jnp.int64)


def _count_nonzero(x, axis=(), keep_dims=False, dtype=mstype.int32):
    axes = norm_axes("count_nonzero", axis, x.ndim)
    return jnp.sum(x != 0, axis=axes, keepdims=keep_dims).astype(mstype.to_mstype(dtype).np_dtype)


def _kron(input, other):
    return jnp.kron(input, other)


def _adjoint(x):
    return jnp.conj(_mat_t(x))


def _pinv(x, atol=None, rtol=None, hermitian=False):
    return jnp.linalg.pinv(x, rtol=rtol, hermitian=hermitian)


_COMPOSITES = {  # name: (lowering, input names)
    "cholesky_inverse": (_cholesky_inverse, ("input_x", "upper")),
    "logdet": (_logdet, ("input",)),
    "outer": (jnp.outer, ("input", "vec2")),
    "inner": (jnp.inner, ("input", "other")),
    "kron": (_kron, ("input", "other")),
    "dot": (_dot, ("input", "other")),
    "tensor_dot": (_tensor_dot, ("x1", "x2", "axes")),
    "vecdot": (_vecdot, ("x", "y", "axis")),
    "mv": (jnp.matmul, ("input", "vec")),
    "mm": (jnp.matmul, ("input", "mat2")),
    "dist": (_dist, ("input", "other", "p")),
    "cosine_similarity": (_cosine_similarity, ("x1", "x2", "dim", "eps")),
    "cov": (_cov, ("input", "correction", "fweights", "aweights")),
    "diag_embed": (_diag_embed, ("input", "offset", "dim1", "dim2")),
    "diagonal": (_diagonal, ("input", "offset", "dim1", "dim2")),
    "nan_to_num": (_nan_to_num, ("input", "nan", "posinf", "neginf")),
    "vander": (_vander, ("x", "N")),
    "trapz": (_trapz, ("y", "x", "dx", "dim")),
    "diff": (_diff, ("x", "n", "axis", "prepend", "append")),
    "bincount": (_bincount, ("input", "weights", "minlength")),
    "argsort": (_argsort, ("input", "axis", "descending")),
    "argwhere": (_argwhere, ("input",)),
    "count_nonzero": (_count_nonzero, ("x", "axis", "keep_dims", "dtype")),
    "adjoint": (_adjoint, ("x",)),
    "pinv": (_pinv, ("x", "atol", "rtol", "hermitian")),
}
_NOT_METHODS = {"kron", "tensor_dot", "vecdot", "mv", "dist", "cosine_similarity", "diag_embed", "vander", "trapz",
                "pinv"}
for _name, (_fn, _inputs) in _COMPOSITES.items():
    register(_name, functional=(_name,), method=() if _name in _NOT_METHODS else (_name,), inputs=_inputs,
             primitive=False)(_fn)


# ---- discrete Fourier transforms (MindSpore's FFT primitives; integer inputs compute in Float32) ----------------
def _fft_1d(fn):
    def fft(input, n=None, dim=-1, norm=None):
        """One-dimensional transform along ``dim``, ``n`` points (cropped or zero-padded)."""
        return fn(_to_float(input), n=n, axis=dim, norm=norm)
    return fft


def _fft_nd(fn, default_dim):
    def fft(input, s=None, dim=default_dim, norm=None):
        """Transform over the axes ``dim`` (all, or the last ``len(s)``, for None) with sizes ``s``."""
        if dim is None and s is not None:
            dim = tuple(range(-len(s), 0))
        return fn(_to_float(input), s=None if s is None else tuple(s), axes=None if dim is None else tuple(dim),
                  norm=norm)
    return fft


def _hfft_nd(inverse):
    def fft(input, s=None, dim=(-2, -1), norm=None):
        """Hermitian transform over ``dim``: the inverse of ``ihfftn`` (``irfftn`` of the conjugate, scaled)."""
        x = _to_float(input)
        dim = tuple(range(x.ndim)) if dim is None else tuple(dim)
        s = None if s is None else tuple(s)
        flip = {"backward": "forward", "forward": "backward", None: "forward", "ortho": "ortho"}[norm]
        if inverse:
            return jnp.conj(jnp.fft.rfftn(x, s=s, axes=dim, norm=flip))
        return jnp.fft.irfftn(jnp.conj(x), s=s, axes=dim, norm=flip)
    return fft


def _ihfft(input, n=None, dim=-1, norm=None):
    """The inverse of ``hfft`` along ``dim`` (the conjugate of ``rfft``, scaled; ``-0`` imaginary parts kept)."""
    return _hfft_nd(True)(input, None if n is None else (n,), (dim,), norm)


_FFTS = {
    "fft": _fft_1d(jnp.fft.fft), "ifft": _fft_1d(jnp.fft.ifft), "rfft": _fft_1d(jnp.fft.rfft),
    "irfft": _fft_1d(jnp.fft.irfft), "hfft": _fft_1d(jnp.fft.hfft), "ihfft": _ihfft,
    "fft2": _fft_nd(jnp.fft.fftn, (-2, -1)), "ifft2": _fft_nd(jnp.fft.ifftn, (-2, -1)),
    "rfft2": _fft_nd(jnp.fft.rfftn, (-2, -1)), "irfft2": _fft_nd(jnp.fft.irfftn, (-2, -1)),
    "fftn": _fft_nd(jnp.fft.fftn, None), "ifftn": _fft_nd(jnp.fft.ifftn, None),
    "rfftn": _fft_nd(jnp.fft.rfftn, None), "irfftn": _fft_nd(jnp.fft.irfftn, None),
    "hfft2": _hfft_nd(False), "ihfft2": _hfft_nd(True), "hfftn": _hfft_nd(False), "ihfftn": _hfft_nd(True),
}
for _name, _fn in _FFTS.items():
    _inputs = ("input", "n", "dim", "norm") if _name[-1] == "t" else ("input", "s", "dim", "norm")
    register(_name, functional=(_name,), inputs=_inputs, primitive=False)(_fn)


def _fftfreq(n, d=1.0, dtype=None):
    return jnp.fft.fftfreq(n, d).astype(mstype.to_mstype(dtype or mstype.float32).np_dtype)


def _rfftfreq(n, d=1.0, dtype=None):
    return jnp.fft.rfftfreq(n, d).astype(mstype.to_mstype(dtype or mstype.float32).np_dtype)


def _fftshift(input, dim=None):
    return jnp.fft.fftshift(input, axes=dim)


def _ifftshift(input, dim=None):
    return jnp.fft.ifftshift(input, axes=dim)


for _name, _fn, _inputs in (("fftfreq", _fftfreq, ("n", "d", "dtype")), ("rfftfreq", _rfftfreq, ("n", "d", "dtype")),
                            ("fftshift", _fftshift, ("input", "dim")), ("ifftshift", _ifftshift, ("input", "dim"))):
    register(_name, functional=(_name,), inputs=_inputs, primitive=False)(_fn)


# ---- window functions ----------------------------------------------------------------------------------------
def _window(shape):
    def window(window_length, periodic=True, dtype=None, **params):
        """The window of ``window_length`` points (``periodic``: the first ``N`` of ``N + 1``), Float32 by
        default, computed in Float64."""
        n = int(np.asarray(window_length))
        out = jnp.ones(1) if n == 1 else shape(jnp.arange(n, dtype=jnp.float64), n if periodic else n - 1, **params)
        return out.astype(mstype.to_mstype(dtype or mstype.float32).np_dtype)
    return window


_WINDOWS = {  # name: the window's value at points i of a period m
    "bartlett_window": lambda i, m: 1 - jnp.abs(2 * i / m - 1),
    "blackman_window": lambda i, m: 0.42 - 0.5 * jnp.cos(2 * jnp.pi * i / m) + 0.08 * jnp.cos(4 * jnp.pi * i / m),
    "hann_window": lambda i, m: 0.5 - 0.5 * jnp.cos(2 * jnp.pi * i / m),
    "hamming_window": lambda i, m, alpha=0.54, beta=0.46: alpha - beta * jnp.cos(2 * jnp.pi * i / m),
    "kaiser_window": lambda i, m, beta=12.0: jax.scipy.special.i0(
        beta * jnp.sqrt(jnp.clip(1 - (2 * i / m - 1) ** 2, 0, None))) / jax.scipy.special.i0(jnp.float64(beta)),
}
for _name, _fn in _WINDOWS.items():
    register(_name, primitive=False)(_window(_fn))


# ---- more linear algebra and norms ------------------------------------------------------------------------------
def _qr(input, mode="reduced"):
    return tuple(jnp.linalg.qr(input, mode=mode))


def _eig(input):
    """``(eigenvalues, eigenvectors)`` of a square matrix (complex), computed on the host as MindSpore's CPU kernel."""
    dtype = jnp.complex64 if input.dtype in (jnp.float32, jnp.complex64) else jnp.complex128
    values, vectors = np.linalg.eig(np.asarray(input))
    return jnp.asarray(values, dtype), jnp.asarray(vectors, dtype)


def _geqrf(input):
    """LAPACK's ``geqrf``: ``(a, tau)``, the Householder form of the QR factorization (on the host, as
    MindSpore's CPU kernel)."""
    x = np.asarray(input)
    pairs = [np.linalg.qr(m, mode="raw") for m in x.reshape((-1,) + x.shape[-2:])]
    a = np.stack([np.swapaxes(h, -1, -2) for h, _ in pairs]).reshape(x.shape)
    tau = np.stack([t for _, t in pairs]).reshape(x.shape[:-2] + (-1,))
    return jnp.asarray(a, x.dtype), jnp.asarray(tau, x.dtype)


def _orgqr(input, tau):
    return jax.lax.linalg.householder_product(input, tau)


def _lstsq(input, A):
    return jnp.linalg.lstsq(input, A)[0]


def _vector_norm(x, ord=2, dim=None, keepdim=False, dtype=None):
    if dtype is not None:
        x = x.astype(mstype.to_mstype(dtype).np_dtype)
    axes = None if dim is None else (dim,) if isinstance(dim, int) else tuple(dim)
    if axes is None:
        x, axes = x.reshape(-1), (0,)
        return _norm_over(x, ord, axes, False).reshape((1,) * 0 if not keepdim else (1,) * x.ndim)
    return _norm_over(x, ord, axes, keepdim)


def _norm_over(x, ord, axes, keepdim):
    a = jnp.abs(x)
    if ord == float("inf"):
        return jnp.max(a, axis=axes, keepdims=keepdim)
    if ord == -float("inf"):
        return jnp.min(a, axis=axes, keepdims=keepdim)
    if ord == 0:
        return jnp.sum(x != 0, axis=axes, keepdims=keepdim).astype(x.dtype)
    return jnp.sum(a ** ord, axis=axes, keepdims=keepdim) ** (1.0 / ord)


def _matrix_norm(A, ord="fro", dim=(-2, -1), keepdim=False, dtype=None):
    if dtype is not None:
        A = A.astype(mstype.to_mstype(dtype).np_dtype)
    return jnp.linalg.matrix_norm(A, ord=ord, keepdims=keepdim) if tuple(dim) in ((-2, -1), (A.ndim - 2, A.ndim - 1)) \
        else jnp.linalg.norm(A, ord=ord, axis=tuple(dim), keepdims=keepdim)


def _cond(A, p=None):
    return jnp.linalg.cond(A, p)


def _pdist(input, p=2.0):
    """The ``p``-norm distances between each pair of rows: the Pdist row."""
    return _registry.get("Pdist").bind(p=p)(input)


def _clip_by_norm(x, max_norm, norm_type=2.0, error_if_nonfinite=False):
    """``x`` scaled by ``max_norm / (norm + 1e-6)`` where its total ``norm_type``-norm exceeds ``max_norm``."""
    norm = _norm_over(x.reshape(-1), norm_type, (0,), False)
    coef = jnp.minimum(max_norm / (norm + 1e-6), 1.0)
    return (x * coef).astype(x.dtype)


def _batch_dot(x1, x2, axes=None):
    """Per-batch (axis 0) dot product contracting ``axes`` (default: x1's last and x2's second-to-last, or last)."""
    if axes is None:
        axes = (x1.ndim - 1, x2.ndim - 1 if x2.ndim == 2 else x2.ndim - 2)
    elif isinstance(axes, int):
        axes = (axes, axes)
    a1, a2 = (a % n for a, n in zip(axes, (x1.ndim, x2.ndim)))
    out = jax.lax.dot_general(x1, x2, (((a1,), (a2,)), ((0,), (0,))))
    return out[:, None] if out.ndim == 1 else out


_LINALG = {  # name: (lowering, input names)
    "qr": (_qr, ("input", "mode")),
    "eig": (_eig, ("A",)),
    "eigvals": (lambda A: _eig(A)[0], ("A",)),
    "geqrf": (_geqrf, ("input",)),
    "orgqr": (_orgqr, ("input", "tau")),
    "lstsq": (_lstsq, ("input", "A")),
    "vector_norm": (_vector_norm, ("x", "ord", "dim", "keepdim", "dtype")),
    "matrix_norm": (_matrix_norm, ("A", "ord", "dim", "keepdim", "dtype")),
    "cond": (_cond, ("A", "p")),
    "pdist": (_pdist, ("input", "p")),
    "clip_by_norm": (_clip_by_norm, ("x", "max_norm", "norm_type", "error_if_nonfinite")),
    "batch_dot": (_batch_dot, ("x1", "x2", "axes")),
    "positive": (lambda input: input, ("input",)),
    "polar": (jax.lax.complex_polar if hasattr(jax.lax, "complex_polar") else
              (lambda abs, angle: jax.lax.complex(abs * jnp.cos(angle), abs * jnp.sin(angle))), ("abs", "angle")),
    "float_power_ext": (_BINARY_COMPOSITE["float_power"], ("input", "exponent")),
    "isnan_ext": (jnp.isnan, ("input",)),
    "diff_ext": (_diff, ("input", "n", "dim", "prepend", "append")),
}
for _name, (_fn, _inputs) in _LINALG.items():
    register(_name, functional=(_name,), inputs=_inputs, primitive=False)(_fn)


def _nanmedian(input, axis=-1, keepdims=False):
    """``(values, indices)`` of the lower median of the non-NaN values along ``axis`` (NaN, index 0, where all are
    NaN)."""
    axis = _arg_axis("nanmedian", axis, input.ndim)
    order = jnp.argsort(input, axis=axis, stable=True)  # NaNs last
    count = jnp.sum(~jnp.isnan(input), axis=axis, keepdims=True)
    pos = jnp.maximum(count - 1, 0) // 2
    idx = jnp.take_along_axis(order, pos, axis=axis)
    idx = jnp.where(count == 0, 0, idx)
    values = jnp.take_along_axis(input, idx, axis=axis)
    if not keepdims:
        idx, values = jnp.squeeze(idx, axis), jnp.squeeze(values, axis)
    return values, idx.astype(jnp.int64)


def _clip_by_global_norm(x, clip_norm=1.0, use_norm=None):
    """Each Tensor of ``x`` times ``clip_norm / max(global norm, clip_norm)``, the global norm over all of them."""
    arrays = tensor_arrays(x)
    norm = jnp.sqrt(sum(jnp.sum(jnp.square(a)) for a in arrays)) if use_norm is None else use_norm
    scale = clip_norm / jnp.maximum(norm, clip_norm)
    return tuple((a * scale).astype(a.dtype) for a in arrays)


register("nanmedian", functional=("nanmedian",), method=("nanmedian",), inputs=("input", "axis", "keepdims"),
         primitive=False)(_nanmedian)
register("clip_by_global_norm", functional=("clip_by_global_norm",), inputs=("x", "clip_norm", "use_norm"),
         primitive=False)(_clip_by_global_norm)


def _lu_unpack(LU_data, LU_pivots, unpack_data=True, unpack_pivots=True):
    """``(P, L, U)`` with ``A = P @ L @ U`` from the packed LU factors and LAPACK's 1-based row swaps."""
    n = LU_data.shape[-2]
    perm = jax.lax.linalg.lu_pivots_to_permutation(LU_pivots.astype(jnp.int32) - 1, n)
    p = jnp.swapaxes(jax.nn.one_hot(perm, n, dtype=LU_data.dtype), -1, -2)
    k = min(LU_data.shape[-2:])
    lower = jnp.tril(LU_data, -1)[..., :, :k] + jnp.eye(n, k, dtype=LU_data.dtype)
    upper = jnp.triu(LU_data)[..., :k, :]
    return p, lower, upper


def _lu_solve(b, LU_data, LU_pivots):
    """Solves ``A x = b`` from A's packed LU factors and 1-based pivots."""
    return jax.scipy.linalg.lu_solve((LU_data, LU_pivots.astype(jnp.int32) - 1), b)


register("lu_unpack", functional=("lu_unpack",), inputs=("LU_data", "LU_pivots", "unpack_data", "unpack_pivots"),
         primitive=False)(_lu_unpack)
register("lu_solve", functional=("lu_solve",), inputs=("b", "LU_data", "LU_pivots"), primitive=False)(_lu_solve)


@register("CheckNumerics")
def _check_numerics(x):
    """``x`` itself, after checking it holds no NaN or infinity (MindSpore's RuntimeError)."""
    check(x, lambda xp, v: (xp.any(xp.isnan(v)).reshape(1), lambda: RuntimeError(" : Tensor had NaN values"), ()))
    check(x, lambda xp, v: (xp.any(xp.isinf(v)).reshape(1), lambda: RuntimeError(" : Tensor had Inf values"), ()))
    return x


register("L2Loss")(jax.jit(lambda x: jnp.sum(x * x) / 2))
register("SquareSumAll")(jax.jit(lambda x, y: (jnp.sum(x * x), jnp.sum(y * y))))


@register("Pdist", attrs=(("p", 2.0),))
def _pdist_row(x, p=2.0):
    """The ``p``-norm distances between the rows of ``x`` (the upper triangle, row by row)."""
    i, j = np.triu_indices(x.shape[-2], 1)
    diff = jnp.abs(x[..., i, :] - x[..., j, :])
    return jnp.max(diff, -1) if p == float("inf") else jnp.sum(diff ** p, -1) ** (1.0 / p)


register("CompareAndBitpack")(jax.jit(lambda x, threshold: jnp.packbits(x > threshold, axis=-1)))


# ---- spectral ----------------------------------------------------------------------------------------------
@register("FFTWithSize", attrs=(("signal_ndim", REQUIRED), ("inverse", REQUIRED), ("real", REQUIRED),
                                ("norm", "backward"), ("onesided", True), ("signal_sizes", ())))
def _fft_with_size(x, signal_ndim, inverse, real, norm="backward", onesided=True, signal_sizes=()):
    """The (inverse) FFT over the last ``signal_ndim`` axes; ``real``: of real input (one-sided if ``onesided``),
    or back to a real output of ``signal_sizes``."""
    axes = tuple(range(-signal_ndim, 0))
    if not real:
        return (jnp.fft.ifftn if inverse else jnp.fft.fftn)(x, axes=axes, norm=norm).astype(x.dtype)
    if not inverse:
        out = jnp.fft.rfftn(x, axes=axes, norm=norm) if onesided else jnp.fft.fftn(x, axes=axes, norm=norm)
        return out.astype(jnp.complex64 if x.dtype == jnp.float32 else jnp.complex128)
    sizes = tuple(signal_sizes)[-signal_ndim:] if signal_sizes else None
    return jnp.fft.irfftn(x, s=sizes, axes=axes, norm=norm).astype(jnp.float32 if x.dtype == jnp.complex64
                                                                   else jnp.float64)


@register("STFT", attrs=(("n_fft", REQUIRED), ("hop_length", REQUIRED), ("win_length", REQUIRED),
                         ("normalized", REQUIRED), ("onesided", REQUIRED), ("return_complex", REQUIRED)))
def _stft(x, window, n_fft, hop_length, win_length, normalized, onesided, return_complex):
    """The short-time Fourier transform of the last axis: frames of ``n_fft`` every ``hop_length`` (no centering)
    times ``window`` (``win_length`` values centred in ``n_fft``), ``(..., freq, frames)``; real and imaginary parts
    on a last axis of 2 unless ``return_complex``."""
    frames = 1 + (x.shape[-1] - n_fft) // hop_length
    idx = np.arange(frames)[:, None] * hop_length + np.arange(n_fft)[None, :]
    left = (n_fft - win_length) // 2
    w = jnp.pad(window, (left, n_fft - win_length - left))
    spec = (jnp.fft.rfft if onesided else jnp.fft.fft)(x[..., idx] * w, axis=-1)
    if normalized:
        spec = spec / np.sqrt(n_fft)
    spec = jnp.swapaxes(spec, -1, -2).astype(jnp.complex64 if x.dtype == jnp.float32 else jnp.complex128)
    return spec if return_complex else jnp.stack([spec.real, spec.imag], -1)


# ---- windows --------------------------------------------------------------------------------------------
def _window_row(name, fn, attrs=()):
    def impl(length, periodic=True, dtype=mstype.float32, **params):
        """The window of ``length`` points (``periodic``: the first ``length`` of ``length + 1``) in ``dtype``."""
        n = int(np.asarray(length).reshape(-1)[0])
        size = n + 1 if periodic and n > 1 else n
        return jnp.asarray(fn(size, **params)[:n], mstype.to_mstype(dtype).np_dtype)
    register(name, attrs=(("periodic", True),) + attrs + (("dtype", mstype.float32),))(impl)


def _hamming(n, alpha=0.54, beta=0.46):
    return alpha - beta * np.cos(2 * np.pi * np.arange(n) / max(n - 1, 1))


_window_row("BartlettWindow", np.bartlett)
_window_row("BlackmanWindow", np.blackman)
_window_row("HammingWindow", _hamming, (("alpha", 0.54), ("beta", 0.46)))
