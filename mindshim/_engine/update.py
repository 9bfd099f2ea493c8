"""An eager call that updates Parameters, compiled: ``optimizer(grads)`` in PyNative.

:class:`UpdateCall` is a :class:`~compiled.JitCall` (one program per input signature, the state it replaces
donated) that returns its outputs as the eager call does: values that are Python constants in the trace (an
optimizer's ``True`` per parameter) come back as those constants, the others as Tensors. The optimizer's whole
update (learning-rate schedule, weight decay, loss scale, the rule, ``global_step``) is then one dispatch
instead of a few eager ops per parameter.
"""
import jax

from ..common.tensor import _wrap
from .compiled import JitCall
from .state import is_tensor


class UpdateCall(JitCall):
    """``fn(*args)`` compiled, with Python-constant outputs returned as constants."""

    def __init__(self, fn, op_name):
        super().__init__(fn, op_name)
        self.outputs = {}  # id(Program) -> (treedef, constant or None per leaf)

    def __call__(self, *args):
        arrays, spec = self._signature(args)
        key = (spec, self._mode_key(spec))
        leaves = iter(self._run(key, spec, arrays))
        treedef, constants = self.outputs[id(self.programs[key])]
        return jax.tree_util.tree_unflatten(treedef, [_wrap(next(leaves)) if c is None else c.value
                                                      for c in constants])

    def _step(self, spec, program, values, arrays, key):
        new_values, out, new_key = super()._step(spec, program, values, arrays, key)
        leaves, treedef = jax.tree_util.tree_flatten(out, is_leaf=is_tensor)
        constants = [None if isinstance(leaf, jax.Array) else _Constant(leaf) for leaf in leaves]
        self.outputs[id(program)] = (treedef, constants)
        return new_values, [leaf for leaf, c in zip(leaves, constants) if c is None], new_key


class _Constant:
    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value
