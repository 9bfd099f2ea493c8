"""``mindspore.ops``: primitive classes, functional ops and GradOperation, all views of one op table."""
from . import functional, operations
from .composite import GradOperation, grad, value_and_grad
from .functional import *  # noqa: F401,F403
from .operations import *  # noqa: F401,F403
from .primitive import Primitive, PrimitiveWithCheck, PrimitiveWithInfer

__all__ = ["functional", "operations", "GradOperation", "grad", "value_and_grad", "Primitive", "PrimitiveWithCheck", "PrimitiveWithInfer"]
__all__ += functional.__all__ + operations.__all__

from .._unsupported import module_getattr as _module_getattr

__getattr__ = _module_getattr(__name__)
