"""Activation cells (``mindspore.nn.layer.activation``)."""

__all__ = ["ReLU"]
from ... import ops
from ..cell import Cell


class ReLU(Cell):
    """``max(x, 0)``; gradient 0 at 0, as MindSpore's ReluGrad."""

    def __init__(self):
        super().__init__()
        self.relu = ops.ReLU()

    def construct(self, x):
        return self.relu(x)
