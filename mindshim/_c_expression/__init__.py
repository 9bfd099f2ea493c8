"""``mindspore._c_expression``: the names MindSpore's libraries import from its C++ binding: ``MSContext`` (what the
installed package supports), the dtype categories of ``typing``, and ``swap_cache`` (unsupported)."""
from .. import _device
from . import typing

__all__ = ["MSContext", "swap_cache", "typing"]


class MSContext:
    """MindSpore's process context: ``MSContext.get_instance()``. mindshim has no Ascend SoC and no device plugins."""
    _instance = None

    @classmethod
    def get_instance(cls):
        if cls._instance is None:
            cls._instance = cls()
        return cls._instance

    def get_ascend_soc_version(self):
        """The Ascend chip's version: ``''``, as MindSpore without an Ascend device."""
        return ""

    def is_pkg_support_device(self, device_target):
        """Whether ``device_target`` ('CPU', 'GPU', 'Ascend') can run: the platforms JAX sees."""
        return device_target != "Ascend" and bool(_device.devices(device_target))

    def load_plugin_error(self):
        return ""


def swap_cache(*args, **kwargs):
    """MindSpore's copy of KV-cache blocks between host and device memory."""
    raise NotImplementedError("mindspore._c_expression.swap_cache is not supported by mindshim.")
