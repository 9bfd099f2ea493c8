"""``mindspore.device_context.ascend``: Ascend is not a JAX platform, so it is never available here."""
from . import op_precision
from .op_precision import conv_allow_hf32, matmul_allow_hf32, op_precision_mode, precision_mode

__all__ = ["device_count", "is_available", "op_precision", "precision_mode", "op_precision_mode",
           "matmul_allow_hf32", "conv_allow_hf32"]


def is_available():
    return False


def device_count():
    raise RuntimeError("Device Ascend not exist.")
