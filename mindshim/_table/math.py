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

from .. import _registry
from .._registry import REQUIRED, register
from ..common import dtype as mstype
from ..common._checks import check
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
    def check(x):
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
    "Erf": (jax.scipy.special.erf, _float_only("Erf"), ("erf",)),
    "Erfc": (jax.scipy.special.erfc, _float_only("Erfc"), ("erfc",)),
    "Floor": (jnp.floor, _float_only("Floor"), ("floor",)),
    "Ceil": (jnp.ceil, need_float("Ceil", "input_x"), ("ceil",)),
    "Trunc": (_cast_back(jnp.trunc), None, ("trunc",)),
    "Sign": (_sign, _check_sign, ("sign",)),
    "IsNan": (jnp.isnan, None, ("isnan",)),
    "IsFinite": (jnp.isfinite, None, ("isfinite",)),
    "IsInf": (jnp.isinf, _float_only("IsInf"), ("isinf",)),
    "LogicalNot": (jnp.logical_not, None, ("logical_not",)),
}
for _name, (_fn, _check, _functional) in _UNARY.items():
    register(_name, check=_check, functional=_functional, method=_functional[:1])(_fn)


# ---- special functions ------------------------------------------------------------------------------------
_GAUSS_LEGENDRE = np.polynomial.legendre.leggauss(96)


def _integral(f, upper):
    """``∫_0^upper f(t) dt`` per element (96-point Gauss-Legendre, in the dtype of ``upper``)."""
    nodes, weights = (jnp.asarray(v, upper.dtype) for v in _GAUSS_LEGENDRE)
    half = (upper / 2)[..., None]
    return jnp.sum(f(half * (nodes + 1)) * weights, -1) * half[..., 0]


def _bessel_k_scaled(x, n):
    """``K_n(x) e^x = ∫_0^∞ exp(-x (cosh t - 1)) cosh(n t) dt``, cut where the integrand is below ``e^-40``."""
    xe = x[..., None]
    return _integral(lambda t: jnp.exp(-xe * (jnp.cosh(t) - 1)) * jnp.cosh(n * t), jnp.arccosh(1 + 40 / x))


def _bessel_jy(x, n, kind):
    """``J_n``/``Y_n`` (``kind`` "J"/"Y") of ``x >= 0``: Bessel's integrals up to 25, Hankel's expansion beyond."""
    xe = x[..., None]
    pi = jnp.asarray(np.pi, x.dtype)
    if kind == "J":
        near = _integral(lambda t: jnp.cos(n * t - xe * jnp.sin(t)), jnp.full_like(x, np.pi)) / pi
    else:
        near = (_integral(lambda t: jnp.sin(xe * jnp.sin(t) - n * t), jnp.full_like(x, np.pi))
                - _integral(lambda t: (jnp.exp(n * t) + (-1) ** n * jnp.exp(-n * t)) * jnp.exp(-xe * jnp.sinh(t)),
                            jnp.arcsinh(40 / x) + 1)) / pi
    mu, z = 4 * n * n, 8 * jnp.maximum(x, 25)
    p = 1 - (mu - 1) * (mu - 9) / (2 * z * z)
    q = (mu - 1) / z - (mu - 1) * (mu - 9) * (mu - 25) / (6 * z * z * z)
    chi = jnp.maximum(x, 25) - (n / 2 + 0.25) * pi
    amp = jnp.sqrt(2 / (pi * jnp.maximum(x, 25)))
    far = amp * (p * jnp.cos(chi) - q * jnp.sin(chi) if kind == "J" else p * jnp.sin(chi) + q * jnp.cos(chi))
    return jnp.where(x > 25, far, near)


def _bessel_j(n):
    def fn(x):
        out = _bessel_jy(jnp.abs(x), n, "J")
        return jnp.where(x < 0, -out, jnp.where(x == 0, jnp.zeros((), x.dtype), out)) if n % 2 else out
    return fn


def _bessel_y(n):
    """``Y_n``; ``-inf`` for ``x < 0`` and at 0 (``Y1(0)``: NaN), as MindSpore's kernels."""
    def fn(x):
        out = _bessel_jy(jnp.where(x > 0, x, jnp.ones((), x.dtype)), n, "Y")
        at_zero = jnp.asarray(jnp.nan if n else -jnp.inf, x.dtype)
        return jnp.where(x > 0, out, jnp.where(x == 0, at_zero, jnp.asarray(-jnp.inf, x.dtype)))
    return fn


def _bessel_k(n, scaled):
    """``K_n`` (``scaled``: ``K_n(x) e^x``); ``inf`` for ``x <= 0``, as MindSpore's kernels."""
    def fn(x):
        safe = jnp.where(x > 0, x, jnp.ones((), x.dtype))
        out = _bessel_k_scaled(safe, n) * (1 if scaled else jnp.exp(-safe))
        return jnp.where(x > 0, out, jnp.asarray(jnp.inf, x.dtype))
    return fn


def _mish(x):
    """``x * tanh(softplus(x))``."""
    return x * jnp.tanh(jax.nn.softplus(x))


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


def _digamma(x):
    """``digamma``; ``-inf`` at 0, as MindSpore's kernel."""
    return jnp.where(x == 0, jnp.asarray(-jnp.inf, x.dtype), jax.scipy.special.digamma(x))


def _in_float32(fn):
    """``fn`` on integers computed in Float32 (``Lgamma``'s output) or cast back (``SeLU``'s)."""
    return lambda x: fn(_to_float(x))


# name: (lowering, the input's name in MindSpore's type error; None: the CPU kernel's error, ``...``: none).
_SPECIAL = {
    "BesselI0": (jax.scipy.special.i0, "x"), "BesselI0e": (jax.scipy.special.i0e, "input_x"),
    "BesselI1": (jax.scipy.special.i1, "x"), "BesselI1e": (jax.scipy.special.i1e, None),
    "BesselJ0": (_bessel_j(0), "x"), "BesselJ1": (_bessel_j(1), "x"),
    "BesselY0": (_bessel_y(0), "x"), "BesselY1": (_bessel_y(1), "x"),
    "BesselK0": (_bessel_k(0, False), "x"), "BesselK0e": (_bessel_k(0, True), "x"),
    "BesselK1": (_bessel_k(1, False), "x"), "BesselK1e": (_bessel_k(1, True), "x"),
    "Digamma": (_digamma, "input"), "Rint": (jnp.rint, "x"), "Mish": (_mish, "input_x"),
    "Softsign": (lambda x: x / (1 + jnp.abs(x)), "input_x"),
    "Lgamma": (_in_float32(jax.scipy.special.gammaln), ...),
    "SeLU": (lambda x: jax.nn.selu(_to_float(x)).astype(x.dtype), ...),
}
for _name, (_fn, _arg) in _SPECIAL.items():
    _check = None if _arg is ... else _float_only(_name) if _arg is None else _types(_name, ((_arg, 0),))
    register(_name, check=_check)(jax.jit(_fn))


@register("Inv")
@jax.jit
def _inv(x):
    """``1 / x``; integers divide as integers (truncating), as MindSpore's kernel."""
    return jax.lax.div(jnp.ones_like(x), x) if dtype_kind(x) in "iu" else jnp.reciprocal(x)


register("ComplexAbs", check=_types("ComplexAbs", (("x", 0),), ("Complex128", "Complex64")))(jnp.abs)
register("Imag")(jnp.imag)
register("PopulationCount", check=_types("PopulationCount", (("input_x", 0),), (
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
_BINARY = {
    "Xdivy": (_xdivy, _types("Xdivy", (("x", 0),), _COMPLEX_FLOATS)),
    "Xlogy": (lambda x, y: x * jnp.log(y), _float_kernel("Xlogy")),
    "Fmax": (jnp.fmax, None), "Fmin": (jnp.fmin, None),
    "Hypot": (jnp.hypot, _types("Hypot", (("x1", 0), ("x2", 1)), _F32_F64)),
    "Heaviside": (lambda x, v: jnp.heaviside(x, v).astype(jnp.result_type(x, v)), None),
    "Lcm": (jnp.lcm, _types("Lcm", (("x1", 0), ("x2", 1)), ("Int32", "Int64"))),
    "Gcd": (jnp.gcd, _types("Gcd", (("x1", 0), ("x2", 1)), ("Int32", "Int64"))),
    "LeftShift": (jnp.left_shift, _shift_check("LeftShift")),
    "RightShift": (jnp.right_shift, _shift_check("RightShift")),
    "DivNoNan": (_no_nan(jnp.divide), _float_kernel("DivNoNan")), "MulNoNan": (_no_nan(jnp.multiply), None),
    "Igamma": (jax.scipy.special.gammainc, _types("Igamma", (("a", 0), ("x", 1)), _F32_F64)),
    "Igammac": (jax.scipy.special.gammaincc, _types("Igammac", (("a", 0), ("x", 1)), _F32_F64)),
    "Zeta": (jax.scipy.special.zeta, _types("Zeta", (("q", 1), ("x", 0)), _F32_F64)),
    "Complex": (jax.lax.complex, _types("Complex", (("imag", 1), ("real", 0)), _F32_F64)),
    "Polar": (_polar, _types("Polar", (("abs", 0), ("angle", 1)), _F32_F64)),
    "NextAfter": (jnp.nextafter, _types("NextAfter", (("x1", 0), ("x2", 1)), _F32_F64)),
}


def _both(first, second):
    def check(*inputs):
        first(*inputs)
        second(*inputs)
    return check


for _name, (_fn, _check) in _BINARY.items():
    register(_name, check=_both(_check, check_broadcast(_name)) if _check else check_broadcast(_name), promote=True,
             check_on_error=_check is None)(jax.jit(_fn))


@register("Polygamma")
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


@register("IsClose", attrs=(("rtol", 1e-5), ("atol", 1e-8), ("equal_nan", True)))
def _isclose(x, y, rtol=1e-5, atol=1e-8, equal_nan=True):
    """``|x - y| <= atol + rtol * |y|``, NaNs equal if ``equal_nan``."""
    return jnp.isclose(x, y, rtol=rtol, atol=atol, equal_nan=equal_nan)


@register("Addcdiv")
@jax.jit
def _addcdiv(x, x1, x2, value):
    """``x + value * x1 / x2``."""
    return x + value * x1 / x2


@register("Addcmul")
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


@register("Svd", attrs=(("full_matrices", False), ("compute_uv", True)), check=need_float("Svd", "input"))
def _svd(x, full_matrices=False, compute_uv=True):
    """``(s, u, v)`` with ``x = u @ diag(s) @ v^H`` over the last two axes (``v``, not its transpose)."""
    if not compute_uv:
        raise NotImplementedError("mindspore.ops.Svd with compute_uv=False is not supported by mindshim yet.")
    u, s, vh = jnp.linalg.svd(x, full_matrices=full_matrices)
    return s, u, jnp.conj(jnp.swapaxes(vh, -1, -2))


@register("CheckNumerics")
def _check_numerics(x):
    """``x`` itself, after checking it holds no NaN or infinity (MindSpore's RuntimeError)."""
    check(x, lambda xp, v: (xp.any(xp.isnan(v)).reshape(1), lambda: RuntimeError(" : Tensor had NaN values"), ()))
    check(x, lambda xp, v: (xp.any(xp.isinf(v)).reshape(1), lambda: RuntimeError(" : Tensor had Inf values"), ()))
    return x


register("L2Loss")(jax.jit(lambda x: jnp.sum(x * x) / 2))
register("SquareSumAll")(jax.jit(lambda x, y: (jnp.sum(x * x), jnp.sum(y * y))))


@register("Renorm", attrs=(("p", REQUIRED), ("dim", REQUIRED), ("maxnorm", REQUIRED)))
def _renorm(x, p, dim, maxnorm):
    """Each slice along ``dim`` whose ``p``-norm exceeds ``maxnorm`` scaled down to norm ``maxnorm``."""
    axes = tuple(i for i in range(x.ndim) if i != dim % x.ndim)
    norm = jnp.sum(jnp.abs(x) ** p, axis=axes, keepdims=True) ** (1.0 / p)
    return jnp.where(norm > maxnorm, x * (maxnorm / (norm + 1e-7)), x).astype(x.dtype)


@register("Pdist", attrs=(("p", 2.0),))
def _pdist(x, p=2.0):
    """The ``p``-norm distances between the rows of ``x`` (the upper triangle, row by row)."""
    i, j = np.triu_indices(x.shape[-2], 1)
    diff = jnp.abs(x[..., i, :] - x[..., j, :])
    return jnp.max(diff, -1) if p == float("inf") else jnp.sum(diff ** p, -1) ** (1.0 / p)


@register("Histogram", attrs=(("bins", 100), ("min", 0.0), ("max", 0.0)))
def _histogram(x, bins=100, min=0.0, max=0.0):  # noqa: A002  (MindSpore's attribute names)
    """The counts of ``x`` in ``bins`` equal bins over ``[min, max]`` (the data's range where both are 0), as
    Float32; values outside are dropped."""
    lo, hi = (jnp.min(x), jnp.max(x)) if min == max == 0 else (min, max)
    return jnp.histogram(x.astype(jnp.float32), bins, (lo, hi))[0].astype(jnp.float32)


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
