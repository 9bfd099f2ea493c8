"""``mindspore.mint.nn``: mindshim provides ``mindspore.mint.nn.functional``."""
from ..._unsupported import module_getattr as _module_getattr
from . import functional

__all__ = ["functional"]

__getattr__ = _module_getattr(__name__)
