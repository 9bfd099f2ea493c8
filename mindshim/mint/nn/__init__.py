"""``mindspore.mint.nn``: PyTorch-style layers (``mindspore.nn``'s Cells with PyTorch's arguments and defaults)
and ``mindspore.mint.nn.functional``."""
from ... import nn as _nn
from ..._unsupported import module_getattr as _module_getattr
from . import functional

Tanh = _nn.Tanh
Sigmoid = _nn.Sigmoid
Flatten = _nn.Flatten
BCELoss = _nn.BCELoss
BCEWithLogitsLoss = _nn.BCEWithLogitsLoss
MSELoss = _nn.MSELoss
Linear = _nn.Linear
Dropout2d = _nn.Dropout2dExt


class SiLU(_nn.SiLU):
    """``x * sigmoid(x)``; ``inplace`` is accepted (mindshim returns a new Tensor)."""

    def __init__(self, inplace=False):
        super().__init__()


class SmoothL1Loss(_nn.SmoothL1Loss):
    """Smooth L1 loss with PyTorch's defaults (``reduction='mean'``)."""

    def __init__(self, reduction="mean", beta=1.0):
        super().__init__(beta=beta, reduction=reduction)


__all__ = ["functional", "Tanh", "Sigmoid", "Flatten", "BCELoss", "BCEWithLogitsLoss", "MSELoss", "SiLU",
           "SmoothL1Loss", "Linear", "Dropout2d"]

__getattr__ = _module_getattr(__name__)
