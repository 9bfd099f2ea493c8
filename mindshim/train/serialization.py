"""MindSpore checkpoints: ``save_checkpoint``, ``load_checkpoint``, ``load_param_into_net``.

Files are MindSpore 2.10's: a ``.ckpt`` is a sequence of serialized ``Checkpoint`` protobuf messages
(``_checkpoint_proto``), one per parameter (per 512 MiB slice of it), each holding the name (``tag``), the
dims, MindSpore's type name (``"Float32"``) and the raw little-endian bytes; an optional CRC32 trailer
(``b"crc_num"`` + 10 big-endian bytes) follows. A ``.safetensors`` file is written with the ``safetensors``
package and the metadata ``{"format": "ms"}``. Real MindSpore reads mindshim's files and the other way round.

Writes never lose the file they replace: the new file goes to a temporary file of its own beside the target
and is renamed onto it once on disk (``mindshim._atomic``), so a failed save leaves the old checkpoint whole and
no other file (MindSpore 2.10 deletes the old file and any ``<name>.tmp`` first and leaves a partial ``.tmp``).
``async_save`` (``True``, ``"thread"`` or ``"process"``) writes in a background thread, as MindSpore's
``"thread"`` does; a background write that fails is raised by the next ``save_checkpoint``, ``load_checkpoint``
or ``async_ckpt_thread_status`` and printed at exit if none comes (MindSpore only prints the thread's traceback).
An empty, foreign or truncated file raises a ValueError that names it and says which.

Where mindshim differs otherwise: encrypted checkpoints (``enc_key``/``dec_key``), map parameters and Int4 data
raise ``NotImplementedError``; a tensor whose byte count does not match its dims is an error (MindSpore loads it
silently); ``load_param_into_net`` checks every parameter before it changes any, so a failed load leaves the
network as it was; a checkpoint shape with extra trailing 1s (``(12, 2048, 1, 1)`` for ``(12, 2048)``) is
reshaped to the network's shape, as MindSpore intends (2.10 ends up giving the parameter the checkpoint's
shape). Loading never runs code from the file.
"""
import atexit
import binascii
import concurrent.futures
import io
import json
import logging
import math
import os
import re
import sys
import threading

import jax
import numpy as np
import safetensors
import safetensors.numpy
from google.protobuf.message import DecodeError

from .. import _atomic, _engine
from ..common import dtype as mstype
from ..common.parameter import Parameter
from ..common.tensor import Tensor, _wrap
from ..nn.cell import Cell
from ._checkpoint_proto import Checkpoint

__all__ = ["save_checkpoint", "load_checkpoint", "load_param_into_net", "ckpt_to_safetensors",
           "safetensors_to_ckpt", "async_ckpt_thread_status", "merge_sliced_parameter", "load_checkpoint_async"]

logger = logging.getLogger("mindshim")

# MindSpore's ``tensor_type`` strings (``str(dtype)``) and the numpy dtypes they load as.
_CKPT_TYPES = {t.name: t.np_dtype for t in (
    mstype.float16, mstype.float32, mstype.float64, mstype.bfloat16, mstype.int8, mstype.int16, mstype.int32,
    mstype.int64, mstype.uint8, mstype.uint16, mstype.uint32, mstype.uint64, mstype.bool_)}
# safetensors' dtype strings.
_SAFETENSORS_TYPES = {"F16": mstype.float16, "BF16": mstype.bfloat16, "F32": mstype.float32, "F64": mstype.float64,
                      "I8": mstype.int8, "I16": mstype.int16, "I32": mstype.int32, "I64": mstype.int64,
                      "U8": mstype.uint8, "U16": mstype.uint16, "U32": mstype.uint32, "U64": mstype.uint64,
                      "BOOL": mstype.bool_}
_FLOAT_TYPES = {mstype.float16, mstype.float32, mstype.float64, mstype.bfloat16}
_INT_TYPES = {mstype.int8, mstype.int16, mstype.int32, mstype.int64}
_SLICE_BYTES = 512 * 1024 * 1024
_CRC_TAG = b"crc_num"
_INT4 = "Int4"


def _unsupported(what):
    return NotImplementedError(f"mindspore.{what} is not supported by mindshim yet")


def _check_bool(value):
    if not isinstance(value, bool):
        raise TypeError(f"The input value must be a bool, but got {type(value).__name__}.")
    return value


def _check_isinstance(name, value, types):
    if not isinstance(value, types):
        raise ValueError(f"The parameter '{name}' must be isinstance of {types}, but got {value}.")
    return value


# ---- saving ------------------------------------------------------------------------------------------
def save_checkpoint(save_obj, ckpt_file_name, integrated_save=True, async_save=False, append_dict=None,
                    enc_key=None, enc_mode="AES-GCM", choice_func=None, crc_check=False, format="ckpt", **kwargs):
    """Save ``save_obj`` (a Cell, a list of Parameters or of ``{"name", "data"}`` dicts, or a dict name ->
    Parameter/numpy array/str) to ``ckpt_file_name``, adding ``.ckpt``/``.safetensors`` when the name does not
    end with the format, as MindSpore does. ``append_dict`` values (int -> Int64, float -> Float32, bool,
    str, Tensor) follow the parameters. The file is read-only (``0o400``), as MindSpore makes it; an existing
    file is replaced only once the new one is complete.

    ``async_save`` returns once the values are copied and writes in a background thread (also for
    ``"process"``); ``enc_key`` raises NotImplementedError.
    """
    ckpt_file_name, write = _prepare_save(save_obj, ckpt_file_name, integrated_save, async_save, append_dict, enc_key,
                                          enc_mode, choice_func, crc_check, format, kwargs)
    _store(ckpt_file_name, write, async_save)


def _prepare_save(save_obj, ckpt_file_name, integrated_save, async_save, append_dict, enc_key, enc_mode, choice_func,
                  crc_check, format, kwargs):
    """``save_checkpoint``'s checks and values: the file name and a function that writes the file."""
    ckpt_file_name = _check_save_obj_and_name(save_obj, ckpt_file_name, format)
    _check_bool(integrated_save)
    _check_async_save(async_save)
    append_dict = _check_append_dict(append_dict)
    _check_isinstance("enc_key", enc_key, (type(None), bytes))
    _check_isinstance("enc_mode", enc_mode, str)
    _check_isinstance("crc_check", crc_check, bool)
    remove_redundancy = _check_isinstance("remove_redundancy", kwargs.get("remove_redundancy"), (type(None), bool))
    if format == "safetensors":
        for name, value, default in (("enc_key", enc_key, None), ("enc_mode", enc_mode, "AES-GCM"),
                                     ("map_param_inc", kwargs.get("incremental", False), False),
                                     ("global_step_num", kwargs.get("global_step_num"), None)):
            if value != default:
                raise ValueError(f"For 'save_checkpoint', when format is 'safetensors', the parameter '{name}' "
                                 f"must be set to default value '{default}', but got '{value}'.")
    if enc_key is not None:
        raise _unsupported("save_checkpoint with 'enc_key' (encrypted checkpoints)")
    if kwargs.get("incremental", False):
        raise _unsupported("save_checkpoint with 'incremental' (map parameters)")

    entries = _save_obj_entries(save_obj, choice_func)
    for name, value in (append_dict or {}).items():
        entries.append((name, value if isinstance(value, str) else Tensor(value)))
    data = {}
    for name, value in entries:
        if not isinstance(value, str):  # a background write gets its own copy: the network trains on meanwhile
            value = (np.array if async_save else np.asarray)(_engine.parallel.host_value(value._data))
        data[name] = value

    def write():
        try:
            with _atomic.replacing(ckpt_file_name) as tmp_name:
                if format == "ckpt":
                    _write_ckpt(tmp_name, data, crc_check)
                else:
                    _write_safetensors(tmp_name, data, crc_check, remove_redundancy)
        except BaseException:
            logger.critical("Failed to save the checkpoint file %s. Maybe don't have the permission to write files, "
                            "or the disk space is insufficient and so on.", ckpt_file_name)
            raise
    return ckpt_file_name, write


def _store(ckpt_file_name, write, async_save, then=None):
    """Run ``write`` now, or in the background when ``async_save`` is set, after the previous background write
    (whose failure is raised here, before anything is written); ``then()`` follows a successful write."""
    _background.wait()
    if async_save:
        _background.start(ckpt_file_name, write, then)
    else:
        write()
        if then is not None:
            then()


class _Background:
    """The checkpoint write running in a background thread (named ``asyn_save_ckpt``, as MindSpore names its
    own), one at a time, and the error of the last one if it failed, kept until someone is told."""

    def __init__(self):
        self._thread = None
        self._error = None

    def start(self, ckpt_file_name, write, then):
        def run():
            try:
                write()
            except BaseException as e:  # noqa: BLE001  (kept for the next call, never lost)
                self._error = (ckpt_file_name, e)
                return
            if then is not None:
                then()
        self._thread = threading.Thread(target=run, name="asyn_save_ckpt")
        self._thread.start()

    def running(self):
        return self._thread is not None and self._thread.is_alive()

    def join(self):
        """Let the running write end."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def wait(self):
        """Let the running write end; raise its error, or that of an earlier one nobody was told about."""
        self.join()
        if self._error is not None:
            ckpt_file_name, error = self._error
            self._error = None
            raise RuntimeError(f"For 'save_checkpoint', the asynchronous save of the checkpoint file {ckpt_file_name} "
                               f"failed: {type(error).__name__}: {error}. The file there before, if any, is "
                               "unchanged.") from error

    def close(self):
        """At exit: let the running write finish and print its error, if any."""
        try:
            self.wait()
        except RuntimeError as e:
            print(f"mindshim: {e}", file=sys.stderr)


_background = _Background()
atexit.register(_background.close)


def _check_save_obj_and_name(save_obj, ckpt_file_name, format):
    if format not in ("safetensors", "ckpt"):
        raise ValueError(f"For 'save_checkpoint', the format must be 'safetensors' or 'ckpt', but got {format}.")
    if not isinstance(save_obj, (Cell, list, dict)):
        raise TypeError(f"For 'save_checkpoint', the parameter 'save_obj' must be nn.Cell, list or dict, but got "
                        f"{type(save_obj)}.")
    if not isinstance(ckpt_file_name, str):
        raise TypeError(f"For 'save_checkpoint', the parameter {ckpt_file_name} for checkpoint file name is invalid,"
                        f"'ckpt_file_name' must be string, but got {type(ckpt_file_name)}.")
    ckpt_file_name = os.path.realpath(ckpt_file_name)
    if os.path.isdir(ckpt_file_name):
        raise IsADirectoryError(f"For 'save_checkpoint', the parameter `ckpt_file_name`: {ckpt_file_name} is a "
                                "directory, it must be a file name.")
    if not ckpt_file_name.endswith(format):
        ckpt_file_name += f".{format}"
    return ckpt_file_name


def _check_async_save(async_save):
    if not isinstance(async_save, (bool, str)):
        raise TypeError(f"For 'save_checkpoint', the parameter 'async_save' must be bool or str, but got "
                        f"{type(async_save)}.")
    if isinstance(async_save, str) and async_save not in ("process", "thread"):
        raise ValueError("For 'save_checkpoint', the argument 'async_save' can only be 'process' or 'thread',"
                         f"but got {async_save}.")


def _check_append_dict(append_dict):
    if append_dict is None:
        return None
    if not isinstance(append_dict, dict):
        raise TypeError(f"For 'save_checkpoint', the argument 'append_dict' must be dict, but got "
                        f"{type(append_dict)}.")
    for key, value in append_dict.items():
        if not isinstance(key, str) or not isinstance(value, (int, float, bool, str, Tensor)):
            raise TypeError(f"For 'save_checkpoint', the type of dict 'append_info' must be key: string, value: int, "
                            f"float, bool or Generator, but got key: {type(key)}, value: {type(value)}")
    return append_dict


def _save_obj_entries(save_obj, choice_func):
    """``[(name, Tensor or str)]`` to save, in MindSpore's order."""
    keep = (lambda name: True) if choice_func is None else choice_func
    if isinstance(save_obj, Cell):
        return [(p.name, p) for _, p in save_obj.parameters_and_names() if keep(p.name)]
    if isinstance(save_obj, dict):
        entries = []
        for key, value in save_obj.items():
            # MindSpore takes a Tensor value only if it is a Cell's buffer (``state_dict``); any other Tensor fails
            # there with UnboundLocalError: mindshim saves every Tensor.
            if not isinstance(key, str) or not isinstance(value, (Tensor, str, np.ndarray)):
                raise TypeError("For save_checkpoint, when save_obj is made up by dict, the key should be str and"
                                "value should be Parameter, but got the type of key is "
                                f"{type(key)} andthe type of value is {type(value)}")
            if keep(key):
                entries.append((key, Parameter(Tensor(value)) if isinstance(value, np.ndarray) else value))
        return entries
    if save_obj and isinstance(save_obj[0], dict):
        entries = []
        for item in save_obj:
            if not (isinstance(item, dict) and "name" in item and "data" in item):
                raise TypeError("For save_checkpoint, save_obj should be a list of dict items, and the dict should "
                                f"have key values 'name' and 'value', but got {type(item)} and {item}.")
            if not isinstance(item["name"], str):
                raise TypeError("For save_checkpoint, when save_obj is a list of dict items, the name in dict should "
                                f"be string, but got {type(item['name'])}.")
            if not isinstance(item["data"], Tensor):
                raise TypeError("For save_checkpoint, when save_obj is a list of dict items, the data in dict should "
                                f"be parameter, but got {type(item['data'])}.")
            if keep(item["name"]):
                entries.append((item["name"], item["data"]))
        return entries
    for param in save_obj:
        if not isinstance(param, Parameter):
            raise TypeError("For save_checkpoint, when save_obj is made up by list of Parameter,the param should be "
                            f"parameter, but got {type(param)}")
    return [(p.name, p) for p in save_obj if keep(p.name)]


def _records(name, value):
    """The serialized ``Checkpoint`` messages of one entry (none for an empty tensor, as in MindSpore)."""
    if isinstance(value, str):
        dims, type_name, chunks = [0], "str", [np.array(value).tobytes()]
    else:
        dims, type_name, content = list(value.shape), mstype.to_mstype(value.dtype).name, value.tobytes()
        chunks = (content[start:start + _SLICE_BYTES] for start in range(0, len(content), _SLICE_BYTES))
    for chunk in chunks:
        checkpoint = Checkpoint()
        record = checkpoint.value.add()
        record.tag = name
        record.tensor.dims.extend(dims)
        record.tensor.tensor_type = type_name
        record.tensor.tensor_content = chunk
        yield checkpoint.SerializeToString()


def _write_ckpt(path, data, crc_check):
    crc = 0
    with open(path, "wb") as f:
        for name, value in data.items():
            for record in _records(name, value):
                if crc_check:
                    crc = binascii.crc32(record, crc)
                f.write(record)
        if crc_check:
            f.write(_CRC_TAG + crc.to_bytes(10, byteorder="big"))


def _write_safetensors(path, data, crc_check, remove_redundancy):
    tensors, crc = {}, 0
    metadata = {"format": "ms"}
    if remove_redundancy is not None:
        metadata["remove_redundancy"] = str(remove_redundancy)
    for name in sorted(data):
        tensors[name] = np.asarray(data[name])
        if crc_check:
            crc = binascii.crc32(bytes(tensors[name]), binascii.crc32(name.encode("utf-8"), crc))
    if crc_check:
        metadata["crc_num"] = str(crc)
    safetensors.numpy.save_file(tensors, path, metadata=metadata if tensors else None)


# ---- loading -----------------------------------------------------------------------------------------
def load_checkpoint(ckpt_file_name, net=None, strict_load=False, filter_prefix=None, dec_key=None,
                    dec_mode="AES-GCM", specify_prefix=None, choice_func=None, crc_check=False,
                    remove_redundancy=False, format="ckpt"):
    """Read a ``.ckpt`` (or, with ``format='safetensors'``, a ``.safetensors`` path or ``io.BytesIO``) into a
    dict name -> Parameter (str for saved strings), in file order (sorted names for safetensors), and load it
    into ``net`` if given (``load_param_into_net``). ``specify_prefix``/``filter_prefix``/``choice_func``
    select names as in MindSpore. A file that cannot be parsed raises ValueError naming it, with the parser's
    error as ``__cause__``; mindshim says too whether the file is empty, holds no parameters, is truncated, is
    of the other format or is no checkpoint (MindSpore 2.10 blames an empty file on ``filter_prefix``).
    Waits for a background save (``save_checkpoint(..., async_save=True)``) to end first.

    ``dec_key`` raises NotImplementedError.
    """
    specify_prefix = _check_prefix(specify_prefix)
    filter_prefix = _check_prefix(filter_prefix)
    _check_isinstance("dec_key", dec_key, (type(None), bytes))
    _check_isinstance("dec_mode", dec_mode, str)
    _check_isinstance("crc_check", crc_check, bool)
    _check_isinstance("remove_redundancy", remove_redundancy, bool)
    if format == "safetensors":
        for name, value, default in (("dec_key", dec_key, None), ("dec_mode", dec_mode, "AES-GCM")):
            if value != default:
                raise ValueError(f"For 'load_checkpoint', when format is 'safetensors', the parameter '{name}' "
                                 f"must be set to default value '{default}', but got '{value}'.")
    _background.wait()  # a file being saved in the background is there, whole, before it is looked for
    file = _check_file(ckpt_file_name, format)
    if dec_key is not None:
        raise _unsupported("load_checkpoint with 'dec_key' (encrypted checkpoints)")
    if format == "safetensors":
        parameter_dict, remove_redundancy = _load_safetensors(file, choice_func, crc_check, remove_redundancy)
    else:
        if specify_prefix:
            logger.warning("For load_checkpoint, this parameter `specity_prefix` will be deprecated, "
                           "please use `choice_func` instead.")
        if filter_prefix:
            logger.warning("For load_checkpoint, this parameter `filter_prefix` will be deprecated, "
                           "please use `choice_func` instead.")
        use_choice = specify_prefix is None and filter_prefix is None and choice_func is not None

        def keep(name):
            if specify_prefix and not name.startswith(specify_prefix):
                return False
            if filter_prefix and name.startswith(filter_prefix):
                return False
            return not use_choice or choice_func(name)
        parameter_dict = _load_ckpt(file, keep, crc_check)
    if not parameter_dict:
        raise ValueError("The loaded parameter dict is empty after filter or specify, please check whether "
                         "'filter_prefix' or 'specify_prefix' are set correctly.")
    if net is not None:
        load_param_into_net(net, parameter_dict, strict_load, remove_redundancy)
    return parameter_dict


def _check_prefix(prefix):
    if prefix is None:
        return None
    if not isinstance(prefix, (str, list, tuple)):
        raise TypeError("For 'load_checkpoint', the type of 'specify_prefix' or 'filter_prefix' must be string, "
                        f"list[string] or tuple[string], but got {type(prefix)}.")
    if isinstance(prefix, str):
        prefix = (prefix,)
    if not prefix:
        raise ValueError("For 'load_checkpoint', the argument 'specify_prefix' or 'filter_prefix' can't be empty when"
                         " 'specify_prefix' or 'filter_prefix' is list or tuple.")
    for index, pre in enumerate(prefix):
        if not isinstance(pre, str):
            raise TypeError("For 'load_checkpoint', when 'specify_prefix' or 'filter_prefix' is list or tuple, the "
                            f"element in it must be string, but got {type(pre)} at index {index}.")
        if pre == "":
            raise ValueError("For 'load_checkpoint', the value of 'specify_prefix' or 'filter_prefix' can't include "
                             "''.")
    return tuple(prefix)


def _check_file(file, format):
    if format not in ("ckpt", "safetensors"):
        raise ValueError("For 'load_checkpoint', the checkpoint file should end with '.ckpt' or '.safetensors', "
                         "please input the correct 'format'.")
    if isinstance(file, io.BytesIO):
        if format == "ckpt":
            raise TypeError("ckpt don't support BytesIO as input type, please change to safetensors.")
        return file
    if not isinstance(file, str):
        raise TypeError(f"For 'load_checkpoint', the argument 'ckpt_file_name' must be string, but got {type(file)}.")
    if not file.endswith(format):
        raise ValueError(f"For 'load_checkpoint', the checkpoint file format must same with 'format', but got "
                         f"file_name:'{file}', format:'{format}'")
    file = os.path.realpath(file)
    if not os.path.exists(file):
        raise ValueError(f"For 'load_checkpoint', the checkpoint file: {file} does not exist, please check whether "
                         "the 'ckpt_file_name' is correct.")
    return file


def _read_ckpt(path, crc_check):
    """The parsed ``Checkpoint`` of a ``.ckpt`` file, with its CRC trailer checked and removed. A file that is
    empty, foreign or truncated, or that holds no parameter, raises a ValueError naming it and saying which."""
    try:
        with open(path, "rb") as f:
            content = f.read()
    except OSError as e:
        raise ValueError(f"Failed to read the checkpoint file {path}. May not have permission to read it, please "
                         "check the correct of the file.") from e
    if not content:
        raise _no_parameters(path, empty=True)
    has_crc = content[-17:-10] == _CRC_TAG
    if crc_check and not has_crc:
        logger.warning("For 'load_checkpoint', the ckpt file do not contain the crc code, please check the file.")
    if has_crc:
        crc, content = int.from_bytes(content[-10:], byteorder="big"), content[:-17]
        if crc_check and binascii.crc32(content, 0) != crc:
            raise ValueError(f"For 'load_checkpoint', the crc check is failed, please check whether the ckpt file "
                             f"{path} is damaged.")
    checkpoint = Checkpoint()
    try:
        checkpoint.ParseFromString(content)
    except DecodeError as e:
        problem = _ckpt_problem(content)
        raise ValueError(f"Failed to read the checkpoint file {path}. The file may be corrupted, and the content "
                         f"cannot be parsed.{' ' + problem if problem else ''}") from e
    if not checkpoint.value:
        problem = _ckpt_problem(content)
        if problem:
            raise ValueError(f"Failed to read the checkpoint file {path}. {problem}")
        raise _no_parameters(path)
    return checkpoint


def _no_parameters(source, empty=False):
    return ValueError(f"For 'load_checkpoint', the checkpoint file {source} {'is empty: it ' if empty else ''}holds "
                      "no parameters.")


def _varint(content, pos):
    """The protobuf varint at ``pos`` and the position after it; None for the value when the content ends first."""
    value = shift = 0
    while pos < len(content) and shift < 64:
        byte = content[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, pos
    return None, pos


def _looks_like_ckpt(content):
    """Whether ``content`` starts as a MindSpore ``.ckpt``: a ``Checkpoint.value`` record (field 1, bytes) whose
    ``Value`` starts with its ``tag`` (field 1, bytes)."""
    length, body = _varint(content, 1)
    return content[:1] == b"\x0a" and length is not None and content[body:body + 1] == b"\x0a"


def _is_safetensors(content):
    """Whether ``content`` starts as a safetensors file: an 8-byte header length, then a JSON object."""
    return len(content) > 8 and content[8:9] == b"{" and 8 + int.from_bytes(content[:8], "little") <= len(content)


def _ckpt_problem(content):
    """Why ``content`` (a ``.ckpt`` less its CRC trailer) is no whole MindSpore checkpoint, as far as its record
    framing tells (a sentence), or None. A file cut between two records cannot be told from a shorter one."""
    if not content:
        return None
    if _is_safetensors(content):
        return ("It is a safetensors file, not a MindSpore checkpoint in the 'ckpt' format: load it from a file "
                "name ending with '.safetensors' with format='safetensors'.")
    if not _looks_like_ckpt(content):
        return "It is not a MindSpore checkpoint."
    pos = 0
    while pos < len(content):
        if content[pos] != 0x0A:
            if len(content) - pos < len(_CRC_TAG) + 10 and _CRC_TAG.startswith(content[pos:pos + len(_CRC_TAG)]):
                return "It is truncated: the file ends inside its CRC trailer."
            return None
        length, body = _varint(content, pos + 1)
        if length is None or body + length > len(content):
            return (f"It is truncated: its record at byte {pos} runs past the end of the file ({len(content)} "
                    "bytes).")
        pos = body + length
    return None


def _load_ckpt(path, keep, crc_check):
    """name -> Parameter (or str) of the records ``keep`` selects; slices of one name are joined."""
    values = _read_ckpt(path, crc_check).value
    parameter_dict, pieces = {}, []
    try:
        for index, record in enumerate(values):
            if not keep(record.tag):
                continue
            if not record.HasField("tensor"):
                raise _unsupported("experimental.MapParameter in checkpoints")
            pieces.append(record.tensor.tensor_content)
            if index == len(values) - 1 or record.tag != values[index + 1].tag:
                parameter_dict[record.tag] = _decode(record.tag, record.tensor, b"".join(pieces))
                pieces.clear()
    except NotImplementedError:
        raise
    except Exception as e:
        logger.critical("Failed to load the checkpoint file '%s'.", path)
        raise ValueError(f"{e}\nFor 'load_checkpoint', failed to load the checkpoint file {path}.") from e
    return parameter_dict


def _decode(tag, tensor, data):
    type_name = tensor.tensor_type
    if type_name == "str":
        return str(np.frombuffer(data, f"U{len(tensor.tensor_content) // 4}")[0])
    if type_name == _INT4:
        raise _unsupported("qint4x2 (Int4) data in checkpoints")
    np_dtype = _CKPT_TYPES[type_name]
    dims = tuple(tensor.dims)
    if dims == (0,):
        dims = ()
    need = math.prod(dims) * np_dtype.itemsize
    if len(data) != need:
        raise ValueError(f"For 'load_checkpoint', the parameter '{tag}' of shape {list(dims)} and type {type_name} "
                         f"needs {need} bytes of data, but the file has {len(data)}.")
    # device_put: Tensor(ndarray) compiles a program per shape (jnp.asarray), one per checkpoint entry.
    return Parameter(Tensor(jax.device_put(np.frombuffer(data, np_dtype).reshape(dims))), name=tag)


def _load_safetensors(file, choice_func, crc_check, remove_redundancy):
    """name -> Parameter in sorted order, and the ``remove_redundancy`` the file's metadata asks for."""
    source = file if isinstance(file, str) else str(type(file))
    if isinstance(file, str):
        with open(file, "rb") as f:
            content = f.read()
    else:
        content = file.getvalue()
    if not content:
        raise _no_parameters(source, empty=True)
    try:
        records = dict(safetensors.deserialize(content))
        header = json.loads(content[8:8 + int.from_bytes(content[:8], "little")])
    except Exception as e:
        raise ValueError(f"Fail to parse the input safetensors: '{source}'. Please check the correctness of the "
                         f"file. {_safetensors_problem(content)}") from e
    if not records:
        raise _no_parameters(source)
    metadata = header.get("__metadata__")
    parameter_dict, crc = {}, 0
    for name in sorted(records):
        record = records[name]
        if crc_check:
            crc = binascii.crc32(bytes(record["data"]), binascii.crc32(name.encode("utf-8"), crc))
        if choice_func is not None and not choice_func(name):
            continue
        if metadata is not None and metadata.get(name) == _INT4:
            raise _unsupported("qint4x2 (Int4) data in checkpoints")
        if record["dtype"] not in _SAFETENSORS_TYPES:
            raise ValueError(f"For 'load_checkpoint', the safetensors dtype '{record['dtype']}' of '{name}' is not "
                             "supported.")
        array = np.frombuffer(record["data"], _SAFETENSORS_TYPES[record["dtype"]].np_dtype)
        parameter_dict[name] = Parameter(Tensor(array.reshape(record["shape"])))
    if metadata is not None and metadata.get("remove_redundancy") in ("True", "False"):
        in_file = metadata["remove_redundancy"] == "True"
        if in_file != remove_redundancy:
            logger.warning("For 'load_checkpoint', the safetensors file is %s, but remove_redundancy is set to %s.",
                           "deduplicated" if in_file else "non-deduplicated", remove_redundancy)
            remove_redundancy = in_file
    if crc_check:
        if metadata is None or metadata.get("crc_num") is None:
            logger.warning("For 'load_checkpoint', the safetensors file do not contain the crc code, please check "
                           "the file.")
        elif int(metadata["crc_num"]) != crc:
            raise ValueError("For 'load_checkpoint', the crc check has failed. Please check whether the ckpt file is "
                             "damaged.")
    return parameter_dict, remove_redundancy


def _safetensors_problem(content):
    """Why ``content`` is no whole safetensors file (a sentence)."""
    if _is_safetensors(content):
        header_end = 8 + int.from_bytes(content[:8], "little")
        try:
            header = json.loads(content[8:header_end])
            data_end = max((v["data_offsets"][1] for k, v in header.items() if k != "__metadata__"), default=0)
        except Exception:  # noqa: BLE001  (any malformed header is told the same way)
            return "Its header is damaged."
        if header_end + data_end > len(content):
            return f"It is truncated: its tensors need {header_end + data_end} bytes, the file has {len(content)}."
        return "Its tensors are damaged."
    if len(content) > 8 and content[8:9] == b"{":
        return f"It is truncated: its header runs past the end of the file ({len(content)} bytes)."
    if _looks_like_ckpt(content):
        return ("It is a MindSpore checkpoint in the 'ckpt' format, not safetensors: load it from a file name ending "
                "with '.ckpt' with format='ckpt'.")
    return "It is not a safetensors file."


# ---- loading into a network --------------------------------------------------------------------------
def merge_sliced_parameter(sliced_parameters, strategy=None):
    """One Parameter from the slices of a Parameter (same name, same shape past axis 0), joined along axis 0.
    Merging by a parallel ``strategy`` is not supported by mindshim."""
    if not isinstance(sliced_parameters, list):
        raise TypeError("For 'merge_sliced_parameter', the argument 'sliced_parameters' should be list, "
                        f"but got {type(sliced_parameters)}.")
    if not sliced_parameters:
        raise ValueError("For 'merge_sliced_parameter', the argument 'sliced_parameters' should not be empty.")
    if strategy:
        if not isinstance(strategy, dict):
            raise TypeError("For 'merge_sliced_parameter', the argument 'strategy' should be dict, "
                            f"but got {type(strategy)}.")
        raise NotImplementedError("mindspore.merge_sliced_parameter with a 'strategy' is not supported by mindshim.")
    first = sliced_parameters[0]
    for index, parameter in enumerate(sliced_parameters):
        if not isinstance(parameter, Parameter):
            raise TypeError("For 'merge_sliced_parameter', the element in 'sliced_parameters' should be 'Parameter', "
                            f"but got {type(parameter)} at index {index}.")
        if parameter.name != first.name or len(parameter.shape) != len(first.shape) or \
                parameter.shape[1:] != first.shape[1:]:
            raise ValueError("For 'merge_sliced_parameter', please make sure that the elements in 'slice_parameters'"
                             " have the same name, dimension length and shape except 0 axis. The name, dimension "
                             f"length, shape except 0 axis should be {first.name}, {len(first.shape)}, "
                             f"{first.shape[1:]}, but got name: {parameter.name}, dimension length: "
                             f"{len(parameter.shape)}, shape except 0 axis: {parameter.shape[1:]} at index {index}.")
    merged = Tensor(np.concatenate([np.asarray(p._data) for p in sliced_parameters]))
    return Parameter(merged, first.name, first.requires_grad, first.layerwise_parallel)


def load_param_into_net(net, parameter_dict, strict_load=False, remove_redundancy=False):
    """Set ``net``'s Parameters from ``parameter_dict`` (name -> Parameter) and return MindSpore's
    ``(param_not_load, ckpt_not_load)`` name lists.

    As in MindSpore, shapes must match and dtypes too, except that without ``strict_load`` a float converts to
    another float and an int to another int; without ``strict_load`` names missing from the dict are looked up
    again with the dict's common prefix. mindshim checks every parameter before it sets any, so a RuntimeError
    leaves ``net`` unchanged. ``remove_redundancy`` (parallel training only) raises MindSpore's TypeError.
    """
    if not isinstance(net, Cell):
        raise TypeError(f"For 'load_param_into_net', the argument 'net' should be a Cell, but got {type(net)}.")
    if not isinstance(parameter_dict, dict):
        raise TypeError(f"For 'load_param_into_net', the argument 'parameter_dict' should be a dict, but got "
                        f"{type(parameter_dict)}.")
    for key, value in parameter_dict.items():
        if not isinstance(key, str) or not isinstance(value, (Parameter, str, list)):
            raise TypeError("For 'parameter_dict', the element in the argument 'parameter_dict' should be a 'str' and "
                            f"'Parameter' , but got {type(key)} and {type(value)}.")
    _check_bool(strict_load)
    _check_isinstance("remove_redundancy", remove_redundancy, bool)

    params = [param for _, param in net.parameters_and_names()]
    updates, param_not_load, ckpt_not_load = [], [], list(parameter_dict)
    for param in params:
        if param.name in parameter_dict:
            new_param = parameter_dict[param.name]
            if not isinstance(new_param, Parameter):
                continue
            updates.append((param, _new_data(param, new_param, strict_load)))
            if param.name in ckpt_not_load:
                ckpt_not_load.remove(param.name)
        elif not param.name.startswith("accu_grads"):
            param_not_load.append(param.name)
    if param_not_load and not strict_load:
        _match_prefixed_names(params, parameter_dict, param_not_load, strict_load, updates)
    if remove_redundancy:
        raise TypeError("The deduplication feature for loading checkpoint can only be used in parallel scenarios, "
                        "but got stand_alone.")
    for param, data in updates:
        param.set_data(_wrap(data))
    if param_not_load:
        logger.warning("For 'load_param_into_net', %d parameters in the 'net' are not loaded, because they are not in "
                       "the 'parameter_dict', please check whether the network structure is consistent when training "
                       "and loading checkpoint.", len(param_not_load))
        logger.warning("%s are not loaded.", param_not_load)
    return param_not_load, ckpt_not_load


def _new_data(param, new_param, strict_load):
    """The array ``param`` takes from ``new_param``, or MindSpore's RuntimeError."""
    data = new_param._data
    if param.shape != data.shape:
        head, extra = data.shape[:len(param.shape)], data.shape[len(param.shape):]
        if head != param.shape or not extra or any(d != 1 for d in extra):
            logger.critical("Failed to combine the net and the parameters for param %s.", param.name)
            raise RuntimeError(
                f"For 'load_param_into_net', {param.name} in the argument 'net' should have the same shape as "
                f"{param.name} in the argument 'parameter_dict'. But got its shape {param.shape} in the argument "
                f"'net' and shape {new_param.shape} in the argument 'parameter_dict'.May you need to check whether "
                "the checkpoint you loaded is correct or the batch size and so on in the 'net' and 'parameter_dict' "
                "are same.")
        data = data.reshape(param.shape)
    if param.dtype != new_param.dtype:
        kinds = {param.dtype, new_param.dtype}
        if not strict_load and (kinds <= _FLOAT_TYPES or kinds <= _INT_TYPES):
            logger.warning("The type of %s:%s in 'parameter_dict' is different from the type of it in 'net':%s, then "
                           "the type convert from %s to %s in the network. May consume additional memory and time",
                           new_param.name, new_param.dtype, param.dtype, new_param.dtype, param.dtype)
            return data.astype(param.dtype.np_dtype)
        logger.critical("Failed to combine the net and the parameters for param %s.", param.name)
        raise RuntimeError(
            f"For 'load_param_into_net', {param.name} in the argument 'net' should have the same type as "
            f"{param.name} in the argument 'parameter_dict'. but got its type {param.dtype} in the argument 'net' "
            f"and type {new_param.dtype} in the argument 'parameter_dict'.May you need to check whether the "
            "checkpoint you loaded is correct.")
    return data


def _match_prefixed_names(params, parameter_dict, param_not_load, strict_load, updates):
    """MindSpore's second pass: load names missing from the dict from ``<prefix><name>`` entries."""
    prefix_name, longest_name = "", param_not_load[0]
    while prefix_name != longest_name and param_not_load:
        prefix_name = longest_name
        for net_param_name in param_not_load:
            for dict_name in parameter_dict:
                if dict_name.endswith(net_param_name):
                    prefix_name = dict_name[:-len(net_param_name)]
                    break
            if prefix_name != longest_name:
                break
        if prefix_name == longest_name:
            return
        logger.warning("For 'load_param_into_net', remove parameter prefix name: %s, continue to load.", prefix_name)
        loaded = 0
        for param in params:
            new_param = parameter_dict.get(prefix_name + param.name)
            if param.name in param_not_load and isinstance(new_param, Parameter):
                updates.append((param, _new_data(param, new_param, strict_load)))
                param_not_load.remove(param.name)
                loaded += 1
        if not loaded:
            return


# ---- format conversion -------------------------------------------------------------------------------
def ckpt_to_safetensors(file_path, save_path=None, name_map=None, file_name_regex=None, processes_num=1):
    """Convert a ``.ckpt`` file, or the ``.ckpt`` files of the ``rank*`` folders of a directory, to
    ``.safetensors`` (``name_map`` renames parameters). mindshim converts in this process (``processes_num``
    is not used)."""
    _convert(file_path, save_path, name_map, file_name_regex, "safetensors")


def safetensors_to_ckpt(file_path, save_path=None, name_map=None, file_name_regex=None, processes_num=1):
    """Convert ``.safetensors`` files to ``.ckpt``, the other way round from ``ckpt_to_safetensors``."""
    _convert(file_path, save_path, name_map, file_name_regex, "ckpt")


def _convert(file_path, save_path, name_map, file_name_regex, dst_format):
    src_format = "ckpt" if dst_format == "safetensors" else "safetensors"
    src_suffix, dst_suffix = f".{src_format}", f".{dst_format}"
    func_name = "ckpt_to_safetensors" if dst_format == "safetensors" else "safetensors_to_ckpt"
    is_dir, is_file = os.path.isdir(file_path), os.path.isfile(file_path)
    if not is_dir and not is_file:
        raise ValueError(f"For {func_name}, the input path must be a valid path or file, but got {file_path}")
    if save_path and os.path.splitext(save_path)[1]:
        raise ValueError(f"For {func_name}, the save_path must be a directory, but got '{save_path}'")
    if name_map is not None and not isinstance(name_map, dict):
        raise ValueError(f"For {func_name}, the type of 'name_map' must be a directory, but got '{type(name_map)}'")
    tasks = []
    if is_dir:
        rank_dirs = sorted(d for d in os.listdir(file_path)
                           if d.startswith("rank") and os.path.isdir(os.path.join(file_path, d)))
        if not rank_dirs:
            raise ValueError(f"For '{func_name}', no directories starting with 'rank' found in {file_path}.")
        for rank_dir in rank_dirs:
            src_dir = os.path.join(file_path, rank_dir)
            dst_dir = os.path.join(save_path, rank_dir) if save_path is not None else src_dir
            os.makedirs(dst_dir, exist_ok=True)
            for name in sorted(os.listdir(src_dir)):
                if name.endswith(src_suffix) and (file_name_regex is None or re.search(file_name_regex, name)):
                    tasks.append((os.path.join(src_dir, name), os.path.join(dst_dir, name.replace(src_suffix,
                                                                                                dst_suffix))))
    else:
        if not file_path.endswith(src_suffix):
            raise ValueError(f"For {func_name}, the input file must be a {src_suffix} file, but got {file_path}")
        if file_name_regex is not None and not re.findall(file_name_regex, file_path):
            raise ValueError(f"For {func_name}, the input file does not match the regular expression.")
        if save_path:
            os.makedirs(save_path, exist_ok=True)
        name = os.path.basename(file_path).replace(src_suffix, dst_suffix)
        tasks.append((file_path, os.path.join(save_path if save_path else os.path.dirname(file_path), name)))
    for src, dst in tasks:
        param_dict = load_checkpoint(src, format=src_format)
        if name_map is not None:
            param_dict = {name_map.get(k, k): v for k, v in param_dict.items()}
        save_checkpoint(param_dict, dst, format=dst_format)


def async_ckpt_thread_status():
    """Whether an asynchronous checkpoint save (``save_checkpoint(..., async_save=True)``) is still writing.
    When it has ended in an error that no call has raised yet, raises it (RuntimeError, the error as cause).
    Deprecated in MindSpore 2.5, which logs so."""
    logger.warning("The interface 'mindspore.async_ckpt_thread_status' is deprecated from version 2.5 "
                   "and will be removed in a future version.")
    if _background.running():
        return True
    _background.wait()
    return False


def _get_merged_param_data(net, parameter_layout_dict, param_name, param_data, integrated_save):
    """MindSpore's whole value of a parameter its semi-auto parallel layout split over devices: mindshim's parameters
    are whole (JAX global arrays), so ``param_data`` itself."""
    return param_data


def load_checkpoint_async(ckpt_file_name, net=None, strict_load=False, filter_prefix=None, dec_key=None,
                          dec_mode="AES-GCM", specify_prefix=None, choice_func=None):
    """``load_checkpoint`` in a background thread: the returned object's ``result()`` is its result."""
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
    future = pool.submit(load_checkpoint, ckpt_file_name, net, strict_load, filter_prefix, dec_key, dec_mode,
                         specify_prefix, choice_func)
    pool.shutdown(wait=False)
    return future


def get_ckpt_path_with_strategy(cur_ckpt_path, cur_strategy_path):
    """MindSpore's search for a checkpoint that the rank can load under another rank's parallel strategy file."""
    raise NotImplementedError("mindspore.get_ckpt_path_with_strategy is not supported by mindshim yet: it has no "
                              "parallel strategy files.")
