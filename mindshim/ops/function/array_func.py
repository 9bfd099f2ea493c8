"""``mindspore.ops`` functional ops: array family. Each adapts MindSpore 2.10's signature to table rows."""
import builtins

import numpy as np

from ... import _registry
from ..._registry import call as _op
from ...common import dtype as mstype
from ...common.tensor import Tensor, _wrap
from .. import _views

_row = _registry.get



# ---- reshaping ------------------------------------------------------------------------------------------
def expand_dims(input_x, axis):
    """A new axis of length 1 at ``axis``."""
    return _op("ExpandDims", input_x, axis)


def unsqueeze(input, dim):
    return _op("ExpandDims", input, dim)


def squeeze(input, axis=None):
    """Remove length-1 axes (those in ``axis``, or all); a named axis whose length is not 1 is kept."""
    return _op("Squeeze", input, axis=() if axis is None else axis)


def flatten(input, order="C", *, start_dim=1, end_dim=-1):
    """Merge axes ``start_dim..end_dim`` into one (``order='F'`` reverses the axes first); a 0-D or 1-D
    input becomes 1-D."""
    if not isinstance(input, Tensor):
        raise TypeError("For 'flatten', argument 'input' must be Tensor.")
    if not all(isinstance(d, int) and not isinstance(d, bool) for d in (start_dim, end_dim)):
        raise TypeError("For 'flatten', both 'start_dim' and 'end_dim' must be int.")
    if order not in ("C", "F"):
        raise ValueError(f"For 'flatten', 'order' must be 'C' or 'F', but got '{order}'.")
    if order == "F":
        if input.ndim in (0, 1):
            return _op("Reshape", input, (-1,))
        input = _op("Transpose", input, tuple(reversed(builtins.range(input.ndim))))
    rank = input.ndim
    if start_dim == 1 and end_dim == -1:
        return _op("Reshape", input, (-1,)) if rank in (0, 1) else _op("Flatten", input)
    n = rank or 1
    for d in (start_dim, end_dim):
        if not -n <= d < n:
            raise ValueError("'start_dim' or 'end_dim' out of range.")
    start, end = start_dim % n, end_dim % n
    if start > end:
        raise ValueError("For 'flatten', 'start_dim' cannot come after 'end_dim'.")
    if rank in (0, 1):
        return _op("Reshape", input, (-1,))
    if start == end:
        return input
    shape = input.shape
    merged = 1
    for d in shape[start:end + 1]:
        merged *= d
    return _op("Reshape", input, shape[:start] + (merged,) + shape[end + 1:])


def tile(input, dims):
    """Repeat ``input`` ``dims[i]`` times along axis ``i``."""
    return _op("Tile", input, dims)


def broadcast_to(input, shape):
    """``input`` broadcast to ``shape`` (``-1`` keeps that axis)."""
    return _op("BroadcastTo", input, shape=tuple(shape))


def reverse(x, axis):
    return _op("ReverseV2", x, axis=tuple(axis))


def flip(input, dims):
    """Reverse the order of elements along the axes in ``dims`` (a tuple or list)."""
    if not isinstance(dims, (tuple, list)):
        raise TypeError(f'Failed calling ReverseV2 with "ReverseV2(axis={type(dims).__name__})(input=Tensor)".')
    return _op("ReverseV2", input, axis=tuple(dims))


def swapaxes(input, axis0, axis1):
    """``input`` with axes ``axis0`` and ``axis1`` swapped: ints in ``[-ndim, ndim)`` (MindSpore's TypeError,
    ValueError otherwise)."""
    for axis in (axis0, axis1):
        if not isinstance(axis, int):
            raise TypeError(f"For ops.swapaxes, the axis argument must be integer, but got {type(axis)}.")
        if not -input.ndim <= axis < input.ndim:
            raise ValueError(f"The 'axis' must be in the range of [{-input.ndim}, {input.ndim}), but got {axis}.")
    perm = list(builtins.range(input.ndim))
    perm[axis0], perm[axis1] = perm[axis1], perm[axis0]
    return _op("Transpose", input, tuple(perm))


def permute(input, axis):
    return _op("Transpose", input, tuple(axis))


# ---- joining and splitting ---------------------------------------------------------------------------------
def concat(tensors, axis=0):
    """Join same-dtype Tensors along ``axis``."""
    return _op("Concat", tensors, axis=axis)


cat = concat


def stack(tensors, axis=0):
    """Join same-shape Tensors along a new axis."""
    return _op("Stack", tensors, axis=axis)


def unstack(input_x, axis=0):
    return _op("Unstack", input_x, axis=axis)


def unbind(input, dim=0):
    return _op("Unstack", input, axis=dim)


def split(tensor, split_size_or_sections, axis=0):
    """Split into chunks of ``split_size_or_sections`` (an int: the last chunk may be smaller) or of the
    given sizes (a list/tuple summing to the axis length); returns a tuple."""
    if not isinstance(tensor, Tensor):
        raise TypeError(f"expect `tensor` is a Tensor, but got {type(tensor)}")
    if not isinstance(axis, int) or isinstance(axis, bool):
        raise TypeError(f"Type of Argument `axis` should be integer but got {type(axis)}")
    if not -tensor.ndim <= axis < tensor.ndim:
        raise ValueError(f"axis {axis} is out of bounds for array of dimension {tensor.ndim}")
    axis %= tensor.ndim
    length = tensor.shape[axis]
    if isinstance(split_size_or_sections, int) and not isinstance(split_size_or_sections, bool):
        if split_size_or_sections <= 0:
            raise ValueError("For split, the value of 'split_size_or_sections' must be more than zero, but got "
                             f"{split_size_or_sections}.")
        size = split_size_or_sections
        sizes = [size] * (length // size) + ([length % size] if length % size else [])
        sizes = sizes or [length]
    elif isinstance(split_size_or_sections, (list, tuple)):
        for item in split_size_or_sections:
            if not isinstance(item, int) or isinstance(item, bool):
                raise TypeError(f"Each element in 'split_size_or_sections' should be integer, but got {type(item)}.")
            if item < 0:
                raise TypeError("Each element in 'split_size_or_sections' should be non-negative, but got "
                                f"{split_size_or_sections}.")
        if builtins.sum(split_size_or_sections) != length:
            raise ValueError(f"The sum of 'split_size_or_sections' should be equal to {length}, but got "
                             f"{builtins.sum(split_size_or_sections)}.")
        sizes = list(split_size_or_sections)
    else:
        raise TypeError("Type of Argument `split_size_or_sections` should be integer, tuple(int) or list(int), but "
                        f"got {type(split_size_or_sections)}")
    out, start = [], 0
    for size in sizes:
        begin = [0] * tensor.ndim
        extent = list(tensor.shape)
        begin[axis], extent[axis] = start, size
        out.append(_op("Slice", tensor, tuple(begin), tuple(extent)))
        start += size
    return tuple(out)


def chunk(input, chunks, axis=0):
    """``chunks`` pieces of (nearly) equal size along ``axis``."""
    if not isinstance(chunks, int) or isinstance(chunks, bool):
        raise TypeError(f"For ops.chunk type of argument `chunks` should be integer, but got {type(chunks)}")
    if chunks <= 0:
        raise ValueError(f"For ops.chunk parameter 'chunks' must be greater than 0, but got {chunks}")
    length = input.shape[axis]
    size = -(-length // chunks)
    return split(input, size, axis)


# ---- indexing -------------------------------------------------------------------------------------------------
def gather(input_params, input_indices, axis, batch_dims=0):
    """Slices of ``input_params`` along ``axis`` at ``input_indices``."""
    return _op("Gather", input_params, input_indices, axis, batch_dims=batch_dims)


def gather_elements(input, dim, index):
    """``take_along_axis``: ``out[i][j] = input[index[i][j]][j]`` for ``dim=0``."""
    return _op("GatherD", input, dim, index)


def gather_d(x, dim, index):
    return _op("GatherD", x, dim, index)


def gather_nd(input_x, indices):
    return _op("GatherNd", input_x, indices)


def scatter_nd(indices, updates, shape):
    """Zeros of ``shape`` with ``updates`` added at ``indices`` (duplicate indices accumulate)."""
    return _op("ScatterNd", indices, updates, shape)


def slice(input_x, begin, size):
    return _op("Slice", input_x, begin, size)


def strided_slice(input_x, begin, end, strides, begin_mask=0, end_mask=0, ellipsis_mask=0, new_axis_mask=0,
                  shrink_axis_mask=0):
    return _op("StridedSlice", input_x, begin, end, strides, begin_mask=begin_mask, end_mask=end_mask,
               ellipsis_mask=ellipsis_mask, new_axis_mask=new_axis_mask, shrink_axis_mask=shrink_axis_mask)


def where(condition, input, other):
    """``input`` where ``condition`` else ``other`` (broadcasting; scalars allowed)."""
    return _op("Select", condition, input, other)


select = where


def masked_fill(input_x, mask, value):
    return _op("MaskedFill", input_x, mask, value)


# ---- creation ------------------------------------------------------------------------------------------------
def _shape_arg(size):
    return size.asnumpy().tolist() if isinstance(size, Tensor) else size


def zeros(size, dtype=None):
    """Zeros of shape ``size`` (Float32 unless ``dtype``)."""
    return _op("Zeros", _shape_arg(size), dtype)


def ones(shape, dtype=None):
    """Ones of ``shape`` (Float32 unless ``dtype``)."""
    return _op("Ones", _shape_arg(shape), dtype)


def zeros_like(input, *, dtype=None):
    return _op("Cast", _op("ZerosLike", input), input.dtype if dtype is None else dtype)


def ones_like(input, *, dtype=None):
    return _op("Cast", _op("OnesLike", input), input.dtype if dtype is None else dtype)


def fill(type, shape, value):
    """A Tensor of ``shape`` and ``type`` filled with ``value`` (cast to ``type``)."""
    return _op("Fill", type, shape, value)


def full(size, fill_value, *, dtype=None):
    """``fill_value`` in a Tensor of shape ``size``; the dtype is Int64 unless ``dtype`` is given."""
    if not isinstance(size, (list, tuple)):
        raise TypeError(f"For 'ops.full', 'size' must be a tuple or list of ints, but got {type(size)}.")
    return _op("Fill", mstype.int64 if dtype is None else dtype, tuple(size), fill_value)


def full_like(input, fill_value, *, dtype=None):
    return _op("Fill", input.dtype if dtype is None else dtype, input.shape, fill_value)


def eye(n, m=None, dtype=None):
    """An ``n x m`` identity matrix (Float32 unless ``dtype``)."""
    return _op("Eye", n, n if m is None else m, mstype.float32 if dtype is None else dtype)


def range(start, end, step, maxlen=1000000):
    """``start, start + step, ...`` below ``end``: Int64 for integers, the float type for floats."""
    return _op("Range", start, end, step, maxlen=maxlen)


_ARANGE_LEVEL = {mstype.int32: 0, int: 1, mstype.int64: 1, float: 2, mstype.float32: 2, mstype.float64: 3}


def arange(start=0, end=None, step=1, *, dtype=None):
    """Like ``numpy.arange``: Int64 for Python ints, Float32 for Python floats (the widest of the three
    arguments' types wins), cast to ``dtype`` if given."""
    if end is None:
        start, end = 0, start
    levels = []
    for v in (start, end, step):
        key = v.dtype if isinstance(v, Tensor) else type(v)
        if key not in _ARANGE_LEVEL:
            raise TypeError("For arange, the input type must be int or float or a TensorScalar in [Int32, Float32, "
                            f"Int64, Float64], but got {key}")
        levels.append(_ARANGE_LEVEL[key])
    top = (mstype.int32, mstype.int64, mstype.float32, mstype.float64)[builtins.max(levels)]
    start, end, step = (np.asarray(v, top.np_dtype) if not isinstance(v, Tensor) else v.astype(top)
                        for v in (start, end, step))
    out = _op("Range", start, end, step)
    return out if dtype is None else out.astype(dtype)


# ---- graph utilities ------------------------------------------------------------------------------------------
def size(input_x):
    """The number of elements (a Python int)."""
    return input_x.size


numel = size


def rank(input_x):
    """The number of axes (a Python int)."""
    return input_x.ndim


def stop_gradient(value):
    """``value``, with no gradient flowing back through it."""
    return _op("StopGradient", value)


def depend(value, expr):
    """``value``; MindSpore uses ``expr`` only to order side effects (mindshim runs them in program order)."""
    return _op("Depend", value, expr)


__all__ = ["expand_dims", "unsqueeze", "squeeze", "flatten", "tile", "broadcast_to", "reverse", "flip", "swapaxes",
           "permute", "concat", "cat", "stack", "unstack", "unbind", "split", "chunk", "gather",
           "gather_elements", "gather_d", "gather_nd", "scatter_nd", "slice", "strided_slice", "where", "select",
           "masked_fill", "zeros", "ones", "zeros_like", "ones_like", "fill", "full", "full_like", "eye", "range",
           "arange", "size", "numel", "rank", "stop_gradient", "depend"]


def index_add(x, indices, y, axis, use_lock=True, check_index_bound=True):
    """``x`` with the slices of ``y`` added at ``indices`` along ``axis`` (a new Tensor)."""
    return _op("index_add", x, indices, y, axis)


def meshgrid(*inputs, indexing="xy"):
    """Coordinate grids of 1-D Tensors (``'xy'``: Cartesian, ``'ij'``: matrix indexing)."""
    return _op("meshgrid", *inputs, indexing=indexing)


def block_diag(*inputs):
    """A block-diagonal matrix of the inputs (0-D and 1-D ones as rows)."""
    return _op("block_diag", *inputs)


def cartesian_prod(*inputs):
    """The Cartesian product of 1-D Tensors, one combination per row."""
    return _op("cartesian_prod", *inputs)


def searchsorted(sorted_sequence, values, *, out_int32=False, right=False, side=None, sorter=None):
    """Indices where ``values`` would be inserted into the innermost axis of ``sorted_sequence``."""
    if sorter is not None:
        sorted_sequence = _op("GatherD", sorted_sequence, -1, sorter)
    return _op("searchsorted", sorted_sequence, values, out_int32=out_int32, right=right, side=side)


def bucketize(input, boundaries, *, right=False):
    """The bucket (Int32) of each element among the sorted ``boundaries``."""
    return _op("bucketize", input, boundaries=tuple(boundaries), right=right)


def logspace(start, end, steps, base=10, *, dtype=mstype.float32):
    """``steps`` values from ``base**start`` to ``base**end``, evenly spaced in log scale."""
    return _op("logspace", start, end, steps, base=base, dtype=dtype)


def swapdims(input, dim0, dim1):
    """``input`` with axes ``dim0`` and ``dim1`` swapped."""
    return swapaxes(input, dim0, dim1)


def view_as(input, other):
    """``input`` reshaped to ``other``'s shape."""
    return _op("Reshape", input, other.shape)


_VIEWS = _views.functionals("array", "scatter", "search")  # hstack, narrow, tensor_split, unique, ...: plain rows
globals().update(_VIEWS)
__all__ += sorted(_VIEWS) + ["index_add", "meshgrid", "block_diag", "cartesian_prod", "searchsorted", "bucketize",
                             "logspace", "swapdims", "view_as"]


def _scatter_view(row, nd):
    if nd:
        def scatter(input_x, indices, updates, use_locking=False):
            return _op(row, input_x, indices, updates, use_locking=use_locking)
    else:
        def scatter(input_x, indices, updates):
            return _op(row, input_x, indices, updates)
    scatter.__doc__ = (f"MindSpore's ``{row}``: ``updates`` combined into the Parameter ``input_x`` at ``indices``, "
                       "in place; returns it.")
    return scatter


_SCATTERS = {f"scatter_{'nd_' if nd else ''}{kind.lower()}": (f"Scatter{'Nd' if nd else ''}{kind}", nd)
             for kind in ("Add", "Sub", "Mul", "Div", "Max", "Min", "Update") for nd in (False, True)}
globals().update({_name: _scatter_view(*_spec) for _name, _spec in _SCATTERS.items()})
__all__ += list(_SCATTERS)


def tril_indices(row, col, offset=0, *, dtype=mstype.int64):
    """The ``(2, N)`` coordinates of the lower triangle (diagonal ``offset`` included) of a ``row x col`` matrix."""
    return _op("tril_indices", row, col, offset, dtype=dtype)


def triu_indices(row, col, offset=0, *, dtype=mstype.int64):
    """The ``(2, N)`` coordinates of the upper triangle (diagonal ``offset`` included) of a ``row x col`` matrix."""
    return _op("triu_indices", row, col, offset, dtype=dtype)


def tuple_to_array(input_x):
    """A tuple of numbers as a 1-D Tensor (Int64 for ints, Float32 for floats)."""
    return Tensor(input_x)


def scalar_to_tensor(input_x, dtype=mstype.float32):
    """A Python number as a 0-D Tensor of ``dtype``."""
    return Tensor(input_x, dtype)


def scalar_cast(input_x, input_y):
    """A Python number cast to the Python type of MindSpore dtype ``input_y``."""
    return mstype.dtype_to_pytype(input_y)(input_x)


def inplace_index_add(var, indices, updates, axis):
    """Adds the slices ``updates`` into the Parameter ``var`` at ``indices`` along ``axis``, in place."""
    var.set_data(_op("index_add", var, indices, updates, axis))
    return _wrap(var._data)


__all__ += ["tril_indices", "triu_indices", "tuple_to_array", "scalar_to_tensor", "scalar_cast", "inplace_index_add"]


def unsqueeze_view(input, dim):
    """``mint.unsqueeze``: ``input`` with a new axis of size 1 at ``dim``."""
    return unsqueeze(input, dim)


def split_view(tensor, split_size_or_sections, dim=0):
    """``mint.split``: ``split`` with PyTorch's ``dim``."""
    return split(tensor, split_size_or_sections, dim)


def chunk_view(input, chunks, dim=0):
    """``mint.chunk``: ``chunk`` with PyTorch's ``dim``."""
    return chunk(input, chunks, dim)


def gather_ext(input, dim, index):
    """``mint.gather``: ``out[i][j] = input[index[i][j]][j]`` for ``dim=0`` (GatherD)."""
    return _op("GatherD", input, dim, index)


__all__ += ["unsqueeze_view", "split_view", "chunk_view", "gather_ext"]
