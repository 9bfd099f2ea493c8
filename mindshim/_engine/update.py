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


class _Seq(tuple):
    """The signature of a call whose one input is a tuple or list of Tensors (the gradients): ``(type, length)``."""
    __slots__ = ()


class UpdateCall(JitCall):
    """``fn(*args)`` compiled, with Python-constant outputs returned as constants."""

    def __init__(self, fn, op_name):
        super().__init__(fn, op_name)
        self.outputs = {}  # id(Program) -> function of the program's array outputs giving the call's result

    def __call__(self, *args):
        arrays, spec = self._signature(args)
        key = (spec, self._mode_key(spec))
        leaves = self._run(key, spec, arrays)
        return self.outputs[id(self.programs[key])](leaves)

    def _signature(self, args):
        if len(args) == 1 and type(args[0]) in (tuple, list):
            try:
                return [g._data for g in args[0]], _Seq((type(args[0]), len(args[0])))
            except AttributeError:
                pass
        return super()._signature(args)

    def _inputs(self, spec, arrays):
        if isinstance(spec, _Seq):
            return [spec[0](map(_wrap, arrays))]
        return super()._inputs(spec, arrays)

    def _step(self, spec, program, values, arrays, key):
        new_values, out, new_key, checks = super()._step(spec, program, values, arrays, key)
        leaves, treedef = jax.tree_util.tree_flatten(out, is_leaf=is_tensor)
        traced = [isinstance(leaf, jax.Array) for leaf in leaves]
        if not any(traced):
            result = jax.tree_util.tree_unflatten(treedef, leaves)
            self.outputs[id(program)] = lambda _: result
        else:
            constants = [None if t else leaf for leaf, t in zip(leaves, traced)]

            def rebuild(arrays):
                it = iter(arrays)
                return jax.tree_util.tree_unflatten(treedef, [_wrap(next(it)) if t else c
                                                              for t, c in zip(traced, constants)])
            self.outputs[id(program)] = rebuild
        return new_values, [leaf for leaf, t in zip(leaves, traced) if t], new_key, checks
