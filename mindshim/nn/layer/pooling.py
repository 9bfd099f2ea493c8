"""Pooling layers (``mindspore.nn.layer.pooling``): max, average, LP and adaptive pooling in 1, 2 and 3 dimensions.

MaxPool1d/MaxPool2d with ``pad_mode='pad'`` run MaxPoolWithArgmaxV2 where MindSpore runs MaxPool3DWithArgmax on a
volume of depth (and height) 1: the same values and indices.
"""
from ... import _checkparam as validator
from ... import ops
from ...common import dtype as mstype
from ...common.tensor import Tensor
from ..cell import Cell

__all__ = ["MaxPool1d", "MaxPool2d", "MaxPool3d", "AvgPool1d", "AvgPool2d", "AvgPool3d", "LPPool1d", "LPPool2d",
           "AdaptiveAvgPool1d", "AdaptiveAvgPool2d", "AdaptiveAvgPool3d", "AdaptiveMaxPool1d", "AdaptiveMaxPool2d",
           "AdaptiveMaxPool3d", "MaxUnpool1d", "MaxUnpool2d", "MaxUnpool3d", "FractionalMaxPool2d",
           "FractionalMaxPool3d"]


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


def _max_pool_padding(padding, cls, nd=2):
    validator.check_value_type("padding", padding, (int, tuple, list), cls)
    if isinstance(padding, int):
        return (validator.check_non_negative_int(padding, "padding", cls),) * nd
    for p in padding:
        validator.check_non_negative_int(p, "padding", cls)
    if len(padding) == 1:
        return tuple(padding) * nd
    if len(padding) != nd:
        raise ValueError(f"For {cls}, the length of padding must equal to {nd}, but got {len(padding)}.")
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


class _Pool1d(_PoolNd):
    """1-D pooling of ``(N, C, L)`` or ``(C, L)``: an unbatched input gets a batch axis around ``_pool1d``."""

    def __init__(self, kernel_size, stride, pad_mode):
        super().__init__(kernel_size, stride, pad_mode)
        validator.check_int(kernel_size, 1, validator.GE, "kernel_size", type(self).__name__)
        validator.check_int(stride, 1, validator.GE, "stride", type(self).__name__)

    def construct(self, x):
        if x.ndim != 2:
            return self._pool1d(x)
        out = self._pool1d(_unsqueeze(x, 0))
        return tuple(_squeeze(o, 0) for o in out) if isinstance(out, tuple) else _squeeze(out, 0)


class MaxPool1d(_Pool1d):
    """1-D max pooling; 'pad' mode adds padding, dilation, ceil_mode and ``return_indices``."""

    def __init__(self, kernel_size=1, stride=1, pad_mode="valid", padding=0, dilation=1, return_indices=False,
                 ceil_mode=False):
        super().__init__(kernel_size, stride, pad_mode)
        self.return_indices = return_indices
        self.use_pad = self.pad_mode == "PAD"
        if self.use_pad:
            padding = _max_pool_padding(padding, "MaxPool1d", 1)
            dilation = dilation[0] if isinstance(dilation, tuple) and len(dilation) == 1 else dilation
            if not isinstance(dilation, int):
                raise ValueError(f"For MaxPool1d, the length of 'dilation' must be 1, but got {len(dilation)}.")
            self.max_pool = ops.MaxPoolWithArgmaxV2(kernel_size=(1, kernel_size), strides=(1, stride),
                                                    pads=(0, padding[0]), dilation=(1, dilation), ceil_mode=ceil_mode)
        else:
            if padding != 0 or dilation != 1 or return_indices or ceil_mode:
                raise ValueError("For MaxPool1d, the parameter 'padding', 'dilation', 'return_indices', 'ceil_mode' "
                                 "can not be set to non-default value when pad_mode is not 'pad', but got "
                                 f"pad_mode:{pad_mode}.")
            self.max_pool = ops.MaxPool(kernel_size=(1, kernel_size), strides=(1, stride), pad_mode=self.pad_mode)

    def _pool1d(self, x):
        _check_rank(x, 3, "MaxPool1d")
        out = self.max_pool(_unsqueeze(x, 2))
        if not self.use_pad:
            return _squeeze(out, 2)
        out = tuple(_squeeze(o, 2) for o in out)
        return out if self.return_indices else out[0]


class AvgPool1d(_Pool1d):
    """1-D average pooling; padding, ceil_mode and count_include_pad as in PyTorch."""

    def __init__(self, kernel_size=1, stride=1, pad_mode="valid", padding=0, ceil_mode=False, count_include_pad=True):
        super().__init__(kernel_size, stride, pad_mode)
        self.is_expand_3d = pad_mode.upper() == "PAD" or padding != 0 or ceil_mode or not count_include_pad
        if self.is_expand_3d:
            self.avg_pool = ops.AvgPool3D(kernel_size=(1, 1, kernel_size), strides=(1, 1, stride), pad_mode=pad_mode,
                                          pad=_avg_pool1d_padding(padding), ceil_mode=ceil_mode,
                                          count_include_pad=count_include_pad)
        else:
            self.avg_pool = ops.AvgPool(kernel_size=(1, kernel_size), strides=(1, stride), pad_mode=self.pad_mode)

    def _pool1d(self, x):
        if self.is_expand_3d:
            return self.avg_pool(x.reshape(x.shape[:2] + (1, 1) + x.shape[2:])).reshape(x.shape[:2] + (-1,))
        _check_rank(x, 3, "AvgPool1d")
        width = x.shape[2]
        if width == self.kernel_size:
            return ops.ReduceMean(keep_dims=True)(x, 2)
        if width - self.kernel_size < self.stride:
            return ops.ReduceMean(keep_dims=True)(x[:, :, :self.kernel_size], 2)
        return _squeeze(self.avg_pool(_unsqueeze(x, 2)), 2)


def _check_rank(x, rank, cls):
    if x.ndim != rank:
        raise ValueError(f"For {cls}, input must have 3 dim, but got {x.ndim}.")


def _avg_pool1d_padding(padding):
    validator.check_value_type("padding", padding, (int, tuple, list), "AvgPool1d")
    if isinstance(padding, (tuple, list)):
        if len(padding) != 1:
            raise ValueError(f"For AvgPool1d, the padding must be a int or tuple/list contains one int, but got "
                             f"tuple/list with length:{len(padding)}.")
        padding = padding[0]
    validator.check_non_negative_int(padding, "padding", "AvgPool1d")
    return (0, 0, 0, 0, padding, padding)


class MaxPool3d(_PoolNd):
    """3-D max pooling of ``(N, C, D, H, W)`` or ``(C, D, H, W)``; dilation and ``return_indices`` (the flat
    ``D*H*W`` index) need 'pad' mode."""

    def __init__(self, kernel_size=1, stride=1, pad_mode="valid", padding=0, dilation=1, return_indices=False,
                 ceil_mode=False):
        super().__init__(kernel_size, stride, pad_mode)
        self.return_indices = return_indices
        padding = _max_pool_padding(padding, "MaxPool3d", 3)
        self.only_pad = dilation != 1 or return_indices
        if self.only_pad:
            if pad_mode.upper() != "PAD":
                raise ValueError(f"For MaxPool3d, the pad_mode must be 'pad' when dilation is not 1 or return_indices "
                                 f"is True, but got pad_mode:{pad_mode}.")
            self.max_pool = ops.MaxPool3DWithArgmax(ksize=kernel_size, strides=stride, pads=padding,
                                                    dilation=dilation, ceil_mode=ceil_mode)
        else:
            self.max_pool = ops.MaxPool3D(kernel_size=kernel_size, strides=stride, pad_mode=pad_mode,
                                          pad_list=padding, ceil_mode=ceil_mode or None)

    def construct(self, x):
        unbatched = x.ndim == 4
        out = self.max_pool(_unsqueeze(x, 0) if unbatched else x)
        if unbatched:
            out = tuple(_squeeze(o, 0) for o in out) if isinstance(out, tuple) else _squeeze(out, 0)
        return out[0] if self.only_pad and not self.return_indices else out


class AvgPool3d(_PoolNd):
    """3-D average pooling of ``(N, C, D, H, W)`` or ``(C, D, H, W)`` (the AvgPool3D primitive)."""

    def __init__(self, kernel_size=1, stride=1, pad_mode="valid", padding=0, ceil_mode=False, count_include_pad=True,
                 divisor_override=None):
        super().__init__(kernel_size, stride, pad_mode)
        if divisor_override is not None and divisor_override <= 0:
            raise ValueError(f"For 'AvgPool3d', the 'divisor_override' must be > 0, but got {divisor_override}.")
        self.avg_pool = ops.AvgPool3D(self.kernel_size, self.stride, pad_mode, _avg_pool3d_padding(padding), ceil_mode,
                                      count_include_pad, divisor_override or 0)

    def construct(self, x):
        if x.ndim == 4:
            return _squeeze(self.avg_pool(_unsqueeze(x, 0)), 0)
        return self.avg_pool(x)


def _avg_pool3d_padding(padding):
    validator.check_value_type("padding", padding, (int, tuple, list), "AvgPool3d")
    if isinstance(padding, int):
        return (padding,) * 6
    for p in padding:
        validator.check_non_negative_int(p, "padding", "AvgPool3d")
    if len(padding) == 3:
        return tuple(padding[i // 2] for i in range(6))
    if len(padding) == 1:
        return tuple(padding) * 6
    raise ValueError(f"For AvgPool3d, the padding must be a int or tuple/list contains 1 or 3 int, but got "
                     f"tuple/list with length:{len(padding)}.")


class _LPPool(Cell):
    """Power-average pooling: ``ops.lp_pool1d`` / ``ops.lp_pool2d``."""

    def __init__(self, norm_type, kernel_size, stride=None, ceil_mode=False):
        super().__init__()
        self.norm_type = norm_type
        self.kernel_size = kernel_size
        self.stride = stride
        self.ceil_mode = ceil_mode

    def construct(self, x):
        return self._lp_pool(x, self.norm_type, self.kernel_size, self.stride, self.ceil_mode)


class LPPool1d(_LPPool):
    """1-D power-average pooling of ``(N, C, L)`` or ``(C, L)``."""
    _lp_pool = staticmethod(ops.lp_pool1d)


class LPPool2d(_LPPool):
    """2-D power-average pooling of ``(N, C, H, W)``."""
    _lp_pool = staticmethod(ops.lp_pool2d)


class _AdaptivePool1d(Cell):
    """Adaptive 1-D pooling of ``(N, C, L)`` as MindSpore computes it: one 2-D pooling with stride
    ``L // output_size`` and the kernel that covers ``L``."""

    def __init__(self, output_size):
        super().__init__()
        cls = type(self).__name__
        validator.check_value_type("output_size", output_size, [int], cls)
        validator.check_int(output_size, 1, validator.GE, "output_size", cls)
        self.output_size = output_size

    def construct(self, x):
        cls = type(self).__name__
        if x.ndim != 3:
            raise ValueError(f"For {cls}, input must have 3 dim, but got {x.ndim}.")
        if x.shape[2] < self.output_size:
            raise ValueError(f"For {cls}, input's last dimension must be greater or equal to output size "
                             f"{self.output_size}, but got {x.shape[2]}.")
        if x.shape[2] % self.output_size != 0:
            raise ValueError(f"For {cls}, input's last dimension must be divisible by output size "
                             f"{self.output_size}, but got {x.shape[2]}.")
        if x.dtype not in (mstype.float16, mstype.float32):
            raise TypeError(f"For {cls}, the input dtype must be float16 or float32, but got {x.dtype}.")
        width = x.shape[2]
        stride = width // self.output_size
        kernel_size = width - (self.output_size - 1) * stride
        return _squeeze(self._primitive(kernel_size=(1, kernel_size), strides=(1, stride))(_unsqueeze(x, 2)), 2)


class AdaptiveAvgPool1d(_AdaptivePool1d):
    """Adaptive 1-D average pooling (an AvgPool)."""
    _primitive = ops.AvgPool


class AdaptiveMaxPool1d(_AdaptivePool1d):
    """Adaptive 1-D max pooling (a MaxPool)."""
    _primitive = ops.MaxPool


class AdaptiveMaxPool2d(Cell):
    """Max over MindSpore's adaptive windows to ``output_size`` (``None`` keeps a size); ``return_indices`` adds
    the flat ``H*W`` index of each maximum."""

    def __init__(self, output_size, return_indices=False):
        super().__init__()
        self.output_size = output_size
        self.return_indices = return_indices

    def construct(self, input):
        return ops.adaptive_max_pool2d(input, self.output_size, self.return_indices)


class AdaptiveAvgPool3d(Cell):
    """Average over MindSpore's adaptive windows of the last three axes to ``output_size``."""

    def __init__(self, output_size):
        super().__init__()
        self.adaptive_avg_pool3d = ops.AdaptiveAvgPool3D(output_size)

    def construct(self, input):
        return self.adaptive_avg_pool3d(input)


class AdaptiveMaxPool3d(Cell):
    """Max over adaptive windows of the last three axes; ``return_indices`` adds the flat ``D*H*W`` index."""

    def __init__(self, output_size, return_indices=False):
        super().__init__()
        if isinstance(output_size, int):
            output_size = (output_size,) * 3
        self.output_size = Tensor(output_size, mstype.int32)
        self.return_indices = return_indices
        self.adaptive_max_pool3d = ops.AdaptiveMaxPool3D()

    def construct(self, input):
        output = self.adaptive_max_pool3d(input, self.output_size)
        return output if self.return_indices else output[0]


class _MaxUnpool(Cell):
    """The inverse of max pooling (``ops.max_unpool<n>d``): values at their ``indices`` in a zero output."""

    def __init__(self, kernel_size, stride=None, padding=0):
        super().__init__()
        self.kernel_size = kernel_size
        self.stride = kernel_size if stride is None else stride
        self.padding = padding

    def construct(self, x, indices, output_size=None):
        name = type(self).__name__
        if output_size is not None:
            if not isinstance(output_size, tuple):
                raise ValueError(f"For {name}, output_size must be tuple, but type {type(output_size)}.")
            if not output_size:
                raise ValueError(f"For {name}, the length of output_size must be positive, but got 0.")
        return self._unpool(x, indices, self.kernel_size, stride=self.stride, padding=self.padding,
                            output_size=output_size)


class MaxUnpool1d(_MaxUnpool):
    """The inverse of MaxPool1d."""
    _unpool = staticmethod(ops.max_unpool1d)


class MaxUnpool2d(_MaxUnpool):
    """The inverse of MaxPool2d."""
    _unpool = staticmethod(ops.max_unpool2d)


class MaxUnpool3d(_MaxUnpool):
    """The inverse of MaxPool3d."""
    _unpool = staticmethod(ops.max_unpool3d)


class _FractionalMaxPool(Cell):
    """Max over ``kernel_size`` windows at pseudo-random fractional starts (``ops.fractional_max_pool2d/3d``) into
    ``output_size`` or ``output_ratio`` of the input; ``return_indices`` also gives the flat index of each maximum.
    mindshim needs ``_random_samples`` (``(N, C, dims)`` in [0, 1))."""
    _pool = None

    def __init__(self, kernel_size, output_size=None, output_ratio=None, return_indices=False, _random_samples=None):
        super().__init__()
        if output_size is None and output_ratio is None:
            raise ValueError(f"For '{type(self).__name__}', 'output_size' and 'output_ratio' can not be None at the "
                             "same time.")
        self.kernel_size, self.output_size, self.output_ratio = kernel_size, output_size, output_ratio
        self.return_indices, self._random_samples = return_indices, _random_samples

    def construct(self, input):
        return type(self)._pool(input, self.kernel_size, self.output_size, self.output_ratio, self.return_indices,
                                self._random_samples)


class FractionalMaxPool2d(_FractionalMaxPool):
    _pool = staticmethod(ops.fractional_max_pool2d)


class FractionalMaxPool3d(_FractionalMaxPool):
    _pool = staticmethod(ops.fractional_max_pool3d)
