"""``mindspore.train.callback``: training callbacks, plus mindshim's ``ProgressBarCallback``."""
from ._callback import Callback, RunContext
from ._checkpoint import BackupAndRestore, CheckpointConfig, ModelCheckpoint
from ._history import History, LambdaCallback
from ._monitors import LossMonitor, ProgressBarCallback, TimeMonitor
from ._schedules import EarlyStopping, LearningRateScheduler, ReduceLROnPlateau

_UNSUPPORTED = {
    "SummaryCollector": "summaries for MindInsight",
    "SummaryLandscape": "loss landscapes for MindInsight",
    "FlopsUtilizationCollector": "Ascend FLOPs profiling",
    "OnRequestExit": "exit on a signal with a checkpoint",
    "TrainFaultTolerance": "Ascend fault tolerance (MindIO)",
}


def _unsupported(name, what):
    def __init__(self, *args, **kwargs):
        raise NotImplementedError(f"mindspore.train.{name} ({what}) is not supported by mindshim yet")
    return type(name, (Callback,), {"__init__": __init__, "__doc__": f"MindSpore's {name}: {what}. Not supported.",
                                    "__module__": __name__})


for _name, _what in _UNSUPPORTED.items():
    globals()[_name] = _unsupported(_name, _what)

__all__ = ["Callback", "LossMonitor", "TimeMonitor", "ModelCheckpoint", "FlopsUtilizationCollector",
           "SummaryCollector", "CheckpointConfig", "RunContext", "LearningRateScheduler", "SummaryLandscape",
           "History", "LambdaCallback", "ReduceLROnPlateau", "EarlyStopping", "OnRequestExit", "BackupAndRestore",
           "TrainFaultTolerance", "ProgressBarCallback"]
