"""``mindspore.mint.optim``: PyTorch-style optimizers (``AdamW``, ``Adam``, ``SGD``, ``FusedAdamW``).

They share ``mindspore.experimental.optim.Optimizer`` (``param_groups``) and follow PyTorch's update rules, as
MindSpore documents them. MindSpore 2.10 runs ``AdamW``/``FusedAdamW`` on Ascend only, and on CPU its ``Adam``
and ``SGD`` leave the parameters unchanged; mindshim computes the documented update everywhere.
"""
from .adam import Adam
from .adamw import AdamW, FusedAdamW
from .sgd import SGD

__all__ = ["AdamW", "Adam", "SGD", "FusedAdamW"]
