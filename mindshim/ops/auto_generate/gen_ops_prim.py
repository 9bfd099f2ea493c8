"""``mindspore.ops.auto_generate.gen_ops_prim``: MindSpore's generated primitive classes; those mindshim has are the
op table's (``mindspore.ops.operations``), the others import and raise when called
(``mindshim.ops._mindspore_primitives``)."""
import sys

from .._mindspore_primitives import primitive_getattr
from ..operations import *  # noqa: F403
from ..operations import __all__  # noqa: F401  (re-exported)

__getattr__ = primitive_getattr(sys.modules[__name__])
