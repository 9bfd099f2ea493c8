"""COOTensor and CSRTensor: what MindSpore 2.10 prints, computes and raises (expected values recorded from it),
and their passage through compiled calls and gradients as pytrees."""
import numpy as np
import pytest

import mindshim as ms
from mindshim import COOTensor, CSRTensor, RowTensor, Tensor, ops


def coo(indices, values, shape=(3, 3), idx=ms.int64, dtype=ms.float32):
    return COOTensor(Tensor(indices, idx), Tensor(values, dtype), shape)


def test_print_follows_mindspores_cpp_form():
    c = coo([[0, 1], [1, 2]], [1.5, -2], (3, 4), ms.int32)
    assert repr(c) == str(c) == (
        "COOTensor(shape=[3, 4], dtype=Float32, indices=Tensor(shape=[2, 2], dtype=Int32, value=\n[[0 1]\n [1 2]]), "
        "values=Tensor(shape=[2], dtype=Float32, value=[ 1.50000000e+00 -2.00000000e+00]))")
    big = COOTensor(Tensor(np.stack([np.arange(40) % 4, np.arange(40) % 5], 1).astype(np.int32)),
                    Tensor(np.arange(40, dtype=np.float32)), (4, 10))
    assert repr(big).endswith("indices=Tensor(shape=[40, 2], dtype=Int32, value=[...]), "
                              "values=Tensor(shape=[40], dtype=Float32, value=[...]))")
    r = RowTensor(Tensor(np.zeros(2, np.int32)), Tensor([[10, -2], [3, 400]], ms.int64), (2, 2))
    assert repr(r).endswith("values=Tensor(shape=[2, 2], dtype=Int64, value=\n[[ 10  -2]\n [  3 400]]))")


def test_coo_add_merges_sorted_entries_and_thresholds_only_sums():
    a = coo([[1, 1], [0, 0], [0, 0]], [1., 2., 3.])
    b = coo([[0, 0], [2, 2]], [-2., 0.5])
    out = ops.coo_add(a, b, Tensor(0.6))
    assert out.indices.asnumpy().tolist() == [[0, 0], [1, 1], [0, 0], [0, 0], [2, 2]]
    assert out.values.asnumpy().tolist() == [-2., 1., 2., 3., 0.5]
    out = ops.coo_add(b, b, Tensor(0.0))
    assert out.values.asnumpy().tolist() == [-4., 1.]


def test_coalesce_and_conversions():
    c = coo([[1, 1], [0, 2], [0, 0], [0, 2]], [1., 2., 3., 4.])
    res = c.coalesce()
    assert res.indices.asnumpy().tolist() == [[0, 0], [0, 2], [1, 1]]
    assert res.values.asnumpy().tolist() == [3., 6., 1.]
    with pytest.raises(TypeError, match="The dtype of row_indices only support Int32 for now, but got Int64."):
        c.to_csr()
    csr = coo([[1, 1], [0, 2], [0, 0], [0, 2]], [1., 2., 3., 4.], idx=ms.int32).to_csr()
    assert csr.indptr.asnumpy().tolist() == [0, 3, 4, 4]
    np.testing.assert_array_equal(csr.to_dense().asnumpy(), c.to_dense().asnumpy())


def test_dense_to_sparse():  # uses the NonZero row (ops.NonZero)
    x = Tensor([[1, 0], [-5, 0]], ms.float32)
    assert x.to_coo().indices.dtype == ms.int32
    assert x.to_csr().indices.asnumpy().tolist() == [0, 0]


def test_csr_ops():
    csr = CSRTensor(Tensor([0, 2, 3, 3], ms.int32), Tensor([0, 2, 1], ms.int32), Tensor([1., 2., 3.]), (3, 3))
    np.testing.assert_allclose(ops.csr_softmax(csr, ms.float32).values.asnumpy(), [0.26894143, 0.7310586, 1.],
                               rtol=1e-6)
    assert (csr - csr).values.asnumpy().tolist() == [0., 0., 0.]  # zeros are kept
    assert csr.sum(1).asnumpy().tolist() == [[3.], [3.], [0.]]
    assert csr.mv(Tensor(np.ones((3, 1), np.float32))).shape == (3, 1)
    assert ops.csr_to_coo(csr).indices.asnumpy().tolist() == [[0, 0], [0, 2], [1, 1]]


@pytest.mark.parametrize("make, error, message", [
    (lambda: COOTensor(Tensor([[0, 1]], ms.int32), Tensor([1.]), [3, 4]), TypeError,
     "For SparseTensors, 'shape' must be tuple, but got <class 'list'>."),
    (lambda: COOTensor(Tensor([[0, 1]], ms.float32), Tensor([1.]), (3, 4)), TypeError,
     "For COOTensor, the type of 'indices' must be one of [int16, int32, int64], but got Float32."),
    (lambda: COOTensor(Tensor([[0, 1, 2]], ms.int32), Tensor([1.]), (3, 4)), ValueError,
     "For COOTensor, 'indices.shape[1]' must be 2, but got 3."),
    (lambda: CSRTensor(Tensor([0, 1], ms.int32), Tensor([0], ms.int32), Tensor([1.]), (2, 4)), ValueError,
     "For CSRTensor, indptr must have length (1 + shape[0]), but got: 2"),
    (lambda: ops.coo_abs(Tensor([1.])), TypeError, "Expects COOTensor for coo_abs"),
    (lambda: ops.coo_concat((coo([[0, 0]], [1.]),), 0), ValueError,
     "For coo_concat, not support COOTensor input number < 2."),
    (lambda: ops.SparseToDense()(Tensor([[0, 1], [5, 2]], ms.int32), Tensor([1., 2.]), (3, 4)), ValueError,
     "For 'SparseToDense', the 1th value in 0th dimension index: 5 of 'output' out of bounds: [0, 3)"),
])
def test_errors(make, error, message):
    with pytest.raises(error) as info:
        make()
    assert str(info.value) == message


def test_pytree_through_jit_and_grad():
    c = coo([[0, 1], [1, 2]], [1., 2.], (3, 4), ms.int32)
    out = ms.jit(lambda x: ops.coo_abs(-x))(c)
    assert isinstance(out, COOTensor) and out.shape == (3, 4)
    assert out.values.asnumpy().tolist() == [1., 2.]
    grad = ms.grad(lambda v: COOTensor(c.indices, v, c.shape).to_dense().sum())(Tensor([1., 2.]))
    assert grad.asnumpy().tolist() == [1., 1.]
