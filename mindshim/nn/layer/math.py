"""Math layers (``mindspore.nn.layer.math``): ReduceLogSumExp, MatMul."""
from ... import _checkparam as validator
from ... import ops
from ..cell import Cell

__all__ = ["ReduceLogSumExp", "MatMul"]


class ReduceLogSumExp(Cell):
    """``log(sum(exp(x - max), axis)) + max`` with ``max`` the maximum of the whole input (MindSpore's)."""

    def __init__(self, axis, keep_dims=False):
        super().__init__()
        validator.check_value_type("axis", axis, [int, list, tuple], "ReduceLogSumExp")
        validator.check_value_type("keep_dims", keep_dims, [bool], "ReduceLogSumExp")
        self.axis = axis
        self.sum = ops.ReduceSum(keep_dims)

    def construct(self, x):
        x_max = ops.ReduceMax()(x)
        return ops.log(self.sum(ops.exp(x - x_max), self.axis)) + x_max


class MatMul(Cell):
    """Broadcasting matrix product (``ops.matmul``) after transposing the last two axes of ``x1``/``x2`` on request;
    1-D operands take part as a row/column and their axis is removed."""

    def __init__(self, transpose_x1=False, transpose_x2=False):
        super().__init__()
        validator.check_value_type("transpose_x1", transpose_x1, [bool], "MatMul")
        validator.check_value_type("transpose_x2", transpose_x2, [bool], "MatMul")
        self.transpose_x1 = transpose_x1
        self.transpose_x2 = transpose_x2

    def construct(self, x1, x2):
        if self.transpose_x1 and x1.ndim > 1:
            x1 = ops.swapaxes(x1, -1, -2)
        if self.transpose_x2 and x2.ndim > 1:
            x2 = ops.swapaxes(x2, -1, -2)
        k1, k2 = x1.shape[-1], x2.shape[0] if x2.ndim == 1 else x2.shape[-2]
        if k1 != k2:
            raise ValueError(f"For 'MatMul', the input dimensions must be equal, but got 'x1_col': {k1} and "
                             f"'x2_row': {k2}.")
        return ops.matmul(x1, x2)
