"""Golden cases for MindSpore's array ops: reshaping, joining/splitting, indexing (Gather, GatherNd,
ScatterNd, Slice, StridedSlice, Tensor ``[]`` and ``[]=``), creation, graph utilities (Print, Depend,
StopGradient), gradients, errors, and the matching Tensor methods.

Left out because MindSpore 2.10 on CPU is wrong or raises there: negative-step slicing in ``Tensor[]``
(``t[::-1]`` returns the rows unreversed), ``Concat`` of mixed dtypes (kernel init failure),
``StridedSlice`` with an ellipsis before the last spec entries covering several axes (2.10 ignores the
begin of the axes after it; mindshim follows Python's ``x[..., 1:3]``, as MindSpore's own ``[]`` does).
"""
import contextlib
import io

import numpy as np

from ._helpers import deviates, kernel_index_error
from ._helpers import grads as _grads
from ._helpers import raises as _raises
from ._helpers import t as _t

RNG = np.random.RandomState(11)
X = RNG.randn(3, 4).astype(np.float32)
X3 = RNG.randn(2, 3, 4).astype(np.float32)
Y3 = RNG.randn(2, 3, 4).astype(np.float32)
I32 = RNG.randint(-5, 6, (3, 4)).astype(np.int32)
ARANGE = np.arange(12).reshape(3, 4).astype(np.float32)
CUBE = np.arange(24).reshape(2, 3, 4)
IDX = np.array([2, 0, 1, 1], np.int32)
MASK = ARANGE > 5








# ---- reshaping ----------------------------------------------------------------------------------------------
def case_expand_squeeze(ms):
    P = ms.ops
    x, c = _t(ms, X, np.ones((1, 3, 1, 2), np.float32))
    return [P.expand_dims(x, 0), P.expand_dims(x, -1), P.ExpandDims()(x, 1), P.unsqueeze(x, 2), P.squeeze(c),
            P.squeeze(c, 0), P.squeeze(c, (0, 2)), P.squeeze(c, 1), P.Squeeze()(c), P.Squeeze(2)(c),
            P.Squeeze((0, -2))(c), x.expand_dims(-2), x.unsqueeze(0), c.squeeze(), c.squeeze(2), c.squeeze((0, 2))]


def case_flatten(ms):
    P = ms.ops
    c, v = _t(ms, X3, X[0])
    return [P.flatten(c), P.flatten(c, start_dim=0, end_dim=1), P.flatten(c, start_dim=-2), P.flatten(v),
            P.flatten(c, "F"), P.flatten(c, start_dim=1, end_dim=1), P.Flatten()(c), P.Flatten()(v), c.flatten(),
            c.flatten(1), c.flatten(0, 1), c.flatten(start_dim=1), c.ravel(), P.flatten(ms.Tensor(np.float32(2.0)))]


def case_transpose_permute(ms):
    c = ms.Tensor(X3)
    P = ms.ops
    return [c.transpose(), c.transpose(0, 2), c.transpose(2, 0, 1), c.transpose((1, 0, 2)),
            ms.Tensor(X).transpose(0, 1),
            c.swapaxes(0, 1), c.permute(2, 1, 0), c.permute((1, 2, 0)), P.swapaxes(c, -1, 0), P.permute(c, (0, 2, 1)),
            ms.Tensor(X).t(), c.view(4, 6), c.view((6, 4)), c.view_as(ms.Tensor(np.zeros((4, 3, 2)))),
            c.view(ms.int32), ms.Tensor(CUBE).view(ms.int32), ms.Tensor(X).view(ms.float16)]


def case_tile_broadcast(ms):
    P = ms.ops
    x, v = _t(ms, X, X[0])
    return [P.tile(x, (2, 1)), P.tile(x, (2,)), P.tile(x, (2, 1, 3)), P.Tile()(v, (3,)), P.broadcast_to(v, (2, 4)),
            P.broadcast_to(v, (2, -1)), P.BroadcastTo((2, 3, 4))(x), P.broadcast_to(ms.Tensor(X[:, :1]), (3, 5)),
            x.tile((1, 2)), v.broadcast_to((3, 4)), v.broadcast_to(2, 4), v.expand_as(x),
            _grads(ms, (lambda a: P.tile(a, (2, 3)), X), (lambda a: P.broadcast_to(a, (2, 3, 4)), X))]


def case_reverse_flip(ms):
    P = ms.ops
    c = ms.Tensor(X3)
    return [P.flip(c, (0, 2)), P.flip(c, [-1]), P.reverse(c, [1]), P.ReverseV2((0,))(c), c.flip((1,)),
            _grads(ms, (lambda a: P.flip(a, (0, 1)), X3))]


# ---- joining and splitting ----------------------------------------------------------------------------------
def case_concat_stack(ms):
    P = ms.ops
    a, b, x = _t(ms, X3, Y3, X)
    i = ms.Tensor(I32)
    return [P.concat([a, b]), P.concat((a, b), 1), P.concat([a, b], -1), P.cat([x, x, x], 1), P.Concat()([a, b]),
            P.Concat(axis=2)((a, b)), P.concat([i, i]), P.stack([a, b]), P.stack((x, x), -1), P.stack([i, i], 1),
            P.Stack(1)([a, b]), P.unstack(x), P.unstack(a, 2), P.Unstack(1)(a), P.unbind(x, 1),
            _grads(ms, (lambda p, q: P.concat([p, q, p], 1), X3, Y3), (lambda p, q: P.stack([p, q], 2), X3, Y3),
                   (lambda p: P.unstack(p, 1)[1], X3))]


def case_split_chunk(ms):
    P = ms.ops
    x, c = _t(ms, ARANGE, X3)
    return [P.split(x, 2, 1), P.split(x, 3, 1), P.split(x, [1, 3], 1), P.split(x, 1), P.split(c, (1, 1, 2), -1),
            P.split(x, 5, 1), P.Split(1, 2)(x), P.Split()(x), P.Split(-1, 4)(c), P.chunk(x, 3, 1), x.split(2, 1),
            x.split([2, 2], axis=1), x.chunk(2, 1),
            _grads(ms, (lambda a: P.split(a, [1, 3], 1)[1], X), (lambda a: P.Split(1, 2)(a)[0], X))]


# ---- indexing ops ---------------------------------------------------------------------------------------------
def case_gather(ms):
    P = ms.ops
    x, c, idx = _t(ms, ARANGE, X3, IDX)
    idx2 = ms.Tensor(np.array([[0, 1], [2, 3], [1, 1]], np.int32))
    return [P.gather(x, idx, 0), P.gather(x, idx, 1), P.gather(c, ms.Tensor(IDX[:2].astype(np.int64)), -1),
            P.Gather()(x, idx2, 1), P.gather(x, idx2, 1, batch_dims=1), P.gather(x, ms.Tensor(np.int32(2)), 0),
            x.gather(idx, 1), x.gather(1, ms.Tensor(np.array([[1, 0], [0, 0], [3, 2]]))),
            P.gather_elements(x, 0, ms.Tensor(np.array([[2, 1, 0, 0]]))), P.GatherD()(x, 1, idx2),
            P.GatherD()(x, 0, ms.Tensor(np.array([[2, 1]], np.int32))),
            P.gather_elements(x, 1, ms.Tensor(np.array([[-1, 0], [-4, 3]], np.int32))),
            P.gather(x, ms.Tensor(np.array([-1, -3], np.int32)), 0),
            _grads(ms, (lambda a: P.gather(a, ms.Tensor(IDX), 1), X), (lambda a: P.gather_elements(a, 1, idx2), X))]


def case_gather_nd_scatter_nd(ms):
    P = ms.ops
    x = ms.Tensor(ARANGE)
    pts = ms.Tensor(np.array([[0, 1], [2, 3], [1, 0]], np.int32))
    rows = ms.Tensor(np.array([[2], [0]], np.int64))
    dup = ms.Tensor(np.array([[0], [2], [0]], np.int32))
    upd = ms.Tensor(np.array([1.0, 2.0, 3.0], np.float32))
    return [P.gather_nd(x, pts), P.gather_nd(x, rows), P.GatherNd()(ms.Tensor(CUBE), pts[:, ::-1] % 2),
            x.gather_nd(rows),
            P.scatter_nd(dup, upd, (4,)), P.ScatterNd()(rows, ms.Tensor(X[:2]), (3, 4)),
            P.scatter_nd(pts, ms.Tensor(np.array([1, 2, 3], np.int32)), (3, 4)),
            _grads(ms, (lambda a: P.gather_nd(a, pts), X),
                   (lambda u: P.scatter_nd(dup, u, (4,)), np.ones(3, np.float32)))]


def case_slice_strided(ms):
    P = ms.ops
    x, c = _t(ms, ARANGE, ms.Tensor(CUBE).asnumpy())
    return [P.slice(x, (1, 1), (2, -1)), P.Slice()(x, (0, 2), (3, 2)), P.slice(c, (0, 1, 0), (2, 1, -1)),
            P.strided_slice(x, (0, 1), (3, 4), (2, 2)), P.strided_slice(x, (2, 3), (0, 0), (-1, -2)),
            P.StridedSlice(begin_mask=1, end_mask=2)(x, (2, 1), (3, 2), (1, 1)),
            P.StridedSlice(shrink_axis_mask=1)(x, (1, 0), (2, 4), (1, 1)),
            P.StridedSlice(new_axis_mask=1)(x, (0, 0), (1, 4), (1, 1)),
            P.StridedSlice(ellipsis_mask=1)(c, (0, 1, 1), (1, 2, 3), (1, 1, 1)),
            P.StridedSlice(ellipsis_mask=2)(c, (1, 0), (2, 1), (1, 1)), P.strided_slice(x, (0, -10), (10, 10), (1, 1)),
            P.strided_slice(x, (1,), (3,), (1,)), P.strided_slice(c, (-1, 0, 1), (-3, 3, 4), (-1, 2, 2)),
            _grads(ms, (lambda a: P.slice(a, (1, 1), (2, 2)), X),
                   (lambda a: P.strided_slice(a, (0, 1), (3, 4), (2, 2)), X))]


def case_where_masked_fill(ms):
    P = ms.ops
    x, m = _t(ms, ARANGE, MASK)
    return [P.masked_fill(x, m, 0.5), P.masked_fill(x, m[0], ms.Tensor(np.float32(-1.0))), P.MaskedFill()(x, m, -2.0),
            x.masked_fill(m, 9.0), P.masked_fill(ms.Tensor(I32), m, 7), x.where(m, ms.Tensor(X)),
            _grads(ms, (lambda a: P.masked_fill(a, m, 0.0), X))]


# ---- Tensor indexing ------------------------------------------------------------------------------------------
def case_getitem(ms):
    m, c = _t(ms, ARANGE, CUBE)
    return [m[m > 5], m[ms.Tensor(np.array([True, False, True]))], m[-1], m[-1, -2], m[:, -3:-1], m[::2, 1::2],
            m[[0, 2], [1, 3]], m[ms.Tensor(np.array([[0, 1], [2, 0]]))], c[..., None, 1], m[ms.Tensor(1)],
            m[None], c[1, :, ms.Tensor(np.array([0, 3]))], c[:, ms.Tensor(np.array([0, 2])), 1:3], c[0, ..., 2],
            m[1:, ms.Tensor(np.array([3, 0], np.int32))], c[-1, -1, -1], m[True]]


def _set(ms, index, value, data=ARANGE):
    t = ms.Tensor(data)
    t[index] = value
    return t


def case_setitem(ms):
    T = ms.Tensor
    return [_set(ms, 0, 5.0), _set(ms, -1, T(np.array([1, 2, 3, 4], np.float32))),
            _set(ms, (slice(None), 1), T(np.array([7.0], np.float32))), _set(ms, T(MASK), -1.0),
            _set(ms, T(ARANGE > 8), T(np.array([1.0, 2.0, 3.0], np.float32))),
            _set(ms, (slice(0, 2), slice(1, 3)), T(np.ones((2, 2), np.float32))), _set(ms, T(np.array([0, 2])), 3),
            _set(ms, 1, 2), _set(ms, Ellipsis, 0.5), _set(ms, 0, T(np.ones(4))), _set(ms, (0, 0), 2.7, I32),
            _set(ms, (-1, slice(None, None, 2)), 8.0),
            _set(ms, (Ellipsis, -1), T(np.array([1.0, 2.0, 3.0], np.float32))),
            _set(ms, (1, T(np.array([0, 3]))), 4.0)]


def case_assign_value(ms):
    """``Tensor.assign_value`` replaces the data in place, shape and dtype included, and returns the Tensor."""
    a, b = ms.Tensor(ARANGE), ms.Tensor(np.array([1, 2], np.int64))
    same = a.assign_value(b) is a
    return [a, same, ms.Tensor(X).assign_value(ms.Tensor(I32))]


def case_getitem_grads(ms):
    m = ms.Tensor(MASK)
    return _grads(ms, (lambda a: a[1:, 2], X), (lambda a: a[ms.Tensor(IDX)], X), (lambda a: a[m], ARANGE),
                  (lambda a: a[[0, 2], [1, 3]], X), (lambda a: a[..., None, -1], X))


# ---- creation ------------------------------------------------------------------------------------------------
def case_zeros_ones_fill(ms):
    P = ms.ops
    x = ms.Tensor(X)
    return [P.zeros((2, 3)), P.zeros(3, ms.int32), P.Zeros()((2,), ms.float16), P.Zeros()((2,)), P.ones((2,)),
            P.ones(ms.Tensor(np.array([2, 3]))), P.Ones()((2,), ms.int8), P.zeros_like(x),
            P.zeros_like(x, dtype=ms.int32), P.ZerosLike()(x), P.ones_like(x, dtype=ms.bool_),
            P.OnesLike()(ms.Tensor(I32)), P.fill(ms.int32, (2, 2), 3.7),
            P.Fill()(ms.float32, (2,), 1), P.full((2,), 1.5), P.full((2,), 3), P.full((2,), 3, dtype=ms.float32),
            P.full_like(x, 2), P.full_like(x, 2.5, dtype=ms.float16), x.fill(-1.0)]


def case_eye_range_arange(ms):
    P = ms.ops
    T = ms.Tensor
    return [P.eye(2, 3), P.eye(2, dtype=ms.int32), P.Eye()(2, 2, ms.float16), P.range(T(0), T(5), T(2)),
            P.range(T(0.0), T(1.0), T(0.3)), P.Range()(T(5, ms.int32), T(0, ms.int32), T(-2, ms.int32)),
            P.range(0, 5, 2), P.arange(5), P.arange(0, 1, 0.25), P.arange(T(1, ms.int32), 4),
            P.arange(3, dtype=ms.float32),
            P.arange(3, 0, -1), P.arange(0.1, 1.0, 0.3), P.arange(T(2, ms.int32), T(7, ms.int32), T(2, ms.int32)),
            P.arange(-1.5, 1.5, 0.5)]


def case_randperm(ms):
    """``randperm`` is fixed by its ``seed`` and ``offset`` (the offset, when not 0, seeds instead), whatever the
    global seed; both of libstdc++'s shuffle loops (n * n within 32 bits or not) are covered."""
    P = ms.ops
    ms.set_seed(5)
    return [P.randperm(4, 0, 0), P.randperm(8, 5, 0), P.randperm(8, 5, 3), P.randperm(8, 3, 0),
            P.randperm(9, 2**31 + 5, 0, dtype=ms.int32), P.randperm(1000, 123, 0, dtype=ms.float32)[-16:],
            P.randperm(70000, 9, 0)[:16], P.randperm(70000, 9, 0)[-16:], P.randperm(1, 0, 0)]



def case_multinomial_with_replacement(ms):
    """MindSpore's CPU kernel draws from the Philox stream of ``seed`` and ``offset``: the same arguments give the
    same samples, whatever the global seed; zero weights, float16/float64 weights, a 1-D input, 64-bit and negative
    seeds, and sampling without replacement (zero-weight classes last)."""
    P = ms.ops
    ms.set_seed(5)
    w = np.array([[1., 2., 3., 4.], [4., 0., 2., 1.]], np.float32)
    return [P.multinomial_with_replacement(ms.Tensor(w), 2, 5, 12, True),
            P.multinomial_with_replacement(ms.Tensor(w.astype(np.float16)), 3, 5, 6, True),
            P.multinomial_with_replacement(ms.Tensor(w.astype(np.float64)), 2**40 + 5, -7, 6, True),
            P.multinomial_with_replacement(ms.Tensor(w[1]), 2, 6, 5, True),
            P.multinomial_with_replacement(ms.Tensor(w), 9, 1, 4, False),
            P.MultinomialWithReplacement(3, True)(ms.Tensor(w), ms.Tensor(2, ms.int64), ms.Tensor(5, ms.int64))]


_MWR_ERRORS = {
    "negative": lambda ms, w: ms.ops.multinomial_with_replacement(-w, 2, 5, 3, True),
    "zero_row": lambda ms, w: ms.ops.multinomial_with_replacement(w * 0, 2, 5, 3, True),
    "too_many": lambda ms, w: ms.ops.multinomial_with_replacement(w, 2, 5, 6, False),
    "int_input": lambda ms, w: ms.ops.multinomial_with_replacement(w.astype(ms.int32), 2, 5, 3, True),
    "float_seed": lambda ms, w: ms.ops.multinomial_with_replacement(w, 2.0, 5, 3, True),
    "int32_seed": lambda ms, w: ms.ops.MultinomialWithReplacement(3, True)(w, ms.Tensor(2, ms.int32),
                                                                           ms.Tensor(5, ms.int64)),
    "rank3": lambda ms, w: ms.ops.multinomial_with_replacement(w.reshape(1, 2, 2), 2, 5, 1, True),
    "int_replacement": lambda ms, w: ms.ops.multinomial_with_replacement(w, 2, 5, 3, 1),
}
for _n, _fn in _MWR_ERRORS.items():
    globals()[f"case_err_multinomial_with_replacement_{_n}"] = (
        lambda fn: lambda ms: _raises(ms, lambda: fn(ms, ms.Tensor(np.array([[1., 2.], [3., 0.]], np.float32)))))(_fn)


def case_map_uniform(ms):
    x = ms.Tensor(np.array([0, 5, 9, 11, 3, 7, 1, 12], np.int32))
    return [ms.ops.MapUniform()(x, 4, 3), ms.ops.MapUniform()(ms.Tensor(np.array([[0, 5], [9, 11]], np.int64)), 6, 2)]


def case_err_map_uniform_float(ms):
    return _raises(ms, lambda: ms.ops.MapUniform()(ms.Tensor(np.array([1.0], np.float32)), 4, 3))


def case_edit_distance(ms):
    """Sequences along the last axis; groups with only a truth, only a hypothesis (inf when normalized), neither."""
    T = ms.Tensor
    hi = T(np.array([[0, 0, 0], [0, 0, 1], [0, 0, 2], [1, 0, 0], [1, 1, 1]], np.int64))
    ti = T(np.array([[0, 0, 0], [0, 0, 1], [1, 0, 1], [1, 2, 0], [0, 1, 0]], np.int64))
    hv, tv = T(np.array([1, 2, 3, 4, 5], np.float32)), T(np.array([1, 3, 4, 6, 7], np.float32))
    hs, ts = T(np.array([2, 3, 3], np.int64)), T(np.array([2, 3, 2], np.int64))
    return [ms.ops.EditDistance(norm)(hi, hv, hs, ti, tv, ts) for norm in (True, False)]

# ---- graph utilities -----------------------------------------------------------------------------------------
def case_shape_size_rank(ms):
    P = ms.ops
    x = ms.Tensor(X3)
    return [P.shape(x), P.size(x), P.rank(x), P.numel(x), x.numel(), x.nelement(), x.dim(), x.ndimension(),
            P.rank(ms.Tensor(np.float32(1.0)))]


def case_depend_stop_gradient(ms):
    P = ms.ops
    x = ms.Tensor(X)
    return [P.depend(x, x + 1), P.stop_gradient(x), P.StopGradient()(x), P.Depend()(x, x * 2),
            _grads(ms, (lambda a, b: P.stop_gradient(a) * b + a, X, X), (lambda a: P.depend(a * 2, a + 1), X))]


def case_print(ms):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        ms.ops.Print()("x:", ms.Tensor(np.array([[1.5, 2.0], [3.0, 4.0]], np.float32)), "y",
                       ms.Tensor(np.int32(3)), ms.Tensor(np.array([True, False])))
        sync = getattr(getattr(ms, "runtime", None), "synchronize", None)
        if sync is not None:
            sync()
    return buf.getvalue()


# ---- errors -------------------------------------------------------------------------------------------------
ERRORS = {
    "concat_shapes": lambda ms, x: ms.ops.concat([x, ms.Tensor(np.ones((3, 3), np.float32))], 0),
    "concat_two_axes": lambda ms, x: ms.ops.concat([x, ms.Tensor(np.ones((4, 3), np.float32))], 1),
    "concat_rank": lambda ms, x: ms.ops.Concat()([x, ms.Tensor(np.ones((4,), np.float32))]),
    "concat_axis": lambda ms, x: ms.ops.concat([x, x], 2),
    "concat_axis_negative": lambda ms, x: ms.ops.concat([x, x], -3),
    "stack_shapes": lambda ms, x: ms.ops.stack([x, ms.Tensor(np.ones((3, 3), np.float32))]),
    "stack_axis": lambda ms, x: ms.ops.stack([x, x], 3),
    "expand_dims_axis": lambda ms, x: ms.ops.expand_dims(x, 3),
    "expand_dims_axis_negative": lambda ms, x: ms.ops.ExpandDims()(x, -4),
    "squeeze_axis": lambda ms, x: ms.ops.squeeze(x, 2),
    "split_axis": lambda ms, x: ms.ops.split(x, 1, 2),
    "split_prim_axis": lambda ms, x: ms.ops.Split(2, 1)(x),
    "split_uneven": lambda ms, x: ms.ops.Split(0, 2)(x),
    "split_sections_sum": lambda ms, x: ms.ops.split(x, [1, 2], 1),
    "gather_axis": lambda ms, x: ms.ops.gather(x, ms.Tensor(IDX), 2),
    "gather_float_indices": lambda ms, x: ms.ops.gather(x, ms.Tensor(np.array([0.0, 1.0], np.float32)), 0),
    "gather_nd_float_indices": lambda ms, x: ms.ops.gather_nd(x, ms.Tensor(np.array([[0.0, 1.0]], np.float32))),
    "scatter_nd_float_indices": lambda ms, x: ms.ops.scatter_nd(ms.Tensor(np.array([[0.0]], np.float32)),
                                                                ms.Tensor(np.ones(1, np.float32)), (3,)),
    # index values, checked by MindSpore's CPU/GPU kernels (and by mindshim in eager calls)
    "gather_index_value": kernel_index_error(lambda ms, x: ms.ops.gather(x, _i32(ms, [3, 0]), 0)),
    "gather_index_negative": kernel_index_error(lambda ms, x: ms.ops.Gather()(x, _i32(ms, [-5]), 0)),
    "gather_index_axis1": kernel_index_error(lambda ms, x: ms.ops.Gather()(x, _i32(ms, [[1], [4]]), 1)),
    "gather_batch_index_value": kernel_index_error(
        lambda ms, x: ms.ops.Gather(batch_dims=1)(x, _i32(ms, [[4], [0], [1]]), 1)),
    "gather_nd_index_value": kernel_index_error(lambda ms, x: ms.ops.gather_nd(x, _i32(ms, [[0, 1], [3, 0]]))),
    "gather_nd_index_negative": kernel_index_error(lambda ms, x: ms.ops.GatherNd()(x, _i32(ms, [[-1, 0]]))),
    "gather_d_index_value": kernel_index_error(lambda ms, x: ms.ops.GatherD()(x, 1, _i32(ms, [[4, 0]]))),
    "gather_elements_index_negative": kernel_index_error(lambda ms, x: ms.ops.gather_elements(x, 1, _i32(ms, [[-5]]))),
    "gather_d_rank": lambda ms, x: ms.ops.GatherD()(x, 1, _i32(ms, [0, 0, 0])),
    "gather_d_index_shape": lambda ms, x: ms.ops.GatherD()(x, 1, ms.Tensor(np.zeros((4, 2), np.int32))),
    "scatter_nd_index_value": kernel_index_error(
        lambda ms, x: ms.ops.ScatterNd()(_i32(ms, [[0, 1], [2, 5]]), ms.Tensor(X[0, :2]), (3, 4))),
    "scatter_nd_index_negative": kernel_index_error(
        lambda ms, x: ms.ops.scatter_nd(_i32(ms, [[1], [-1]]), ms.Tensor(X[0, :2]), (4,))),
    "getitem_tensor_index": kernel_index_error(lambda ms, x: x[_i32(ms, [3])]),
    "getitem_tensor_index_negative": kernel_index_error(lambda ms, x: x[_i32(ms, [[-4]])]),
    "getitem_tensor_index_axis1": deviates(
        "2.10 checks Tensor-index values on other axes inside a GatherNd kernel and names its coordinates; "
        "mindshim checks the index against its own axis, with Gather's message", "ValueError",
        "For 'Gather', the 'input_indices' should be in the range [0, 4), but got 4, error_code[58]")(
        lambda ms, x: x[:, _i32(ms, [4])]),
    "getitem_list_index": lambda ms, x: x[[0, 5]],
    "embedding_index": kernel_index_error(lambda ms, x: ms.nn.Embedding(3, 2)(_i32(ms, [1, 3]))),
    "tile_float": lambda ms, x: ms.ops.tile(x, (2.0, 1)),
    "broadcast_to": lambda ms, x: ms.ops.broadcast_to(x, (4, 4)),
    "broadcast_to_prim": lambda ms, x: ms.ops.BroadcastTo((3, 5))(x),
    "flip_int_dims": lambda ms, x: ms.ops.flip(x, 1),
    "flatten_start_dim": lambda ms, x: ms.ops.flatten(x, start_dim=3),
    "slice_size": lambda ms, x: ms.ops.slice(x, (0, 0), (4, 1)),
    "squeeze_method_two_ints": lambda ms, x: x.reshape(1, 3, 1, 4).squeeze(0, 2),
}


def _i32(ms, values):
    return ms.Tensor(np.array(values, np.int32))


def _error_case(fn):
    def case(ms):
        return _raises(ms, lambda: fn(ms, ms.Tensor(X)))
    if hasattr(fn, "deviation"):
        case.deviation = fn.deviation
    return case


for _n, _fn in ERRORS.items():
    globals()[f"case_err_{_n}"] = _error_case(_fn)


def case_err_swapaxes_tuple_axis(ms):
    return _raises(ms, lambda: ms.Tensor(np.ones((2, 3), np.float32)).swapaxes(0, (1,)))


def case_err_swapaxes_float_axis(ms):
    return _raises(ms, lambda: ms.ops.swapaxes(ms.Tensor(np.ones((2, 3), np.float32)), 1.0, 0))


def case_err_swapaxes_axis_range(ms):
    return _raises(ms, lambda: ms.Tensor(np.ones((2, 3), np.float32)).swapaxes(0, 2))


def case_err_swapaxes_negative_axis_range(ms):
    return _raises(ms, lambda: ms.ops.swapaxes(ms.Tensor(np.ones((2, 3), np.float32)), -3, 0))


def case_masked_select_primitive(ms):
    x = ms.Tensor(np.arange(6, dtype=np.float32).reshape(2, 3))
    mask = ms.Tensor(np.array([True, False, True]))
    grad = ms.grad(lambda a: (ms.ops.MaskedSelect()(a, mask) * 2).sum())(x)
    return [ms.ops.MaskedSelect()(x, mask), ms.ops.masked_select(x, mask), grad]


def case_rrelu(ms):
    """``ops.rrelu``'s slopes are random: what holds for any draw (positives kept, zeros zero, each negative times a
    slope in [lower, upper)), dtype and shape; and its argument errors."""
    x_np = np.array([[-1.0, 4.0, -8.0, 0.0], [-5.0, 9.0, -0.5, -3.0]], np.float32)
    out = ms.ops.rrelu(ms.Tensor(x_np), 0.2, 0.6).asnumpy()
    slope = out[x_np < 0] / x_np[x_np < 0]
    half = ms.ops.rrelu(ms.Tensor(x_np.astype(np.float16)))
    return {"kept": bool((out[x_np > 0] == x_np[x_np > 0]).all()), "zero": bool((out[x_np == 0] == 0).all()),
            "slopes_in_range": bool(((slope >= 0.2) & (slope <= 0.6)).all()), "shape": list(out.shape),
            "half": str(half.dtype)}


def case_err_rrelu_bounds(ms):
    return ms.ops.rrelu(ms.Tensor(np.ones(2, np.float32)), 0.5, 0.1)


def case_err_rrelu_bound_type(ms):
    return ms.ops.rrelu(ms.Tensor(np.ones(2, np.float32)), "0.1")
