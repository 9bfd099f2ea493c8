"""``mindspore.context``: ``set_context`` / ``get_context`` and the execution modes.

mindshim records the settings. Both modes compute the same values: PyNative runs ops eagerly, and the
differentiating wrappers (``ForwardValueAndGrad``, ``GradOperation`` on Cells) are always compiled.
"""
from ._parallel import (ParallelMode, get_auto_parallel_context, reset_auto_parallel_context,  # noqa: F401
                        set_auto_parallel_context)

GRAPH_MODE = 0
PYNATIVE_MODE = 1

_context = {"mode": PYNATIVE_MODE, "device_id": 0}
_KNOWN = {"mode", "device_target", "device_id", "save_graphs", "save_graphs_path", "max_call_depth", "jit_config",
          "pynative_synchronize", "runtime_num_threads", "max_device_memory", "enable_graph_kernel",
          "print_file_path", "jit_syntax_level", "deterministic", "memory_optimize_level", "inter_op_parallel_num"}


def set_context(**kwargs):
    """Record MindSpore's settings; ``device_target``/``device_id`` select JAX's default device."""
    if "device_target" in kwargs or "device_id" in kwargs:
        from . import _device
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
        from . import _device
        return _device.current_target()
    return _context.get(attr_key)


def set_device(device_target, device_id=None):
    """``mindspore.set_device``: run on ``device_target`` ('CPU', 'GPU'; 'Ascend' maps to JAX's default)."""
    from . import _device
    _device.set_device(device_target, device_id)
    _context["device_id"] = _device._current["device_id"]


__all__ = ["GRAPH_MODE", "PYNATIVE_MODE", "set_context", "get_context", "set_device", "ParallelMode",
           "set_auto_parallel_context", "get_auto_parallel_context", "reset_auto_parallel_context"]
