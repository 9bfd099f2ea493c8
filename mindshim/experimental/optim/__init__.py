"""``mindspore.experimental.optim``: PyTorch-style optimizers with ``param_groups``.

mindshim provides ``Optimizer``, ``AdamW``, ``Adam``, ``SGD`` and ``lr_scheduler``; the other optimizers
of this module are not supported yet.
"""
from . import lr_scheduler
from .adam import Adam
from .adamw import AdamW
from .optimizer import Optimizer
from .sgd import SGD

__all__ = ["Optimizer", "AdamW", "SGD", "Adam", "lr_scheduler"]
