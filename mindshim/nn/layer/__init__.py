"""``mindspore.nn`` layers."""
from .activation import ReLU
from .basic import Dense
from .container import CellList, SequentialCell

__all__ = ["ReLU", "Dense", "CellList", "SequentialCell"]
