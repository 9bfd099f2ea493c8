"""``mindspore.ops.Primitive``: the base of primitive op classes, each a view of one op-table row."""
import inspect

import jax
import numpy as np

from .. import _registry
from ..common import _amp
from ..common.tensor import Tensor, _wrap


def unwrap_inputs(inputs):
    """Tensors to arrays; a Python float beside integer Tensors becomes Float32 (MindSpore's promotion)."""
    try:  # the common case: every input is a Tensor
        return [x._data for x in inputs]
    except AttributeError:
        pass
    like = next((x._data for x in inputs if isinstance(x, Tensor)), None)
    int_like = like is not None and like.dtype.kind in "biu"
    out = []
    for x in inputs:
        if isinstance(x, Tensor):
            out.append(x._data)
        elif int_like and isinstance(x, float):
            out.append(np.float32(x))
        else:
            out.append(x)
    return out


def wrap_output(out):
    """Arrays as Tensors; Python values (Shape's ints, Print's None) as they are."""
    if isinstance(out, (tuple, list)):
        return type(out)(wrap_output(o) for o in out)
    return _wrap(out) if isinstance(out, jax.Array) else out


def call_op(row, inputs, attrs=None):
    """Run table row ``row`` (an OpDef) on MindSpore inputs: check, lower, wrap (then the row's in-place writes)."""
    arrays = unwrap_inputs(inputs)
    if _amp.local.stack:
        out = _call_mixed(row, row.bind(**(attrs or {})), arrays, attrs or {})
    elif attrs:
        if row.check is not None:
            row.check(*arrays, **attrs)
        out = wrap_output(row.bind(**attrs)(*arrays))
    else:
        if row.check is not None:
            row.check(*arrays)
        out = wrap_output(row.bind()(*arrays))
    if row.effect is not None:
        row.effect(inputs, out, **(attrs or {}))
    return out


def _call_mixed(row, fn, arrays, attrs):
    """An op call under a mixed-precision policy (``Cell.to_float``, amp levels)."""
    arrays, out_dtype = _amp.cast_inputs(row.name, arrays)
    if row.check is not None:
        row.check(*arrays, **attrs)
    out = fn(*arrays)
    return wrap_output(out if out_dtype is None else _amp.cast_outputs(out, out_dtype))


class Primitive:
    """A MindSpore primitive: constructor arguments are attributes, calling it runs the op."""
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
        row = self._row
        if row is None:
            raise NotImplementedError(f"mindspore.ops.{self.name} is not supported by mindshim yet.")
        arrays = unwrap_inputs(inputs)
        if _amp.local.stack:
            out = _call_mixed(row, self._fn, arrays, self.attrs)
        else:
            if row.check is not None:
                row.check(*arrays, **self.attrs)
            out = wrap_output(self._fn(*arrays))
        if row.effect is not None:
            row.effect(inputs, out, **self.attrs)
        return out

    def __repr__(self):
        return f"Prim[{self.name}]" + (f"<{', '.join(f'{k}={v}' for k, v in self.attrs.items())}>" if self.attrs else "")


PrimitiveWithInfer = PrimitiveWithCheck = Primitive


def primitive_class(name):
    """The primitive class of table row ``name``: its ``__init__`` takes the row's attributes in order."""
    row = _registry.get(name)
    params = [inspect.Parameter(k, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=v) for k, v in row.attrs.items()]

    def __init__(self, *args, **kwargs):
        Primitive.__init__(self, name)
        bound = sig.bind(*args, **kwargs)
        bound.apply_defaults()
        self.attrs = dict(bound.arguments)
        self._fn = row.bind(**self.attrs)
        for k, v in self.attrs.items():
            setattr(self, k, v)
    sig = inspect.Signature(params)
    __init__.__signature__ = inspect.Signature([inspect.Parameter("self", inspect.Parameter.POSITIONAL_ONLY)] + params)
    return type(name, (Primitive,), {"__init__": __init__, "_row": row, "__doc__": row.impl.__doc__,
                                     "__module__": "mindshim.ops.operations"})
