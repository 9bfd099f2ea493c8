"""``mindspore.mint``: mindshim provides ``mindspore.mint.optim`` and ``mindspore.mint.nn``."""
from . import nn, optim

__all__ = ["nn", "optim"]
