"""Op-table rows: MindSpore's array primitives (see ``mindshim._registry``): shape manipulation,
joining and splitting, indexing (Gather, GatherNd, ScatterNd, Slice, StridedSlice), creation (Zeros,
Fill, Eye, Range, ...), and the graph utilities (Shape, Depend, StopGradient, Print).

Gather, GatherD, GatherNd and ScatterNd check their index values as MindSpore's CPU/GPU kernels do when the
values are known, that is in eager (PyNative) calls, at the cost of reading the indices back to the host.
Inside a compiled or differentiated call they cannot be checked (MindSpore would raise at run time): there an
out-of-range index gives NaN (0 for integers) in Gather/GatherD, GatherNd clamps it, and ScatterNd drops it.
"""
import functools
import itertools
import math

import jax
import jax.numpy as jnp
import numpy as np

from .._registry import REQUIRED, failed_calling, get, register
from ..common import _printing, _trace
from ..common import dtype as mstype
from ..common._checks import check, check_gather_indices, gather_d_rule
from ._checks import dim_range, dtype_kind, kernel_error, norm_axes, tensor_arrays


def _shape_str(shape):
    return "[const vector]{" + ", ".join(str(d) for d in shape) + "}"


def _ints(value):
    """A shape-like argument (int, tuple, list or Tensor) as a tuple of Python ints."""
    if hasattr(value, "shape"):
        value = np.asarray(value).tolist()
    return (value,) if isinstance(value, (int, np.integer)) else tuple(int(v) for v in value)


# ---- reshaping ---------------------------------------------------------------------------------------------
@register("ExpandDims", check=lambda x, axis: dim_range(axis, np.ndim(x) + 1))
def _expand_dims(x, axis):
    """A new axis of length 1 at ``axis`` (in ``[-ndim-1, ndim]``)."""
    return jnp.expand_dims(x, dim_range(axis, x.ndim + 1))


def _squeeze_axes(x, axis):
    if axis is None or axis == () or axis == []:
        return tuple(i for i, d in enumerate(x.shape) if d == 1)
    n = max(x.ndim, 1)
    # MindSpore leaves an axis whose length is not 1 in place.
    return tuple(a for a in (dim_range(a, n) for a in _ints(axis)) if x.ndim and x.shape[a] == 1)


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
def _reverse_sequence_row(x, seq_lengths, seq_dim, batch_dim=0):
    """Each slice ``b`` along ``batch_dim`` with its first ``seq_lengths[b]`` entries along ``seq_dim`` reversed."""
    pos = jnp.arange(x.shape[seq_dim]).reshape([-1 if i == seq_dim else 1 for i in range(x.ndim)])
    lengths = seq_lengths.reshape([-1 if i == batch_dim else 1 for i in range(x.ndim)])
    src = jnp.where(pos < lengths, lengths - 1 - pos, pos)
    return jnp.take_along_axis(x, jnp.broadcast_to(src, x.shape).astype(jnp.int32), seq_dim)


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
def _channel_shuffle_row(x, group):
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
def _meshgrid_row(inputs, indexing="xy"):
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


@register("Unstack", attrs=(("axis", 0), ("num", None)), check=lambda x, axis=0, num=None: dim_range(axis, np.ndim(x)))
def _unstack(x, axis=0, num=None):
    """A tuple of the slices of ``x`` along ``axis``."""
    axis = dim_range(axis, x.ndim)
    return tuple(jnp.take(x, i, axis=axis) for i in range(x.shape[axis]))


def _check_split(x, axis=0, output_num=1):
    axis = dim_range(axis, max(np.ndim(x), 1))
    if np.shape(x)[axis] % output_num:
        raise ValueError(f"For 'Split', x_shape[{axis}] must be divisible by output_num = {output_num}, but got "
                         f"{np.shape(x)[axis]}")


@register("Split", attrs=(("axis", 0), ("output_num", 1)), check=_check_split)
def _split(x, axis=0, output_num=1):
    """``output_num`` equal parts of ``x`` along ``axis``, as a tuple."""
    return tuple(jnp.split(x, output_num, axis=axis))


def _check_split_with_size(x, split_size, dim=0):
    dim = dim_range(dim, max(np.ndim(x), 1))
    if sum(split_size) != np.shape(x)[dim]:
        raise ValueError(f"For 'SplitWithSize',  the sum of split_size should be equal to {np.shape(x)[dim]}"
                         f"(input.shape[{dim}]), but got split_sizes: {list(split_size)}")


@register("SplitWithSize", check=_check_split_with_size)
def _split_with_size(x, split_size, dim=0):
    """``x`` split along ``dim`` into parts of the sizes ``split_size``, as a tuple."""
    return tuple(jnp.split(x, np.cumsum(split_size)[:-1].tolist(), axis=dim_range(dim, x.ndim)))


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
    dim = dim_range(int(dim), max(np.ndim(x), 1))
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


def _check_masked_scatter(x, mask, updates):
    if dtype_kind(mask) != "b":
        raise TypeError("For MaskedScatter, mask should be in dtype support list [DT_UINT8,DT_BOOL,], but got "
                        f"{mstype.to_mstype(jnp.result_type(mask))}.")
    if jnp.result_type(x) != jnp.result_type(updates):
        raise TypeError("Select CPU operator[MaskedScatter] fail! Unsupported data type!")


@register("MaskedScatter", check=_check_masked_scatter)
@jax.jit
def _masked_scatter(x, mask, updates):
    """``x`` with the positions where ``mask`` (broadcast to ``x``) is True filled, in row-major order, by the
    leading elements of ``updates``."""
    mask = jnp.broadcast_to(mask, x.shape).reshape(-1)
    source = updates.reshape(-1)
    pick = jnp.clip(jnp.cumsum(mask) - 1, 0, max(source.size - 1, 0))
    return jnp.where(mask, source[pick], x.reshape(-1)).reshape(x.shape)


def _check_scatter_elements(x, indices, updates, axis=0, reduction="none"):
    _need_indices("TensorScatterElements", indices)
    dim_range(axis, max(np.ndim(x), 1))
    if reduction not in ("none", "add"):
        raise ValueError(f"For 'TensorScatterElements', 'reduction' must be 'none' or 'add', but got {reduction}.")


@register("TensorScatterElements", attrs=(("axis", 0), ("reduction", "none")), check=_check_scatter_elements)
def _scatter_elements_row(x, indices, updates, axis=0, reduction="none"):
    """``x`` with ``out[indices[i][j]][j] = updates[i][j]`` for ``axis=0`` (and so on; ``reduction='add'`` adds,
    ``'multiply'``, which only ``mint.scatter`` takes, multiplies); ``updates`` may be larger than ``indices`` (its
    leading part is used)."""
    axis %= max(x.ndim, 1)
    updates = jnp.broadcast_to(updates, indices.shape) if not jnp.ndim(updates) else \
        updates[tuple(slice(0, n) for n in indices.shape)]
    grid = list(jnp.indices(indices.shape, sparse=True))
    grid[axis] = indices
    at, updates = x.at[tuple(grid)], updates.astype(x.dtype)
    return at.add(updates) if reduction == "add" else at.multiply(updates) if reduction == "multiply" else \
        at.set(updates)


def _check_map_uniform(x, per_group_size, group_num):
    if str(mstype.to_mstype(x.dtype)) not in ("Int16", "Int32", "Int64", "Int8"):
        raise TypeError("For primitive[MapUniform], the input argument[input] must be a type of {Tensor[Int16], "
                        f"Tensor[Int32], Tensor[Int64], Tensor[Int8]}}, but got Tensor[{mstype.to_mstype(x.dtype)}].")
    for name, v in (("per_group_size", per_group_size), ("group_num", group_num)):
        if dtype_kind(v) != "i":
            got = mstype.to_mstype(v.dtype) if hasattr(v, "dtype") else {bool: "Bool", float: "Float32"}[type(v)]
            raise TypeError(f"For primitive[MapUniform], the input argument[{name}] must be a type of {{Int32, "
                            f"Int64}}, but got {got}.")
    if per_group_size <= 0:
        raise RuntimeError(f"For 'MapUniform', all elements in output must be less than 0, but got {per_group_size}")


@register("MapUniform", check=_check_map_uniform)
def _map_uniform(x, per_group_size, group_num):
    """``x % group_num * per_group_size + x // group_num`` (the embedding cache's key spreading)."""
    return (x % group_num * per_group_size + x // group_num).astype(x.dtype)


@register("Diag")
def _diag(x):
    """The Tensor of shape ``x.shape + x.shape`` holding ``x`` on its diagonal (a vector: a diagonal matrix)."""
    flat = x.reshape(-1)
    return (jnp.diag(flat) if flat.size else jnp.zeros((0, 0), x.dtype)).reshape(x.shape + x.shape)


def _check_fill_diagonal(x, fill_value=0.0, wrap=False):
    if np.ndim(x) < 2:
        raise ValueError("The primitive[FillDiagonal] argument [input_x] must be a Tensor whose dimension is greater "
                         f"than or equal to 2, but got its dimension [{np.ndim(x)}].")


@register("FillDiagonal", attrs=(("fill_value", 0.0), ("wrap", False)), check=_check_fill_diagonal)
def _fill_diagonal(x, fill_value=0.0, wrap=False):
    """``x`` with its main diagonal (all indices equal) set to ``fill_value``; for a tall matrix, ``wrap`` starts
    the diagonal again every ``columns + 1`` rows."""
    if x.ndim == 2:
        rows, cols = x.shape
        limit = rows if wrap else min(rows, cols)
        flat = np.arange(0, limit * cols, cols + 1)
        flat = flat[flat < rows * cols]
        return x.reshape(-1).at[flat].set(jnp.asarray(fill_value).astype(x.dtype)).reshape(x.shape)
    n = min(x.shape)
    return x.at[(np.arange(n),) * x.ndim].set(jnp.asarray(fill_value).astype(x.dtype))


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
def _linspace_row(start, stop, num):
    """``num`` evenly spaced values from ``start`` to ``stop`` (included)."""
    return jnp.linspace(start, stop, int(num), dtype=start.dtype)


@register("LogSpace", attrs=(("steps", 10), ("base", 10), ("dtype", mstype.float32)))
def _logspace_row(start, end, steps=10, base=10, dtype=mstype.float32):
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
register("Eps", functional=("eps",))(lambda x: jnp.full_like(x, jnp.finfo(x.dtype).eps))
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


def print_line(value, graph=False):
    """One value as MindSpore's Print writes it: Tensors in their repr (in graph code, as its C++ prints them),
    anything else as ``str``."""
    if isinstance(value, (np.ndarray, jax.Array)):
        arr = np.asarray(value)
        form = _printing.graph_print_repr if graph else _printing.tensor_repr
        return form(arr, mstype.to_mstype(arr.dtype))
    if graph and isinstance(value, tuple):  # C++'s form: (2) for a tuple of one
        return f"({', '.join(print_line(v, graph) for v in value)})"
    return str(value)


def _summary(name, value):
    """MindSpore's summary ops record ``value`` under ``name`` for a ``SummaryRecord`` to write to summary files;
    without one they do nothing and return None, which is all mindshim does (it has no ``SummaryRecord``)."""


for _kind in ("Scalar", "Tensor", "Histogram", "Image"):
    register(f"{_kind}Summary")(_summary)


@register("Print")
def _print(*inputs):
    """Write each input on its own line to ``sys.stdout`` (strings as they are, Tensors as their repr, in graph
    code as MindSpore's C++ prints them); inside a compiled or differentiated call it prints when the step runs.
    Returns None."""
    arrays_at = [i for i, v in enumerate(inputs) if isinstance(v, jax.Array)]
    graph = _trace.graph_code()

    def emit(*values):
        parts = list(inputs)
        for i, v in zip(arrays_at, values):
            parts[i] = v
        print("\n".join(print_line(p, graph) for p in parts))

    values = [inputs[i] for i in arrays_at]
    if any(isinstance(v, jax.core.Tracer) for v in values):
        jax.debug.callback(emit, *values)
    else:
        emit(*values)


# ---- composites of several primitives (no Primitive class) ----------------------------------------------------
def _atleast(n):
    fn = (jnp.atleast_1d, jnp.atleast_2d, jnp.atleast_3d)[n - 1]

    def atleast(inputs):
        """``inputs`` (a Tensor, or a list/tuple of Tensors giving a tuple) with at least ``n`` dimensions."""
        if isinstance(inputs, (list, tuple)):
            return tuple(fn(x) for x in tensor_arrays(inputs))
        return fn(inputs)
    return atleast


def _joined(fn):
    def joined(tensors):
        """The Tensors of a list or tuple joined as numpy's function of the same name joins them."""
        return fn(tensor_arrays(tensors))
    return joined


def _split_at(input, indices_or_sections, axis):
    """``input`` split along ``axis`` into ``n`` near-equal parts (an int) or at the given indices (clipped to the
    axis, so parts may be empty), as numpy's ``array_split``."""
    if isinstance(indices_or_sections, int):
        return tuple(jnp.array_split(input, indices_or_sections, axis=axis))
    n = input.shape[axis]
    bounds = [0] + [min(max(i, 0), n) for i in _ints(indices_or_sections)] + [n]
    return tuple(jax.lax.slice_in_dim(input, a, max(a, b), axis=axis) for a, b in zip(bounds, bounds[1:]))


def _sections(axis):
    def split(input, indices_or_sections):
        """``input`` split along one axis (``hsplit``: 1 (0 for 1-D), ``vsplit``: 0, ``dsplit``: 2)."""
        return _split_at(input, indices_or_sections, 0 if axis == 1 and input.ndim == 1 else axis)
    return split


def _tensor_split(input, indices_or_sections, axis=0):
    return _split_at(input, indices_or_sections, axis)


def _ints_or_int(value):
    return value if isinstance(value, int) else _ints(value)


def _movedim(x, source, destination):
    return jnp.moveaxis(x, _ints_or_int(source), _ints_or_int(destination))


def _t(input):
    """The transpose of a 2-D Tensor; 0-D and 1-D ones as they are."""
    return input.T if input.ndim == 2 else input


def _narrow(input, axis, start, length):
    return jax.lax.slice_in_dim(input, start, start + length, axis=axis)


def _rot90(input, k=1, dims=(0, 1)):
    return jnp.rot90(input, k, axes=tuple(dims))


def _meshgrid(*inputs, indexing="xy"):
    return get("Meshgrid").bind(indexing=indexing)(inputs)


def _block_diag(*inputs):
    return jax.scipy.linalg.block_diag(*(x.reshape(1, -1) if x.ndim < 2 else x for x in inputs))


def _cartesian_prod(*inputs):
    grids = jnp.meshgrid(*inputs, indexing="ij")
    return jnp.stack([g.reshape(-1) for g in grids], axis=1)


def _combinations(input, r=2, with_replacement=False):
    """The length-``r`` combinations of a 1-D Tensor's elements, as rows."""
    pick = itertools.combinations_with_replacement if with_replacement else itertools.combinations
    idx = np.array(list(pick(range(input.shape[0]), r)), np.int64).reshape(-1, r)
    return input[idx]


def _index_select(input, axis, index):
    return jnp.take(input, index, axis=axis)


def _index_fill(x, axis, index, value):
    idx = [slice(None)] * x.ndim
    idx[axis] = index
    return x.at[tuple(idx)].set(jnp.asarray(value, x.dtype))


def _index_add(x, indices, y, axis):
    idx = [slice(None)] * x.ndim
    idx[axis] = indices
    return x.at[tuple(idx)].add(y)


def _repeat_elements(x, rep, axis=0):
    return jnp.repeat(x, rep, axis=axis)


def _repeat_interleave(input, repeats, axis=None):
    return jnp.repeat(input, _ints_or_int(repeats), axis=axis)


def _sequence_mask(lengths, maxlen=None):
    """``[..., j]`` True where ``j < lengths[...]``."""
    maxlen = int(jnp.max(lengths)) if maxlen is None else maxlen
    return jnp.arange(maxlen) < lengths[..., None]


def _diagflat(input, offset=0):
    return jnp.diagflat(input, offset)


def _matrix_band_part(x, lower, upper):
    """``x`` with the entries outside the band (``lower`` below, ``upper`` above the diagonal; -1 all) zeroed."""
    m, n = x.shape[-2:]
    i, j = jnp.arange(m)[:, None], jnp.arange(n)[None, :]
    keep = ((lower < 0) | (i - j <= lower)) & ((upper < 0) | (j - i <= upper))
    return jnp.where(keep, x, jnp.zeros((), x.dtype))


def _view_as_real(input):
    return jnp.stack([jnp.real(input), jnp.imag(input)], axis=-1)


def _unique(input):
    """``(unique values sorted, the index of each input element in them)``."""
    values, inverse = jnp.unique(input, return_inverse=True)
    return values, inverse.reshape(input.shape).astype(jnp.int32 if input.dtype == jnp.int32 else jnp.int64)


def _unique_with_pad(x, pad_num):
    values, inverse = jnp.unique(x, return_inverse=True, size=x.shape[0], fill_value=pad_num)
    return values, inverse.reshape(x.shape).astype(x.dtype)


def _unique_consecutive(input, return_idx=False, return_counts=False, axis=None):
    """The first of each run of equal elements, with each element's run number and each run's length."""
    flat = input.reshape(-1) if axis is None else input
    if axis is not None:
        raise NotImplementedError("mindspore.ops.unique_consecutive with an axis is not supported by mindshim yet.")
    new = jnp.concatenate([jnp.ones(1, bool), flat[1:] != flat[:-1]]) if flat.size else jnp.zeros(0, bool)
    inverse = jnp.cumsum(new) - 1
    starts = jnp.nonzero(new)[0]
    out = [flat[starts]]
    if return_idx:
        out.append(inverse.reshape(input.shape).astype(jnp.int64))
    if return_counts:
        out.append(jnp.diff(jnp.append(starts, flat.size)).astype(jnp.int64))
    return tuple(out) if len(out) > 1 else out[0]


def _segment(kind):
    fn = {"max": jax.ops.segment_max, "min": jax.ops.segment_min, "prod": jax.ops.segment_prod,
          "sum": jax.ops.segment_sum}[kind]

    def unsorted_segment(x, segment_ids, num_segments):
        """The ``{kind}`` of the rows of ``x`` by ``segment_ids`` into ``num_segments`` rows (empty: the
        identity of max/min is the dtype's lowest/highest value, as MindSpore's kernel gives)."""
        return fn(x, segment_ids.reshape(-1) if segment_ids.ndim == x.ndim else segment_ids, int(num_segments))
    unsorted_segment.__doc__ = unsorted_segment.__doc__.format(kind=kind)
    return unsorted_segment


def _searchsorted(sorted_sequence, values, *, out_int32=False, right=False, side=None, sorter=None):
    side = side or ("right" if right else "left")
    if sorted_sequence.ndim == 1:
        out = jnp.searchsorted(sorted_sequence, values, side=side)
    else:
        out = jax.vmap(lambda s, v: jnp.searchsorted(s, v, side=side))(
            sorted_sequence.reshape(-1, sorted_sequence.shape[-1]), values.reshape(-1, values.shape[-1]))
        out = out.reshape(values.shape)
    return out.astype(jnp.int32 if out_int32 else jnp.int64)


def _bucketize(input, boundaries, *, right=False):
    return jnp.searchsorted(jnp.asarray(boundaries, jnp.float32), input,
                            side="right" if right else "left").astype(jnp.int32)


def _tensor_scatter(kind):
    def tensor_scatter(input_x, indices, updates):
        """``input_x`` with ``updates`` combined into the elements ``indices`` select (the last axis of
        ``indices`` indexes ``input_x``'s leading axes)."""
        idx = tuple(jnp.moveaxis(indices, -1, 0))
        ref = input_x.at[idx]
        if kind == "div":
            return ref.divide(updates)
        return getattr(ref, kind)(updates)
    return tensor_scatter


def _select_scatter(input, src, axis, index):
    idx = [slice(None)] * input.ndim
    idx[axis] = index
    return input.at[tuple(idx)].set(src)


def _slice_scatter(input, src, axis=0, start=None, end=None, step=1):
    idx = [slice(None)] * input.ndim
    idx[axis] = slice(start, end, step)
    return input.at[tuple(idx)].set(src)


def _diagonal_scatter(input, src, offset=0, dim1=0, dim2=1):
    x = jnp.moveaxis(input, (dim1, dim2), (-2, -1))
    n = src.shape[-1]
    i = jnp.arange(n)
    x = x.at[..., i + max(-offset, 0), i + max(offset, 0)].set(src)
    return jnp.moveaxis(x, (-2, -1), (dim1, dim2))


def _linspace(start, end, steps):
    """The LinSpace row in Float32."""
    return get("LinSpace").bind()(jnp.asarray(start, jnp.float32), jnp.asarray(end, jnp.float32), steps)


def _logspace(start, end, steps, base=10, *, dtype=mstype.float32):
    return jnp.logspace(start, end, int(steps), base=base).astype(mstype.to_mstype(dtype).np_dtype)


_COMPOSITES = {  # name: (lowering, input names, also a Tensor method)
    "atleast_1d": (_atleast(1), ("inputs",), False),
    "atleast_2d": (_atleast(2), ("inputs",), False),
    "atleast_3d": (_atleast(3), ("inputs",), False),
    "hstack": (_joined(jnp.hstack), ("tensors",), False),
    "vstack": (_joined(jnp.vstack), ("tensors",), False),
    "dstack": (_joined(jnp.dstack), ("tensors",), False),
    "column_stack": (_joined(jnp.column_stack), ("tensors",), False),
    "hsplit": (_sections(1), ("input", "indices_or_sections"), True),
    "vsplit": (_sections(0), ("input", "indices_or_sections"), True),
    "dsplit": (_sections(2), ("input", "indices_or_sections"), True),
    "tensor_split": (_tensor_split, ("input", "indices_or_sections", "axis"), True),
    "moveaxis": (_movedim, ("x", "source", "destination"), True),
    "movedim": (_movedim, ("x", "source", "destination"), True),
    "t": (_t, ("input",), False),
    "narrow": (_narrow, ("input", "axis", "start", "length"), True),
    "ravel": (jnp.ravel, ("input",), True),
    "flipud": (jnp.flipud, ("input",), True),
    "fliplr": (jnp.fliplr, ("input",), True),
    "rot90": (_rot90, ("input", "k", "dims"), True),
    "combinations": (_combinations, ("input", "r", "with_replacement"), False),
    "index_select": (_index_select, ("input", "axis", "index"), True),
    "index_fill": (_index_fill, ("x", "axis", "index", "value"), True),
    "repeat_elements": (_repeat_elements, ("x", "rep", "axis"), False),
    "repeat_interleave": (_repeat_interleave, ("input", "repeats", "axis"), True),
    "sequence_mask": (_sequence_mask, ("lengths", "maxlen"), False),
    "diagflat": (_diagflat, ("input", "offset"), False),
    "matrix_band_part": (_matrix_band_part, ("x", "lower", "upper"), False),
    "view_as_real": (_view_as_real, ("input",), False),
    "unique": (_unique, ("input",), False),
    "unique_with_pad": (_unique_with_pad, ("x", "pad_num"), False),
    "unique_consecutive": (_unique_consecutive, ("input", "return_idx", "return_counts", "axis"), True),
    "unsorted_segment_max": (_segment("max"), ("x", "segment_ids", "num_segments"), False),
    "unsorted_segment_min": (_segment("min"), ("x", "segment_ids", "num_segments"), False),
    "unsorted_segment_prod": (_segment("prod"), ("x", "segment_ids", "num_segments"), False),
    "unsorted_segment_sum": (_segment("sum"), ("input_x", "segment_ids", "num_segments"), False),
    "tensor_scatter_add": (_tensor_scatter("add"), ("input_x", "indices", "updates"), True),
    "tensor_scatter_sub": (_tensor_scatter("subtract"), ("input_x", "indices", "updates"), True),
    "tensor_scatter_mul": (_tensor_scatter("multiply"), ("input_x", "indices", "updates"), True),
    "tensor_scatter_div": (_tensor_scatter("div"), ("input_x", "indices", "updates"), True),
    "tensor_scatter_max": (_tensor_scatter("max"), ("input_x", "indices", "updates"), True),
    "tensor_scatter_min": (_tensor_scatter("min"), ("input_x", "indices", "updates"), True),
    "select_scatter": (_select_scatter, ("input", "src", "axis", "index"), False),
    "slice_scatter": (_slice_scatter, ("input", "src", "axis", "start", "end", "step"), False),
    "diagonal_scatter": (_diagonal_scatter, ("input", "src", "offset", "dim1", "dim2"), False),
    "linspace": (_linspace, ("start", "end", "steps"), False),
}
for _name, (_fn, _inputs, _method) in _COMPOSITES.items():
    register(_name, functional=(_name,), method=(_name,) if _method else (), inputs=_inputs, primitive=False)(_fn)
register("index_add", primitive=False)(_index_add)
register("meshgrid", primitive=False)(_meshgrid)
register("block_diag", primitive=False)(_block_diag)
register("cartesian_prod", primitive=False)(_cartesian_prod)
register("searchsorted", primitive=False)(_searchsorted)
register("bucketize", primitive=False)(_bucketize)
register("logspace", primitive=False)(_logspace)


# ---- more composites ---------------------------------------------------------------------------------------------
def _masked_select(input, mask):
    """The elements of ``input`` where ``mask`` (broadcast together) is True, as a 1-D Tensor. Its length depends
    on the mask's values: inside a compiled call they are read (``np.asarray``), which runs the call eagerly."""
    input, mask = jnp.broadcast_arrays(input, mask)
    return input[np.asarray(mask)]


def _inplace_rows(method):
    def inplace(x, v, indices):
        """``x`` with ``v`` combined into its rows ``indices``."""
        idx = jnp.asarray(_ints(indices))
        return getattr(x.at[idx], method)(v.astype(x.dtype))
    return inplace


def _tri_indices(fn):
    def indices(row, col, offset=0, *, dtype=mstype.int64):
        return jnp.stack(fn(row, offset, col)).astype(mstype.to_mstype(dtype).np_dtype)
    return indices


def _reverse_sequence(x, seq_lengths, seq_dim, batch_dim=0):
    return get("ReverseSequence").bind(seq_dim=seq_dim, batch_dim=batch_dim)(x, seq_lengths)


def _scatter(input, axis, index, src, reduce="none"):
    return get("TensorScatterElements").bind(axis=axis, reduction=reduce)(input, index, src)


def _tensor_scatter_elements(input_x, indices, updates, axis=0, reduction="none"):
    row = get("TensorScatterElements")
    row.check(input_x, indices, updates, axis, reduction)
    return row.bind(axis=axis, reduction=reduction)(input_x, indices, updates)


def _channel_shuffle(x, groups):
    return get("ChannelShuffle").bind(group=groups)(x)


register("MaskedSelect", functional=("masked_select",), inputs=("input", "mask"))(_masked_select)
_MORE_COMPOSITES = {  # name: (lowering, input names)
    "inplace_add": (_inplace_rows("add"), ("x", "v", "indices")),
    "inplace_sub": (_inplace_rows("subtract"), ("x", "v", "indices")),
    "inplace_update": (_inplace_rows("set"), ("x", "v", "indices")),
    "reverse_sequence": (_reverse_sequence, ("x", "seq_lengths", "seq_dim", "batch_dim")),
    "scatter": (_scatter, ("input", "axis", "index", "src")),
    "tensor_scatter_elements": (_tensor_scatter_elements, ("input_x", "indices", "updates", "axis", "reduction")),
    "channel_shuffle": (_channel_shuffle, ("x", "groups")),
    "dyn_shape": (lambda input_x: jnp.asarray(input_x.shape, jnp.int64), ("input_x",)),
    "deepcopy": (jnp.copy, ("input_x",)),
}
for _name, (_fn, _inputs) in _MORE_COMPOSITES.items():
    register(_name, functional=(_name,), inputs=_inputs, primitive=False)(_fn)
register("tril_indices", primitive=False)(_tri_indices(jnp.tril_indices))
register("triu_indices", primitive=False)(_tri_indices(jnp.triu_indices))


# ---- batched diagonals (MindSpore's MatrixDiagV3 family: a band of diagonals k_lo..k_hi, each row of the packed
# form one diagonal from k_hi down, shorter ones aligned left or right as ``align`` says) ---------------------------
def _diag_band(k):
    k = np.asarray(k).reshape(-1).tolist()
    return (int(k[0]), int(k[-1]))


def _diag_slots(rows, cols, k, align):
    """For each diagonal ``d`` from ``k_hi`` down: ``(packed row, packed columns, matrix rows, matrix columns)``."""
    lo, hi = k
    length = {d: min(rows + min(0, d), cols - max(0, d)) for d in range(lo, hi + 1)}
    width = _diag_width(rows, cols, k)
    left_super, left_sub = align in ("LEFT_LEFT", "LEFT_RIGHT"), align in ("LEFT_LEFT", "RIGHT_LEFT")
    for i, d in enumerate(range(hi, lo - 1, -1)):
        n = max(length[d], 0)
        left = (d >= 0 and left_super) or (d <= 0 and left_sub)
        offset = 0 if left else width - n
        j = np.arange(n)
        yield i, j + offset, j + max(-d, 0), j + max(d, 0)


def _diag_width(rows, cols, k):
    return max(min(rows + min(0, d), cols - max(0, d)) for d in range(k[0], k[1] + 1))


def _matrix_diag_part(x, k, padding_value, align="RIGHT_LEFT"):
    """The diagonals ``k`` of the last two axes, packed (``padding_value`` fills the short ones)."""
    k = _diag_band(k)
    rows, cols = x.shape[-2:]
    out = jnp.full(x.shape[:-2] + (k[1] - k[0] + 1, _diag_width(rows, cols, k)), padding_value, x.dtype)
    for i, packed, r, c in _diag_slots(rows, cols, k, align):
        out = out.at[..., i, packed].set(x[..., r, c])
    return out[..., 0, :] if k[0] == k[1] else out


def _set_diags(base, diagonal, k, align):
    rows, cols = base.shape[-2:]
    if k[0] == k[1]:
        diagonal = diagonal[..., None, :]
    for i, packed, r, c in _diag_slots(rows, cols, k, align):
        base = base.at[..., r, c].set(diagonal[..., i, packed])
    return base


def _matrix_diag(x, k=0, num_rows=-1, num_cols=-1, padding_value=0, align="RIGHT_LEFT"):
    """A batch of matrices with the packed diagonals ``x`` on diagonals ``k`` and ``padding_value`` elsewhere."""
    k = _diag_band(k)
    width = x.shape[-1]
    rows, cols = int(np.asarray(num_rows)), int(np.asarray(num_cols))
    rows = rows if rows > 0 else width - min(k[1], 0)
    cols = cols if cols > 0 else width + max(k[0], 0)
    lead = x.shape[:-1] if k[0] == k[1] else x.shape[:-2]
    base = jnp.full(lead + (rows, cols), padding_value, x.dtype)
    return _set_diags(base, x, k, align)


def _matrix_set_diag(x, diagonal, k=0, align="RIGHT_LEFT"):
    """``x`` with its diagonals ``k`` replaced by the packed ``diagonal``."""
    return _set_diags(x, diagonal, _diag_band(k), align)


for _name, _fn, _inputs in (("matrix_diag_part", _matrix_diag_part, ("x", "k", "padding_value", "align")),
                            ("matrix_diag", _matrix_diag, ("x", "k", "num_rows", "num_cols", "padding_value",
                                                           "align")),
                            ("matrix_set_diag", _matrix_set_diag, ("x", "diagonal", "k", "align"))):
    register(_name, functional=(_name,), inputs=_inputs, primitive=False)(_fn)
