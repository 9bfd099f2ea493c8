"""``mindspore.mint.nn.functional``: PyTorch-style neural-network functions over the op table."""
from ... import ops
from ..._unsupported import module_getattr as _module_getattr
from ...ops.function import nn_func as _nn

binary_cross_entropy = ops.binary_cross_entropy
nll_loss = _nn.nll_loss_ext
softmax = _nn.softmax_ext
glu = _nn.glu_ext


def binary_cross_entropy_with_logits(input, target, weight=None, reduction="mean", pos_weight=None):
    """Sigmoid cross entropy of logits ``input`` against ``target`` (PyTorch's argument order)."""
    return ops.binary_cross_entropy_with_logits(input, target, weight, pos_weight, reduction)


def silu(input, inplace=False):
    """``input * sigmoid(input)`` (``inplace`` accepted; mindshim returns a new Tensor)."""
    return ops.silu(input)


def flatten(input, start_dim=1, end_dim=-1):
    """``input`` with axes ``start_dim..end_dim`` merged into one."""
    return ops.flatten(input, start_dim=start_dim, end_dim=end_dim)


__all__ = ["binary_cross_entropy", "binary_cross_entropy_with_logits", "nll_loss", "softmax", "glu", "silu",
           "flatten"]

__getattr__ = _module_getattr(__name__)
