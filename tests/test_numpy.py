"""``mindspore.numpy``: the dtypes and errors MindSpore 2.10 gives (recorded from it by hand; the module's documented
examples are replayed by tests/test_doc_examples.py)."""
import numpy as np
import pytest

import mindshim as ms
import mindshim.numpy as mnp

# (expression, MindSpore 2.10's dtype, shape)
DTYPES = [
    ("mnp.arange(3)", "Int32", (3,)),
    ("mnp.arange(0, 3, 0.5)", "Float32", (6,)),
    ("mnp.ones(2)", "Float32", (2,)),
    ("mnp.ones(2, int)", "Int32", (2,)),
    ("mnp.full((2, 2), [1, 2])", "Int32", (2, 2)),
    ("mnp.full(2, True)", "Bool", (2,)),
    ("mnp.asarray([1, 2])", "Int32", (2,)),
    ("mnp.asarray([1., 2])", "Float32", (2,)),
    ("mnp.asarray(ms.Tensor([1, 2]))", "Int64", (2,)),
    ("mnp.linspace(0, 1, 3)", "Float32", (3,)),
    ("mnp.hanning(4)", "Float32", (4,)),
    ("mnp.mean(mnp.arange(4))", "Int32", ()),
    ("mnp.sum(mnp.arange(4))", "Int64", ()),
    ("mnp.add(ms.Tensor([1, 2]), 1.5)", "Float32", (2,)),
    ("mnp.add(mnp.ones(2, mnp.float16), 1.5)", "Float32", (2,)),
    ("mnp.add(1, 2)", "Int32", ()),
    ("mnp.add(mnp.arange(3), mnp.arange(3), dtype=mnp.float32)", "Float32", (3,)),
    ("mnp.divide(mnp.arange(3), 2)", "Float32", (3,)),
    ("mnp.sqrt(mnp.arange(3))", "Float32", (3,)),
    ("mnp.exp2(mnp.arange(3))", "Int32", (3,)),
    ("mnp.sign(mnp.arange(3))", "Float32", (3,)),
    ("mnp.reciprocal(mnp.arange(1, 3))", "Int32", (2,)),
    ("mnp.clip(mnp.arange(3), 0.5, 1.5)", "Int32", (3,)),
    ("mnp.tril_indices(2)[0]", "Int32", (3,)),
    ("mnp.bincount(mnp.arange(3))", "Float32", (3,)),
    ("mnp.ravel_multi_index((mnp.array([1]), mnp.array([2])), (3, 4))", "Float32", (1,)),
    ("mnp.histogram([1, 2, 1], bins=[0, 1, 2, 3])[1]", "Int32", (4,)),
    ("mnp.unique(mnp.arange(3), return_inverse=True)[1]", "Int32", (3,)),
    ("mnp.mgrid[0:2]", "Int32", (2,)),
    ("mnp.mgrid[0:1:3j]", "Float32", (3,)),
    ("mnp.sqrt(mnp.ones(2, mnp.float64))", "Float64", (2,)),
]


@pytest.mark.parametrize("expr,dtype,shape", DTYPES, ids=[d[0] for d in DTYPES])
def test_dtypes(expr, dtype, shape):
    out = eval(expr)  # noqa: S307  (the expressions above)
    assert (str(out.dtype), out.shape) == (dtype, shape)


def test_values_as_mindspore():
    assert mnp.mean(mnp.arange(4)).asnumpy() == 1  # an Int32 mean is truncated
    assert mnp.mean(mnp.arange(4), dtype=mnp.float32).asnumpy() == 1.0
    assert mnp.reciprocal(mnp.arange(1, 3)).asnumpy().tolist() == [1, 0]
    assert type(mnp.split(mnp.arange(4), 2)) is tuple and type(mnp.split(mnp.arange(4), [1])) is list
    assert str(mnp.promote_types(mnp.int64, mnp.float32)) == "Float32"
    assert str(mnp.result_type(1, 2)) == "Int32"
    assert (mnp.int_, mnp.uint, mnp.float_) == (ms.int32, ms.uint32, ms.float32)
    assert mnp.clip(mnp.arange(5), xmin=1, xmax=3).asnumpy().tolist() == [1, 1, 2, 3, 3]  # MindSpore's keywords
    assert mnp.reshape(mnp.arange(6), new_shape=(2, 3)).shape == (2, 3)


@pytest.mark.parametrize("call,error,message", [
    (lambda: mnp.asarray(np.ones(2)), TypeError, "input data must be `int`, `float`, `bool`, `Tensor`, `list`"),
    (lambda: mnp.add(np.ones(2), 1), TypeError, "Expect input to be array like."),
    (lambda: mnp.add(mnp.ones(2), mnp.ones(3)), ValueError, "operands could not be broadcast together with shapes"),
    (lambda: mnp.sum(mnp.ones((2, 3)), axis=4), ValueError, r"The 'axis' must be in the range of \[-2, 2\)"),
    (lambda: mnp.ones(-1), ValueError, "each entry in shape should no less than 0."),
    (lambda: mnp.ones((2, "a")), TypeError, "each entry in shape should be int."),
    (lambda: mnp.where(mnp.arange(3) > 0), TypeError, "Expect input to be array like."),
    (lambda: mnp.ones(2, "foo"), TypeError, r"only \['np.int_', .* are allowed for dtype, but got <class 'str'>"),
    (lambda: mnp.fft, NotImplementedError, "mindspore.numpy.fft is not supported"),
])
def test_errors(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_inside_compiled_and_differentiated_calls():
    x = ms.Tensor([1., 2., 3.])
    assert ms.jit(lambda x: mnp.sum(mnp.square(x)))(x).asnumpy() == 14.0
    assert ms.grad(lambda x: mnp.sum(mnp.square(x)))(x).asnumpy().tolist() == [2., 4., 6.]
    assert mnp.apply_along_axis(mnp.diag, -1, mnp.arange(4).reshape(2, 2)).shape == (2, 2, 2)
