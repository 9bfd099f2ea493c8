"""``mindspore.dataset.vision``: image transforms on numpy arrays (HWC, or HW, as MindSpore).

Values and dtypes follow MindSpore's CPU kernels: Rescale and Normalize give Float32 computed in float32;
HWC2CHW, the flips, crops and Resize keep the input's dtype. Resize reproduces OpenCV's ``resize`` (which
MindSpore calls) in numpy: pixel-centre sampling, for uint8 its 11-bit fixed-point weights and rounding; see
``_resize_linear`` for where values can differ. PIL images are not supported (numpy arrays are).
"""
import numbers

import numpy as np

from ..core.validator_helpers import FLOAT_MAX_INTEGER, INT32_MAX, check_float32, check_uint8, check_value, type_check
from ..engine._pipeline import DataError
from ..transforms.transforms import TensorOperation, dtype_name
from .utils import Border, Inter

_IMAGE_TYPES = ("bool", "int8", "uint8", "int16", "uint16", "int32", "float16", "float32", "float64")
_IMAGE_DTYPES = frozenset(np.dtype(t) for t in _IMAGE_TYPES)
_NORMALIZE_DTYPES = frozenset(np.dtype(t) for t in _IMAGE_TYPES + ("uint32", "int64", "uint64"))


def _check_image_type(name, x):
    if x.dtype not in _IMAGE_DTYPES:
        raise DataError(f"{name}: the data type of image tensor does not match the requirement of operator. Expecting "
                        f"tensor in type of ({', '.join(_IMAGE_TYPES)}). But got type {dtype_name(x.dtype)}.")


def _check_rank2(name, x):
    if x.ndim < 2:
        raise DataError(f"{name}: the image tensor should have at least two dimensions. You may need to perform "
                        "Decode first.")


def _hw_axes(x):
    """The height and width axes of an HW image, an HWC image or a stack of HWC images."""
    return (0, 1) if x.ndim == 2 else (x.ndim - 3, x.ndim - 2)


class ImageTensorOperation(TensorOperation):
    """Base of the vision transforms: called directly, they take numpy arrays only."""

    def _eager_input(self, value):
        if not isinstance(value, np.ndarray):
            if type(value).__module__.startswith("PIL"):
                raise NotImplementedError("mindspore.dataset.vision transforms on PIL images are not supported by "
                                          "mindshim yet; pass numpy arrays")
            raise TypeError(f"Input should be NumPy or PIL image, got {type(value)}.")
        return value


class Rescale(ImageTensorOperation):
    """``image * rescale + shift`` as Float32."""
    _batchable = True

    def __init__(self, rescale, shift):
        type_check(rescale, (numbers.Number,), "rescale")
        type_check(shift, (numbers.Number,), "shift")
        check_float32(rescale, "rescale")
        check_float32(shift, "shift")
        super().__init__()
        self.rescale, self.shift = rescale, shift

    def _one(self, x, rng):
        if x.ndim == 0:
            raise DataError("Rescale: the image tensor should have at least one dimension, but got a scalar.")
        return self._many(x)

    def _many(self, x):
        """In float32 with one rounding, as OpenCV's fused multiply-add (exact in float64, then rounded)."""
        _check_image_type("Rescale", x)
        scale, shift = float(np.float32(self.rescale)), float(np.float32(self.shift))
        return (x.astype(np.float64) * scale + shift).astype(np.float32)


class Normalize(ImageTensorOperation):
    """``(image - mean) / std`` per channel (the last axis, or the third from last with ``is_hwc=False``), as
    Float32."""
    _batchable = True

    def __init__(self, mean, std, is_hwc=True):
        type_check(mean, (list, tuple), "mean")
        type_check(std, (list, tuple), "std")
        if len(mean) != len(std):
            raise ValueError("Length of mean and std must be equal.")
        for i, m in enumerate(mean):
            type_check(m, (int, float), f"mean[{i}]")
            check_value(m, [0, 255], f"mean[{i}]")
        for i, s in enumerate(std):
            type_check(s, (int, float), f"std[{i}]")
            check_value(s, [0, 255], f"std[{i}]", left_open=True)
        type_check(is_hwc, (bool,), "is_hwc")
        super().__init__()
        self.mean, self.std, self.is_hwc = list(mean), list(std), is_hwc

    def _one(self, x, rng):
        return self._normalize(x, x.shape)

    def _many(self, x):
        return self._normalize(x, x.shape[1:])

    def _normalize(self, x, sample_shape):
        if x.dtype not in _NORMALIZE_DTYPES:
            raise DataError("Normalize: unsupported type, currently supported types include [bool,int8_t,uint8_t,"
                            "int16_t,uint16_t,int32_t,uint32_t,int64_t,uint64_t,float16,float,double].")
        if len(sample_shape) < 2:
            raise DataError(f"Normalize: input tensor should have at least 2 dimensions, but got: {len(sample_shape)}")
        channels = 1 if len(sample_shape) == 2 else sample_shape[-1 if self.is_hwc else -3]
        if channels != len(self.mean):
            raise DataError("Normalize: number of channels does not match the size of mean and std vectors, got "
                            f"channels: {channels}, size of mean: {len(self.mean)}")
        shape = (-1,) if self.is_hwc or len(sample_shape) == 2 else (-1, 1, 1)
        mean = np.asarray(self.mean, np.float32).reshape(shape)
        std = np.asarray(self.std, np.float32).reshape(shape)
        return (x.astype(np.float32) - mean) / std


class HWC2CHW(ImageTensorOperation):
    """An HWC image as CHW (an HW image is returned as it is)."""
    _batchable = True

    def _one(self, x, rng):
        return self._transpose(x, x.ndim, 0)

    def _many(self, x):
        return self._transpose(x, x.ndim - 1, 1)

    @staticmethod
    def _transpose(x, rank, lead):
        if rank not in (2, 3):
            raise DataError(f"HWC2CHW: image shape should be <H,W> or <H,W,C>, but got rank: {rank}")
        _check_image_type("HWC2CHW", x)
        if rank == 2:
            return x.copy()
        return np.ascontiguousarray(np.moveaxis(x, -1, lead))


class _RandomFlip(ImageTensorOperation):
    _horizontal = True

    def __init__(self, prob=0.5):
        type_check(prob, (float, int), "prob")
        check_value(prob, [0., 1.], "prob")
        super().__init__()
        self.prob = prob
        self.random = True

    def _one(self, x, rng):
        _check_rank2(self._name(), x)
        _check_image_type(self._name(), x)
        if rng.random() >= self.prob:
            return x
        return np.ascontiguousarray(np.flip(x, _hw_axes(x)[1 if self._horizontal else 0]))


class RandomHorizontalFlip(_RandomFlip):
    """Flip left to right with probability ``prob``."""


class RandomVerticalFlip(_RandomFlip):
    """Flip upside down with probability ``prob``."""
    _horizontal = False


def _check_size(size):
    if isinstance(size, int):
        check_value(size, (1, FLOAT_MAX_INTEGER))
    elif isinstance(size, (tuple, list)) and len(size) == 2:
        for i, value in enumerate(size):
            type_check(value, (int,), f"size at dim {i}")
            check_value(value, (1, INT32_MAX), f"size at dim {i}")
    else:
        raise TypeError("Size should be a single integer or a list/tuple (h, w) of length 2.")


def _pad(x, top, bottom, left, right, mode, fill):
    """``x`` padded on its height and width axes (``fill``: one value, or one per channel of an HWC image)."""
    hax, wax = _hw_axes(x)
    widths = [(0, 0)] * x.ndim
    widths[hax], widths[wax] = (top, bottom), (left, right)
    if mode != Border.CONSTANT:
        return np.pad(x, widths, mode=mode.value)
    fills = fill if isinstance(fill, tuple) else (fill,)
    if x.ndim >= 3 and len(set(fills)) > 1 and x.shape[-1] == len(fills):
        return np.stack([np.pad(x[..., c], widths[:-1], constant_values=np.array(v).astype(x.dtype))
                         for c, v in enumerate(fills)], axis=-1)
    return np.pad(x, widths, constant_values=np.array(fills[0]).astype(x.dtype))


class RandomCrop(ImageTensorOperation):
    """Pad by ``padding`` (one value; left/right and top/bottom; or left, top, right, bottom), pad further to the
    crop size with ``pad_if_needed``, then cut a ``size`` window at a random place."""

    def __init__(self, size, padding=None, pad_if_needed=False, fill_value=0, padding_mode=Border.CONSTANT):
        type_check(size, (int, list, tuple), "size")
        if isinstance(size, int):
            check_value(size, (1, FLOAT_MAX_INTEGER))
        elif len(size) == 2:
            for i, value in enumerate(size):
                type_check(value, (int,), f"size[{i}]")
                check_value(value, (1, FLOAT_MAX_INTEGER))
        else:
            raise TypeError("Size should be a single integer or a list/tuple (h, w) of length 2.")
        type_check(pad_if_needed, (bool,), "pad_if_needed")
        if padding is not None:
            type_check(padding, (tuple, list, numbers.Number), "padding")
            if isinstance(padding, numbers.Number):
                type_check(padding, (int,), "padding")
                check_value(padding, (0, INT32_MAX), "padding")
            else:
                if len(padding) not in (2, 4):
                    raise ValueError("The size of the padding list or tuple should be 2 or 4.")
                for i, value in enumerate(padding):
                    type_check(value, (int,), f"padding[{i}]")
                    check_value(value, (0, INT32_MAX), "pad_value")
        if isinstance(fill_value, int):
            check_uint8(fill_value, "fill_value")
        elif isinstance(fill_value, tuple) and len(fill_value) == 3:
            for i, value in enumerate(fill_value):
                check_uint8(value, f"fill_value[{i}]")
        else:
            raise TypeError("fill_value should be a single integer or a 3-tuple.")
        type_check(padding_mode, (Border,), "padding_mode")
        super().__init__()
        self.size = (size, size) if isinstance(size, int) else tuple(size)
        pad = 0 if padding is None else padding
        pad = (pad,) * 4 if isinstance(pad, int) else tuple(pad) * (2 if len(pad) == 2 else 1)
        self.padding = (pad[1], pad[3], pad[0], pad[2])  # top, bottom, left, right
        self.pad_if_needed, self.fill_value, self.padding_mode = pad_if_needed, fill_value, padding_mode
        self.random = True

    def _one(self, x, rng):
        if x.ndim < 2:
            raise DataError(f"RandomCropOp: input tensor should have at least 2 dimensions, but got: {x.ndim}")
        _check_image_type("Pad", x)
        x = _pad(x, *self.padding, self.padding_mode, self.fill_value)
        hax, wax = _hw_axes(x)
        (ch, cw), (h, w) = self.size, (x.shape[hax], x.shape[wax])
        if self.pad_if_needed and (h < ch or w < cw):
            dh, dw = max(ch - h, 0), max(cw - w, 0)
            x = _pad(x, dh, dh, dw, dw, self.padding_mode, self.fill_value)
            h, w = x.shape[hax], x.shape[wax]
        if ch > h or cw > w:
            raise DataError(f"RandomCrop: invalid crop size, crop size is bigger than the image dimensions, got crop "
                            f"height: {ch}, crop width: {cw}")
        top, left = int(rng.integers(h - ch + 1)), int(rng.integers(w - cw + 1))
        index = [slice(None)] * x.ndim
        index[hax], index[wax] = slice(top, top + ch), slice(left, left + cw)
        return np.ascontiguousarray(x[tuple(index)])


class Resize(ImageTensorOperation):
    """Resize to ``size`` (height, width), or the shorter side to ``size`` keeping the aspect ratio (the longer
    side rounded down), with NEAREST or LINEAR (bilinear) interpolation."""
    _batchable = True

    def __init__(self, size, interpolation=Inter.LINEAR):
        if interpolation is None:
            raise KeyError("Interpolation should not be None")
        _check_size(size)
        type_check(interpolation, (Inter,), "interpolation")
        if interpolation not in (Inter.NEAREST, Inter.LINEAR):
            raise NotImplementedError(f"mindspore.dataset.vision.Resize with {interpolation} is not supported by "
                                      "mindshim yet (NEAREST and LINEAR are)")
        super().__init__()
        self.size, self.interpolation = size, interpolation

    def _out_size(self, h, w):
        if not isinstance(self.size, int):
            return tuple(self.size)
        if h <= w:
            return self.size, w * self.size // h
        return h * self.size // w, self.size

    def _check(self, x, rank):
        if rank < 2:
            raise DataError("Resize: the image tensor should have at least two dimensions. You may need to perform "
                            "Decode first.")
        _check_image_type("Resize", x)
        if x.dtype.name not in _RESIZE_WORK:
            raise DataError(f"Resize: images of type {x.dtype} are not supported (MindSpore's OpenCV kernel rejects "
                            "them too)")

    def _one(self, x, rng):
        self._check(x, x.ndim)
        if x.ndim > 3:
            images = x.reshape((-1,) + x.shape[-3:])
            return self._resize(images, images.shape[1:3]).reshape(x.shape[:-3] + self._out_shape(x.shape[-3:]))
        images = x[None] if x.ndim == 3 else x[None, :, :, None]
        return self._resize(images, x.shape[:2]).reshape(self._out_shape(x.shape))

    def _many(self, x):
        self._check(x, x.ndim - 1)
        if x.ndim > 4:
            return np.stack([self._one(img, None) for img in x])
        images = x if x.ndim == 4 else x[..., None]
        return self._resize(images, x.shape[1:3]).reshape(x.shape[:1] + self._out_shape(x.shape[1:]))

    def _out_shape(self, image_shape):
        return self._out_size(*image_shape[:2]) + tuple(image_shape[2:])

    def _resize(self, images, hw):
        """Images stacked as (N, H, W, C) resized together."""
        out = self._out_size(*hw)
        if self.interpolation == Inter.NEAREST:
            return _resize_nearest(images, *out)
        return _resize_linear(images, *out)


# ---- OpenCV's resize, in numpy --------------------------------------------------------------------------
_RESIZE_WORK = {"uint8": None, "uint16": np.float32, "int16": np.float32, "float32": np.float32,
                "float64": np.float64}  # dtype -> working precision (None: fixed point); OpenCV has no others
_COEF_BITS = 11  # OpenCV's INTER_RESIZE_COEF_BITS: uint8 weights are integers out of 2048


def _resize_nearest(x, oh, ow):
    h, w = x.shape[1:3]
    rows = np.minimum(np.floor(np.arange(oh) * (h / oh)).astype(np.int64), h - 1)
    cols = np.minimum(np.floor(np.arange(ow) * (w / ow)).astype(np.int64), w - 1)
    return x[:, rows][:, :, cols]


def _linear_taps(src, dst, clamp_weights):
    """OpenCV's source index pairs and weights along one axis, pixel centres mapped in float32. Out of range
    indices are clamped; OpenCV zeroes the weight there along the width but keeps it along the height."""
    f = ((np.arange(dst) + 0.5) * (src / dst) - 0.5).astype(np.float32)
    s = np.floor(f).astype(np.int64)
    f = f - s.astype(np.float32)
    if clamp_weights:
        f[(s < 0) | (s >= src - 1)] = 0
    return np.clip(s, 0, src - 1), np.clip(s + 1, 0, src - 1), np.float32(1) - f, f


def _resize_linear(x, oh, ow):
    """OpenCV's bilinear ``resize`` (its ``resizeGeneric_``) of images stacked as (N, H, W, C): a horizontal pass
    then a vertical one. A downscale by exactly 2 on both axes averages 2x2 blocks (OpenCV's switch to
    INTER_AREA). uint8 uses 11-bit integer weights and OpenCV's vector rounding, and matched MindSpore exactly in
    our comparisons, as did 16-bit and float64 images; float32 can differ in the last bit (OpenCV's vector code
    fuses or reorders some sums)."""
    h, w = x.shape[1:3]
    if (h, w) == (2 * oh, 2 * ow):
        return _area_half(x)
    work = _RESIZE_WORK[x.dtype.name]
    ys, ys1, b0, b1 = _linear_taps(h, oh, False)
    xs, xs1, a0, a1 = _linear_taps(w, ow, True)
    if work is None:
        one = 1 << _COEF_BITS
        a0, a1 = (np.rint(a * one).astype(np.int32)[:, None] for a in (a0, a1))
        b0, b1 = (np.rint(b * one).astype(np.int32)[:, None, None] for b in (b0, b1))
        src = x.astype(np.int32)
        rows = src[:, :, xs] * a0 + src[:, :, xs1] * a1
        # OpenCV's vector rounding: 16-bit products of the rows shifted right by 4, high halves, then (+2) >> 2.
        out = ((((rows[:, ys] >> 4) * b0) >> 16) + (((rows[:, ys1] >> 4) * b1) >> 16) + 2) >> 2
        return np.clip(out, 0, 255).astype(np.uint8)
    src = x.astype(work)
    a0, a1 = (a.astype(work)[:, None] for a in (a0, a1))
    b0, b1 = (b.astype(work)[:, None, None] for b in (b0, b1))
    rows = src[:, :, xs] * a0 + src[:, :, xs1] * a1
    out = rows[:, ys] * b0 + rows[:, ys1] * b1
    if x.dtype.kind in "iu":
        info = np.iinfo(x.dtype)
        out = np.clip(np.rint(out), info.min, info.max)
    return out.astype(x.dtype)


def _area_half(x):
    blocks = x.reshape((x.shape[0], x.shape[1] // 2, 2, x.shape[2] // 2, 2) + x.shape[3:])
    corners = [blocks[:, :, i, :, j] for i in (0, 1) for j in (0, 1)]
    if x.dtype.kind in "iu":
        total = sum(c.astype(np.int32) for c in corners)
        return ((total + 2) >> 2).astype(x.dtype)
    work = _RESIZE_WORK[x.dtype.name]
    if work is np.float32:  # OpenCV's vector code adds pairwise; its float64 code adds in order
        total = (corners[0].astype(work) + corners[1]) + (corners[2].astype(work) + corners[3])
    else:
        total = ((corners[0].astype(work) + corners[1]) + corners[2]) + corners[3]
    return (total * work(0.25)).astype(x.dtype)
