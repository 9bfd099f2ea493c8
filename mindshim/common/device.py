"""``mindspore.common.device``: ``DeviceCtx``, a block whose new Tensors live on one device."""
import jax

from .. import _device

__all__ = ["DeviceCtx"]


class DeviceCtx:
    """``with DeviceCtx("CPU"):`` creates new Tensors on that device (``device_id``, default 0): JAX's default device
    inside the block. ``'meta'`` (shape-only tensors) is not supported by mindshim."""

    def __init__(self, name: str, device_id=None):
        self.name = name
        self.device_id = device_id
        self._block = None

    def __enter__(self):
        valid_targets = ["CPU", "GPU", "Ascend", "meta"]
        if self.name not in valid_targets:
            raise ValueError(f"For DeviceCtx, the name must be one of {valid_targets}, but got {self.name}.")
        if self.device_id is not None and self.device_id < 0:
            raise ValueError("For DeviceCtx, the device_id must be greater than or equal to 0.")
        if self.name == "meta":
            raise NotImplementedError("mindspore.DeviceCtx('meta') is not supported by mindshim yet.")
        found = _device.devices(self.name)
        if not found:
            raise ValueError(f"For DeviceCtx, device '{self.name}' is not available to JAX.")
        self._block = jax.default_device(found[self.device_id or 0])
        self._block.__enter__()
        return self

    def __exit__(self, *exc):
        return self._block.__exit__(*exc)
