"""``mindspore.dataset.vision``: image transforms on numpy arrays (HWC, or HW, as MindSpore).

Values and dtypes follow MindSpore's CPU kernels: Rescale and Normalize give Float32 computed in float32;
HWC2CHW, the flips, crops and Resize keep the input's dtype. Resize reproduces OpenCV's ``resize`` (which
MindSpore calls) in numpy: pixel-centre sampling, for uint8 its 11-bit fixed-point weights and rounding; see
``_resize_linear`` for where values can differ. Rotate, Affine and Perspective reproduce OpenCV's
``warpAffine``/``warpPerspective`` (fixed-point source positions, 15-bit bilinear weights for uint8); the
color adjustments OpenCV's rounding. These matched MindSpore exactly in our comparisons, except AutoContrast,
which can differ by one level on a few pixels. PIL images are taken as arrays (the result is an array); the
transforms MindSpore implements with PIL (Decode with ``to_pil``, ToPIL, FiveCrop, TenCrop, Grayscale) use PIL.
Random transforms draw from the pipeline's generator (seeded by ``config.set_seed``), not MindSpore's.
"""
import numbers

import numpy as np

from ..core.validator_helpers import (
    FLOAT_MAX_INTEGER,
    FLOAT_MIN_INTEGER,
    INT32_MAX,
    check_float32,
    check_uint8,
    check_value,
    type_check,
)
from ..engine._pipeline import DataError
from ..transforms.transforms import TensorOperation, dtype_name
from .utils import AutoAugmentPolicy, Border, Inter

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


def _is_pil(value):
    return type(value).__module__.startswith("PIL")


class ImageTensorOperation(TensorOperation):
    """Base of the vision transforms: they take numpy arrays or PIL images (as arrays: the result is a numpy
    array)."""

    def _eager_input(self, value):
        if _is_pil(value):
            return np.asarray(value)
        if not isinstance(value, np.ndarray):
            raise TypeError(f"Input should be NumPy or PIL image, got {type(value)}.")
        return value

    def _apply(self, args, rng):
        return super()._apply([np.asarray(a) if _is_pil(a) else a for a in args], rng)


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
        if interpolation not in _RESIZERS:
            raise NotImplementedError(f"mindspore.dataset.vision.Resize with {interpolation} is not supported by "
                                      "mindshim yet (NEAREST, LINEAR, BICUBIC and AREA are)")
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
        return _RESIZERS[self.interpolation](images, *out)


#: The interpolations RandomResize draws from, in the order of MindSpore's draw (0 to 3).
_RANDOM_INTERPOLATIONS = (Inter.LINEAR, Inter.NEAREST, Inter.BICUBIC, Inter.AREA)


class RandomResize(Resize):
    """``Resize`` to ``size`` with an interpolation drawn per image from LINEAR, NEAREST, BICUBIC and AREA."""
    _batchable = False

    def __init__(self, size):
        super().__init__(size)
        self.random = True

    def _one(self, x, rng):
        return Resize(self.size, _RANDOM_INTERPOLATIONS[int(rng.integers(4))])._one(x, rng)


# ---- OpenCV's resize, in numpy --------------------------------------------------------------------------
_RESIZE_WORK = {"uint8": None, "uint16": np.float32, "int16": np.float32, "float32": np.float32,
                "float64": np.float64}  # dtype -> working precision (None: fixed point); OpenCV has no others
_COEF_BITS = 11  # OpenCV's INTER_RESIZE_COEF_BITS: uint8 weights are integers out of 2048


def _resize_nearest(x, oh, ow):
    h, w = x.shape[1:3]
    rows = np.minimum(np.floor(np.arange(oh) * (h / oh)).astype(np.int64), h - 1)
    cols = np.minimum(np.floor(np.arange(ow) * (w / ow)).astype(np.int64), w - 1)
    return x[:, rows][:, :, cols]


def _linear_taps(src, dst, clamp_weights, area=False):
    """OpenCV's source index pairs and weights along one axis, pixel centres mapped in float32 (``area``: INTER_AREA
    when it enlarges, the weight the overlap of the destination cell's end with the next source pixel). Out of range
    indices are clamped; OpenCV zeroes the weight there along the width but keeps it along the height."""
    if area:
        s = np.floor(np.arange(dst) * (src / dst)).astype(np.int64)
        f = ((np.arange(dst) + 1) - (s + 1) * (dst / src)).astype(np.float32)
        f = np.where(f <= 0, np.float32(0), f - np.floor(f))
    else:
        f = ((np.arange(dst) + 0.5) * (src / dst) - 0.5).astype(np.float32)
        s = np.floor(f).astype(np.int64)
        f = f - s.astype(np.float32)
    if clamp_weights:
        f[(s < 0) | (s >= src - 1)] = 0
    return np.clip(s, 0, src - 1), np.clip(s + 1, 0, src - 1), np.float32(1) - f, f


def _resize_linear(x, oh, ow, area=False):
    """OpenCV's bilinear ``resize`` (its ``resizeGeneric_``) of images stacked as (N, H, W, C): a horizontal pass
    then a vertical one. A downscale by exactly 2 on both axes averages 2x2 blocks (OpenCV's switch to
    INTER_AREA). uint8 uses 11-bit integer weights and OpenCV's vector rounding, and matched MindSpore exactly in
    our comparisons, as did 16-bit and float64 images; float32 can differ in the last bit (OpenCV's vector code
    fuses or reorders some sums)."""
    h, w = x.shape[1:3]
    if (h, w) == (2 * oh, 2 * ow):
        return _area_half(x)
    work = _RESIZE_WORK[x.dtype.name]
    ys, ys1, b0, b1 = _linear_taps(h, oh, False, area)
    xs, xs1, a0, a1 = _linear_taps(w, ow, True, area)
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


def _cubic_taps(src, dst):
    """OpenCV's four source indices (clamped to the edge) and Keys cubic weights (a = -0.75, in float32) along one
    axis."""
    f = ((np.arange(dst) + 0.5) * (src / dst) - 0.5).astype(np.float32)
    s = np.floor(f).astype(np.int64)
    t = f - s.astype(np.float32)
    a = np.float32(-0.75)
    w = [((a * (t + 1) - 5 * a) * (t + 1) + 8 * a) * (t + 1) - 4 * a, ((a + 2) * t - (a + 3)) * t * t + 1,
         ((a + 2) * (1 - t) - (a + 3)) * (1 - t) * (1 - t) + 1]
    w.append(1 - w[0] - w[1] - w[2])
    return [np.clip(s + k, 0, src - 1) for k in (-1, 0, 1, 2)], w


def _resize_cubic(x, oh, ow):
    """OpenCV's bicubic ``resize`` of images stacked as (N, H, W, C): a horizontal pass then a vertical one, edges
    replicated. uint8 uses 11-bit integer weights across and rounds the vertical sum (OpenCV's vector code
    computes it in float32)."""
    h, w = x.shape[1:3]
    ys, b = _cubic_taps(h, oh)
    xs, a = _cubic_taps(w, ow)
    if x.dtype == np.uint8:
        one = 1 << _COEF_BITS
        a = [np.rint(ak * one).astype(np.int32)[:, None] for ak in a]
        src = x.astype(np.int32)
        rows = sum(src[:, :, xk] * ak for xk, ak in zip(xs, a)).astype(np.float32)
        scale = np.float32(1.0 / (one * one))
        b = [(np.rint(bk * one).astype(np.float32) * scale)[:, None, None] for bk in b]
        return _saturate(sum(rows[:, yk] * bk for yk, bk in zip(ys, b)), np.uint8)
    work = _RESIZE_WORK[x.dtype.name]
    src = x.astype(work)
    rows = sum(src[:, :, xk] * ak.astype(work)[:, None] for xk, ak in zip(xs, a))
    out = sum(rows[:, yk] * bk.astype(work)[:, None, None] for yk, bk in zip(ys, b))
    return _saturate(out, x.dtype) if x.dtype.kind in "iu" else out.astype(x.dtype)


def _area_table(src, dst):
    """OpenCV's ``computeResizeAreaTab``: per destination index, the source indices its cell covers and the
    covered fractions (float32) of the cell, as ``(indices, weights)`` arrays of shape (taps, dst), zero-padded."""
    scale = src / dst
    taps = []
    for d in range(dst):
        start, end = d * scale, d * scale + scale
        cell = min(scale, src - start)
        first, last = int(np.ceil(start)), min(int(np.floor(end)), src - 1)
        first = min(first, last)
        row = [(first - 1, (first - start) / cell)] if first - start > 1e-3 else []
        row += [(i, 1.0 / cell) for i in range(first, last)]
        if end - last > 1e-3:
            row.append((last, min(end - last, 1.0, cell) / cell))
        taps.append(row)
    n = max(len(row) for row in taps)
    index = np.array([[row[k][0] if k < len(row) else 0 for row in taps] for k in range(n)], np.int64)
    weight = np.array([[row[k][1] if k < len(row) else 0.0 for row in taps] for k in range(n)], np.float32)
    return index, weight


def _resize_area(x, oh, ow):
    """OpenCV's INTER_AREA ``resize`` of images stacked as (N, H, W, C). Shrinking: by whole factors, the mean of
    each block (summed as integers for integer images, scaled by the float32 reciprocal and rounded); else each
    destination pixel the covered-area weighted sum of its source pixels, accumulated in float32 across then down,
    as ``resizeArea_``. Enlarging (either axis): bilinear with OpenCV's area weights."""
    h, w = x.shape[1:3]
    if h < oh or w < ow:
        return _resize_linear(x, oh, ow, area=True)
    if h % oh == 0 and w % ow == 0:
        if (h, w) == (2 * oh, 2 * ow):
            return _area_half(x)
        fy, fx = h // oh, w // ow
        blocks = x.reshape((x.shape[0], oh, fy, ow, fx) + x.shape[3:])
        work = np.int64 if x.dtype.kind in "iu" else np.float32
        total = blocks[:, :, 0, :, 0].astype(work)
        for i in range(fy):
            for j in range(fx):
                if i or j:
                    total = total + blocks[:, :, i, :, j]
        return _saturate(total.astype(np.float32) * np.float32(1.0 / (fy * fx)), x.dtype)
    xi, xw = _area_table(w, ow)
    yi, yw = _area_table(h, oh)
    src = x.astype(np.float32)
    rows = np.zeros(src.shape[:2] + (ow,) + src.shape[3:], np.float32)
    for k in range(len(xi)):
        rows = rows + src[:, :, xi[k]] * xw[k].reshape((-1,) + (1,) * (src.ndim - 3))
    out = np.zeros((src.shape[0], oh) + rows.shape[2:], np.float32)
    for k in range(len(yi)):
        out = out + rows[:, yi[k]] * yw[k].reshape((-1,) + (1,) * (rows.ndim - 2))
    return _saturate(out, x.dtype)


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


_RESIZERS = {Inter.NEAREST: _resize_nearest, Inter.LINEAR: _resize_linear, Inter.BICUBIC: _resize_cubic,
             Inter.AREA: _resize_area}


# ---- conversions ------------------------------------------------------------------------------------------
def _check_hwc(name, x, channels=(3,)):
    if x.ndim != 3 or x.shape[-1] not in channels:
        raise DataError(f"{name}: image shape is not <H,W,C> or channel is not {' or '.join(map(str, channels))}, "
                        f"got image rank: {x.ndim}")


def _saturate(values, dtype):
    """Float results as OpenCV stores them: integer types rounded half to even and clipped, floats cast."""
    dtype = np.dtype(dtype)
    if dtype.kind in "iub":
        info = np.iinfo(dtype) if dtype.kind != "b" else np.iinfo(np.uint8)
        return np.clip(np.rint(values), info.min, info.max).astype(dtype)
    return np.asarray(values).astype(dtype)


class ToTensor(ImageTensorOperation):
    """An HWC (or HW) image in [0, 255] as a CHW array in [0, 1] of ``output_type`` (Float32)."""

    def __init__(self, output_type=np.float32):
        from ...common import dtype as mstype
        if isinstance(output_type, mstype.Type):
            output_type = output_type.np_dtype
        type_check(output_type, (type, np.dtype), "output_type")
        super().__init__()
        self.output_type = np.dtype(output_type)

    def _one(self, x, rng):
        if x.ndim == 2:
            x = x[:, :, None]
        if x.ndim != 3:
            raise DataError(f"ToTensor: image shape should be <H,W> or <H,W,C>, but got rank: {x.ndim}")
        return np.ascontiguousarray(np.moveaxis(x.astype(np.float32) * np.float32(1 / 255), -1, 0)).astype(
            self.output_type)


class ToNumpy(ImageTensorOperation):
    """A PIL image (or anything numpy takes) as a numpy array."""

    def _eager_input(self, value):
        return np.asarray(value)

    def _one(self, x, rng):
        return x


class ToPIL(ImageTensorOperation):
    """An HWC (or HW) uint8 numpy image as a PIL image (a PIL image as it is)."""

    def _eager_input(self, value):
        return value

    def _apply(self, args, rng):
        from PIL import Image
        self._check_inputs(args)
        return [args[0] if _is_pil(args[0]) else Image.fromarray(args[0])]

    def __call__(self, img):
        return self._apply([img], None)[0]


class ToType(ImageTensorOperation):
    """The image cast to ``data_type`` (a MindSpore or numpy dtype) as numpy's ``astype``."""
    _batchable = True

    def __init__(self, data_type):
        from ..transforms.transforms import TypeCast
        super().__init__()
        self._cast = TypeCast(data_type)
        self.data_type = self._cast.data_type

    def _one(self, x, rng):
        return self._cast._many(x)

    def _many(self, x):
        return self._cast._many(x)


# ---- geometry -----------------------------------------------------------------------------------------------
def _crop(x, top, left, height, width):
    hax, wax = _hw_axes(x)
    index = [slice(None)] * x.ndim
    index[hax], index[wax] = slice(top, top + height), slice(left, left + width)
    return np.ascontiguousarray(x[tuple(index)])


def _size_pair(size):
    return (size, size) if isinstance(size, int) else tuple(size)


class CenterCrop(ImageTensorOperation):
    """The central ``size`` window (height, width); an image smaller than it is first padded with zeros around."""

    def __init__(self, size):
        _check_size(size)
        super().__init__()
        self.size = size

    def _one(self, x, rng):
        _check_rank2("CenterCrop", x)
        ch, cw = _size_pair(self.size)
        hax, wax = _hw_axes(x)
        h, w = x.shape[hax], x.shape[wax]
        if ch > h or cw > w:
            dh, dw = max(ch - h, 0), max(cw - w, 0)
            x = _pad(x, dh // 2, dh - dh // 2, dw // 2, dw - dw // 2, Border.CONSTANT, 0)
            h, w = x.shape[hax], x.shape[wax]
        return _crop(x, (h - ch) // 2, (w - cw) // 2, ch, cw)


class Crop(ImageTensorOperation):
    """The ``size`` window (height, width) at ``coordinates`` (top, left)."""

    def __init__(self, coordinates, size):
        type_check(coordinates, (list, tuple), "coordinates")
        if len(coordinates) != 2:
            raise TypeError("Coordinates should be a list/tuple (y, x) of length 2.")
        for i, value in enumerate(coordinates):
            type_check(value, (int,), f"coordinates[{i}]")
            check_value(value, (0, INT32_MAX), f"coordinates[{i}]")
        _check_size(size)
        super().__init__()
        self.coordinates, self.size = coordinates, size

    def _one(self, x, rng):
        _check_rank2("Crop", x)
        (top, left), (ch, cw) = self.coordinates, _size_pair(self.size)
        hax, wax = _hw_axes(x)
        if top + ch > x.shape[hax]:
            raise DataError(f"Crop: Crop height dimension: {top + ch} exceeds image height: {x.shape[hax]}")
        if left + cw > x.shape[wax]:
            raise DataError(f"Crop: Crop width dimension: {left + cw} exceeds image width: {x.shape[wax]}")
        return _crop(x, top, left, ch, cw)


class _Flip(ImageTensorOperation):
    _batchable = True
    _axis = 1  # of the image's (height, width)

    def _one(self, x, rng):
        _check_rank2(self._name(), x)
        return np.ascontiguousarray(np.flip(x, _hw_axes(x)[self._axis]))

    def _many(self, x):
        return np.ascontiguousarray(np.flip(x, x.ndim - 3 + self._axis if x.ndim > 3 else 1 + self._axis))


class HorizontalFlip(_Flip):
    """Flip left to right."""


class VerticalFlip(_Flip):
    """Flip upside down."""
    _axis = 0


def _check_padding(padding):
    type_check(padding, (tuple, list, numbers.Number), "padding")
    if isinstance(padding, numbers.Number):
        type_check(padding, (int,), "padding")
        check_value(padding, (0, INT32_MAX), "padding")
        return (padding,) * 4
    if len(padding) not in (2, 4):
        raise ValueError("The size of the padding list or tuple should be 2 or 4.")
    for i, value in enumerate(padding):
        type_check(value, (int,), f"padding[{i}]")
        check_value(value, (0, INT32_MAX), "pad_value")
    return tuple(padding) * (2 if len(padding) == 2 else 1)


def _check_fill(fill_value):
    if isinstance(fill_value, int):
        check_uint8(fill_value, "fill_value")
    elif isinstance(fill_value, tuple) and len(fill_value) == 3:
        for i, value in enumerate(fill_value):
            check_uint8(value, f"fill_value[{i}]")
    else:
        raise TypeError("fill_value should be a single integer or a 3-tuple.")


class Pad(ImageTensorOperation):
    """Pad by ``padding`` (one value; left/right and top/bottom; or left, top, right, bottom) with
    ``fill_value`` (CONSTANT) or by EDGE, REFLECT or SYMMETRIC."""

    def __init__(self, padding, fill_value=0, padding_mode=Border.CONSTANT):
        left, top, right, bottom = _check_padding(padding)
        _check_fill(fill_value)
        type_check(padding_mode, (Border,), "padding_mode")
        super().__init__()
        self.padding, self.fill_value, self.padding_mode = padding, fill_value, padding_mode
        self._widths = (top, bottom, left, right)

    def _one(self, x, rng):
        _check_rank2("Pad", x)
        _check_image_type("Pad", x)
        return _pad(x, *self._widths, self.padding_mode, self.fill_value)


class PadToSize(ImageTensorOperation):
    """Pad to ``size`` (height, width), the image at ``offset`` (top, left; default centred, the odd pixel at the
    bottom/right)."""

    def __init__(self, size, offset=None, fill_value=0, padding_mode=Border.CONSTANT):
        _check_size(size)
        if offset is not None:
            type_check(offset, (int, list, tuple), "offset")
        _check_fill(fill_value)
        type_check(padding_mode, (Border,), "padding_mode")
        super().__init__()
        self.size, self.offset, self.fill_value, self.padding_mode = size, offset, fill_value, padding_mode

    def _one(self, x, rng):
        _check_rank2("PadToSize", x)
        (th, tw), (hax, wax) = _size_pair(self.size), _hw_axes(x)
        h, w = x.shape[hax], x.shape[wax]
        if th < h or tw < w:
            raise DataError(f"PadToSize: the target size to pad should be no less than the original image size, but "
                            f"got target size ({th}, {tw}) and original size ({h}, {w}).")
        if self.offset is None:
            top, left = (th - h) // 2, (tw - w) // 2
        else:
            top, left = _size_pair(self.offset)
        if top + h > th or left + w > tw:
            raise DataError(f"PadToSize: the sum of offset and original image size should be no more than the target "
                            f"size, but got offset ({top}, {left}) plus original size ({h}, {w}) bigger than target "
                            f"size ({th}, {tw}).")
        return _pad(x, top, th - h - top, left, tw - w - left, self.padding_mode, self.fill_value)


class Erase(ImageTensorOperation):
    """The ``height`` x ``width`` region at (``top``, ``left``) set to ``value`` (one, or one per channel)."""

    def __init__(self, top, left, height, width, value=0, inplace=False):
        for name, v in (("top", top), ("left", left)):
            type_check(v, (int,), name)
            check_value(v, (0, INT32_MAX), name)
        for name, v in (("height", height), ("width", width)):
            type_check(v, (int,), name)
            check_value(v, (1, INT32_MAX), name)
        type_check(value, (int, float, tuple), "value")
        type_check(inplace, (bool,), "inplace")
        super().__init__()
        self.top, self.left, self.height, self.width = top, left, height, width
        self.value, self.inplace = value, inplace

    def _one(self, x, rng):
        _check_hwc("Erase", x)
        out = x if self.inplace else x.copy()
        out[self.top:self.top + self.height, self.left:self.left + self.width] = _saturate(
            np.broadcast_to(np.asarray(self.value, np.float64), (3,)), x.dtype)
        return out


class SlicePatches(ImageTensorOperation):
    """The image cut into ``num_height`` x ``num_width`` patches (row by row, one output each); a remainder is
    padded with ``fill_value`` (SliceMode.PAD) or dropped (DROP)."""
    _inputs = 1

    def __init__(self, num_height=1, num_width=1, slice_mode=None, fill_value=0):
        from .utils import SliceMode
        slice_mode = SliceMode.PAD if slice_mode is None else slice_mode
        check_value(num_height, (1, 512), "num_height")
        check_value(num_width, (1, 512), "num_width")
        type_check(slice_mode, (SliceMode,), "slice_mode")
        check_uint8(fill_value, "fill_value")
        super().__init__()
        self.num_height, self.num_width, self.slice_mode, self.fill_value = num_height, num_width, slice_mode, \
            fill_value

    def _apply(self, args, rng):
        self._check_inputs(args)
        x = args[0]
        _check_rank2("SlicePatches", x)
        hax, wax = _hw_axes(x)
        h, w = x.shape[hax], x.shape[wax]
        if self.slice_mode == self.slice_mode.PAD:
            ph, pw = -(-h // self.num_height), -(-w // self.num_width)
            x = _pad(x, 0, ph * self.num_height - h, 0, pw * self.num_width - w, Border.CONSTANT, self.fill_value)
        else:
            ph, pw = h // self.num_height, w // self.num_width
        return [_crop(x, i * ph, j * pw, ph, pw) for i in range(self.num_height) for j in range(self.num_width)]


# ---- pixel values -------------------------------------------------------------------------------------------
def _gray(x):
    """RGB to gray as OpenCV: for uint8 its 14-bit fixed-point weights, else 0.299 R + 0.587 G + 0.114 B."""
    r, g, b = (x[..., i] for i in range(3))
    if x.dtype == np.uint8:
        return ((r.astype(np.int32) * 4899 + g.astype(np.int32) * 9617 + b.astype(np.int32) * 1868 + 8192)
                >> 14).astype(np.uint8)
    return (r * 0.299 + g * 0.587 + b * 0.114).astype(x.dtype)


def _check_factor(value, name):
    type_check(value, (float, int), name)
    check_value(value, (0, FLOAT_MAX_INTEGER), name)


def _blend(x, factor, other):
    """``other + (x - other) * factor`` stored in ``x``'s dtype (integers computed in float64 and rounded, floats
    in their own precision)."""
    work = np.float64 if x.dtype.kind in "iub" else x.dtype
    other = np.asarray(other, work)
    return _saturate(other + (x.astype(work) - other) * np.asarray(factor, work), x.dtype)


class _Adjust(ImageTensorOperation):
    """A transform of an RGB HWC image by one factor."""
    _arg = "factor"

    def __init__(self, factor):
        _check_factor(factor, self._arg)
        super().__init__()
        setattr(self, self._arg, factor)
        self._factor = factor

    def _one(self, x, rng):
        self._check(x)
        return self._adjust(x, self._factor)

    def _check(self, x):
        _check_hwc(self._name(), x)


class AdjustBrightness(_Adjust):
    """Pixel values times ``brightness_factor``."""
    _arg = "brightness_factor"

    def __init__(self, brightness_factor):
        super().__init__(brightness_factor)

    @staticmethod
    def _adjust(x, factor):
        return _blend(x, factor, 0)


class AdjustContrast(_Adjust):
    """Blend with the mean gray level: ``x * f + mean * (1 - f)``."""
    _arg = "contrast_factor"

    def __init__(self, contrast_factor):
        super().__init__(contrast_factor)

    @staticmethod
    def _adjust(x, factor):
        mean = _gray(x).astype(np.float64).mean()
        return _blend(x, factor, np.rint(mean) if x.dtype == np.uint8 else mean)


class AdjustSaturation(_Adjust):
    """Blend with the gray image: ``x * f + gray * (1 - f)``."""
    _arg = "saturation_factor"

    def __init__(self, saturation_factor):
        super().__init__(saturation_factor)

    @staticmethod
    def _adjust(x, factor):
        return _blend(x, factor, _gray(x)[..., None])


class AdjustSharpness(_Adjust):
    """Blend with a smoothed image (PIL's 3x3 kernel 1 1 1 / 1 5 1 / 1 1 1, borders kept): ``x * f + smooth *
    (1 - f)``."""
    _arg = "sharpness_factor"

    def __init__(self, sharpness_factor):
        super().__init__(sharpness_factor)

    def _check(self, x):
        if x.ndim != 2:
            _check_hwc(self._name(), x, (1, 3))

    @staticmethod
    def _adjust(x, factor):
        return _blend(x, factor, _smooth(x))


class AdjustGamma(ImageTensorOperation):
    """Gamma correction of an image (<..., H, W, C> with 1 or 3 channels, or <H, W>). uint8: MindSpore's table,
    ``floor(min((i / 255)^gamma * (256 - 1e-3) * gain, 255))`` in float32; floats: ``clip((x * gain)^gamma, 0, 1)``
    as Float32. Other integer types raise (MindSpore's kernel reads their bytes as uint8)."""

    def __init__(self, gamma, gain=1):
        type_check(gamma, (float, int), "gamma")
        check_value(gamma, (0, FLOAT_MAX_INTEGER))
        if gain is not None:
            type_check(gain, (float, int), "gain")
            check_value(gain, (FLOAT_MIN_INTEGER, FLOAT_MAX_INTEGER))
        super().__init__()
        self.gamma, self.gain = gamma, gain

    def _one(self, x, rng):
        if x.ndim < 2:
            raise DataError(f"AdjustGamma: input tensor is not in shape of <...,H,W,C> or <H,W>, got shape:"
                            f"<{','.join(map(str, x.shape))}>")
        channels = x.shape[-1] if x.ndim > 2 else 1
        if channels not in (1, 3):
            raise DataError(f"AdjustGamma: channel of input image should be 1 or 3, but got: {channels}")
        gamma, gain = np.float32(self.gamma), np.float32(self.gain)
        if x.dtype.kind == "f":
            return np.clip((x.astype(np.float32) * gain) ** gamma, 0, 1)
        if x.dtype != np.uint8:
            raise DataError(f"AdjustGamma: images of type {x.dtype} are not supported by mindshim (uint8 and floats "
                            "are)")
        levels = (np.arange(256, dtype=np.float32) / np.float32(255)) ** gamma
        table = np.floor(np.minimum(levels * np.float32(256 - 1e-3) * gain, np.float32(255))).astype(np.uint8)
        return table[x]


def _smooth(x):
    work = x.astype(np.float64)
    out = work.copy()
    h, w = x.shape[:2]
    if h > 2 and w > 2:
        total = sum(work[1 + dy:h - 1 + dy, 1 + dx:w - 1 + dx] for dy in (-1, 0, 1) for dx in (-1, 0, 1))
        out[1:-1, 1:-1] = (total + 4 * work[1:-1, 1:-1]) / 13
    return _saturate(out, x.dtype)


def _check_odd(value, arg_name):
    if value % 2 != 1:
        raise ValueError(f"Input {arg_name} is not an odd value.")


def _gaussian_kernel(n, sigma, dtype):
    """OpenCV's bit-exact Gaussian kernel (``getGaussianKernelBitExact``): ``exp(-x^2 / (2 sigma^2))`` at the ``n``
    taps (``sigma <= 0``: ``0.3 * ((n - 1) / 2 - 1) + 0.8``), the outer taps normalized in float64 and the centre
    the rest of 1. uint8 images: the taps as integers out of 256 (rounded half to even); floats: in ``dtype``."""
    sigma = sigma if sigma > 0 else 0.15 * n + 0.35
    x = np.arange(n // 2) - (n - 1) / 2
    w = np.exp(x * x * (-0.5 / (sigma * sigma)))
    side = w / (2 * w.sum() + 1)
    if dtype == np.uint8:
        side = np.rint(side * 256).astype(np.int64)
        return np.concatenate([side, [256 - 2 * side.sum()], side[::-1]])
    return np.concatenate([side, [1 - 2 * side.sum()], side[::-1]]).astype(dtype)


def _symmetric_pass(x, kernel, axis):
    """``sum_j kernel[j] * x[i + j - r]`` along ``axis`` (borders reflected, OpenCV's BORDER_REFLECT_101), the
    centre tap first, then each symmetric pair added before its weight, as OpenCV's symmetric filters."""
    r = len(kernel) // 2
    widths = [(0, 0)] * x.ndim
    widths[axis] = (r, r)
    padded = np.pad(x, widths, mode="reflect")
    n = x.shape[axis]

    def tap(j):
        return np.take(padded, np.arange(j, j + n), axis=axis)
    out = tap(r) * kernel[r]
    for j in range(1, r + 1):
        out = out + (tap(r - j) + tap(r + j)) * kernel[r + j]
    return out


class GaussianBlur(ImageTensorOperation):
    """Blur with a Gaussian kernel of ``kernel_size`` (width, height; odd) and ``sigma`` (x, y; 0 or None: from the
    size), as OpenCV's ``GaussianBlur`` that MindSpore calls: uint8 in its bit-exact fixed point (8-bit weights,
    the sum rounded half up), float32/float64 in their own precision (float32 can differ in the last bit)."""

    def __init__(self, kernel_size, sigma=None):
        type_check(kernel_size, (int, list, tuple), "kernel_size")
        if isinstance(kernel_size, int):
            check_value(kernel_size, (1, FLOAT_MAX_INTEGER), "kernel_size")
            _check_odd(kernel_size, "kernel_size")
        elif len(kernel_size) == 2:
            for index, value in enumerate(kernel_size):
                type_check(value, (int,), f"kernel_size[{index}]")
                check_value(value, (1, FLOAT_MAX_INTEGER), "kernel_size")
                _check_odd(value, f"kernel_size[{index}]")
        else:
            raise TypeError("Kernel size should be a single integer or a list/tuple (kernel_width, kernel_height) of "
                            "length 2.")
        if sigma is not None:
            type_check(sigma, (numbers.Number, list, tuple), "sigma")
            if isinstance(sigma, numbers.Number):
                check_value(sigma, (0, FLOAT_MAX_INTEGER), "sigma")
            elif len(sigma) == 2:
                for index, value in enumerate(sigma):
                    type_check(value, (numbers.Number,), f"size[{index}]")
                    check_value(value, (0, FLOAT_MAX_INTEGER), "sigma")
            else:
                raise TypeError("Sigma should be a single number or a list/tuple of length 2 for width and height.")
        super().__init__()
        self.kernel_size = (kernel_size,) if isinstance(kernel_size, int) else kernel_size
        self.sigma = (0,) if sigma is None else (float(sigma),) if isinstance(sigma, numbers.Number) else sigma

    def _one(self, x, rng):
        if x.ndim not in (2, 3):
            raise DataError(f"GaussianBlur: input tensor is not in shape of <H,W> or <H,W,C>, but got rank: {x.ndim}")
        if x.dtype not in (np.uint8, np.float32, np.float64):
            raise DataError(f"GaussianBlur: images of type {x.dtype} are not supported by mindshim (uint8, float32 "
                            "and float64 are)")
        kx, ky = self.kernel_size * 2 if len(self.kernel_size) == 1 else self.kernel_size
        sx, sy = (float(np.float32(v)) for v in (self.sigma * 2 if len(self.sigma) == 1 else self.sigma))
        sy = sy if sy > 0 else sx
        if kx == ky == 1:
            return x.copy()
        wx, wy = _gaussian_kernel(kx, sx, x.dtype), _gaussian_kernel(ky, sy, x.dtype)
        if x.dtype == np.uint8:
            rows = _symmetric_pass(x.astype(np.int64), wx, 1)
            return np.minimum((_symmetric_pass(rows, wy, 0) + (1 << 15)) >> 16, 255).astype(np.uint8)
        return _symmetric_pass(_symmetric_pass(x, wx, 1), wy, 0).astype(x.dtype)


class Invert(ImageTensorOperation):
    """``255 - x`` per pixel of an RGB image."""
    _batchable = True

    def _one(self, x, rng):
        _check_hwc("Invert", x)
        return self._many(x)

    def _many(self, x):
        return _saturate(255.0 - x.astype(np.float64), x.dtype)


class Posterize(ImageTensorOperation):
    """uint8 values kept to their ``bits`` high bits."""
    _batchable = True

    def __init__(self, bits):
        type_check(bits, (int,), "bits")
        check_value(bits, [0, 8], "bits")
        super().__init__()
        self.bits = bits

    def _one(self, x, rng):
        return self._many(x)

    def _many(self, x):
        if x.dtype != np.uint8:
            raise DataError(f"Posterize: data type of input image should be UINT8, but got {dtype_name(x.dtype)}")
        return x & np.uint8((0xFF << (8 - self.bits)) & 0xFF)


def _threshold(threshold):
    type_check(threshold, (float, int, list, tuple), "threshold")
    low, high = (threshold, threshold) if isinstance(threshold, (int, float)) else threshold
    if low > high:
        raise ValueError("threshold must be in order of (min, max).")
    return low, high


class Solarize(ImageTensorOperation):
    """Values within ``threshold`` (min, max; one value: itself and above, to 255) inverted."""
    _batchable = True

    def __init__(self, threshold):
        super().__init__()
        self.threshold = threshold
        low, high = _threshold(threshold)
        self._range = (low, 255 if isinstance(threshold, (int, float)) else high)

    def _one(self, x, rng):
        return self._many(x)

    def _many(self, x):
        low, high = self._range
        inside = (x >= low) & (x <= high)
        return np.where(inside, _saturate(255.0 - x.astype(np.float64), x.dtype), x)


def _equalize_channel(c):
    """OpenCV's equalizeHist of one uint8 channel."""
    hist = np.bincount(c.ravel(), minlength=256)
    first = int(np.flatnonzero(hist)[0])
    if hist[first] == c.size:
        return np.full_like(c, first)
    scale = 255.0 / (c.size - hist[first])
    lut = _saturate(np.cumsum(hist) * scale - hist[first] * scale, np.uint8)
    lut[:first + 1] = 0
    return lut[c]


class Equalize(ImageTensorOperation):
    """Each channel's histogram equalized (OpenCV's equalizeHist)."""

    def _one(self, x, rng):
        _check_rank2("Equalize", x)
        if x.dtype != np.uint8:
            raise DataError(f"Equalize: image type should be uint8, but got {dtype_name(x.dtype)}")
        if x.ndim == 2:
            return _equalize_channel(x)
        return np.stack([_equalize_channel(x[..., i]) for i in range(x.shape[-1])], axis=-1)


def _autocontrast_channel(c, cutoff, ignore):
    """PIL's autocontrast of one uint8 channel."""
    hist = np.bincount(c.ravel(), minlength=256).astype(np.int64)
    for v in ignore:
        hist[v] = 0
    cut = int(hist.sum() * cutoff / 100)
    for order in (range(256), range(255, -1, -1)):
        left = cut
        for i in order:
            take = min(left, hist[i])
            hist[i] -= take
            left -= take
            if left <= 0:
                break
    nonzero = np.flatnonzero(hist)
    if nonzero.size == 0 or nonzero[-1] <= nonzero[0]:
        return c.copy()
    low, high = int(nonzero[0]), int(nonzero[-1])
    scale = 255.0 / (high - low)
    table = np.clip((np.arange(256) * scale - low * scale).astype(np.int64), 0, 255).astype(np.uint8)
    return table[c]


class AutoContrast(ImageTensorOperation):
    """Each channel stretched so its values, less the ``cutoff`` percent darkest and lightest (not counting the
    ``ignore`` values), span 0 to 255."""

    def __init__(self, cutoff=0.0, ignore=None):
        type_check(cutoff, (int, float), "cutoff")
        check_value(cutoff, [0, 50], "cutoff")
        if ignore is not None:
            type_check(ignore, (list, tuple, int), "ignore")
            for i, v in enumerate([ignore] if isinstance(ignore, int) else ignore):
                type_check(v, (int,), f"ignore[{i}]")
                check_uint8(v, f"ignore[{i}]")
        super().__init__()
        self.cutoff = cutoff
        self.ignore = [] if ignore is None else ([ignore] if isinstance(ignore, int) else list(ignore))

    def _one(self, x, rng):
        _check_rank2("AutoContrast", x)
        if x.dtype != np.uint8:
            raise DataError(f"AutoContrast: image type should be uint8, but got {dtype_name(x.dtype)}")
        if x.ndim == 2:
            return _autocontrast_channel(x, self.cutoff, self.ignore)
        return np.stack([_autocontrast_channel(x[..., i], self.cutoff, self.ignore) for i in range(x.shape[-1])],
                        axis=-1)


_CONVERSIONS = {  # ConvertMode value -> (input channels, function)
    0: (3, lambda x: np.concatenate([x, np.full(x.shape[:-1] + (1,), _opaque(x), x.dtype)], -1)),
    1: (4, lambda x: x[..., :3].copy()),
    2: (3, lambda x: np.concatenate([x[..., ::-1], np.full(x.shape[:-1] + (1,), _opaque(x), x.dtype)], -1)),
    3: (4, lambda x: np.ascontiguousarray(x[..., 2::-1])),
    4: (3, lambda x: np.ascontiguousarray(x[..., ::-1])),
    5: (4, lambda x: np.ascontiguousarray(x[..., [2, 1, 0, 3]])),
    6: (3, lambda x: _gray(x[..., ::-1])),
    7: (3, _gray),
    8: (1, lambda x: np.repeat(x[..., :1], 3, -1)),
    9: (1, lambda x: np.concatenate([np.repeat(x[..., :1], 3, -1), np.full(x.shape[:-1] + (1,), _opaque(x),
                                                                             x.dtype)], -1)),
    10: (4, lambda x: _gray(x[..., 2::-1])),
    11: (4, lambda x: _gray(x[..., :3])),
}


def _opaque(x):
    return 255 if x.dtype.kind in "iu" else 1


class ConvertColor(ImageTensorOperation):
    """A color space conversion of ``ConvertMode`` (channel orders, alpha, gray; as OpenCV's cvtColor)."""

    def __init__(self, convert_mode):
        from .utils import ConvertMode
        type_check(convert_mode, (ConvertMode,), "convert_mode")
        super().__init__()
        self.convert_mode = convert_mode

    def _one(self, x, rng):
        channels, convert = _CONVERSIONS[int(self.convert_mode)]
        if channels == 1 and x.ndim == 2:
            x = x[..., None]
        if x.ndim != 3 or x.shape[-1] != channels:
            raise DataError(f"ConvertColor: the number of channels of the input image should be {channels}, but got "
                            f"shape {list(x.shape)}.")
        return convert(x)


def _hsv_of(rgb):
    """colorsys.rgb_to_hsv on the last axis, in float64."""
    r, g, b = (rgb[..., i].astype(np.float64) for i in range(3))
    maxc, minc = np.maximum(np.maximum(r, g), b), np.minimum(np.minimum(r, g), b)
    span = maxc - minc
    safe = np.where(span == 0, 1, span)
    rc, gc, bc = (maxc - r) / safe, (maxc - g) / safe, (maxc - b) / safe
    h = np.where(r == maxc, bc - gc, np.where(g == maxc, 2.0 + rc - bc, 4.0 + gc - rc))
    h = np.where(span == 0, 0.0, (h / 6.0) % 1.0)
    s = np.where(span == 0, 0.0, span / np.where(maxc == 0, 1, maxc))
    return np.stack([h, s, maxc], -1)


def _rgb_of(hsv):
    """colorsys.hsv_to_rgb on the last axis, in float64."""
    h, s, v = (hsv[..., i].astype(np.float64) for i in range(3))
    i = (h * 6.0).astype(np.int64)
    f = h * 6.0 - i
    p, q, t = v * (1.0 - s), v * (1.0 - s * f), v * (1.0 - s * (1.0 - f))
    i = i % 6
    choices = [(v, t, p), (q, v, p), (p, v, t), (p, q, v), (t, p, v), (v, p, q)]
    out = [np.select([i == k for k in range(6)], [c[n] for c in choices]) for n in range(3)]
    gray = s == 0.0
    return np.stack([np.where(gray, v, c) for c in out], -1)


_HSV_SHIFT = 12  # OpenCV's fixed-point bits of its 8-bit RGB -> HSV conversion


def _cv_hsv_full(rgb):
    """OpenCV's ``cvtColor(RGB2HSV_FULL)`` of a uint8 image: integer H in [0, 255] (256 steps per turn), S, V, with
    its fixed-point division tables (``(255 << 12) / v`` and ``(256 << 12) / (6 * diff)``, rounded)."""
    r, g, b = (rgb[..., i].astype(np.int64) for i in range(3))
    v = np.maximum(np.maximum(r, g), b)
    diff = v - np.minimum(np.minimum(r, g), b)
    steps = np.arange(256, dtype=np.float64)
    safe = np.maximum(steps, 1)
    sdiv = np.where(steps > 0, np.rint((255 << _HSV_SHIFT) / safe), 0).astype(np.int64)
    hdiv = np.where(steps > 0, np.rint((256 << _HSV_SHIFT) / (6 * safe)), 0).astype(np.int64)
    half = 1 << (_HSV_SHIFT - 1)
    s = (diff * sdiv[v] + half) >> _HSV_SHIFT
    h = np.where(v == r, g - b, np.where(v == g, b - r + 2 * diff, r - g + 4 * diff))
    h = (h * hdiv[diff] + half) >> _HSV_SHIFT
    h = np.where(h < 0, h + 256, h)
    return np.clip(h, 0, 255), s, v


def _cv_rgb_of_hsv_full(h, s, v):
    """OpenCV's ``cvtColor(HSV2RGB_FULL)`` to uint8: in float32, the sector ``h * 6 / 255`` (OpenCV's inverse takes a
    turn as 255 steps), times 255, rounded."""
    f32 = np.float32
    hh = h.astype(f32) * f32(6.0 / 255)
    sector = np.floor(hh).astype(np.int64)
    frac = hh - sector.astype(f32)
    sector %= 6
    sv, vv = s.astype(f32) * f32(1 / 255.), v.astype(f32) * f32(1 / 255.)
    tab = [vv, vv * (f32(1) - sv), vv * (f32(1) - sv * frac), vv * (f32(1) - sv * (f32(1) - frac))]
    order = np.array([[1, 3, 0], [1, 0, 2], [3, 0, 1], [0, 2, 1], [0, 1, 3], [2, 1, 0]])  # (b, g, r) per sector
    b, g, r = (np.choose(order[sector, k], tab) for k in range(3))
    rgb = np.stack([np.where(s == 0, vv, c) for c in (r, g, b)], -1)
    return _saturate(rgb * f32(255), np.uint8)


class AdjustHue(ImageTensorOperation):
    """Shift the hue of an RGB uint8 image by ``hue_factor`` of a turn, as MindSpore: OpenCV's 8-bit HSV (a turn
    is 256 steps), the shift truncated to whole steps and wrapped, then back to RGB. Other dtypes raise."""

    def __init__(self, hue_factor):
        type_check(hue_factor, (float, int), "hue_factor")
        check_value(hue_factor, [-0.5, 0.5], "hue_factor")
        super().__init__()
        self.hue_factor = hue_factor

    def _one(self, x, rng):
        _check_hwc("AdjustHue", x)
        if x.dtype != np.uint8:
            raise DataError(f"AdjustHue: images of type {x.dtype} are not supported by mindshim (uint8 is)")
        h, s, v = _cv_hsv_full(x)
        h = (h + int(self.hue_factor * 255)) % 256
        return _cv_rgb_of_hsv_full(h, s, v)


class _ColorSpace(ImageTensorOperation):
    """A conversion of a float CHW (or HWC, ``is_hwc``) image, or a batch of them, as Float64."""

    def __init__(self, is_hwc=False):
        type_check(is_hwc, (bool,), "is_hwc")
        super().__init__()
        self.is_hwc = is_hwc

    def _one(self, x, rng):
        if x.ndim not in (3, 4) or x.shape[-1 if self.is_hwc else -3] != 3:
            raise TypeError(f"img shape should be (H, W, C)/(N, H, W, C)/(C ,H, W)/(N, C, H, W). Got {x.shape}.")
        if self.is_hwc:
            return self._convert(x)
        return np.moveaxis(self._convert(np.moveaxis(x, -3, -1)), -1, -3)


class RgbToHsv(_ColorSpace):
    """RGB to HSV (Python's colorsys), values in [0, 1]."""
    _convert = staticmethod(_hsv_of)


class HsvToRgb(_ColorSpace):
    """HSV to RGB (Python's colorsys), values in [0, 1]."""
    _convert = staticmethod(_rgb_of)


class NormalizePad(ImageTensorOperation):
    """``Normalize`` of an HWC (or CHW, ``is_hwc=False``) image, then a fourth channel of zeros, as ``dtype``
    ("float32" or "float16"). (MindSpore 2.10 returns the normalized values laid out flat, then the zeros, in
    that shape; mindshim pads each pixel.)"""

    def __init__(self, mean, std, dtype="float32", is_hwc=True):
        type_check(dtype, (str,), "dtype")
        if dtype not in ("float32", "float16"):
            raise ValueError(f"dtype only supports float32 or float16, but got {dtype}.")
        super().__init__()
        self._normalize = Normalize(mean, std, is_hwc)
        self.mean, self.std, self.dtype, self.is_hwc = mean, std, dtype, is_hwc

    def _one(self, x, rng):
        out = self._normalize._one(x, rng)
        axis = -1 if self.is_hwc else -3
        shape = list(out.shape)
        shape[axis] = 1
        return np.concatenate([out, np.zeros(shape, out.dtype)], axis).astype(self.dtype)


# ---- random versions ----------------------------------------------------------------------------------------
def _check_prob(prob):
    type_check(prob, (float, int), "prob")
    check_value(prob, [0., 1.], "prob")


def _check_range(values, name, low=0, high=FLOAT_MAX_INTEGER):
    type_check(values, (list, tuple), name)
    if len(values) != 2:
        raise TypeError(f"{name} should be a list or tuple of length 2.")
    for i, v in enumerate(values):
        type_check(v, (int, float), f"{name}[{i}]")
        check_value(v, [low, high], name)
    if values[0] > values[1]:
        raise ValueError(f"{name} should be in (min,max) format. Got (max,min).")


class _WithProbability(ImageTensorOperation):
    """A transform applied with probability ``prob``."""

    def __init__(self, op, prob):
        _check_prob(prob)
        super().__init__()
        self._op, self.prob = op, prob
        self.random = True

    def _one(self, x, rng):
        return self._op._one(x, rng) if rng.random() < self.prob else x


class RandomInvert(_WithProbability):
    """``Invert`` with probability ``prob``."""

    def __init__(self, prob=0.5):
        super().__init__(Invert(), prob)


class RandomEqualize(_WithProbability):
    """``Equalize`` with probability ``prob``."""

    def __init__(self, prob=0.5):
        super().__init__(Equalize(), prob)


class RandomAutoContrast(_WithProbability):
    """``AutoContrast(cutoff, ignore)`` with probability ``prob``."""

    def __init__(self, cutoff=0.0, ignore=None, prob=0.5):
        super().__init__(AutoContrast(cutoff, ignore), prob)


class RandomAdjustSharpness(_WithProbability):
    """``AdjustSharpness(degree)`` with probability ``prob``."""

    def __init__(self, degree, prob=0.5):
        super().__init__(AdjustSharpness(degree), prob)


class _RandomFactor(ImageTensorOperation):
    """An adjustment by a factor drawn uniformly from ``degrees`` for each image."""

    def __init__(self, adjust, degrees):
        _check_range(degrees, "degrees")
        super().__init__()
        self._adjust, self.degrees = adjust, degrees
        self.random = True

    def _one(self, x, rng):
        _check_hwc(self._name(), x)
        return self._adjust(x, rng.uniform(*self.degrees))


class RandomColor(_RandomFactor):
    """``AdjustSaturation`` by a factor drawn from ``degrees``."""

    def __init__(self, degrees=(0.1, 1.9)):
        super().__init__(AdjustSaturation._adjust, degrees)


class RandomSharpness(_RandomFactor):
    """``AdjustSharpness`` by a factor drawn from ``degrees``."""

    def __init__(self, degrees=(0.1, 1.9)):
        super().__init__(AdjustSharpness._adjust, degrees)


class RandomLighting(ImageTensorOperation):
    """AlexNet's PCA lighting noise on an RGB uint8 image: weights drawn from ``N(0, alpha)`` for the three
    principal components of ImageNet's RGB covariance, their sum added to each channel (in float32, rounded and
    clipped), as MindSpore's kernel. Other dtypes raise (MindSpore's kernel reads their bytes as uint8)."""

    _EIGEN = np.array([[55.46 * -0.5675, 4.794 * 0.7192, 1.148 * 0.4009],
                       [55.46 * -0.5808, 4.794 * -0.0045, 1.148 * -0.8140],
                       [55.46 * -0.5836, 4.794 * -0.6948, 1.148 * 0.4203]], np.float32)

    def __init__(self, alpha=0.05):
        type_check(alpha, (float, int), "alpha")
        check_value(alpha, (0, FLOAT_MAX_INTEGER), "alpha")
        super().__init__()
        self.alpha = alpha
        self.random = True

    def _one(self, x, rng):
        if x.ndim != 3 or x.shape[-1] != 3:
            raise DataError("RandomLighting: input tensor is not in shape of <H,W,C> or channel is not 3, got rank: "
                            f"{x.ndim}, and channel: {x.shape[-1] if x.ndim else 0}")
        if x.dtype != np.uint8:
            raise DataError(f"RandomLighting: images of type {x.dtype} are not supported by mindshim (uint8 is)")
        weights = rng.normal(0.0, self.alpha, 3).astype(np.float32)
        e = self._EIGEN
        pca = [(e[c, 0] * weights[0] + e[c, 1] * weights[1]) + e[c, 2] * weights[2] for c in range(3)]
        return _saturate(x.astype(np.float32) + np.array(pca, np.float32), np.uint8)


class RandomColorAdjust(ImageTensorOperation):
    """Brightness, contrast and saturation adjusted (in that order) by factors drawn from their ranges (a number
    ``v`` means ``(max(0, 1 - v), 1 + v)``). A hue change (``hue`` other than 0) raises NotImplementedError."""

    def __init__(self, brightness=(1, 1), contrast=(1, 1), saturation=(1, 1), hue=(0, 0)):
        self.brightness, self.contrast, self.saturation = (self._factors(v, n) for v, n in (
            (brightness, "brightness"), (contrast, "contrast"), (saturation, "saturation")))
        hue = (-hue, hue) if isinstance(hue, numbers.Number) else hue
        _check_range(hue, "hue", -0.5, 0.5)
        if tuple(hue) != (0, 0):
            raise NotImplementedError("mindspore.dataset.vision.RandomColorAdjust with a hue range is not supported "
                                      "by mindshim yet")
        super().__init__()
        self.hue = hue
        self.random = True

    @staticmethod
    def _factors(value, name):
        if isinstance(value, numbers.Number):
            check_value(value, [0, FLOAT_MAX_INTEGER], name)
            value = (max(0, 1 - value), 1 + value)
        _check_range(value, name)
        return tuple(value)

    def _one(self, x, rng):
        _check_hwc("RandomColorAdjust", x)
        for adjust, factors in ((AdjustBrightness._adjust, self.brightness), (AdjustContrast._adjust, self.contrast),
                                (AdjustSaturation._adjust, self.saturation)):
            if factors != (1, 1):
                x = adjust(x, rng.uniform(*factors))
        return x


class RandomPosterize(ImageTensorOperation):
    """``Posterize`` to a number of bits drawn from ``bits`` (min, max; one number: that many)."""

    def __init__(self, bits=(8, 8)):
        bits = (bits, bits) if isinstance(bits, int) else bits
        type_check(bits, (list, tuple), "bits")
        for i, b in enumerate(bits):
            type_check(b, (int,), f"bits[{i}]")
            check_value(b, [1, 8], "bits")
        if bits[0] > bits[1]:
            raise ValueError(f"Input is not within the required interval of [{bits[0]}, {bits[1]}].")
        super().__init__()
        self.bits = bits
        self.random = True

    def _one(self, x, rng):
        return Posterize(int(rng.integers(self.bits[0], self.bits[1] + 1)))._many(x)


class RandomSolarize(ImageTensorOperation):
    """``Solarize`` with a (min, max) range drawn within ``threshold``."""

    def __init__(self, threshold=(0, 255)):
        _check_range(threshold, "threshold", 0, 255)
        super().__init__()
        self.threshold = threshold
        self.random = True

    def _one(self, x, rng):
        low, high = sorted(rng.integers(self.threshold[0], self.threshold[1] + 1, 2).tolist())
        return Solarize((low, high))._many(x)


class RandomErasing(ImageTensorOperation):
    """With probability ``prob``, a random rectangle of a CHW image (area a ``scale`` fraction, aspect
    ``ratio``) set to ``value`` (a number, one per channel, or "random": standard normal noise); up to
    ``max_attempts`` draws for a rectangle that fits. (MindSpore's Python implementation, over mindshim's
    generator.)"""

    def __init__(self, prob=0.5, scale=(0.02, 0.33), ratio=(0.3, 3.3), value=0, inplace=False, max_attempts=10):
        _check_prob(prob)
        _check_range(scale, "scale")
        if scale[1] <= 0:
            raise ValueError("Input scale[1] must be greater than 0.")
        _check_range(ratio, "ratio")
        type_check(value, (int, list, tuple, str), "value")
        if isinstance(value, str) and value != "random":
            raise ValueError("The value for erasing should be either a single value, or a string 'random', or a "
                             "sequence of 3 elements for RGB respectively.")
        type_check(inplace, (bool,), "inplace")
        type_check(max_attempts, (int,), "max_attempts")
        super().__init__()
        self.prob, self.scale, self.ratio, self.value = prob, scale, ratio, value
        self.inplace, self.max_attempts = inplace, max_attempts
        self.random = True

    def _one(self, x, rng):
        if not rng.random() < self.prob:
            return x
        channels, h, w = x.shape
        for _ in range(self.max_attempts):
            area = rng.uniform(*self.scale) * h * w
            aspect = rng.uniform(*self.ratio)
            ew = int(round(np.sqrt(area * aspect)))
            eh = int(round(ew / aspect))
            if eh < h and ew < w:
                top, left = int(rng.integers(0, h - eh + 1)), int(rng.integers(0, w - ew + 1))
                if isinstance(self.value, str):
                    value = rng.normal(size=(channels, eh, ew))
                else:
                    value = np.asarray(self.value, np.float64).reshape(-1, 1, 1)
                out = x if self.inplace else x.copy()
                out[:, top:top + eh, left:left + ew] = value
                return out
        return x


class CutOut(ImageTensorOperation):
    """``num_patches`` random ``length`` x ``length`` squares of an HWC (or CHW, ``is_hwc=False``) image set to
    zero."""

    def __init__(self, length, num_patches=1, is_hwc=True):
        type_check(length, (int,), "length")
        check_value(length, (1, INT32_MAX), "length")
        type_check(num_patches, (int,), "num_patches")
        check_value(num_patches, (1, INT32_MAX), "num_patches")
        type_check(is_hwc, (bool,), "is_hwc")
        super().__init__()
        self.length, self.num_patches, self.is_hwc = length, num_patches, is_hwc
        self.random = True

    def _one(self, x, rng):
        if x.ndim != 3:
            raise DataError(f"CutOut: shape is invalid, expected <H,W,C> or <C,H,W>, got rank: {x.ndim}")
        hax, wax = (0, 1) if self.is_hwc else (1, 2)
        h, w = x.shape[hax], x.shape[wax]
        if self.length > h or self.length > w:
            raise DataError(f"CutOut: box size is too large for image erase, got box height: {self.length}, box "
                            f"weight: {self.length}, and image height: {h}, image width: {w}.")
        out = x.copy()
        for _ in range(self.num_patches):
            top, left = int(rng.integers(0, h - self.length + 1)), int(rng.integers(0, w - self.length + 1))
            index = [slice(None)] * 3
            index[hax], index[wax] = slice(top, top + self.length), slice(left, left + self.length)
            out[tuple(index)] = 0
        return out


# ---- PIL-based (MindSpore's Python transforms) -------------------------------------------------------------
def _pil(value):
    from PIL import Image
    return value if _is_pil(value) else Image.fromarray(np.asarray(value))


class _MultiCrop(ImageTensorOperation):
    """Crops of a PIL image (a numpy image is made one): outputs as many images."""
    _inputs = 1

    def __init__(self, size):
        type_check(size, (int, list, tuple), "size")
        _check_size(size)
        super().__init__()
        self.size = size

    def _eager_input(self, value):
        return value

    def _apply(self, args, rng):
        self._check_inputs(args)
        return list(self._crops(_pil(args[0])))

    def __call__(self, img):
        return tuple(self._apply([img], None))

    def _five(self, img):
        ch, cw = _size_pair(self.size)
        w, h = img.size
        if ch > h or cw > w:
            raise ValueError(f"Crop size {(ch, cw)} is larger than input image size {(h, w)}.")
        top, left = int(round((h - ch) / 2.)), int(round((w - cw) / 2.))
        return (img.crop((0, 0, cw, ch)), img.crop((w - cw, 0, w, ch)), img.crop((0, h - ch, cw, h)),
                img.crop((w - cw, h - ch, w, h)), img.crop((left, top, left + cw, top + ch)))


class FiveCrop(_MultiCrop):
    """The four corner crops and the central crop of ``size``: five PIL images."""

    def _crops(self, img):
        return self._five(img)


class TenCrop(_MultiCrop):
    """``FiveCrop`` of the image and of its horizontal (``use_vertical_flip``: vertical) mirror."""

    def __init__(self, size, use_vertical_flip=False):
        type_check(use_vertical_flip, (bool,), "use_vertical_flip")
        super().__init__(size)
        self.use_vertical_flip = use_vertical_flip

    def _crops(self, img):
        from PIL import Image
        flip = Image.FLIP_TOP_BOTTOM if self.use_vertical_flip else Image.FLIP_LEFT_RIGHT
        return self._five(img) + self._five(img.transpose(flip))


class Grayscale(ImageTensorOperation):
    """A PIL image to gray (PIL's ``convert("L")``), as ``num_output_channels`` (1 or 3) channels: a PIL image."""

    def __init__(self, num_output_channels=1):
        type_check(num_output_channels, (int,), "num_output_channels")
        if num_output_channels not in (1, 3):
            raise ValueError("Number of channels of the output grayscale image should be either 1 or 3.")
        super().__init__()
        self.num_output_channels = num_output_channels

    def _eager_input(self, value):
        return value

    def __call__(self, img):
        return self._apply([img], None)[0]

    def _apply(self, args, rng):
        from PIL import Image
        self._check_inputs(args)
        gray = _pil(args[0]).convert("L")
        if self.num_output_channels == 3:
            gray = Image.fromarray(np.dstack([np.array(gray, np.uint8)] * 3), "RGB")
        return [gray]


class RandomGrayscale(Grayscale):
    """``Grayscale`` with probability ``prob``, keeping the image's channels (1 or 3)."""

    def __init__(self, prob=0.1):
        _check_prob(prob)
        super().__init__(1)
        self.prob = prob
        self.random = True

    def __call__(self, img):
        return self._apply([img], self._eager_rng())[0]

    def _apply(self, args, rng):
        img = _pil(args[0])
        if not rng.random() < self.prob:
            return [img]
        self.num_output_channels = 3 if len(img.getbands()) == 3 else 1
        return super()._apply([img], rng)


class RandomPerspective(Grayscale):
    """With probability ``prob``, a PIL image warped by PIL's ``transform(PERSPECTIVE)`` so that its corners move
    inward by up to ``distortion_scale`` of half its size (corners drawn as MindSpore's ``get_perspective_params``,
    from the pipeline's generator); a PIL image (MindSpore's Python-only transform)."""

    def __init__(self, distortion_scale=0.5, prob=0.5, interpolation=Inter.BICUBIC):
        type_check(distortion_scale, (float,), "distortion_scale")
        type_check(prob, (float,), "prob")
        check_value(distortion_scale, [0., 1.], "distortion_scale")
        check_value(prob, [0., 1.], "prob")
        type_check(interpolation, (Inter,), "interpolation")
        ImageTensorOperation.__init__(self)
        self.distortion_scale, self.prob, self.interpolation = distortion_scale, prob, interpolation
        self.random = True

    def __call__(self, img):
        return self._apply([img], self._eager_rng())[0]

    def _apply(self, args, rng):
        from PIL import Image
        if not _is_pil(args[0]):
            raise ValueError("Input image should be a Pillow image.")
        img = args[0]
        if not self.prob > rng.random():
            return [img]
        w, h = img.size
        dw, dh = int(w / 2 * self.distortion_scale), int(h / 2 * self.distortion_scale)

        def draw(low, high):  # random.randint's closed range
            return int(rng.integers(low, high + 1))
        end = [(draw(0, dw), draw(0, dh)), (draw(w - dw - 1, w - 1), draw(0, dh)),
               (draw(w - dw - 1, w - 1), draw(h - dh - 1, h - 1)), (draw(0, dw), draw(h - dh - 1, h - 1))]
        start = [(0, 0), (w - 1, 0), (w - 1, h - 1), (0, h - 1)]
        rows = []
        for (x, y), (u, v) in zip(end, start):  # the coefficients mapping output points to input points
            rows += [[x, y, 1, 0, 0, 0, -u * x, -u * y], [0, 0, 0, x, y, 1, -v * x, -v * y]]
        coeffs = np.linalg.lstsq(np.array(rows, float), np.array(start, float).reshape(8), rcond=None)[0]
        resample = {Inter.NEAREST: Image.NEAREST, Inter.LINEAR: Image.BILINEAR, Inter.BICUBIC: Image.BICUBIC,
                    Inter.ANTIALIAS: Image.LANCZOS}.get(self.interpolation)
        if resample is None:
            raise ValueError(f"RandomPerspective: interpolation {self.interpolation} has no PIL equivalent.")
        return [img.transform(img.size, Image.PERSPECTIVE, coeffs.tolist(), resample)]


class LinearTransformation(ImageTensorOperation):
    """The flattened image, less ``mean_vector``, times ``transformation_matrix`` (D x D for D values), in the
    image's shape."""

    def __init__(self, transformation_matrix, mean_vector):
        type_check(transformation_matrix, (np.ndarray,), "transformation_matrix")
        type_check(mean_vector, (np.ndarray,), "mean_vector")
        super().__init__()
        self.transformation_matrix, self.mean_vector = transformation_matrix, mean_vector

    def _one(self, x, rng):
        m = self.transformation_matrix
        if m.shape[0] != m.shape[1]:
            raise ValueError(f"transformation_matrix should be a square matrix. Got shape {m.shape} instead")
        if x.size != m.shape[0]:
            raise ValueError(f"transformation_matrix shape {m.shape} not compatible with Numpy image shape "
                             f"{x.shape}.")
        return np.dot(x.reshape(1, -1) - self.mean_vector, m).reshape(x.shape)


class MixUp(ImageTensorOperation):
    """Mix each image of a batch (NHWC) and its one-hot labels with another's, by weights drawn from
    Beta(``alpha``, ``alpha``): with ``is_single`` the next image of the batch (cyclically), else the previous
    batch's mix (the first batch unmixed). Outputs Float64. (MindSpore's Python implementation, over mindshim's
    generator.)"""
    _inputs = 2

    def __init__(self, batch_size, alpha, is_single=True):
        check_value(batch_size, (1, INT32_MAX), "batch_size")
        type_check(alpha, (int, float), "alpha")
        if alpha <= 0:
            raise ValueError("Input alpha must be greater than 0.")
        type_check(is_single, (bool,), "is_single")
        super().__init__()
        self.batch_size, self.alpha, self.is_single = batch_size, alpha, is_single
        self._previous = None
        self.random = True

    def _apply(self, args, rng):
        self._check_inputs(args)
        image, label = args
        n = self.batch_size
        lam = rng.beta(self.alpha, self.alpha, n)
        if self.is_single:
            shift = list(range(1, n)) + [0]
            other_image, other_label = image[shift, ...], label[shift, ...]
        elif self._previous is None:
            lam, other_image, other_label = np.ones(n), image, label
        else:
            other_image, other_label = self._previous
        lam_image, lam_label = lam.reshape((n, 1, 1, 1)), lam.reshape((n, 1))
        mixed = [lam_image * image + (1 - lam_image) * other_image, lam_label * label + (1 - lam_label) * other_label]
        if not self.is_single:
            self._previous = tuple(mixed)
        return mixed


class Decode(ImageTensorOperation):
    """Encoded image bytes (a 1-D uint8 array: JPEG, PNG, BMP, ...) decoded to an RGB HWC uint8 image, or with
    ``to_pil`` a PIL image (decoded by PIL, which gave MindSpore's pixels in our comparisons)."""

    def __init__(self, to_pil=False):
        type_check(to_pil, (bool,), "to_pil")
        super().__init__()
        self.to_pil = to_pil

    def _eager_input(self, value):
        value = super()._eager_input(value)
        if value.ndim != 1:
            raise TypeError(f"The number of array dimensions of the encoded image should be 1, but got {value.ndim}.")
        return value

    def _one(self, x, rng):
        import io

        from PIL import Image, UnidentifiedImageError
        if x.ndim != 1 or x.dtype != np.uint8:
            raise DataError(f"Decode: invalid input shape, only support 1D uint8 input, got rank: {x.ndim}")
        try:
            image = Image.open(io.BytesIO(x.tobytes())).convert("RGB")
        except (UnidentifiedImageError, OSError):
            raise DataError("Decode: image decode failed.") from None
        return image if self.to_pil else np.asarray(image).copy()


# ---- crops with resizing, and bounding boxes ----------------------------------------------------------------
class ResizedCrop(ImageTensorOperation):
    """The ``height`` x ``width`` window at (``top``, ``left``), resized to ``size`` (height, width; an int: a
    square) with ``Resize``'s NEAREST or BILINEAR."""

    def __init__(self, top, left, height, width, size, interpolation=Inter.BILINEAR):
        for name, v in (("top", top), ("left", left)):
            type_check(v, (int,), name)
            check_value(v, (0, INT32_MAX), name)
        for name, v in (("height", height), ("width", width)):
            type_check(v, (int,), name)
            check_value(v, (1, INT32_MAX), name)
        super().__init__()
        _check_size(size)
        self._resize = Resize(list(_size_pair(size)), interpolation)  # an int is a square here
        self.top, self.left, self.height, self.width = top, left, height, width
        self.size, self.interpolation = size, interpolation

    def _one(self, x, rng):
        _check_rank2("ResizedCrop", x)
        hax, wax = _hw_axes(x)
        if self.top + self.height > x.shape[hax] or self.left + self.width > x.shape[wax]:
            raise DataError(f"ResizedCrop: the crop window ({self.top}, {self.left}, {self.height}, {self.width}) "
                            f"exceeds the image of size ({x.shape[hax]}, {x.shape[wax]}).")
        return self._resize._one(_crop(x, self.top, self.left, self.height, self.width), rng)


def _crop_box(rng, h, w, scale, ratio, attempts):
    """A random window (top, left, height, width) of area a ``scale`` fraction and aspect ``ratio`` (log-uniform);
    after ``attempts`` misses, the central window of the nearest allowed aspect."""
    for _ in range(attempts):
        area = rng.uniform(*scale) * h * w
        aspect = np.exp(rng.uniform(np.log(ratio[0]), np.log(ratio[1])))
        cw, ch = int(round(np.sqrt(area * aspect))), int(round(np.sqrt(area / aspect)))
        if 0 < cw <= w and 0 < ch <= h:
            return int(rng.integers(0, h - ch + 1)), int(rng.integers(0, w - cw + 1)), ch, cw
    aspect = w / h
    if aspect < ratio[0]:
        cw, ch = w, int(round(w / ratio[0]))
    elif aspect > ratio[1]:
        ch, cw = h, int(round(h * ratio[1]))
    else:
        ch, cw = h, w
    return (h - ch) // 2, (w - cw) // 2, ch, cw


def _check_crop_resize(size, scale, ratio, interpolation, max_attempts):
    _check_size(size)
    _check_range(scale, "scale")
    _check_range(ratio, "ratio")
    if ratio[0] <= 0:
        raise ValueError("Input ratio[0] must be greater than 0.")
    type_check(interpolation, (Inter,), "interpolation")
    type_check(max_attempts, (int,), "max_attempts")
    check_value(max_attempts, (1, INT32_MAX), "max_attempts")


class RandomResizedCrop(ImageTensorOperation):
    """A random window (area a ``scale`` fraction of the image, aspect within ``ratio``) resized to ``size``."""

    def __init__(self, size, scale=(0.08, 1.0), ratio=(3. / 4., 4. / 3.), interpolation=Inter.BILINEAR,
                 max_attempts=10):
        _check_crop_resize(size, scale, ratio, interpolation, max_attempts)
        super().__init__()
        self._resize = Resize(list(_size_pair(size)), interpolation)  # an int is a square here
        self.size, self.scale, self.ratio = size, scale, ratio
        self.interpolation, self.max_attempts = interpolation, max_attempts
        self.random = True

    def _window(self, x, rng):
        hax, wax = _hw_axes(x)
        return _crop_box(rng, x.shape[hax], x.shape[wax], self.scale, self.ratio, self.max_attempts)

    def _one(self, x, rng):
        _check_rank2(self._name(), x)
        return self._resize._one(_crop(x, *self._window(x, rng)), rng)


class RandomCropDecodeResize(RandomResizedCrop):
    """``Decode`` then ``RandomResizedCrop``."""

    def _one(self, x, rng):
        return super()._one(Decode()._one(x, rng), rng)


def _check_bboxes(name, image, bboxes):
    if bboxes.ndim != 2 or bboxes.shape[1] < 4:
        raise DataError(f"{name}: bounding boxes should have the shape of <N, 4>, but got shape {list(bboxes.shape)}.")
    h, w = image.shape[:2]
    x, y, bw, bh = (bboxes[:, i].astype(np.float64) for i in range(4))
    if np.any(x < 0) or np.any(y < 0) or np.any(x + bw > w) or np.any(y + bh > h):
        raise DataError(f"{name}: bounding boxes is out of bounds of the image")


def _crop_bboxes(bboxes, top, left, height, width):
    """Boxes (x, y, w, h) moved into the window and cut to it; boxes outside it dropped."""
    b = bboxes.astype(np.float64)
    x0, y0 = np.maximum(b[:, 0] - left, 0), np.maximum(b[:, 1] - top, 0)
    x1 = np.minimum(b[:, 0] + b[:, 2] - left, width)
    y1 = np.minimum(b[:, 1] + b[:, 3] - top, height)
    keep = (x1 > x0) & (y1 > y0)
    out = bboxes[keep].copy()
    out[:, 0], out[:, 1], out[:, 2], out[:, 3] = x0[keep], y0[keep], (x1 - x0)[keep], (y1 - y0)[keep]
    return out


def _scale_bboxes(bboxes, sy, sx):
    out = bboxes.copy()
    out[:, [0, 2]] = bboxes[:, [0, 2]] * sx
    out[:, [1, 3]] = bboxes[:, [1, 3]] * sy
    return out


class _WithBBox(ImageTensorOperation):
    """A transform of an HWC image and its bounding boxes (an N x 4 array of x, y, width, height)."""
    _inputs = 2

    def _apply(self, args, rng):
        args = [np.asarray(a) if _is_pil(a) else a for a in args]
        self._check_inputs(args)
        image, bboxes = args
        _check_rank2(self._name(), image)
        _check_bboxes(self._name(), image, bboxes)
        return list(self._both(image, bboxes, rng))


class _RandomFlipWithBBox(_WithBBox):
    _axis = 1

    def __init__(self, prob=0.5):
        _check_prob(prob)
        super().__init__()
        self.prob = prob
        self.random = True

    def _both(self, image, bboxes, rng):
        if not rng.random() < self.prob:
            return image, bboxes
        out = bboxes.copy()
        position, extent = (0, 2) if self._axis == 1 else (1, 3)
        out[:, position] = image.shape[self._axis] - bboxes[:, position] - bboxes[:, extent]
        return np.ascontiguousarray(np.flip(image, self._axis)), out


class RandomHorizontalFlipWithBBox(_RandomFlipWithBBox):
    """Image and boxes flipped left to right with probability ``prob``."""


class RandomVerticalFlipWithBBox(_RandomFlipWithBBox):
    """Image and boxes flipped upside down with probability ``prob``."""
    _axis = 0


class ResizeWithBBox(_WithBBox):
    """``Resize`` of the image, the boxes scaled with it."""

    def __init__(self, size, interpolation=Inter.LINEAR):
        super().__init__()
        self._resize = Resize(size, interpolation)
        self.size, self.interpolation = size, interpolation

    def _both(self, image, bboxes, rng):
        out = self._resize._one(image, rng)
        return out, _scale_bboxes(bboxes, out.shape[0] / image.shape[0], out.shape[1] / image.shape[1])


class RandomResizeWithBBox(ResizeWithBBox):
    """``ResizeWithBBox`` with the interpolation drawn per image as ``RandomResize``'s."""

    def __init__(self, size):
        super().__init__(size)
        self.random = True

    def _both(self, image, bboxes, rng):
        out = RandomResize(self.size)._one(image, rng)
        return out, _scale_bboxes(bboxes, out.shape[0] / image.shape[0], out.shape[1] / image.shape[1])


class RandomResizedCropWithBBox(_WithBBox):
    """``RandomResizedCrop`` of the image, the boxes cut to the window and scaled with it."""

    def __init__(self, size, scale=(0.08, 1.0), ratio=(3. / 4., 4. / 3.), interpolation=Inter.BILINEAR,
                 max_attempts=10):
        super().__init__()
        self._crop = RandomResizedCrop(size, scale, ratio, interpolation, max_attempts)
        self.size, self.scale, self.ratio = size, scale, ratio
        self.interpolation, self.max_attempts = interpolation, max_attempts
        self.random = True

    def _both(self, image, bboxes, rng):
        top, left, h, w = self._crop._window(image, rng)
        out = self._crop._resize._one(_crop(image, top, left, h, w), rng)
        return out, _scale_bboxes(_crop_bboxes(bboxes, top, left, h, w), out.shape[0] / h, out.shape[1] / w)


class RandomCropWithBBox(_WithBBox):
    """``RandomCrop`` of the image, the boxes moved with the padding and cut to the window."""

    def __init__(self, size, padding=None, pad_if_needed=False, fill_value=0, padding_mode=Border.CONSTANT):
        super().__init__()
        self._crop = RandomCrop(size, padding, pad_if_needed, fill_value, padding_mode)
        self.size, self.padding, self.pad_if_needed = size, padding, pad_if_needed
        self.fill_value, self.padding_mode = fill_value, padding_mode
        self.random = True

    def _both(self, image, bboxes, rng):
        op = self._crop
        top, bottom, left, right = op.padding
        x = _pad(image, top, bottom, left, right, op.padding_mode, op.fill_value)
        shifted = bboxes.copy()
        shifted[:, 0] += left
        shifted[:, 1] += top
        (ch, cw), (h, w) = op.size, x.shape[:2]
        if op.pad_if_needed and (h < ch or w < cw):
            dh, dw = max(ch - h, 0), max(cw - w, 0)
            x = _pad(x, dh, dh, dw, dw, op.padding_mode, op.fill_value)
            shifted[:, 0] += dw
            shifted[:, 1] += dh
            h, w = x.shape[:2]
        if ch > h or cw > w:
            raise DataError(f"RandomCropWithBBox: invalid crop size, crop size is bigger than the image dimensions, "
                            f"got crop height: {ch}, crop width: {cw}")
        y0, x0 = int(rng.integers(h - ch + 1)), int(rng.integers(w - cw + 1))
        return _crop(x, y0, x0, ch, cw), _crop_bboxes(shifted, y0, x0, ch, cw)


# ---- batch mixing -------------------------------------------------------------------------------------------
def _check_batch(name, images, labels):
    if images.ndim != 4:
        raise DataError(f"{name}: image shape is not <N,H,W,C> or <N,C,H,W>, got rank: {images.ndim}")
    if labels.ndim not in (2, 3) or labels.shape[0] != images.shape[0]:
        raise DataError(f"{name}: wrong labels shape. The second column (labels) must have a shape of NC or NLC "
                        f"where N is the batch size, L is the number of labels in each row, and C is the number of "
                        f"classes. labels must be in one-hot format and in a batch, but got rank: {labels.ndim}")


class MixUpBatch(ImageTensorOperation):
    """A batch of images (NHWC or NCHW) and one-hot labels each mixed with a random other of the batch by one
    weight drawn from Beta(``alpha``, ``alpha``); images keep their dtype, labels become Float32."""
    _inputs = 2

    def __init__(self, alpha=1.0):
        type_check(alpha, (int, float), "alpha")
        if alpha <= 0:
            raise ValueError("Input alpha must be greater than 0.")
        super().__init__()
        self.alpha = alpha
        self.random = True

    def _apply(self, args, rng):
        self._check_inputs(args)
        images, labels = args
        _check_batch("MixUpBatch", images, labels)
        lam, other = rng.beta(self.alpha, self.alpha), rng.permutation(images.shape[0])
        mixed = _saturate(lam * images.astype(np.float64) + (1 - lam) * images[other], images.dtype)
        return [mixed, (lam * labels + (1 - lam) * labels[other]).astype(np.float32)]


class CutMixBatch(ImageTensorOperation):
    """With probability ``prob`` per image, a random box of another image of the batch pasted in (its area
    a Beta(``alpha``, ``alpha``) fraction), the one-hot labels mixed by the areas; labels become Float32."""
    _inputs = 2

    def __init__(self, image_batch_format, alpha=1.0, prob=1.0):
        from .utils import ImageBatchFormat
        type_check(image_batch_format, (ImageBatchFormat,), "image_batch_format")
        type_check(alpha, (int, float), "alpha")
        if alpha <= 0:
            raise ValueError("Input alpha must be greater than 0.")
        _check_prob(prob)
        super().__init__()
        self.image_batch_format, self.alpha, self.prob = image_batch_format, alpha, prob
        self.random = True

    def _apply(self, args, rng):
        self._check_inputs(args)
        images, labels = args
        _check_batch("CutMixBatch", images, labels)
        nchw = self.image_batch_format == self.image_batch_format.NCHW
        hw = images.shape[2:4] if nchw else images.shape[1:3]
        out, mixed = images.copy(), labels.astype(np.float32)
        for i in range(images.shape[0]):
            if not rng.random() < self.prob:
                continue
            j = int(rng.integers(images.shape[0]))
            cut = np.sqrt(1 - rng.beta(self.alpha, self.alpha))
            ch, cw = int(hw[0] * cut), int(hw[1] * cut)
            cy, cx = int(rng.integers(hw[0])), int(rng.integers(hw[1]))
            y0, y1 = max(cy - ch // 2, 0), min(cy + ch // 2, hw[0])
            x0, x1 = max(cx - cw // 2, 0), min(cx + cw // 2, hw[1])
            if nchw:
                out[i, :, y0:y1, x0:x1] = images[j, :, y0:y1, x0:x1]
            else:
                out[i, y0:y1, x0:x1] = images[j, y0:y1, x0:x1]
            lam = 1 - (y1 - y0) * (x1 - x0) / (hw[0] * hw[1])
            mixed[i] = lam * labels[i] + (1 - lam) * labels[j]
        return [out, mixed]


# ---- OpenCV's warpAffine, in numpy ---------------------------------------------------------------------------
_AB_BITS, _INTER_BITS = 10, 5  # OpenCV's fixed-point source coordinates: 10 bits, then 5 bits of sub-pixel


def _cv_round(values):
    return np.rint(values).astype(np.int64)


def _warp_affine(x, matrix, out_h, out_w, interpolation, fill):
    """OpenCV's ``warpAffine`` of an HW or HWC image by the forward 2x3 ``matrix``: inverted, then each output
    pixel's source found in fixed point as OpenCV does (10 bits, rounded), NEAREST or BILINEAR."""
    inv = np.linalg.inv(np.vstack([matrix, [0, 0, 1]]))[:2]
    scale = 1 << _AB_BITS
    nearest = interpolation == Inter.NEAREST
    delta = scale // 2 if nearest else scale // (1 << _INTER_BITS) // 2
    ys, xs = np.arange(out_h)[:, None], np.arange(out_w)[None, :]
    big_x = _cv_round((inv[0, 1] * ys + inv[0, 2]) * scale) + delta + _cv_round(inv[0, 0] * xs * scale)
    big_y = _cv_round((inv[1, 1] * ys + inv[1, 2]) * scale) + delta + _cv_round(inv[1, 0] * xs * scale)
    shift = _AB_BITS if nearest else _AB_BITS - _INTER_BITS
    return _remap(x, big_x >> shift, big_y >> shift, nearest, fill)


def _warp_perspective(x, matrix, out_h, out_w, interpolation, fill):
    """OpenCV's ``warpPerspective`` by the forward 3x3 ``matrix`` (each source position rounded, to the pixel for
    NEAREST or to 1/32 pixel for BILINEAR)."""
    inv = np.linalg.inv(matrix)
    nearest = interpolation == Inter.NEAREST
    ys, xs = np.arange(out_h, dtype=np.float64)[:, None], np.arange(out_w, dtype=np.float64)[None, :]
    w = inv[2, 0] * xs + inv[2, 1] * ys + inv[2, 2]
    w = np.where(w != 0, (1.0 if nearest else float(1 << _INTER_BITS)) / np.where(w != 0, w, 1), 0)
    limit = float(np.iinfo(np.int32).max)
    big_x = _cv_round(np.clip((inv[0, 0] * xs + inv[0, 1] * ys + inv[0, 2]) * w, -limit, limit))
    big_y = _cv_round(np.clip((inv[1, 0] * xs + inv[1, 1] * ys + inv[1, 2]) * w, -limit, limit))
    return _remap(x, big_x, big_y, nearest, fill)


def _remap(x, big_x, big_y, nearest, fill):
    """OpenCV's ``remap`` at source positions in whole pixels (NEAREST) or in 1/32 pixel (BILINEAR: its 15-bit
    fixed-point weights for uint8, float32 weights otherwise); pixels outside are ``fill`` (one value, or one
    per channel)."""
    image = x if x.ndim == 3 else x[..., None]
    h, w, c = image.shape
    fill = np.broadcast_to(np.asarray(fill, np.float64), (c,)) if np.ndim(fill) else np.full(c, float(fill))

    def sample(sy, sx):
        inside = (sy >= 0) & (sy < h) & (sx >= 0) & (sx < w)
        values = image[np.clip(sy, 0, h - 1), np.clip(sx, 0, w - 1)].astype(np.float64)
        return np.where(inside[..., None], values, fill)
    if nearest:
        out = sample(big_y, big_x)
    else:
        sx, sy = big_x >> _INTER_BITS, big_y >> _INTER_BITS
        ax, ay = (big_x & 31)[..., None], (big_y & 31)[..., None]
        corners = [sample(sy, sx), sample(sy, sx + 1), sample(sy + 1, sx), sample(sy + 1, sx + 1)]
        if x.dtype == np.uint8:  # weights in 1/32768: products of (32 - a) and a, times 32
            weights = [(32 - ay) * (32 - ax), (32 - ay) * ax, ay * (32 - ax), ay * ax]
            total = sum(w_ * 32 * v.astype(np.int64) for w_, v in zip(weights, corners))
            out = (total + (1 << 14)) >> 15
        else:
            kx, ky = (ax / np.float32(32)).astype(np.float32), (ay / np.float32(32)).astype(np.float32)
            weights = [(1 - ky) * (1 - kx), (1 - ky) * kx, ky * (1 - kx), ky * kx]
            out = sum(w_.astype(np.float32) * v.astype(np.float32) for w_, v in zip(weights, corners))
    out = _saturate(out, x.dtype) if x.dtype.kind in "iu" else out.astype(x.dtype)
    return out if x.ndim == 3 else out[..., 0]


def _check_rotate(resample, expand, center, fill_value):
    type_check(resample, (Inter,), "resample")
    if resample not in (Inter.NEAREST, Inter.BILINEAR):
        raise NotImplementedError(f"mindspore.dataset.vision rotation with {resample} is not supported by mindshim "
                                  "yet (NEAREST and BILINEAR are)")
    type_check(expand, (bool,), "expand")
    if center is not None:
        type_check(center, (tuple, list), "center")
        if len(center) != 2:
            raise ValueError("Value center needs to be a 2-tuple.")
    _check_fill(fill_value)


def _rotate(x, degrees, resample, expand, center, fill_value):
    """OpenCV's rotation about ``center`` (default: the image centre, ((w - 1) / 2, (h - 1) / 2)), counter-clockwise
    by ``degrees``; with ``expand`` the output grows to hold the whole rotated image."""
    _check_rank2("Rotate", x)
    h, w = x.shape[:2]
    cx, cy = ((w - 1) / 2.0, (h - 1) / 2.0) if center is None else center
    angle = np.deg2rad(degrees)
    a, b = np.cos(angle), np.sin(angle)
    matrix = np.array([[a, b, (1 - a) * cx - b * cy], [-b, a, b * cx + (1 - a) * cy]])
    out_h, out_w = h, w
    if expand:
        bw, bh = abs(w * a) + abs(h * b), abs(w * b) + abs(h * a)
        matrix[0, 2] += bw / 2.0 - cx - 0.5
        matrix[1, 2] += bh / 2.0 - cy - 0.5
        out_h, out_w = int(np.rint(bh)), int(np.rint(bw))
    fill = fill_value[::-1] if isinstance(fill_value, tuple) else fill_value  # MindSpore fills rotations as BGR
    return _warp_affine(x, matrix, out_h, out_w, resample, fill)


class Rotate(ImageTensorOperation):
    """The image rotated counter-clockwise by ``degrees`` about ``center`` (default: its centre), NEAREST or
    BILINEAR, uncovered pixels ``fill_value`` (a 3-tuple is used in reverse order, as MindSpore 2.10 does); with
    ``expand`` the output holds the whole rotated image. Values as OpenCV's ``warpAffine`` (its fixed-point source
    coordinates and weights)."""

    def __init__(self, degrees, resample=Inter.NEAREST, expand=False, center=None, fill_value=0):
        type_check(degrees, (float, int), "degrees")
        _check_rotate(resample, expand, center, fill_value)
        super().__init__()
        self.degrees, self.resample, self.expand, self.center, self.fill_value = \
            degrees, resample, expand, center, fill_value

    def _one(self, x, rng):
        return _rotate(x, self.degrees, self.resample, self.expand, self.center, self.fill_value)


class RandomRotation(ImageTensorOperation):
    """``Rotate`` by an angle drawn uniformly from ``degrees`` ((min, max); a number ``d``: (-d, d))."""

    def __init__(self, degrees, resample=Inter.NEAREST, expand=False, center=None, fill_value=0):
        if isinstance(degrees, numbers.Number):
            check_value(degrees, (0, FLOAT_MAX_INTEGER), "degrees")
            degrees = (-degrees, degrees)
        _check_range(degrees, "degrees", -FLOAT_MAX_INTEGER)
        _check_rotate(resample, expand, center, fill_value)
        super().__init__()
        self.degrees, self.resample, self.expand, self.center, self.fill_value = \
            tuple(degrees), resample, expand, center, fill_value
        self.random = True

    def _one(self, x, rng):
        return _rotate(x, rng.uniform(*self.degrees), self.resample, self.expand, self.center, self.fill_value)


# ---- choosing among transforms ------------------------------------------------------------------------------
def _check_ops(ops, name):
    type_check(ops, (list, tuple), name)
    if not ops:
        raise ValueError(f"{name} can not be empty.")
    for i, op in enumerate(ops):
        if not callable(op):
            raise TypeError(f"{name}[{i}] is not a callable transform.")


class UniformAugment(ImageTensorOperation):
    """``num_ops`` of ``transforms`` drawn at random (without repeats), each then applied with probability 1/2
    (MindSpore's UniformAugOp)."""

    def __init__(self, transforms, num_ops=2):
        type_check(num_ops, (int,), "num_ops")
        if num_ops <= 0:
            raise ValueError("Input num_ops must be greater than 0.")
        if num_ops > len(transforms):
            raise ValueError("num_ops is greater than transforms list size.")
        _check_ops(transforms, "transforms list")
        super().__init__()
        self.transforms, self.num_ops = transforms, num_ops
        self.random = True

    def _apply(self, args, rng):
        from ..transforms.transforms import _run
        for i in rng.choice(len(self.transforms), self.num_ops, replace=False):
            if rng.integers(2):
                continue
            args = _run(self.transforms[i], args, rng)
        return args


class RandomSelectSubpolicy(ImageTensorOperation):
    """One sub-policy of ``policy`` (a list of lists of (transform, probability)) drawn at random, its transforms
    applied in order, each with its probability."""

    def __init__(self, policy):
        type_check(policy, (list,), "policy")
        if not policy:
            raise ValueError("policy can not be empty.")
        for i, sub in enumerate(policy):
            type_check(sub, (list,), f"policy[{[i]}]")
            if not sub:
                raise ValueError(f"policy[{i}] can not be empty.")
            for j, pair in enumerate(sub):
                type_check(pair, (tuple, list), f"policy[{i}][{j}]")
                if len(pair) != 2 or not callable(pair[0]):
                    raise ValueError(f"policy[{i}][{j}] should be a (transform, prob) 2-tuple.")
                check_value(pair[1], (0, 1), f"prob of (op, prob) policy[{i}][{j}]")
        super().__init__()
        self.policy = policy
        self.random = True

    def _apply(self, args, rng):
        from ..transforms.transforms import _run
        for op, prob in self.policy[int(rng.integers(len(self.policy)))]:
            if rng.random() < prob:
                args = _run(op, args, rng)
        return args


# ---- AutoAugment, RandAugment, TrivialAugmentWide ---------------------------------------------------------
def _linspace(start, end, n, scale=1.0, offset=0.0, rounded=False):
    """MindSpore's ``Linspace`` in float32: ``(start + i * step) * scale + offset`` (rounded half to even)."""
    f32 = np.float32
    step = f32(0) if n == 1 else (f32(end) - f32(start)) / f32(n - 1)
    values = (f32(start) + np.arange(n, dtype=f32) * step) * f32(scale) + f32(offset)
    return list(np.rint(values) if rounded else values)


def _augment_space(n, h, w, wide=False, solarize_top=255.0):
    """``{name: (magnitudes, signed)}``: the operations and magnitude bins of MindSpore's augmentation spaces
    (``wide``: TrivialAugmentWide's), names in the order MindSpore lists them (its map's, alphabetical)."""
    top = 0.99 if wide else 0.9
    space = {"AutoContrast": ([0.0], False), "Brightness": (_linspace(0, top, n), True),
             "Color": (_linspace(0, top, n), True), "Contrast": (_linspace(0, top, n), True),
             "Equalize": ([0.0], False),
             "Posterize": (_linspace(0, n - 1, n, (-6.0 if wide else -4.0) / (n - 1), 8, True), False),
             "Rotate": (_linspace(0, 135.0 if wide else 30.0, n), True),
             "Sharpness": (_linspace(0, top, n), True),
             "ShearX": (_linspace(0, 0.99 if wide else 0.3, n), True),
             "ShearY": (_linspace(0, 0.99 if wide else 0.3, n), True),
             "Solarize": (_linspace(solarize_top, 0, n), False),
             "TranslateX": (_linspace(0, 32.0 if wide else np.float32(150.0 / 331) * np.float32(w), n), True),
             "TranslateY": (_linspace(0, 32.0 if wide else np.float32(150.0 / 331) * np.float32(h), n), True)}
    return space


def _apply_augment(x, name, magnitude, interpolation, fill):
    """One operation of MindSpore's ``ApplyAugment`` on an RGB uint8 image. As MindSpore 2.10: shears are
    ``magnitude`` radians taken as degrees' worth (``magnitude * 180 / pi``); translations hand the whole pixel
    offset to the affine transform as a fraction of the size (so any nonzero one moves the image out of view);
    rotations get the fill value as (R, B, G)."""
    if name in ("ShearX", "ShearY"):
        shear = float(np.float32(magnitude) * np.float32(180) / np.float32(np.pi))
        return _affine(x, 0.0, (0, 0), 1.0, (shear, 0.0) if name == "ShearX" else (0.0, shear), interpolation, fill)
    if name in ("TranslateX", "TranslateY"):
        offset = float(int(magnitude))
        return _affine(x, 0.0, (offset, 0) if name == "TranslateX" else (0, offset), 1.0, (0.0, 0.0),
                       interpolation, fill)
    if name == "Rotate":
        return _rotate(x, float(magnitude), interpolation, False, None, (fill[0], fill[2], fill[1]))
    adjust = {"Brightness": AdjustBrightness, "Color": AdjustSaturation, "Contrast": AdjustContrast,
              "Sharpness": AdjustSharpness}
    if name in adjust:
        return adjust[name]._adjust(x, 1 + float(magnitude))
    if name == "Posterize":
        return Posterize(int(magnitude))._one(x, None)
    if name == "Solarize":
        return Solarize((float(magnitude), float(magnitude)))._one(x, None)
    ops = {"AutoContrast": AutoContrast(), "Equalize": Equalize(), "Invert": Invert()}
    return ops[name]._one(x, None) if name in ops else x


class _Augment(ImageTensorOperation):
    """Shared by the automatic augmentations: checks of ``interpolation`` and ``fill_value`` (an int is used for
    all three channels), and of the RGB uint8 input."""

    def __init__(self, interpolation, fill_value):
        type_check(interpolation, (Inter,), "interpolation")
        _check_fill(fill_value)
        _check_interp(interpolation)
        super().__init__()
        self.interpolation = interpolation
        self.fill_value = (fill_value,) * 3 if isinstance(fill_value, int) else fill_value
        self.random = True

    def _check(self, x):
        if x.ndim != 3:
            raise DataError(f"{self._name()}: input tensor is not in shape of <H,W,C>, but got rank: {x.ndim}")
        if x.shape[2] != 3:
            raise DataError(f"{self._name()}: channel of input image should be 3, but got: {x.shape[2]}")
        if x.dtype != np.uint8:
            raise DataError(f"{self._name()}: the data type of image tensor does not match the requirement of "
                            f"operator. Expecting tensor in type of (uint8). But got type {dtype_name(x.dtype)}.")

    def _signed(self, magnitude, signed, rng):
        """``magnitude`` negated for a signed operation where MindSpore's ``RandInt(0, 2)`` is 1 (a third of the
        draws: see ``_rand_int``)."""
        return -magnitude if signed and int(rng.integers(0, 3)) % 2 else magnitude

    @staticmethod
    def _rand_int(rng, n):
        """MindSpore's ``RandInt(0, n)``: a uniform draw from 0..n (inclusive) taken modulo n (0 twice as likely)."""
        return int(rng.integers(0, n + 1)) % n


class AutoAugment(_Augment):
    """One of the 25 learned sub-policies of ``policy`` (ImageNet, CIFAR-10, SVHN), drawn per image; each of its
    two operations applied with its probability, at its magnitude bin (of 10), the sign drawn for signed
    operations; the operations as MindSpore's ``ApplyAugment`` (see ``_apply_augment``). NEAREST or BILINEAR."""

    _POLICIES = {
        AutoAugmentPolicy.IMAGENET: (
            (("Posterize", 0.4, 8), ("Rotate", 0.6, 9)), (("Solarize", 0.6, 5), ("AutoContrast", 0.6, -1)),
            (("Equalize", 0.8, -1), ("Equalize", 0.6, -1)), (("Posterize", 0.6, 7), ("Posterize", 0.6, 6)),
            (("Equalize", 0.4, -1), ("Solarize", 0.2, 4)), (("Equalize", 0.4, -1), ("Rotate", 0.8, 8)),
            (("Solarize", 0.6, 3), ("Equalize", 0.6, -1)), (("Posterize", 0.8, 5), ("Equalize", 1.0, -1)),
            (("Rotate", 0.2, 3), ("Solarize", 0.6, 8)), (("Equalize", 0.6, -1), ("Posterize", 0.4, 6)),
            (("Rotate", 0.8, 8), ("Color", 0.4, 0)), (("Rotate", 0.4, 9), ("Equalize", 0.6, -1)),
            (("Equalize", 0.0, -1), ("Equalize", 0.8, -1)), (("Invert", 0.6, -1), ("Equalize", 1.0, -1)),
            (("Color", 0.6, 4), ("Contrast", 1.0, 8)), (("Rotate", 0.8, 8), ("Color", 1.0, 2)),
            (("Color", 0.8, 8), ("Solarize", 0.8, 7)), (("Sharpness", 0.4, 7), ("Invert", 0.6, -1)),
            (("ShearX", 0.6, 5), ("Equalize", 1.0, -1)), (("Color", 0.4, 0), ("Equalize", 0.6, -1)),
            (("Equalize", 0.4, -1), ("Solarize", 0.2, 4)), (("Solarize", 0.6, 5), ("AutoContrast", 0.6, -1)),
            (("Invert", 0.6, -1), ("Equalize", 1.0, -1)), (("Color", 0.6, 4), ("Contrast", 1.0, 8)),
            (("Equalize", 0.8, -1), ("Equalize", 0.6, -1))),
        AutoAugmentPolicy.CIFAR10: (
            (("Invert", 0.1, -1), ("Contrast", 0.2, 6)), (("Rotate", 0.7, 2), ("TranslateX", 0.3, 9)),
            (("Sharpness", 0.8, 1), ("Sharpness", 0.9, 3)), (("ShearY", 0.5, 8), ("TranslateY", 0.7, 9)),
            (("AutoContrast", 0.5, -1), ("Equalize", 0.9, -1)), (("ShearY", 0.2, 7), ("Posterize", 0.3, 7)),
            (("Color", 0.4, 3), ("Brightness", 0.6, 7)), (("Sharpness", 0.3, 9), ("Brightness", 0.7, 9)),
            (("Equalize", 0.6, -1), ("Equalize", 0.5, -1)), (("Contrast", 0.6, 7), ("Sharpness", 0.6, 5)),
            (("Color", 0.7, 7), ("TranslateX", 0.5, 8)), (("Equalize", 0.3, -1), ("AutoContrast", 0.4, -1)),
            (("TranslateY", 0.4, 3), ("Sharpness", 0.2, 6)), (("Brightness", 0.9, 6), ("Color", 0.2, 8)),
            (("Solarize", 0.5, 2), ("Invert", 0.0, -1)), (("Equalize", 0.2, -1), ("AutoContrast", 0.6, -1)),
            (("Equalize", 0.2, -1), ("Equalize", 0.6, -1)), (("Color", 0.9, 9), ("Equalize", 0.6, -1)),
            (("AutoContrast", 0.8, -1), ("Solarize", 0.2, 8)), (("Brightness", 0.1, 3), ("Color", 0.7, 0)),
            (("Solarize", 0.4, 5), ("AutoContrast", 0.9, -1)), (("TranslateY", 0.9, 9), ("TranslateY", 0.7, 9)),
            (("AutoContrast", 0.9, -1), ("Solarize", 0.8, 3)), (("Equalize", 0.8, -1), ("Invert", 0.1, -1)),
            (("TranslateY", 0.7, 9), ("AutoContrast", 0.9, -1))),
        AutoAugmentPolicy.SVHN: (
            (("ShearX", 0.9, 4), ("Invert", 0.2, -1)), (("ShearY", 0.9, 8), ("Invert", 0.7, -1)),
            (("Equalize", 0.6, -1), ("Solarize", 0.6, 6)), (("Invert", 0.9, -1), ("Equalize", 0.6, -1)),
            (("Equalize", 0.6, -1), ("Rotate", 0.9, 3)), (("ShearX", 0.9, 4), ("AutoContrast", 0.8, -1)),
            (("ShearY", 0.9, 8), ("Invert", 0.4, -1)), (("ShearY", 0.9, 5), ("Solarize", 0.2, 6)),
            (("Invert", 0.9, -1), ("AutoContrast", 0.8, -1)), (("Equalize", 0.6, -1), ("Rotate", 0.9, 3)),
            (("ShearX", 0.9, 4), ("Solarize", 0.3, 3)), (("ShearY", 0.8, 8), ("Invert", 0.7, -1)),
            (("Equalize", 0.9, -1), ("TranslateY", 0.6, 6)), (("Invert", 0.9, -1), ("Equalize", 0.6, -1)),
            (("Contrast", 0.3, 3), ("Rotate", 0.8, 4)), (("Invert", 0.8, -1), ("TranslateY", 0.0, 2)),
            (("ShearY", 0.7, 6), ("Solarize", 0.4, 8)), (("Invert", 0.6, -1), ("Rotate", 0.8, 4)),
            (("ShearY", 0.3, 7), ("TranslateX", 0.9, 3)), (("ShearX", 0.1, 6), ("Invert", 0.6, -1)),
            (("Solarize", 0.7, 2), ("TranslateY", 0.6, 7)), (("ShearY", 0.8, 4), ("Invert", 0.8, -1)),
            (("ShearX", 0.7, 9), ("TranslateY", 0.8, 3)), (("ShearY", 0.8, 5), ("AutoContrast", 0.7, -1)),
            (("ShearX", 0.7, 2), ("Invert", 0.1, -1)))}

    def __init__(self, policy=AutoAugmentPolicy.IMAGENET, interpolation=Inter.NEAREST, fill_value=0):
        type_check(policy, (AutoAugmentPolicy,), "policy")
        super().__init__(interpolation, fill_value)
        self.policy = policy

    def _one(self, x, rng):
        self._check(x)
        subpolicy = self._POLICIES[self.policy][int(rng.integers(0, 25))]
        probs, signs = rng.random(2), rng.integers(0, 2, 2)
        space = dict(_augment_space(10, *x.shape[:2], solarize_top=256.0), Invert=([0.0], False))
        for (name, p, bin_), prob, sign in zip(subpolicy, probs, signs):
            if prob <= p:
                magnitudes, signed = space[name]
                magnitude = magnitudes[bin_] if len(magnitudes) != 1 and bin_ != -1 else 0.0
                x = _apply_augment(x, name, -magnitude if signed and sign == 0 else magnitude, self.interpolation,
                                   self.fill_value)
        return x


class RandAugment(_Augment):
    """``num_ops`` operations drawn per image from MindSpore's RandAugment space (identity, shears, translations,
    rotation, brightness, color, contrast, sharpness, posterize, solarize, autocontrast, equalize), all at bin
    ``magnitude`` of ``num_magnitude_bins``, signs drawn; the operations as ``AutoAugment``'s."""

    def __init__(self, num_ops=2, magnitude=9, num_magnitude_bins=31, interpolation=Inter.NEAREST, fill_value=0):
        type_check(num_ops, (int,), "num_ops")
        check_value(num_ops, (0, FLOAT_MAX_INTEGER), "num_ops")
        type_check(num_magnitude_bins, (int,), "num_magnitude_bins")
        check_value(num_magnitude_bins, (2, FLOAT_MAX_INTEGER), "num_magnitude_bins")
        type_check(magnitude, (int,), "magnitude")
        check_value(magnitude, (0, num_magnitude_bins), "magnitude", right_open=True)
        super().__init__(interpolation, fill_value)
        self.num_ops, self.magnitude, self.num_magnitude_bins = num_ops, magnitude, num_magnitude_bins

    def _one(self, x, rng):
        self._check(x)
        space = dict(_augment_space(self.num_magnitude_bins, *x.shape[:2]), Identity=([0.0], False))
        names = sorted(space)
        for _ in range(self.num_ops):
            name = names[self._rand_int(rng, len(names))]
            magnitudes, signed = space[name]
            magnitude = magnitudes[self.magnitude] if len(magnitudes) != 1 else 0.0
            x = _apply_augment(x, name, self._signed(magnitude, signed, rng), self.interpolation, self.fill_value)
        return x


class TrivialAugmentWide(_Augment):
    """One operation drawn per image from MindSpore's TrivialAugmentWide space (RandAugment's with wider
    magnitudes), at a bin drawn from ``num_magnitude_bins``, its sign drawn; the operations as ``AutoAugment``'s."""

    def __init__(self, num_magnitude_bins=31, interpolation=Inter.NEAREST, fill_value=0):
        type_check(num_magnitude_bins, (int,), "num_magnitude_bins")
        check_value(num_magnitude_bins, (2, FLOAT_MAX_INTEGER), "num_magnitude_bins")
        super().__init__(interpolation, fill_value)
        self.num_magnitude_bins = num_magnitude_bins

    def _one(self, x, rng):
        self._check(x)
        space = dict(_augment_space(self.num_magnitude_bins, *x.shape[:2], wide=True), Identity=([0.0], False))
        names = sorted(space)
        name = names[self._rand_int(rng, len(names))]
        magnitudes, signed = space[name]
        magnitude = magnitudes[self._rand_int(rng, len(magnitudes))] if len(magnitudes) != 1 else 0.0
        return _apply_augment(x, name, self._signed(magnitude, signed, rng), self.interpolation, self.fill_value)


def _affine(x, degrees, translate, scale, shear, resample, fill_value):
    """MindSpore's affine map about the image centre ((w - 1) / 2, (h - 1) / 2): rotation by ``degrees``, shear
    (x, y degrees), ``scale``, then a shift by ``translate`` (fractions of the width and height), by
    ``_warp_affine``."""
    _check_rank2("Affine", x)
    h, w = x.shape[:2]
    d, sx, sy = np.deg2rad(degrees), np.deg2rad(shear[0]), np.deg2rad(shear[1])
    m0, m3 = scale * np.cos(d - sy) / np.cos(sy), scale * np.sin(d - sy) / np.cos(sy)
    m1 = scale * (-np.cos(d - sy) * np.tan(sx) / np.cos(sy) - np.sin(d))
    m4 = scale * (-np.sin(d - sy) * np.tan(sx) / np.cos(sy) + np.cos(d))
    cx, cy = (w - 1) / 2.0, (h - 1) / 2.0
    matrix = np.array([[m0, m1, (1 - m0) * cx - m1 * cy + translate[0] * w],
                       [m3, m4, (1 - m4) * cy - m3 * cx + translate[1] * h]])
    return _warp_affine(x, matrix, h, w, resample, fill_value)


def _check_interp(resample):
    type_check(resample, (Inter,), "resample")
    if resample not in (Inter.NEAREST, Inter.BILINEAR):
        raise NotImplementedError(f"mindspore.dataset.vision affine transforms with {resample} are not supported by "
                                  "mindshim yet (NEAREST and BILINEAR are)")


class Affine(ImageTensorOperation):
    """Rotation by ``degrees``, shift by ``translate`` (fractions of width and height), ``scale`` and ``shear``
    (degrees: one value for x, or x and y) about the image centre, NEAREST or BILINEAR, uncovered pixels
    ``fill_value``; values as OpenCV's ``warpAffine``."""

    def __init__(self, degrees, translate, scale, shear, resample=Inter.NEAREST, fill_value=0):
        type_check(degrees, (int, float), "degrees")
        type_check(translate, (list, tuple), "translate")
        if len(translate) != 2:
            raise TypeError("The length of translate should be 2.")
        for i, t in enumerate(translate):
            type_check(t, (int, float), f"translate[{i}]")
            check_value(t, [-1.0, 1.0], f"translate[{i}]")
        type_check(scale, (int, float), "scale")
        if scale <= 0:
            raise ValueError("Input scale must be greater than 0.")
        type_check(shear, (int, float, list, tuple), "shear")
        shear = (shear, 0.) if isinstance(shear, numbers.Number) else tuple(shear)
        if len(shear) != 2:
            raise TypeError("The length of shear should be 2.")
        _check_interp(resample)
        _check_fill(fill_value)
        super().__init__()
        self.degrees, self.translate, self.scale_, self.shear = degrees, translate, scale, shear
        self.resample, self.fill_value = resample, fill_value

    def _one(self, x, rng):
        return _affine(x, self.degrees, self.translate, self.scale_, self.shear, self.resample, self.fill_value)


def _pairs(value, name, size, symmetric):
    """A range argument as ``size`` numbers: a number ``v`` is (-v, v) (then zeros), two numbers are one range."""
    if isinstance(value, numbers.Number):
        if value < 0:
            raise ValueError(f"Input {name} must be greater than or equal to 0.")
        value = (-value, value) if symmetric else (value, value)
    type_check(value, (list, tuple), name)
    if len(value) not in (2, size):
        raise TypeError(f"{name} should be a list or tuple of length 2 or {size}.")
    return tuple(value) + (0.0,) * (size - len(value))


class RandomAffine(ImageTensorOperation):
    """``Affine`` with each parameter drawn uniformly from its range: ``degrees`` (min, max; a number d: (-d, d)),
    ``translate`` (tx_min, tx_max[, ty_min, ty_max], fractions), ``scale`` (min, max), ``shear`` (x_min, x_max[,
    y_min, y_max]; a number s: (-s, s) along x)."""

    def __init__(self, degrees, translate=None, scale=None, shear=None, resample=Inter.NEAREST, fill_value=0):
        self.degrees = _pairs(degrees, "degrees", 2, True)
        self.translate = (0.0,) * 4 if translate is None else _pairs(translate, "translate", 4, True)
        for t in self.translate:
            check_value(t, [-1.0, 1.0], "translate")
        self.scale = (1.0, 1.0) if scale is None else _pairs(scale, "scale", 2, False)
        if self.scale[0] <= 0 or self.scale[0] > self.scale[1]:
            raise ValueError("Input scale should be positive and in (min, max) order.")
        self.shear = (0.0,) * 4 if shear is None else _pairs(shear, "shear", 4, True)
        _check_interp(resample)
        _check_fill(fill_value)
        super().__init__()
        self.resample, self.fill_value = resample, fill_value
        self.random = True

    def _one(self, x, rng):
        t, s = self.translate, self.shear
        return _affine(x, rng.uniform(*self.degrees), (rng.uniform(t[0], t[1]), rng.uniform(t[2], t[3])),
                       rng.uniform(*self.scale), (rng.uniform(s[0], s[1]), rng.uniform(s[2], s[3])), self.resample,
                       self.fill_value)


class Perspective(ImageTensorOperation):
    """The perspective map taking ``start_points`` to ``end_points`` (four (x, y) corners each), NEAREST or
    BILINEAR, uncovered pixels 0; values as OpenCV's ``getPerspectiveTransform`` and ``warpPerspective``."""

    def __init__(self, start_points, end_points, interpolation=Inter.BILINEAR):
        for name, points in (("start_points", start_points), ("end_points", end_points)):
            type_check(points, (list, tuple), name)
            if len(points) != 4:
                raise TypeError(f"{name} should be a list or tuple of length 4.")
            for i, p in enumerate(points):
                type_check(p, (list, tuple), f"{name}[{i}]")
                if len(p) != 2:
                    raise TypeError(f"{name}[{i}] should be a list or tuple of length 2.")
        _check_interp(interpolation)
        super().__init__()
        self.start_points, self.end_points, self.interpolation = start_points, end_points, interpolation

    def _one(self, x, rng):
        _check_rank2("Perspective", x)
        rows, rhs = [], []
        for (sx, sy), (dx, dy) in zip(self.start_points, self.end_points):
            rows += [[sx, sy, 1, 0, 0, 0, -sx * dx, -sy * dx], [0, 0, 0, sx, sy, 1, -sx * dy, -sy * dy]]
            rhs += [dx, dy]
        coefs = np.linalg.solve(np.array(rows, np.float64), np.array(rhs, np.float64))
        matrix = np.append(coefs, 1.0).reshape(3, 3)
        return _warp_perspective(x, matrix, x.shape[0], x.shape[1], self.interpolation, 0)
