"""``mindspore.Parameter`` and ``ParameterTuple``.

A Parameter is a Tensor with a ``name`` and ``requires_grad``; its data can be replaced in place
(``set_data``), which is how optimizers and compiled steps write state back. Arithmetic on a Parameter
gives plain Tensors, as in MindSpore.
"""
import itertools

import jax
import numpy as np

from . import _trace
from . import dtype as mstype
from .initializer import initializer
from .tensor import Tensor, _wrap

_GENERATED = "Parameter#"
_counter = itertools.count(1)


def is_generated_name(name):
    """True for the names MindSpore gives unnamed Parameters (``Parameter#3``)."""
    return name.startswith(_GENERATED)


class Parameter(Tensor):
    """``Parameter(default_input, name=None, requires_grad=True, layerwise_parallel=False,
    parallel_optimizer=True)``."""
    __slots__ = ("name", "requires_grad", "layerwise_parallel", "parallel_optimizer", "__dict__")
    #: The AllReduce fusion group of this Parameter's gradient in MindSpore's parallel training (``set_comm_fusion``);
    #: mindshim's gradient reduction is XLA's, so it is recorded only.
    comm_fusion = 1

    @property
    def _data(self):
        """The wrapped array (``Tensor._data``); reads and writes are seen by the engine's trace watch."""
        if _trace.local.frames:
            _trace.touch(self)
        return self._value if self._np is None else self._from_host()

    @_data.setter
    def _data(self, value):
        if _trace.local.frames:
            _trace.touch(self)
        self._value, self._np, self._host = value, None, False

    def __init__(self, default_input, name=None, requires_grad=True, layerwise_parallel=False,
                 parallel_optimizer=True, storage_format="", device=None):
        if _trace.local.frames:  # made inside a compiled call (a Cell built in a jit function): the call's own
            _trace.own(self)
        if isinstance(default_input, Tensor):
            self._data = default_input._data
        elif isinstance(default_input, (int, float, bool, np.ndarray, list, tuple)):
            self._data = Tensor(default_input)._data
        else:
            raise TypeError("For 'Parameter', the type of 'default_input' should be Tensor, numpy array or number, "
                            f"but got {type(default_input).__name__}.")
        if name is not None and not isinstance(name, str):
            raise TypeError(f"For 'Parameter', the type of 'name' must be str, but got {type(name).__name__}.")
        self.name = name if name else f"{_GENERATED}{next(_counter)}"
        self.requires_grad = bool(requires_grad)
        self.layerwise_parallel = layerwise_parallel
        self.parallel_optimizer = parallel_optimizer

    def __repr__(self):
        return (f"Parameter (name={self.name}, shape={tuple(self.shape)}, dtype={self.dtype}, "
                f"requires_grad={self.requires_grad})")

    def __str__(self):
        return self.__repr__()

    @property
    def data(self):
        return self

    def set_data(self, data, slice_shape=False):
        """Replace the data in place; shape and dtype must match unless ``slice_shape`` (MindSpore's rule)."""
        new = data._data if isinstance(data, Tensor) else Tensor(data)._data
        old = self._data
        if not slice_shape and tuple(new.shape) != tuple(old.shape):
            raise ValueError(f"For 'Parameter.set_data', the shape of the new data {tuple(new.shape)} must be equal "
                             f"to the shape of '{self.name}' {tuple(old.shape)}.")
        if new.dtype != old.dtype:
            if not np.can_cast(new.dtype, old.dtype, "same_kind") and isinstance(data, Tensor):
                raise TypeError(f"For 'Parameter.set_data', the dtype of '{self.name}' is {self.dtype}, which "
                                f"cannot hold data of dtype {mstype.to_mstype(new.dtype)}.")
            new = new.astype(old.dtype)
        self._data = new
        return self

    def value(self):
        return _wrap(self._data)

    def clone(self, init="same"):
        if init != "same":
            data = initializer(init, self.shape, self.dtype)
        else:
            data = _wrap(self._data)
        return Parameter(data, name=self.name, requires_grad=self.requires_grad,
                         layerwise_parallel=self.layerwise_parallel, parallel_optimizer=self.parallel_optimizer)

    def init_data(self, *args, **kwargs):
        return self

    @property
    def inited_param(self):
        return None

    def __reduce__(self):
        return (Parameter, (Tensor(np.asarray(self._data)), self.name, self.requires_grad))


class ParameterTuple(tuple):
    """A tuple of Parameters (``ParameterTuple(net.trainable_params())``)."""

    def __new__(cls, iterable):
        items = tuple(iterable)
        ids, names = set(), set()
        for p in items:
            if not isinstance(p, Parameter):
                raise TypeError("For ParameterTuple initialization, ParameterTuple input should be 'Parameter' "
                                f"collection, but got a {type(iterable)}. ")
            if id(p) not in ids:
                if p.name in names:
                    raise ValueError(f"The value {p} , its name '{p.name}' already exists. Please set a unique name "
                                     "for the parameter.")
                names.add(p.name)
                ids.add(id(p))
        return super().__new__(cls, items)

    def clone(self, prefix, init="same"):
        out = []
        for p in self:
            c = p.clone(init)
            c.name = prefix + "." + p.name
            out.append(c)
        return ParameterTuple(out)


def _flatten(p):
    return (p._data,), (p.name, p.requires_grad)


def _unflatten(aux, children):
    p = object.__new__(Parameter)
    p._data = children[0]
    p.name, p.requires_grad = aux
    p.layerwise_parallel, p.parallel_optimizer = False, True
    return p


jax.tree_util.register_pytree_node(Parameter, _flatten, _unflatten)
