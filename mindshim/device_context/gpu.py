"""``mindspore.device_context.gpu``: the GPUs JAX sees."""
from .. import _device
from ._settings import _available, _setting

__all__ = ["device_count", "is_available", "matmul_allow_tf32", "conv_allow_tf32", "conv_fprop_algo",
           "conv_wgrad_algo", "conv_dgrad_algo"]


def is_available():
    return _available("GPU")


def device_count():
    if not is_available():
        raise RuntimeError("Device_target GPU not exist.")
    return len(_device.devices("GPU"))


matmul_allow_tf32, conv_allow_tf32 = (_setting("GPU", f"gpu.op_precision.{name}")
                                       for name in ("matmul_allow_tf32", "conv_allow_tf32"))
conv_fprop_algo, conv_wgrad_algo, conv_dgrad_algo = (_setting("GPU", f"gpu.op_tuning.{name}")
                                                     for name in ("conv_fprop_algo", "conv_wgrad_algo",
                                                                  "conv_dgrad_algo"))
