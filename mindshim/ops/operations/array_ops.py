"""``mindspore.ops.operations.array_ops``: the op table's primitive classes; MindSpore's others import and raise when
constructed (``mindshim.ops._mindspore_primitives``)."""
import sys

from .._mindspore_primitives import primitive_getattr
from . import *  # noqa: F403
from . import __all__  # noqa: F401  (re-exported)

__getattr__ = primitive_getattr(sys.modules[__name__])
