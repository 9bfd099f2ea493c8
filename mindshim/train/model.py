"""``mindspore.train.Model``: training, evaluation and prediction loops over a dataset, with callbacks.

The training network is built as MindSpore builds it: ``WithLossCell(network, loss_fn)`` inside
``TrainOneStepCell`` (``TrainOneStepWithLossScaleCell`` with a loss scale manager that has an update cell), so
each step is one compiled XLA program. Datasets are used through MindSpore's protocol: ``get_dataset_size()``
and ``create_tuple_iterator(num_epochs=...)``, an iterator that ends each epoch with ``StopIteration`` and
continues with the next epoch when iterated again.

Data sink mode (``dataset_sink_mode=True``) trains each run of ``sink_size`` batches as one compiled program: the
batches are stacked and put on the device ahead of time by the dataset's thread, and a ``jax.lax.scan`` over
them carries the weights, optimizer state, BatchNorm statistics, loss scale and PRNG key, returning every
step's outputs (``mindshim._engine.SinkCall``). The losses and weights are those of normal mode. What the
callbacks see follows MindSpore's CPU, which runs sink mode as normal mode: every epoch covers the whole dataset
(a last sink shorter than ``sink_size`` where the dataset size is not a multiple of it), ``batch_num`` is
``sink_size``, ``dataset_sink_mode`` is False, and every step's hooks run (after its sink, with that step's
``net_outputs`` and ``train_dataset_element``). As on MindSpore's GPU and Ascend sink mode, a callback that
reads the weights sees them as of the end of the sink, a change a callback makes (a learning rate, a request to
stop) takes effect from the next sink, and a checkpoint saved mid-sink holds the weights after the sink.

Where mindshim differs otherwise: ``amp_level`` uses ``mindshim.amp``; ``boost_level`` other than ``'O0'`` is not
supported yet; there is no ``mindspore_lite`` backend for ``predict``; evaluation and prediction run eagerly
(PyNative), compiled in GRAPH_MODE, as in MindSpore.
"""
import copy
import functools
import logging
import os

import numpy as np

from .. import _checkparam as validator
from .. import _engine, nn
from ..common.tensor import Tensor
from . import _sink
from . import callback as _callbacks
from .callback._callback import RunContext, _CallbackManager, _InternalCallbackParam, _Lazy
from .callback._checkpoint import ModelCheckpoint, _chg_ckpt_file_name_if_same_exist
from .callback._monitors import TimeMonitor
from .loss_scale_manager import DynamicLossScaleManager, FixedLossScaleManager, LossScaleManager
from .metrics import Loss, get_metric_fn, get_metrics
from .serialization import save_checkpoint

logger = logging.getLogger("mindshim")

_KWARGS = ['loss_scale_manager', 'keep_batchnorm_fp32', 'boost_config_dict', 'acc_level']
_LEGACY_HOOKS = {'begin', 'end', 'epoch_begin', 'epoch_end', 'step_begin', 'step_end'}


def _type_names_error(arg_name, value, names):
    return TypeError(f"The type of '{arg_name}' should be one of '{names}', but got type '{type(value).__name__}'.")


def _save_final_ckpt(func):
    """With a ``ModelCheckpoint`` whose config has ``exception_save``, an exception in training first saves
    ``<prefix>-<epoch>_<step>_breakpoint.ckpt``."""
    @functools.wraps(func)
    def wrapper(self, *args, **kwargs):
        callbacks = kwargs.get('callbacks')
        found = [callbacks] if isinstance(callbacks, ModelCheckpoint) else \
            [cb for cb in callbacks if isinstance(cb, ModelCheckpoint)] if isinstance(callbacks, list) else []
        obj = found[-1] if found else None
        if not (obj and obj._config and obj._config.exception_save):
            return func(self, *args, **kwargs)
        try:
            return func(self, *args, **kwargs)
        except BaseException:
            prefix = _chg_ckpt_file_name_if_same_exist(obj._directory, obj._exception_prefix, True)
            name = f"{prefix}-{self._current_epoch_num}_{self._current_step_num}_breakpoint.ckpt"
            if "epoch_num" in obj._append_dict:
                obj._append_dict["epoch_num"] = obj._append_epoch_num + self._current_epoch_num
            if "step_num" in obj._append_dict:
                obj._append_dict["step_num"] = obj._append_step_num + self._current_step_num
            config = obj._config
            save_checkpoint(self._train_network, os.path.join(obj._directory, name), config.integrated_save,
                            config.async_save, obj._append_dict, config.enc_key, config.enc_mode)
            raise
    return wrapper


class Model:
    """High-level training and evaluation: ``Model(network, loss_fn, optimizer, metrics={'accuracy'})``, then
    ``train``, ``eval``, ``fit`` (training with evaluation every ``valid_frequency`` epochs) and ``predict``.

    ``loss_scale_manager`` goes in ``kwargs`` (with ``keep_batchnorm_fp32``, ``boost_config_dict`` and
    ``acc_level``), as in MindSpore. ``eval_network`` with ``eval_indexes=[loss, logits, label]`` picks the
    outputs the metrics get; by default it is ``WithEvalCell(network, loss_fn)``.
    """

    def __init__(self, network, loss_fn=None, optimizer=None, metrics=None, eval_network=None, eval_indexes=None,
                 amp_level="O0", boost_level="O0", **kwargs):
        self._network = network
        self._loss_fn = loss_fn
        self._optimizer = optimizer
        self._loss_scale_manager = None
        self._loss_scale_manager_set = False
        self._keep_bn_fp32 = None
        for arg in kwargs:
            if arg not in _KWARGS:
                raise ValueError(f"The argument in 'kwargs' should be 'loss_scale_manager' or "
                                 f"'keep_batchnorm_fp32' or 'boost_config_dict' or 'acc_level', but got '{arg}'.")
        self._amp_level = amp_level
        self._boost_level = kwargs.get('acc_level', boost_level)
        self._eval_network = eval_network
        if 'keep_batchnorm_fp32' in kwargs:
            self._keep_bn_fp32 = kwargs['keep_batchnorm_fp32']
        if 'loss_scale_manager' in kwargs:
            self._loss_scale_manager = kwargs['loss_scale_manager']
            self._loss_scale_manager_set = True
        self._parallel_mode = "stand_alone"
        self._device_number = 1
        self._metrics = metrics
        if optimizer is None and amp_level != "O0":
            raise ValueError(
                "Auto mixed precision will not work because 'optimizer' is None.Please set amp_level='O0' "
                "to disable auto mixed precision or set 'optimizer' not be None to use auto mixed precision.")
        self._train_network = self._build_train_network()
        self._build_eval_network(metrics, self._eval_network, eval_indexes)
        self._predict_network = self._network
        self._current_epoch_num = 0
        self._current_step_num = 0
        self.epoch_iter = 0
        self._backbone_is_train = True
        self.batch_num = -1
        self._initial_step = None

    # ---- building the networks ---------------------------------------------------------------------
    def _build_train_network(self):
        """MindSpore's ``amp.build_train_network`` at ``level='O0'``: the loss and training-step cells."""
        network = self._network
        validator.check_value_type('network', network, nn.Cell)
        if self._loss_scale_manager is not None and self._optimizer is None:
            raise ValueError("The argument 'optimizer' can not be None when set 'loss_scale_manager'.")
        if self._optimizer:
            return self._build_train_step(network)
        if self._loss_fn:
            return nn.WithLossCell(network, self._loss_fn)
        return network

    def _build_train_step(self, network):
        if not isinstance(self._optimizer, nn.Optimizer):
            raise _type_names_error('optimizer', self._optimizer, ['Optimizer', 'FreezeOpt', 'AdaSumByGradWrapCell',
                                                                   'AdaSumByDeltaWeightWrapCell'])
        level, boost = self._amp_level, self._boost_level
        if not isinstance(level, str):
            raise TypeError(f"The argument `level` must be a string in ['O0', 'O1', 'O2', 'O3', 'auto'],"
                            f"but got type {type(level)}.")
        if level not in ['O0', 'O1', 'O2', 'O3', 'auto']:
            raise ValueError(f"The 'level' should be in : ['O0', 'O1', 'O2', 'O3', 'auto'], but got {level}.")
        if boost not in ['O0', 'O1', 'O2']:
            raise ValueError(f"The 'boost_level' should be in : ['O0', 'O1', 'O2'], but got {boost}.")
        if self._keep_bn_fp32 is not None:
            validator.check_value_type('keep_batchnorm_fp32', self._keep_bn_fp32, bool)
        manager = self._loss_scale_manager
        if self._loss_scale_manager_set and manager and not isinstance(manager, LossScaleManager):
            raise _type_names_error('loss_scale_manager', manager, ['LossScaleManager', 'GroupLossScaleManager'])
        if boost != "O0":
            raise NotImplementedError(f"mindspore.train.Model(boost_level='{boost}') is not supported by mindshim yet")
        if self._loss_fn:
            validator.check_value_type('loss_fn', self._loss_fn, nn.Cell)
        from .. import amp
        network = amp.with_loss(network, self._loss_fn, level)
        loss_scale = None
        if manager is not None:
            loss_scale = manager.get_loss_scale()
            update_cell = manager.get_update_cell()
            if update_cell is not None:
                return nn.TrainOneStepWithLossScaleCell(network, self._optimizer, scale_sense=update_cell).set_train()
        return nn.TrainOneStepCell(network, self._optimizer, loss_scale).set_train()

    def _build_eval_network(self, metrics, eval_network, eval_indexes):
        self._metric_fns = get_metrics(metrics)
        if not self._metric_fns:
            return
        if eval_network is not None:
            if eval_indexes is not None and not (isinstance(eval_indexes, list) and len(eval_indexes) == 3):
                raise ValueError("The argument 'eval_indexes' must be a list or None. If 'eval_indexes' is a list, "
                                 "length of it must be three. But got 'eval_indexes' {}".format(eval_indexes))
            self._eval_network = eval_network
            self._eval_indexes = eval_indexes
            return
        if self._loss_fn is None:
            raise ValueError("If `metrics` is set, `eval_network` must not be None. Do not set `metrics` if you"
                             " don't want an evaluation.\n"
                             "If evaluation is required, you need to specify `eval_network`, which will be used in"
                             " the framework to evaluate the model.\n"
                             "For the simple scenarios with one data, one label and one logits, `eval_network` is"
                             " optional, and then you can set `eval_network` or `loss_fn`. For the latter case,"
                             " framework will automatically build an evaluation network with `network` and"
                             " `loss_fn`.")
        self._eval_network = nn.WithEvalCell(self._network, self._loss_fn, self._amp_level in ["O2", "O3", "auto"])
        self._eval_indexes = [0, 1, 2]

    # ---- metrics -----------------------------------------------------------------------------------
    def _clear_metrics(self):
        for metric in self._metric_fns.values():
            metric.clear()

    def _update_metrics(self, outputs):
        if isinstance(outputs, Tensor):
            outputs = (outputs,)
        if not isinstance(outputs, tuple):
            raise ValueError(f"The argument 'outputs' should be tuple, but got {type(outputs)}.")
        if self._eval_indexes is not None and len(outputs) < 3:
            raise ValueError("The length of 'outputs' must be >= 3, but got {}".format(len(outputs)))
        for metric in self._metric_fns.values():
            if self._eval_indexes is None:
                metric.update(*outputs)
            elif isinstance(metric, Loss):
                metric.update(outputs[self._eval_indexes[0]])
            else:
                metric.update(outputs[self._eval_indexes[1]], outputs[self._eval_indexes[2]])

    def _get_metrics(self):
        return {key: value.eval() for key, value in self._metric_fns.items()}

    # ---- running -----------------------------------------------------------------------------------
    def _exec_preprocess(self, is_train, dataset, epoch_num=1):
        """The dataset's iterator over ``epoch_num`` epochs, and the network in train or eval mode."""
        network = self._train_network if is_train else self._eval_network
        iterator = dataset.create_tuple_iterator(num_epochs=epoch_num)
        _set_train(network, is_train)
        network.phase = 'train' if is_train else 'eval'
        self._backbone_is_train = is_train
        return iterator, network

    def _check_network_mode(self, network, is_train):
        if self._backbone_is_train != is_train:
            network.set_train(is_train)
            self._backbone_is_train = is_train
        if not is_train:
            network.set_grad(False)
        return network

    @staticmethod
    def _transform_callbacks(callbacks):
        if callbacks is None:
            return []
        if isinstance(callbacks, (list, tuple, set)):
            return list(callbacks)
        return [callbacks]

    def _check_reuse_dataset(self, dataset):
        if not hasattr(dataset, '__model_hash__'):
            dataset.__model_hash__ = hash(self)
        if dataset.__model_hash__ != hash(self):
            raise RuntimeError("The dataset object had been used in other model by model.train(...), "
                               "please create a new dataset.")

    @_save_final_ckpt
    def _train(self, epoch, train_dataset, callbacks=None, dataset_sink_mode=True, sink_size=-1, initial_epoch=0,
               valid_dataset=None, valid_frequency=1, valid_dataset_sink_mode=True):
        cb_params = _InternalCallbackParam()
        cb_params.cur_step_num = 0
        cb_params.train_network = self._train_network
        cb_params.epoch_num = epoch - initial_epoch
        # MindSpore counts steps per epoch in sink_size when sink mode is on, while still (on CPU, as mindshim
        # always does) running whole epochs: the epoch and step numbers callbacks see follow sink_size.
        if dataset_sink_mode and sink_size > 0:
            cb_params.batch_num = sink_size
        else:
            cb_params.batch_num = train_dataset.get_dataset_size()
        self.batch_num = cb_params.batch_num
        cb_params.mode = "train"
        cb_params.loss_fn = self._loss_fn
        cb_params.optimizer = self._optimizer
        cb_params.parallel_mode = self._parallel_mode
        cb_params.device_number = self._device_number
        cb_params.train_dataset = train_dataset
        cb_params.list_callback = self._transform_callbacks(callbacks)
        cb_params.train_dataset_element = None
        cb_params.network = self._network
        cb_params.last_save_ckpt_step = None
        cb_params.latest_ckpt_file = None
        cb_params.loss_scale_mananger = self._loss_scale_manager
        cb_params.initial_step = self._initial_step
        valid_infos = (valid_dataset, valid_frequency, valid_dataset_sink_mode)
        with _CallbackManager(cb_params.list_callback) as list_callback:
            self._check_reuse_dataset(train_dataset)
            self._train_process(epoch, train_dataset, list_callback, cb_params, initial_epoch, valid_infos,
                                sink_size if dataset_sink_mode else 0)

    @staticmethod
    def _should_eval(epoch, validation_freq):
        return epoch % validation_freq == 0 if isinstance(validation_freq, int) else epoch in validation_freq

    def _eval_during_train(self, valid_infos, cb_params, list_callback):
        valid_dataset, valid_frequency, _ = valid_infos
        if not (valid_dataset and self._should_eval(cb_params.cur_epoch_num, valid_frequency)):
            return
        saved = {key: cb_params[key] for key in ("cur_step_num", "batch_num", "dataset_sink_mode", "net_outputs")}
        # Model's own callbacks are left out of the evaluation, except TimeMonitor; the user's are kept.
        eval_callback = [cb for cb in list_callback._callbacks
                         if type(cb).__name__ not in _callbacks.__all__ or isinstance(cb, TimeMonitor)]
        self._eval_in_fit(valid_dataset, eval_callback, cb_params)
        cb_params.mode = "train"
        cb_params.update(saved)

    def _train_process(self, epoch, train_dataset, list_callback, cb_params, initial_epoch, valid_infos,
                       sink_size=0):
        """The epochs, each over the whole dataset (MindSpore's CPU loop). With ``sink_size``, each run of
        ``sink_size`` batches (the rest of the epoch for the last) trains as one compiled program, and the
        callbacks of its steps run after it, step by step, with each step's outputs."""
        if sink_size:
            _set_train(self._train_network, True)
            self._train_network.phase = "train"
            self._backbone_is_train = True
            feed = _sink.feed(train_dataset, epoch, sink_size)
            run_epoch = functools.partial(self._sink_epoch, feed, self._sink_call())
        else:
            feed, _ = self._exec_preprocess(True, train_dataset, epoch_num=epoch)
            run_epoch = functools.partial(self._normal_epoch, feed)
        cb_params.dataset_sink_mode = False
        run_context = RunContext(cb_params)
        list_callback.on_train_begin(run_context)
        try:
            for i in range(initial_epoch, epoch):
                cb_params.cur_epoch_num = i + 1
                self._current_epoch_num = cb_params.cur_epoch_num
                self._current_step_num = 0
                list_callback.on_train_epoch_begin(run_context)
                run_epoch(list_callback, cb_params, run_context)
                self._eval_during_train(valid_infos, cb_params, list_callback)
                list_callback.on_train_epoch_end(run_context)
                cb_params.pop("metrics", None)
                cb_params.pop("eval_results", None)
                if run_context.get_stop_requested():
                    break
        finally:
            if sink_size and hasattr(feed, "stop"):
                feed.stop()
        list_callback.on_train_end(run_context)

    def _check_elements(self, count):
        if self._loss_fn and count != 2:
            raise ValueError("When 'loss_fn' is not None, 'train_dataset' should return "
                             "two elements, but got {}, please check the number of elements "
                             "returned by 'train_dataset'".format(count))

    def _next_step(self, cb_params):
        cb_params.cur_step_num += 1
        self._current_step_num = int((cb_params.cur_step_num - 1) % cb_params.batch_num + 1)

    def _normal_epoch(self, iterator, list_callback, cb_params, run_context):
        """One epoch, a compiled step per batch (the batches come on the device from the dataset's thread); the
        loop does per step only what the callbacks see (hooks with no callback are skipped)."""
        manager = self._loss_scale_manager
        host_loss_scale = manager is not None and manager.get_drop_overflow_update()
        network, hooks = self._train_network, bool(list_callback._callbacks)
        for next_element in iterator:
            self._check_elements(len(next_element))
            next_element = _transfer_tensor_to_tuple(next_element)
            self._next_step(cb_params)
            cb_params["train_dataset_element"] = next_element
            if hooks:
                list_callback.on_train_step_begin(run_context)
            if not self._backbone_is_train:
                self._check_network_mode(network, True)
            outputs = network(*next_element)
            cb_params["net_outputs"] = outputs
            if host_loss_scale:
                manager.update_loss_scale(np.all(outputs[1].asnumpy()))
            if hooks:
                list_callback.on_train_step_end(run_context)
                if run_context.get_stop_requested():
                    break

    def _sink_call(self):
        """The training network's sink program (kept on the network, so that later runs reuse it)."""
        network = self._train_network
        call = network.__dict__.get("_sink_call")
        if call is None:
            call = _engine.SinkCall(network, type(network).__name__)
            object.__setattr__(network, "_sink_call", call)
        return call

    def _sink_epoch(self, feed, sink_call, list_callback, cb_params, run_context):
        """One epoch in sinks: each stack of batches trains in one call; then each of its steps' callbacks."""
        manager = self._loss_scale_manager
        host_loss_scale = manager is not None and manager.get_drop_overflow_update()
        for stacked, count in feed:
            self._check_elements(len(stacked))
            self._check_network_mode(self._train_network, True)
            outputs = sink_call(stacked)
            steps = _sink.Steps(stacked, outputs)
            overflow = np.asarray(outputs[1]) if host_loss_scale else None
            for k in range(count):
                self._next_step(cb_params)
                cb_params.train_dataset_element = _Lazy(steps.inputs, k)
                list_callback.on_train_step_begin(run_context)
                cb_params.net_outputs = _Lazy(steps.outputs, k)
                if host_loss_scale:
                    manager.update_loss_scale(np.all(overflow[k]))
                list_callback.on_train_step_end(run_context)
                if run_context.get_stop_requested():
                    return

    def _check_train_args(self, name, epoch, train_dataset, sink_size, initial_epoch):
        """The checks ``train`` and ``fit`` share; returns the dataset's size."""
        _sink.check_is_int(sink_size)
        validator.check_positive_int(epoch)
        validator._check_number(initial_epoch, 0, ">=", int, None, None)
        if initial_epoch >= epoch:
            raise ValueError(f"For 'Model.{name}', the parameter 'epoch' must bigger than parameter 'initial_epoch',"
                             f" but got the parameter 'epoch' is {epoch}, 'initial_epoch' is {initial_epoch}.")
        dataset_size = train_dataset.get_dataset_size()
        if dataset_size == 0:
            raise ValueError("There is no valid data in dataset, please check dataset file firstly.")
        if sink_size < -1 or sink_size == 0:
            raise ValueError(f"For 'Model.{name}', The {'argument' if name == 'train' else 'parameter'} 'sink_size' "
                             f"must be -1 or positive, but got {sink_size}.")
        return dataset_size

    def train(self, epoch, train_dataset, callbacks=None, dataset_sink_mode=False, sink_size=-1, initial_epoch=0):
        """Trains ``epoch - initial_epoch`` epochs over ``train_dataset``, calling ``callbacks``.

        Every epoch runs over the whole dataset: one compiled step per batch, or in data sink mode one compiled
        loop per ``sink_size`` batches (see the module docstring), where the callbacks count ``sink_size`` steps
        per epoch (``cb_params.batch_num``), as on MindSpore's CPU.
        """
        validator.check_bool(dataset_sink_mode)
        dataset_size = self._check_train_args("train", epoch, train_dataset, sink_size, initial_epoch)
        if callbacks:
            self._check_methods_for_custom_callbacks(callbacks, "train")
        self._train(epoch, train_dataset, callbacks=callbacks, dataset_sink_mode=dataset_sink_mode,
                    sink_size=dataset_size if sink_size == -1 else sink_size, initial_epoch=initial_epoch)

    @staticmethod
    def _check_methods_for_custom_callbacks(callbacks, current_mode):
        """Legacy hooks (``step_end``...) in a user's callback: a warning in train and eval, an error in fit."""
        for cb in callbacks if isinstance(callbacks, list) else [callbacks]:
            cb_name = cb.__class__.__name__
            if cb_name in _callbacks.__all__:
                continue
            invalid = set(cb.__class__.__dict__.keys()) & _LEGACY_HOOKS
            if not invalid:
                continue
            msg = ("For %s callback, %s methods may not be supported in later version, Use methods prefixed with "
                   "'on_train' or 'on_eval' instead when using customized callbacks." % (cb_name, invalid))
            if current_mode in ["train", "eval"]:
                logger.warning(msg)
            else:
                raise ValueError(msg)

    def fit(self, epoch, train_dataset, valid_dataset=None, valid_frequency=1, callbacks=None,
            dataset_sink_mode=False, valid_dataset_sink_mode=False, sink_size=-1, initial_epoch=0):
        """Trains as ``train`` does and evaluates ``valid_dataset`` after every ``valid_frequency``-th epoch (an
        int) or after the epochs listed; the callbacks see the results in ``cb_params.metrics`` and
        ``cb_params.eval_results`` (with ``'eval_loss'``) at that epoch's end."""
        validator.check_bool(dataset_sink_mode)
        validator.check_bool(valid_dataset_sink_mode)
        dataset_size = self._check_train_args("fit", epoch, train_dataset, sink_size, initial_epoch)
        if not isinstance(valid_frequency, (int, list)):
            raise TypeError(f"For 'Model.fit', the type of 'valid_frequency' must be a list or an integer, but got "
                            f"type {type(valid_frequency)}.")
        if valid_dataset and not self._metric_fns:
            raise ValueError("For 'Model.fit', if valid_dataset is not None, the model argument 'metrics' can not be"
                             "None or empty, you should set the argument 'metrics' for model.")
        if callbacks:
            self._check_methods_for_custom_callbacks(callbacks, "fit")
        self._train(epoch, train_dataset, callbacks=callbacks, dataset_sink_mode=dataset_sink_mode,
                    sink_size=dataset_size if sink_size == -1 else sink_size, initial_epoch=initial_epoch,
                    valid_dataset=valid_dataset,
                    valid_frequency=valid_frequency, valid_dataset_sink_mode=valid_dataset_sink_mode)

    def build(self, train_dataset=None, valid_dataset=None, sink_size=-1, epoch=1, sink_mode=True):
        """MindSpore's ahead-of-time dataset warm-up and compilation (Ascend only; on CPU and GPU MindSpore
        raises ``RuntimeError``). mindshim checks the arguments and does nothing else: the training and
        evaluation steps compile on their first use."""
        validator.check_positive_int(epoch)
        if not train_dataset and not valid_dataset:
            raise ValueError("The argument 'train_dataset' and 'valid_dataset' can not both be None or empty.")
        if valid_dataset and not self._metric_fns:
            raise RuntimeError("If define `valid_dataset`, metric fn can not be None or empty, "
                               "you should set the argument 'metrics' for model.")

    def _eval_in_fit(self, valid_dataset, callbacks, cb_params):
        cb_params.eval_network = self._eval_network
        cb_params.valid_dataset = valid_dataset
        cb_params.batch_num = valid_dataset.get_dataset_size()
        cb_params.mode = "eval"
        cb_params.cur_step_num = 0
        self._clear_metrics()
        with _CallbackManager(callbacks) as list_callback:
            return self._eval_process(valid_dataset, list_callback, cb_params, add_eval_loss=True)

    def _eval_process(self, valid_dataset, list_callback, cb_params, add_eval_loss=False):
        run_context = RunContext(cb_params)
        cb_params.dataset_sink_mode = False
        list_callback.on_eval_begin(run_context)
        iterator, _ = self._exec_preprocess(False, valid_dataset)
        list_callback.on_eval_epoch_begin(run_context)
        for next_element in iterator:
            cb_params.cur_step_num += 1
            next_element = _transfer_tensor_to_tuple(next_element)
            cb_params.eval_dataset_element = next_element
            list_callback.on_eval_step_begin(run_context)
            self._check_network_mode(self._eval_network, False)
            outputs = self._eval_network(*next_element)
            cb_params.net_outputs = outputs
            list_callback.on_eval_step_end(run_context)
            self._update_metrics(outputs)
            if add_eval_loss:
                # MindSpore makes a new Loss metric each step: eval_loss is the last batch's loss.
                eval_loss_fn = get_metric_fn("loss")
                eval_loss_fn.update(outputs[self._eval_indexes[0]])
            if run_context.get_stop_requested():
                break
        list_callback.on_eval_epoch_end(run_context)
        metrics = self._get_metrics()
        cb_params.metrics = metrics
        if add_eval_loss:
            cb_params.eval_results = copy.deepcopy(metrics)
            cb_params.eval_results.update({"eval_loss": eval_loss_fn.eval()})
        list_callback.on_eval_end(run_context)
        return metrics

    def eval(self, valid_dataset, callbacks=None, dataset_sink_mode=False):
        """Runs the evaluation network over ``valid_dataset`` and returns ``{name: metric value}``."""
        validator.check_bool(dataset_sink_mode)
        if not self._metric_fns:
            raise ValueError("For Model.eval, the model argument 'metrics' can not be None or empty, "
                             "you should set the argument 'metrics' for model.")
        if callbacks:
            self._check_methods_for_custom_callbacks(callbacks, "eval")
        cb_params = _InternalCallbackParam()
        cb_params.eval_network = self._eval_network
        cb_params.valid_dataset = valid_dataset
        cb_params.batch_num = valid_dataset.get_dataset_size()
        cb_params.mode = "eval"
        cb_params.cur_step_num = 0
        cb_params.list_callback = self._transform_callbacks(callbacks)
        cb_params.network = self._network
        self._clear_metrics()
        with _CallbackManager(callbacks) as list_callback:
            return self._eval_process(valid_dataset, list_callback, cb_params)

    def predict(self, *predict_data, backend=None, config=None):
        """``predict_network(*predict_data)`` in inference mode. ``backend='lite'`` (MindSpore Lite) falls back to
        this, as MindSpore does when Lite is not installed."""
        if backend not in ['lite', None]:
            raise ValueError(f"For Model.predict, `backend` should be 'lite' or None, but got {backend}")
        self._check_network_mode(self._predict_network, False)
        for item in predict_data:
            if item is None:
                continue
            if isinstance(item, Tensor):
                if item.size == 0:
                    raise ValueError("The input data can not be empty.")
                continue
            if not isinstance(item, (int, float, str)):
                data_class_str = "Tensor, None, int, float, str"
                raise TypeError(f'The types of input data must be in the Union({data_class_str}, '
                                f'tuple[{data_class_str}], list[{data_class_str}], dict[{data_class_str}]), '
                                f'but got type {type(item).__name__}.')
        result = self._predict_network(*predict_data)
        if result is None:
            raise RuntimeError('The output data can not be None, please check your net or input data.')
        return result

    @property
    def train_network(self):
        return self._train_network

    @property
    def predict_network(self):
        return self._predict_network

    @property
    def eval_network(self):
        return self._eval_network


def _transfer_tensor_to_tuple(inputs):
    return (inputs,) if isinstance(inputs, Tensor) else inputs


def _set_train(network, mode):
    """``network.set_train(mode)``, skipped when every cell is already in that mode: changing a mode makes the
    compiled steps trace again."""
    if any(cell.training != mode for _, cell in network.cells_and_names()):
        network.set_train(mode)



__all__ = ["Model", "LossScaleManager", "FixedLossScaleManager", "DynamicLossScaleManager"]
