"""``mindspore.ops.vm_impl_registry``: Python implementations of primitives registered for debugging, by primitive
class or name; ``get_vm_impl_fn`` builds the one registered for a primitive or name (None if none is)."""
from collections import UserDict

from .primitive import Primitive


class VmImplRegistry(UserDict):
    """``register(prim)`` decorates ``fn(prim) -> implementation`` for a primitive class or a name."""

    def register(self, prim):
        def deco(fn):
            if isinstance(prim, str):
                self[prim] = fn
            elif issubclass(prim, Primitive):
                self[id(prim)] = fn
                self[prim.__name__] = fn
            return fn
        return deco

    def get(self, prim_obj, default=None):
        if isinstance(prim_obj, str):
            return self.data.get(prim_obj, default)
        if isinstance(prim_obj, Primitive):
            return self.data.get(id(type(prim_obj)), self.data.get(prim_obj.name, default))
        return default


vm_impl_registry = VmImplRegistry()


def get_vm_impl_fn(prim):
    """The registered implementation of ``prim`` (a Primitive or a name), built by its registered function."""
    out = vm_impl_registry.get(prim, None)
    return out(prim) if out else None
