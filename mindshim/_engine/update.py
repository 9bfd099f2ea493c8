"""An eager call that updates Parameters, compiled: ``optimizer(grads)`` in PyNative.

:class:`UpdateCall` is a :class:`~compiled.JitCall` (one program per input signature, the state it replaces
donated) that returns its outputs as the eager call does: values that are Python constants in the trace (an
optimizer's ``True`` per parameter) come back as those constants, the others as Tensors. The optimizer's whole
update (learning-rate schedule, weight decay, loss scale, the rule, ``global_step``) is then one dispatch
instead of a few eager ops per parameter.
"""

from ..common.tensor import _wrap
from .compiled import JitCall


class _Seq(tuple):
    """The signature of a call whose one input is a tuple or list of Tensors (the gradients): ``(type, length)``."""
    __slots__ = ()


class UpdateCall(JitCall):
    """``fn(*args)`` compiled (Python-constant outputs come back as constants, as from every JitCall), a tuple or
    list of Tensors as its one input taken as that many inputs."""

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
