"""``mindspore.nn.SparseToDense`` and ``nn.SparseTensorDenseMatmul``: Cells over the sparse primitives."""
from .. import ops
from .cell import Cell


class SparseToDense(Cell):
    """The dense Tensor of a COOTensor (MindSpore's deprecated form of ``COOTensor.to_dense()``; a repeated index
    keeps its last value)."""

    def __init__(self):
        super().__init__()
        self.sparse_to_dense = ops.SparseToDense()

    def construct(self, sparse_tensor):
        return self.sparse_to_dense(sparse_tensor.indices, sparse_tensor.values, sparse_tensor.shape)


class SparseTensorDenseMatmul(Cell):
    """``ops.SparseTensorDenseMatmul(adjoint_st, adjoint_dt)`` as a Cell: a 2-D COO tensor times a dense matrix."""

    def __init__(self, adjoint_st=False, adjoint_dt=False):
        super().__init__()
        self.adj_st = adjoint_st
        self.adj_dt = adjoint_dt
        self.sparse_dense_matmul = ops.SparseTensorDenseMatmul(adjoint_st=adjoint_st, adjoint_dt=adjoint_dt)

    def construct(self, indices, values, sparse_shape, dense):
        return self.sparse_dense_matmul(indices, values, sparse_shape, dense)


__all__ = ["SparseToDense", "SparseTensorDenseMatmul"]
