"""Callbacks that report progress: ``LossMonitor``, ``TimeMonitor`` and mindshim's ``ProgressBarCallback``."""
import sys
import time

import numpy as np

from ... import _checkparam as validator
from ._callback import Callback, _handle_loss


def _non_negative_int(value, arg_name=None):
    return validator._check_number(value, 0, ">=", int, arg_name, None)


class LossMonitor(Callback):
    """Prints ``epoch: E step: S, loss is L`` every ``per_print_times`` steps (0: never), and the metrics of
    the evaluation that ``Model.fit`` runs at the end of an epoch. A NaN or infinite loss stops training with
    a ``ValueError``. Printing reads the loss, which waits for the step to finish."""

    def __init__(self, per_print_times=1):
        super().__init__()
        _non_negative_int(per_print_times)
        self._per_print_times = per_print_times
        self._last_print_time = 0

    def step_end(self, run_context):
        cb_params = run_context.original_args()
        cur_epoch_num = cb_params.get("cur_epoch_num", 1)
        loss = _handle_loss(cb_params.net_outputs)
        cur_step_in_epoch = (cb_params.cur_step_num - 1) % cb_params.batch_num + 1
        if isinstance(loss, float) and (np.isnan(loss) or np.isinf(loss)):
            raise ValueError("In epoch: {} step: {}, loss is NAN or INF, training process cannot continue, "
                             "terminating training.".format(cur_epoch_num, cur_step_in_epoch))
        if self._per_print_times != 0 and cb_params.cur_step_num <= self._last_print_time:
            while cb_params.cur_step_num <= self._last_print_time:
                self._last_print_time -= max(self._per_print_times,
                                             cb_params.batch_num if cb_params.dataset_sink_mode else 1)
        if self._per_print_times != 0 and (cb_params.cur_step_num - self._last_print_time) >= self._per_print_times:
            self._last_print_time = cb_params.cur_step_num
            print("epoch: %s step: %s, loss is %s" % (cur_epoch_num, cur_step_in_epoch, loss), flush=True)

    def on_train_epoch_end(self, run_context):
        cb_params = run_context.original_args()
        metrics = cb_params.get("metrics")
        if metrics:
            # NumPy 1's scalar repr (``0.55``, not ``np.float64(0.55)``), as MindSpore prints it.
            with np.printoptions(legacy="1.25"):
                print("Eval result: epoch %d, metrics: %s" % (cb_params.cur_epoch_num, metrics))


class TimeMonitor(Callback):
    """Prints ``Train epoch time: T ms, per step time: S ms`` at the end of each epoch (``Eval ...`` after an
    evaluation); with ``data_time=True`` also the time per step spent waiting for data (mindshim, like
    MindSpore on CPU, always feeds data from the host, also in sink mode)."""

    def __init__(self, data_size=None, data_time=False):
        super().__init__()
        self.data_size = data_size
        self.epoch_time = time.time()
        self.data_time = data_time
        self.data_time_sum = 0.0
        self.data_time_start = 0.0
        validator.check_bool(data_time, "data_time")

    def on_train_step_begin(self, run_context):
        if self.data_time:
            self.data_time_sum += time.time() - self.data_time_start

    def on_train_step_end(self, run_context):
        if self.data_time:
            self.data_time_start = time.time()

    def epoch_begin(self, run_context):
        self.epoch_time = time.time()
        if self.data_time:
            self.data_time_sum = 0.0
            self.data_time_start = time.time()

    def epoch_end(self, run_context):
        epoch_seconds = (time.time() - self.epoch_time) * 1000
        step_size = self.data_size
        cb_params = run_context.original_args()
        mode = cb_params.get("mode", "")
        batch_num = cb_params.get("batch_num")
        if isinstance(batch_num, int) and batch_num > 0:
            step_size = batch_num
        validator.check_positive_int(step_size)
        step_seconds = epoch_seconds / step_size
        train_log = "{} epoch time: {:5.3f} ms, per step time: {:5.3f} ms".format(
            mode.title(), epoch_seconds, step_seconds)
        if self.data_time:
            train_log += " (data time: {:5.3f} ms)".format(self.data_time_sum * 1000 / step_size)
        print(train_log, flush=True)


class ProgressBarCallback(Callback):
    """mindshim's own progress bar (not in MindSpore): one line per epoch, redrawn in place, like tqdm::

        epoch 2/10 [###########---------]  55/100 loss: 0.4123  41.7 steps/s

    In a terminal or a Jupyter notebook the line is redrawn with ``\\r`` (plain text: no ipywidgets needed) at
    most every ``refresh`` seconds; elsewhere (output to a file) only the finished line of each epoch is
    written. Reading the loss to show it waits for that step, so redraws are rate-limited. After ``Model.fit``
    evaluates, the metrics are appended to the epoch's line.
    """

    def __init__(self, refresh=0.1, width=20, file=None):
        super().__init__()
        self.refresh = refresh
        self.width = width
        self.file = file
        self._epoch_start = self._last_draw = 0.0
        self._step = 0
        self._last_line = ""

    def _stream(self):
        return self.file if self.file is not None else sys.stdout

    def _live(self):
        stream = self._stream()
        return "ipykernel" in sys.modules or (hasattr(stream, "isatty") and stream.isatty())

    def _line(self, cb_params, loss=None):
        total = cb_params.get("batch_num") or 0
        done = min(self._step, total) if total else self._step
        filled = int(self.width * done / total) if total else 0
        elapsed = max(time.perf_counter() - self._epoch_start, 1e-9)
        parts = [f"epoch {cb_params.get('cur_epoch_num', 1)}/{cb_params.get('epoch_num', 1)}",
                 f"[{'#' * filled}{'-' * (self.width - filled)}]", f"{done:>{len(str(total))}}/{total}"]
        if loss is not None:
            parts.append(f"loss: {loss:.4f}")
        parts.append(f"{self._step / elapsed:.1f} steps/s")
        return " ".join(parts)

    def _draw(self, line, end=""):
        stream = self._stream()
        pad = " " * max(len(self._last_line) - len(line), 0)
        stream.write("\r" + line + pad + end)
        stream.flush()
        self._last_line = "" if end else line

    def on_train_epoch_begin(self, run_context):
        self._step = 0
        self._epoch_start = self._last_draw = time.perf_counter()
        self._last_line = ""

    def on_train_step_end(self, run_context):
        self._step += 1
        now = time.perf_counter()
        if self._live() and now - self._last_draw >= self.refresh:
            self._last_draw = now
            cb_params = run_context.original_args()
            self._draw(self._line(cb_params, self._loss(cb_params)))

    def on_train_epoch_end(self, run_context):
        cb_params = run_context.original_args()
        line = self._line(cb_params, self._loss(cb_params))
        metrics = cb_params.get("metrics")
        if metrics:
            line += " | eval " + " ".join(f"{k}: {_fmt(v)}" for k, v in metrics.items())
        if self._live():
            self._draw(line, "\n")
        else:
            self._stream().write(line + "\n")
            self._stream().flush()

    @staticmethod
    def _loss(cb_params):
        if "net_outputs" not in cb_params:
            return None
        loss = _handle_loss(cb_params.net_outputs)
        return float(np.mean(loss.asnumpy())) if hasattr(loss, "asnumpy") else loss


def _fmt(value):
    return f"{value:.4f}" if isinstance(value, (float, np.floating)) else str(value)


__all__ = ["LossMonitor", "TimeMonitor", "ProgressBarCallback"]
