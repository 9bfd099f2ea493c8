"""Op-table rows: MindSpore's sparse primitives (see ``mindshim._registry``), over the parts of a COO tensor
(``indices`` of shape ``(N, ndim)``, ``values``, ``shape``) or a CSR tensor (``indptr``, ``indices``, ``values``,
``shape``); ``mindshim.common.sparse_tensor`` and ``ops.function.sparse_func`` build COOTensor and CSRTensor on
them.

Rows whose output length depends on the values (SparseAdd, SparseConcat, Coalesce, SparseSlice, SparseMatrixAdd,
SparseSegmentMean) compute it on the host: they run in eager (PyNative) calls only. The CSR rows that
MindSpore keeps out of ``mindspore.ops`` (``COO2CSR``, ``CSRMV``, ...) are rows without a Primitive class.
"""
import jax
import jax.numpy as jnp
import numpy as np

from .._registry import register
from ..common import dtype as mstype
from ..common._checks import check
from ._checks import kernel_error, tensor_arrays

_INT64 = (np.int64,)
_INTS = (np.int32, np.int64)
_FLOATS = (np.float16, np.float32, np.float64)


def _host(op, *arrays):
    """The arrays as numpy arrays, for a row whose output length depends on their values."""
    if any(isinstance(a, jax.core.Tracer) for a in arrays):
        raise NotImplementedError(f"mindspore.ops.{op} inside a compiled or differentiated call is not supported by "
                                  "mindshim: the length of its output depends on the input values.")
    return [np.asarray(a) for a in arrays]


def _need_types(op, name, x, allowed):
    """MindSpore's TypeError for an input whose dtype is not one of ``allowed`` (numpy types)."""
    if x.dtype not in allowed:
        names = ", ".join(f"Tensor[{mstype.to_mstype(t)}]" for t in allowed)
        raise TypeError(f"For primitive[{op}], the input argument[{name}] must be a type of {{{names}}}, but got "
                        f"Tensor[{mstype.to_mstype(x.dtype)}].")


def _same_types(op, a, b):
    if a.dtype != b.dtype:
        raise TypeError(f"For primitive[{op}], the input type must be same.")


def _shape(value):
    """A dense shape given as a tuple or a Tensor, as a tuple of ints."""
    return tuple(int(d) for d in np.asarray(value).reshape(-1))


def _at(indices):
    """A (N, ndim) index array as the index tuple of ``.at[]``."""
    return tuple(indices[:, i] for i in range(indices.shape[1]))


def _check_sparse_to_dense(indices, values, sparse_shape):
    _need_types("SparseToDense", "indices", indices, _INTS)
    shape = _shape(sparse_shape)

    def rule(xp, v):
        bounds = xp.broadcast_to(xp.asarray(shape[:v.shape[1]], v.dtype), v.shape)
        rows = xp.broadcast_to(xp.arange(v.shape[0])[:, None], v.shape)
        dims = xp.broadcast_to(xp.arange(v.shape[1])[None, :], v.shape)
        return (v < 0) | (v >= bounds), lambda k, d, got, n: ValueError(
            f"For 'SparseToDense', the {k}th value in {d}th dimension index: {got} of 'output' out of bounds: "
            f"[0, {n})"), (rows, dims, v, bounds)
    check(indices, rule)


def _levenshtein(a, b):
    row = np.arange(len(b) + 1)
    for i, x in enumerate(a, 1):
        prev, row[0] = row.copy(), i
        for j, y in enumerate(b, 1):
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (x != y))
    return row[-1]


def _sequences(indices, values):
    """``{index prefix: values in order}`` of a sparse tensor whose last axis runs along the sequences."""
    out = {}
    for idx, v in zip(map(tuple, np.asarray(indices)[:, :-1].tolist()), np.asarray(values).tolist()):
        out.setdefault(idx, []).append(v)
    return out


@register("EditDistance", attrs=(("normalize", True),))
def _edit_distance(hypothesis_indices, hypothesis_values, hypothesis_shape, truth_indices, truth_values, truth_shape,
                   normalize=True):
    """The Levenshtein distance of each pair of sequences of two sparse tensors (the last axis the sequence), as
    Float32 over the larger of their leading shapes; with ``normalize``, over the truth's length (``inf`` where
    only the hypothesis has one). Computed on the host."""
    hyp, truth = _sequences(hypothesis_indices, hypothesis_values), _sequences(truth_indices, truth_values)
    shape = np.maximum(np.asarray(hypothesis_shape)[:-1], np.asarray(truth_shape)[:-1])
    out = np.zeros(tuple(shape.tolist()), np.float32)
    with np.errstate(divide="ignore", invalid="ignore"):
        for idx in set(hyp) | set(truth):
            a, b = hyp.get(idx, []), truth.get(idx, [])
            out[idx] = _levenshtein(a, b) / np.float32(len(b)) if normalize else _levenshtein(a, b)
    return jnp.asarray(out)


@register("SparseToDense", check=_check_sparse_to_dense)
def _sparse_to_dense(indices, values, sparse_shape):
    """The dense tensor of ``sparse_shape`` holding ``values`` at ``indices`` (a repeated index keeps the last
    value) and zeros elsewhere."""
    return jnp.zeros(_shape(sparse_shape), values.dtype).at[_at(indices)].set(values)


@register("SparseTensorDenseAdd", check=lambda i, v, s, x2: _same_types("SparseTensorDenseAdd", v, x2))
def _sparse_tensor_dense_add(x1_indices, x1_values, x1_shape, x2):
    """``x2`` plus the COO tensor ``(x1_indices, x1_values, x1_shape)``."""
    return x2.at[_at(x1_indices)].add(x1_values)


@register("SparseTensorDenseMatmul", attrs=(("adjoint_st", False), ("adjoint_dt", False)),
          check=lambda i, values, s, dense, **attrs: _same_types("SparseTensorDenseMatmul", values, dense))
def _sparse_tensor_dense_matmul(indices, values, sparse_shape, dense, adjoint_st=False, adjoint_dt=False):
    """The 2-D COO tensor ``(indices, values, sparse_shape)`` times ``dense`` (either side transposed and
    conjugated when its ``adjoint_*`` is set)."""
    rows, cols = indices[:, 0], indices[:, 1]
    n_out = _shape(sparse_shape)[0]
    if adjoint_st:
        rows, cols, n_out = cols, rows, _shape(sparse_shape)[1]
        values = jnp.conj(values)
    if adjoint_dt:
        dense = jnp.conj(dense.T)
    out = jnp.zeros((n_out, dense.shape[1]), jnp.result_type(values, dense))
    return out.at[rows].add(values[:, None] * dense[cols])


def _sorted_unique(indices, values, shape):
    """COO entries ordered by their row-major position, repeated positions summed."""
    flat = np.ravel_multi_index(tuple(indices.T), shape) if len(indices) else np.zeros(0, np.int64)
    keys, inverse = np.unique(flat, return_inverse=True)
    summed = np.zeros((len(keys),) + values.shape[1:], values.dtype)
    np.add.at(summed, inverse.reshape(-1), values)
    out = np.stack(np.unravel_index(keys, shape), 1).astype(indices.dtype) if len(keys) else indices[:0]
    return out, summed


def _check_coalesce(x_indices, x_values, x_shape):
    _need_types("Coalesce", "x_indices", x_indices, _INT64)
    _need_types("Coalesce", "x_values", x_values, _FLOATS)


@register("Coalesce", check=_check_coalesce, functional=("coalesce",), inputs=("x_indices", "x_values", "x_shape"))
def _coalesce(x_indices, x_values, x_shape):
    """The COO tensor ``(x_indices, x_values, x_shape)`` (indices of shape ``(ndim, N)``) with its entries in
    order and repeated indices summed: ``(indices, values, shape)``."""
    indices, values, shape = _host("Coalesce", x_indices, x_values, x_shape)
    out, summed = _sorted_unique(indices.T, values, _shape(shape))
    return jnp.asarray(out.T), jnp.asarray(summed), jnp.asarray(shape)


@register("SparseAdd", check=lambda x1_indices, *rest: _need_types("SparseAdd", "x1_indices", x1_indices, _INT64),
          primitive=False)
def _sparse_add(x1_indices, x1_values, x1_shape, x2_indices, x2_values, x2_shape, thresh):
    """The sum of two COO tensors whose entries are in row-major order: their entries merged in that order,
    those at the same index summed and kept where ``|sum| >= thresh`` (entries of one input are kept as
    they are): ``(indices, values, shape)``."""
    a_idx, a_val, b_idx, b_val, shape, thresh = _host("SparseAdd", x1_indices, x1_values, x2_indices, x2_values,
                                                      x1_shape, thresh)
    out_idx, out_val, i, j = [], [], 0, 0
    while i < len(a_idx) and j < len(b_idx):
        a, b = tuple(a_idx[i]), tuple(b_idx[j])
        if a < b:
            out_idx.append(a_idx[i])
            out_val.append(a_val[i])
            i += 1
        elif b < a:
            out_idx.append(b_idx[j])
            out_val.append(b_val[j])
            j += 1
        else:
            total = a_val[i] + b_val[j]
            if abs(total) >= thresh:
                out_idx.append(a_idx[i])
                out_val.append(total)
            i, j = i + 1, j + 1
    out_idx += list(a_idx[i:]) + list(b_idx[j:])
    out_val += list(a_val[i:]) + list(b_val[j:])
    indices = np.array(out_idx, a_idx.dtype).reshape(-1, a_idx.shape[1])
    return jnp.asarray(indices), jnp.asarray(np.array(out_val, a_val.dtype)), jnp.asarray(shape)


def _check_sparse_concat(indices, values, shapes, concat_dim=0):
    for i, x in enumerate(tensor_arrays(indices)):
        _need_types("SparseConcat", f"indices{i}", x, _INT64)


@register("SparseConcat", attrs=(("concat_dim", 0),), check=_check_sparse_concat, primitive=False)
def _sparse_concat(indices, values, shapes, concat_dim=0):
    """COO tensors (lists of their indices, values and shapes) joined along ``concat_dim``, entries in
    row-major order: ``(indices, values, shape)``."""
    indices, values, shapes = tensor_arrays(indices), tensor_arrays(values), tensor_arrays(shapes)
    indices = _host("SparseConcat", *indices)
    values = _host("SparseConcat", *values)
    shapes = [_shape(s) for s in _host("SparseConcat", *shapes)]
    offset, moved = 0, []
    for idx, shape in zip(indices, shapes):
        idx = idx.copy()
        idx[:, concat_dim] += offset
        offset += shape[concat_dim]
        moved.append(idx)
    out_shape = list(shapes[0])
    out_shape[concat_dim] = offset
    idx, val = np.concatenate(moved), np.concatenate(values)
    order = np.lexsort(idx.T[::-1])
    return jnp.asarray(idx[order]), jnp.asarray(val[order]), jnp.asarray(np.array(out_shape, np.int64))


def _check_sparse_slice(indices, values, shape, start, size):
    if any(x.dtype != np.int64 for x in (indices, shape, start, size)):
        raise kernel_error("SparseSlice", banner=True)


@register("SparseSlice", check=_check_sparse_slice)
def _sparse_slice(indices, values, shape, start, size):
    """The entries of a COO tensor inside the box ``start`` .. ``start + size`` (clipped to ``shape``), indexed
    from ``start``: ``(indices, values, shape)``."""
    indices, values, shape, start, size = _host("SparseSlice", indices, values, shape, start, size)
    end = np.minimum(start + size, shape)
    keep = np.all((indices >= start) & (indices < end), axis=1)
    return (jnp.asarray(indices[keep] - start.astype(indices.dtype)), jnp.asarray(values[keep]),
            jnp.asarray((end - start).astype(shape.dtype)))


# ---- CSR ---------------------------------------------------------------------------------------------------
def _csr_rows(indptr, nnz):
    """The row of each of the ``nnz`` stored elements of a CSR tensor."""
    return (jnp.searchsorted(indptr, jnp.arange(nnz, dtype=indptr.dtype), side="right") - 1).astype(indptr.dtype)


@register("CSR2COO", primitive=False)
def _csr2coo(indptr, nnz):
    """The row index of each stored element of a CSR tensor with row pointers ``indptr``."""
    return _csr_rows(indptr, int(nnz))


def _check_coo2csr(row_indices, height):
    if row_indices.dtype != np.int32:
        raise TypeError(f"The dtype of row_indices only support Int32 for now, but got "
                        f"{mstype.to_mstype(row_indices.dtype)}.")


@register("COO2CSR", check=_check_coo2csr, primitive=False)
def _coo2csr(row_indices, height):
    """The row pointers (length ``height + 1``) of sorted row indices."""
    return jnp.searchsorted(row_indices, jnp.arange(int(height) + 1, dtype=row_indices.dtype),
                            side="left").astype(row_indices.dtype)


def _csr_dense_at(indptr, indices, values, dense_shape, dense):
    """``dense`` broadcast to the CSR tensor's shape, read at its stored positions."""
    rows = _csr_rows(indptr, values.shape[0])
    return jnp.broadcast_to(dense, _shape(dense_shape))[rows, indices]


@register("CSRMul", primitive=False)
def _csr_mul(indptr, indices, values, dense_shape, dense):
    """The stored values of a CSR tensor times ``dense`` (broadcast to its shape) at their positions."""
    return values * _csr_dense_at(indptr, indices, values, dense_shape, dense)


@register("CSRDiv", primitive=False)
def _csr_div(indptr, indices, values, dense_shape, dense):
    """The stored values of a CSR tensor divided by ``dense`` (broadcast to its shape) at their positions."""
    return values / _csr_dense_at(indptr, indices, values, dense_shape, dense)


@register("CSRMM", primitive=False)
def _csr_mm(indptr, indices, values, dense_shape, dense):
    """The 2-D CSR tensor times the dense matrix ``dense``."""
    rows = _csr_rows(indptr, values.shape[0])
    return jax.ops.segment_sum(values[:, None] * dense[indices], rows, _shape(dense_shape)[0])


@register("CSRMV", primitive=False)
def _csr_mv(indptr, indices, values, dense_shape, dense):
    """The 2-D CSR tensor times the column vector ``dense`` (shape ``(N, 1)``)."""
    return _csr_mm(indptr, indices, values, dense_shape, dense)


def _check_csr_reduce_sum(indptr, indices, values, dense_shape, axis):
    if axis not in (1, 1 - len(_shape(dense_shape))):
        raise ValueError(f"For CSRReduceSum, `axis` should be 1 or 1-dim. But got `axis`: {axis}and `1- dim`: "
                         f"{1 - len(_shape(dense_shape))}.")


@register("CSRReduceSum", check=_check_csr_reduce_sum, primitive=False)
def _csr_reduce_sum(indptr, indices, values, dense_shape, axis):
    """The sum of each row of a CSR tensor, shape ``(rows, 1, ...)``."""
    rows = _csr_rows(indptr, values.shape[0])
    return jnp.expand_dims(jax.ops.segment_sum(values, rows, _shape(dense_shape)[0]), 1)


@register("SparseMatrixSoftmax", attrs=(("dtype", mstype.float32),), primitive=False)
def _sparse_matrix_softmax(x_dense_shape, x_batch_pointers, x_row_pointers, x_col_indices, x_values,
                           dtype=mstype.float32):
    """The softmax of each row of a CSR matrix over its stored values (the others count as absent):
    ``(dense_shape, batch_pointers, row_pointers, col_indices, values)``."""
    if np.shape(x_dense_shape)[0] != 2:
        raise NotImplementedError("mindspore.ops.csr_softmax of a batch of CSR matrices is not supported by "
                                  "mindshim.")
    rows, n = _csr_rows(x_row_pointers, x_values.shape[0]), x_row_pointers.shape[0] - 1
    top = jax.ops.segment_max(x_values, rows, n)[rows]
    e = jnp.exp(x_values - top)
    values = (e / jax.ops.segment_sum(e, rows, n)[rows]).astype(x_values.dtype)
    return x_dense_shape, x_batch_pointers, x_row_pointers, x_col_indices, values


@register("SparseMatrixAdd", primitive=False)
def _sparse_matrix_add(a_shape, a_batch_pointers, a_indptr, a_indices, a_values, b_shape, b_batch_pointers,
                       b_indptr, b_indices, b_values, alpha, beta):
    """``alpha * a + beta * b`` of two CSR matrices: in each row the union of their columns, in column order
    (values that sum to zero are kept): ``(dense_shape, batch_pointers, row_pointers, col_indices, values)``."""
    shape, a_indptr, a_indices, a_values, b_indptr, b_indices, b_values, alpha, beta = _host(
        "SparseMatrixAdd", a_shape, a_indptr, a_indices, a_values, b_indptr, b_indices, b_values, alpha, beta)
    shape = _shape(shape)
    rows = np.concatenate([np.repeat(np.arange(len(a_indptr) - 1), np.diff(a_indptr)),
                           np.repeat(np.arange(len(b_indptr) - 1), np.diff(b_indptr))])
    cols = np.concatenate([a_indices, b_indices])
    values = np.concatenate([alpha * a_values, beta * b_values]).astype(a_values.dtype)
    idx, summed = _sorted_unique(np.stack([rows, cols], 1), values, shape[:2])
    indptr = np.searchsorted(idx[:, 0], np.arange(shape[0] + 1)).astype(a_indptr.dtype)
    batch = np.array([0, len(summed)], a_indptr.dtype)
    return (a_shape, jnp.asarray(batch), jnp.asarray(indptr), jnp.asarray(idx[:, 1].astype(a_indices.dtype)),
            jnp.asarray(summed))


def _check_sparse_segment_mean(x, indices, segment_ids):
    _need_types("SparseSegmentMean", "x", x, _FLOATS)
    _same_types("SparseSegmentMean", indices, segment_ids)
    if indices.shape[0] != segment_ids.shape[0]:
        raise ValueError("For 'SparseSegmentMean', the size of 'indices' and 'segment_ids' must be the same, but got "
                         f"{indices.shape[0]} vs {segment_ids.shape[0]}.")
    indices, segment_ids = _host("SparseSegmentMean", indices, segment_ids)
    bad = (indices < 0) | (indices >= x.shape[0])
    if bad.any():
        k = int(np.argmax(bad))
        raise ValueError(f"For 'SparseSegmentMean', the {k}-th 'indices'[{indices[k]}] is out of range[0, "
                         f"{x.shape[0]}).")
    if (segment_ids < 0).any():
        raise ValueError("For 'SparseSegmentMean', the input 'segment_ids' must be non-negative.")
    if (np.diff(segment_ids) < 0).any():
        raise ValueError("For 'SparseSegmentMean', the input 'segment_ids' must be sorted.")


@register("SparseSegmentMean", check=_check_sparse_segment_mean, functional=("sparse_segment_mean",),
          inputs=("x", "indices", "segment_ids"))
def _sparse_segment_mean(x, indices, segment_ids):
    """The mean of the rows ``x[indices]`` of each segment (``segment_ids``, sorted); segments up to the last id
    that no row falls into are zeros. (MindSpore raises RuntimeError where mindshim's check raises ValueError.)"""
    n = int(np.asarray(segment_ids)[-1]) + 1 if segment_ids.shape[0] else 0
    total = jax.ops.segment_sum(x[indices], segment_ids, n)
    count = jax.ops.segment_sum(jnp.ones(indices.shape[0], x.dtype), segment_ids, n)
    return total / jnp.maximum(count, 1).reshape((-1,) + (1,) * (x.ndim - 1))
