"""Pooling layers (``mindspore.nn.layer.pooling``): MaxPool2d, AvgPool2d, AdaptiveAvgPool2d.

MaxPool2d with ``pad_mode='pad'`` runs MaxPoolWithArgmaxV2 where MindSpore runs MaxPool3DWithArgmax on a depth-1
volume: the same values and indices.
"""
from ... import _checkparam as validator
from ... import ops
from ..cell import Cell

__all__ = ["MaxPool2d", "AvgPool2d", "AdaptiveAvgPool2d"]


def _unsqueeze(x, axis):
    return ops.reshape(x, x.shape[:axis] + (1,) + x.shape[axis:])


def _squeeze(x, axis):
    return ops.reshape(x, x.shape[:axis] + x.shape[axis + 1:])


class _PoolNd(Cell):
    """Shared checks of kernel_size, stride, pad_mode and format; ``extend_repr``; ``construct`` pools a 3-D
    ``(C, H, W)`` input as a batch of one (``_pool`` pools a batch)."""

    def __init__(self, kernel_size, stride, pad_mode, data_format="NCHW"):
        super().__init__()
        cls = type(self).__name__
        validator.check_value_type("pad_mode", pad_mode, str, cls)
        self.pad_mode = validator.check_string(pad_mode.upper(), ["VALID", "SAME", "PAD"], "pad_mode", cls)
        self.format = validator.check_string(data_format, ["NCHW", "NHWC"], "format", cls)
        if self.format == "NHWC":
            raise ValueError(f"For '{cls}, the 'NHWC' format only support in GPU target, but got device target CPU.")
        self.kernel_size = self._int_or_tuple("kernel_size", kernel_size)
        self.stride = self._int_or_tuple("stride", stride)

    def _int_or_tuple(self, name, value):
        cls = type(self).__name__
        validator.check_value_type(name, value, (int, tuple), cls)
        values = (value,) if isinstance(value, int) else value
        if any(not isinstance(v, int) or v <= 0 for v in values):
            raise ValueError(f"For '{cls}', the '{name}' must be an positive int number or a tuple, but got {value}")
        return value[0] if isinstance(value, tuple) and len(value) == 1 else value

    def _as_3d(self, value):
        """A kernel/stride as the ``(1, h, w)`` the depth-1 3-D form takes."""
        if isinstance(value, tuple):
            if len(value) != 2:
                raise ValueError(f"For {type(self).__name__}, the length of {value} must be equal to 2, but got "
                                 f"{len(value)}.")
            return (1,) + value
        return (1, value, value)

    def _primitive_2d(self, primitive):
        """The 2-D pooling primitive over the checked kernel_size, stride, pad_mode and format."""
        return primitive(kernel_size=self.kernel_size, strides=self.stride, pad_mode=self.pad_mode,
                         data_format=self.format)

    def construct(self, x):
        if x.ndim != 3:
            return self._pool(x)
        out = self._pool(_unsqueeze(x, 0))
        return tuple(_squeeze(o, 0) for o in out) if isinstance(out, tuple) else _squeeze(out, 0)

    def extend_repr(self):
        return f"kernel_size={self.kernel_size}, stride={self.stride}, pad_mode={self.pad_mode}"


class MaxPool2d(_PoolNd):
    """2-D max pooling of ``(N, C, H, W)`` or ``(C, H, W)``; 'pad' mode adds padding, dilation, ceil_mode and
    ``return_indices`` (the flat ``H*W`` index of each maximum)."""

    def __init__(self, kernel_size=1, stride=1, pad_mode="valid", padding=0, dilation=1, return_indices=False,
                 ceil_mode=False, data_format="NCHW"):
        super().__init__(kernel_size, stride, pad_mode, data_format)
        self.return_indices = return_indices
        self.use_pad = self.pad_mode == "PAD"
        if self.use_pad:
            self.padding = _max_pool_padding(padding, type(self).__name__)
            self.max_pool = ops.MaxPoolWithArgmaxV2(kernel_size=self._as_3d(self.kernel_size)[1:],
                                                    strides=self._as_3d(self.stride)[1:], pads=self.padding,
                                                    dilation=_dilation(dilation), ceil_mode=ceil_mode)
        else:
            if padding != 0 or dilation != 1 or return_indices or ceil_mode:
                raise ValueError("For MaxPool2d, the parameter 'padding', 'dilation', 'return_indices', 'ceil_mode' "
                                 "can not be set to non-default value when pad_mode is not 'pad', but got "
                                 f"pad_mode:{pad_mode}.")
            self.max_pool = self._primitive_2d(ops.MaxPool)

    def _pool(self, x):
        out = self.max_pool(x)
        return out[0] if self.use_pad and not self.return_indices else out


def _max_pool_padding(padding, cls):
    validator.check_value_type("padding", padding, (int, tuple, list), cls)
    if isinstance(padding, int):
        return (validator.check_non_negative_int(padding, "padding", cls),) * 2
    for p in padding:
        validator.check_non_negative_int(p, "padding", cls)
    if len(padding) == 1:
        return tuple(padding) * 2
    if len(padding) != 2:
        raise ValueError(f"For {cls}, the length of padding must equal to 2, but got {len(padding)}.")
    return tuple(padding)


def _dilation(dilation):
    if isinstance(dilation, int):
        return (dilation, dilation)
    if isinstance(dilation, tuple) and len(dilation) in (1, 2):
        return dilation * (3 - len(dilation))
    raise ValueError(f"For MaxPool2d, the length of 'dilation' must be 1 or 2, but got {dilation}.")


def _avg_padding(padding, cls):
    validator.check_value_type("padding", padding, (int, tuple, list), cls)
    if isinstance(padding, int):
        return (0, 0) + (padding,) * 4
    for p in padding:
        validator.check_non_negative_int(p, "padding", cls)
    if len(padding) == 2:
        return (0, 0) + tuple(padding[i // 2] for i in range(4))
    if len(padding) == 1:
        return (0, 0) + tuple(padding) * 4
    raise ValueError(f"For {cls}, the padding must be a int or tuple/list contains 1 or 2 int, but got tuple/list "
                     f"with length:{len(padding)}.")


class AvgPool2d(_PoolNd):
    """2-D average pooling; padding, ceil_mode, count_include_pad and divisor_override as in PyTorch."""

    def __init__(self, kernel_size=1, stride=1, pad_mode="valid", padding=0, ceil_mode=False, count_include_pad=True,
                 divisor_override=None, data_format="NCHW"):
        super().__init__(kernel_size, stride, pad_mode, data_format)
        self.is_expand = (pad_mode.upper() == "PAD" or padding != 0 or ceil_mode or not count_include_pad
                          or divisor_override is not None)
        if self.is_expand:
            if divisor_override is not None and divisor_override <= 0:
                raise ValueError(f"For 'AvgPool2d', the 'divisor_override' must be > 0, but got {divisor_override}.")
            self.avg_pool = ops.AvgPool3D(kernel_size=self._as_3d(self.kernel_size), strides=self._as_3d(self.stride),
                                          pad_mode=pad_mode.lower(), pad=_avg_padding(padding, "AvgPool2d"),
                                          ceil_mode=ceil_mode, count_include_pad=count_include_pad,
                                          divisor_override=divisor_override or 0)
        else:
            self.avg_pool = self._primitive_2d(ops.AvgPool)

    def _pool(self, x):
        if self.is_expand:
            return _squeeze(self.avg_pool(_unsqueeze(x, 2)), 2)
        return self.avg_pool(x)


class AdaptiveAvgPool2d(Cell):
    """Average pooling to ``output_size`` (int or (h, w); ``None`` keeps a size) of 3-D or 4-D input."""

    def __init__(self, output_size):
        super().__init__()
        self.adaptive_avgpool2d = ops.AdaptiveAvgPool2D(output_size)

    def construct(self, input):
        return self.adaptive_avgpool2d(input)
