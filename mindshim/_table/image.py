"""Op-table rows: MindSpore's image primitives (see ``mindshim._registry``): resizing and upsampling, colour space
conversions and adjustments, and bounding boxes.

Resizing is separable: each spatial axis maps an output index ``d`` to a source coordinate by its
``coordinate_transformation_mode`` (``asymmetric``: ``d * in / out``, TensorFlow's legacy default;
``align_corners``: ``d * (in - 1) / (out - 1)``; ``half_pixel``: ``(d + 0.5) * in / out - 0.5``), then takes the
nearest, linear or Keys-cubic interpolation of the values around it, clamped at the edges.
"""
import functools
import itertools

import jax
import jax.numpy as jnp
import numpy as np

from .._registry import REQUIRED, register


def _sizes(size):
    return [int(v) for v in np.asarray(size).reshape(-1)]


def _source(n, out, mode, ratio=None):
    """The source coordinate of each output index along an axis of ``n`` values resized to ``out`` (``ratio``:
    the source step per output step, ``n / out`` unless given)."""
    d = jnp.arange(out, dtype=jnp.float32)
    ratio = n / out if ratio is None else ratio
    if mode == "align_corners":
        return d * ((n - 1) / (out - 1) if out > 1 else 0.0)
    if mode == "half_pixel":
        return (d + 0.5) * ratio - 0.5
    return d * ratio


def _take(x, idx, axis, n):
    return jnp.take(x, jnp.clip(idx, 0, n - 1).astype(jnp.int32), axis=axis)


def _weights(w, axis, ndim):
    return w.reshape([-1 if i == axis else 1 for i in range(ndim)])


def _keys(t, a):
    """Keys' cubic convolution weights of the four neighbours at offsets ``-1, 0, 1, 2`` for the fraction ``t``,
    rounded to 1/1024 as MindSpore's kernel reads them from a table."""
    t = jnp.round(t * 1024) / 1024
    def near(d):
        return ((a + 2) * d - (a + 3)) * d * d + 1

    def far(d):
        return ((a * d - 5 * a) * d + 8 * a) * d - 4 * a
    return far(t + 1), near(t), near(1 - t), far(2 - t)


def _resize_axis(x, axis, out, mode, kind, ratio=None):
    """``x`` resized along ``axis`` to ``out`` values (``kind``: nearest, linear, cubic, area). Cubic with
    ``half_pixel`` gives no weight to neighbours outside the axis (and renormalizes), as TensorFlow's."""
    n = x.shape[axis]
    if kind == "area":
        edges = np.arange(out + 1) * (n / out)
        lo, hi = edges[:-1, None], edges[1:, None]
        cells = np.arange(n)[None, :]
        overlap = np.clip(np.minimum(hi, cells + 1) - np.maximum(lo, cells), 0, None) / (n / out)
        return jnp.moveaxis(jnp.tensordot(jnp.asarray(overlap, x.dtype), jnp.moveaxis(x, axis, 0), 1), 0, axis)
    src = _source(n, out, mode, ratio)
    if kind == "nearest":
        return _take(x, jnp.floor(src if mode == "asymmetric" else src + 0.5), axis, n)
    if kind == "linear":
        src = jnp.clip(src, 0, n - 1)
        lo = jnp.floor(src)
        w = _weights(src - lo, axis, x.ndim).astype(x.dtype)
        return _take(x, lo, axis, n) * (1 - w) + _take(x, lo + 1, axis, n) * w
    lo = jnp.floor(src)
    ws = _keys(src - lo, -0.5 if mode == "half_pixel" else -0.75)
    if mode == "half_pixel":
        ws = [jnp.where((lo + k >= 0) & (lo + k < n), w, 0) for k, w in zip((-1, 0, 1, 2), ws)]
        total = sum(ws)
        ws = [w / total for w in ws]
    return sum(_take(x, lo + k, axis, n) * _weights(w, axis, x.ndim).astype(x.dtype) for k, w in zip((-1, 0, 1, 2), ws))


def _resize(x, size, axes, mode, kind, ratios=None):
    for i, (axis, out) in enumerate(zip(axes, _sizes(size))):
        x = _resize_axis(x, axis, out, mode, kind, None if ratios is None else ratios[i])
    return x


def _mode(align_corners, half_pixel_centers):
    return "align_corners" if align_corners else "half_pixel" if half_pixel_centers else "asymmetric"


_ALIGN = (("align_corners", False), ("half_pixel_centers", False))
register("ResizeBilinearV2", attrs=_ALIGN)(
    lambda x, size, align_corners=False, half_pixel_centers=False:
    _resize(x, size, (2, 3), _mode(align_corners, half_pixel_centers), "linear"))
register("ResizeNearestNeighborV2", attrs=_ALIGN)(
    lambda x, size, align_corners=False, half_pixel_centers=False:
    _resize(x, size, (2, 3), _mode(align_corners, half_pixel_centers), "nearest"))
register("ResizeNearestNeighbor", attrs=(("size", REQUIRED),) + _ALIGN)(
    lambda x, size, align_corners=False, half_pixel_centers=False:
    _resize(x, size, (2, 3), _mode(align_corners, half_pixel_centers), "nearest"))
register("ResizeBicubic", attrs=_ALIGN)(
    lambda x, size, align_corners=False, half_pixel_centers=False:
    _resize(x, size, (2, 3), _mode(align_corners, half_pixel_centers), "cubic"))
register("ResizeArea", attrs=(("align_corners", False),))(
    lambda x, size, align_corners=False: _resize(x.astype(jnp.float32), size, (1, 2), "asymmetric", "area"))
def _check_linear_1d(x, size, coordinate_transformation_mode="align_corners"):
    if coordinate_transformation_mode not in ("align_corners", "half_pixel"):
        raise ValueError("For 'ResizeLinear1D', coordinate_transformation_mode not support now.")


register("ResizeLinear1D", attrs=(("coordinate_transformation_mode", "align_corners"),), check=_check_linear_1d)(
    lambda x, size, coordinate_transformation_mode="align_corners":
    _resize(x, size, (2,), coordinate_transformation_mode, "linear"))


def _upsample(mode, kind):
    def impl(x, output_size=None, scales=None, align_corners=False):
        """``x`` (NCDHW) resized to ``output_size``, or by ``scales`` (the source step then ``1 / scale``)."""
        if output_size is not None:
            return _resize(x, output_size, (2, 3, 4), "align_corners" if align_corners else mode, kind)
        size = [int(np.floor(d * s)) for d, s in zip(x.shape[2:], scales)]
        return _resize(x, size, (2, 3, 4), "align_corners" if align_corners else mode, kind, [1 / s for s in scales])
    return impl


register("UpsampleNearest3D")(_upsample("asymmetric", "nearest"))
register("UpsampleTrilinear3D", attrs=(("align_corners", False),))(_upsample("half_pixel", "linear"))


# ---- colour ---------------------------------------------------------------------------------------------------
def _rgb_to_hsv(rgb):
    """Hue in ``[0, 1)``, saturation, value of the last axis ``(r, g, b)``."""
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    v = jnp.max(rgb, -1)
    delta = v - jnp.min(rgb, -1)
    safe = jnp.where(delta > 0, delta, jnp.ones((), rgb.dtype))
    h = jnp.where(v == r, (g - b) / safe, jnp.where(v == g, 2 + (b - r) / safe, 4 + (r - g) / safe)) / 6
    h = jnp.where(delta > 0, h % 1.0, jnp.zeros((), rgb.dtype))
    s = jnp.where(v > 0, delta / jnp.where(v > 0, v, jnp.ones((), rgb.dtype)), jnp.zeros((), rgb.dtype))
    return jnp.stack([h, s, v], -1)


def _hsv_to_rgb(hsv):
    h, s, v = hsv[..., 0], hsv[..., 1], hsv[..., 2]
    k = jnp.stack([(5 + h * 6) % 6, (3 + h * 6) % 6, (1 + h * 6) % 6], -1)
    return v[..., None] - (v * s)[..., None] * jnp.clip(jnp.minimum(k, 4 - k), 0, 1)


register("RGBToHSV")(jax.jit(_rgb_to_hsv))
register("HSVToRGB")(jax.jit(_hsv_to_rgb))


@register("AdjustHue")
@jax.jit
def _adjust_hue(image, delta):
    """The hue of the RGB ``image`` (last axis) rotated by ``delta`` (a fraction of the circle)."""
    hsv = _rgb_to_hsv(image.astype(jnp.float32))
    hsv = hsv.at[..., 0].set((hsv[..., 0] + delta) % 1.0)
    return _hsv_to_rgb(hsv).astype(image.dtype)


@register("AdjustSaturation")
@jax.jit
def _adjust_saturation(image, scale):
    """The saturation of the RGB ``image`` (last axis) multiplied by ``scale`` (clipped to ``[0, 1]``)."""
    hsv = _rgb_to_hsv(image.astype(jnp.float32))
    hsv = hsv.at[..., 1].set(jnp.clip(hsv[..., 1] * scale, 0, 1))
    return _hsv_to_rgb(hsv).astype(image.dtype)


# ---- bounding boxes -------------------------------------------------------------------------------------------
def _centers(boxes):
    """``(cx, cy, w, h)`` of ``(x1, y1, x2, y2)`` boxes (pixel boxes: width ``x2 - x1 + 1``)."""
    w = boxes[..., 2] - boxes[..., 0] + 1
    h = boxes[..., 3] - boxes[..., 1] + 1
    return boxes[..., 0] + 0.5 * (w - 1), boxes[..., 1] + 0.5 * (h - 1), w, h


_BOX_STATS = (("means", (0.0, 0.0, 0.0, 0.0)), ("stds", (1.0, 1.0, 1.0, 1.0)))


@register("BoundingBoxEncode", attrs=_BOX_STATS)
def _bounding_box_encode(anchor_box, groundtruth_box, means=(0.0, 0.0, 0.0, 0.0), stds=(1.0, 1.0, 1.0, 1.0)):
    """The deltas ``(dx, dy, dw, dh)`` that take each anchor box to its ground-truth box, normalized."""
    px, py, pw, ph = _centers(anchor_box)
    gx, gy, gw, gh = _centers(groundtruth_box)
    deltas = jnp.stack([(gx - px) / pw, (gy - py) / ph, jnp.log(gw / pw), jnp.log(gh / ph)], -1)
    return (deltas - jnp.asarray(means, deltas.dtype)) / jnp.asarray(stds, deltas.dtype)


@register("BoundingBoxDecode", attrs=(("max_shape", REQUIRED),) + _BOX_STATS + (("wh_ratio_clip", 0.016),))
def _bounding_box_decode(anchor_box, deltas, max_shape, means=(0.0, 0.0, 0.0, 0.0), stds=(1.0, 1.0, 1.0, 1.0),
                         wh_ratio_clip=0.016):
    """The boxes the ``deltas`` make of the anchor boxes, clipped to the image ``max_shape`` (height, width)."""
    d = deltas * jnp.asarray(stds, deltas.dtype) + jnp.asarray(means, deltas.dtype)
    limit = abs(np.log(wh_ratio_clip))
    dw, dh = jnp.clip(d[..., 2], -limit, limit), jnp.clip(d[..., 3], -limit, limit)
    px, py, pw, ph = _centers(anchor_box)
    gx, gy = px + pw * d[..., 0], py + ph * d[..., 1]
    gw, gh = pw * jnp.exp(dw), ph * jnp.exp(dh)
    x1, y1 = gx - 0.5 * gw + 0.5, gy - 0.5 * gh + 0.5
    x2, y2 = gx + 0.5 * gw - 0.5, gy + 0.5 * gh - 0.5
    h, w = max_shape
    return jnp.stack([jnp.clip(x1, 0, w - 1), jnp.clip(y1, 0, h - 1), jnp.clip(x2, 0, w - 1), jnp.clip(y2, 0, h - 1)],
                     -1)


@register("CheckValid")
def _check_valid(bboxes, img_metas):
    """Whether each ``(x1, y1, x2, y2)`` box lies inside the image ``(height, width, ratio)``."""
    h, w = img_metas[0] * img_metas[2], img_metas[1] * img_metas[2]
    return ((bboxes[..., 0] >= 0) & (bboxes[..., 1] >= 0) & (bboxes[..., 2] <= w - 1) & (bboxes[..., 3] <= h - 1))


@register("IOU", attrs=(("mode", "iou"),))
def _iou(anchor_boxes, gt_boxes, mode="iou"):
    """The intersection over union (``mode="iof"``: over the ground-truth box) of each ground-truth box (rows)
    with each anchor box (columns); pixel boxes, ``+1`` in widths."""
    a, g = anchor_boxes[None, :, :], gt_boxes[:, None, :]
    iw = jnp.maximum(jnp.minimum(a[..., 2], g[..., 2]) - jnp.maximum(a[..., 0], g[..., 0]) + 1, 0)
    ih = jnp.maximum(jnp.minimum(a[..., 3], g[..., 3]) - jnp.maximum(a[..., 1], g[..., 1]) + 1, 0)
    inter = iw * ih

    def area(b):
        return (b[..., 2] - b[..., 0] + 1) * (b[..., 3] - b[..., 1] + 1)
    union = area(g) if mode == "iof" else area(a) + area(g) - inter
    return inter / union


@register("NMSWithMask", attrs=(("iou_threshold", 0.5),))
def _nms_with_mask(bboxes, iou_threshold=0.5):
    """``(boxes, indices, mask)``: the ``(x1, y1, x2, y2, score)`` boxes sorted by descending score, ``0 .. N-1``
    (as MindSpore's CPU kernel returns them), and whether each sorted box survives greedy non-maximum suppression
    (an IoU above ``iou_threshold`` with a kept higher-scoring box removes it)."""
    order = jnp.argsort(-bboxes[:, 4], stable=True)
    boxes = bboxes[order]
    x1, y1, x2, y2 = boxes[:, 0], boxes[:, 1], boxes[:, 2], boxes[:, 3]
    area = (x2 - x1) * (y2 - y1)
    iw = jnp.maximum(jnp.minimum(x2[:, None], x2[None, :]) - jnp.maximum(x1[:, None], x1[None, :]), 0)
    ih = jnp.maximum(jnp.minimum(y2[:, None], y2[None, :]) - jnp.maximum(y1[:, None], y1[None, :]), 0)
    inter = iw * ih
    over = inter / (area[:, None] + area[None, :] - inter) > iou_threshold
    n = boxes.shape[0]

    def step(i, keep):
        earlier = (jnp.arange(n) < i) & keep
        return keep.at[i].set(~jnp.any(earlier & over[i]))
    keep = jax.lax.fori_loop(0, n, step, jnp.ones((n,), bool))
    return boxes, jnp.arange(n, dtype=jnp.int32), keep


# ---- sampling at computed coordinates ---------------------------------------------------------------------------
def _bilinear_at(img, ys, xs, inside):
    """``img`` (``(H, W, ...)``) sampled bilinearly at the float coordinates ``ys``, ``xs``; 0 where not
    ``inside``."""
    h, w = img.shape[:2]
    y0, x0 = jnp.floor(ys), jnp.floor(xs)
    out = 0
    for dy in (0, 1):
        for dx in (0, 1):
            yy, xx = y0 + dy, x0 + dx
            wgt = (1 - jnp.abs(ys - yy)) * (1 - jnp.abs(xs - xx))
            ok = (yy >= 0) & (yy < h) & (xx >= 0) & (xx < w)
            v = img[jnp.clip(yy, 0, h - 1).astype(jnp.int32), jnp.clip(xx, 0, w - 1).astype(jnp.int32)]
            out = out + jnp.where((ok & inside).reshape(ok.shape + (1,) * (v.ndim - ok.ndim)),
                                  v * wgt.reshape(wgt.shape + (1,) * (v.ndim - wgt.ndim)), 0)
    return out


@register("GridSampler3D", attrs=(("interpolation_mode", "bilinear"), ("padding_mode", "zeros"),
                                  ("align_corners", False)))
def _grid_sampler_3d(x, grid, interpolation_mode="bilinear", padding_mode="zeros", align_corners=False):
    """NCDHW ``x`` sampled at the normalized ``(x, y, z)`` points of ``grid`` (``(N, Do, Ho, Wo, 3)``): trilinear
    or nearest, zeros (or the border's values with ``padding_mode="border"``) outside."""
    if padding_mode not in ("zeros", "border"):
        raise NotImplementedError(f"mindspore.ops.GridSampler3D with padding_mode='{padding_mode}' is not supported "
                                  "by mindshim yet.")
    sizes = x.shape[2:]  # D, H, W: grid's z, y, x
    points = [_unnormalize(grid[..., 2 - i], n, align_corners) for i, n in enumerate(sizes)]
    if padding_mode == "border":
        points = [jnp.clip(p, 0, n - 1) for p, n in zip(points, sizes)]
    imgs = jnp.moveaxis(x, 1, -1)  # (N, D, H, W, C)

    def at(img, idx):
        ok = functools.reduce(jnp.logical_and, [(i >= 0) & (i < n) for i, n in zip(idx, sizes)])
        v = img[tuple(jnp.clip(i, 0, n - 1).astype(jnp.int32) for i, n in zip(idx, sizes))]
        return jnp.where(ok[..., None], v, 0)

    if interpolation_mode == "nearest":
        out = jax.vmap(lambda img, *p: at(img, [jnp.round(q) for q in p]))(imgs, *points)
    else:
        def trilinear(img, *p):
            lows = [jnp.floor(q) for q in p]
            total = 0
            for corner in itertools.product((0, 1), repeat=3):
                idx = [lo + c for lo, c in zip(lows, corner)]
                weight = functools.reduce(jnp.multiply, [1 - jnp.abs(q - i) for q, i in zip(p, idx)])
                total = total + at(img, idx) * weight[..., None]
            return total
        out = jax.vmap(trilinear)(imgs, *points)
    return jnp.moveaxis(out, -1, 1).astype(x.dtype)


def _check_deformable_offsets(x, offsets, strides=REQUIRED, pads=REQUIRED, ksize=REQUIRED, dilations=(1, 1, 1, 1),
                              data_format="NCHW", deformable_groups=1, modulated=True):
    op = "DeformableOffsets"
    for name, value, size in (("strides", strides, 4), ("pads", pads, 4), ("ksize", ksize, 2),
                              ("dilations", dilations, 4)):
        if not isinstance(value, tuple):
            raise TypeError(f"For '{op}', the type of '{name}' should be 'tuple', but got type "
                            f"'{type(value).__name__}'.")
        if len(value) != size:
            raise ValueError(f"For '{op}', the '{name} size' must be int and must = {size}, but got '{len(value)}' "
                             "with type 'int'.")
        if name in ("strides", "dilations") and value[:2] != (1, 1):
            raise ValueError(f"For '{op}', The N and C dimensions of '{name}' must be set to 1.")
    if modulated is not True:
        raise ValueError(f"For '{op}', The modulated must be set to True.")
    if x.dtype != offsets.dtype:
        raise TypeError(f"For primitive[{op}], the input type must be same.")
    kh, kw = ksize
    if offsets.shape[1] != 3 * kh * kw * deformable_groups:
        raise ValueError(f"For '{op}', 'C_in' of input 'offsets' shape must be equal to 3 * kernel_height * "
                         f"kernel_width * deformable_groups, but got 'C_in' of input 'offsets' shape: "
                         f"{offsets.shape[1]}, kernel_height: {kh}, kernel_width: {kw}, deformable_groups: "
                         f"{deformable_groups}.")
    ho = (x.shape[2] + pads[0] + pads[1] - (kh - 1) * dilations[2] - 1) // strides[2] + 1
    wo = (x.shape[3] + pads[2] + pads[3] - (kw - 1) * dilations[3] - 1) // strides[3] + 1
    if offsets.shape[2:] != (ho, wo):
        raise ValueError(f"For '{op}, the H and W dims of offsets input should be equal to the computed H and W dims "
                         f"of the output of deformable_conv2d. But got H and W dims of offsets input: "
                         f"{tuple(offsets.shape[2:])}, computed H and W dims of the output of deformable_conv2d: "
                         f"{(ho, wo)}.")


@register("DeformableOffsets", attrs=(("strides", REQUIRED), ("pads", REQUIRED), ("ksize", REQUIRED),
                                      ("dilations", (1, 1, 1, 1)), ("data_format", "NCHW"), ("deformable_groups", 1),
                                      ("modulated", True)), check=_check_deformable_offsets)
def _deformable_offsets(x, offsets, strides=REQUIRED, pads=REQUIRED, ksize=REQUIRED, dilations=(1, 1, 1, 1),
                        data_format="NCHW", deformable_groups=1, modulated=True):
    """The NCHW ``x`` sampled for a deformable convolution: for each output position ``(oh, ow)`` and kernel tap
    ``(i, j)``, ``x`` at ``(oh * stride - pad_top + i * dilation + dy, ow * stride - pad_left + j * dilation + dx)``
    (bilinear, zeros outside) times the mask, laid out as ``(N, C, Ho * kh, Wo * kw)``; ``offsets`` holds the
    ``dx``, then the ``dy``, then the masks, each ``(deformable_groups, kh, kw)``-major."""
    n, c, h, w = x.shape
    (kh, kw), ho, wo = ksize, offsets.shape[2], offsets.shape[3]
    dx, dy, mask = offsets.reshape(n, 3, deformable_groups, kh, kw, ho, wo).swapaxes(0, 1)
    ys = (jnp.arange(ho) * strides[2] - pads[0])[:, None, None, None] + (jnp.arange(kh) * dilations[2])[:, None]
    xs = (jnp.arange(wo) * strides[3] - pads[2])[:, None, None] + jnp.arange(kw) * dilations[3]
    # (N, G, Ho, Wo, kh, kw) sampling points; the channels of group g are x[:, g * C / G:(g + 1) * C / G].
    ys = ys + jnp.moveaxis(dy, (-2, -1), (2, 3)).astype(x.dtype)
    xs = xs + jnp.moveaxis(dx, (-2, -1), (2, 3)).astype(x.dtype)
    imgs = jnp.moveaxis(x.reshape(n, deformable_groups, c // deformable_groups, h, w), 2, -1)
    sample = jax.vmap(jax.vmap(lambda img, y, xx: _bilinear_at(img, y, xx, jnp.ones(y.shape, bool))))
    out = sample(imgs, ys, xs) * jnp.moveaxis(mask, (-2, -1), (2, 3))[..., None]  # (N, G, Ho, Wo, kh, kw, C/G)
    out = jnp.transpose(out, (0, 1, 6, 2, 4, 3, 5)).reshape(n, c, ho * kh, wo * kw)
    return out.astype(x.dtype)


def _pair(value):
    return (value, value) if isinstance(value, int) else tuple(value) * (3 - len(value))


def _im2col(x, ksizes, strides=1, dilations=1, pads=0):
    (kh, kw), (sh, sw), (dh, dw), (ph, pw) = (_pair(v) for v in (ksizes, strides, dilations, pads))
    x = jnp.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    ho, wo = (x.shape[2] - dh * (kh - 1) - 1) // sh + 1, (x.shape[3] - dw * (kw - 1) - 1) // sw + 1
    cols = [x[:, :, i * dh:i * dh + (ho - 1) * sh + 1:sh, j * dw:j * dw + (wo - 1) * sw + 1:sw]
            for i in range(kh) for j in range(kw)]
    return jnp.stack(cols, 2).reshape(x.shape[:2] + (kh * kw, ho * wo))


@register("Im2Col", attrs=(("ksizes", REQUIRED), ("strides", 1), ("dilations", 1), ("pads", 0)))
def _im2col_row(x, ksizes=REQUIRED, strides=1, dilations=1, pads=0):
    """The sliding ``ksizes`` blocks of the NCHW ``x`` (zero-padded by ``pads`` on each side) as columns:
    ``(N, C, kh * kw, L)``, the kernel taps row-major, the ``L`` blocks row-major."""
    return _im2col(x, ksizes, strides, dilations, pads)


@register("Col2Im", attrs=(("kernel_size", REQUIRED), ("dilation", 1), ("padding", 0), ("stride", 1)))
def _col2im_row(x, output_size, kernel_size=REQUIRED, dilation=1, padding=0, stride=1):
    """The adjoint of ``Im2Col``: the ``(N, C, kh * kw, L)`` blocks summed back into an ``(N, C) + output_size``
    image (overlaps add up)."""
    shape = x.shape[:2] + tuple(int(v) for v in np.asarray(output_size))
    _, adjoint = jax.vjp(lambda img: _im2col(img, kernel_size, stride, dilation, padding), jnp.zeros(shape, x.dtype))
    return adjoint(x)[0]


def _iou(a, b):
    """Intersection over union of two ``(y1, x1, y2, x2)`` boxes (corners in any order); 0 for an empty box."""
    a, b = np.sort(a.reshape(2, 2), 0), np.sort(b.reshape(2, 2), 0)
    areas = np.prod(a[1] - a[0]), np.prod(b[1] - b[0])
    if areas[0] <= 0 or areas[1] <= 0:
        return 0.0
    inter = np.prod(np.clip(np.minimum(a[1], b[1]) - np.maximum(a[0], b[0]), 0, None))
    return inter / (areas[0] + areas[1] - inter)


@register("CombinedNonMaxSuppression", attrs=(("pad_per_class", False), ("clip_boxes", True)))
def _combined_nms(boxes, scores, max_output_size_per_class, max_total_size, iou_threshold, score_threshold,
                  pad_per_class=False, clip_boxes=True):
    """TensorFlow's combined NMS, per image: greedy NMS per class (scores above ``score_threshold``, best first, a
    box dropped when its IoU with a kept one exceeds ``iou_threshold``, at most ``max_output_size_per_class``), then
    the best ``max_total_size`` over the classes (``min(max_total_size, per class * classes)`` with
    ``pad_per_class``), boxes clipped to [0, 1] with ``clip_boxes``; zero-padded. Computed on the host."""
    boxes, scores = np.asarray(boxes, np.float32), np.asarray(scores, np.float32)
    per_class, total = int(max_output_size_per_class), int(max_total_size)
    iou_threshold, score_threshold = float(iou_threshold), float(score_threshold)
    n_batch, _, q, _ = boxes.shape
    n_classes = scores.shape[2]
    size = min(total, per_class * n_classes) if pad_per_class else total
    out_boxes, out_scores = np.zeros((n_batch, size, 4), np.float32), np.zeros((n_batch, size), np.float32)
    out_classes, valid = np.zeros((n_batch, size), np.float32), np.zeros(n_batch, np.int32)
    for b in range(n_batch):
        picked = []
        for c in range(n_classes):
            class_boxes = boxes[b, :, 0 if q == 1 else c]
            order = [i for i in np.argsort(-scores[b, :, c], kind="stable") if scores[b, i, c] > score_threshold]
            kept = []
            for i in order:
                if len(kept) >= per_class:
                    break
                if all(_iou(class_boxes[i], class_boxes[k]) <= iou_threshold for k in kept):
                    kept.append(i)
            picked += [(scores[b, i, c], c, class_boxes[i]) for i in kept]
        picked = sorted(picked, key=lambda item: -item[0])[:size]
        valid[b] = len(picked)
        for j, (score, c, box) in enumerate(picked):
            out_boxes[b, j] = np.clip(box, 0, 1) if clip_boxes else box
            out_scores[b, j], out_classes[b, j] = score, c
    return tuple(jnp.asarray(a) for a in (out_boxes, out_scores, out_classes, valid))


def _lanczos(radius):
    def kernel(x):
        safe = jnp.where(x <= 1e-3, 1.0, x)
        value = radius * jnp.sin(jnp.pi * safe) * jnp.sin(jnp.pi * safe / radius) / (jnp.pi * jnp.pi * safe * safe)
        return jnp.where(x > radius, 0.0, jnp.where(x <= 1e-3, 1.0, value))
    return kernel, radius


# kernel_type: (kernel of |x|, radius), TensorFlow's sampling kernels.
_SAMPLING_KERNELS = {
    "lanczos1": _lanczos(1.0), "lanczos3": _lanczos(3.0), "lanczos5": _lanczos(5.0),
    "gaussian": (lambda x: jnp.where(x >= 1.5, 0.0, jnp.exp(-x * x / 0.5)), 1.5),
    "box": (lambda x: jnp.where(x < 0.5, 1.0, jnp.where(x == 0.5, 0.5, 0.0)), 1.0),
    "triangle": (lambda x: jnp.where(x < 1, 1 - x, 0.0), 1.0),
    "keyscubic": (lambda x: jnp.where(x >= 2, 0.0, jnp.where(x >= 1, ((-0.5 * x + 2.5) * x - 4) * x + 2,
                                                             (1.5 * x - 2.5) * x * x + 1)), 2.0),
    "mitchellcubic": (lambda x: jnp.where(x >= 2, 0.0, jnp.where(
        x >= 1, (((-7 / 18) * x + 2) * x - 10 / 3) * x + 16 / 9, ((7 / 6) * x - 2) * x * x + 8 / 9)), 2.0),
}


def _span_weights(in_size, out_size, scale, translate, kernel_type, antialias):
    """TensorFlow's ``ComputeSpans`` as an ``(out_size, in_size)`` matrix: for output ``x`` the source taps within
    the kernel's radius (scaled up when shrinking with ``antialias``) of ``(x + 0.5 - translate) / scale``,
    normalized to sum 1; no taps where that point is outside the input."""
    kernel, radius = _SAMPLING_KERNELS[kernel_type]
    inv_scale = 1.0 / scale
    kernel_scale = jnp.maximum(inv_scale, 1.0) if antialias else 1.0
    sample = (jnp.arange(out_size, dtype=jnp.float32) + 0.5) * inv_scale - inv_scale * translate
    start = jnp.clip(jnp.ceil(sample - radius * kernel_scale - 0.5), 0, in_size - 1)
    end = jnp.clip(jnp.floor(sample + radius * kernel_scale - 0.5), 0, in_size - 1) + 1
    source = jnp.arange(in_size, dtype=jnp.float32)
    taps = (source >= start[:, None]) & (source < end[:, None]) & ((sample >= 0) & (sample <= in_size))[:, None]
    weights = jnp.where(taps, kernel(jnp.abs((source + 0.5 - sample[:, None]) / kernel_scale)).astype(jnp.float32), 0.0)
    total = jnp.sum(weights, 1, keepdims=True)
    ok = jnp.abs(total) >= 1000.0 * jnp.finfo(jnp.float32).tiny
    return jnp.where(ok, weights / jnp.where(ok, total, 1.0), 0.0)


@register("ScaleAndTranslate", attrs=(("kernel_type", "lanczos3"), ("antialias", True)))
def _scale_and_translate(images, size, scale, translation, kernel_type="lanczos3", antialias=True):
    """NHWC ``images`` resampled to ``size`` (Float32) with TensorFlow's ``scale_and_translate``: each axis maps
    output pixel centres back through ``scale`` and ``translation`` and takes the normalized ``kernel_type``
    weights of the input pixels around them. The ``box`` kernel with ``antialias`` (which MindSpore's CPU kernel
    computes otherwise when shrinking) is not supported."""
    if kernel_type == "box" and antialias:
        raise NotImplementedError("mindspore.ops.ScaleAndTranslate with kernel_type='box' and antialias=True is not "
                                  "supported by mindshim yet.")
    out_h, out_w = (int(v) for v in np.asarray(size))
    scale, translation = scale.astype(jnp.float32), translation.astype(jnp.float32)
    rows = _span_weights(images.shape[1], out_h, scale[0], translation[0], kernel_type, antialias)
    cols = _span_weights(images.shape[2], out_w, scale[1], translation[1], kernel_type, antialias)
    return jnp.einsum("oh,nhwc,pw->nopc", rows, images.astype(jnp.float32), cols)


@register("CropAndResize", attrs=(("method", "bilinear"), ("extrapolation_value", 0.0)))
def _crop_and_resize(x, boxes, box_index, crop_size, method="bilinear", extrapolation_value=0.0):
    """Crops of the NHWC images ``x[box_index]`` at the normalized ``(y1, x1, y2, x2)`` boxes resized bilinearly
    to ``crop_size`` (``extrapolation_value`` outside the image), as Float32."""
    if method != "bilinear":
        raise NotImplementedError(f"mindspore.ops.CropAndResize with method='{method}' is not supported by mindshim "
                                  "yet.")
    ch, cw = (int(v) for v in crop_size)
    h, w = x.shape[1:3]

    def coords(lo, hi, n, size):
        if size > 1:
            return lo[:, None] * (n - 1) + jnp.arange(size)[None, :] * ((hi - lo) * (n - 1) / (size - 1))[:, None]
        return (0.5 * (lo + hi) * (n - 1))[:, None]
    ys = coords(boxes[:, 0], boxes[:, 2], h, ch)[:, :, None] * jnp.ones((1, 1, cw), jnp.float32)
    xs = coords(boxes[:, 1], boxes[:, 3], w, cw)[:, None, :] * jnp.ones((1, ch, 1), jnp.float32)
    inside = (ys >= 0) & (ys <= h - 1) & (xs >= 0) & (xs <= w - 1)
    imgs = x[box_index].astype(jnp.float32)
    out = jax.vmap(_bilinear_at)(imgs, ys, xs, inside)
    return jnp.where(inside[..., None], out, jnp.asarray(extrapolation_value, jnp.float32))


@register("AffineGrid", attrs=(("align_corners", False),))
def _affine_grid(theta, output_size, align_corners=False):
    """The ``(N, H, W, 2)`` (or ``(N, D, H, W, 3)``) sampling grid of the affine maps ``theta`` over normalized
    output coordinates in ``[-1, 1]`` (pixel centres unless ``align_corners``)."""
    spatial = tuple(int(v) for v in output_size)[2:]

    def base(n):
        return jnp.linspace(-1, 1, n) if align_corners else (2 * jnp.arange(n) + 1) / n - 1
    axes = jnp.meshgrid(*(base(n) for n in spatial), indexing="ij")
    points = jnp.stack(axes[::-1] + [jnp.ones(spatial)], -1).astype(theta.dtype)  # (x, y[, z], 1)
    return jnp.einsum("...k,nck->n...c", points, theta)


def _unnormalize(g, n, align_corners):
    return (g + 1) / 2 * (n - 1) if align_corners else ((g + 1) * n - 1) / 2


@register("GridSampler2D", attrs=(("interpolation_mode", "bilinear"), ("padding_mode", "zeros"),
                                  ("align_corners", False)))
def _grid_sampler_2d(x, grid, interpolation_mode="bilinear", padding_mode="zeros", align_corners=False):
    """NCHW ``x`` sampled at the normalized ``(x, y)`` points of ``grid`` (``(N, Ho, Wo, 2)``): bilinear or
    nearest, zeros (or the border's values with ``padding_mode="border"``) outside."""
    if padding_mode not in ("zeros", "border"):
        raise NotImplementedError(f"mindspore.ops.GridSampler2D with padding_mode='{padding_mode}' is not supported "
                                  "by mindshim yet.")
    h, w = x.shape[2:]
    xs, ys = _unnormalize(grid[..., 0], w, align_corners), _unnormalize(grid[..., 1], h, align_corners)
    if padding_mode == "border":
        xs, ys = jnp.clip(xs, 0, w - 1), jnp.clip(ys, 0, h - 1)
    imgs = jnp.moveaxis(x, 1, -1)
    if interpolation_mode == "nearest":
        yi, xi = jnp.round(ys), jnp.round(xs)
        ok = (yi >= 0) & (yi < h) & (xi >= 0) & (xi < w)
        out = jax.vmap(lambda img, y, xx: img[jnp.clip(y, 0, h - 1).astype(jnp.int32),
                                              jnp.clip(xx, 0, w - 1).astype(jnp.int32)])(imgs, yi, xi)
        out = jnp.where(ok[..., None], out, 0)
    else:
        out = jax.vmap(lambda img, y, xx: _bilinear_at(img, y, xx, jnp.ones(y.shape, bool)))(imgs, ys, xs)
    return jnp.moveaxis(out, -1, 1).astype(x.dtype)


@register("ROIAlign", attrs=(("pooled_height", REQUIRED), ("pooled_width", REQUIRED), ("spatial_scale", REQUIRED),
                             ("sample_num", 2), ("roi_end_mode", 1)))
def _roi_align(features, rois, pooled_height, pooled_width, spatial_scale, sample_num=2, roi_end_mode=1):
    """The average of ``sample_num x sample_num`` bilinear samples in each of ``pooled_height x pooled_width`` bins
    of each ``(batch, x1, y1, x2, y2)`` roi (scaled by ``spatial_scale``; ``roi_end_mode=1`` adds 1 to the ends,
    ``0`` makes a roi at least 1 wide)."""
    h, w = features.shape[2:]
    extra = 1.0 if roi_end_mode == 1 else 0.0
    x1, y1 = rois[:, 1] * spatial_scale, rois[:, 2] * spatial_scale
    x2, y2 = (rois[:, 3] + extra) * spatial_scale, (rois[:, 4] + extra) * spatial_scale
    least = 0.0 if roi_end_mode == 1 else 1.0  # the legacy mode makes every roi at least one pixel wide
    bin_h = jnp.maximum(y2 - y1, least) / pooled_height
    bin_w = jnp.maximum(x2 - x1, least) / pooled_width
    frac = (jnp.arange(sample_num) + 0.5) / sample_num
    ys = y1[:, None, None] + (jnp.arange(pooled_height)[None, :, None] + frac[None, None, :]) * bin_h[:, None, None]
    xs = x1[:, None, None] + (jnp.arange(pooled_width)[None, :, None] + frac[None, None, :]) * bin_w[:, None, None]
    ys = jnp.broadcast_to(ys[:, :, :, None, None], ys.shape + (pooled_width, sample_num))
    xs = jnp.broadcast_to(xs[:, None, None, :, :], ys.shape)
    inside = (ys >= -1) & (ys <= h) & (xs >= -1) & (xs <= w)
    ys, xs = jnp.clip(ys, 0, h - 1), jnp.clip(xs, 0, w - 1)
    imgs = jnp.moveaxis(features, 1, -1)[rois[:, 0].astype(jnp.int32)]
    samples = jax.vmap(_bilinear_at)(imgs, ys, xs, inside)  # (n, ph, s, pw, s, C)
    return jnp.moveaxis(jnp.mean(samples, axis=(2, 4)), -1, 1)


@register("NonMaxSuppressionWithOverlaps")
def _nms_with_overlaps(overlaps, scores, max_output_size, overlap_threshold, score_threshold):
    """The indices of the boxes greedy non-maximum suppression keeps, by descending score: those scoring above
    ``score_threshold`` whose overlap with every kept box is at most ``overlap_threshold``, at most
    ``max_output_size`` (Int32)."""
    ov, sc = np.asarray(overlaps), np.asarray(scores)
    kept = []
    for i in np.argsort(-sc, kind="stable"):
        if len(kept) >= int(max_output_size) or sc[i] <= float(score_threshold):
            break
        if all(ov[i, j] <= float(overlap_threshold) for j in kept):
            kept.append(int(i))
    return jnp.asarray(np.array(kept, np.int32))
