"""``mindspore.ops.functional``: every functional op (see ``mindshim.ops.function``)."""
from .._unsupported import module_getattr as _module_getattr
from .composite import grad, jacfwd, jacrev, jvp, linearize, value_and_grad, vjp, vmap  # noqa: F401
from .composite_base import partial  # noqa: F401  (MindSpore keeps the Partial instance here too)
from .function import *  # noqa: F401,F403
from .function import __all__  # noqa: F401

__getattr__ = _module_getattr(__name__)
