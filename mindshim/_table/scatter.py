"""Op-table rows: MindSpore's scatter primitives and segment reductions (see ``mindshim._registry``).

``Scatter<Op>`` (rows of the first axis) and ``ScatterNd<Op>`` (index tuples) write their result into their
first input, a Parameter, by the row's ``effect``, as do ``IndexAdd`` and ``InplaceIndexAdd``; ``TensorScatter<Op>``,
``TensorScatterElements``, ``ScatterAddWithAxis`` and ``InplaceAdd``/``InplaceSub``/``InplaceUpdateV2`` return a
new Tensor. Repeated indices accumulate (``Update``: one of the values wins). Index values are checked as
MindSpore's kernels check them where they are known (eager calls); inside a compiled call an index out of range is
dropped.
"""
import jax
import jax.numpy as jnp
import numpy as np

from .._registry import register
from ..common import dtype as mstype
from ..common._checks import check
from ._checks import dim_range

# How each ``<Op>`` combines: the method of JAX's ``x.at[index]``.
_COMBINE = {"Add": "add", "Sub": "add", "Mul": "multiply", "Div": "divide", "Max": "max", "Min": "min",
            "Update": "set"}


def _combine(x, index, op, updates):
    updates = updates.astype(x.dtype)
    if op == "Sub":
        updates = -updates
    if op == "Div" and x.dtype.kind in "iu":
        return x.at[index].set(x[index] // updates, mode="drop")
    return getattr(x.at[index], _COMBINE[op])(updates, mode="drop")


def _nd_index(indices):
    return tuple(jnp.moveaxis(indices, -1, 0))


def _range_rule(error, bounds):
    """Indices (the last axis an index tuple when ``bounds`` has several entries) within ``[0, bounds)``."""
    def rule(xp, values):
        rows = values.reshape(-1, len(bounds))
        limit = xp.broadcast_to(xp.asarray(bounds, rows.dtype), rows.shape)
        return (rows < 0) | (rows >= limit), error, (rows, limit)
    return rule


def _check_scatter(op, x, indices, updates):
    want = tuple(indices.shape) + tuple(x.shape[1:])
    if tuple(updates.shape) != want:
        raise ValueError(f"For {op}, updates_shape = indices_shape + input_x_shape[1:], but got input_x_shape: "
                         f"{tuple(x.shape)}, indices_shape: ({', '.join(map(str, indices.shape))}), updates_shape: "
                         f"{tuple(updates.shape)}.")
    check(indices.reshape(-1, 1), _range_rule(lambda v, n: RuntimeError(
        f"For '{op}', the value of indices should be in [0, {n}), but got '{v}' in indices."), (x.shape[0],)))
    if op == "ScatterDiv" and x.dtype.kind in "iu":
        check(updates, lambda xp, values: (values == 0, lambda: ValueError(
            "For 'ScatterDiv', updates must not contain 0"), ()))


def _check_nd(op, x, indices, updates, tensor):
    depth = indices.shape[-1]
    if tensor:
        error = lambda v, n: ValueError(  # noqa: E731
            f"For '{op}', indices out of range for input_x. Please check the indices which is [const vector]{{{v}}}")
    else:
        error = lambda v, n: RuntimeError(  # noqa: E731
            f"For '{op}', the value of 'indices'[{v}] is out of range[{n}].")
    check(indices, _range_rule(error, tuple(x.shape[:depth])))


def _scatter_rows(op):
    @register(f"Scatter{op}", attrs=(("use_locking", False),), effect=lambda inputs, out, **_: {0: out},
              inputs=("input_x", "indices", "updates"),
              check=lambda x, indices, updates, **_: _check_scatter(f"Scatter{op}", x, indices, updates))
    def scatter(x, indices, updates, use_locking=False):
        """``x`` with ``updates`` combined into the rows ``indices`` (written into the Parameter ``x``)."""
        return _combine(x, indices, op, updates)

    @register(f"ScatterNd{op}", attrs=(("use_locking", False),), effect=lambda inputs, out, **_: {0: out},
              inputs=("input_x", "indices", "updates"),
              check=lambda x, indices, updates, **_: _check_nd(f"ScatterNd{op}", x, indices, updates, False))
    def scatter_nd(x, indices, updates, use_locking=False):
        """``x`` with ``updates`` combined at the index tuples ``indices`` (written into the Parameter ``x``)."""
        return _combine(x, _nd_index(indices), op, updates)

    @register(f"TensorScatter{op}",
              check=lambda x, indices, updates: _check_nd(f"TensorScatter{op}", x, indices, updates, True))
    def tensor_scatter(x, indices, updates):
        """A copy of ``x`` with ``updates`` combined at the index tuples ``indices``."""
        return _combine(x, _nd_index(indices), op, updates)


for _op in _COMBINE:
    _scatter_rows(_op)


def _elements(x, indices, updates, axis, op):
    axis = axis % x.ndim
    grid = list(jnp.meshgrid(*(jnp.arange(n) for n in indices.shape), indexing="ij"))
    grid[axis] = jnp.where(indices < 0, indices + x.shape[axis], indices)
    return _combine(x, tuple(grid), op, updates)


@register("ScatterAddWithAxis", attrs=(("axis", 0),))
def _scatter_add_with_axis(x, indices, updates, axis=0):
    """``TensorScatterElements`` with ``reduction="add"``."""
    return _elements(x, indices, updates, axis, "Add")


def _axis_index(x, axis, indices):
    return (slice(None),) * (axis % x.ndim) + (indices,)


def _check_index_add(x, indices, y, axis, use_lock=True, check_index_bound=True):
    if jnp.result_type(indices) != jnp.int32:
        raise TypeError("For primitive[IndexAdd], the input argument[indices type] must be a type of {Tensor[Int32]}, "
                        f"but got Tensor[{mstype.to_mstype(jnp.result_type(indices))}].")
    dim_range(axis, max(np.ndim(x), 1))


@register("IndexAdd", attrs=(("axis", 0), ("use_lock", True), ("check_index_bound", True)), check=_check_index_add,
          effect=lambda inputs, out, **_: {0: out})
def _index_add(x, indices, y, axis=0, use_lock=True, check_index_bound=True):
    """``x`` with the slices of ``y`` added at ``indices`` along ``axis`` (written into ``x``)."""
    return _combine(x, _axis_index(x, axis, indices), "Add", y)


@register("InplaceIndexAdd", attrs=(("axis", 0),), effect=lambda inputs, out, **_: {0: out})
def _inplace_index_add(var, indices, updates, axis=0):
    """``var`` with the slices of ``updates`` added at ``indices`` along ``axis`` (written into ``var``)."""
    return _combine(var, _axis_index(var, axis, indices), "Add", updates)


def _rows(indices):
    return jnp.asarray(np.atleast_1d(np.asarray(indices))) if not hasattr(indices, "shape") else indices


@register("InplaceAdd", attrs=(("indices", 0),))
def _inplace_add(x, v, indices=0):
    """A copy of ``x`` with the rows of ``v`` added at rows ``indices`` (an int or a tuple)."""
    return _combine(x, _rows(indices), "Add", v.reshape((-1,) + x.shape[1:]))


@register("InplaceSub", attrs=(("indices", 0),))
def _inplace_sub(x, v, indices=0):
    """A copy of ``x`` with the rows of ``v`` subtracted at rows ``indices``."""
    return _combine(x, _rows(indices), "Sub", v.reshape((-1,) + x.shape[1:]))


@register("InplaceUpdateV2")
def _inplace_update_v2(x, indices, v):
    """A copy of ``x`` with rows ``indices`` (an int, a tuple or a Tensor) replaced by the rows of ``v``."""
    return _combine(x, _rows(indices), "Update", v.reshape((-1,) + x.shape[1:]))


# ---- segment reductions ---------------------------------------------------------------------------------------
def _segment(x, ids, n, op):
    """``op`` ("sum", "max", "min", "prod", "mean") of the rows of ``x`` over ``n`` segments ``ids``, and the number
    of rows in each segment."""
    if op == "mean":
        total = jax.ops.segment_sum(x, ids, n)
        count = jax.ops.segment_sum(jnp.ones(ids.shape, x.dtype), ids, n).reshape((n,) + (1,) * (x.ndim - 1))
        return total / jnp.maximum(count, jnp.ones((), x.dtype)), count
    count = jax.ops.segment_sum(jnp.ones(ids.shape, jnp.int32), ids, n).reshape((n,) + (1,) * (x.ndim - 1))
    return getattr(jax.ops, f"segment_{op}")(x, ids, n), count


def _segment_row(op):
    @register(f"Segment{op.capitalize()}")
    def segment(x, segment_ids):
        """The ``op`` of the rows of ``x`` in each segment of the sorted ``segment_ids`` (``max(ids) + 1`` segments;
        an empty segment gives 0, 1 for the product)."""
        n = int(np.max(np.asarray(segment_ids))) + 1 if segment_ids.size else 0
        out, count = _segment(x, segment_ids.astype(jnp.int32), n, op)
        return jnp.where(count > 0, out, jnp.asarray(op == "prod", out.dtype)).astype(x.dtype)


def _empty_fill(dtype, op):
    """What MindSpore's unsorted segment max/min/prod give for an empty segment: the dtype's lowest (max), highest
    (min) finite value or 1 (prod)."""
    info = jnp.finfo(dtype) if jnp.issubdtype(dtype, jnp.inexact) else jnp.iinfo(dtype)
    return {"max": info.min, "min": info.max, "prod": 1}[op]


def _unsorted_segment_row(op):
    @register(f"UnsortedSegment{op.capitalize()}")
    def unsorted_segment(x, segment_ids, num_segments):
        """The ``op`` of the rows of ``x`` (over the leading axes of ``segment_ids``) in each of ``num_segments``
        segments; ids out of range are dropped."""
        n = int(num_segments)
        rows = x.reshape((-1,) + x.shape[segment_ids.ndim:])
        out, count = _segment(rows, segment_ids.reshape(-1).astype(jnp.int32), n, op)
        return jnp.where(count > 0, out, jnp.asarray(_empty_fill(x.dtype, op), x.dtype))


for _op in ("sum", "max", "min", "prod", "mean"):
    _segment_row(_op)
for _op in ("max", "min", "prod"):
    _unsorted_segment_row(_op)


@register("IndexFill")
def _index_fill(x, dim, index, value):
    """``x`` with the slices ``index`` along ``dim`` set to ``value``."""
    return _combine(x, _axis_index(x, int(dim), index), "Update", jnp.asarray(value))


@register("IndexPut", attrs=(("accumulate", 0),))
def _index_put(x1, x2, indices, accumulate=0):
    """``x1`` with ``x2`` put (``accumulate``: added) at the index arrays ``indices``."""
    index = tuple(jnp.asarray(getattr(i, "_data", i)) for i in indices)
    return _combine(x1, index, "Add" if accumulate else "Update", x2)
