"""``mindspore.mint.optim``: PyTorch-style optimizers (``AdamW``, ``Adam``, ``SGD``, ``FusedAdamW``).

They share ``mindspore.experimental.optim.Optimizer`` (``param_groups``) and follow PyTorch's update rules.
``Adam`` and ``SGD`` match MindSpore 2.10's CPU in GRAPH_MODE; in PyNative, 2.10's in-place ``Tensor.add_``
leaves the parameters (and Adam's ``state_step``, SGD's ``step_t``) unchanged, which mindshim does not copy.
MindSpore 2.10 runs ``AdamW``/``FusedAdamW`` on Ascend only (on CPU: "RuntimeError: The kernel AdamW
unregistered." in PyNative, "Unsupported op [AdamW] on CPU" in GRAPH_MODE); mindshim computes PyTorch's AdamW
everywhere.
"""
from .adam import Adam
from .adamw import AdamW, FusedAdamW
from .sgd import SGD

__all__ = ["AdamW", "Adam", "SGD", "FusedAdamW"]
