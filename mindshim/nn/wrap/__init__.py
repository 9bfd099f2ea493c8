"""``mindspore.nn`` wrapper cells."""
from .cell_wrapper import ForwardValueAndGrad, TrainOneStepCell, WithEvalCell, WithLossCell

__all__ = ["ForwardValueAndGrad", "TrainOneStepCell", "WithEvalCell", "WithLossCell"]
