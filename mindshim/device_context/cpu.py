"""``mindspore.device_context.cpu``: the CPU is always available, as one device."""
from ._settings import _setting

__all__ = ["device_count", "is_available", "threads_num"]


def is_available():
    return True


def device_count():
    return 1


threads_num = _setting("CPU", "cpu.op_tuning.threads_num")
