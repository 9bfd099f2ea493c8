"""``mindspore.nn`` wrapper cells."""
from .cell_wrapper import (
    ForwardValueAndGrad,
    GradAccumulationCell,
    MicroBatchInterleaved,
    ParameterUpdate,
    PipelineCell,
    TrainOneStepCell,
    VirtualDatasetCellTriple,
    WithEvalCell,
    WithLossCell,
)
from .loss_scale import DynamicLossScaleUpdateCell, FixedLossScaleUpdateCell, TrainOneStepWithLossScaleCell

__all__ = ["ForwardValueAndGrad", "TrainOneStepCell", "WithEvalCell", "WithLossCell", "DynamicLossScaleUpdateCell",
           "FixedLossScaleUpdateCell", "TrainOneStepWithLossScaleCell", "MicroBatchInterleaved", "PipelineCell",
           "GradAccumulationCell", "VirtualDatasetCellTriple", "ParameterUpdate"]
