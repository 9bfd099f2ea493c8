"""``mindspore.nn`` wrapper cells."""
from .cell_wrapper import ForwardValueAndGrad, TrainOneStepCell, WithEvalCell, WithLossCell
from .loss_scale import DynamicLossScaleUpdateCell, FixedLossScaleUpdateCell, TrainOneStepWithLossScaleCell

__all__ = ["ForwardValueAndGrad", "TrainOneStepCell", "WithEvalCell", "WithLossCell", "DynamicLossScaleUpdateCell",
           "FixedLossScaleUpdateCell", "TrainOneStepWithLossScaleCell"]
