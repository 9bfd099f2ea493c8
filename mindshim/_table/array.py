"""Op-table rows: MindSpore's array primitives (see ``mindshim._registry``): shape manipulation,
joining and splitting, indexing (Gather, GatherNd, ScatterNd, Slice, StridedSlice), creation (Zeros,
Fill, Eye, Range, ...), and the graph utilities (Shape, Depend, StopGradient, Print).

Gather, GatherD, GatherNd and ScatterNd check their index values as MindSpore's CPU/GPU kernels do when the
values are known, that is in eager (PyNative) calls, at the cost of reading the indices back to the host.
Inside a compiled or differentiated call they cannot be checked (MindSpore would raise at run time): there an
out-of-range index gives NaN (0 for integers) in Gather/GatherD, GatherNd clamps it, and ScatterNd drops it.
"""
import functools
import math

import jax
import jax.numpy as jnp
import numpy as np

from .._registry import REQUIRED, failed_calling, register
from ..common import _printing
from ..common import dtype as mstype
from ..common._checks import check, check_gather_indices, gather_d_rule
from ._checks import dtype_kind, kernel_error, norm_axes, tensor_arrays


def _shape_str(shape):
    return "[const vector]{" + ", ".join(str(d) for d in shape) + "}"


def _dim_range(axis, n):
    """MindSpore's "Dimension out of range" check of ``axis`` against ``[-n, n)``; returns it non-negative."""
    if not -n <= axis < n:
        raise ValueError(f"Dimension out of range (expected to be in range of [{-n}, {n}), but got {axis})")
    return axis % n


def _ints(value):
    """A shape-like argument (int, tuple, list or Tensor) as a tuple of Python ints."""
    if hasattr(value, "shape"):
        value = np.asarray(value).tolist()
    return (value,) if isinstance(value, (int, np.integer)) else tuple(int(v) for v in value)


# ---- reshaping ---------------------------------------------------------------------------------------------
@register("ExpandDims", check=lambda x, axis: _dim_range(axis, np.ndim(x) + 1))
def _expand_dims(x, axis):
    """A new axis of length 1 at ``axis`` (in ``[-ndim-1, ndim]``)."""
    return jnp.expand_dims(x, _dim_range(axis, x.ndim + 1))


def _squeeze_axes(x, axis):
    if axis is None or axis == () or axis == []:
        return tuple(i for i, d in enumerate(x.shape) if d == 1)
    n = max(x.ndim, 1)
    # MindSpore leaves an axis whose length is not 1 in place.
    return tuple(a for a in (_dim_range(a, n) for a in _ints(axis)) if x.ndim and x.shape[a] == 1)


@register("Squeeze", attrs=(("axis", ()),), check=lambda x, axis=(): _squeeze_axes(x, axis))
def _squeeze(x, axis=()):
    """Remove the length-1 axes in ``axis`` (all of them for ``()``); other axes named are kept."""
    return jnp.squeeze(x, _squeeze_axes(x, axis))


@register("Flatten")
def _flatten(x):
    """``(N, -1)``: keep the first axis, flatten the rest (a 1-D input becomes ``(N, 1)``)."""
    return jnp.reshape(x, (x.shape[0] if x.ndim else 1, -1))


def _check_broadcast_to(x, shape):
    xs = np.shape(x)
    lead = len(shape) - len(xs)
    ok = lead >= 0 and all(t == -1 or s == 1 or s == t for s, t in zip(xs, shape[lead:]))
    if not ok or any(t == -1 for t in shape[:max(lead, 0)]):
        raise ValueError("For 'BroadcastTo', in order to broadcast, each dimension pair must be equal or input "
                         "dimension is 1 or target dimension is -1. But got x_shape: "
                         f"{tuple(xs)}, target shape: {tuple(shape)}.")


@register("BroadcastTo", attrs=(("shape", ()),), check=lambda x, shape=(): _check_broadcast_to(x, _ints(shape)))
def _broadcast_to(x, shape=()):
    """``x`` broadcast to ``shape``; ``-1`` keeps the input's length."""
    shape = _ints(shape)
    lead = len(shape) - x.ndim
    return jnp.broadcast_to(x, tuple(x.shape[i - lead] if d == -1 else d for i, d in enumerate(shape)))


def _check_tile(x, dims):
    if not isinstance(dims, (tuple, list)) or not all(isinstance(d, (int, np.integer)) for d in dims):
        kinds = ", ".join(type(d).__name__ for d in dims) if isinstance(dims, (tuple, list)) else type(dims).__name__
        raise TypeError(f'Failed calling Tile with "Tile()(input=Tensor, dims=Tuple<{kinds}>)".')


@register("Tile", check=_check_tile)
def _tile(x, dims):
    """Repeat ``x`` ``dims[i]`` times along each axis (``dims`` longer than ``ndim`` adds leading axes)."""
    return jnp.tile(x, tuple(dims))


@register("ReverseV2", attrs=(("axis", ()),))
def _reverse(x, axis=()):
    """Reverse the order of elements along ``axis``."""
    return jnp.flip(x, norm_axes("ReverseV2", axis, x.ndim) or ())


@register("ReverseSequence", attrs=(("seq_dim", REQUIRED), ("batch_dim", 0)))
def _reverse_sequence(x, seq_lengths, seq_dim, batch_dim=0):
    """Each slice ``b`` along ``batch_dim`` with its first ``seq_lengths[b]`` entries along ``seq_dim`` reversed."""
    pos = jnp.arange(x.shape[seq_dim]).reshape([-1 if i == seq_dim else 1 for i in range(x.ndim)])
    lengths = seq_lengths.reshape([-1 if i == batch_dim else 1 for i in range(x.ndim)])
    src = jnp.where(pos < lengths, lengths - 1 - pos, pos)
    return jnp.take_along_axis(x, jnp.broadcast_to(src, x.shape).astype(jnp.int32), seq_dim)


@register("MirrorPad", attrs=(("mode", "REFLECT"),))
def _mirror_pad(x, paddings, mode="REFLECT"):
    """``x`` padded by its mirror image: ``REFLECT`` excludes the edge, ``SYMMETRIC`` repeats it."""
    return jnp.pad(x, np.asarray(paddings).tolist(), mode=mode.lower())


@register("Padding", attrs=(("pad_dim_size", 8),))
def _padding(x, pad_dim_size=8):
    """``x`` (last axis of size 1) extended with zeros to ``pad_dim_size`` along its last axis."""
    return jnp.pad(x, [(0, 0)] * (x.ndim - 1) + [(0, pad_dim_size - x.shape[-1])])


def _depth_to_space(x, block_size):
    """NCHW: ``(N, C * b * b, H, W)`` to ``(N, C, H * b, W * b)``."""
    n, c, h, w = x.shape
    b = block_size
    y = x.reshape(n, b, b, c // (b * b), h, w).transpose(0, 3, 4, 1, 5, 2)
    return y.reshape(n, c // (b * b), h * b, w * b)


def _space_to_depth(x, block_size):
    """NCHW: ``(N, C, H, W)`` to ``(N, C * b * b, H / b, W / b)``."""
    n, c, h, w = x.shape
    b = block_size
    y = x.reshape(n, c, h // b, b, w // b, b).transpose(0, 3, 5, 1, 2, 4)
    return y.reshape(n, c * b * b, h // b, w // b)


register("DepthToSpace", attrs=(("block_size", REQUIRED),))(_depth_to_space)
register("SpaceToDepth", attrs=(("block_size", REQUIRED),))(_space_to_depth)


@register("SpaceToBatchND", attrs=(("block_shape", REQUIRED), ("paddings", REQUIRED)))
def _space_to_batch_nd(x, block_shape, paddings):
    """The spatial axes (after N, C) padded by ``paddings`` and split into ``block_shape`` blocks moved into the
    batch axis."""
    block = [block_shape] * (x.ndim - 2) if isinstance(block_shape, int) else list(block_shape)
    x = jnp.pad(x, [(0, 0), (0, 0)] + [tuple(p) for p in paddings])
    n, c = x.shape[:2]
    spatial = x.shape[2:]
    shape = [n, c]
    for d, b in zip(spatial, block):
        shape += [d // b, b]
    y = x.reshape(shape)
    k = len(block)
    order = [3 + 2 * i for i in range(k)] + [0, 1] + [2 + 2 * i for i in range(k)]
    return y.transpose(order).reshape([n * int(np.prod(block)), c] + [d // b for d, b in zip(spatial, block)])


@register("ChannelShuffle", attrs=(("group", REQUIRED),))
def _channel_shuffle(x, group):
    """The channels (axis 1) in ``group`` groups, interleaved."""
    n, c = x.shape[:2]
    return x.reshape((n, group, c // group) + x.shape[2:]).swapaxes(1, 2).reshape(x.shape)


# ---- joining and splitting -----------------------------------------------------------------------------
def _check_concat(tensors, axis=0):
    if not isinstance(tensors, (list, tuple)):
        raise failed_calling("Concat", ("tensors",), (tensors,), {"axis": axis})
    if not tensors:
        raise ValueError("For primitive[Concat], the elements size must be greater than 0, but got 0.")
    xs = tensor_arrays(tensors)
    shapes = [x.shape for x in xs]
    all_shapes = "[const vector]{" + ", ".join(_shape_str(s) for s in shapes) + "}"
    if any(len(s) != len(shapes[0]) for s in shapes):
        raise ValueError(f"For primitive[Concat], element rank must be same(shapes are {all_shapes})!")
    n = max(len(shapes[0]), 1)
    if not -n <= axis < n:
        raise ValueError(f"For primitive[Concat], the axis value must be in [{-n},{n}), but got {axis}.")
    axis %= n
    for s in shapes[1:]:
        diff = [i for i, (a, b) in enumerate(zip(shapes[0], s)) if a != b and i != axis]
        if len([i for i, (a, b) in enumerate(zip(shapes[0], s)) if a != b]) > 1:
            raise ValueError(f"For primitive[Concat] only support one axis different, bug got more than one"
                             f"(shapes is {all_shapes})!")
        if diff:
            raise ValueError(f"For primitive[Concat], shapes of tensors must match except in given concat axis "
                             f"{axis}, but got mismatch in {diff[0]}(all input shapes are {all_shapes})!")
    if any(x.dtype != xs[0].dtype for x in xs):
        raise RuntimeError("KernelMod Init Failed: Concat")


@register("Concat", attrs=(("axis", 0),), check=_check_concat)
def _concat(tensors, axis=0):
    """Join same-dtype Tensors along ``axis``."""
    return jnp.concatenate(tensor_arrays(tensors), axis=axis)


@register("EmbeddingLookup")
def _embedding_lookup(params, indices, offset):
    """The rows ``indices - offset`` of ``params``; indices outside give zero rows."""
    idx = indices - offset
    inside = (idx >= 0) & (idx < params.shape[0])
    rows = jnp.take(params, jnp.where(inside, idx, 0), axis=0)
    return jnp.where(inside.reshape(inside.shape + (1,) * (params.ndim - 1)), rows, jnp.zeros((), params.dtype))


@register("SubAndFilter")
def _sub_and_filter(x, max_num, offset):
    """``(x - offset, positions)`` of the elements with ``0 <= x - offset < max_num``."""
    values = np.asarray(x) - offset
    keep = (values >= 0) & (values < max_num)
    return jnp.asarray(values[keep]), jnp.asarray(np.flatnonzero(keep).astype(values.dtype))


register("ParallelConcat")(lambda values: jnp.concatenate(tensor_arrays(values), 0))


@register("Meshgrid", attrs=(("indexing", "xy"),))
def _meshgrid(inputs, indexing="xy"):
    """The coordinate grids of the 1-D Tensors ``inputs`` (``xy``: the first two axes swapped, as numpy)."""
    return tuple(jnp.meshgrid(*tensor_arrays(inputs), indexing=indexing))


def _check_stack(tensors, axis=0):
    if not tensors:
        raise ValueError("For primitive[Stack], the stack element num must be greater than or equal to 1, but got 0.")
    xs = tensor_arrays(tensors)
    for x in xs[1:]:
        if x.shape != xs[0].shape:
            raise ValueError(f"All input shape must be the same! {_shape_str(x.shape)} And "
                             f"{_shape_str(xs[0].shape)}")
    n = xs[0].ndim + 1
    if not -n <= axis < n:
        raise ValueError(f"For primitive[Stack], the Stack axis must be in [{-n},{n - 1}], but got {axis}.")


@register("Stack", attrs=(("axis", 0),), check=_check_stack)
def _stack(tensors, axis=0):
    """Join same-shape Tensors along a new axis ``axis``."""
    return jnp.stack(tensor_arrays(tensors), axis=axis)


@register("Unstack", attrs=(("axis", 0), ("num", None)), check=lambda x, axis=0, num=None: _dim_range(axis, np.ndim(x)))
def _unstack(x, axis=0, num=None):
    """A tuple of the slices of ``x`` along ``axis``."""
    axis = _dim_range(axis, x.ndim)
    return tuple(jnp.take(x, i, axis=axis) for i in range(x.shape[axis]))


def _check_split(x, axis=0, output_num=1):
    axis = _dim_range(axis, max(np.ndim(x), 1))
    if np.shape(x)[axis] % output_num:
        raise ValueError(f"For 'Split', x_shape[{axis}] must be divisible by output_num = {output_num}, but got "
                         f"{np.shape(x)[axis]}")


@register("Split", attrs=(("axis", 0), ("output_num", 1)), check=_check_split)
def _split(x, axis=0, output_num=1):
    """``output_num`` equal parts of ``x`` along ``axis``, as a tuple."""
    return tuple(jnp.split(x, output_num, axis=axis))


# ---- indexing --------------------------------------------------------------------------------------------
def _need_indices(op, indices, banner=True):
    if jnp.result_type(indices) not in (jnp.int32, jnp.int64):
        raise kernel_error(op, banner)


def _check_gather(params, indices, axis, batch_dims=0):
    _need_indices("Gather", indices)
    n = max(np.ndim(params), 1)
    if not -n <= int(axis) < n:
        raise ValueError(f"For primitive[Gather], the axis must be in [{-n},{n}], but got {axis}.")
    if np.ndim(params):
        check_gather_indices(indices, np.shape(params)[int(axis) % n])


@register("Gather", attrs=(("batch_dims", 0),), check=_check_gather)
def _gather(params, indices, axis, batch_dims=0):
    """``params`` indexed by ``indices`` along ``axis``; the first ``batch_dims`` axes are batch axes."""
    axis = int(axis) % max(params.ndim, 1)
    if batch_dims:
        fn = lambda p, i: _gather(p, i, axis - batch_dims)  # noqa: E731
        for _ in range(batch_dims):
            fn = jax.vmap(fn)
        return fn(params, indices)
    fill = None if params.dtype.kind == "f" else 0
    return jnp.take(params, indices, axis=axis, mode="fill", fill_value=fill)


def _check_gather_d(x, dim, index):
    _need_indices("GatherD", index)
    dim = _dim_range(int(dim), max(np.ndim(x), 1))
    if np.ndim(index) != np.ndim(x):
        raise ValueError(f"For primitive[GatherD], the x_rank must be equal to {np.ndim(index)}, but got "
                         f"{np.ndim(x)}.")
    for axis, (a, b) in enumerate(zip(np.shape(x), np.shape(index))):
        if axis != dim and b > a:
            raise ValueError(f"For primitive[GatherD], the x shape must be greater than or equal to {b}, but got "
                             f"{a}.")
    if np.ndim(x):
        check(index, gather_d_rule(np.shape(x)[dim]))


@register("GatherD", check=_check_gather_d)
def _gather_d(x, dim, index):
    """``out[i][j] = x[index[i][j]][j]`` for ``dim=0`` (and so on); ``index`` may be shorter than ``x`` on the
    other axes (only the leading part of ``x`` is read there)."""
    dim = int(dim) % max(x.ndim, 1)
    x = x[tuple(slice(None) if axis == dim else slice(0, n) for axis, n in enumerate(index.shape))]
    return jnp.take_along_axis(x, index, axis=dim)


def _check_gather_nd(x, indices):
    _need_indices("GatherNd", indices)
    shape = np.shape(x)
    vector = lambda v: "[const vector]{" + ", ".join(str(int(i)) for i in v) + "}"  # noqa: E731

    def rule(xp, values):
        rows = values.reshape(-1, values.shape[-1])
        bad = ((rows < 0) | (rows >= np.asarray(shape[:rows.shape[1]]))).any(axis=1)
        return bad, lambda k, row: ValueError(f"For 'GatherNd', the indices[{k}]: {vector(row)}, does not index "
                                              f"into input_shape: {vector(shape)}."), (xp.arange(bad.shape[0]), rows)
    check(indices, rule)


@register("GatherNd", check=_check_gather_nd)
@jax.jit
def _gather_nd(x, indices):
    """``x`` indexed by the last axis of ``indices`` (a partial index gathers whole slices)."""
    depth = indices.shape[-1]
    return x[tuple(jnp.moveaxis(indices, -1, 0)[i] for i in range(depth))]


def _check_scatter_nd(indices, updates, shape):
    _need_indices("ScatterNd", indices)
    shape = _ints(shape)

    def rule(xp, values):
        rows = values.reshape(-1, values.shape[-1])
        bounds = xp.broadcast_to(xp.asarray(shape[:rows.shape[1]], rows.dtype), rows.shape)
        return (rows < 0) | (rows >= bounds), _scatter_nd_error, (rows, bounds)
    check(indices, rule)


def _scatter_nd_error(v, bound):
    if v < 0:
        return ValueError(f"For 'ScatterNd', each element in 'indice' must be greater than or equal to 0, but got {v}")
    return ValueError(f"For 'ScatterNd', each element in 'indices' should be smaller than the value of shape, but got "
                      f"{v} and got the value of shape {bound}")


@register("ScatterNd", check=_check_scatter_nd)
def _scatter_nd(indices, updates, shape):
    """Zeros of ``shape`` with ``updates`` added at ``indices`` (duplicates accumulate)."""
    return _scatter_add(indices, updates, _ints(shape))


@functools.partial(jax.jit, static_argnums=2)
def _scatter_add(indices, updates, shape):
    out = jnp.zeros(shape, updates.dtype)
    depth = indices.shape[-1]
    return out.at[tuple(jnp.moveaxis(indices, -1, 0)[i] for i in range(depth))].add(updates)


def _check_slice(x, begin, size):
    begin, size = _ints(begin), _ints(size)
    for i, (b, s, d) in enumerate(zip(begin, size, np.shape(x))):
        if s != -1 and b + s > d:
            raise ValueError(f"For Slice, the sum of begin_shape[{i}] and size_shape[{i}] must be no greater than "
                             f"input_x_shape[{i}].")


@register("Slice", check=_check_slice)
def _slice(x, begin, size):
    """``size[i]`` elements from ``begin[i]`` on each axis (``-1``: to the end)."""
    begin, size = _ints(begin), _ints(size)
    return x[tuple(slice(b, None if s == -1 else b + s) for b, s in zip(begin, size))]


def strided_index(begin, end, strides, begin_mask=0, end_mask=0, ellipsis_mask=0, new_axis_mask=0,
                  shrink_axis_mask=0):
    """The Python index StridedSlice's arguments and bit masks describe (TensorFlow's semantics)."""
    index = []
    for i, (b, e, s) in enumerate(zip(_ints(begin), _ints(end), _ints(strides))):
        if ellipsis_mask >> i & 1:
            index.append(Ellipsis)
        elif new_axis_mask >> i & 1:
            index.append(None)
        elif shrink_axis_mask >> i & 1:
            index.append(b)
        else:
            index.append(slice(None if begin_mask >> i & 1 else b, None if end_mask >> i & 1 else e, s))
    return tuple(index)


_MASKS = (("begin_mask", 0), ("end_mask", 0), ("ellipsis_mask", 0), ("new_axis_mask", 0), ("shrink_axis_mask", 0))


@register("StridedSlice", attrs=_MASKS)
def _strided_slice(x, begin, end, strides, **masks):
    """``x[begin:end:strides]`` per axis, with TensorFlow's begin/end/ellipsis/new-axis/shrink masks."""
    return x[strided_index(begin, end, strides, **masks)]


def _check_masked_fill(x, mask, value):
    if dtype_kind(mask) != "b":
        raise TypeError(f"For primitive[MaskedFill], the input argument[mask] must be a type of {{Tensor[Bool]}}, "
                        f"but got Tensor[{mstype.to_mstype(jnp.result_type(mask))}].")


@register("MaskedFill", check=_check_masked_fill)
def _masked_fill(x, mask, value):
    """``value`` where ``mask`` is True, else ``x`` (broadcasting)."""
    return jnp.where(mask, jnp.asarray(value, x.dtype), x)


# ---- creation --------------------------------------------------------------------------------------------
def _np_dtype(dtype, default=mstype.float32):
    return mstype.to_mstype(default if dtype is None else dtype).np_dtype


def _is_int(v):
    return isinstance(v, (int, np.integer)) and not isinstance(v, bool)


def check_dtype(op, dtype):
    """MindSpore's check of a ``dtype`` input: a mindspore dtype (None: the op's default)."""
    if dtype is not None and not isinstance(dtype, mstype.Type):
        raise TypeError(f"For '{op}', the input 'dtype' should be mindspore dtype, but got {dtype}.")


def _check_creation(op, name, shape, dtype, the="the the"):
    """MindSpore's checks of a creation primitive's shape (an int, or a tuple or list of them, each >= 0; a
    Tensor passes) and dtype."""
    if hasattr(shape, "shape"):
        return
    dims = tuple(shape) if isinstance(shape, (tuple, list)) else (shape,)
    if not all(map(_is_int, dims)):
        raise failed_calling(op, (name, "dtype"), (shape, mstype.float32 if dtype is None else dtype))
    check_dtype(op, dtype)
    for i, d in enumerate(dims):
        if d < 0:
            raise ValueError(f"For primitive[{op}], {the} {i}th dimension of input shape must be greater than or equal "
                             f"to 0, but got {d}.")


@register("Zeros", check=lambda size, dtype=None: _check_creation("Zeros", "size", size, dtype))
def _zeros(size, dtype=None):
    """Zeros of shape ``size`` and ``dtype`` (Float32 by default)."""
    return jnp.zeros(_ints(size), _np_dtype(dtype))


@register("Ones", check=lambda shape, dtype=None: _check_creation("Ones", "shape", shape, dtype, "the"))
def _ones(shape, dtype=None):
    """Ones of ``shape`` and ``dtype`` (Float32 by default)."""
    return jnp.ones(_ints(shape), _np_dtype(dtype))


register("ZerosLike")(jnp.zeros_like)
register("OnesLike")(jnp.ones_like)


def _check_fill(dtype, dims, x):
    """MindSpore's FillV2 checks: integer dims, each >= 0, and a number (or Tensor) to fill with."""
    if not hasattr(dims, "shape"):
        dims = tuple(dims) if isinstance(dims, (tuple, list)) else (dims,)
        bad = next((d for d in dims if not _is_int(d)), None)
        if bad is not None:
            got = mstype.float32 if isinstance(bad, float) else mstype.to_mstype(np.asarray(bad).dtype) \
                if isinstance(bad, (bool, np.generic)) else type(bad).__name__
            raise TypeError("For primitive[FillV2], the input argument[input[shape]] must be a type of {Int32, Int64}, "
                            f"but got {got}.")
        for i, d in enumerate(dims):
            if d < 0:
                raise ValueError(f"For primitive[FillV2], the the {i}th dimension of input shape must be greater than "
                                 f"or equal to 0, but got {d}.")
    if not isinstance(x, (bool, int, float, np.generic, np.ndarray, jax.Array)):
        raise failed_calling("Cast", ("input", "dtype"), (x, mstype.float32 if dtype is None else dtype))


@register("Fill", check=_check_fill)
def _fill(dtype, dims, x):
    """A Tensor of shape ``dims`` and type ``dtype`` filled with ``x``."""
    return jnp.full(_ints(dims), jnp.asarray(x).astype(_np_dtype(dtype)), _np_dtype(dtype))


register("FillV2")(lambda shape, value: jnp.full(tuple(np.asarray(shape).tolist()), value, value.dtype))


@register("LinSpace")
def _linspace(start, stop, num):
    """``num`` evenly spaced values from ``start`` to ``stop`` (included)."""
    return jnp.linspace(start, stop, int(num), dtype=start.dtype)


@register("LogSpace", attrs=(("steps", 10), ("base", 10), ("dtype", mstype.float32)))
def _logspace(start, end, steps=10, base=10, dtype=mstype.float32):
    """``base ** linspace(start, end, steps)`` in ``dtype``."""
    return jnp.power(float(base), jnp.linspace(start.astype(jnp.float32), end.astype(jnp.float32), steps)).astype(
        _np_dtype(dtype))


@register("Eye")
def _eye(n, m, dtype):
    """An ``n x m`` identity matrix of ``dtype``."""
    return jnp.eye(int(n), int(m), dtype=_np_dtype(dtype))


def _check_range(start, end, step, maxlen=1000000):
    if any(isinstance(v, jax.core.Tracer) for v in (start, end, step)):
        raise ValueError("For 'Range', 'start', 'limit' and 'delta' must be constants: the length of the result "
                         "depends on them, so they cannot be computed inside a compiled or differentiated call.")
    s, e, d = (float(np.asarray(v)) for v in (start, end, step))
    if d == 0:
        raise ValueError("For 'Range', the 'delta' can not be equal to zero.")
    if (e - s) * d < 0:
        raise ValueError(f"For 'Range', delta cannot be positive when limit < start, or negative when limit > "
                         f"start, but got start: {start}, limit: {end}, delta: {step}.")


@register("Range", attrs=(("maxlen", 1000000),), check=_check_range)
def _range(start, end, step, maxlen=1000000):
    """``start, start + step, ...`` up to ``end`` (excluded), computed in the inputs' type; integer
    inputs give Int64. The bounds must be concrete values (the length of the result depends on them)."""
    kinds = {dtype_kind(v) for v in (start, end, step)}
    if "f" in kinds:
        dtype = jnp.result_type(*(v for v in (start, end, step) if dtype_kind(v) == "f"))
        s, e, d = (np.asarray(v, dtype) for v in (start, end, step))
        n = int(math.ceil(abs(float((e - s) / d))))
        return jnp.asarray(s) + jnp.arange(n, dtype=dtype) * jnp.asarray(d)
    s, e, d = (int(np.asarray(v)) for v in (start, end, step))
    return jnp.arange(s, e, d, dtype=jnp.int64)


@register("RaggedRange", attrs=(("Tsplits", REQUIRED),))
def _ragged_range(starts, limits, deltas, Tsplits):  # noqa: N803  (MindSpore's attribute name)
    """``(splits, values)``: the ranges ``starts[i] .. limits[i]`` by ``deltas[i]`` concatenated, and where each
    begins (``Tsplits``: the splits' dtype)."""
    s, e, d = (np.asarray(v) for v in (starts, limits, deltas))
    ranges = [np.arange(a, b, c, dtype=s.dtype) for a, b, c in zip(s.reshape(-1), e.reshape(-1), d.reshape(-1))]
    splits = np.concatenate([[0], np.cumsum([len(r) for r in ranges])]).astype(_np_dtype(Tsplits))
    return jnp.asarray(splits), jnp.asarray(np.concatenate(ranges) if ranges else np.zeros((0,), s.dtype))


# ---- graph utilities ----------------------------------------------------------------------------------------
register("Shape")(lambda x: tuple(np.shape(x)))
register("TensorShape")(lambda x: jnp.asarray(np.shape(x), jnp.int64))
register("DType")(lambda x: mstype.to_mstype(x.dtype))
register("Eps")(lambda x: jnp.full_like(x, jnp.finfo(x.dtype).eps))
register("IdentityN")(lambda x: tuple(tensor_arrays(x)))


@register("TupleToArray")
def _tuple_to_array(x):
    """A tuple of Python numbers as a Tensor (floats as Float32, ints as Int32)."""
    return jnp.asarray(x, jnp.float32 if any(isinstance(v, float) for v in x) else jnp.int32)


@register("ScalarToTensor")
def _scalar_to_tensor(x, dtype=mstype.float32):
    """A Python number as a 0-d Tensor of ``dtype``."""
    return jnp.asarray(x, mstype.to_mstype(dtype).np_dtype)


@register("ScalarCast")
def _scalar_cast(x, dtype):
    """A Python number converted to the Python type of ``dtype`` (a number, not a Tensor)."""
    return mstype.dtype_to_pytype(dtype)(x)
register("Rank")(lambda x: int(np.ndim(x)))
register("Size")(lambda x: int(np.size(x)))
register("StopGradient")(jax.lax.stop_gradient)
register("Depend")(lambda value, expr: value)


def print_line(value):
    """One value as MindSpore's Print writes it: Tensors in their repr, anything else as ``str``."""
    if isinstance(value, (np.ndarray, jax.Array)):
        arr = np.asarray(value)
        return _printing.tensor_repr(arr, mstype.to_mstype(arr.dtype))
    return str(value)


def _summary(name, value):
    """MindSpore's summary ops record ``value`` under ``name`` for a ``SummaryRecord`` to write to summary files;
    without one they do nothing and return None, which is all mindshim does (it has no ``SummaryRecord``)."""


for _kind in ("Scalar", "Tensor", "Histogram", "Image"):
    register(f"{_kind}Summary")(_summary)


@register("Print")
def _print(*inputs):
    """Write each input on its own line to ``sys.stdout`` (strings as they are, Tensors as their repr);
    inside a compiled or differentiated call it prints when the step runs. Returns None."""
    arrays_at = [i for i, v in enumerate(inputs) if isinstance(v, jax.Array)]

    def emit(*values):
        parts = list(inputs)
        for i, v in zip(arrays_at, values):
            parts[i] = v
        print("\n".join(print_line(p) for p in parts))

    values = [inputs[i] for i in arrays_at]
    if any(isinstance(v, jax.core.Tracer) for v in values):
        jax.debug.callback(emit, *values)
    else:
        emit(*values)
