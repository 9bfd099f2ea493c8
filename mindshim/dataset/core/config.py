"""``mindspore.dataset.config``: the pipeline's seed, prefetch size and worker count.

``set_seed`` seeds every random step of a pipeline (shuffles, random samplers, random transforms) and, as in
MindSpore, Python's ``random`` and ``numpy.random``: a seeded pipeline gives the same order and augmentations
run to run (not the order MindSpore's own generator gives). Without a seed each iterator draws fresh entropy.
``mindspore.set_seed`` also seeds the pipeline. The remaining settings are stored and reported back; mindshim
runs a pipeline in one background thread, so they change nothing else.
"""
import random

import numpy as np

from ... import _state as _process
from ...common import seed as _global
from ..debug import DebugHook, PrintMetaDataHook
from .validator_helpers import INT32_MAX, UINT32_MAX

DEFAULT_SEED = 5489  # std::mt19937::default_seed: what MindSpore reports before any set_seed
_state = _process.dataset


def set_seed(seed):
    if not isinstance(seed, int) or isinstance(seed, bool):
        raise TypeError("seed isn't of type int.")
    if seed < 0 or seed > UINT32_MAX:
        raise ValueError("seed given is not within the required range [0, UINT32_MAX(4294967295)].")
    _state["seed"] = seed
    random.seed(seed)
    np.random.seed(seed)


_global.on_set_seed.append(set_seed)  # mindspore.set_seed seeds the pipeline too


def get_seed():
    """The seed set by this ``set_seed`` or ``mindspore.set_seed``, else MindSpore's default 5489."""
    seed = _state["seed"] if _state["seed"] is not None else _global.get_seed()
    return DEFAULT_SEED if seed is None else seed


def pipeline_seed():
    """The seed random pipeline steps start from, or None where none was set (fresh entropy per iterator)."""
    return _state["seed"] if _state["seed"] is not None else _global.get_seed()


def _positive_int(type_message, value_message):
    def setter(value):
        if not isinstance(value, int) or isinstance(value, bool):
            raise TypeError(type_message)
        if value <= 0 or value > INT32_MAX:
            raise ValueError(value_message)
        _state[_KEYS[setter.__name__]] = value
    return setter


def _flag(type_message):
    def setter(value):
        if not isinstance(value, bool):
            raise TypeError(type_message)
        _state[_KEYS[setter.__name__]] = value
    return setter


def set_debug_mode(debug_mode_flag, debug_hook_list=None):
    """Debug mode: each ``map`` runs ``debug_hook_list`` (default: a ``PrintMetaDataHook``) before its first transform
    and after each one; the pipeline's random steps start from seed 1 where no seed was set, as in MindSpore."""
    if not isinstance(debug_mode_flag, bool):
        raise TypeError("debug_mode_flag isn't of type boolean.")
    if debug_hook_list is None:
        debug_hook_list = [PrintMetaDataHook()]
    if not isinstance(debug_hook_list, list):
        raise TypeError("debug_hook_list is not a list.")
    if not all(isinstance(hook, DebugHook) for hook in debug_hook_list):
        raise TypeError("All items in debug_hook_list must be of type DebugHook.")
    if debug_hook_list:
        _state["debug_hooks"] = list(debug_hook_list)
    _state["debug_mode"] = debug_mode_flag
    if debug_mode_flag and pipeline_seed() is None:
        _state["seed"] = 1


def get_debug_mode():
    return _state["debug_mode"]


def debug_hooks():
    """The hooks debug mode runs around each transform."""
    return _state["debug_hooks"]


_RANGE = "is not within the required range (0, INT32_MAX(2147483647)]."
_SETTERS = {
    "prefetch_size": _positive_int("size isn't of type int.", f"size {_RANGE}"),
    "num_parallel_workers": _positive_int("num isn't of type int.", f"Number of parallel workers given {_RANGE}"),
    "callback_timeout": _positive_int("timeout isn't of type int.", "Timeout given is not within the required range."),
    "monitor_sampling_interval": _positive_int("interval isn't of type int.", f"Interval given {_RANGE}"),
    "multiprocessing_timeout_interval": _positive_int("interval isn't of type int.",
                                                      f"Interval given {_RANGE[:-2]})."),
    "numa_enable": _flag("numa_enable must be a boolean dtype."),
    "enable_shared_mem": _flag("enable must be of type bool."),
    "auto_num_workers": _flag("enable must be of type bool."),
}
_KEYS = {}
for _key, _setter in _SETTERS.items():
    _setter.__name__ = f"set_{_key}"
    _KEYS[_setter.__name__] = _key
    globals()[f"set_{_key}"] = _setter
    globals()[f"get_{_key}"] = (lambda key: lambda: _state[key])(_key)
    globals()[f"get_{_key}"].__name__ = f"get_{_key}"

__all__ = ["set_seed", "get_seed", "set_debug_mode", "get_debug_mode"] + [f"{p}_{k}" for k in _SETTERS
                                                                           for p in ("set", "get")]
