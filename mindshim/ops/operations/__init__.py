"""``mindspore.ops.operations``: one primitive class per row of the op table (``mindshim._registry``)."""
from ... import _registry
from ..primitive import Primitive, primitive_class

for _name in _registry.REGISTRY:
    globals()[_name] = primitive_class(_name)

__all__ = sorted(_registry.REGISTRY)
