"""``mindspore.ops.functional_overload``: the functional forms that take both MindSpore's and PyTorch's
signatures (``any(input, dim, keepdim)``), which ``mint`` binds."""
from .._unsupported import module_getattr as _module_getattr
from .function import math_func as _math


def any(input, dim=None, keepdim=False):
    """Logical or over ``dim`` (all axes for None)."""
    return _math.any(input, dim, keepdim)


def all(input, dim=None, keepdim=False):
    """Logical and over ``dim`` (all axes for None)."""
    return _math.all(input, dim, keepdim)


__all__ = ["any", "all"]

__getattr__ = _module_getattr(__name__)
