"""``mindspore.context``: ``set_context`` / ``get_context`` and the execution modes.

mindshim records the settings. Both modes compute the same values: PyNative runs ops eagerly, and the
differentiating wrappers (``ForwardValueAndGrad``, ``GradOperation`` on Cells) are always compiled.
"""
GRAPH_MODE = 0
PYNATIVE_MODE = 1

_context = {"mode": PYNATIVE_MODE, "device_target": "CPU", "device_id": 0}
_KNOWN = {"mode", "device_target", "device_id", "save_graphs", "save_graphs_path", "max_call_depth", "jit_config",
          "pynative_synchronize", "runtime_num_threads", "max_device_memory", "enable_graph_kernel",
          "print_file_path", "jit_syntax_level", "deterministic", "memory_optimize_level", "inter_op_parallel_num"}


def set_context(**kwargs):
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
    return _context.get(attr_key)


__all__ = ["GRAPH_MODE", "PYNATIVE_MODE", "set_context", "get_context"]
