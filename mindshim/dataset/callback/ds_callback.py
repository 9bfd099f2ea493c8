"""``DSCallback`` and ``WaitedDSCallback``: hooks a map step calls at the start of the pipeline, of each epoch
and of every ``step_size``-th row (before the row is mapped, and after).

A map with callbacks reads up to ``config.get_prefetch_size()`` rows ahead (one at a time with a
WaitedDSCallback): their step-begin hooks run as they are read, their step-end hooks as they are mapped
(MindSpore's order depends on its threads' timing; for a few rows it is this one). Its pipeline starts at the
iterator's first request.
"""
import threading

from ...train.callback._callback import Callback
from ..core import config
from ..core.validator_helpers import check_pos_int32


class RunContext:
    """What a hook learns: the epoch (from 1), the step in the epoch and the step overall (from 1; 0 before the
    first)."""

    def __init__(self):
        self.cur_epoch_num = self.cur_step_num_in_epoch = self.cur_step_num = 0


class DSCallback:
    """Base of the dataset callbacks: override any of the ``ds_*`` hooks."""

    def __init__(self, step_size=1):
        check_pos_int32(step_size, "step_size")
        self.step_size = step_size

    def ds_begin(self, ds_run_context):
        """Called once, before the pipeline produces its first row."""

    def ds_epoch_begin(self, ds_run_context):
        """Called before each epoch."""

    def ds_epoch_end(self, ds_run_context):
        """Called after each epoch."""

    def ds_step_begin(self, ds_run_context):
        """Called before every ``step_size``-th row is mapped."""

    def ds_step_end(self, ds_run_context):
        """Called after every ``step_size``-th row is mapped."""

    def _hooks(self):
        """The hooks this callback overrides (MindSpore refuses a callback overriding none)."""
        hooks = {name for name in ("ds_begin", "ds_epoch_begin", "ds_epoch_end", "ds_step_begin", "ds_step_end")
                 if getattr(type(self), name) is not getattr(DSCallback, name)}
        if not hooks:
            raise AttributeError("Inheriting Callback class without overriding any methods, check the usage of user "
                                 "defined Callback.")
        return hooks


class WaitedDSCallback(Callback, DSCallback):
    """A dataset callback in step with training: from the second epoch (step past ``step_size``) its
    ``sync_epoch_begin`` (``sync_step_begin``) waits for the training's ``epoch_end`` (``step_end``) and gets
    both run contexts. Pass it to ``map`` and to ``Model.train``'s callbacks."""

    def __init__(self, step_size=1):
        super().__init__()
        self.step_size = step_size
        self.step_event, self.epoch_event = threading.Event(), threading.Event()
        self.step_run_context = self.epoch_run_context = None
        self.training_ended = False

    def sync_epoch_begin(self, train_run_context, ds_run_context):
        """Called before each dataset epoch, once the training's previous epoch ended."""

    def sync_step_begin(self, train_run_context, ds_run_context):
        """Called before each ``step_size`` dataset steps, once the training's previous step ended."""

    def epoch_end(self, run_context):
        self.epoch_run_context = run_context
        self.epoch_event.set()

    def step_end(self, run_context):
        self.step_run_context = run_context
        self.step_event.set()

    def end(self, run_context):
        self.epoch_end(run_context)
        self.step_end(run_context)
        self.training_ended = True

    def _wait(self, event, hook):
        if self.training_ended:
            return
        done = event.wait(timeout=config.get_callback_timeout())
        event.clear()
        if not done:
            raise RuntimeError(f"{hook} timed out after {config.get_callback_timeout()} second(s).")

    def ds_epoch_begin(self, ds_run_context):
        if ds_run_context.cur_epoch_num > 1:
            self._wait(self.epoch_event, "ds_epoch_begin")
            self.sync_epoch_begin(self.epoch_run_context, ds_run_context)

    def ds_step_begin(self, ds_run_context):
        if ds_run_context.cur_step_num > self.step_size:
            self._wait(self.step_event, "ds_step_begin")
            self.sync_step_begin(self.step_run_context, ds_run_context)

    def _hooks(self):
        hooks = set()
        if type(self).sync_step_begin is not WaitedDSCallback.sync_step_begin:
            hooks.add("ds_step_begin")
        if type(self).sync_epoch_begin is not WaitedDSCallback.sync_epoch_begin:
            hooks.add("ds_epoch_begin")
        if not hooks:
            raise AttributeError("Inheriting Callback class without overriding any methods, check the usage of user "
                                 "defined Callback.")
        return hooks


class Callbacks:
    """The callbacks of one map over one pass: calls their hooks with each one's own context."""

    def __init__(self, callbacks):
        self.callbacks = [(cb, cb._hooks()) for cb in callbacks]
        self.context = RunContext()
        self.epoch = 0

    def _call(self, name, step=None):
        for cb, hooks in self.callbacks:
            if name in hooks and (step is None or (step - 1) % cb.step_size == 0):
                getattr(cb, name)(self.context)

    def epoch_begin(self):
        if self.epoch == 0:
            self._call("ds_begin")
        self.epoch += 1
        self.context.cur_epoch_num, self.context.cur_step_num_in_epoch = self.epoch, 0
        self._call("ds_epoch_begin")

    def epoch_end(self):
        self._call("ds_epoch_end")

    def step(self, name, in_epoch, overall):
        self.context.cur_step_num_in_epoch, self.context.cur_step_num = in_epoch, overall
        self._call(name, in_epoch)
