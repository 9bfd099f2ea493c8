"""``mindspore.ops`` functional ops: nn family. Each adapts MindSpore 2.10's signature to a table row.

Where MindSpore composes a functional op from math primitives (exact ``gelu``, ``softplus``'s threshold), the
composition is written in ``jax.numpy`` on the Tensors' arrays.
"""
import jax.numpy as jnp
from jax import lax

from ... import _checkparam as validator
from ... import _registry
from ..._registry import dispatch
from ...common import dtype as mstype
from ...common.tensor import Tensor, _wrap
from .. import _views
from .loss_func import check_is_tensor, nll_loss

_row = _registry.get


_VIEWS = _views.functionals("nn")  # sigmoid, tanh, celu, elu, bias_add, dense, bmm, lrn, sort, ...: plain rows
globals().update(_VIEWS)


def _float_only(op, input):
    if not isinstance(input, Tensor):
        raise TypeError(f"For '{op}', the 'input' must be Tensor, but got {type(input).__name__}.")
    if str(input.dtype) not in ("BFloat16", "Float16", "Float32", "Float64"):
        raise TypeError(f"For {op}, the input dtype must be bfloat16, float16, float32 or float64, but got "
                        f"{input.dtype}.")


def gelu(input, approximate="none"):
    """GeLU: exact (``x * (erf(x / sqrt(2)) + 1) / 2``) or ``approximate='tanh'`` (the GeLU primitive)."""
    if approximate not in ("none", "tanh"):
        raise ValueError("For ops.gelu, approximate value should be either 'none' or 'tanh'.")
    _float_only("gelu", input)
    if approximate == "tanh":
        return dispatch(_row("GeLU"), (input,))
    x = input._data
    one = jnp.ones((), x.dtype)
    return _wrap(x * (lax.erf(x / jnp.sqrt(one + one)) + one) * (one / 2))


def _const(value, like):
    return _wrap(jnp.asarray(value, like._data.dtype))


def _number(op, name, value):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"For '{op}', the type of '{name}' should be one of '[<class 'float'>, <class 'int'>]', "
                        f"but got '{type(value).__name__}' with type '{type(value)}'.")


def hardtanh(input, min_val=-1.0, max_val=1.0):
    """``min(max(input, min_val), max_val)`` (MindSpore's Maximum then Minimum)."""
    check_is_tensor("input", input, "hardtanh")
    _number("hardtanh", "min_val", min_val)
    _number("hardtanh", "max_val", max_val)
    out = dispatch(_row("Maximum"), (input, _const(min_val, input)))
    return dispatch(_row("Minimum"), (out, _const(max_val, input)))


def tanhshrink(input):
    """``input - tanh(input)``; integer inputs in Float32."""
    if not isinstance(input, Tensor):
        raise TypeError(f"For tanhshrink, the input must be a Tensor, but got {type(input)}.")
    if input._data.dtype.kind in "iu":
        input = input.astype(mstype.float32)
    return input - dispatch(_row("Tanh"), (input,))


def softmin(x, axis=-1, *, dtype=None):
    """``softmax(-x, axis)``, after casting to ``dtype``."""
    if dtype is not None:
        x = x.astype(dtype)
    return dispatch(_row("Softmax"), (-1 * x,), {"axis": axis})


def threshold(input, thr, value):
    """``input`` where ``input > thr``, else ``value``."""
    check_is_tensor("input", input, "threshold")
    _number("threshold", "thr", thr)
    _number("threshold", "value", value)
    return dispatch(_row("Select"), (input > thr, input, _wrap(jnp.full(input.shape, value, input._data.dtype))))


def logsigmoid(x):
    """``log(sigmoid(x))``, as MindSpore composes it."""
    return dispatch(_row("Log"), (dispatch(_row("Sigmoid"), (x,)),))


def glu(x, axis=-1):
    """``a * sigmoid(b)`` for the two halves ``a, b`` of ``x`` along ``axis``."""
    a, b = dispatch(_row("Split"), (x,), {"axis": axis, "output_num": 2})
    return a * dispatch(_row("Sigmoid"), (b,))


def glu_ext(input, dim=-1):
    """``mint.nn.functional.glu``: the GLU primitive along ``dim``."""
    return dispatch(_row("GLU"), (input,), {"axis": dim})


def softmax_ext(input, dim=None, dtype=None):
    """``mint.nn.functional.softmax``: softmax along ``dim`` (PyTorch's implicit axis when None: 0 for ranks 0, 1
    and 3, else 1), after casting to ``dtype``."""
    rank = input.ndim
    dim = (0 if rank in (0, 1, 3) else 1) if dim is None else dim
    if not isinstance(dim, int):
        raise TypeError(f" the type of 'dim' must be 'int', but got '{dim}' with type '{type(dim).__name__}'.")
    if dtype is not None:
        input = input.astype(dtype)
    if rank == 0:
        if dim in (0, -1):
            return _wrap(jnp.ones_like(input._data))
        raise IndexError(f"Dimension out of range (expected to be in range of [-1, 0], but got {dim})")
    return dispatch(_row("Softmax"), (input,), {"axis": dim})


def nll_loss_ext(input, target, weight=None, ignore_index=-100, reduction="mean"):
    """``mint.nn.functional.nll_loss``: ``ops.nll_loss``."""
    return nll_loss(input, target, weight, ignore_index, reduction)


def leaky_relu(input, alpha=0.2):
    """``max(alpha * x, x)`` (``min`` when ``alpha > 1``), with MindSpore's Maximum/Minimum gradients."""
    if not isinstance(input, Tensor):
        raise TypeError(f"For 'leaky_relu', the 'input' must be Tensor, but got {type(input).__name__}.")
    if isinstance(alpha, bool) or not isinstance(alpha, (int, float)):
        raise TypeError(f"For 'leaky_relu', the type of 'alpha' must be in ['float', 'int'], but got "
                        f"{type(alpha).__name__}.")
    scaled = _wrap(jnp.asarray(alpha, input._data.dtype)) * input
    return dispatch(_row("Minimum" if alpha > 1 else "Maximum"), (scaled, input))


def softplus(input, beta=1, threshold=20):
    """``log(1 + exp(beta * x)) / beta``, and ``x`` itself where ``beta * x > threshold``."""
    if beta == 0:
        raise ValueError("For 'softplus', the value of 'beta' cannot be 0.")
    scaled = input * beta
    out = dispatch(_row("Softplus"), (scaled,)) * (1 / beta)
    return _wrap(jnp.where(scaled._data > threshold, input._data, out._data))


# ---- linear -----------------------------------------------------------------------------------------
# ---- convolution ------------------------------------------------------------------------------------
def _check_groups(in_channel, out_channel, groups):
    if in_channel % groups or out_channel % groups:
        raise ValueError(f"The argument 'groups' should be divisible by 'in_channel' and 'out_channel', but got group:"
                         f"{groups}, in_channel:{in_channel}, out_channel:{out_channel}.")


def _conv_nd(nd, input, weight, bias, stride, pad_mode, padding, dilation, groups):
    op = f"conv{nd}d"
    for name, value in (("stride", stride), ("dilation", dilation)):
        if isinstance(value, (tuple, list)) and len(value) != nd:
            raise ValueError(f"For '{op}', the {name} must be a int or a tuple/list with length {nd}, but got "
                             f"{value}.")
    if isinstance(padding, (tuple, list)):
        if len(padding) != nd:
            raise ValueError(f"For '{op}', 'padding' must be a tuple or list of {nd} integers, but got {padding}.")
        padding = tuple(p for p in padding for _ in range(2))
    out_channel = weight.shape[0]
    _check_groups(input.shape[1], out_channel, groups)
    attrs = {"out_channel": out_channel, "kernel_size": tuple(weight.shape[2:]), "mode": 1, "pad_mode": pad_mode,
             "pad": padding, "stride": stride if isinstance(stride, int) else tuple(stride),
             "dilation": dilation if isinstance(dilation, int) else tuple(dilation), "group": groups,
             "data_format": "NCHW" if nd == 2 else "NCDHW"}
    out = dispatch(_row("Conv2D" if nd == 2 else "Conv3D"), (input, weight), attrs)
    if bias is None:
        return out
    if not isinstance(bias, Tensor):
        raise TypeError(f"For '{op}', the 'bias' must be a Tensor, but got {type(bias)}.")
    if nd == 2 and bias.shape[0] != out_channel:
        raise ValueError(f"For 'conv2d', Given weight of size {weight.shape}, expected bias to be 1-dimensional with "
                         f"{out_channel} elements, but got bias of size {bias.shape[0]} instead.")
    return dispatch(_row("BiasAdd"), (out, bias))


def conv2d(input, weight, bias=None, stride=1, pad_mode="valid", padding=0, dilation=1, groups=1):
    """2-D convolution (NCHW input, OIHW weight); ``padding`` an int, 2 ints (h, w) or 4 (top, bottom, left, right)."""
    return _conv_nd(2, input, weight, bias, stride, pad_mode, padding, dilation, groups)


def deformable_conv2d(x, weight, offsets, kernel_size, strides, padding, bias=None, dilations=(1, 1, 1, 1), groups=1,
                      deformable_groups=1, modulated=True):
    """As MindSpore: ``DeformableOffsets`` samples ``x`` at the offset kernel taps (times the masks), then a
    ``Conv2D`` with stride ``kernel_size`` and ``BiasAdd``."""
    sampled = dispatch(_row("DeformableOffsets"), (x, offsets), {
        "strides": strides, "pads": padding, "ksize": kernel_size, "dilations": dilations, "data_format": "NCHW",
        "deformable_groups": deformable_groups, "modulated": modulated})
    out = dispatch(_row("Conv2D"), (sampled, weight), {
        "out_channel": weight.shape[0], "kernel_size": tuple(kernel_size), "mode": 1, "pad_mode": "valid", "pad": 0,
        "stride": tuple(kernel_size), "dilation": 1, "group": groups, "data_format": "NCHW"})
    return out if bias is None else dispatch(_row("BiasAdd"), (out, bias))


def conv3d(input, weight, bias=None, stride=1, pad_mode="valid", padding=0, dilation=1, groups=1):
    """3-D convolution (NCDHW input, OIDHW weight)."""
    return _conv_nd(3, input, weight, bias, stride, pad_mode, padding, dilation, groups)


def _conv1d_arg(value, name):
    if isinstance(value, int):
        if value <= 0:
            raise ValueError(f"For 'conv1d', {name} must be a positive int, but got {value}.")
        return (1, value)
    if isinstance(value, (tuple, list)) and len(value) == 1:
        return (1, value[0])
    raise ValueError(f"For 'conv1d', {name} must be a tuple/list with 1 element or int, but got {value}.")


def conv1d(input, weight, bias=None, stride=1, pad_mode="valid", padding=0, dilation=1, groups=1):
    """1-D convolution of ``(N, C, L)`` with ``(O, C/groups, K)``, run as a 2-D one of height 1."""
    if input.ndim != 3:
        raise ValueError(f"For 'conv1d', the input must be a 3D Tensor, but got input of {input.ndim}D.")
    if weight.ndim != 3:
        raise ValueError(f"For 'conv1d', the weight must be a 3D Tensor, but got input of {weight.ndim}D.")
    if isinstance(padding, (tuple, list)):
        if len(padding) != 1:
            raise ValueError(f"For 'conv1d', padding must be a tuple or list with 1 element or int, but got "
                             f"{padding}.")
        padding = padding[0]
    out_channel = weight.shape[0]
    _check_groups(input.shape[1], out_channel, groups)
    attrs = {"out_channel": out_channel, "kernel_size": (1, weight.shape[2]), "mode": 1, "pad_mode": pad_mode,
             "pad": (0, 0, padding, padding), "stride": _conv1d_arg(stride, "stride"),
             "dilation": _conv1d_arg(dilation, "dilation"), "group": groups, "data_format": "NCHW"}
    out = dispatch(_row("Conv2D"), (input.reshape(input.shape[:2] + (1,) + input.shape[2:]),
                                   weight.reshape(weight.shape[:2] + (1,) + weight.shape[2:])), attrs)
    out = out.reshape(out.shape[:2] + out.shape[3:])
    return out if bias is None else dispatch(_row("BiasAdd"), (out, bias))


# ---- pooling ----------------------------------------------------------------------------------------
def max_pool2d(x, kernel_size, stride=None, padding=0, dilation=1, return_indices=False, ceil_mode=False):
    """2-D max pooling with padding, dilation and ``ceil_mode``; ``return_indices`` adds the flat H*W argmax."""
    attrs = {"kernel_size": kernel_size, "strides": stride if stride is not None else kernel_size, "pads": padding,
             "dilation": dilation, "ceil_mode": ceil_mode}
    out, indices = dispatch(_row("MaxPoolWithArgmaxV2"), (x,), attrs)
    return (out, indices) if return_indices else out


def _avg_pool2d_arg(value, name, n, low):
    if isinstance(value, int):
        if value < low:
            raise ValueError(f"For 'avg_pool2d', the '{name}' must be >= {low}, but got {value}.")
        return value
    if isinstance(value, tuple):
        if len(value) != n:
            raise ValueError(f"For avg_pool2d, {name} should be int or tuple of length {n}.")
        return value
    raise TypeError(f"For avg_pool2d, {name} should be int or tuple of length {n}.")


def avg_pool2d(input_x, kernel_size=1, stride=1, padding=0, ceil_mode=False, count_include_pad=True,
               divisor_override=0):
    """2-D average pooling; ``padding`` int or (top, bottom, left, right); PyTorch's border divisor rules."""
    if not isinstance(input_x, Tensor):
        raise TypeError("For avg_pool2d, the input input_x must be tensor")
    k = _avg_pool2d_arg(kernel_size, "kernel_size", 2, 1)
    s = _avg_pool2d_arg(stride, "stride", 2, 1)
    p = _avg_pool2d_arg(padding, "padding", 4, 0)
    k = (1,) + ((k, k) if isinstance(k, int) else k)
    s = (1,) + ((s, s) if isinstance(s, int) else s)
    p = (0, 0) + ((p,) * 4 if isinstance(p, int) else p)
    attrs = {"kernel_size": k, "strides": s, "pad_mode": "pad", "pad": p, "ceil_mode": ceil_mode,
             "count_include_pad": count_include_pad, "divisor_override": divisor_override or 0}
    x = input_x.reshape(input_x.shape[:-2] + (1,) + input_x.shape[-2:])
    out = dispatch(_row("AvgPool3D"), (x,), attrs)
    return out.reshape(out.shape[:-3] + out.shape[-2:])


def avg_pool1d(input_x, kernel_size=1, stride=1, padding=0, ceil_mode=False, count_include_pad=True):
    """1-D average pooling of ``(N, C, L)``, run as AvgPool3D on ``(N, C, 1, 1, L)``."""
    if not isinstance(input_x, Tensor):
        raise TypeError("For avg_pool1d, the input input_x must be tensor")
    if isinstance(padding, tuple):
        if len(padding) != 1:
            raise ValueError("For avg_pool1d, padding should be int or tuple of length 1.")
        padding = padding[0]
    if isinstance(stride, tuple):
        if len(stride) != 1:
            raise ValueError("For avg_pool1d, stride should be int or tuple of length 1.")
        stride = stride[0]
    attrs = {"kernel_size": (1, 1, kernel_size), "strides": (1, 1, stride), "pad_mode": "pad",
             "pad": (0, 0, 0, 0, padding, padding), "ceil_mode": ceil_mode, "count_include_pad": count_include_pad}
    x = input_x.reshape(input_x.shape[:-1] + (1, 1) + input_x.shape[-1:])
    out = dispatch(_row("AvgPool3D"), (x,), attrs)
    return out.reshape(out.shape[:-3] + out.shape[-1:])


def _lp_pool(op, x, norm_type, kernel_size, stride, ceil_mode, nd):
    """MindSpore's LP pooling: ``(sign(a) relu(|a|) * prod(kernel)) ** (1 / p)`` with ``a`` the average of
    ``x ** p`` over each window."""
    if isinstance(norm_type, bool) or not isinstance(norm_type, (float, int)):
        raise TypeError(f"For {op}, the type of 'norm_type' must be float or int, but got {type(norm_type)}")
    norm_type = float(norm_type)
    if norm_type == 0:
        raise ValueError(f"For {op}, the value of 'norm_type' can not be 0.")
    stride = kernel_size if stride is None else stride
    unbatched = x.ndim == nd + 1
    x = x.expand_dims(0) if unbatched else x
    if nd == 1:
        out = avg_pool1d(x.pow(norm_type), kernel_size=kernel_size, stride=stride, padding=0, ceil_mode=ceil_mode)
        area = kernel_size
    else:
        out = avg_pool2d(x.pow(norm_type), kernel_size=kernel_size, stride=stride, padding=0, ceil_mode=ceil_mode)
        area = kernel_size * kernel_size if isinstance(kernel_size, int) else kernel_size[0] * kernel_size[1]
    out = out.squeeze(0) if unbatched else out
    sign = dispatch(_row("Sign"), (out,))
    return ((sign * dispatch(_row("ReLU"), (dispatch(_row("Abs"), (out,)),))) * area).pow(1.0 / norm_type)


def lp_pool1d(x, norm_type, kernel_size, stride=None, ceil_mode=False):
    """1-D power-average pooling of ``(N, C, L)`` or ``(C, L)``."""
    return _lp_pool("lp_pool1d", x, norm_type, kernel_size, stride, ceil_mode, 1)


def lp_pool2d(x, norm_type, kernel_size, stride=None, ceil_mode=False):
    """2-D power-average pooling of ``(N, C, H, W)``."""
    return _lp_pool("lp_pool2d", x, norm_type, kernel_size, stride, ceil_mode, 2)


def adaptive_max_pool2d(input, output_size, return_indices=False):
    """Max over MindSpore's adaptive windows to ``output_size`` (int or (h, w), ``None`` keeps a size); with
    ``return_indices`` also the Int64 index of each maximum in the flattened ``H*W``."""
    if not isinstance(return_indices, bool):
        raise TypeError(f"For adaptive_max_pool2d, the type of argument 'return_indices' must be bool, but got "
                        f"{type(return_indices).__name__}.")
    size = (output_size, output_size) if isinstance(output_size, int) else tuple(output_size)
    out = dispatch(_row("AdaptiveMaxPool2D"), (input,), {"output_size": size})
    return out if return_indices else out[0]


def _max_unpool(op, nd, x, indices, kernel_size, stride, padding, output_size):
    """Max unpooling of the last ``nd`` axes of an ``(N, C, ...)`` or unbatched input through MaxUnpool2D/3D (1-D
    as 2-D with a trailing unit axis)."""
    if output_size is not None and not isinstance(output_size, tuple):
        raise ValueError(f"For {op}, output_size must be tuple, but type {type(output_size)}.")
    stride = kernel_size if stride is None else stride
    unbatched = x.ndim == nd + 1
    if unbatched:
        x, indices = x.expand_dims(0), indices.expand_dims(0)
    if nd == 1:  # as 2-D with a unit width
        x, indices = x.expand_dims(3), indices.expand_dims(3)
        kernel_size, stride, padding = ((v if isinstance(v, tuple) else (v,)) + (fill,)
                                        for v, fill in ((kernel_size, 1), (stride, 1), (padding, 0)))
    size = ()
    if output_size:
        size = tuple(x.shape[:2]) + tuple(output_size[-nd:]) + ((1,) if nd == 1 else ())
    attrs = {"ksize": kernel_size, "strides": stride, "pads": padding, "output_shape": size}
    out = dispatch(_row("MaxUnpool3D" if nd == 3 else "MaxUnpool2D"), (x, indices), attrs)
    out = out.squeeze(-1) if nd == 1 else out
    return out.squeeze(0) if unbatched else out


def max_unpool1d(x, indices, kernel_size, stride=None, padding=0, output_size=None):
    """The inverse of max_pool1d: values at their ``indices`` in a zero ``(N, C, L_out)`` or ``(C, L_out)``."""
    return _max_unpool("max_unpool1d", 1, x, indices, kernel_size, stride, padding, output_size)


def max_unpool2d(x, indices, kernel_size, stride=None, padding=0, output_size=None):
    """The inverse of max_pool2d: values at their flat ``H*W`` ``indices`` in a zero output."""
    return _max_unpool("max_unpool2d", 2, x, indices, kernel_size, stride, padding, output_size)


def max_unpool3d(x, indices, kernel_size, stride=None, padding=0, output_size=None):
    """The inverse of max_pool3d: values at their flat ``D*H*W`` ``indices`` in a zero output."""
    return _max_unpool("max_unpool3d", 3, x, indices, kernel_size, stride, padding, output_size)


def adaptive_avg_pool2d(input, output_size):
    """Average over MindSpore's adaptive windows; ``output_size`` an int or (h, w) with ``None`` keeping a size."""
    return dispatch(_row("AdaptiveAvgPool2D"), (input,), {"output_size": output_size})


# ---- normalization ----------------------------------------------------------------------------------
def batch_norm(input_x, running_mean, running_var, weight, bias, training=False, momentum=0.1, eps=1e-05):
    """Batch normalization over axis 1; in training, batch statistics, and ``running_mean``/``running_var``
    (Parameters) move towards them by ``momentum``."""
    attrs = {"is_training": training, "epsilon": eps, "momentum": momentum, "data_format": "NCHW"}
    return dispatch(_row("BatchNorm"), (input_x, weight, bias, running_mean, running_var), attrs)[0]


def layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-05):
    """Normalize over the trailing ``normalized_shape`` axes, then scale by ``weight`` and shift by ``bias``."""
    shape = (normalized_shape,) if isinstance(normalized_shape, int) else tuple(normalized_shape)
    weight = _wrap(jnp.ones(shape, input._data.dtype)) if weight is None else weight
    bias = _wrap(jnp.zeros(shape, input._data.dtype)) if bias is None else bias
    attrs = {"begin_norm_axis": -len(shape), "begin_params_axis": -len(shape), "epsilon": eps}
    return dispatch(_row("LayerNorm"), (input, weight, bias), attrs)[0]


def group_norm(input, num_groups, weight=None, bias=None, eps=1e-05):
    """Normalize groups of channels; ``weight``/``bias`` of shape ``(C,)``."""
    c = (input.shape[1],)
    weight = _wrap(jnp.ones(c, input._data.dtype)) if weight is None else weight
    bias = _wrap(jnp.zeros(c, input._data.dtype)) if bias is None else bias
    return dispatch(_row("GroupNorm"), (input, num_groups, weight, bias, eps))[0]


# ---- dropout, padding, sorting ----------------------------------------------------------------------
def dropout(input, p=0.5, training=True, seed=None):
    """Zero each element with probability ``p`` and scale the rest by ``1 / (1 - p)``; identity if not training.

    ``seed`` is accepted for MindSpore's signature; randomness comes from mindshim's ``set_seed`` stream.
    """
    if not isinstance(training, bool):
        raise TypeError(f"For 'dropout', the type of 'training' must be bool, but got {type(training).__name__}.")
    if not training:
        return input
    return dispatch(_row("Dropout"), (input,), {"keep_prob": 1 - p, "Seed0": 0, "Seed1": 0})[0]


def dropout1d(input, p=0.5, training=True):
    """Channel dropout of ``(N, C, L)`` or ``(C, L)``: Dropout2D on the input with a trailing unit axis."""
    if not isinstance(p, float):
        raise TypeError(f"For dropout1d, 'p' must be float, but got type {type(p)}.")
    if p < 0 or p > 1:
        raise ValueError(f"For dropout1d, the 'p' must be a number in range [0, 1], but got {p}.")
    if not isinstance(input, Tensor):
        raise TypeError(f"For dropout1d, 'input' must be Tensor, but got type {type(input)}.")
    if not isinstance(training, bool):
        raise TypeError(f"For 'dropout1d', the type of 'training' must be bool, but got {type(training).__name__}.")
    if not training:
        return input
    if input.ndim not in (2, 3):
        raise ValueError(f"For dropout1d, input shape should be 2D or 3D, but got {input.ndim}.")
    x = input.expand_dims(-1) if input.ndim == 3 else input.expand_dims(0).expand_dims(-1)
    out = dispatch(_row("Dropout2D"), (x,), {"keep_prob": 1.0 - p})[0].squeeze(-1)
    return out if input.ndim == 3 else out.squeeze(0)


def _channel_dropout(op, row, input, p, training):
    if not isinstance(training, bool):
        raise TypeError(f"For '{op}', the type of 'training' must be bool, but got {type(training).__name__}.")
    return dispatch(_row(row), (input,), {"keep_prob": 1.0 - p})[0] if training else input


def dropout2d(input, p=0.5, training=True):
    """Zero each channel of ``(N, C, H, W)`` with probability ``p``, scaling the rest by ``1 / (1 - p)``."""
    return _channel_dropout("dropout2d", "Dropout2D", input, p, training)


def dropout3d(input, p=0.5, training=True):
    """Zero each channel of ``(N, C, D, H, W)`` with probability ``p``, scaling the rest by ``1 / (1 - p)``."""
    return _channel_dropout("dropout3d", "Dropout3D", input, p, training)


def _check_shuffle(op, input, factor, name):
    validator.check_positive_int(factor, name)
    check_is_tensor("input", input, op)
    if input.ndim < 3:
        raise ValueError(f"For {op}, the dimension of `input` should be larger than 2, but got {input.ndim}.")


def pixel_shuffle(input, upscale_factor):
    """``(*, C r^2, H, W)`` to ``(*, C, H r, W r)``."""
    _check_shuffle("pixel_shuffle", input, upscale_factor, "upscale_factor")
    r, pre, (c, h, w), n = upscale_factor, input.shape[:-3], input.shape[-3:], input.ndim
    if c % r ** 2 != 0:
        raise ValueError("For 'pixel_shuffle', the length of third to last dimension is not divisibleby "
                         "`upscale_factor` squared.")
    x = input.reshape(pre + (c // r ** 2, r, r, h, w))
    x = x.transpose(tuple(range(n - 2)) + (n, n - 2, n + 1, n - 1))
    return x.reshape(pre + (c // r ** 2, r * h, r * w))


def pixel_unshuffle(input, downscale_factor):
    """``(*, C, H r, W r)`` to ``(*, C r^2, H, W)``."""
    _check_shuffle("pixel_unshuffle", input, downscale_factor, "downscale_factor")
    r, pre, (c, h, w), n = downscale_factor, input.shape[:-3], input.shape[-3:], input.ndim
    if h % r != 0 or w % r != 0:
        raise ValueError("For 'pixel_unshuffle', the length of second to last 2 dimension should be divisible by "
                         "downscale_factor.")
    x = input.reshape(pre + (c, h // r, r, w // r, r))
    x = x.transpose(tuple(range(n - 2)) + (n - 1, n + 1, n - 2, n))
    return x.reshape(pre + (c * r * r, h // r, w // r))


def pad(input_x, padding, mode="constant", value=None):
    """Pad from the last axis backwards (``(left, right, top, bottom, ...)``); modes 'constant', 'reflect',
    'replicate', 'circular'; negative padding crops."""
    if not isinstance(input_x, Tensor):
        raise TypeError(f"For 'pad', the type of 'input_x' must be Tensor, but got {type(input_x)}.")
    if isinstance(padding, Tensor):
        padding = tuple(padding.tolist())
    if not padding:
        return input_x
    if len(padding) % 2:
        raise ValueError(f"For 'pad', the size of padding must be divisible by 2, but got {len(padding)}")
    if any(not isinstance(p, int) for p in padding):
        raise TypeError(f"For 'pad', the paddings value must be tuple of int or list of int, but got {padding}")
    if mode == "constant":
        value = 0 if value is None else value
    else:
        if len(padding) > 6:
            raise ValueError(f"For 'pad', the padding must be less than or equal to 6, but got {len(padding)}.")
        if value is not None:
            raise ValueError(f"For 'pad', the padding mode '{mode}' can not set value, but got value {value}.")
        if mode not in ("reflect", "replicate", "circular"):
            raise ValueError(f"For 'pad', the 'mode' must be 'constant', 'reflect', 'replicate' or 'circular', but "
                             f"got {mode}.")
        mode = "edge" if mode == "replicate" else mode
    value = value._data if isinstance(value, Tensor) else value
    return dispatch(_row("PadV3"), (input_x, tuple(padding), value), {"mode": mode, "paddings_contiguous": True})


def topk(input, k, dim=None, largest=True, sorted=True):
    """The ``k`` largest (or smallest) entries along ``dim`` (default last) and their Int32 indices."""
    if not isinstance(largest, bool):
        raise TypeError(f"For 'topk', the type of 'largest' must be bool, but got {type(largest).__name__}.")
    row, attrs = _row("TopK"), {"sorted": sorted}
    x = input if largest else -input
    last = input.ndim - 1
    moved = dim is not None and dim % max(input.ndim, 1) != last
    if moved:
        x = _swap(x, dim, last)
    values, indices = dispatch(row, (x, k), attrs)
    if moved:
        values, indices = _swap(values, dim, last), _swap(indices, dim, last)
    return (values if largest else -values), indices


def _swap(t, a, b):
    perm = list(range(t.ndim))
    perm[a], perm[b] = perm[b], perm[a]
    return dispatch(_row("Transpose"), (t, tuple(perm)))


__all__ = sorted(_VIEWS) + [
    "gelu", "hardtanh", "tanhshrink", "softmin", "threshold", "logsigmoid", "glu", "leaky_relu", "softplus", "conv1d",
    "conv2d", "conv3d", "max_pool2d", "avg_pool1d", "avg_pool2d", "lp_pool1d", "lp_pool2d", "adaptive_max_pool2d",
    "max_unpool1d", "max_unpool2d", "max_unpool3d", "adaptive_avg_pool2d", "batch_norm", "layer_norm", "group_norm",
    "dropout", "dropout1d", "dropout2d", "dropout3d", "pixel_shuffle", "pixel_unshuffle", "pad", "topk",
    "deformable_conv2d"]
