"""``History`` (the network outputs and metrics of every epoch) and ``LambdaCallback`` (hooks from functions)."""
import numpy as np

from ...common.tensor import Tensor
from ._callback import _HOOKS, Callback


class History(Callback):
    """Records, at the end of each epoch, the network's output (a loss Tensor's mean; for a tuple output its
    first element's) under ``'net_output'`` and the metrics ``Model.fit`` evaluated, in ``history``; the
    epoch numbers in ``epoch['epoch']``."""

    def __init__(self):
        super().__init__()
        self.history = {}
        self.epoch = None

    def begin(self, run_context):
        self.epoch = {"epoch": []}

    def epoch_end(self, run_context):
        cb_params = run_context.original_args()
        self.epoch.get("epoch").append(cb_params.get("cur_epoch_num", 1))
        net_output = cb_params.net_outputs
        if isinstance(net_output, (tuple, list)) and isinstance(net_output[0], Tensor):
            net_output = net_output[0]
        if isinstance(net_output, Tensor):
            net_output = np.mean(net_output.asnumpy())
        cur_history = {"net_output": net_output}
        metrics = cb_params.get("metrics")
        if metrics:
            cur_history.update(metrics)
        for k, v in cur_history.items():
            self.history.setdefault(k, []).append(v)


class LambdaCallback(Callback):
    """A callback from functions: ``LambdaCallback(on_train_epoch_end=fn, ...)`` runs ``fn(run_context)`` as
    that hook; hooks not given do nothing."""

    def __init__(self, on_train_epoch_begin=None, on_train_epoch_end=None, on_train_step_begin=None,
                 on_train_step_end=None, on_train_begin=None, on_train_end=None,
                 on_eval_epoch_begin=None, on_eval_epoch_end=None, on_eval_step_begin=None,
                 on_eval_step_end=None, on_eval_begin=None, on_eval_end=None):
        super().__init__()
        given = locals()
        for name in _HOOKS:
            setattr(self, name, given[name] if given[name] else _nothing)


def _nothing(run_context):
    """A hook that does nothing."""


__all__ = ["History", "LambdaCallback"]
