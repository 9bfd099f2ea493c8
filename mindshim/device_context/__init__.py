"""``mindspore.device_context``: per-backend device queries and operator settings (``cpu``, ``gpu``, ``ascend``).

Availability and device counts come from JAX. The operator settings of a backend (Ascend's precision modes,
GPU's TF32 switches, CPU's thread count) tune MindSpore's own kernels: on another device target MindSpore logs that
the device is not supported and ignores them, as mindshim does; on their own target mindshim, whose kernels are
XLA's, raises NotImplementedError naming the setting.
"""
from . import ascend, cpu, gpu

__all__ = ["ascend", "cpu", "gpu"]
