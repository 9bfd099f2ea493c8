"""``mindspore.experimental``: mindshim provides ``mindspore.experimental.optim``."""
from . import optim

__all__ = ["optim"]
