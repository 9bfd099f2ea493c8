"""``mindspore.experimental.optim``: PyTorch-style optimizers with ``param_groups``.

mindshim provides ``Optimizer``, ``AdamW``, ``Adam`` and ``SGD``; the other optimizers of this module and its
``lr_scheduler`` are not supported yet.
"""
from .adam import Adam
from .adamw import AdamW
from .optimizer import Optimizer
from .sgd import SGD

__all__ = ["Optimizer", "AdamW", "SGD", "Adam"]
