"""``mindspore.mint.nn.functional``: PyTorch-style functional ops over mindshim's op table."""
from ... import ops

__all__ = ["binary_cross_entropy", "binary_cross_entropy_with_logits", "silu", "sigmoid", "tanh", "flatten"]


def binary_cross_entropy(input, target, weight=None, reduction="mean"):
    """``ops.binary_cross_entropy``."""
    return ops.binary_cross_entropy(input, target, weight, reduction)


def binary_cross_entropy_with_logits(input, target, weight=None, reduction="mean", pos_weight=None):
    """``ops.binary_cross_entropy_with_logits`` (``reduction`` before ``pos_weight``, as in PyTorch)."""
    return ops.binary_cross_entropy_with_logits(input, target, weight, pos_weight, reduction)


def silu(input, inplace=False):
    """``input * sigmoid(input)``; ``inplace`` writes the result into ``input``."""
    out = ops.silu(input)
    if inplace:
        return input.assign_value(out)
    return out


def sigmoid(input):
    return ops.sigmoid(input)


def tanh(input):
    return ops.tanh(input)


def flatten(input, start_dim=0, end_dim=-1):
    """Flatten axes ``start_dim`` .. ``end_dim`` into one."""
    return ops.flatten(input, start_dim=start_dim, end_dim=end_dim)
