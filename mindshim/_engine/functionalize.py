"""``mindshim.functionalize``: the escape hatch from MindSpore's stateful objects to plain JAX."""
import jax

from ..common.tensor import _wrap
from .compiled import walk_compiled
from .discovery import discover
from .state import Retrace, call_with_params, to_arrays, tracing


def functionalize(fn, return_state=False):
    """``(params, apply)``: the state of a Cell (or of a function over Cells) as ``{name: jax.Array}``, and a pure
    function of it: the escape hatch to plain JAX.

    ``apply(params, *inputs, key=None)`` returns the outputs as jax arrays, ready for ``jax.jit``, ``jax.grad``,
    ``jax.vmap``; random ops inside draw from ``key`` (pass one under ``jax.jit``). With ``return_state=True`` it
    returns ``(outputs, new_params)``, the state after the call: for a ``TrainOneStepCell`` that is a whole
    training step ``(params, batch) -> (loss, params)`` over the weights and the optimizer's state. Without
    it, a call that writes to a Parameter raises rather than drop the update. :func:`load_params` writes
    params back into the Parameters.
    """
    plist = discover([fn], extra=walk_compiled)
    names = [p.name for p in plist]
    if len(set(names)) != len(names):
        raise ValueError(f"For 'functionalize', parameter names must be unique, but got duplicates in {names}.")
    params = {n: p._data for n, p in zip(names, plist)}

    def apply(params, *inputs, key=None, **kwargs):
        values = [params[n] for n in names]
        try:
            with tracing(plist, key):
                out, new = call_with_params(fn, plist, values, inputs, kwargs)
        except Retrace as r:
            raise RuntimeError(f"For 'functionalize', the function uses Parameter(s) {[p.name for p in r.params]} "
                               "that were not found in it; functionalize the Cell that owns them.") from None
        out = to_arrays(out)
        if return_state:
            return out, dict(zip(names, new))
        changed = [n for n, a, b in zip(names, values, new) if a is not b]
        if changed:
            raise RuntimeError(f"The cell wrote to Parameter(s) {changed} during apply; use "
                               "functionalize(cell, return_state=True) to receive the new values.")
        return out
    return params, apply


def load_params(fn, params):
    """Write ``{name: array}`` (from :func:`functionalize`) back into the Parameters of ``fn``."""
    by_name = {p.name: p for p in discover([fn], extra=walk_compiled)}
    unknown = sorted(set(params) - set(by_name))
    if unknown:
        raise KeyError(f"For 'load_params', these names are not Parameters of the cell: {unknown}.")
    for name, value in params.items():
        by_name[name].set_data(_wrap(value) if isinstance(value, jax.Array) else value)
