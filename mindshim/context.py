"""``mindspore.context``: ``set_context`` / ``get_context`` and the execution modes.

mindshim records the settings. Both modes compute the same values: PyNative runs ops eagerly, and the
differentiating wrappers (``ForwardValueAndGrad``, ``GradOperation`` on Cells) are always compiled.
"""
import copy
import os

import jax
import numpy as np
from jax.sharding import Mesh

from . import _device, _state

GRAPH_MODE = 0
PYNATIVE_MODE = 1
STRICT, COMPATIBLE, LAX = 0, 1, 2  # jit_syntax_level: kept, the syntax mindshim compiles is Python's

_context = _state.context
_KNOWN = {"mode", "device_target", "device_id", "save_graphs", "save_graphs_path", "max_call_depth", "jit_config",
          "pynative_synchronize", "runtime_num_threads", "max_device_memory", "enable_graph_kernel",
          "print_file_path", "jit_syntax_level", "deterministic", "memory_optimize_level", "inter_op_parallel_num",
          "jit_level"}


def set_context(**kwargs):
    """Record MindSpore's settings; ``device_target``/``device_id`` select JAX's default device."""
    if "device_target" in kwargs or "device_id" in kwargs:
        _device.set_device(kwargs.get("device_target", _device.current_target()),
                           kwargs.get("device_id", _context["device_id"]), op="set_context")
    for key, value in kwargs.items():
        if key not in _KNOWN:
            raise ValueError(f"For 'set_context', the keyword argument {key} is not recognized! For detailed usage "
                             "of 'set_context', please refer to the Mindspore official website.")
        if key == "mode" and value not in (GRAPH_MODE, PYNATIVE_MODE):
            raise ValueError(f"For 'set_context', the argument 'mode' should be context.GRAPH_MODE (0) or "
                             f"context.PYNATIVE_MODE (1), but got {value}.")
        _context[key] = value


def get_context(attr_key):
    if attr_key not in _KNOWN:
        raise ValueError(f"For 'get_context', the argument '{attr_key}' is not supported.")
    if attr_key == "device_target":
        return _device.current_target()
    return _context.get(attr_key)


def set_device(device_target, device_id=None):
    """``mindspore.set_device``: run on ``device_target`` ('CPU', 'GPU'; 'Ascend' maps to JAX's default)."""
    _device.set_device(device_target, device_id)
    _context["device_id"] = _device._current["device_id"]


class ParallelMode:
    STAND_ALONE = "stand_alone"
    DATA_PARALLEL = "data_parallel"
    SEMI_AUTO_PARALLEL = "semi_auto_parallel"
    AUTO_PARALLEL = "auto_parallel"
    HYBRID_PARALLEL = "hybrid_parallel"
    MODE_LIST = [STAND_ALONE, DATA_PARALLEL, SEMI_AUTO_PARALLEL, AUTO_PARALLEL, HYBRID_PARALLEL]


_parallel = _state.parallel


def set_auto_parallel_context(**kwargs):
    for key in kwargs:
        if key not in _parallel:
            raise ValueError(f"For 'set_auto_parallel_context', the keyword argument {key} is not recognized.")
    if kwargs.get("dataset_strategy", "data_parallel") != "data_parallel":
        raise NotImplementedError("mindspore.set_auto_parallel_context(dataset_strategy=...) other than "
                                  "'data_parallel' is not supported by mindshim yet.")
    mode = kwargs.get("parallel_mode", _parallel["parallel_mode"])
    if mode not in ParallelMode.MODE_LIST:
        raise ValueError(f"For 'set_auto_parallel_context', 'parallel_mode' must be one of {ParallelMode.MODE_LIST}, "
                         f"but got {mode}.")
    if mode in (ParallelMode.SEMI_AUTO_PARALLEL, ParallelMode.AUTO_PARALLEL, ParallelMode.HYBRID_PARALLEL):
        raise NotImplementedError(f"mindspore.set_auto_parallel_context(parallel_mode='{mode}') is not supported by "
                                  "mindshim yet; use DATA_PARALLEL.")
    devices = jax.devices()
    device_num = kwargs.get("device_num", len(devices) if mode == ParallelMode.DATA_PARALLEL else 1)
    if not 1 <= device_num <= len(devices):
        raise ValueError(f"For 'set_auto_parallel_context', 'device_num' must be in [1, {len(devices)}] (the "
                         f"devices JAX sees), but got {device_num}.")
    if jax.process_count() > 1 and mode == ParallelMode.DATA_PARALLEL and device_num != len(devices):
        raise ValueError(f"For 'set_auto_parallel_context', 'device_num' must be {len(devices)} (every device of the "
                         f"{jax.process_count()} hosts) when training on several hosts, but got {device_num}.")
    _parallel.update(kwargs)
    _parallel["device_num"] = device_num
    _state.mesh["mesh"] = (Mesh(np.array(devices[:device_num]), ("data",))
                           if mode == ParallelMode.DATA_PARALLEL and device_num > 1 else None)
    _state.invalidate()


# MindSpore's other parallel settings, at the values mindshim always has (one pipeline stage, no sharding search,
# no parallel optimizer): readable, not settable.
_PARALLEL_FIXED = {
    "gradient_fp32_sync": True, "loss_repeated_mean": True, "pipeline_stages": 1, "auto_pipeline": False,
    "pipeline_result_broadcast": False, "pipeline_interleave": False, "pipeline_scheduler": "1f1b",
    "search_mode": "recursive_programming", "auto_parallel_search_mode": "recursive_programming",
    "strategy_ckpt_load_file": "", "strategy_ckpt_save_file": "", "enable_parallel_optimizer": False,
    "force_fp32_communication": False, "grad_accumulation_step": 1, "all_reduce_fusion_config": [],
    "communi_parallel_mode": "all_group_parallel", "optimizer_weight_shard_size": -1,
    "optimizer_weight_shard_aggregated_save": False, "sharding_propagation": False, "enable_alltoall": False,
    "dump_local_norm": False, "dump_local_norm_path": "", "dump_device_local_norm": False,
}


def get_auto_parallel_context(attr_key):
    if attr_key in _PARALLEL_FIXED:
        return copy.deepcopy(_PARALLEL_FIXED[attr_key])
    if attr_key not in _parallel:
        raise ValueError(f"For 'get_auto_parallel_context', the argument '{attr_key}' is not supported.")
    return _parallel[attr_key]


def reset_auto_parallel_context():
    _state.reset("parallel", "mesh")


def set_algo_parameters(**kwargs):
    """Record MindSpore's sharding-search options (used by its auto-parallel modes, which mindshim lacks)."""
    for key in kwargs:
        if key not in _state.algo:
            raise ValueError(f"Set context keyword {key} is not recognized!")
    _state.algo.update(kwargs)


def get_algo_parameters(attr_key):
    if attr_key not in _state.algo:
        raise ValueError(f"Get context keyword {attr_key} is not recognized!")
    return _state.algo[attr_key]


def reset_algo_parameters():
    _state.reset("algo")


def set_ps_context(**kwargs):
    """Record MindSpore's parameter server settings (``enable_ps``, ``config_file_path``, ``enable_ssl``, and the
    certificates' ``client_password``/``server_password``, which MindSpore does not give back). The parameter
    server processes MindSpore starts from ``MS_ROLE`` and its other variables are not started by mindshim."""
    if "enable_ps" in kwargs and not isinstance(kwargs["enable_ps"], bool):
        raise TypeError(f"The parameter 'enable_ps' must be {bool}, but got {type(kwargs['enable_ps'])}")
    for key, value in kwargs.items():
        if key not in _state.ps and key not in ("client_password", "server_password"):
            raise ValueError(f"Set PS context keyword {key} is not recognized!")
        if key in ("config_file_path", "client_password", "server_password") and not isinstance(value, str):
            raise TypeError(f"For 'set_ps_context', '{key}' must be a str, but got {type(value).__name__}.")
    _state.ps.update((k, bool(v) if k == "enable_ssl" else v) for k, v in kwargs.items() if k in _state.ps)


def get_ps_context(attr_key):
    if attr_key not in _state.ps:
        raise ValueError(f"Get PS context keyword {attr_key} is not recognized!")
    return _state.ps[attr_key]


def set_recursion_limit(recursion_limit=1000):
    """MindSpore's limit on the depth of graph compilation; checked and recorded (mindshim traces with Python's
    own recursion limit)."""
    if not isinstance(recursion_limit, int) or isinstance(recursion_limit, bool):
        raise TypeError(f"The input value must be int, but got '{type(recursion_limit).__name__}'")
    if recursion_limit <= 0:
        raise ValueError(f"The input value must be int and must > 0, but got '{recursion_limit}' with type 'int'.")
    _context["recursion_limit"] = recursion_limit


def ms_memory_recycle():
    """Free the compiled programs' caches: JAX's cache of compiled programs is cleared."""
    jax.clear_caches()


def set_deterministic(deterministic):
    """Record MindSpore's deterministic mode (``get_context('deterministic')`` gives 'ON'/'OFF'). XLA's CPU kernels
    are deterministic; mindshim does not switch XLA's GPU kernels (``--xla_gpu_deterministic_ops``)."""
    if not isinstance(deterministic, bool):
        raise TypeError(f"The parameter 'deterministic' must be {bool}, but got {type(deterministic)}")
    _context["deterministic"] = "ON" if deterministic else "OFF"


def get_level():
    """The log level, from the ``GLOG_v`` environment variable (default ``'2'``: warnings)."""
    return os.environ.get("GLOG_v", "2")


__all__ = ["GRAPH_MODE", "PYNATIVE_MODE", "STRICT", "COMPATIBLE", "LAX",
           "set_context", "get_context", "set_device", "ParallelMode",
           "set_auto_parallel_context", "get_auto_parallel_context", "reset_auto_parallel_context",
           "set_algo_parameters", "get_algo_parameters", "reset_algo_parameters", "set_ps_context", "get_ps_context",
           "set_recursion_limit",
           "ms_memory_recycle", "get_level", "set_deterministic"]
