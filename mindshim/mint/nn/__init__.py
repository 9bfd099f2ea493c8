"""``mindspore.mint.nn``: PyTorch-style layers; each is a view of a ``mindspore.nn`` layer or of a functional op."""
from ... import nn, ops
from ...nn import Linear
from . import functional

__all__ = ["functional", "Linear", "BCELoss", "BCEWithLogitsLoss", "Flatten", "SiLU", "Sigmoid", "Tanh",
           "SmoothL1Loss"]


class BCELoss(nn.Cell):
    """``nn.BCELoss(weight, reduction)``."""

    def __init__(self, weight=None, reduction="mean"):
        super().__init__()
        self.bce_loss = nn.BCELoss(weight, reduction)

    def construct(self, input, target):
        return self.bce_loss(input, target)


class BCEWithLogitsLoss(nn.Cell):
    """``functional.binary_cross_entropy_with_logits`` with fixed ``weight`` and ``pos_weight``."""

    def __init__(self, weight=None, reduction="mean", pos_weight=None):
        super().__init__()
        self.weight = weight
        self.reduction = reduction
        self.pos_weight = pos_weight

    def construct(self, input, target):
        return functional.binary_cross_entropy_with_logits(input, target, self.weight, self.reduction,
                                                           self.pos_weight)


class Flatten(nn.Cell):
    """``functional.flatten(input, start_dim, end_dim)``."""

    def __init__(self, start_dim=1, end_dim=-1):
        super().__init__()
        self.start_dim = start_dim
        self.end_dim = end_dim

    def construct(self, input):
        return functional.flatten(input, self.start_dim, self.end_dim)


class SiLU(nn.Cell):
    """``functional.silu``."""

    def __init__(self, inplace=False):
        super().__init__()
        self.inplace = inplace

    def construct(self, x):
        return functional.silu(x, self.inplace)


class Sigmoid(nn.Cell):
    """``functional.sigmoid``."""

    def construct(self, input):
        return functional.sigmoid(input)


class Tanh(nn.Cell):
    """``functional.tanh``."""

    def construct(self, input):
        return functional.tanh(input)


class SmoothL1Loss(nn.Cell):
    """``ops.smooth_l1_loss(input, target, beta, reduction)``."""

    def __init__(self, reduction="mean", beta=1.0):
        super().__init__()
        self.reduction = reduction
        self.beta = beta

    def construct(self, input, target):
        return ops.smooth_l1_loss(input, target, self.beta, self.reduction)


from ..._unsupported import module_getattr as _module_getattr  # noqa: E402

__getattr__ = _module_getattr(__name__)
