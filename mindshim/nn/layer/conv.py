"""Convolution layers (``mindspore.nn.layer.conv``): Conv1d/2d/3d and their transposes.

Weights are ``(out, in/group, kh, kw)`` (``(in, out/group, kh, kw)`` transposed; Conv1d keeps MindSpore's
``(out, in/group, 1, k)``), initialized as MindSpore does: ``HeUniform(sqrt(5))`` and a bias
``Uniform(1/sqrt(fan_in))``. The default ``pad_mode`` is 'same'.
"""
import math

from ... import _checkparam as validator
from ... import ops
from ...common import dtype as mstype
from ...common.initializer import HeUniform, Uniform, initializer
from ...common.parameter import Parameter
from ...common.tensor import Tensor
from ..cell import Cell

__all__ = ["Conv2d", "Conv1d", "Conv3d", "Conv2dTranspose", "Conv1dTranspose", "Conv3dTranspose"]


def _twice(value):
    if isinstance(value, int):
        return (value, value)
    if isinstance(value, tuple) and len(value) == 2:
        return value
    raise TypeError(f"When expanding an int number to tuple, input tuple dimension must be 2, but got {value}")


def _triple(name, value, cls, low=1):
    """An int or a 3-tuple of ints ``>= low`` as a 3-tuple (MindSpore's ``_check_3d_int_or_tuple``)."""
    validator.check_value_type(name, value, (int, tuple), cls)
    values = (value,) * 3 if isinstance(value, int) else value
    if len(values) != 3 or any(not isinstance(v, int) or v < low for v in values):
        raise ValueError(f"For '{cls}', the parameter '{name}' must be an int or a tuple of 3 ints "
                         f"{'greater than 0' if low else 'not less than 0'}, but got {value}.")
    return tuple(values)


def _check_3d_args(cls, in_channels, out_channels, group, kernel_size, stride, dilation, padding):
    if in_channels % group or out_channels % group:
        raise ValueError("The argument 'group' should be divisible by 'in_channels' and 'out_channels'")
    validator.check_value_type("padding", padding, (int, tuple), cls)
    if isinstance(padding, tuple) and len(padding) != 6:
        raise ValueError(f"For '{cls}', the 'padding size' must be equal to 6, but got {len(padding)}.")
    return _triple("kernel_size", kernel_size, cls), _triple("stride", stride, cls), _triple("dilation", dilation, cls)


def _check_group(in_channels, out_channels, group, cls):
    validator.check_positive_int(group, "group", cls)
    if in_channels % group or out_channels % group:
        raise ValueError(f"The argument 'group' should be divisible by 'in_channels' and 'out_channels', but got "
                         f"group:{group}, in_channels:{in_channels}, out_channels:{out_channels}.")


class _Conv(Cell):
    """Shared construction: argument checks, weight and bias Parameters, ``extend_repr``."""

    def __init__(self, in_channels, out_channels, kernel_size, stride, pad_mode, padding, dilation, group, has_bias,
                 weight_init, bias_init, data_format="NCHW", transposed=False, dtype=mstype.float32):
        super().__init__()
        cls = type(self).__name__
        self.in_channels = validator.check_positive_int(in_channels, "in_channels", cls)
        self.out_channels = validator.check_positive_int(out_channels, "out_channels", cls)
        self.kernel_size = kernel_size
        self.stride = stride
        self.pad_mode = pad_mode
        self.data_format = validator.check_string(data_format, ["NCHW", "NHWC", "NCDHW"], "format", cls)
        if data_format == "NHWC":
            raise ValueError(f"For '{cls}', the \"NHWC\" format only support in GPU target, but got the 'format' is "
                             "NHWC and the platform is CPU.")
        if isinstance(padding, int):
            self.padding = validator.check_non_negative_int(padding, "padding", cls)
        elif isinstance(padding, tuple):
            for pad in padding:
                validator.check_non_negative_int(pad, "padding item", cls)
            self.padding = padding
        else:
            raise TypeError(f"For '{cls}', the type of 'padding' must be int or tuple(int), but got "
                            f"{type(padding).__name__}.")
        self.dilation = dilation
        self.group = validator.check_positive_int(group, "group", cls)
        self.has_bias = has_bias
        for name, values in (("kernel_size item", kernel_size), ("stride item", stride),
                             ("dilation item", dilation)):
            for v in values:
                validator.check_positive_int(v, name, cls)
        if in_channels % group:
            raise ValueError(f"For '{cls}', the attr 'in_channels' must be divisible by attr 'group', but got "
                             f"'in_channels': {in_channels} and 'group': {group}.")
        if out_channels % group:
            raise ValueError(f"For '{cls}', the 'out_channels' must be divisible by attr 'group', but got "
                             f"'out_channels': {out_channels} and 'group': {group}.")
        if transposed:
            shape = [in_channels, out_channels // group, *kernel_size]
        else:
            shape = [out_channels, in_channels // group, *kernel_size]
        self.weight_init = HeUniform(math.sqrt(5)) if weight_init is None else weight_init
        self.weight = Parameter(initializer(self.weight_init, shape, dtype), name="weight")
        self.bias_init = bias_init
        if validator.check_bool(has_bias, "has_bias", cls):
            if bias_init is None:
                fan_in = shape[1] * math.prod(shape[2:])
                self.bias_init = Uniform(1 / math.sqrt(fan_in)) if fan_in else "zeros"
            self.bias = Parameter(initializer(self.bias_init, [out_channels], dtype), name="bias")
        else:
            self.bias = None

    def extend_repr(self):
        return (f"input_channels={self.in_channels}, output_channels={self.out_channels}, kernel_size="
                f"{self.kernel_size}, stride={self.stride}, pad_mode={self.pad_mode}, padding={self.padding}, "
                f"dilation={self.dilation}, group={self.group}, has_bias={self.has_bias}, weight_init="
                f"{self.weight_init}, bias_init={self.bias_init}, format={self.data_format}")


class Conv2d(_Conv):
    """2-D convolution of ``(N, C_in, H, W)``: Conv2D then BiasAdd."""

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, pad_mode="same", padding=0, dilation=1,
                 group=1, has_bias=False, weight_init=None, bias_init=None, data_format="NCHW", dtype=mstype.float32):
        kernel_size, stride = _twice(kernel_size), _twice(stride)
        self._dilation = dilation
        dilation = _twice(dilation)
        _check_group(in_channels, out_channels, group, "Conv2d")
        super().__init__(in_channels, out_channels, kernel_size, stride, pad_mode, padding, dilation, group, has_bias,
                         weight_init, bias_init, data_format, dtype=dtype)
        self.conv2d = ops.Conv2D(out_channel=self.out_channels, kernel_size=self.kernel_size, mode=1,
                                 pad_mode=_conv_pad_mode(pad_mode), pad=self.padding, stride=self.stride,
                                 dilation=self.dilation, group=self.group, data_format=self.data_format)
        self.bias_add = ops.BiasAdd(data_format=self.data_format)

    def construct(self, x):
        output = self.conv2d(x, self.weight)
        if self.has_bias:
            output = self.bias_add(output, self.bias)
        return output


def _conv_pad_mode(pad_mode):
    return validator.check_string(pad_mode.lower() if isinstance(pad_mode, str) else pad_mode, ["valid", "same", "pad"],
                                  "pad_mode", "Conv2D")


def _int_arg(value, name, cls, low):
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"For '{cls}', the type of '{name}' should be 'int', but got type '{type(value).__name__}'.")
    if value < low:
        raise ValueError(f"For '{cls}', the '{name}' should be an int and must >= {low}, but got {value}.")
    return value


class Conv1d(_Conv):
    """1-D convolution of ``(N, C_in, L)``, run as a 2-D one of height 1 (weight ``(out, in/group, 1, k)``)."""

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, pad_mode="same", padding=0, dilation=1,
                 group=1, has_bias=False, weight_init=None, bias_init=None, dtype=mstype.float32):
        for name, value, low in (("kernel_size", kernel_size, 1), ("stride", stride, 1), ("padding", padding, 0),
                                 ("dilation", dilation, 1)):
            _int_arg(value, name, "Conv1d", low)
        _check_group(in_channels, out_channels, group, "Conv1d")
        if isinstance(weight_init, Tensor):
            if weight_init.ndim != 3:
                raise ValueError(f"For 'Conv1d', 'weight_init_shape' must be equal to 3, but got {weight_init.ndim}.")
            weight_init = weight_init.reshape(weight_init.shape[:2] + (1,) + weight_init.shape[2:])
        super().__init__(in_channels, out_channels, (1, kernel_size), (1, stride), pad_mode, padding, (1, dilation),
                         group, has_bias, weight_init, bias_init, dtype=dtype)
        self.padding = (0, 0, padding, padding)
        self.conv2d = ops.Conv2D(out_channel=self.out_channels, kernel_size=self.kernel_size, mode=1,
                                 pad_mode=_conv_pad_mode(pad_mode), pad=self.padding, stride=self.stride,
                                 dilation=self.dilation, group=self.group)
        self.bias_add = ops.BiasAdd()

    def construct(self, x):
        x = ops.reshape(x, x.shape[:2] + (1,) + x.shape[2:])
        output = self.conv2d(x, self.weight)
        if self.has_bias:
            output = self.bias_add(output, self.bias)
        return ops.reshape(output, output.shape[:2] + output.shape[3:])


def _deconv_output_length(pad_mode, length, kernel, stride, dilation, padding):
    kernel = kernel + (kernel - 1) * (dilation - 1)
    if pad_mode == "valid":
        return length * stride + max(kernel - stride, 0)
    if pad_mode == "same":
        return length * stride
    return length * stride - padding + kernel - stride


class Conv2dTranspose(_Conv):
    """Transposed 2-D convolution (the gradient of Conv2d with respect to its input); weight
    ``(in_channels, out_channels/group, kh, kw)``; ``output_padding`` (pad mode only) pads the end."""

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, pad_mode="same", padding=0, output_padding=0,
                 dilation=1, group=1, has_bias=False, weight_init=None, bias_init=None, dtype=mstype.float32):
        kernel_size, stride, dilation = _twice(kernel_size), _twice(stride), _twice(dilation)
        if isinstance(padding, tuple) and len(padding) != 4:
            raise ValueError(f"For 'Conv2dTranspose', the 'padding size' must be equal to 4, but got {len(padding)}.")
        if isinstance(output_padding, tuple) and len(output_padding) != 2:
            raise ValueError(f"For 'Conv2dTranspose', the 'output_padding size' must be equal to 2, but got "
                             f"{len(output_padding)}.")
        super().__init__(in_channels, out_channels, kernel_size, stride, pad_mode, padding, dilation, group, has_bias,
                         weight_init, bias_init, transposed=True, dtype=dtype)
        self.mode = validator.check_string(pad_mode, ["valid", "same", "pad"], "pad_mode", "Conv2dTranspose")
        self.output_padding = output_padding
        self.conv2d_transpose = ops.Conv2DTranspose(out_channel=in_channels, kernel_size=kernel_size, mode=1,
                                                    pad_mode=pad_mode, pad=padding, stride=stride, dilation=dilation,
                                                    group=group)
        self.bias_add = ops.BiasAdd()
        pads = (self.padding,) * 4 if isinstance(self.padding, int) else self.padding
        self.padding_top, self.padding_bottom, self.padding_left, self.padding_right = pads

    def construct(self, x):
        n, _, h, w = x.shape
        h_out = _deconv_output_length(self.mode, h, self.kernel_size[0], self.stride[0], self.dilation[0],
                                      self.padding_top + self.padding_bottom)
        w_out = _deconv_output_length(self.mode, w, self.kernel_size[1], self.stride[1], self.dilation[1],
                                      self.padding_left + self.padding_right)
        out = self.conv2d_transpose(x, self.weight, (n, self.out_channels, h_out, w_out))
        if self.has_bias:
            out = self.bias_add(out, self.bias)
        extra = self.output_padding if isinstance(self.output_padding, tuple) else (self.output_padding,) * 2
        if extra == (0, 0):
            return out
        for i, e in enumerate(extra):
            if e < 0 or e >= max(self.dilation[i], self.stride[i]):
                raise ValueError(f"output_padding{'[' + str(i) + ']' if isinstance(self.output_padding, tuple) else ''}"
                                 f" must be in range of [0, max(stride_{'hw'[i]}, dilation_{'hw'[i]})).")
        if self.mode != "pad":
            raise ValueError("when output_padding is not zero, pad_mode must be 'pad'")
        return ops.Pad(paddings=((0, 0), (0, 0), (0, extra[0]), (0, extra[1])))(out)


class Conv3d(_Conv):
    """3-D convolution of ``(N, C_in, D, H, W)``: Conv3D (grouped) then BiasAdd."""

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, pad_mode="same", padding=0, dilation=1,
                 group=1, has_bias=False, weight_init=None, bias_init=None, data_format="NCDHW", dtype=mstype.float32):
        kernel_size, stride, dilation = _check_3d_args("Conv3d", in_channels, out_channels, group, kernel_size, stride,
                                                       dilation, padding)
        super().__init__(in_channels, out_channels, kernel_size, stride, pad_mode, padding, dilation, group, has_bias,
                         weight_init, bias_init, data_format, dtype=dtype)
        self.conv3d = ops.Conv3D(out_channel=self.out_channels, kernel_size=self.kernel_size, mode=1,
                                 pad_mode=self.pad_mode, pad=self.padding, stride=self.stride, dilation=self.dilation,
                                 group=self.group, data_format=self.data_format)
        self.bias_add = ops.BiasAdd(data_format=self.data_format)

    def construct(self, x):
        out = self.conv3d(x, self.weight)
        return self.bias_add(out, self.bias) if self.has_bias else out


class Conv3dTranspose(_Conv):
    """Transposed 3-D convolution (Conv3DTranspose); weight ``(in_channels, out_channels/group, kd, kh, kw)``."""

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, pad_mode="same", padding=0, dilation=1,
                 group=1, output_padding=0, has_bias=False, weight_init=None, bias_init=None, data_format="NCDHW",
                 dtype=mstype.float32):
        kernel_size, stride, dilation = _check_3d_args("Conv3dTranspose", in_channels, out_channels, group,
                                                       kernel_size, stride, dilation, padding)
        self.output_padding = _triple("output_padding", output_padding, "Conv3dTranspose", low=0)
        super().__init__(in_channels, out_channels, kernel_size, stride, pad_mode, padding, dilation, group, has_bias,
                         weight_init, bias_init, data_format, transposed=True, dtype=dtype)
        self.conv3d_transpose = ops.Conv3DTranspose(in_channel=self.in_channels, out_channel=self.out_channels,
                                                    kernel_size=self.kernel_size, mode=1, pad_mode=self.pad_mode,
                                                    pad=self.padding, stride=self.stride, dilation=self.dilation,
                                                    group=self.group, output_padding=self.output_padding,
                                                    data_format=self.data_format)
        self.bias_add = ops.BiasAdd(data_format=self.data_format)

    def construct(self, x):
        out = self.conv3d_transpose(x, self.weight)
        return self.bias_add(out, self.bias) if self.has_bias else out


class Conv1dTranspose(_Conv):
    """Transposed 1-D convolution of ``(N, C_in, L)``, run as a 2-D one of height 1 (weight
    ``(in_channels, out_channels/group, 1, k)``)."""

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, pad_mode="same", padding=0, dilation=1,
                 group=1, has_bias=False, weight_init=None, bias_init=None, dtype=mstype.float32):
        for name, value, low in (("kernel_size", kernel_size, 1), ("stride", stride, 1), ("padding", padding, 0),
                                 ("dilation", dilation, 1)):
            _int_arg(value, name, "Conv1dTranspose", low)
        if isinstance(weight_init, Tensor):
            if weight_init.ndim != 3:
                raise ValueError(f"For 'Conv1dTranspose', 'weight_init_shape' must be equal to 3, but got "
                                 f"{weight_init.ndim}.")
            weight_init = weight_init.reshape(weight_init.shape[:2] + (1,) + weight_init.shape[2:])
        super().__init__(in_channels, out_channels, (1, kernel_size), (1, stride), pad_mode, padding, (1, dilation),
                         group, has_bias, weight_init, bias_init, transposed=True, dtype=dtype)
        self.padding = (0, 0, padding, padding)
        self.mode = validator.check_string(pad_mode, ["valid", "same", "pad"], "pad_mode", "Conv1dTranspose")
        self.conv2d_transpose = ops.Conv2DBackpropInput(out_channel=in_channels, kernel_size=self.kernel_size, mode=1,
                                                        pad_mode=pad_mode, pad=self.padding, stride=self.stride,
                                                        dilation=self.dilation, group=group)
        self.bias_add = ops.BiasAdd()

    def construct(self, x):
        if x.ndim != 3:
            raise ValueError(f"For 'Conv1dTranspose', the dimension of input must be 3d, but got {x.ndim}.")
        n, _, w = x.shape
        w_out = _deconv_output_length(self.mode, w, self.kernel_size[1], self.stride[1], self.dilation[1],
                                      self.padding[2] + self.padding[3])
        x = ops.reshape(x, (n, x.shape[1], 1, w))
        out = self.conv2d_transpose(x, self.weight, (n, self.out_channels, 1, w_out))
        if self.has_bias:
            out = self.bias_add(out, self.bias)
        return ops.reshape(out, out.shape[:2] + out.shape[3:])
