"""Mixed precision at op level, as MindSpore's PyNative executor applies it.

Inside a Cell set by ``to_float(dtype)`` every op casts its floating inputs (data, Parameters, Tensors) to
``dtype``. Inside a network converted with amp level O1 only the white-listed ops do, and cast their
outputs back to float32. Ops check ``local.stack`` (empty when no mixed precision is in use: one list test).
"""
import threading

import jax.numpy as jnp

#: MindSpore 2.10's O1 white list (``amp.get_white_list()``), as op-table rows.
WHITE_LIST = frozenset({"Conv2D", "Conv3D", "Conv2DTranspose", "Conv3DTranspose", "Conv2DBackpropInput", "MatMul",
                        "BatchMatMul", "PReLU", "ReLU", "Ger", "Dense", "Conv1D"})

class _Local(threading.local):
    def __init__(self):
        self.stack = []


#: Per thread, the active policies, innermost last: ``(dtype, white_only)``.
local = _Local()


def cast_inputs(row_name, arrays):
    """``(arrays, out_dtype)``: the inputs cast for the active policy, and the dtype to cast outputs to (or None)."""
    dtype, white_only = local.stack[-1]
    if dtype is None or (white_only and row_name not in WHITE_LIST):
        return arrays, None
    cast = [a.astype(dtype) if hasattr(a, "dtype") and jnp.issubdtype(a.dtype, jnp.floating) and a.dtype != dtype
            else a for a in arrays]
    return cast, (jnp.float32 if white_only else None)


def cast_outputs(out, dtype):
    if type(out) is tuple:
        return tuple(o.astype(dtype) if jnp.issubdtype(o.dtype, jnp.floating) else o for o in out)
    return out.astype(dtype) if jnp.issubdtype(out.dtype, jnp.floating) else out
