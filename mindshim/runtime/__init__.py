"""``mindspore.runtime``: MindSpore 2.3+'s home for device synchronization and memory statistics, the same
functions as :mod:`mindshim.hal`. Streams, events, memory pools and allocator settings have no JAX
counterpart and raise ``NotImplementedError``."""
from .._unsupported import module_getattr as _module_getattr
from ..hal import (
    empty_cache,
    max_memory_allocated,
    max_memory_reserved,
    memory_allocated,
    memory_reserved,
    memory_stats,
    reset_max_memory_allocated,
    reset_max_memory_reserved,
    reset_peak_memory_stats,
    synchronize,
)

__all__ = ["empty_cache", "launch_blocking", "max_memory_allocated", "max_memory_reserved", "memory_allocated",
           "memory_reserved", "memory_stats", "reset_max_memory_allocated", "reset_max_memory_reserved",
           "reset_peak_memory_stats", "synchronize"]


def launch_blocking():
    """MindSpore launches kernels synchronously from here on, so that an error surfaces at the op that caused
    it; mindshim already raises every error in the call that caused it, so nothing changes."""


__getattr__ = _module_getattr(__name__)
