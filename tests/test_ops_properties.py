"""Property tests of the math and array ops over shapes and dtypes, against numpy computed with
MindSpore's rules (the ones the goldens in ``golden_cases/ops_math.py`` record):

* Tensor-Tensor promotion: same dtype stays; Bool takes the other dtype; an integer with a float gives
  the float; two integers or two floats give numpy's promotion (UInt8 + Int8 -> Int16).
* Tensor-Python scalar: the Tensor's dtype, except a float beside an integer or Bool Tensor (Float32)
  and an int beside a Bool Tensor (Int64).
* True division of integers (or Bools) gives Float32.
* Reductions keep the input dtype; ``keep_dims`` and negative axes as numpy's ``keepdims``/axes.

Shapes are small and drawn from few sizes so that the XLA compilations stay few.
"""
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mindshim as ms

SETTINGS = settings(max_examples=10, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
# The multi-op properties compile a few XLA computations per example: fewer examples.
FEW = settings(max_examples=6, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
DTYPES = [np.float32, np.float16, np.float64, np.int32, np.int64, np.int8, np.uint8, np.bool_]
NUMERIC = [d for d in DTYPES if d is not np.bool_]
FLOATS = [np.float32, np.float16, np.float64]


def ms_promote(a, b):
    a, b = np.dtype(a), np.dtype(b)
    if a == b:
        return a
    if a == np.bool_ or b == np.bool_:
        return b if a == np.bool_ else a
    if (a.kind == "f") != (b.kind == "f"):
        return a if a.kind == "f" else b
    return np.promote_types(a, b)


def ms_promote_scalar(t, s):
    t = np.dtype(t)
    if isinstance(s, bool):
        return t
    if isinstance(s, float):
        return t if t.kind == "f" else np.dtype(np.float32)
    return np.dtype(np.int64) if t == np.bool_ else t


def _data(draw, shape, dtype, low=-4, high=5):
    rng = np.random.RandomState(draw(st.integers(0, 2 ** 16)))
    if np.dtype(dtype) == np.bool_:
        return np.asarray(rng.rand(*shape) > 0.5)
    if np.dtype(dtype).kind in "iu":
        lo = 0 if np.dtype(dtype).kind == "u" else low
        return np.asarray(rng.randint(lo, high, shape)).astype(dtype)
    return np.asarray(rng.randn(*shape) * 2).astype(dtype)


@st.composite
def broadcast_pair(draw):
    ndim = draw(st.integers(0, 3))
    shape = tuple(draw(st.sampled_from([1, 2, 3])) for _ in range(ndim))
    other = list(shape)
    for i in range(ndim):
        if draw(st.booleans()):
            other[i] = 1
    other = tuple(other[draw(st.integers(0, ndim)):])
    if draw(st.booleans()):
        shape, other = other, shape
    return shape, other


def _close(ours, expected, dtype):
    dtype = np.dtype(dtype)
    assert ours.dtype == ms.dtype.to_mstype(dtype), f"dtype {ours.dtype} != {dtype}"
    got = ours.asnumpy()
    assert got.shape == expected.shape
    if dtype.kind == "f":
        tol = 2e-3 if dtype == np.float16 else 1e-5
        np.testing.assert_allclose(got.astype(np.float64), expected.astype(np.float64), rtol=tol, atol=tol)
    else:
        np.testing.assert_array_equal(got, expected.astype(dtype))


def _np_in(dtype, *arrays):
    """Inputs for the numpy reference: computed in float64 for floats, Python ints for integers."""
    return [a.astype(np.float64) if np.dtype(dtype).kind == "f" else a.astype(np.int64) for a in arrays]


BINARY = {
    "add": (lambda a, b: a + b, lambda a, b: ms.ops.add(a, b)),
    "sub": (lambda a, b: a - b, lambda a, b: a - b),
    "mul": (lambda a, b: a * b, lambda a, b: ms.ops.mul(a, b)),
    "maximum": (np.maximum, lambda a, b: ms.ops.maximum(a, b)),
    "minimum": (np.minimum, lambda a, b: ms.ops.Minimum()(a, b)),
}


@pytest.mark.parametrize("name", sorted(BINARY))
@SETTINGS
@given(data=st.data(), shapes=broadcast_pair(), da=st.sampled_from(NUMERIC), db=st.sampled_from(NUMERIC))
def test_binary_broadcasting_and_promotion(name, data, shapes, da, db):
    ref, op = BINARY[name]
    a, b = _data(data.draw, shapes[0], da), _data(data.draw, shapes[1], db)
    out_dtype = ms_promote(da, db)
    if out_dtype.kind == "u" and name == "sub":
        b = np.minimum(b, a.min(initial=0)) if b.size else b
    expected = ref(*_np_in(out_dtype, a.astype(out_dtype), b.astype(out_dtype)))
    _close(op(ms.Tensor(a), ms.Tensor(b)), np.asarray(expected), out_dtype)


@SETTINGS
@given(data=st.data(), shapes=broadcast_pair(), da=st.sampled_from(DTYPES), db=st.sampled_from(DTYPES))
def test_true_division(data, shapes, da, db):
    a, b = _data(data.draw, shapes[0], da), _data(data.draw, shapes[1], db)
    b = np.where(b == 0, np.ones((), b.dtype), b)
    out_dtype = ms_promote(da, db)
    out_dtype = out_dtype if out_dtype.kind == "f" else np.dtype(np.float32)
    expected = a.astype(np.float64) / b.astype(np.float64)
    _close(ms.Tensor(a) / ms.Tensor(b), expected, out_dtype)
    _close(ms.ops.div(ms.Tensor(a), ms.Tensor(b)), expected, out_dtype)


@SETTINGS
@given(data=st.data(), dtype=st.sampled_from(DTYPES), scalar=st.sampled_from([2, -1, 1.5, -0.25, True]),
       op=st.sampled_from(["add", "mul", "maximum", "radd"]))
def test_python_scalar_promotion(data, dtype, scalar, op):
    shape = tuple(data.draw(st.lists(st.sampled_from([1, 2, 3]), max_size=2)))
    a = _data(data.draw, shape, dtype)
    if np.dtype(dtype) == np.bool_ and op == "maximum" and not isinstance(scalar, bool):
        return
    if np.dtype(dtype).kind == "u" and not isinstance(scalar, float) and scalar < 0:
        scalar = 1
    out_dtype = ms_promote_scalar(dtype, scalar)
    x = ms.Tensor(a)
    ref_a = a.astype(np.float64) if out_dtype.kind == "f" else a.astype(np.int64)
    if op == "add":
        ours, expected = x + scalar, ref_a + scalar
    elif op == "radd":
        ours, expected = scalar + x, scalar + ref_a
    elif op == "mul":
        ours, expected = ms.ops.mul(x, scalar), ref_a * scalar
    else:
        ours, expected = ms.ops.maximum(x, scalar), np.maximum(ref_a, scalar)
    if out_dtype == np.bool_:
        expected = expected.astype(bool)
    _close(ours, np.asarray(expected), out_dtype)


@st.composite
def reduction(draw):
    ndim = draw(st.integers(1, 3))
    shape = tuple(draw(st.sampled_from([1, 2, 3])) for _ in range(ndim))
    kind = draw(st.sampled_from(["all", "int", "tuple"]))
    if kind == "all":
        axis = ()
    elif kind == "int":
        axis = draw(st.integers(-ndim, ndim - 1))
    else:
        axis = tuple(draw(st.lists(st.integers(-ndim, ndim - 1), min_size=1, max_size=ndim,
                                   unique_by=lambda a: a % ndim)))
    return shape, axis, draw(st.booleans())


REDUCTIONS = {
    "ReduceSum": np.sum, "ReduceMean": np.mean, "ReduceMax": np.max, "ReduceMin": np.min, "ReduceProd": np.prod,
}


@pytest.mark.parametrize("name", sorted(REDUCTIONS))
@SETTINGS
@given(data=st.data(), spec=reduction(), dtype=st.sampled_from([np.float32, np.int32, np.float64]))
def test_reductions_keep_dims_negative_axes(name, data, spec, dtype):
    shape, axis, keep = spec
    if name == "ReduceMean" and np.dtype(dtype).kind == "i":
        dtype = np.float32
    a = _data(data.draw, shape, dtype, -2, 3)
    np_axis = None if axis == () else axis
    expected = REDUCTIONS[name](_np_in(dtype, a)[0], axis=np_axis, keepdims=keep)
    _close(getattr(ms.ops, name)(keep_dims=keep)(ms.Tensor(a), axis), np.asarray(expected), dtype)


@SETTINGS
@given(data=st.data(), spec=reduction(), dtype=st.sampled_from([np.float32, np.int32, np.bool_]))
def test_logical_reductions(data, spec, dtype):
    shape, axis, keep = spec
    a = _data(data.draw, shape, dtype, 0, 2)
    np_axis = None if axis == () else axis
    _close(ms.ops.ReduceAll(keep)(ms.Tensor(a), axis), np.all(a, axis=np_axis, keepdims=keep), np.bool_)
    _close(ms.ops.any(ms.Tensor(a), np_axis, keep), np.any(a, axis=np_axis, keepdims=keep), np.bool_)


@FEW
@given(data=st.data(), spec=reduction(), dtype=st.sampled_from([np.float32, np.int32]))
def test_arg_reductions_and_cumsum(data, spec, dtype):
    shape, axis, keep = spec
    axis = axis[0] if isinstance(axis, tuple) and axis else (axis if isinstance(axis, int) else -1)
    a = _data(data.draw, shape, dtype)
    x = ms.Tensor(a)
    _close(ms.ops.argmax(x, axis, keep), np.argmax(a, axis=axis, keepdims=keep), np.int64)
    _close(ms.ops.Argmin(axis)(x), np.argmin(a, axis=axis), np.int32)
    values, indices = ms.ops.max(x, axis, keep)
    _close(values, np.max(a, axis=axis, keepdims=keep), dtype)
    _close(indices, np.argmax(a, axis=axis, keepdims=keep), np.int64)
    _close(ms.ops.cumsum(x, axis), np.cumsum(a, axis=axis, dtype=dtype), dtype)


@st.composite
def array_shape(draw, min_dims=1):
    return tuple(draw(st.lists(st.sampled_from([1, 2, 3]), min_size=min_dims, max_size=3)))


@FEW
@given(data=st.data(), shape=array_shape(), dtype=st.sampled_from([np.float32, np.int64, np.bool_]))
def test_shape_ops(data, shape, dtype):
    a = _data(data.draw, shape, dtype)
    x = ms.Tensor(a)
    ndim = a.ndim
    axis = data.draw(st.integers(-ndim - 1, ndim))
    _close(ms.ops.expand_dims(x, axis), np.expand_dims(a, axis), dtype)
    _close(ms.ops.squeeze(x), np.squeeze(a), dtype)
    perm = tuple(data.draw(st.permutations(range(ndim))))
    _close(ms.ops.transpose(x, perm), np.transpose(a, perm), dtype)
    _close(ms.ops.reshape(x, (-1,) + shape[-1:]), a.reshape((-1,) + shape[-1:]), dtype)
    axis = data.draw(st.integers(-ndim, ndim - 1))
    _close(ms.ops.concat([x, x], axis), np.concatenate([a, a], axis), dtype)
    _close(ms.ops.stack([x, x], axis), np.stack([a, a], axis), dtype)
    reps = tuple(data.draw(st.lists(st.integers(1, 2), min_size=1, max_size=ndim + 1)))
    _close(ms.ops.tile(x, reps), np.tile(a, reps), dtype)
    target = tuple(data.draw(st.lists(st.sampled_from([2, 3]), max_size=1))) + \
        tuple(data.draw(st.sampled_from([d, 2])) if d == 1 else d for d in shape)
    _close(ms.ops.broadcast_to(x, target), np.broadcast_to(a, target), dtype)
    parts = ms.ops.split(x, 1, axis)
    for part, ref in zip(parts, np.split(a, a.shape[axis], axis)):
        _close(part, ref, dtype)
    _close(ms.ops.flip(x, (axis,)), np.flip(a, axis), dtype)


@FEW
@given(data=st.data(), shape=array_shape(2), dtype=st.sampled_from([np.float32, np.int32]))
def test_gather_and_indexing(data, shape, dtype):
    a = _data(data.draw, shape, dtype)
    x = ms.Tensor(a)
    axis = data.draw(st.integers(-a.ndim, a.ndim - 1))
    idx = np.array(data.draw(st.lists(st.integers(0, a.shape[axis] - 1), min_size=1, max_size=4)), np.int32)
    _close(ms.ops.gather(x, ms.Tensor(idx), axis), np.take(a, idx, axis), dtype)
    _close(x[ms.Tensor(idx % a.shape[0])], a[idx % a.shape[0]], dtype)
    mask = a > 0
    _close(x[ms.Tensor(mask)], a[mask], dtype)
    start = data.draw(st.integers(-a.shape[0], a.shape[0] - 1))
    _close(x[start:], a[start:], dtype)
