"""``mindspore.nn``: Cells, losses and wrapper cells."""
from .cell import Cell
from .layer import CellList, Dense, ReLU, SequentialCell
from .loss import LossBase, SoftmaxCrossEntropyWithLogits
from .wrap import ForwardValueAndGrad, WithLossCell

__all__ = ["Cell", "CellList", "Dense", "ReLU", "SequentialCell", "LossBase", "SoftmaxCrossEntropyWithLogits", "ForwardValueAndGrad", "WithLossCell"]
