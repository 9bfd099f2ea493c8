"""``mindspore.device_context.ascend.op_precision``: Ascend's operator precision settings (see
``mindshim.device_context``: ignored off Ascend, unsupported on it)."""
from .._settings import _setting

__all__ = ["precision_mode", "op_precision_mode", "matmul_allow_hf32", "conv_allow_hf32"]

precision_mode, op_precision_mode, matmul_allow_hf32, conv_allow_hf32 = (
    _setting("Ascend", f"ascend.op_precision.{name}") for name in __all__)
