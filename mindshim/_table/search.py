"""Op-table rows: MindSpore's searching, counting and order primitives (see ``mindshim._registry``): Bucketize,
SearchSorted, LowerBound/UpperBound, Unique, UniqueConsecutive, NonZero, InvertPermutation, UnravelIndex,
NthElement, InTopK, Cummin, CumulativeLogsumexp, EqualCount, Bincount.

The ops whose output shape depends on the values (Unique, UniqueConsecutive, NonZero, Bincount) read them back to
the host, as MindSpore's dynamic-shape kernels do; inside a compiled call they need concrete values.
"""
import functools

import jax
import jax.numpy as jnp
import numpy as np

from .._registry import REQUIRED, register
from ..common import dtype as mstype


def _np(dtype):
    return mstype.to_mstype(dtype).np_dtype


@register("Bucketize", attrs=(("boundaries", REQUIRED),))
def _bucketize(x, boundaries):
    """The index of the bucket of each value: the number of ``boundaries`` ``<=`` it (Int32)."""
    return jnp.searchsorted(jnp.asarray(boundaries, jnp.float32), x.astype(jnp.float32), side="right").astype(
        jnp.int32)


def _sorted_search(sorted_x, values, side):
    """Per row: ``searchsorted`` of the last axis of ``values`` in the last axis of ``sorted_x``."""
    fn = functools.partial(jnp.searchsorted, side=side)
    for _ in range(sorted_x.ndim - 1):
        fn = jax.vmap(fn)
    return fn(sorted_x, values)


@register("SearchSorted", attrs=(("dtype", mstype.int64), ("right", False)))
def _search_sorted(sorted_sequence, values, sorter=None, dtype=mstype.int64, right=False):
    """The insertion index of each value into its row of ``sorted_sequence``."""
    if sorter is not None:
        sorted_sequence = jnp.take_along_axis(sorted_sequence, sorter, -1)
    return _sorted_search(sorted_sequence, values, "right" if right else "left").astype(_np(dtype))


register("LowerBound", attrs=(("out_type", mstype.int32),))(
    lambda sorted_x, values, out_type=mstype.int32: _sorted_search(sorted_x, values, "left").astype(_np(out_type)))
register("UpperBound", attrs=(("out_type", mstype.int32),))(
    lambda sorted_x, values, out_type=mstype.int32: _sorted_search(sorted_x, values, "right").astype(_np(out_type)))


@register("Unique")
def _unique(x):
    """``(y, idx)``: the distinct values of ``x`` in order of first appearance, and the index in ``y`` of each
    element."""
    flat = np.asarray(x).reshape(-1)
    _, first, inverse = np.unique(flat, return_index=True, return_inverse=True)
    order = np.argsort(first, kind="stable")
    rank = np.empty_like(order)
    rank[order] = np.arange(order.size)
    return jnp.asarray(flat[np.sort(first)]), jnp.asarray(rank[inverse.reshape(-1)].astype(np.int32))


@register("UniqueConsecutive", attrs=(("return_inverse", False), ("return_counts", False), ("dim", None)))
def _unique_consecutive(x, return_inverse=False, return_counts=False, dim=None):
    """``(output, idx, counts)``: ``x`` with consecutive repeats (of elements, or of slices along ``dim``)
    collapsed, the index of each element's group, and the group sizes."""
    a = np.asarray(x)
    if dim is None:
        a = a.reshape(-1)
        axis = 0
    else:
        axis = dim % a.ndim
    moved = np.moveaxis(a, axis, 0).reshape(a.shape[axis], -1)
    new = np.ones(moved.shape[0], bool)
    new[1:] = np.any(moved[1:] != moved[:-1], axis=1)
    idx = np.cumsum(new) - 1
    out = np.compress(new, a, axis=axis)
    counts = np.diff(np.append(np.flatnonzero(new), moved.shape[0]))
    return jnp.asarray(out), jnp.asarray(idx.astype(np.int64)), jnp.asarray(counts.astype(np.int64))


register("NonZero")(lambda x: jnp.asarray(np.argwhere(np.asarray(x)).astype(np.int64)))


@register("InvertPermutation")
def _invert_permutation(x):
    """The inverse of the permutation ``x`` (a tuple or list of ints, as a tuple)."""
    out = [0] * len(x)
    for i, v in enumerate(x):
        out[v] = i
    return tuple(out)


register("UnravelIndex")(lambda indices, dims: jnp.stack(jnp.unravel_index(indices, tuple(np.asarray(dims).tolist()))))


@register("NthElement", attrs=(("reverse", False),))
def _nth_element(x, n, reverse=False):
    """The ``n``-th smallest (``reverse``: largest) value along the last axis."""
    s = jnp.sort(x, axis=-1)
    return jnp.take(s[..., ::-1] if reverse else s, int(n), axis=-1)


@register("InTopK", attrs=(("k", REQUIRED),))
def _in_top_k(x1, x2, k):
    """Whether the prediction of each row's target class ``x2`` is among the ``k`` largest of ``x1``'s row."""
    target = jnp.take_along_axis(x1, x2[:, None].astype(jnp.int32), 1)
    return jnp.sum(x1 > target, axis=1) < k


@register("CumulativeLogsumexp", attrs=(("exclusive", False), ("reverse", False)))
def _cumulative_logsumexp(x, axis, exclusive=False, reverse=False):
    """``log(cumsum(exp(x)))`` along ``axis``; ``exclusive`` shifts by one (starting from the dtype's lowest),
    ``reverse`` runs from the end."""
    axis = int(axis) % x.ndim
    if reverse:
        x = jnp.flip(x, axis)
    out = jax.lax.cumlogsumexp(x, axis=axis)
    if exclusive:
        low = jnp.full_like(jax.lax.slice_in_dim(x, 0, 1, axis=axis), jnp.finfo(x.dtype).min)
        out = jnp.concatenate([low, jax.lax.slice_in_dim(out, 0, x.shape[axis] - 1, axis=axis)], axis)
    return jnp.flip(out, axis) if reverse else out


register("EqualCount")(lambda x, y: jnp.sum(x == y, dtype=x.dtype).reshape(1))


@register("Bincount")
def _bincount(array, size, weights):
    """The sum of ``weights`` for each value ``0 .. size - 1`` of ``array`` (other values are dropped)."""
    n = int(size)
    return jnp.zeros((n,), weights.dtype).at[array.reshape(-1)].add(weights.reshape(-1), mode="drop")


@register("ListDiff", attrs=(("out_idx", mstype.int32),))
def _list_diff(x, y, out_idx=mstype.int32):
    """``(out, idx)``: the values of ``x`` not in ``y`` (in order) and their positions in ``x``."""
    keep = ~np.isin(np.asarray(x), np.asarray(y))
    return jnp.asarray(np.asarray(x)[keep]), jnp.asarray(np.flatnonzero(keep).astype(_np(out_idx)))


def _format_perm(src_format, dst_format):
    return [src_format.index(c) for c in dst_format]


@register("DataFormatDimMap", attrs=(("src_format", "NHWC"), ("dst_format", "NCHW")))
def _data_format_dim_map(x, src_format="NHWC", dst_format="NCHW"):
    """The axis index in ``dst_format`` of each axis index (in ``[-4, 4)``) of ``src_format``."""
    return jnp.asarray(_format_perm(src_format, dst_format), x.dtype)[x % 4]


@register("DataFormatVecPermute", attrs=(("src_format", "NHWC"), ("dst_format", "NCHW")))
def _data_format_vec_permute(x, src_format="NHWC", dst_format="NCHW"):
    """The entries (rows) of ``x``, one per axis of ``src_format``, reordered to ``dst_format``."""
    return x[jnp.asarray(_format_perm(src_format, dst_format))]


@register("NoRepeatNGram", attrs=(("ngram_size", 1),))
def _no_repeat_ngram(state_seq, log_probs, ngram_size=1):
    """``log_probs`` with the lowest float at each token that would repeat an ``ngram_size``-gram of
    ``state_seq`` (the token after an earlier occurrence of the sequence's last ``ngram_size - 1`` tokens)."""
    seq = state_seq
    n, length = ngram_size, seq.shape[-1]
    tail = seq[..., length - n + 1:]
    banned = jnp.zeros(log_probs.shape, bool)
    for start in range(length - n + 1):
        match = jnp.all(seq[..., start:start + n - 1] == tail, axis=-1)
        token = seq[..., start + n - 1]
        banned = banned | (match[..., None] & (jnp.arange(log_probs.shape[-1]) == token[..., None]))
    return jnp.where(banned, jnp.finfo(log_probs.dtype).min, log_probs)


@register("CTCGreedyDecoder", attrs=(("merge_repeated", True),))
def _ctc_greedy_decoder(inputs, sequence_length, merge_repeated=True):
    """``(indices, values, shape, log_probability)``: per batch the best class of each step up to its length
    (repeats merged if ``merge_repeated``, the last class the blank, dropped), as a sparse ``(batch, position)``
    tensor, and minus the sum of the best logits."""
    x = np.asarray(inputs)
    lengths = np.asarray(sequence_length)
    blank = x.shape[2] - 1
    best = x.argmax(2)
    decoded = []
    for b in range(x.shape[1]):
        path = best[:lengths[b], b]
        if merge_repeated:
            path = [c for t, c in enumerate(path) if t == 0 or c != path[t - 1]]
        decoded.append([int(c) for c in path if c != blank])
    indices = np.array([[b, i] for b, d in enumerate(decoded) for i in range(len(d))], np.int64).reshape(-1, 2)
    values = np.array([c for d in decoded for c in d], np.int64)
    shape = np.array([x.shape[1], max((len(d) for d in decoded), default=0)], np.int64)
    log_prob = -np.array([x[:lengths[b], b].max(1).sum() for b in range(x.shape[1])], x.dtype)[:, None]
    return jnp.asarray(indices), jnp.asarray(values), jnp.asarray(shape), jnp.asarray(log_prob)
