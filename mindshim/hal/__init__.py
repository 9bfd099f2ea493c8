"""``mindspore.hal``: device counts, names and memory statistics, from JAX.

Memory figures come from JAX's ``Device.memory_stats()``; where a backend reports none (the CPU), they are 0.
"""
import jax

from .. import _device
from .._unsupported import module_getattr as _module_getattr

__all__ = ["device_count", "is_available", "is_initialized", "get_device_name", "get_device_properties",
           "synchronize", "memory_stats", "memory_allocated", "max_memory_allocated", "memory_reserved",
           "max_memory_reserved", "empty_cache", "reset_peak_memory_stats", "reset_max_memory_allocated",
           "reset_max_memory_reserved"]


def device_count(device_target=None):
    return len(_device.devices(device_target))


def is_available(device_target):
    _device._check_target(device_target, "is_available")
    return bool(_device.devices(device_target)) and device_target != "Ascend"


def is_initialized(device_target):
    return device_target == _device.current_target()


def get_device_name(device_id, device_target=None):
    return _device.devices(device_target)[device_id].device_kind


def get_device_properties(device_id, device_target=None):
    dev = _device.devices(device_target)[device_id]
    stats = dev.memory_stats() or {}
    return {"name": dev.device_kind, "platform": dev.platform, "id": dev.id,
            "total_memory": stats.get("bytes_limit", 0)}


def synchronize():
    """Wait until every computation queued on the devices has finished."""
    jax.effects_barrier()
    for arr in jax.live_arrays():
        arr.block_until_ready()


def memory_stats(device_target=None):
    return dict(_device.current_device().memory_stats() or {})


def _stat(name):
    return int(memory_stats().get(name, 0))


def memory_allocated(device_target=None):
    return _stat("bytes_in_use")


def max_memory_allocated(device_target=None):
    return _stat("peak_bytes_in_use")


def memory_reserved(device_target=None):
    return _stat("bytes_reserved") or _stat("bytes_limit")


def max_memory_reserved(device_target=None):
    return _stat("peak_bytes_reserved") or memory_reserved()


def empty_cache():
    """JAX frees buffers when their arrays die; clearing compiled-program caches is ``jax.clear_caches``."""
    jax.clear_caches()


def reset_peak_memory_stats(device_target=None):
    raise NotImplementedError("mindspore.hal.reset_peak_memory_stats is not supported by mindshim: JAX cannot "
                              "reset a device's peak memory statistic.")


reset_max_memory_allocated = reset_max_memory_reserved = reset_peak_memory_stats

__getattr__ = _module_getattr(__name__)
