"""``mindspore.boost``: of MindSpore's training accelerations, only ``GradientAccumulation``."""
from .._unsupported import module_getattr as _module_getattr
from . import grad_accumulation
from .grad_accumulation import GradientAccumulation

__all__ = ["GradientAccumulation"]

__getattr__ = _module_getattr(__name__)
