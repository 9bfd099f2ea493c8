"""Op-table rows: nn ops (see ``mindshim._registry``): activations, linear, convolution, pooling,
normalization, dropout, padding, sort and top-k.

Lowerings are pure JAX; ``check`` raises the error MindSpore 2.10 (CPU) raises for the same input. Where
MindSpore's gradient differs from JAX's (ReLU6 and HSwish at their boundaries, Elu, GeLU, the output-based
Sigmoid/Tanh grads, and the normalizations, whose statistics outputs carry no gradient) the row has MindSpore's
``bprop``. Float32 Sigmoid, SiLU and Tanh reproduce MindSpore's CPU kernels, which approximate exp and tanh
(Tanh by up to 1e-4), so that values match MindSpore's rather than the exact functions.
"""
import functools
import itertools
import math

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

from .._registry import REQUIRED, get, register
from ..common import dtype as mstype
from ..common.seed import next_key
from ._checks import need_float, norm_axes, same_type, tname

_F16_F32 = ("Float16", "Float32")
_F16_F64 = ("Float16", "Float32", "Float64")
_BF16_F64 = ("BFloat16", "Float16", "Float32", "Float64")


def _need(op, arg, allowed):
    """MindSpore's dtype check in its ``{Tensor[Float16], ...}`` form."""
    names = "{" + ", ".join(f"Tensor[{t}]" for t in allowed) + "}"

    def check(x, *_, **__):
        if str(mstype.to_mstype(x.dtype)) not in allowed:
            raise TypeError(f"For primitive[{op}], the input argument[{arg}] must be a type of {names}, but got "
                            f"{tname(x)}.")
    return check


def _cpu_kernel(op):
    """MindSpore's CPU kernel selection error for a non-float input."""
    def check(x, *_, **__):
        if not jnp.issubdtype(x.dtype, jnp.floating):
            raise TypeError(f"Select CPU operator[{op}] fail! Unsupported data type!")
    return check


def _nchw_only(op, data_format):
    if data_format not in ("NCHW", "NCDHW"):
        raise NotImplementedError(f"mindspore.ops.{op} with data_format='{data_format}' is not supported by "
                                  "mindshim yet.")


def _vec(values):
    """MindSpore's ``[const vector]{1, 2}`` rendering of a shape in error messages."""
    return "[const vector]{" + ", ".join(str(int(v)) for v in values) + "}"


def _tuple(value, n, name="value"):
    """An int or a tuple as an ``n``-tuple; MindSpore also accepts the ``(1, 1, h, w)`` form."""
    if isinstance(value, int):
        return (value,) * n
    value = tuple(value)
    if len(value) == n:
        return value
    if len(value) == n + 2:
        return value[2:]
    if len(value) == 1:
        return value * n
    raise ValueError(f"The '{name}' must be an int or a tuple of {n} ints, but got {value}.")


def _same_pads(size, kernel, stride, dilation=None):
    """TensorFlow-style 'same' padding (the extra pixel at the end), as MindSpore computes it."""
    dilation = dilation or (1,) * len(size)
    pads = []
    for n, k, s, d in zip(size, kernel, stride, dilation):
        out = -(-n // s)
        need = max(0, (out - 1) * s + (k - 1) * d + 1 - n)
        pads.append((need // 2, need - need // 2))
    return tuple(pads)


def _register_jit(name, attrs=(), check=None, bprop=None, static=(), stat_outputs=None, effect=None, **views):
    """``register`` for a lowering of several ops: compiled once per shape and attributes, so that an eager call
    runs one XLA program (under an outer trace it is inlined). ``static``: positions of Python-valued inputs.
    ``stat_outputs``: the lowering's trailing inputs that only feed statistics outputs (see ``_zero_stat_grads``);
    ``views``: as ``register``'s."""
    def deco(impl):
        fn = jax.jit(impl, static_argnames=tuple(k for k, _ in attrs), static_argnums=static)
        if stat_outputs is not None:
            bprop_fn = _zero_stat_grads(stat_outputs)(fn)
        else:
            bprop_fn = bprop
        register(name, attrs=attrs, check=check, bprop=bprop_fn, effect=effect, **views)(fn)
        return fn
    return deco


# ---- activations ------------------------------------------------------------------------------------
_GELU_A, _GELU_B = 0.7978845608, 0.044715


def _gelu_bprop(inputs, out, dout):
    """MindSpore's GeLUGrad, ``0.5 ((1 + t) + x (1 - t^2) (a + 3ab x^2))`` with ``t = tanh(a (x + b x^3))``,
    written with sigmoids (``1 + t = 2 s(2z)``): JAX's own derivative loses the far negative tail to cancellation."""
    (x,) = inputs
    a, b = jnp.asarray(_GELU_A, x.dtype), jnp.asarray(_GELU_B, x.dtype)
    z2 = 2 * a * (x + b * x * x * x)
    s, s_neg = jax.nn.sigmoid(z2), jax.nn.sigmoid(-z2)
    return (dout * (s + 2 * x * s * s_neg * (a + 3 * a * b * x * x)),)


@register("GeLU", check=need_float("GeLU", "x"), bprop=_gelu_bprop)
def _gelu(x):
    """The tanh approximation ``0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))``."""
    return jax.nn.gelu(x, approximate=True)


def _fast_gelu(x):
    """``x / (1 + exp(-1.702|x|)) * exp(0.851 (x - |x|))``, MindSpore's FastGeLU."""
    a = jnp.abs(x)
    return x / (1 + jnp.exp(-1.702 * a)) * jnp.exp(0.851 * (x - a))


def _softplus(x):
    """``log(1 + exp(x))`` computed as MindSpore's kernel does (no log1p); ``x`` where exp overflows."""
    limit = math.log(float(jnp.finfo(x.dtype).max)) - 1
    return jnp.where(x > limit, x, jnp.log(1 + jnp.exp(jnp.minimum(x, limit))))


def _cpu_exp32(x):
    """MindSpore's CPU exp for float32 (nnacl): ``2^n e^r`` with a degree-5 polynomial for ``e^r``
    (relative error up to ~5e-6); its Sigmoid and SiLU are built on it."""
    x = jnp.clip(x, -87.3365478515625, 88.72283935546875)
    n = jnp.floor(x * 1.44269504088896341 + 0.5)
    r = x - n * 0.693147
    scale = lax.bitcast_convert_type(lax.shift_left(n.astype(jnp.int32) + 126, jnp.int32(23)), jnp.float32)
    return 2 * scale * (1 + r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120))))))


def _sigmoid_value(x):
    return 1 / (1 + _cpu_exp32(-x)) if x.dtype == jnp.float32 else jax.nn.sigmoid(x)


def _sigmoid_bprop(inputs, out, dout):
    """MindSpore's SigmoidGrad, from the output: ``dout * out * (1 - out)``."""
    return (dout * out * (1 - out),)


@register("Sigmoid", check=_cpu_kernel("Sigmoid"), bprop=_sigmoid_bprop, functional=("sigmoid",), method=("sigmoid",))
@jax.jit  # a dozen ops: one compiled program per shape in PyNative, not one per op
def _sigmoid(x):
    """``1 / (1 + exp(-x))``; float32 with MindSpore's CPU exp (see ``_cpu_exp32``)."""
    return _sigmoid_value(x)


def _silu_bprop(inputs, out, dout):
    """MindSpore's SiLUGrad: ``dout * s (1 + x (1 - s))`` with ``s = sigmoid(x)``."""
    (x,) = inputs
    s = _sigmoid_value(x)
    return (dout * s * (1 + x * (1 - s)),)


@register("SiLU", check=_cpu_kernel("Sigmoid"), bprop=_silu_bprop, functional=("silu",))
@jax.jit
def _silu(x):
    """``x * sigmoid(x)``; float32 with MindSpore's CPU exp."""
    return x * _sigmoid_value(x)


def _tanh_bprop(inputs, out, dout):
    """MindSpore's TanhGrad, from the output: ``dout * (1 - out^2)``."""
    return (dout * (1 - out * out),)


@register("Tanh", check=_cpu_kernel("Tanh"), bprop=_tanh_bprop, functional=("tanh",), method=("tanh",))
def _tanh(x):
    """Hyperbolic tangent. Float32 uses MindSpore's CPU kernel (nnacl): the rational approximation
    ``x (x^6 + 378 x^4 + 17325 x^2 + 135135) / (28 x^6 + 3150 x^4 + 62370 x^2 + 135135)`` clipped to [-1, 1]
    (within 1e-4 of tanh; exactly +-1 from |x| ~ 4.97 on)."""
    if x.dtype != jnp.float32:
        return jnp.tanh(x)
    xc = jnp.clip(x, -10, 10)
    sq = xc * xc
    a = (((sq + 378) * sq + 17325) * sq + 135135) * xc
    b = ((28 * sq + 3150) * sq + 62370) * sq + 135135
    return jnp.clip(a / b, -1, 1)


_ACTIVATIONS = {  # name: (lowering, check, functional views)
    "FastGeLU": (_fast_gelu, need_float("FastGeLU", "x"), ("fast_gelu",)),
    "Softplus": (_softplus, _need("Softplus", "x", _F16_F64), ()),
    "HSigmoid": (jax.nn.hard_sigmoid, _need("HSigmoid", "input_x", _F16_F64), ("hardsigmoid",)),
}
for _name, (_fn, _check, _functional) in _ACTIVATIONS.items():
    register(_name, check=_check, functional=_functional)(_fn)


def _relu6_bprop(inputs, out, dout):
    """MindSpore's ReLU6Grad: ``dout`` where ``0 < x <= 6`` (JAX's gradient is 0 at 6)."""
    (x,) = inputs
    return (jnp.where((x > 0) & (x <= 6), dout, jnp.zeros_like(dout)),)


@register("ReLU6", check=_need("ReLU6", "input_x", _F16_F32), bprop=_relu6_bprop, functional=("relu6",))
def _relu6(x):
    return jnp.clip(x, 0, 6).astype(x.dtype)


def _hswish_bprop(inputs, out, dout):
    """MindSpore's HSwishGrad: ``(2x + 3) / 6`` on the closed interval ``[-3, 3]``."""
    (x,) = inputs
    grad = jnp.where(x < -3, 0, jnp.where(x > 3, 1, (2 * x + 3) / 6)).astype(dout.dtype)
    return (dout * grad,)


@register("HSwish", bprop=_hswish_bprop, functional=("hardswish",))
@jax.jit
def _hswish(x):
    """``x * relu6(x + 3) / 6``; integer inputs use integer arithmetic (truncating division), as MindSpore."""
    if jnp.issubdtype(x.dtype, jnp.integer):
        return lax.div(x * jnp.clip(x + 3, 0, 6), jnp.asarray(6, x.dtype))
    return x * jnp.clip(x + 3, 0, 6) / 6


def _check_elu(x, alpha=1.0):
    if alpha != 1.0:
        raise ValueError("EluIn Elu, alpha must be 1.0f.")
    need_float("Elu", "input_x")(x)


def _elu_bprop(inputs, out, dout, alpha=1.0):
    """MindSpore's EluGrad from the output: ``dout * (out + alpha)`` where ``x <= 0``."""
    (x,) = inputs
    return (jnp.where(x > 0, dout, dout * (out + alpha)),)


@register("Elu", attrs=(("alpha", 1.0),), check=_check_elu, bprop=_elu_bprop, functional=("elu",),
          inputs=("input_x", "alpha"))
def _elu(x, alpha=1.0):
    return jax.nn.elu(x, alpha)


def _check_shrink(op):
    def check(x, lambd=0.5):
        if mstype.to_mstype(x.dtype) not in (mstype.bfloat16, mstype.float16, mstype.float32):
            raise TypeError(f"For primitive[{op}], the input argument[input_x] must be a type of {{BFloat16, "
                            f"Float16, Float32}}, but got {mstype.to_mstype(x.dtype)}.")
    return check


@register("HShrink", attrs=(("lambd", 0.5),), check=_check_shrink("HShrink"), functional=("hardshrink",),
          inputs=("input", "lambd"))
def _hshrink(x, lambd=0.5):
    """``x`` where ``|x| > lambd``, else 0."""
    return jnp.where(jnp.abs(x) > lambd, x, jnp.zeros_like(x))


@register("SoftShrink", attrs=(("lambd", 0.5),), check=_check_shrink("SoftShrink"), functional=("softshrink",),
          inputs=("input", "lambd"))
def _softshrink(x, lambd=0.5):
    """``x - lambd`` above ``lambd``, ``x + lambd`` below ``-lambd``, else 0."""
    return jnp.where(x > lambd, x - lambd, jnp.where(x < -lambd, x + lambd, jnp.zeros_like(x))).astype(x.dtype)


@register("CeLU", attrs=(("alpha", 1.0),), check=_need("CeLU", "input_x", _F16_F64), functional=("celu",),
          inputs=("x", "alpha"))
def _celu(x, alpha=1.0):
    """``max(0, x) + min(0, alpha * (exp(x / alpha) - 1))``."""
    return jax.nn.celu(x, alpha).astype(x.dtype)


@register("SeLU", check=need_float("SeLU", "input_x"), functional=("selu",), inputs=("input_x",))
def _selu(x):
    """``scale * elu(x, alpha)`` with MindSpore's (PyTorch's) constants."""
    return jax.nn.selu(x)


@register("Softsign", check=_need("Softsign", "input_x", _F16_F64), functional=("softsign",), inputs=("x",))
def _softsign(x):
    """``x / (1 + |x|)``."""
    return x / (1 + jnp.abs(x))


@register("Mish", check=_need("Mish", "input_x", _F16_F64), functional=("mish",), inputs=("x",))
def _mish(x):
    """``x * tanh(softplus(x))``."""
    return x * jnp.tanh(jax.nn.softplus(x))


def _check_glu(x, axis=-1):
    need_float("GLU", "x")(x)
    if x.shape[axis] % 2:
        raise RuntimeError(f"For GLU, halving dimension must be even, but dimension {axis % x.ndim} is size "
                           f"{x.shape[axis]}.")


@register("GLU", attrs=(("axis", -1),), check=_check_glu)
def _glu(x, axis=-1):
    """``a * sigmoid(b)`` for the halves ``a, b`` of ``x`` along ``axis``."""
    a, b = jnp.split(x, 2, axis=axis)
    return a * _sigmoid_value(b)


def _check_prelu(x, weight):
    if x.dtype not in (jnp.float16, jnp.float32):
        raise TypeError(f"For primitive[PReLU], the input argument[x] must be a type of {{Float16, Float32}}, but "
                        f"got {mstype.to_mstype(x.dtype)}.")
    channels = x.shape[1] if x.ndim >= 2 else 1
    if weight.ndim != 1 or weight.shape[0] not in (1, channels):
        raise ValueError(f"For 'Prelu', the length of 'weight' must be equal to number of channels: {channels}, but "
                         f"got {_vec(weight.shape)}.")


@register("PReLU", check=_check_prelu, inputs=("input", "weight"))
def _prelu_row(x, weight):
    """``x`` where positive, else ``weight * x``; ``weight`` per channel (axis 1) or one value."""
    w = weight.astype(x.dtype).reshape((-1,) + (1,) * (x.ndim - 2)) if x.ndim >= 2 else weight.astype(x.dtype)
    return jnp.where(x > 0, x, w * x)


# ---- linear -----------------------------------------------------------------------------------------
def _check_bias_add(x, bias, data_format="NCHW"):
    if not 2 <= x.ndim <= 5:
        raise ValueError(f"For primitive[BiasAdd], the rank of input_x must be in [2,5], but got {x.ndim}.")
    channel = x.shape[-1 if data_format == "NHWC" else 1]
    if bias.ndim != 1 or bias.shape[0] != channel:
        raise ValueError(f"For 'BiasAdd', bias[0] shape should be equal to input_x[1] shape when data_format is 0, "
                         f"but got bias shape: .{_vec(bias.shape)}, input_shape: {_vec(x.shape)}.")


@_register_jit("BiasAdd", attrs=(("data_format", "NCHW"),), check=_check_bias_add, functional=("bias_add",),
               inputs=("input_x", "bias"))
def _bias_add(x, bias, data_format="NCHW"):
    if data_format == "NHWC":
        return x + bias
    return x + bias.reshape((1, -1) + (1,) * (x.ndim - 2))


def _check_batch_matmul(x, y, transpose_a=False, transpose_b=False):
    for name, t in (("x", x), ("y", y)):
        if t.ndim < 2:
            raise ValueError(f"For 'BatchMatMul', the input '{name}' must be a 2D or higher dimensional Tensor, but "
                             f"got {t.ndim}D shape {_vec(t.shape)}")
    same_type("BatchMatMul", x, y)
    col = x.shape[-2 if transpose_a else -1]
    row = y.shape[-1 if transpose_b else -2]
    if col != row:
        raise ValueError(f"For BatchMatMul, the row of the input 'y' should be same as the col of the input 'x', with "
                         f"x shape {_vec(x.shape)}(transpose_a={int(transpose_a)}), y shape {_vec(y.shape)}"
                         f"(transpose_b={int(transpose_b)})")
    if x.shape[:-2] != y.shape[:-2]:
        raise ValueError(f"For BatchMatMul, inputs shape cannot be broadcast on CPU/GPU, with x shape "
                         f"{_vec(x.shape)}, y shape {_vec(y.shape)}")


@register("BatchMatMul", attrs=(("transpose_a", False), ("transpose_b", False)), check=_check_batch_matmul,
          functional=("bmm",), inputs=("input_x", "mat2"))
def _batch_matmul(x, y, transpose_a=False, transpose_b=False):
    return jnp.matmul(jnp.swapaxes(x, -1, -2) if transpose_a else x, jnp.swapaxes(y, -1, -2) if transpose_b else y)


def _check_dense(x, w, b=None):
    col, row = x.shape[-1], w.shape[-1]
    if col != row:
        raise ValueError(f"Dense shape error, got x_col: {col}, w_row: {row}. In Dense x_col and w_row should be "
                         f"equal. if the dim of w is 2.")


@register("Dense", check=_check_dense, functional=("dense",), inputs=("input", "weight", "bias"))
@jax.jit
def _dense(x, w, b=None):
    """``x @ w.T + b`` (``w`` of rank 1 or 2, ``b`` optional)."""
    out = jnp.matmul(x, w.T if w.ndim == 2 else w)
    return out if b is None else out + b


# ---- convolution ------------------------------------------------------------------------------------
_CONV_LAYOUT = {2: ("NCHW", "OIHW", "NCHW"), 3: ("NCDHW", "OIDHW", "NCDHW")}


def _conv_pads(nd, size, kernel, stride, dilation, pad_mode, pad):
    mode = pad_mode.lower()
    if mode == "same":
        return _same_pads(size, kernel, stride, dilation)
    if mode == "pad":
        p = (pad,) * (2 * nd) if isinstance(pad, int) else tuple(pad)
        return tuple((p[2 * i], p[2 * i + 1]) for i in range(nd))
    return ((0, 0),) * nd


def _conv_check(op, nd):
    layer = {2: "Conv2d", 3: "Conv3d"}[nd]

    def check(x, w, out_channel=None, kernel_size=None, mode=1, pad_mode="valid", pad=0, stride=1, dilation=1,
              group=1, data_format="NCHW"):
        _nchw_only(op, data_format)
        for name, t in (("x", x), ("w", w)):
            if t.ndim != nd + 2:
                raise ValueError(f"For primitive[{op}], the {name} shape size must be equal to {nd + 2}, but got "
                                 f"{t.ndim}.")
        if x.dtype != w.dtype:
            raise TypeError(f"For primitive[{op}], the input type must be same.")
        if not jnp.issubdtype(x.dtype, jnp.floating):
            raise TypeError(f"For primitive[{op}], the input argument[x] must be a type of "
                            f"{{Tensor[Float16], Tensor[Float32]}}, but got {tname(x)}.")
        kernel = _tuple(kernel_size, nd, "kernel_size")
        if w.shape[0] != out_channel:
            raise RuntimeError(f"For '{op}', 'w_shape[0]' must be equal to 'out_channel', but got 'w_shape[0]': "
                               f"{w.shape[0]}, 'out_channel': {out_channel}.")
        for i in range(nd):
            if w.shape[2 + i] != kernel[i]:
                raise RuntimeError(f"For '{op}', 'w_shape[{2 + i}]' must be equal to 'kernel_size[{i}]', but got "
                                   f"'w_shape[{2 + i}]': {w.shape[2 + i]}, 'kernel_size[{i}]': {kernel[i]}.")
        if x.shape[1] // group != w.shape[1]:
            raise RuntimeError(f"For '{op}', 'C_in' of input 'x' shape divide by parameter 'group' must be equal to "
                               f"'C_in' of input 'weight' shape: {w.shape[1]}, but got 'C_in' of input 'x' shape: "
                               f"{x.shape[1]}, and 'group': {group}.")
        dil = _tuple(dilation, nd, "dilation")
        pads = _conv_pads(nd, x.shape[2:], kernel, _tuple(stride, nd, "stride"), dil, pad_mode, pad)
        if any(n + lo + hi < (k - 1) * d + 1 for n, (lo, hi), k, d in zip(x.shape[2:], pads, kernel, dil)):
            raise ValueError(f"For '{layer}', input shape's h and w after padding must be greater than or equal to "
                             "kernel_size's h and w respectively.")
    return check


def _conv(nd, x, w, kernel_size, pad_mode, pad, stride, dilation, group):
    kernel, strides, dil = _tuple(kernel_size, nd), _tuple(stride, nd), _tuple(dilation, nd)
    pads = _conv_pads(nd, x.shape[2:], kernel, strides, dil, pad_mode, pad)
    return lax.conv_general_dilated(x, w, strides, pads, rhs_dilation=dil, feature_group_count=group,
                                    dimension_numbers=_CONV_LAYOUT[nd])


def _conv_row(op, nd, data_format):
    def impl(x, w, out_channel=None, kernel_size=None, mode=1, pad_mode="valid", pad=0, stride=1, dilation=1,
             group=1, data_format=data_format):
        return _conv(nd, x, w, kernel_size, pad_mode, pad, stride, dilation, group)
    impl.__doc__ = f"{nd}-D convolution ({data_format}); pad_mode 'valid', 'same' (extra padding at the end) or 'pad'."
    _register_jit(op, attrs=(("out_channel", None), ("kernel_size", None), ("mode", 1), ("pad_mode", "valid"),
                             ("pad", 0), ("stride", 1), ("dilation", 1), ("group", 1), ("data_format", data_format)),
                  check=_conv_check(op, nd))(impl)


_conv_row("Conv2D", 2, "NCHW")


@register("LSTM", attrs=(("input_size", REQUIRED), ("hidden_size", REQUIRED), ("num_layers", REQUIRED),
                         ("has_bias", REQUIRED), ("bidirectional", REQUIRED), ("dropout", REQUIRED), ("proj_size", 0)))
def _lstm(x, h0, c0, w, input_size=REQUIRED, hidden_size=REQUIRED, num_layers=REQUIRED, has_bias=REQUIRED,
          bidirectional=REQUIRED, dropout=REQUIRED, proj_size=0):
    """``(output, h_n, c_n, reserve, state)`` of a one-layer LSTM over ``(T, N, input_size)`` with the flat weights
    ``w`` as MindSpore's CPU kernel (oneDNN) reads them: every direction's ``w_ih`` ``(4H, input_size)``, then every
    ``w_hh`` ``(4H, H)``, then one ``4H`` bias per direction (the rest of the ``8H`` per direction is unused: the
    CPU kernel adds no second bias); gates i, f, g, o. ``reserve`` and ``state`` (MindSpore's kernel workspace)
    are zeros of shape ``(1, 1)``. Stacked layers and projections are not supported."""
    if num_layers != 1 or proj_size:
        raise NotImplementedError("mindspore.ops.LSTM with num_layers > 1 or proj_size is not supported by mindshim "
                                  "yet.")
    dirs, hid = 2 if bidirectional else 1, hidden_size
    flat = w.reshape(-1)
    sizes = [4 * hid * input_size] * dirs + [4 * hid * hid] * dirs + ([4 * hid] * dirs if has_bias else [])
    parts = jnp.split(flat[:sum(sizes)], np.cumsum(sizes)[:-1])
    outs, hs, cs = [], [], []
    for d in range(dirs):
        w_ih, w_hh = parts[d].reshape(4 * hid, input_size), parts[dirs + d].reshape(4 * hid, hid)
        bias = parts[2 * dirs + d] if has_bias else 0

        def step(carry, xt, w_ih=w_ih, w_hh=w_hh, bias=bias):
            h, c = carry
            i, f, g, o = jnp.split(xt @ w_ih.T + h @ w_hh.T + bias, 4, -1)
            c = jax.nn.sigmoid(f) * c + jax.nn.sigmoid(i) * jnp.tanh(g)
            h = jax.nn.sigmoid(o) * jnp.tanh(c)
            return (h, c), h
        (h, c), seq = lax.scan(step, (h0[d], c0[d]), x, reverse=d == 1)
        outs.append(seq)
        hs.append(h)
        cs.append(c)
    placeholder = jnp.zeros((1, 1), x.dtype)
    return jnp.concatenate(outs, -1), jnp.stack(hs), jnp.stack(cs), placeholder, placeholder
_conv_row("Conv3D", 3, "NCDHW")


_DECONV_ATTRS = (("out_channel", None), ("kernel_size", None), ("pad_mode", "valid"), ("pad", 0), ("pad_list", None),
                 ("mode", 1), ("stride", 1), ("dilation", 1), ("group", 1), ("data_format", "NCHW"))


@functools.partial(jax.jit, static_argnums=tuple(range(2, 10)))
def _deconv(dout, w, shape, kernel_size, pad_mode, pad, stride, dilation, group, nd=2):
    _, vjp = jax.vjp(lambda z: _conv(nd, z, w, kernel_size, pad_mode, pad, stride, dilation, group),
                     jnp.zeros(shape, dout.dtype))
    return vjp(dout)[0]


def _conv2d_backprop_input(dout, w, input_size, out_channel=None, kernel_size=None, pad_mode="valid", pad=0,
                           pad_list=None, mode=1, stride=1, dilation=1, group=1, data_format="NCHW"):
    """The gradient of Conv2D with respect to its input of shape ``input_size`` (a transposed convolution)."""
    shape = tuple(int(s) for s in (np.asarray(input_size).tolist() if hasattr(input_size, "shape") else input_size))
    return _deconv(dout, w, shape, kernel_size, pad_mode, tuple(pad_list) if pad_list else pad, stride, dilation,
                   group)


for _name in ("Conv2DBackpropInput", "Conv2DTranspose"):
    register(_name, attrs=_DECONV_ATTRS)(_conv2d_backprop_input)


def _deconv3d_shape(dout, w, kernel_size, pad_mode, pad, stride, dilation, group, output_padding):
    """The input shape of the Conv3D whose gradient is this transposed convolution."""
    k, s, d, op = (_tuple(v, 3) for v in (kernel_size, stride, dilation, output_padding))
    pads = (pad,) * 6 if isinstance(pad, int) else tuple(pad)
    size = []
    for i, n in enumerate(dout.shape[2:]):
        if pad_mode.lower() == "same":
            size.append(n * s[i])
        else:
            size.append((n - 1) * s[i] - pads[2 * i] - pads[2 * i + 1] + d[i] * (k[i] - 1) + 1 + op[i])
    return (dout.shape[0], w.shape[1] * group) + tuple(size)


def _check_conv3d_transpose(dout, w, in_channel=None, out_channel=None, kernel_size=None, mode=1, pad_mode="valid",
                            pad=0, stride=1, dilation=1, group=1, output_padding=0, data_format="NCDHW"):
    _nchw_only("Conv3DTranspose", data_format)
    for name, t in (("dout", dout), ("weight", w)):
        if t.ndim != 5:
            raise ValueError(f"For primitive[Conv3DTranspose], the {name} shape size must be equal to 5, but got "
                             f"{t.ndim}.")
    if dout.dtype != w.dtype:
        raise TypeError("For primitive[Conv3DTranspose], the input type must be same.")
    if dout.shape[1] != w.shape[0]:
        raise ValueError(f"For 'Conv3DTranspose', 'C_in' of input 'dout' shape must be equal to 'C_in' of input "
                         f"'weight' shape: {w.shape[0]}, but got {dout.shape[1]}.")


@register("Conv3DTranspose", attrs=(("in_channel", None), ("out_channel", None), ("kernel_size", None), ("mode", 1),
                                    ("pad_mode", "valid"), ("pad", 0), ("stride", 1), ("dilation", 1), ("group", 1),
                                    ("output_padding", 0), ("data_format", "NCDHW")), check=_check_conv3d_transpose)
def _conv3d_transpose(dout, w, in_channel=None, out_channel=None, kernel_size=None, mode=1, pad_mode="valid", pad=0,
                      stride=1, dilation=1, group=1, output_padding=0, data_format="NCDHW"):
    """Transposed 3-D convolution (NCDHW): the gradient of Conv3D with respect to its input; weight
    ``(C_in, C_out / group, kd, kh, kw)``; ``output_padding`` extends the end of each output axis."""
    shape = _deconv3d_shape(dout, w, kernel_size, pad_mode, pad, stride, dilation, group, output_padding)
    pad = pad if isinstance(pad, int) else tuple(pad)
    return _deconv(dout, w, shape, _tuple(kernel_size, 3), pad_mode, pad, _tuple(stride, 3), _tuple(dilation, 3),
                   group, 3)


# ---- pooling ----------------------------------------------------------------------------------------
def _pool_out(n, k, s, lo, hi, ceil_mode):
    """Output length and extra end padding of a pooling window (PyTorch's ceil_mode rule)."""
    span = n + lo + hi - k
    out = (-(-span // s) if ceil_mode else span // s) + 1
    if ceil_mode and (out - 1) * s >= n + lo:
        out -= 1
    return out, max(0, (out - 1) * s + k - (n + lo + hi))


def _window_counts(n, k, s, lo, hi, out, include_pad):
    """How many positions of each output window fall inside the input (and its padding if ``include_pad``)."""
    start = np.arange(out) * s - lo
    first, last = (-lo, n + hi) if include_pad else (0, n)
    return np.minimum(start + k, last) - np.maximum(start, first)


def _avg_pool(x, nd, kernel, stride, pads, ceil_mode=False, count_include_pad=True, divisor=0):
    """Average over windows of the last ``nd`` axes, dividing as MindSpore/PyTorch do at the borders."""
    size = x.shape[-nd:]
    outs, full = [], []
    for n, k, s, (lo, hi) in zip(size, kernel, stride, pads):
        out, extra = _pool_out(n, k, s, lo, hi, ceil_mode)
        outs.append(out)
        full.append((lo, hi + extra))
    lead = x.ndim - nd
    total = lax.reduce_window(x, np.zeros((), x.dtype), lax.add, (1,) * lead + tuple(kernel),
                              (1,) * lead + tuple(stride), ((0, 0),) * lead + tuple(full))
    if divisor:
        return total / jnp.asarray(divisor, x.dtype)
    counts = np.ones((), np.float64)
    for n, k, s, (lo, hi), out in zip(size, kernel, stride, pads, outs):
        counts = np.multiply.outer(counts, _window_counts(n, k, s, lo, hi, out, count_include_pad))
    return total / jnp.asarray(counts, x.dtype)


def _pool_check(op, rank_message):
    def check(x, kernel_size=1, strides=1, pad_mode="valid", data_format="NCHW"):
        _nchw_only(op, data_format)
        if x.ndim != 4:
            raise ValueError(rank_message.format(op=op, ndim=x.ndim))
        if not jnp.issubdtype(x.dtype, jnp.floating):
            raise TypeError(f"For primitive[{op}], the input argument[x] must be a type of "
                            f"{{Tensor[Float16], Tensor[Float32], Tensor[Float64]}}, but got {tname(x)}.")
        k, s = _tuple(kernel_size, 2, "kernel_size"), _tuple(strides, 2, "strides")
        out = list(x.shape[:2])
        for n, kk, ss in zip(x.shape[2:], k, s):
            out.append(-(-n // ss) if pad_mode.lower() == "same" else (n - kk) // ss + 1)
        if min(out) <= 0:
            raise ValueError(f"For '{op}', the each element of the output shape must be larger than 0, but got output "
                             f"shape: {_vec(out)}. The input shape: {_vec(x.shape)}, kernel size: "
                             f"{_vec((1, 1) + k)}, strides: {_vec((1, 1) + s)}. Please check the official api "
                             "documents for more information about the output.")
    return check


def _pool_pads(x, kernel, strides, pad_mode):
    return _same_pads(x.shape[2:], kernel, strides) if pad_mode.lower() == "same" else ((0, 0), (0, 0))


@_register_jit("MaxPool", attrs=(("kernel_size", 1), ("strides", 1), ("pad_mode", "valid"), ("data_format", "NCHW")),
          check=_pool_check("MaxPool", "For primitive[{op}], the length of input must be equal to 4 , but got {ndim}."))
def _max_pool(x, kernel_size=1, strides=1, pad_mode="valid", data_format="NCHW"):
    """Max over 2-D windows (NCHW); 'same' pads with -inf. The gradient goes to the first maximum of a window."""
    k, s = _tuple(kernel_size, 2), _tuple(strides, 2)
    pads = _pool_pads(x, k, s, pad_mode)
    return lax.reduce_window(x, np.array(-np.inf, x.dtype), lax.max, (1, 1) + k, (1, 1) + s, ((0, 0), (0, 0)) + pads)


@_register_jit("AvgPool", attrs=(("kernel_size", 1), ("strides", 1), ("pad_mode", "VALID"), ("data_format", "NCHW")),
          check=_pool_check("AvgPool", "For primitive[{op}], the x_rank must be equal to 4, but got {ndim}."))
def _avg_pool2d(x, kernel_size=1, strides=1, pad_mode="VALID", data_format="NCHW"):
    """Mean over 2-D windows (NCHW); with 'same' the border windows average only their real pixels."""
    k, s = _tuple(kernel_size, 2), _tuple(strides, 2)
    return _avg_pool(x, 2, k, s, _pool_pads(x, k, s, pad_mode), count_include_pad=False)


def _check_avg_pool3d(x, kernel_size=1, strides=1, pad_mode="valid", pad=0, **attrs):
    if pad_mode.lower() != "pad" and pad not in (0, (0,) * 6):
        raise ValueError(f"For 'AvgPool3D', the 'pad' must be zero or (0, 0, 0, 0, 0, 0) when 'pad_mode' is not "
                         f"\"PAD\", but got 'pad' is {pad} and 'pad_mode' is {pad_mode}.")
    if x.ndim != 5:
        raise ValueError(f"For primitive[AvgPool3D], the x_rank must be equal to 5, but got {x.ndim}.")
    _need("AvgPool3D", "x", _F16_F64)(x)


@_register_jit("AvgPool3D", attrs=(("kernel_size", 1), ("strides", 1), ("pad_mode", "valid"), ("pad", 0),
                              ("ceil_mode", False), ("count_include_pad", True), ("divisor_override", 0),
                              ("data_format", "NCDHW")), check=_check_avg_pool3d)
def _avg_pool3d(x, kernel_size=1, strides=1, pad_mode="valid", pad=0, ceil_mode=False, count_include_pad=True,
                divisor_override=0, data_format="NCDHW"):
    """Mean over 3-D windows (NCDHW) with explicit padding, ``ceil_mode`` and MindSpore's divisor rules."""
    k, s = _tuple(kernel_size, 3), _tuple(strides, 3)
    if pad_mode.lower() == "same":
        pads = _same_pads(x.shape[2:], k, s)
    elif pad_mode.lower() == "pad":
        p = (pad,) * 6 if isinstance(pad, int) else tuple(pad)
        pads = ((p[0], p[1]), (p[2], p[3]), (p[4], p[5]))
    else:
        pads = ((0, 0),) * 3
    return _avg_pool(x, 3, k, s, pads, ceil_mode, count_include_pad, divisor_override)


def _window_index(n, k, s, d, lo, out):
    """``(out, k)`` input positions of each window (``-1``: outside the input)."""
    pos = np.arange(out)[:, None] * s - lo + np.arange(k)[None, :] * d
    return np.where((pos >= 0) & (pos < n), pos, -1)


def _check_max_pool_argmax(x, kernel_size=None, strides=None, pads=0, dilation=(1, 1), ceil_mode=False,
                           argmax_type=None):
    if x.ndim not in (3, 4):
        raise ValueError(f"For primitive[MaxPoolWithArgmaxV2], the dim of input must be 3 or 4, but got {x.ndim}.")
    _need("MaxPoolWithArgmaxV2", "x", _F16_F64)(x)
    k, p, d = _tuple(kernel_size, 2), _tuple(pads, 2), _tuple(dilation, 2)
    s = _tuple(strides if strides is not None else kernel_size, 2)
    if any(_pool_out(n, (k[i] - 1) * d[i] + 1, s[i], p[i], p[i], ceil_mode)[0] <= 0
           for i, n in enumerate(x.shape[-2:])):
        raise ValueError(f"The shape of input is {list(x.shape)}, which is invalid for the attributes of "
                         "MaxPoolWithArgmaxV2")


def _max_windows(x, windows, argmax_dtype=np.int64):
    """Max over windows of the last ``len(windows)`` axes, and each maximum's index in those axes flattened.
    ``windows[i]``: an ``(out_i, k_i)`` array of axis-``i`` positions per output position (``-1``: padding)."""
    nd = len(windows)
    size = x.shape[-nd:]
    flat, valid = np.zeros((1,) * 2 * nd, np.int64), np.ones((1,) * 2 * nd, bool)
    for i, idx in enumerate(windows):
        shape = [1] * 2 * nd
        shape[i], shape[nd + i] = idx.shape
        r = idx.reshape(shape)
        valid = valid & (r >= 0)
        flat = flat * size[i] + np.maximum(r, 0)
    outs = tuple(w.shape[0] for w in windows)
    flat = np.broadcast_to(np.where(valid, flat, -1), outs + tuple(w.shape[1] for w in windows))
    flat = flat.reshape(outs + (-1,))
    xf = jnp.reshape(x, x.shape[:-nd] + (-1,))
    vals = jnp.where(jnp.asarray(flat >= 0), xf[..., np.maximum(flat, 0)], jnp.array(-jnp.inf, x.dtype))
    pick = jnp.argmax(vals, axis=-1)
    out = jnp.take_along_axis(vals, pick[..., None], axis=-1)[..., 0]
    index = jnp.take_along_axis(jnp.broadcast_to(jnp.asarray(np.maximum(flat, 0)), vals.shape), pick[..., None],
                                axis=-1)[..., 0]
    return out, index.astype(argmax_dtype)


def _dilated_windows(x, nd, kernel_size, strides, pads, dilation, ceil_mode):
    k = _tuple(kernel_size, nd)
    s = _tuple(strides if strides is not None else kernel_size, nd)
    p, d = _tuple(pads, nd), _tuple(dilation, nd)
    return [_window_index(n, k[i], s[i], d[i], p[i], _pool_out(n, (k[i] - 1) * d[i] + 1, s[i], p[i], p[i],
                                                               ceil_mode)[0])
            for i, n in enumerate(x.shape[-nd:])]


@_register_jit("MaxPoolWithArgmaxV2", attrs=(("kernel_size", None), ("strides", None), ("pads", 0),
                                        ("dilation", (1, 1)), ("ceil_mode", False), ("argmax_type", mstype.int64)),
          check=_check_max_pool_argmax)
def _max_pool_argmax(x, kernel_size=None, strides=None, pads=0, dilation=(1, 1), ceil_mode=False,
                     argmax_type=mstype.int64):
    """2-D max pooling with padding and dilation; also returns each maximum's index in the flattened ``H*W``."""
    windows = _dilated_windows(x, 2, kernel_size, strides, pads, dilation, ceil_mode)
    return _max_windows(x, windows, mstype.to_mstype(argmax_type).np_dtype)


def _check_max_pool3d_argmax(x, ksize=None, strides=None, pads=0, dilation=(1, 1, 1), ceil_mode=False,
                             data_format="NCDHW", argmax_type=mstype.int64):
    _nchw_only("MaxPool3DWithArgmax", data_format)
    if x.ndim != 5:
        raise ValueError(f"For primitive[MaxPool3DWithArgmax], the input x rank must be equal to 5, but got "
                         f"{x.ndim}.")
    _need("MaxPool3DWithArgmax", "x", _F16_F64)(x)
    if any(w.shape[0] <= 0 for w in _dilated_windows(x, 3, ksize, strides, pads, dilation, ceil_mode)):
        raise ValueError(f"The shape of input is {list(x.shape)}, which is invalid for the attributes of "
                         "MaxPool3DWithArgmax")


@_register_jit("MaxPool3DWithArgmax", attrs=(("ksize", None), ("strides", None), ("pads", 0), ("dilation", (1, 1, 1)),
                                        ("ceil_mode", False), ("data_format", "NCDHW"),
                                        ("argmax_type", mstype.int64)), check=_check_max_pool3d_argmax)
def _max_pool3d_argmax(x, ksize=None, strides=None, pads=0, dilation=(1, 1, 1), ceil_mode=False, data_format="NCDHW",
                       argmax_type=mstype.int64):
    """3-D max pooling (NCDHW) with padding and dilation; also each maximum's index in the flattened ``D*H*W``."""
    windows = _dilated_windows(x, 3, ksize, strides, pads, dilation, ceil_mode)
    return _max_windows(x, windows, mstype.to_mstype(argmax_type).np_dtype)


def _check_max_pool3d(x, kernel_size=1, strides=1, pad_mode="VALID", pad_list=0, ceil_mode=None,
                      data_format="NCDHW"):
    _nchw_only("MaxPool3D", data_format)
    if x.ndim != 5:
        raise ValueError(f"For primitive[MaxPool3D], the x_rank must be equal to 5, but got {x.ndim}.")
    _need("MaxPool3D", "x", _F16_F64)(x)


@_register_jit("MaxPool3D", attrs=(("kernel_size", 1), ("strides", 1), ("pad_mode", "VALID"), ("pad_list", 0),
                              ("ceil_mode", None), ("data_format", "NCDHW")), check=_check_max_pool3d)
def _max_pool3d_row(x, kernel_size=1, strides=1, pad_mode="VALID", pad_list=0, ceil_mode=None, data_format="NCDHW"):
    """Max over 3-D windows (NCDHW); 'same' and 'pad' pad with -inf, ``ceil_mode`` adds end windows."""
    k, s = _tuple(kernel_size, 3), _tuple(strides, 3)
    if pad_mode.lower() == "same":
        pads = _same_pads(x.shape[2:], k, s)
    elif pad_mode.lower() == "pad":
        p = (pad_list,) * 3 if isinstance(pad_list, int) else tuple(pad_list)
        pads = tuple((v, v) for v in p) if len(p) == 3 else tuple((p[2 * i], p[2 * i + 1]) for i in range(3))
    else:
        pads = ((0, 0),) * 3
    full = tuple((lo, hi + _pool_out(n, kk, ss, lo, hi, bool(ceil_mode))[1])
                 for n, kk, ss, (lo, hi) in zip(x.shape[2:], k, s, pads))
    return lax.reduce_window(x, np.array(-np.inf, x.dtype), lax.max, (1, 1) + k, (1, 1) + s, ((0, 0), (0, 0)) + full)


def _adaptive_matrix(n, out):
    """``(out, n)`` 0/1 matrix of MindSpore's adaptive windows ``[floor(i n / out), ceil((i+1) n / out))``."""
    m = np.zeros((out, n))
    for i in range(out):
        m[i, (i * n) // out: -(-((i + 1) * n) // out)] = 1
    return m


def _check_adaptive_avg_pool(op, ranks, name):
    def check(x, output_size=None):
        if x.ndim not in ranks:
            raise ValueError(f"For primitive[{op}], the dim of x must be in [{ranks[0]},{ranks[1]}], but got {x.ndim}.")
        _need(op, name, _F16_F64)(x)
    return check


@_register_jit("AdaptiveAvgPool2D", attrs=(("output_size", None),),
               check=_check_adaptive_avg_pool("AdaptiveAvgPool2D", (3, 4), "input_x"))
def _adaptive_avg_pool2d(x, output_size=None):
    """Average over MindSpore's adaptive windows of the last two axes (``None`` keeps a size)."""
    size = (output_size, output_size) if isinstance(output_size, int) else tuple(output_size)
    h, w = x.shape[-2:]
    oh, ow = h if size[0] is None else size[0], w if size[1] is None else size[1]
    mh, mw = _adaptive_matrix(h, oh), _adaptive_matrix(w, ow)
    total = jnp.einsum("...hw,ih,jw->...ij", x, jnp.asarray(mh, x.dtype), jnp.asarray(mw, x.dtype),
                       precision=lax.Precision.HIGHEST)
    return total / jnp.asarray(np.outer(mh.sum(1), mw.sum(1)), x.dtype)


def _adaptive_sizes(op, x, output_size, nd):
    size = (output_size,) * nd if isinstance(output_size, int) else tuple(output_size)
    if len(size) != nd:
        raise ValueError(f"For '{op}', the length of 'output_size' must be {nd}, but got {len(size)}.")
    return tuple(n if o is None or o == -1 else int(o) for n, o in zip(x.shape[-nd:], size))


@_register_jit("AdaptiveAvgPool3D", attrs=(("output_size", None),),
               check=_check_adaptive_avg_pool("AdaptiveAvgPool3D", (4, 5), "x"))
def _adaptive_avg_pool3d(x, output_size=None):
    """Average over MindSpore's adaptive windows of the last three axes (``None`` keeps a size)."""
    outs = _adaptive_sizes("AdaptiveAvgPool3D", x, output_size, 3)
    ms = [_adaptive_matrix(n, o) for n, o in zip(x.shape[-3:], outs)]
    total = jnp.einsum("...dhw,id,jh,kw->...ijk", x, *(jnp.asarray(m, x.dtype) for m in ms),
                       precision=lax.Precision.HIGHEST)
    counts = np.einsum("i,j,k->ijk", *(m.sum(1) for m in ms))
    return total / jnp.asarray(counts, x.dtype)


def _adaptive_windows(n, out):
    """``(out, k)`` positions of MindSpore's adaptive windows (``-1`` fills the shorter ones)."""
    bounds = [((i * n) // out, -(-((i + 1) * n) // out)) for i in range(out)]
    k = max(hi - lo for lo, hi in bounds)
    return np.array([list(range(lo, hi)) + [-1] * (k - hi + lo) for lo, hi in bounds])


def _check_adaptive_max_pool(op, nd):
    def check(x, output_size=None):
        if x.ndim not in (nd + 1, nd + 2):
            raise ValueError(f"For primitive[{op}], the dim of input must be {nd + 1} or {nd + 2}, but got {x.ndim}.")
        _need(op, "x", _F16_F64)(x)
    return check


@_register_jit("AdaptiveMaxPool2D", attrs=(("output_size", None),),
               check=_check_adaptive_max_pool("AdaptiveMaxPool2D", 2))
def _adaptive_max_pool2d(x, output_size=None):
    """Max over MindSpore's adaptive windows of the last two axes, and its Int64 index in the flattened ``H*W``."""
    outs = _adaptive_sizes("AdaptiveMaxPool2D", x, output_size, 2)
    return _max_windows(x, [_adaptive_windows(n, o) for n, o in zip(x.shape[-2:], outs)], np.int64)


def _check_adaptive_max_pool3d(x, output_size):
    _check_adaptive_max_pool("AdaptiveMaxPool3D", 3)(x)
    if output_size.shape != (3,):
        raise ValueError(f"For primitive[AdaptiveMaxPool3D], the shape of output_size must be [3], but got "
                         f"{list(output_size.shape)}.")


@register("AdaptiveMaxPool3D", check=_check_adaptive_max_pool3d)
def _adaptive_max_pool3d(x, output_size):
    """Max over adaptive windows of the last three axes to the sizes in the (constant) Tensor ``output_size``, and
    its Int32 index in the flattened ``D*H*W``."""
    outs = _adaptive_sizes("AdaptiveMaxPool3D", x, [int(v) for v in np.asarray(output_size)], 3)
    return _max_windows(x, [_adaptive_windows(n, o) for n, o in zip(x.shape[-3:], outs)], np.int32)


def _max_unpool_row(name, nd, data_format):
    """MaxUnpool2D/MaxUnpool3D: each value of ``x`` written at its flat spatial index (``indices``) of a zero output
    of spatial size ``output_shape[2:]``, or ``(in - 1) * stride - 2 * pad + ksize``."""
    def _size(x, ksize, strides, pads, output_shape):
        if output_shape:
            return tuple(output_shape[-nd:])
        k, s, p = _tuple(ksize, nd), _tuple(strides or ksize, nd), _tuple(pads, nd)
        return tuple((n - 1) * s[i] - 2 * p[i] + k[i] for i, n in enumerate(x.shape[2:]))

    def check(x, indices, ksize=None, strides=0, pads=0, output_shape=(), data_format=data_format):
        _nchw_only(name, data_format)
        if x.ndim != nd + 2:
            raise ValueError(f"For '{name}', the x shape size must be equal to {nd + 2}, but got {x.ndim}.")
        if x.shape != indices.shape:
            raise ValueError(f"For '{name}', the shape of 'x' and 'argmax' must be the same, but got "
                             f"{list(x.shape)} and {list(indices.shape)}.")

    @register(name, attrs=(("ksize", None), ("strides", 0), ("pads", 0), ("output_shape", ()),
                           ("data_format", data_format)), check=check)
    def _max_unpool(x, indices, ksize=None, strides=0, pads=0, output_shape=(), data_format=data_format):
        size = _size(x, ksize, strides, pads, output_shape)
        lead = x.shape[:2]
        out = jnp.zeros(lead + (math.prod(size),), x.dtype)
        flat_x, flat_i = x.reshape(lead + (-1,)), indices.reshape(lead + (-1,)).astype(jnp.int32)
        rows = jnp.arange(lead[0])[:, None, None], jnp.arange(lead[1])[None, :, None]
        return out.at[rows[0], rows[1], flat_i].set(flat_x).reshape(lead + size)


_max_unpool_row("MaxUnpool2D", 2, "NCHW")
_max_unpool_row("MaxUnpool3D", 3, "NCDHW")


# ---- normalization ----------------------------------------------------------------------------------
def _zero_stat_grads(n_stats):
    """A bprop through the first output only: MindSpore's normalization grads ignore the statistics outputs."""
    def bprop(impl):
        def grad(inputs, out, dout, **attrs):
            data = inputs[:len(inputs) - n_stats]
            rest = inputs[len(inputs) - n_stats:]
            _, vjp = jax.vjp(lambda *a: impl(*a, *rest, **attrs)[0], *data)
            return tuple(vjp(dout[0])) + tuple(jnp.zeros_like(r) for r in rest)
        return grad
    return bprop


def _check_batch_norm(x, scale, bias, mean, variance, is_training=False, epsilon=1e-5, momentum=0.1,
                      data_format="NCHW"):
    channel = x.shape[-1 if data_format == "NHWC" else 1]
    for name, t in (("scale", scale), ("bias", bias), ("mean", mean), ("variance", variance)):
        if t.shape[0] != channel:
            raise ValueError(f"For BatchNorm, {name}.shape[0] should be equal to input_x's channel dimension: "
                             f"{channel}, bug got {name}.shape[0]: {t.shape[0]}.")
    need_float("BatchNorm", "input_x")(x)


def _batch_norm(x, scale, bias, mean, variance, is_training=False, epsilon=1e-5, momentum=0.1, data_format="NCHW"):
    """``(y, batch_mean, batch_var, reserve_1, reserve_2)``.

    Training: batch statistics (variance biased), returned in all four slots; MindSpore's CPU kernel fills only
    the last two and leaves the first two undefined. Inference: the given statistics, zeros in the four slots.
    The moving statistics are written by the row's effect (:func:`_update_moving_stats`).
    """
    axis = x.ndim - 1 if data_format == "NHWC" else 1
    axes = tuple(i for i in range(x.ndim) if i != axis)
    shape = [1] * x.ndim
    shape[axis] = x.shape[axis]
    if is_training:
        m = jnp.mean(x, axes)
        v = jnp.mean(jnp.square(x - m.reshape(shape)), axes)
    else:
        m, v = mean, variance
    inv = lax.rsqrt(v + jnp.asarray(epsilon, v.dtype))
    y = (x - m.reshape(shape)) * (inv * scale).reshape(shape) + bias.reshape(shape)
    y = y.astype(x.dtype)
    if is_training:
        return y, m, v, m, v
    zeros = jnp.zeros_like(mean)
    return y, zeros, zeros, zeros, zeros


def _update_moving_stats(inputs, out, is_training=False, momentum=0.1, data_format="NCHW", **_):
    """MindSpore's in-place update in training: ``moving = (1 - momentum) * moving + momentum * batch`` for the
    mean and the unbiased batch variance (``batch_var * n / (n - 1)``, ``n`` values per channel), written into
    the ``mean``/``variance`` inputs (Parameters, whose writes compiled steps capture as new state, or Tensors)."""
    if not is_training:
        return {}
    x = inputs[0]
    n = x.size // x.shape[-1 if data_format == "NHWC" else 1]
    unbiased = out[4] * (n / max(n - 1, 1))
    return {i: inputs[i] * (1 - momentum) + batch * momentum for i, batch in ((3, out[3]), (4, unbiased))}


_register_jit("BatchNorm",
              attrs=(("is_training", False), ("epsilon", 1e-5), ("momentum", 0.1), ("data_format", "NCHW")),
              check=_check_batch_norm, stat_outputs=2, effect=_update_moving_stats)(_batch_norm)


def _check_layer_norm(x, gamma, beta, begin_norm_axis=1, begin_params_axis=1, epsilon=1e-7):
    rank = x.ndim
    bpa = begin_params_axis % rank if rank else 0
    if bpa > rank or gamma.ndim + bpa < rank or beta.ndim + bpa < rank:
        raise ValueError("For 'LayerNorm', begin_params_axis must be less than or equal to input_x shape size, gamma "
                         "shape size add begin_params_axis must be equal to or greater than input_x shape size, and "
                         "beta shape size add begin_params_axis must be equal to or greater than input_x shape size, "
                         f"But got begin_params_axis: {begin_params_axis}, input_x shape size: {rank}, gamma shape "
                         f"size: {gamma.ndim}, beta shape size: {beta.ndim}.")
    if gamma.shape != x.shape[bpa:] or beta.shape != x.shape[bpa:]:
        vector = lambda a: "[const vector]{" + ", ".join(map(str, a.shape)) + "}"  # noqa: E731
        raise ValueError(f"For 'LayerNorm', gamma or beta shape must match input shape, but got input shape: "
                         f"{vector(x)}, gamma shape: {vector(gamma)}, beta shape: {vector(beta)}.")
    need_float("LayerNorm", "input_x")(x)


def _layer_norm(x, gamma, beta, begin_norm_axis=1, begin_params_axis=1, epsilon=1e-7):
    """``(y, mean, variance)`` over the axes from ``begin_norm_axis`` (statistics keep those axes as size 1)."""
    axes = tuple(range(begin_norm_axis % x.ndim, x.ndim))
    mean = jnp.mean(x, axes, keepdims=True)
    var = jnp.mean(jnp.square(x - mean), axes, keepdims=True)
    y = (x - mean) * lax.rsqrt(var + jnp.asarray(epsilon, x.dtype)) * gamma + beta
    return y.astype(x.dtype), mean, var


_register_jit("LayerNorm", attrs=(("begin_norm_axis", 1), ("begin_params_axis", 1), ("epsilon", 1e-7)),
              check=_check_layer_norm, stat_outputs=0)(_layer_norm)


def _check_group_norm(x, num_groups, weight, bias, eps=1e-5):
    if x.shape[1] % num_groups:
        raise ValueError(f"For 'GroupNorm', the 'num_channels' must be divided by 'num_groups', but got "
                         f"'num_channels': {x.shape[1]}, 'num_groups': {num_groups}.")
    need_float("GroupNorm", "input")(x)


@_register_jit("GroupNorm", check=_check_group_norm, static=(1,))
def _group_norm(x, num_groups, weight, bias, eps=1e-5):
    """``(y, mean, rstd)``: normalization over groups of channels; statistics of shape ``(N, num_groups)``."""
    n, c = x.shape[:2]
    g = x.reshape((n, num_groups, -1))
    mean = jnp.mean(g, -1)
    var = jnp.mean(jnp.square(g - mean[..., None]), -1)
    rstd = lax.rsqrt(var + jnp.asarray(eps, x.dtype))
    y = ((g - mean[..., None]) * rstd[..., None]).reshape(x.shape)
    shape = (1, c) + (1,) * (x.ndim - 2)
    return (y * weight.reshape(shape) + bias.reshape(shape)).astype(x.dtype), mean, rstd


def _check_l2_normalize(x, axis=0, epsilon=1e-4):
    norm_axes("L2Normalize", axis, x.ndim)
    need_float("L2Normalize", "input_x")(x)


def _check_lrn(x, depth_radius=5, bias=1.0, alpha=1.0, beta=0.5, norm_region="ACROSS_CHANNELS"):
    if x.ndim != 4:
        raise ValueError(f"For primitive[LRN], the rank of input  must be equal to 4 , but got {x.ndim}.")
    _need("LRN", "x", _F16_F32)(x)


@_register_jit("LRN", attrs=(("depth_radius", 5), ("bias", 1.0), ("alpha", 1.0), ("beta", 0.5),
                             ("norm_region", "ACROSS_CHANNELS")), check=_check_lrn, functional=("lrn",),
               inputs=("x", "depth_radius", "bias", "alpha", "beta", "norm_region"))
def _lrn_row(x, depth_radius=5, bias=1.0, alpha=1.0, beta=0.5, norm_region="ACROSS_CHANNELS"):
    """Local response normalization across channels (NCHW): ``x / (bias + alpha * s) ** beta`` with ``s`` the sum
    of squares over the channels within ``depth_radius``."""
    sq = jnp.square(x)
    window = (1, 2 * depth_radius + 1, 1, 1)
    pads = ((0, 0), (depth_radius, depth_radius), (0, 0), (0, 0))
    total = lax.reduce_window(sq, np.zeros((), x.dtype), lax.add, window, (1, 1, 1, 1), pads)
    return x / (bias + alpha * total) ** beta


def _check_clip_by_norm(x, clip_norm, axis=None):
    for name, t in (("x", x), ("clip_norm", clip_norm)):
        if t.dtype not in (jnp.float16, jnp.float32):
            raise TypeError(f"For primitive[ClipByNorm], the input argument[{name}] must be a type of {{Float16, "
                            f"Float32}}, but got {mstype.to_mstype(t.dtype)}.")


@register("ClipByNorm", attrs=(("axis", None),), check=_check_clip_by_norm)
def _clip_by_norm(x, clip_norm, axis=None):
    """``x * clip_norm / max(||x||_2, clip_norm)`` with the L2 norm over ``axis`` (all axes for None), in
    Float32."""
    axes = None if axis is None or axis == () else tuple(np.atleast_1d(axis).tolist())
    xf, clip = x.astype(jnp.float32), clip_norm.astype(jnp.float32)
    norm = jnp.sqrt(jnp.sum(xf * xf, axis=axes, keepdims=True))
    return xf * clip / jnp.maximum(norm, clip)


def _l2_normalize_bprop(inputs, out, dout, axis=0, epsilon=1e-4):
    """MindSpore's L2NormalizeGrad CPU kernel: ``(dout - y * sum(y * dout)) / n`` with ``n = ||x||`` over ``axis``,
    or ``epsilon`` where ``n < epsilon`` (the forward's floor is ``sqrt(epsilon)``). Its pairwise sums count the
    only element of a length-1 axis twice, so there it gives ``-dout / (sqrt(2) |x|)`` where the derivative is 0
    (mindcv's XCA attention on 1x1 feature maps)."""
    (x,) = inputs
    axes = norm_axes("L2Normalize", axis, x.ndim)
    twice = jnp.asarray(2 if math.prod(x.shape[a] for a in axes) == 1 else 1, x.dtype)
    dot = twice * jnp.sum(out * dout, axes, keepdims=True)
    norm = jnp.sqrt(twice * jnp.sum(jnp.square(x), axes, keepdims=True))
    eps = jnp.asarray(epsilon, x.dtype)
    return ((dout - out * dot) / jnp.where(norm >= eps, norm, eps),)


@_register_jit("L2Normalize", attrs=(("axis", 0), ("epsilon", 1e-4)), check=_check_l2_normalize,
               bprop=_l2_normalize_bprop)
def _l2_normalize(x, axis=0, epsilon=1e-4):
    """``x / sqrt(max(sum(x**2, axis), epsilon))``."""
    axes = norm_axes("L2Normalize", axis, x.ndim)
    sq = jnp.sum(jnp.square(x), axes, keepdims=True)
    return x / jnp.sqrt(jnp.maximum(sq, jnp.asarray(epsilon, x.dtype)))


# ---- dropout ----------------------------------------------------------------------------------------
@register("Dropout", attrs=(("keep_prob", 0.5), ("Seed0", 0), ("Seed1", 0)),
          check=_need("Dropout", "x", _BF16_F64))
def _dropout(x, keep_prob=0.5, Seed0=0, Seed1=0):
    """``(x * mask / keep_prob, mask)`` with a Bernoulli(keep_prob) mask of x's dtype.

    Random bits come from mindshim's key stream (``set_seed``), not from MindSpore's generator, and Seed0/Seed1
    are ignored: the masks differ from MindSpore's, their distribution does not.
    """
    if keep_prob >= 1:
        mask = jnp.ones(x.shape, x.dtype)
        return x, mask
    mask = jax.random.bernoulli(next_key(), keep_prob, x.shape).astype(x.dtype)
    return x * mask * jnp.asarray(1 / keep_prob, x.dtype), mask


def _channel_dropout_row(name, rank):
    """Dropout2D/Dropout3D: each whole channel (axes 0-1 of an ``N, C, ...`` input of ``rank``) kept with
    probability ``keep_prob`` and scaled by ``1 / keep_prob``; returns ``(output, Bool mask)``. Masks come from
    mindshim's key stream, as Dropout's."""
    def check(x, keep_prob=0.5):
        if x.ndim != rank:
            raise ValueError(f"For primitive[{name}], the rank of input  must be equal to {rank} , but got {x.ndim}.")

    @register(name, attrs=(("keep_prob", 0.5),), check=check)
    def _channel_dropout(x, keep_prob=0.5):
        if keep_prob >= 1:
            return x, jnp.ones(x.shape, bool)
        keep = jax.random.bernoulli(next_key(), keep_prob, x.shape[:2] + (1,) * (rank - 2))
        mask = jnp.broadcast_to(keep, x.shape)
        scale = jnp.zeros((), x.dtype) if keep_prob == 0 else jnp.asarray(1 / keep_prob, x.dtype)
        return jnp.where(mask, x * scale, jnp.zeros_like(x)), mask


_channel_dropout_row("Dropout2D", 4)
_channel_dropout_row("Dropout3D", 5)


# ---- padding ----------------------------------------------------------------------------------------
@register("Pad", attrs=(("paddings", ()),))
def _pad(x, paddings=()):
    """Zero padding: ``paddings[i] = (before, after)`` for axis ``i``."""
    return jnp.pad(x, tuple(tuple(p) for p in paddings))


def _check_mirror_pad(x, paddings, mode="REFLECT"):
    pads = np.asarray(paddings)
    if pads.ndim == 2 and pads.shape[1] != 2:
        raise ValueError(f"For 'MirrorPad', paddings must be a matrix with 2 columns, but got {pads.shape[1]}")
    if pads.ndim != 2 or pads.shape[0] != x.ndim:
        raise ValueError(f"For 'MirrorPad', paddings.shape[0] must equal to input's rank, but got {pads.shape[0]}")
    if (pads < 0).any():
        raise ValueError("For 'MirrorPad', all elements of paddings must be >= 0.")
    for (lo, hi), n in zip(pads.tolist(), x.shape):
        if mode == "REFLECT" and max(lo, hi) >= n or max(lo, hi) > n:
            raise ValueError(f"For 'MirrorPad', paddings must be no greater than the dimension size: [{lo}], [{hi}] "
                             f"{'not less than' if mode == 'REFLECT' else 'greater than'} [{n}]")


@register("MirrorPad", attrs=(("mode", "REFLECT"),), check=_check_mirror_pad)
def _mirror_pad_row(x, paddings, mode="REFLECT"):
    """Mirror padding, ``paddings[i] = (before, after)`` for axis ``i`` (a constant (rank, 2) Tensor): 'REFLECT'
    leaves out the edge value, 'SYMMETRIC' repeats it."""
    widths = tuple((int(lo), int(hi)) for lo, hi in np.asarray(paddings).tolist())
    return jnp.pad(x, widths, mode=mode.lower())


_PAD_MODES = {"constant": "constant", "reflect": "reflect", "edge": "edge", "circular": "wrap"}


@register("PadV3", attrs=(("mode", "constant"), ("paddings_contiguous", True)))
def _pad_v3(x, paddings, value=None, mode="constant", paddings_contiguous=True):
    """Padding from the last axis backwards, ``paddings = (last_before, last_after, ...)`` (a tuple or a Tensor);
    negative crops."""
    pads = tuple(int(p) for p in np.asarray(paddings).reshape(-1).tolist())
    return _pad_v3_widths(x, value, pads, mode, paddings_contiguous)


@functools.partial(jax.jit, static_argnums=(2, 3, 4))
def _pad_v3_widths(x, value, pads, mode, paddings_contiguous):
    if not paddings_contiguous:
        half = len(pads) // 2
        pads = [v for pair in zip(pads[:half], pads[half:]) for v in pair]
    widths = [(0, 0)] * x.ndim
    for i in range(len(pads) // 2):
        widths[x.ndim - 1 - i] = (pads[2 * i], pads[2 * i + 1])
    if mode == "constant":
        fill = jnp.asarray(0 if value is None else value, x.dtype)
        return lax.pad(x, fill, tuple((lo, hi, 0) for lo, hi in widths))
    crop = tuple(slice(max(0, -lo), n - max(0, -hi)) for (lo, hi), n in zip(widths, x.shape))
    return jnp.pad(x[crop], tuple((max(0, lo), max(0, hi)) for lo, hi in widths), mode=_PAD_MODES[mode])


# ---- sorting ----------------------------------------------------------------------------------------
def _check_topk(x, k, sorted=True):
    n = x.shape[-1] if x.ndim else 1
    if not 0 < int(k) <= n:
        raise ValueError(f"For primitive[TopK], the k must be in (0,{n}], but got {int(k)}.")


@_register_jit("TopK", attrs=(("sorted", True),), check=_check_topk, static=(1,))
def _topk(x, k, sorted=True):
    """The ``k`` largest along the last axis and their Int32 indices.

    Ties come lower index first; MindSpore's CPU kernel orders tied elements its own (heap) way.
    """
    values, indices = lax.top_k(x, int(k))
    return values, indices.astype(jnp.int32)


def _check_sort(x, axis=-1, descending=False):
    n = max(np.ndim(x), 1)
    if not -n <= axis < n:
        raise ValueError(f"For primitive[Sort], the axis must be in [{-n},{n - 1}], but got {axis}.")


@_register_jit("Sort", attrs=(("axis", -1), ("descending", False)), check=_check_sort, functional=("sort",),
               inputs=("input_x", "axis", "descending"))
def _sort(x, axis=-1, descending=False):
    """Stable sort along ``axis``: ``(values, Int32 indices)``."""
    idx = jnp.argsort(x, axis=axis, stable=True, descending=descending)
    return jnp.take_along_axis(x, idx, axis=axis), idx.astype(jnp.int32)


# ---- pooling composites (no Primitive class) ----------------------------------------------------------------------
def _tuple_n(value, n):
    return (value,) * n if isinstance(value, int) else tuple(value)


def _window_pool(x, nd, kernel_size, stride, padding, init, op):
    k = _tuple_n(kernel_size, nd)
    s = _tuple_n(stride if stride is not None else kernel_size, nd)
    p = _tuple_n(padding, nd)
    lead = x.ndim - nd
    return lax.reduce_window(x, init, op, (1,) * lead + k, (1,) * lead + s,
                             ((0, 0),) * lead + tuple((q, q) for q in p))


def _avg_pool_nd(nd):
    def avg_pool(input_x, kernel_size=1, stride=1, padding=0, ceil_mode=False, count_include_pad=True,
                 divisor_override=0):
        """Average over ``kernel_size`` windows of the last ``nd`` axes (padding counted where
        ``count_include_pad``)."""
        if ceil_mode:
            raise NotImplementedError("mindspore.ops.avg_pool with ceil_mode=True is not supported by mindshim yet.")
        total = _window_pool(input_x, nd, kernel_size, stride, padding, jnp.zeros((), input_x.dtype), lax.add)
        if divisor_override:
            return total / divisor_override
        if count_include_pad:
            return total / math.prod(_tuple_n(kernel_size, nd))
        count = _window_pool(jnp.ones_like(input_x), nd, kernel_size, stride, padding, jnp.zeros((), input_x.dtype),
                             lax.add)
        return total / count
    return avg_pool


def _max_pool3d(x, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False):
    """Maximum over ``kernel_size`` windows of the last three axes (``return_indices``: with the flat index of each
    maximum in its ``D*H*W`` plane)."""
    neg = jnp.array(-jnp.inf if x.dtype.kind == "f" else jnp.iinfo(x.dtype).min, x.dtype)
    out = _window_pool(x, 3, kernel_size, stride, padding, neg, lax.max)
    if not return_indices:
        return out
    flat = jnp.arange(math.prod(x.shape[-3:]), dtype=jnp.int64).reshape(x.shape[-3:])
    flat = jnp.broadcast_to(flat, x.shape)
    k, s, p = (_tuple_n(v, 3) for v in (kernel_size, stride if stride is not None else kernel_size, padding))
    lead = x.ndim - 3

    def pick(a, b):
        av, ai = a
        bv, bi = b
        take = (bv > av) | ((bv == av) & (bi < ai))
        return jnp.where(take, bv, av), jnp.where(take, bi, ai)
    _, idx = lax.reduce_window((x, flat), (neg, jnp.array(-1, jnp.int64)), pick, (1,) * lead + k, (1,) * lead + s,
                               ((0, 0),) * lead + tuple((q, q) for q in p))
    return out, idx


def _bins(n, o):
    return [(i * n // o, -(-(i + 1) * n // o)) for i in range(o)]


def _adaptive_pool_nd(nd, is_max):
    def adaptive_pool(input, output_size, return_indices=False):
        """Pool of the last ``nd`` axes into ``output_size`` (None keeps an axis) bins: bin ``i`` of ``o`` over
        ``n`` spans ``[floor(i*n/o), ceil((i+1)*n/o))``; ``return_indices``: the flat index of each maximum."""
        spatial = input.shape[-nd:]
        sizes = [n if o is None else o for n, o in zip(spatial, _tuple_n(output_size, nd))]
        grids = [_bins(n, o) for n, o in zip(spatial, sizes)]
        outs, idxs = [], []
        flat = jnp.arange(math.prod(spatial), dtype=jnp.int64).reshape(spatial)
        for cell in itertools.product(*grids):
            region = input[(Ellipsis,) + tuple(slice(a, b) for a, b in cell)].reshape(input.shape[:-nd] + (-1,))
            if not is_max:
                outs.append(jnp.mean(region, axis=-1))
                continue
            arg = jnp.argmax(region, axis=-1)
            outs.append(jnp.take_along_axis(region, arg[..., None], -1)[..., 0])
            idxs.append(flat[tuple(slice(a, b) for a, b in cell)].reshape(-1)[arg])
        shape = input.shape[:-nd] + tuple(sizes)
        out = jnp.stack(outs, axis=-1).reshape(shape).astype(input.dtype)
        return (out, jnp.stack(idxs, axis=-1).reshape(shape)) if return_indices else out
    return adaptive_pool


_POOLS = {  # name: (lowering, input names)
    "avg_pool3d": (_avg_pool_nd(3), ("input_x", "kernel_size", "stride", "padding", "ceil_mode", "count_include_pad",
                                     "divisor_override")),
    "max_pool3d": (_max_pool3d, ("x", "kernel_size", "stride", "padding", "dilation", "ceil_mode", "return_indices")),
    "adaptive_avg_pool1d": (_adaptive_pool_nd(1, False), ("input", "output_size")),
    "adaptive_avg_pool3d": (_adaptive_pool_nd(3, False), ("input", "output_size")),
    "adaptive_max_pool1d": (_adaptive_pool_nd(1, True), ("input", "output_size")),
    "adaptive_max_pool3d": (_adaptive_pool_nd(3, True), ("input", "output_size", "return_indices")),
}
for _name, (_fn, _inputs) in _POOLS.items():
    register(_name, functional=(_name,), inputs=_inputs, primitive=False)(_fn)


# ---- channel dropout, normalization and other composites ---------------------------------------------------------
def _prelu(x, weight):
    """The PReLU row without its check (``ops.prelu`` takes Float64)."""
    return get("PReLU").bind()(x, weight)


def _mirror_pad(input_x, paddings, mode="REFLECT"):
    return get("MirrorPad").bind(mode=mode)(input_x, paddings)


def _padding(x, pad_dim_size=8):
    return get("Padding").bind(pad_dim_size=pad_dim_size)(x)


def _bidense(input1, input2, weight, bias=None):
    """``input1 @ weight[o] @ input2`` for each output ``o`` (plus ``bias``)."""
    out = jnp.einsum("...i,oij,...j->...o", input1, weight, input2)
    return out if bias is None else out + bias


_NN_COMPOSITES = {  # name: (lowering, input names, check)
    "prelu": (_prelu, ("x", "weight"), None),
    "mirror_pad": (_mirror_pad, ("input_x", "paddings", "mode"), _check_mirror_pad),
    "padding": (_padding, ("x", "pad_dim_size"), None),
    "bidense": (_bidense, ("input1", "input2", "weight", "bias"), None),
}
for _name, (_fn, _inputs, _check) in _NN_COMPOSITES.items():
    register(_name, functional=(_name,), inputs=_inputs, primitive=False, check=_check)(_fn)


# ---- boxes and space/batch rearrangement (no Primitive class) ----------------------------------------------------
def _box_centers(boxes):
    """Centers and sizes ``(x, y, w, h)`` of ``[x1, y1, x2, y2]`` boxes (sizes inclusive: ``x2 - x1 + 1``)."""
    x1, y1, x2, y2 = (boxes[..., i] for i in range(4))
    return (x1 + x2) * 0.5, (y1 + y2) * 0.5, x2 - x1 + 1, y2 - y1 + 1


def _bounding_box_encode(anchor_box, groundtruth_box, means=(0.0, 0.0, 0.0, 0.0), stds=(1.0, 1.0, 1.0, 1.0)):
    """The deltas ``((gx - px) / pw, (gy - py) / ph, log(gw / pw), log(gh / ph))``, normalized by ``means``/``stds``."""
    px, py, pw, ph = _box_centers(anchor_box)
    gx, gy, gw, gh = _box_centers(groundtruth_box)
    deltas = jnp.stack([(gx - px) / pw, (gy - py) / ph, jnp.log(gw / pw), jnp.log(gh / ph)], axis=-1)
    return ((deltas - jnp.asarray(means, deltas.dtype)) / jnp.asarray(stds, deltas.dtype)).astype(anchor_box.dtype)


def _bounding_box_decode(anchor_box, deltas, max_shape, means=(0.0, 0.0, 0.0, 0.0), stds=(1.0, 1.0, 1.0, 1.0),
                         wh_ratio_clip=0.016):
    """The boxes the ``deltas`` move ``anchor_box`` to (inverse of ``bounding_box_encode``), clipped to
    ``max_shape`` ``(height, width)``."""
    d = deltas * jnp.asarray(stds, deltas.dtype) + jnp.asarray(means, deltas.dtype)
    limit = abs(math.log(wh_ratio_clip))
    dx, dy = d[..., 0], d[..., 1]
    dw, dh = jnp.clip(d[..., 2], -limit, limit), jnp.clip(d[..., 3], -limit, limit)
    px, py, pw, ph = _box_centers(anchor_box)
    gw, gh = pw * jnp.exp(dw), ph * jnp.exp(dh)
    gx, gy = px + pw * dx, py + ph * dy
    h, w = max_shape
    x1, x2 = (jnp.clip(v, 0, w - 1) for v in (gx - gw * 0.5 + 0.5, gx + gw * 0.5 - 0.5))
    y1, y2 = (jnp.clip(v, 0, h - 1) for v in (gy - gh * 0.5 + 0.5, gy + gh * 0.5 - 0.5))
    return jnp.stack([x1, y1, x2, y2], axis=-1).astype(anchor_box.dtype)


def _check_valid(bboxes, img_metas):
    """Whether each box lies in the image: ``x1, y1 >= 0``, ``x2 <= width * ratio - 1``, ``y2 <= height * ratio - 1``
    (``img_metas``: ``(height, width, ratio)``)."""
    h, w, r = img_metas[0], img_metas[1], img_metas[2]
    return ((bboxes[..., 0] >= 0) & (bboxes[..., 1] >= 0) & (bboxes[..., 2] <= w * r - 1)
            & (bboxes[..., 3] <= h * r - 1))


def _iou(anchor_boxes, gt_boxes, mode="iou"):
    """``(M, N)`` overlaps of ``gt_boxes`` (M) and ``anchor_boxes`` (N): over the union (``'iou'``) or over the
    ground-truth box (``'iof'``); sizes inclusive (``x2 - x1 + 1``)."""
    a, g = anchor_boxes[None, :, :], gt_boxes[:, None, :]
    iw = jnp.maximum(jnp.minimum(a[..., 2], g[..., 2]) - jnp.maximum(a[..., 0], g[..., 0]) + 1, 0)
    ih = jnp.maximum(jnp.minimum(a[..., 3], g[..., 3]) - jnp.maximum(a[..., 1], g[..., 1]) + 1, 0)
    inter = iw * ih
    area_g = (g[..., 2] - g[..., 0] + 1) * (g[..., 3] - g[..., 1] + 1)
    if mode == "iof":
        return inter / area_g
    area_a = (a[..., 2] - a[..., 0] + 1) * (a[..., 3] - a[..., 1] + 1)
    return inter / (area_a + area_g - inter)


def _space_to_batch_nd(input_x, block_size, paddings):
    """Blocks of the spatial axes moved into the batch: ``out[(i * bw + j) * N + n] = x[n, ..., h * bh + i,
    w * bw + j]`` (after zero ``paddings``)."""
    bs = _tuple_n(block_size, len(paddings))
    nd = len(bs)
    x = jnp.pad(input_x, ((0, 0),) * (input_x.ndim - nd) + tuple(tuple(p) for p in paddings))
    n, mid, spatial = x.shape[0], x.shape[1:-nd], x.shape[-nd:]
    x = x.reshape((n,) + mid + tuple(v for s, b in zip(spatial, bs) for v in (s // b, b)))
    k = len(mid)
    block_axes = tuple(1 + k + 2 * i + 1 for i in range(nd))
    x = jnp.transpose(x, block_axes + (0,) + tuple(range(1, 1 + k)) + tuple(1 + k + 2 * i for i in range(nd)))
    return x.reshape((-1,) + mid + tuple(s // b for s, b in zip(spatial, bs)))


def _batch_to_space_nd(input_x, block_shape, crops):
    """The inverse of ``space_to_batch_nd``, then ``crops`` removed from the spatial axes."""
    bs = _tuple_n(block_shape, len(crops))
    nd = len(bs)
    n = input_x.shape[0] // math.prod(bs)
    mid, spatial = input_x.shape[1:-nd], input_x.shape[-nd:]
    k = len(mid)
    x = input_x.reshape(bs + (n,) + mid + spatial)
    perm = (nd,) + tuple(range(nd + 1, nd + 1 + k)) + tuple(v for i in range(nd) for v in (nd + 1 + k + i, i))
    x = jnp.transpose(x, perm).reshape((n,) + mid + tuple(s * b for s, b in zip(spatial, bs)))
    return x[(Ellipsis,) + tuple(slice(c[0], x.shape[-nd + i] - c[1]) for i, c in enumerate(crops))]


def _intopk(x1, x2, k):
    """Whether the target class ``x2[i]`` is among the ``k`` largest of row ``i`` (fewer than ``k`` larger)."""
    target = jnp.take_along_axis(x1, x2[:, None].astype(jnp.int32), axis=1)
    return jnp.sum(x1 > target, axis=1) < k


_BOXES = {  # name: (lowering, input names)
    "bounding_box_encode": (_bounding_box_encode, ("anchor_box", "groundtruth_box", "means", "stds")),
    "bounding_box_decode": (_bounding_box_decode, ("anchor_box", "deltas", "max_shape", "means", "stds",
                                                   "wh_ratio_clip")),
    "check_valid": (_check_valid, ("bboxes", "img_metas")),
    "iou": (_iou, ("anchor_boxes", "gt_boxes", "mode")),
    "space_to_batch_nd": (_space_to_batch_nd, ("input_x", "block_size", "paddings")),
    "batch_to_space_nd": (_batch_to_space_nd, ("input_x", "block_shape", "crops")),
    "intopk": (_intopk, ("x1", "x2", "k")),
}
for _name, (_fn, _inputs) in _BOXES.items():
    register(_name, functional=(_name,), inputs=_inputs, primitive=False)(_fn)


# ---- resizing ---------------------------------------------------------------------------------------------------
def _resize_axis(x, axis, out, mode, align_corners, scale):
    """``x`` resized along ``axis`` to ``out`` points: ``nearest`` takes ``floor(i * in / out)``; ``linear``
    interpolates between the two neighbours of the source coordinate (``align_corners``: the corners map to the
    corners; else half-pixel centres, clamped at 0)."""
    n = x.shape[axis]
    ratio = 1.0 / scale if scale else n / out
    i = np.arange(out, dtype=np.float64)
    if mode == "nearest":
        return jnp.take(x, np.minimum(np.floor(i * ratio).astype(np.int64), n - 1), axis=axis)
    if align_corners:
        src = i * ((n - 1) / (out - 1)) if out > 1 else np.zeros(out)
    else:
        src = np.maximum((i + 0.5) * ratio - 0.5, 0)
    lo = np.minimum(np.floor(src).astype(np.int64), n - 1)
    hi = np.minimum(lo + 1, n - 1)
    shape = [1] * x.ndim
    shape[axis] = out
    w = jnp.asarray((src - lo).reshape(shape), x.dtype)
    return jnp.take(x, lo, axis=axis) * (1 - w) + jnp.take(x, hi, axis=axis) * w


def _interpolate(input, size=None, scale_factor=None, mode="nearest", align_corners=None,
                 recompute_scale_factor=None):
    """``input`` (N, C, spatial...) resized to ``size`` or by ``scale_factor``: ``nearest``, ``linear``/
    ``bilinear``/``trilinear`` (separable), or ``area`` (adaptive average pooling)."""
    nd = input.ndim - 2
    if scale_factor is not None and mode == "bilinear":
        raise ValueError(f"For 'interpolate', 'scale_factor' option cannot currently be set with the mode = bilinear "
                         f"and dim = {input.ndim}D.")
    if size is not None:
        sizes, scales = _tuple_n(size, nd), (None,) * nd
    else:
        scales = _tuple_n(scale_factor, nd) if not isinstance(scale_factor, float) else (scale_factor,) * nd
        sizes = tuple(int(math.floor(n * s)) for n, s in zip(input.shape[2:], scales))
        if recompute_scale_factor:
            scales = (None,) * nd
    if mode == "area":
        return _adaptive_pool_nd(nd, False)(input, sizes)
    kind = {"nearest": "nearest", "linear": "linear", "bilinear": "linear", "trilinear": "linear"}.get(mode)
    if kind is None:
        raise NotImplementedError(f"mindspore.ops.interpolate with mode='{mode}' is not supported by mindshim yet.")
    out = input
    for axis, (o, s) in enumerate(zip(sizes, scales)):
        out = _resize_axis(out, axis + 2, o, kind, bool(align_corners), s)
    return out.astype(input.dtype)


register("interpolate", functional=("interpolate",), inputs=("input", "size", "scale_factor", "mode", "align_corners",
                                                               "recompute_scale_factor"), primitive=False)(_interpolate)


# ---- sliding blocks and sampling grids -------------------------------------------------------------------------
def _unfold(input, kernel_size, dilation=1, padding=0, stride=1):
    """The sliding ``kernel_size`` blocks of an ``(N, C, H, W)`` input as columns ``(N, C * kh * kw, L)``."""
    k, d, s = _tuple_n(kernel_size, 2), _tuple_n(dilation, 2), _tuple_n(stride, 2)
    p = _tuple_n(padding, 2)
    patches = lax.conv_general_dilated_patches(input, k, s, tuple((q, q) for q in p), rhs_dilation=d)
    return patches.reshape(patches.shape[0], patches.shape[1], -1)


def _fold(input, output_size, kernel_size, dilation=1, padding=0, stride=1):
    """The inverse arrangement of ``unfold``: columns ``(N, C * kh * kw, L)`` summed into an ``(N, C, H, W)``
    output (overlaps add up): the transpose of ``unfold``."""
    k = _tuple_n(kernel_size, 2)
    size = tuple(int(v) for v in np.asarray(output_size).reshape(-1))
    n, c = input.shape[0], input.shape[1] // math.prod(k)
    zeros = jnp.zeros((n, c) + size, input.dtype)
    _, transpose = jax.vjp(lambda x: _unfold(x, kernel_size, dilation, padding, stride), zeros)
    return transpose(input)[0]


def _col2im(input_x, output_size, kernel_size, dilation, padding_value, stride):
    """``fold`` of ``(N, C, kh * kw, L)`` columns."""
    x = input_x.reshape(input_x.shape[0], -1, input_x.shape[-1])
    return _fold(x, output_size, kernel_size, dilation, padding_value, stride)


def _affine_grid(theta, size, align_corners=False):
    """The sampling grid of the affine maps ``theta`` over an output of ``size``: the AffineGrid row."""
    return get("AffineGrid").bind(align_corners=align_corners)(theta, size)


def _grid_sample(input, grid, mode="bilinear", padding_mode="zeros", align_corners=False):
    """Bilinear samples of ``input`` (N, C, H, W) at the normalized ``grid`` points (N, Ho, Wo, 2), zero
    outside: the GridSampler2D row."""
    if input.ndim != 4 or mode != "bilinear" or padding_mode != "zeros":
        raise NotImplementedError("mindspore.ops.grid_sample supports only 4-D bilinear sampling with zero padding "
                                  "in mindshim.")
    return get("GridSampler2D").bind(align_corners=align_corners)(input, grid)


_GRIDS = {  # name: (lowering, input names)
    "unfold": (_unfold, ("input", "kernel_size", "dilation", "padding", "stride")),
    "fold": (_fold, ("input", "output_size", "kernel_size", "dilation", "padding", "stride")),
    "col2im": (_col2im, ("input_x", "output_size", "kernel_size", "dilation", "padding_value", "stride")),
    "affine_grid": (_affine_grid, ("theta", "size", "align_corners")),
    "grid_sample": (_grid_sample, ("input", "grid", "mode", "padding_mode", "align_corners")),
}
for _name, (_fn, _inputs) in _GRIDS.items():
    register(_name, functional=(_name,), inputs=_inputs, primitive=False)(_fn)


def _ctc_greedy_decoder(inputs, sequence_length, merge_repeated=True):
    """Best-path CTC decoding of ``inputs`` (T, B, C), the last class the blank: ``(indices, values, shape,
    log_probability)`` of the sparse result (computed on the host: its size depends on the values)."""
    logits, lengths = np.asarray(inputs), np.asarray(sequence_length)
    blank = logits.shape[-1] - 1
    indices, values, log_prob, width = [], [], [], 0
    for b in range(logits.shape[1]):
        steps = logits[:lengths[b], b]
        best = steps.argmax(-1)
        log_prob.append([-steps.max(-1).sum()])
        decoded, previous = [], None
        for c in best:
            if c != blank and not (merge_repeated and c == previous):
                decoded.append(c)
            previous = c
        indices += [[b, i] for i in range(len(decoded))]
        values += decoded
        width = max(width, len(decoded))
    return (jnp.asarray(np.array(indices, np.int64).reshape(-1, 2)), jnp.asarray(np.array(values, np.int64)),
            jnp.asarray(np.array([logits.shape[1], width], np.int64)),
            jnp.asarray(np.array(log_prob, logits.dtype)))


def _crop_and_resize(image, boxes, box_indices, crop_size, method="bilinear", extrapolation_value=0.0):
    """Bilinear crops ``(num_boxes, crop_h, crop_w, C)`` of the NHWC ``image`` at the normalized ``boxes``
    ``[y1, x1, y2, x2]`` (``extrapolation_value`` outside the image): the CropAndResize row."""
    if method != "bilinear":
        raise NotImplementedError(f"mindspore.ops.crop_and_resize with method='{method}' is not supported by "
                                  "mindshim yet.")
    return get("CropAndResize").bind(extrapolation_value=extrapolation_value)(image, boxes, box_indices, crop_size)


register("ctc_greedy_decoder", functional=("ctc_greedy_decoder",), inputs=("inputs", "sequence_length",
                                                                           "merge_repeated"),
         primitive=False)(_ctc_greedy_decoder)
register("crop_and_resize", functional=("crop_and_resize",), inputs=("image", "boxes", "box_indices", "crop_size",
                                                                     "method", "extrapolation_value"),
         primitive=False)(_crop_and_resize)


# ---- fractional max pooling ---------------------------------------------------------------------------------------
def _fractional_starts(sample, n, out, k):
    """Window starts of fractional pooling: ``floor((i + u) * a) - floor(u * a)`` with ``a = (n - k) / (out - 1)``,
    the last window ending at the input's end."""
    if out == 1:
        return np.array([n - k])
    alpha = (n - k) / (out - 1)
    starts = np.floor((np.arange(out) + sample) * alpha) - np.floor(sample * alpha)
    starts[-1] = n - k
    return starts.astype(np.int64)


def _fractional_max_pool(nd):
    def pool(input, kernel_size, output_size=None, output_ratio=None, return_indices=False, _random_samples=None):
        """Max over ``kernel_size`` windows at pseudo-random fractional starts given by ``_random_samples``
        ``(N, C, nd)`` (last axis first, as MindSpore), ``output_size`` or ``output_ratio`` of the input; with
        ``return_indices`` also the flat index of each maximum (computed on the host)."""
        x = np.asarray(input)
        spatial = x.shape[-nd:]
        k = _tuple_n(kernel_size, nd)
        out = _tuple_n(output_size, nd) if output_size is not None else tuple(
            int(n * r) for n, r in zip(spatial, _tuple_n(output_ratio, nd) if not isinstance(output_ratio, float)
                                       else (output_ratio,) * nd))
        if _random_samples is None:
            raise NotImplementedError("mindspore.ops.fractional_max_pool without _random_samples is not supported by "
                                      "mindshim yet.")
        samples = np.asarray(_random_samples).reshape(-1, np.asarray(_random_samples).shape[-1])
        planes = x.reshape((-1,) + spatial)
        values = np.empty((planes.shape[0],) + out, x.dtype)
        indices = np.empty((planes.shape[0],) + out, np.int64)
        for p, plane in enumerate(planes):
            u = samples[p % len(samples)][::-1]  # the samples list the last axis first
            starts = [_fractional_starts(u[a], spatial[a], out[a], k[a]) for a in range(nd)]
            for cell in itertools.product(*(range(o) for o in out)):
                window = tuple(slice(starts[a][c], starts[a][c] + k[a]) for a, c in enumerate(cell))
                block = plane[window]
                j = int(np.argmax(block))
                values[(p,) + cell] = block.reshape(-1)[j]
                local = np.unravel_index(j, block.shape)
                indices[(p,) + cell] = np.ravel_multi_index(
                    tuple(starts[a][c] + local[a] for a, c in enumerate(cell)), spatial)
        shape = x.shape[:-nd] + out
        values, indices = jnp.asarray(values.reshape(shape)), jnp.asarray(indices.reshape(shape))
        return (values, indices) if return_indices else values
    return pool


for _name, _nd in (("fractional_max_pool2d", 2), ("fractional_max_pool3d", 3)):
    register(_name, functional=(_name,), inputs=("input", "kernel_size", "output_size", "output_ratio",
                                                 "return_indices", "_random_samples"),
             primitive=False)(_fractional_max_pool(_nd))


def _fixed_ksize_pool(nd, layout):
    pool = _fractional_max_pool(nd)

    def fixed(input_x, random_samples, ksize, output_shape, data_format=layout):
        """``(y, argmax)``: fractional max pooling of ``ksize`` windows into ``output_shape`` at the starts the
        ``random_samples`` give (only MindSpore's channels-first layout)."""
        if data_format != layout:
            raise NotImplementedError(f"mindspore.ops.FractionalMaxPool with data_format='{data_format}' is not "
                                      f"supported by mindshim yet ({layout} is).")
        return pool(input_x, ksize, output_shape, None, True, random_samples)
    return fixed


for _name, _nd, _layout in (("FractionalMaxPoolWithFixedKsize", 2, "NCHW"),
                            ("FractionalMaxPool3DWithFixedKsize", 3, "NCDHW")):
    register(_name, attrs=(("ksize", REQUIRED), ("output_shape", REQUIRED), ("data_format", _layout)))(
        _fixed_ksize_pool(_nd, _layout))
