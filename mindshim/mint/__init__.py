"""``mindspore.mint``: mindshim provides ``mindspore.mint.optim``."""
from . import optim

__all__ = ["optim"]
