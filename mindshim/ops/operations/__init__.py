"""``mindspore.ops.operations``: one primitive class per row of the op table (``mindshim._registry``),
plus the state-writing primitives (``Assign``, ...), which act on Parameters rather than compute. MindSpore's other
primitives import and raise when called (``mindshim.ops._mindspore_primitives``)."""
import sys

from ... import _registry
from .. import _views  # noqa: F401  (fills the op table)
from .._mindspore_primitives import primitive_getattr
from ..function.core_func import assign, assign_add, assign_sub
from ..primitive import Primitive, primitive_class
from .custom_ops import Custom, Morph, kernel, ms_kernel

_PRIMITIVES = sorted(name for name, row in _registry.REGISTRY.items() if row.primitive)
for _name in _PRIMITIVES:
    globals()[_name] = primitive_class(_name)


def _state_primitive(name, fn):
    def __call__(self, variable, value):
        return fn(variable, value)
    return type(name, (Primitive,), {"__call__": __call__, "__doc__": fn.__doc__,
                                     "__init__": lambda self: Primitive.__init__(self, name),
                                     "__module__": __name__})


Assign = _state_primitive("Assign", assign)
AssignAdd = _state_primitive("AssignAdd", assign_add)
AssignSub = _state_primitive("AssignSub", assign_sub)


class ReduceOp:
    """The reductions collective primitives (``AllReduce``, ...) take: MindSpore's string constants."""
    SUM = "sum"
    MAX = "max"
    MIN = "min"
    PROD = "prod"
    AVG = "avg"

__all__ = _PRIMITIVES + ["Assign", "AssignAdd", "AssignSub", "ReduceOp", "Custom", "Morph", "kernel",
                          "ms_kernel"]

__getattr__ = primitive_getattr(sys.modules[__name__])
