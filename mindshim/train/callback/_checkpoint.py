"""``ModelCheckpoint`` and ``CheckpointConfig``: save checkpoints while training, keep the newest few.

Files are named as MindSpore names them: ``<prefix>-<epoch>_<step in epoch>.ckpt`` in ``directory`` (the
working directory when mindshim was imported, by default); a prefix already used there by checkpoint files
gets a suffix (``CKP_1-1_10.ckpt``). mindshim writes no ``<prefix>-graph.meta`` (MindSpore writes one only in
GRAPH_MODE: a protobuf of its compiled graph, which mindshim does not have).

Old files beyond ``keep_checkpoint_max`` (or ``keep_checkpoint_per_n_minutes``) are the ones MindSpore removes,
but only once the new file is written (after the background write, with ``async_save``): MindSpore removes
them first, so a save that fails loses one. A failed save raises and changes nothing on disk.
"""
import os
import stat
import time

from ... import _checkparam as validator
from ...common.parameter import Parameter
from ...common.tensor import Tensor
from ...nn.cell import Cell
from ..serialization import _background, _prepare_save, _store, load_checkpoint, save_checkpoint
from ._callback import Callback, logger
from ._monitors import _non_negative_int

_cur_dir = os.getcwd()
_info_list = ["epoch_num", "step_num"]


def _make_directory(path, arg_name="path"):
    """The real path of ``path``, created if missing (MindSpore's ``_make_directory``)."""
    if not isinstance(path, str):
        raise TypeError("The {} is invalid, the type should be string.".format(arg_name))
    if path.strip() == "":
        raise ValueError("The {} is invalid, it should be non-blank.".format(arg_name))
    path = os.path.realpath(path)
    if os.path.exists(path):
        if not os.path.isdir(path):
            raise NotADirectoryError("The path({}) is a file path, it should be a directory path.".format(path))
        return path
    try:
        os.makedirs(path, mode=0o700, exist_ok=True)
    except PermissionError as e:
        raise TypeError("No write permission on the directory.") from e
    return path


def _chg_ckpt_file_name_if_same_exist(directory, prefix, exception=False):
    """``prefix``, or ``prefix_N`` when checkpoint files with that prefix already exist in ``directory``."""
    if callable(prefix) or callable(directory):
        return prefix
    suffix_num = 0
    pre_len = len(prefix)
    for filename in os.listdir(directory):
        ext = os.path.splitext(filename)[-1]
        breakpoint_file = filename[-16:] == "_breakpoint.ckpt"
        if exception != breakpoint_file or (not exception and ext not in (".ckpt", ".safetensors")):
            continue
        if filename.find(prefix) == 0 and not filename[pre_len].isalpha():
            index = filename[pre_len:].find("-")
            if index == 0:
                suffix_num = max(suffix_num, 1)
            elif index != -1:
                num = filename[pre_len + 1:pre_len + index]
                if num.isdigit():
                    suffix_num = max(suffix_num, int(num) + 1)
    return f'{prefix}_{suffix_num}' if suffix_num != 0 else prefix


def _check_async_save(async_save):
    if not isinstance(async_save, (bool, str)):
        raise TypeError("For 'save_checkpoint', the parameter 'async_save' must be bool or str, "
                        "but got {}.".format(type(async_save)))
    if isinstance(async_save, str) and async_save not in ("process", "thread"):
        raise ValueError("For 'save_checkpoint', the argument 'async_save' can only be 'process' or 'thread',"
                         "but got {}.".format(async_save))
    return async_save


def _check_isinstance(arg_name, arg_value, classes):
    if not isinstance(arg_value, classes):
        raise ValueError(f"The parameter '{arg_name}' must be isinstance of {classes}, but got {arg_value}.")
    return arg_value


class CheckpointConfig:
    """When to save and how many checkpoints to keep: every ``save_checkpoint_steps`` steps (or, when that is
    0 or None, every ``save_checkpoint_seconds``), keeping the newest ``keep_checkpoint_max`` files (or, when
    that is 0 or None, one per ``keep_checkpoint_per_n_minutes``). ``append_info`` adds ``'epoch_num'``,
    ``'step_num'`` and one dict of extra values to each file.
    """

    def __init__(self, save_checkpoint_steps=1, save_checkpoint_seconds=0, keep_checkpoint_max=5,
                 keep_checkpoint_per_n_minutes=0, integrated_save=True, async_save=False, saved_network=None,
                 append_info=None, enc_key=None, enc_mode='AES-GCM', exception_save=False, crc_check=False,
                 remove_redundancy=False, format="ckpt", **kwargs):
        if save_checkpoint_steps is not None:
            save_checkpoint_steps = _non_negative_int(save_checkpoint_steps)
        if save_checkpoint_seconds is not None:
            save_checkpoint_seconds = _non_negative_int(save_checkpoint_seconds)
        if keep_checkpoint_max is not None:
            keep_checkpoint_max = _non_negative_int(keep_checkpoint_max)
        if keep_checkpoint_per_n_minutes is not None:
            keep_checkpoint_per_n_minutes = _non_negative_int(keep_checkpoint_per_n_minutes)
        if saved_network is not None and not isinstance(saved_network, Cell):
            raise TypeError("For 'CheckpointConfig', the type of 'saved_network' must be None or Cell, "
                            f"but got {str(type(saved_network))}.")
        if not save_checkpoint_steps and not save_checkpoint_seconds and \
                not keep_checkpoint_max and not keep_checkpoint_per_n_minutes:
            raise ValueError("For 'CheckpointConfig', the input arguments 'save_checkpoint_steps', "
                             "'save_checkpoint_seconds', "
                             "'keep_checkpoint_max' and 'keep_checkpoint_per_n_minutes' can't be all None or 0.")
        self.exception_save = validator.check_bool(exception_save)
        self._save_checkpoint_steps = save_checkpoint_steps
        self._save_checkpoint_seconds = save_checkpoint_seconds
        if self._save_checkpoint_steps and self._save_checkpoint_steps > 0:
            self._save_checkpoint_seconds = None
        self._keep_checkpoint_max = keep_checkpoint_max
        self._keep_checkpoint_per_n_minutes = keep_checkpoint_per_n_minutes
        if self._keep_checkpoint_max and self._keep_checkpoint_max > 0:
            self._keep_checkpoint_per_n_minutes = None
        elif not self._keep_checkpoint_per_n_minutes:
            self._keep_checkpoint_max = 1
        self._integrated_save = validator.check_bool(integrated_save)
        self._async_save = _check_async_save(async_save)
        self._saved_network = saved_network
        self._append_dict = self._handle_append_info(append_info)
        self._enc_key = _check_isinstance('enc_key', enc_key, (type(None), bytes))
        self._enc_mode = _check_isinstance('enc_mode', enc_mode, str)
        self._crc_check = _check_isinstance('crc_check', crc_check, bool)
        self._format = _check_isinstance('format', format, str)
        self._map_param_inc = kwargs.get('incremental', False)
        if self._map_param_inc:
            raise NotImplementedError("mindspore.train.CheckpointConfig(incremental=True) (MapParameter checkpoints) "
                                      "is not supported by mindshim yet")
        self.enable_redundance = kwargs.get('enable_redundance', False)
        self.remove_redundancy = _check_isinstance('remove_redundancy', remove_redundancy, bool)
        param_not_default = (enc_key is not None or enc_mode != "AES-GCM" or crc_check or exception_save)
        if format == "safetensors" and param_not_default:
            raise ValueError("For 'save_checkpoint', when format is 'safetensors', other param must be default.")

    save_checkpoint_steps = property(lambda self: self._save_checkpoint_steps)
    save_checkpoint_seconds = property(lambda self: self._save_checkpoint_seconds)
    keep_checkpoint_max = property(lambda self: self._keep_checkpoint_max)
    keep_checkpoint_per_n_minutes = property(lambda self: self._keep_checkpoint_per_n_minutes)
    integrated_save = property(lambda self: self._integrated_save)
    async_save = property(lambda self: self._async_save)
    saved_network = property(lambda self: self._saved_network)
    enc_key = property(lambda self: self._enc_key)
    enc_mode = property(lambda self: self._enc_mode)
    crc_check = property(lambda self: self._crc_check)
    format = property(lambda self: self._format)
    append_dict = property(lambda self: self._append_dict)
    map_param_inc = property(lambda self: self._map_param_inc)

    def get_checkpoint_policy(self):
        return {'save_checkpoint_steps': self.save_checkpoint_steps,
                'save_checkpoint_seconds': self.save_checkpoint_seconds,
                'keep_checkpoint_max': self.keep_checkpoint_max,
                'keep_checkpoint_per_n_minutes': self.keep_checkpoint_per_n_minutes,
                'saved_network': self.saved_network}

    @staticmethod
    def _handle_append_info(append_info):
        if append_info is None or append_info == []:
            return None
        if not isinstance(append_info, list):
            raise TypeError("For 'CheckpointConfig', the type of 'append_info' must be list,"
                            f"but got {str(type(append_info))}.")
        handle_append_info = {key: 0 for key in _info_list if key in append_info}
        dict_num = 0
        for element in append_info:
            if not isinstance(element, (str, dict)):
                raise TypeError("For 'CheckpointConfig', the type of 'append_info' element must be str or dict,"
                                f"but got {str(type(element))}.")
            if isinstance(element, str) and element not in _info_list:
                raise ValueError("For 'CheckpointConfig', the value of element in the argument 'append_info' "
                                 f"must be in {_info_list}, but got {element}.")
            if isinstance(element, dict):
                dict_num += 1
                if dict_num > 1:
                    raise TypeError("For 'CheckpointConfig', the element of 'append_info' must has only one dict, "
                                    "but got {dict_num}")
                for key, value in element.items():
                    if not (isinstance(key, str) and isinstance(value, (int, float, bool, str, Parameter, Tensor))):
                        raise TypeError("For 'CheckpointConfig', the key type of the dict 'append_info' "
                                        "must be string, the value type must be int or float or bool, "
                                        f"but got key type {type(key)}, value type {type(value)}")
                    handle_append_info[key] = value
        return handle_append_info


class ModelCheckpoint(Callback):
    """Saves the training network (or ``config.saved_network``) as ``config`` says, after steps and at the end
    of training. ``prefix`` and ``directory`` may be functions of ``cb_params`` (then the file is
    ``prefix() + '.ckpt'``)."""

    def __init__(self, prefix='CKP', directory=None, config=None):
        super().__init__()
        self._latest_ckpt_file_name = ""
        self._init_time = self._last_time = self._last_time_for_keep = time.time()
        self._last_triggered_step = 0
        self._prefix_func = None
        self._directory_func = None
        if not callable(prefix) and (not isinstance(prefix, str) or prefix.find('/') >= 0):
            raise ValueError("For 'ModelCheckpoint', the argument 'prefix' "
                             "for checkpoint file name is invalid, it must be "
                             "callable or string that does not contain '/', but got {}.".format(prefix))
        self._prefix = prefix
        self._exception_prefix = prefix
        if directory is not None:
            if callable(directory):
                self._directory_func = directory
            else:
                self._directory = _make_directory(directory)
        else:
            self._directory = _cur_dir
        if callable(prefix):
            self._prefix_func = prefix
        if config is None:
            self._config = CheckpointConfig()
        elif not isinstance(config, CheckpointConfig):
            raise TypeError("For 'ModelCheckpoint', the type of argument 'config' should be "
                            "'CheckpointConfig', but got {}.".format(type(config)))
        else:
            self._config = config
        self._manager = _CheckpointManager(self._config.format)
        if not callable(directory) and not callable(prefix):
            self._prefix = _chg_ckpt_file_name_if_same_exist(self._directory, self._prefix)
        self._append_dict = self._config.append_dict or {}
        self._append_epoch_num = self._append_dict.get("epoch_num", 0)
        self._append_step_num = self._append_dict.get("step_num", 0)

    def step_end(self, run_context):
        cb_params = run_context.original_args()
        if self._prefix_func:
            self._prefix = self._prefix_func(cb_params)
            if not isinstance(self._prefix, str) or self._prefix.find('/') >= 0:
                raise ValueError("For 'ModelCheckpoint', the argument 'prefix' "
                                 "for checkpoint file name is callable, it must return a "
                                 "string that does not contain '/', but got {}.".format(self._prefix))
        if self._directory_func:
            self._directory = self._directory_func(cb_params)
            _make_directory(self._directory)
        self._save_ckpt(cb_params)

    def end(self, run_context):
        self._save_ckpt(run_context.original_args(), True)

    def _check_save_ckpt(self, cb_params, force_to_save):
        if self._config.save_checkpoint_steps and self._config.save_checkpoint_steps > 0:
            return (cb_params.cur_step_num >= self._last_triggered_step + self._config.save_checkpoint_steps
                    or force_to_save is True)
        if self._config.save_checkpoint_seconds and self._config.save_checkpoint_seconds > 0:
            self._cur_time = time.time()
            if (self._cur_time - self._last_time) > self._config.save_checkpoint_seconds or force_to_save:
                self._last_time = self._cur_time
                return True
        return False

    def _append_dict_content(self, epoch_num, step_num):
        if "epoch_num" in self._append_dict:
            self._append_dict["epoch_num"] = self._append_epoch_num + epoch_num
        if "step_num" in self._append_dict:
            self._append_dict["step_num"] = self._append_step_num + step_num

    def _save_ckpt(self, cb_params, force_to_save=False):
        if cb_params.cur_step_num == self._last_triggered_step:
            return
        if not self._check_save_ckpt(cb_params, force_to_save):
            return
        config = self._config
        # The previous asynchronous save ends first, as in MindSpore; its error, if any, is raised by _store, after
        # _prepare_save has gathered the values (a collective on several hosts).
        _background.join()
        step_num_in_epoch = int((cb_params.cur_step_num - 1) % cb_params.batch_num + 1)
        if self._prefix_func:
            cur_ckpoint_file = self._prefix + f".{config.format}"
        else:
            cur_ckpoint_file = f"{self._prefix}-{cb_params.cur_epoch_num}_{step_num_in_epoch}.{config.format}"
        self._manager.update_ckpoint_filelist(self._directory, self._prefix)
        old_files = []
        if config.keep_checkpoint_max and 0 < config.keep_checkpoint_max <= self._manager.ckpoint_num:
            old_files = [self._manager.oldest_ckpoint_file()]
        elif config.keep_checkpoint_per_n_minutes and config.keep_checkpoint_per_n_minutes > 0:
            cur_time_for_keep = time.time()
            if (cur_time_for_keep - self._last_time_for_keep) < config.keep_checkpoint_per_n_minutes * 60:
                old_files = self._manager.ckpoint_files_to_thin(config.keep_checkpoint_per_n_minutes,
                                                                cur_time_for_keep)
        cur_file = os.path.join(self._directory, cur_ckpoint_file)
        self._append_dict_content(cb_params.cur_epoch_num, cb_params.cur_step_num)
        network = config.saved_network if config.saved_network is not None else cb_params.train_network
        if config.remove_redundancy:
            raise TypeError("The deduplication feature for saving checkpoint can only be used "
                            "in parallel scenarios, but got 'stand_alone'.")
        real_file, write = _prepare_save(network, cur_file, config.integrated_save, config.async_save,
                                         self._append_dict, config.enc_key, config.enc_mode, None, config.crc_check,
                                         config.format, {})
        old_files = [f for f in old_files if os.path.realpath(f) != real_file]
        _store(real_file, write, config.async_save, then=lambda: self._manager.remove_ckpoint_files(old_files))
        self._last_time_for_keep = time.time()
        self._last_triggered_step = cb_params.cur_step_num
        self._latest_ckpt_file_name = cur_file

    @property
    def latest_ckpt_file_name(self):
        return self._latest_ckpt_file_name

    @property
    def _get_save_checkpoint_steps(self):
        return self._config.save_checkpoint_steps

    @property
    def _get_last_trigger_step(self):
        return self._last_triggered_step


class BackupAndRestore(Callback):
    """Saves the training network to ``backup_dir/backup.ckpt`` every ``save_freq`` epochs and loads it back
    when training starts, so a restarted script resumes from the last backup; the file is deleted at the end
    of training unless ``delete_checkpoint=False``."""

    def __init__(self, backup_dir, save_freq="epoch", delete_checkpoint=True):
        super().__init__()
        self.backup_file = os.path.join(_make_directory(backup_dir), 'backup.ckpt')
        self.save_freq = 1 if save_freq == "epoch" else validator.check_positive_int(save_freq)
        self.delete_checkpoint = validator.check_bool(delete_checkpoint)

    def on_train_begin(self, run_context):
        if os.path.exists(self.backup_file):
            load_checkpoint(self.backup_file, net=run_context.original_args().train_network)

    def on_train_epoch_end(self, run_context):
        cb_params = run_context.original_args()
        if cb_params.cur_epoch_num % self.save_freq == 0:
            save_checkpoint(cb_params.train_network, self.backup_file)

    def on_train_end(self, run_context):
        if self.delete_checkpoint:
            os.chmod(self.backup_file, stat.S_IWRITE)
            os.remove(self.backup_file)


class _CheckpointManager:
    """The checkpoint files of one prefix in a directory, oldest removed first."""

    def __init__(self, format='ckpt'):
        self._ckpoint_filelist = []
        self._format = format

    @property
    def ckpoint_filelist(self):
        return self._ckpoint_filelist

    @property
    def ckpoint_num(self):
        return len(self._ckpoint_filelist)

    def update_ckpoint_filelist(self, directory, prefix):
        """The files ``<prefix>-<digits, '_' or '-'>.<format>`` in ``directory``."""
        self._ckpoint_filelist = []
        ext = f".{self._format}"
        for filename in os.listdir(directory):
            if os.path.splitext(filename)[-1] == ext and filename.startswith(prefix + "-"):
                mid_name = filename[len(prefix):-len(ext)]
                if not any(char.isalpha() for char in mid_name):
                    self._ckpoint_filelist.append(os.path.join(directory, filename))

    def remove_ckpoint_files(self, file_names):
        for file_name in file_names:
            try:
                os.chmod(file_name, stat.S_IWRITE)
                os.remove(file_name)
                self._ckpoint_filelist.remove(file_name)
            except OSError:
                logger.warning("OSError, failed to remove the older ckpt file %s.", file_name)
            except ValueError:
                logger.warning("ValueError, failed to remove the older ckpt file %s.", file_name)

    def oldest_ckpoint_file(self):
        return min(self._ckpoint_filelist, key=os.path.getmtime)

    def ckpoint_files_to_thin(self, minutes, cur_time):
        """The files of the last ``minutes`` except the oldest of them (MindSpore's
        ``keep_one_ckpoint_per_minutes`` removes these)."""
        del_list = []
        oldest_file = ''
        oldest_time = cur_time
        for ck_file in self._ckpoint_filelist:
            modify_time = os.path.getmtime(ck_file)
            if cur_time - modify_time < 60 * minutes:
                del_list.append(ck_file)
                if modify_time < oldest_time:
                    oldest_time = modify_time
                    oldest_file = ck_file
        return [f for f in del_list if f != oldest_file]

    # MindSpore's methods of the same manager
    def remove_ckpoint_file(self, file_name):
        self.remove_ckpoint_files([file_name])

    def remove_oldest_ckpoint_file(self):
        self.remove_ckpoint_file(self.oldest_ckpoint_file())

    def keep_one_ckpoint_per_minutes(self, minutes, cur_time):
        self.remove_ckpoint_files(self.ckpoint_files_to_thin(minutes, cur_time))


CheckpointManager = _CheckpointManager  # MindSpore's name


__all__ = ["CheckpointConfig", "ModelCheckpoint", "BackupAndRestore"]
