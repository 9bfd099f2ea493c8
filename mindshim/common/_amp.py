"""Mixed precision at op level, as MindSpore's PyNative executor applies it.

A policy is ``(dtype, mode)``. Inside a Cell set by ``to_float(dtype)`` (mode "all") every op casts its
floating inputs (data, Parameters, Tensors) to ``dtype``. Inside a network converted with amp level O1 (mode
"white") only the white-listed ops do, and cast their outputs back to float32 (mode a frozenset of row names:
``custom_mixed_precision``'s white list does so for those rows). Under level "auto" (mode
"auto") the auto white list computes in ``dtype``, the auto black list in float32, the promote list in the
widest float type among its inputs, and every other op in the types it is given. Ops check ``local.stack``
(empty when no mixed precision is in use: one list test).
"""
import threading

import jax.numpy as jnp

#: MindSpore 2.10's O1 white list (``amp.get_white_list()``), as op-table rows.
WHITE_LIST = frozenset({"Conv2D", "Conv3D", "Conv2DTranspose", "Conv3DTranspose", "Conv2DBackpropInput", "MatMul",
                        "BatchMatMul", "PReLU", "ReLU", "Ger", "Dense", "Conv1D"})
#: MindSpore 2.10's lists for amp level "auto" (``auto_mixed_precision``'s documentation), as op-table rows.
AUTO_WHITE_LIST = frozenset({"Conv2D", "Conv3D", "Conv2DTranspose", "Conv3DTranspose", "MatMul", "MatMulExt",
                             "BatchMatMul", "PReLU", "Einsum", "Dense", "Addmm", "Addbmm", "Addmv", "Baddbmm", "Mv"})
AUTO_BLACK_LIST = frozenset({
    "Pow", "ACos", "Asin", "Cosh", "Erfinv", "Exp", "Expm1", "Log", "Log10", "Log1p", "Log2", "Reciprocal", "Rsqrt",
    "Sinh", "Tan", "Softplus", "LayerNorm", "BatchNorm", "GroupNorm", "KLDivLoss", "SmoothL1Loss",
    "MultilabelMarginLoss", "SoftMarginLoss", "TripletMarginLoss", "MultiMarginLoss", "BCEWithLogitsLoss", "Pdist",
    "Cdist", "Renorm", "ReduceProd", "Softmax", "LogSoftmax", "CumProd", "CumSum", "Norm", "NLLLoss"})
AUTO_PROMOTE_LIST = frozenset({"Addcdiv", "Addcmul", "Cross", "Dot", "BiasAdd", "AddN", "Concat"})


class _Local(threading.local):
    def __init__(self):
        self.stack = []


#: Per thread, the active policies, innermost last: ``(dtype, mode)``.
local = _Local()


def cast_inputs(row_name, arrays):
    """``(arrays, out_dtype)``: the inputs cast for the active policy, and the dtype to cast outputs to (or None)."""
    dtype, mode = local.stack[-1]
    if mode == "all":
        return _cast(arrays, dtype), None
    if mode == "white" or isinstance(mode, frozenset):  # O1, or custom_mixed_precision's rows
        return (_cast(arrays, dtype), jnp.float32) if row_name in (WHITE_LIST if mode == "white" else mode) else \
            (arrays, None)
    if row_name in AUTO_WHITE_LIST:
        return _cast(arrays, dtype), None
    if row_name in AUTO_BLACK_LIST:
        return _cast(arrays, jnp.float32), None
    if row_name in AUTO_PROMOTE_LIST:
        floats = [a.dtype for a in _leaves(arrays) if _is_float(a)]
        return (_cast(arrays, jnp.result_type(*floats)) if floats else arrays), None
    return arrays, None


def _is_float(a):
    return hasattr(a, "dtype") and jnp.issubdtype(a.dtype, jnp.floating)


def _leaves(arrays):
    """The arrays, with those inside a tuple or list argument (Concat's, AddN's: Tensors there) flattened."""
    for a in arrays:
        if isinstance(a, (tuple, list)):
            yield from (getattr(x, "_data", x) for x in a)
        else:
            yield a


def _cast(arrays, dtype):
    return [type(a)(_cast([getattr(x, "_data", x) for x in a], dtype)) if isinstance(a, (tuple, list)) else
            a.astype(dtype) if _is_float(a) and a.dtype != dtype else a for a in arrays]


def cast_outputs(out, dtype):
    if type(out) is tuple:
        return tuple(o.astype(dtype) if jnp.issubdtype(o.dtype, jnp.floating) else o for o in out)
    return out.astype(dtype) if jnp.issubdtype(out.dtype, jnp.floating) else out
