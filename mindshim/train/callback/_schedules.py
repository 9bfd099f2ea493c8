"""Callbacks that steer training: ``LearningRateScheduler``, ``EarlyStopping``, ``ReduceLROnPlateau``."""
import copy
import math

import numpy as np

from ... import _checkparam as validator
from ... import ops
from ...common import dtype as mstype
from ...common.parameter import Parameter
from ...common.tensor import Tensor
from ..serialization import load_param_into_net
from ._callback import Callback, _handle_loss, logger
from ._monitors import _non_negative_int

_smaller_better_metrics = ['hausdorff_distance', 'mae', 'mse', 'loss', 'perplexity',
                           'mean_surface_distance', 'root_mean_square_distance', 'eval_loss']


class LearningRateScheduler(Callback):
    """After each step sets the optimizer's learning rate to ``learning_rate_function(lr, cur_step_num)``
    (``lr`` as printed, e.g. ``0.1`` for a Float32 0.1); the optimizer needs a fixed learning rate."""

    def __init__(self, learning_rate_function):
        super().__init__()
        self.learning_rate_function = learning_rate_function

    def step_end(self, run_context):
        cb_params = run_context.original_args()
        arr_lr = cb_params.optimizer.learning_rate.asnumpy()
        lr = float(np.array2string(arr_lr))
        new_lr = self.learning_rate_function(lr, cb_params.cur_step_num)
        if not math.isclose(lr, new_lr, rel_tol=1e-10):
            ops.assign(cb_params.optimizer.learning_rate, Tensor(new_lr, mstype.float32))
            logger.info(f'At step {cb_params.cur_step_num}, learning_rate change to {new_lr}')


class _Plateau(Callback):
    """What ``EarlyStopping`` and ``ReduceLROnPlateau`` share: a monitored value (``'loss'``, the training
    loss, or a key of the evaluation results of ``Model.fit``) and what counts as an improvement."""
    _what = ""

    def _set_mode(self):
        """Checks ``mode`` and sets the improvement test and the starting ``best``."""
        if self.mode not in ['auto', 'min', 'max']:
            raise ValueError("mode should be 'auto', 'min' or 'max', but got %s." % self.mode)
        if self._lower_is_better():
            self.is_improvement = lambda a, b: np.less(a, b - self.min_delta)
        else:
            self.is_improvement = lambda a, b: np.greater(a, b + self.min_delta)
        self.best = self._worst()

    def _lower_is_better(self):
        return self.mode == 'min' or (self.mode == 'auto' and self.monitor in _smaller_better_metrics)

    def _worst(self):
        return np.inf if self._lower_is_better() else -np.inf

    def _get_monitor_value(self, cb_params):
        """The monitored value as a 0-d array, or None (and a warning) when it is not available."""
        monitor_candidates = {}
        if self.monitor == "loss":
            monitor_value = _handle_loss(cb_params.get("net_outputs"))
        else:
            monitor_candidates = cb_params.get("eval_results", {})
            monitor_value = monitor_candidates.get(self.monitor)
        if monitor_value is None:
            logger.warning('%s is conditioned on %s, which is not available. Available choices are: %s',
                           self._what, self.monitor, set(["loss"] + list(monitor_candidates.keys())))
        if isinstance(monitor_value, np.ndarray) and monitor_value.shape != ():
            raise ValueError(f"{type(self).__name__} only supports scalar monitor now.")
        # MindSpore's test is truthiness: a monitored value of exactly 0 counts as unavailable.
        return np.array(monitor_value) if monitor_value else None


class EarlyStopping(_Plateau):
    """Stops training when the monitored value has not improved by ``min_delta`` for ``patience`` epochs
    (and, with ``baseline``, has not beaten it); with ``restore_best_weights`` the weights of the best epoch
    are loaded back when it stops."""
    _what = "Early stopping"

    def __init__(self, monitor='eval_loss', min_delta=0, patience=0,
                 verbose=False, mode='auto', baseline=None, restore_best_weights=False):
        super().__init__()
        self.monitor = validator.check_value_type('monitor', monitor, str)
        self.min_delta = abs(validator.check_value_type("min_delta", min_delta, [float, int]))
        self.patience = _non_negative_int(patience)
        self.verbose = validator.check_bool(verbose)
        self.mode = validator.check_value_type('mode', mode, str)
        # MindSpore checks min_delta here, and keeps min_delta (not baseline) as the baseline.
        self.baseline = validator.check_value_type("min_delta", min_delta, [float, int]) if baseline else None
        self.restore_best_weights = validator.check_bool(restore_best_weights)
        self._set_mode()
        self.wait = 0
        self.stopped_epoch = 0
        self.best_weights_param_dict = None

    def on_train_begin(self, run_context):
        self.wait = 0
        self.stopped_epoch = 0
        self.best = self._worst()
        self.best_weights_param_dict = None

    def on_train_epoch_end(self, run_context):
        cb_params = run_context.original_args()
        current = self._get_monitor_value(cb_params)
        if current is None:
            return
        if self.restore_best_weights and self.best_weights_param_dict is None:
            self.best_weights_param_dict = copy.deepcopy(cb_params.train_network.parameters_dict())
        self.wait += 1
        if self.is_improvement(current, self.best):
            self.best = current
            if self.restore_best_weights:
                self.best_weights_param_dict = copy.deepcopy(cb_params.train_network.parameters_dict())
            if self.baseline is None or self.is_improvement(current, self.baseline):
                self.wait = 0
        if self.wait >= self.patience:
            self.stopped_epoch = cb_params.get("cur_epoch_num")
            run_context.request_stop()
            if self.restore_best_weights and self.best_weights_param_dict is not None:
                if self.verbose:
                    print('Restoring model weights from the end of the best epoch.')
                load_param_into_net(cb_params.train_network, self.best_weights_param_dict)

    def on_train_end(self, run_context):
        if self.stopped_epoch > 0 and self.verbose:
            print('Epoch %05d: early stopping' % (self.stopped_epoch))


def _open_unit_float(value):
    """MindSpore's ``check_float_range(value, 0.0, 1.0, INC_NEITHER)`` without an argument name."""
    if not isinstance(value, float):
        raise TypeError(f"The input value must be 'float',  but got '{type(value).__name__}'.")
    if not 0.0 < value < 1.0:
        raise ValueError(f"The input value must be in range of (0.0, 1.0), but got {value} with type "
                         f"'{type(value).__name__}'.")
    return value


class ReduceLROnPlateau(_Plateau):
    """Multiplies the optimizer's (fixed) learning rate by ``factor`` (not below ``min_lr``) when the monitored
    value has not improved for ``patience`` epochs, then waits ``cooldown`` epochs."""
    _what = "Learning rate reduction"

    def __init__(self, monitor='eval_loss', factor=0.1, patience=10, verbose=False,
                 mode='auto', min_delta=1e-4, cooldown=0, min_lr=0):
        super().__init__()
        self.monitor = validator.check_value_type('monitor', monitor, str)
        self.factor = _open_unit_float(factor)
        self.patience = _non_negative_int(patience)
        self.verbose = validator.check_bool(verbose)
        self.mode = validator.check_value_type('mode', mode, str)
        self.min_delta = abs(validator.check_value_type("min_delta", min_delta, [float, int]))
        self.cooldown = _non_negative_int(cooldown)
        self.min_lr = validator.check_value_type("min_lr", min_lr, [float, int])
        self._set_mode()
        self.cooldown_counter = 0
        self.wait = 0

    def on_train_begin(self, run_context):
        self.cooldown_counter = 0
        self.wait = 0
        self.best = self._worst()

    def on_train_epoch_end(self, run_context):
        cb_params = run_context.original_args()
        cur_lr = cb_params.optimizer.learning_rate
        if not isinstance(cur_lr, Parameter):
            raise ValueError("ReduceLROnPlateau does not support dynamic learning rate and group learning rate now.")
        current = self._get_monitor_value(cb_params)
        if current is None:
            return
        if self.cooldown_counter > 0:
            self.cooldown_counter -= 1
            self.wait = 0
        if self.is_improvement(current, self.best):
            self.best = current
            self.wait = 0
        elif self.cooldown_counter <= 0:
            self.wait += 1
            if self.wait >= self.patience:
                if cur_lr > Tensor(self.min_lr):
                    new_lr = max(cur_lr * self.factor, self.min_lr)
                    ops.assign(cb_params.optimizer.learning_rate, Tensor(new_lr, mstype.float32))
                    if self.verbose:
                        print('Epoch %05d: ReduceLROnPlateau reducing learning rate to %s.'
                              % (cb_params.cur_epoch_num, new_lr))
                self.cooldown_counter = self.cooldown
                self.wait = 0


__all__ = ["LearningRateScheduler", "EarlyStopping", "ReduceLROnPlateau"]
