"""``mindspore.nn`` wrapper cells."""
from .cell_wrapper import ForwardValueAndGrad, WithLossCell

__all__ = ["ForwardValueAndGrad", "WithLossCell"]
