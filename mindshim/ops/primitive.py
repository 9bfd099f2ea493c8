"""``mindspore.ops.Primitive``: the base of primitive op classes, each a view of one op-table row."""
import copy
import inspect

from .. import _registry
from .._registry import dispatch


class Primitive:
    """A MindSpore primitive: constructor arguments are attributes, calling it runs the op (``add_prim_attr``
    records more attributes, as MindSpore's, which the lowering does not take)."""
    _row = None

    def __init__(self, name=None):
        self.name = name or type(self).__name__
        self.attrs = {}

    def add_prim_attr(self, name, value):
        self.attrs[name] = value
        return self

    def set_prim_instance_name(self, name):
        self.instance_name = name
        return self

    def __call__(self, *inputs):
        if self._row is None:
            raise NotImplementedError(f"mindspore.ops.{self.name} is not supported by mindshim yet.")
        return dispatch(self._row, inputs, self._call_attrs, self._fn)

    def __deepcopy__(self, memo):
        """A copy with its own attribute dict; the bound lowering (immutable) is shared."""
        new = copy.copy(self)
        new.attrs = copy.deepcopy(self.attrs, memo)
        return new

    def __repr__(self):
        attrs = ", ".join(f"{k}={v}" for k, v in self.attrs.items())
        return f"Prim[{self.name}]" + (f"<{attrs}>" if attrs else "")


PrimitiveWithInfer = PrimitiveWithCheck = Primitive


def primitive_class(name):
    """The primitive class of table row ``name``: its ``__init__`` takes the row's attributes in order."""
    row = _registry.get(name)
    params = [inspect.Parameter(k, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=v) for k, v in row.attrs.items()]

    def __init__(self, *args, **kwargs):
        Primitive.__init__(self, name)
        bound = sig.bind(*args, **kwargs)
        bound.apply_defaults()
        self._call_attrs = dict(bound.arguments)
        self.attrs = dict(self._call_attrs)
        self._fn = row.bind(**self._call_attrs)
        for k, v in self.attrs.items():
            setattr(self, k, v)
    sig = inspect.Signature(params)
    __init__.__signature__ = inspect.Signature([inspect.Parameter("self", inspect.Parameter.POSITIONAL_ONLY)] + params)
    return type(name, (Primitive,), {"__init__": __init__, "_row": row, "__doc__": row.impl.__doc__,
                                     "__module__": "mindshim.ops.operations"})
