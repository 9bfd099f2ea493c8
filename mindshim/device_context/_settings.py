"""The helpers of ``mindshim.device_context``'s backends (see its docstring)."""
from .. import _device
from ..log import error as _log_error


def _available(target):
    return target != "Ascend" and bool(_device.devices(target))


def _setting(target, public_name):
    """An operator setting of ``target``'s kernels (see the module docstring)."""
    def setting(*args, **kwargs):
        current = _device.current_target()
        if current != target:
            _log_error(f"{current} device is not supported. Please use correct device")
            return
        raise NotImplementedError(f"mindspore.device_context.{public_name} is not supported by mindshim: its "
                                  "kernels are XLA's.")
    setting.__name__ = public_name.rsplit(".", 1)[-1]
    setting.__doc__ = f"MindSpore's ``{public_name}`` (ignored off {target}; unsupported on it)."
    return setting


