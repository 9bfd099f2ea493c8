"""Devices: MindSpore's device targets mapped onto what JAX sees.

``CPU`` and ``GPU`` are JAX's ``cpu`` and ``gpu`` platforms; ``Ascend`` is not available to JAX, so it maps to
JAX's default backend with a one-line warning. Asking for a platform JAX does not have is an error, as in
MindSpore. The chosen device becomes JAX's default device, so new arrays live there.
"""
import warnings

import jax

from . import _state

_PLATFORMS = {"CPU": "cpu", "GPU": "gpu"}
_current = _state.device


def _check_target(target, op):
    if target not in ("CPU", "GPU", "Ascend"):
        raise ValueError(f"For '{op}', the 'device_target' must be one of ['CPU', 'GPU', 'Ascend'], but got "
                         f"'{target}'.")


def devices(target=None):
    """The JAX devices of a MindSpore device target (default: the current one)."""
    target = target or current_target()
    platform = _PLATFORMS.get(target)
    if platform is None:  # Ascend
        return jax.devices()
    try:
        return jax.devices(platform)
    except RuntimeError:
        return []


def set_device(target, device_id=None, op="set_device"):
    _check_target(target, op)
    if target == "Ascend":
        warnings.warn(f"mindshim: device_target 'Ascend' is not available to JAX; running on JAX's default backend "
                      f"'{jax.default_backend()}'.", stacklevel=3)
    found = devices(target)
    if not found:
        raise RuntimeError(f"Unsupported device target {target}. This process only supports one of "
                           f"{available_targets()}: JAX sees no '{_PLATFORMS[target]}' device.")
    device_id = 0 if device_id is None else device_id
    if not isinstance(device_id, int) or not 0 <= device_id < len(found):
        raise ValueError(f"For '{op}', the 'device_id' must be in [0, {len(found)}), but got {device_id}.")
    jax.config.update("jax_default_device", found[device_id])
    _current.update(target=target, device_id=device_id)


def current_target():
    if _current["target"] is None:
        _current["target"] = "GPU" if jax.default_backend() == "gpu" else "CPU"
    return _current["target"]


def current_device():
    found = devices()
    return found[_current["device_id"]] if found else jax.devices()[0]


def available_targets():
    return [t for t in ("CPU", "GPU") if devices(t)]
