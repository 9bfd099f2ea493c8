"""``mindspore.ops.Custom``, ``@kernel`` and ``Morph``: a user's own op.

MindSpore compiles a Custom op for the device from the kind ``func_type`` names: ``"pyfunc"`` (a Python function
of numpy arrays, run on the host), ``"hybrid"`` (a function in MindSpore's Hybrid DSL, decorated by ``@kernel``,
compiled by AKG), ``"aot"``/``"tbe"``/``"aicpu"``/``"akg"`` (kernel sources or binaries). mindshim runs ``pyfunc``
and ``hybrid`` functions on the host with numpy (the Hybrid DSL is Python: its loops run as written), also inside
compiled code (``jax.pure_callback``); the other kinds raise NotImplementedError. The derivative is ``bprop``
(MindSpore derives one for a hybrid function without it; mindshim does not). ``Morph`` wraps a function of
mindshim ops, differentiated through them or by its own ``bprop_fn``.
"""
import functools
import inspect
import itertools
import json
import types

import jax
import numpy as np

from ... import _registry
from ..._engine.state import to_arrays
from ...common import _trace
from ...common.dtype import TensorType, to_mstype
from ..primitive import Primitive

_FUNC_TYPES = ("hybrid", "akg", "tbe", "aicpu", "aot", "pyfunc")


def _out_dtype(value):
    return (value.element_type() if isinstance(value, TensorType) else to_mstype(value)).np_dtype


def _is_multi(shape):
    return isinstance(shape, (list, tuple)) and bool(shape) and isinstance(shape[0], (list, tuple))


class Custom(Primitive):
    """``Custom(func, out_shape=None, out_dtype=None, func_type="pyfunc", bprop=None, reg_info=None)``.

    ``out_shape``/``out_dtype``: the outputs' shape(s) and dtype(s), or functions of the inputs' shapes (lists) and
    types (``TensorType``) giving them; a hybrid function without them is run once on zeros to find them.
    ``bprop(*inputs, out, dout)`` returns the inputs' gradients."""

    def __init__(self, func, out_shape=None, out_dtype=None, func_type="pyfunc", bprop=None, reg_info=None):
        Primitive.__init__(self, "Custom")
        prefix = f"For 'Custom', 'func_type': {func_type}, 'func': {func}"
        if func_type not in _FUNC_TYPES:
            raise ValueError(f"{prefix}, 'func_type' must be one of {list(_FUNC_TYPES)}, but got {func_type}")
        if func_type == "hybrid" and not hasattr(func, "ms_kernel_flag"):
            raise TypeError(f"{prefix}, 'func' must be a function decorated by kernel")
        if func_type not in ("pyfunc", "hybrid"):
            raise NotImplementedError(f"mindspore.ops.Custom(func_type='{func_type}') compiles a device kernel, "
                                      "which mindshim cannot run; 'pyfunc' and 'hybrid' functions run.")
        if func_type == "pyfunc" and not out_dtype:
            raise NotImplementedError("mindspore.ops.Custom(func_type='pyfunc') without 'out_dtype' (a function run "
                                      "for its side effects, with a fake output) is not supported by mindshim.")
        self.func, self.func_type, self.out_shape, self.out_dtype, self.bprop = func, func_type, out_shape, \
            out_dtype, bprop
        self.reg_info = reg_info if reg_info is not None else getattr(func, "reg_info", None)
        self.add_prim_attr("func_type", func_type)
        self.add_prim_attr("func_name", getattr(func, "__name__", ""))
        self._row = _registry.get("Custom")
        self._call_attrs = {"func": func, "infer": self._infer, "bprop": None if bprop is None else self._backward}
        self._fn = self._row.bind(**self._call_attrs)

    def _infer(self, shapes, dtypes):
        """The outputs' ``(shape, numpy dtype)`` pairs (a list for several outputs) for inputs of these shapes and
        numpy dtypes."""
        shape, dtype = self.out_shape, self.out_dtype
        if callable(shape):
            shape = shape(*[list(s) for s in shapes])
        if callable(dtype):
            dtype = dtype(*[TensorType(d) for d in dtypes])
        if shape is None or dtype is None:  # a hybrid function: run it on zeros, as MindSpore's auto infer does
            outs = self.func(*[np.zeros(s, d) for s, d in zip(shapes, dtypes)])
            outs = outs if isinstance(outs, tuple) else (outs,)
            shape = [o.shape for o in outs] if shape is None else shape
            dtype = [o.dtype for o in outs] if dtype is None else dtype
            if len(outs) == 1:
                shape, dtype = shape[0] if _is_multi(shape) else shape, dtype[0] if isinstance(dtype, list) else dtype
        if _is_multi(shape):
            dtypes_out = dtype if isinstance(dtype, (list, tuple)) else [dtype] * len(shape)
            return [(tuple(s), _out_dtype(d)) for s, d in zip(shape, dtypes_out)]
        return tuple(shape), _out_dtype(dtype)

    def _backward(self, arrays, out, dout):
        grads = self.bprop(*_registry.wrap_output(tuple(arrays)), _registry.wrap_output(out),
                           _registry.wrap_output(dout))
        return to_arrays(tuple(grads))


class Morph(Primitive):
    """``Morph(fn, infer_shape, infer_dtype, bprop_fn=None)``: ``fn`` as a primitive of compiled code (GRAPH_MODE,
    ``jit``), differentiated through its ops, or by ``bprop_fn(*inputs, out, dout)`` when given. Outside compiled
    code it raises MindSpore's RuntimeError. ``infer_shape``/``infer_dtype`` are kept (mindshim's trace infers)."""

    def __init__(self, fn, infer_shape, infer_dtype, bprop_fn=None):
        Primitive.__init__(self, "Morph")
        if bprop_fn is not None:
            for param in inspect.signature(fn).parameters.values():
                if param.kind is not inspect.Parameter.POSITIONAL_OR_KEYWORD or param.default is not param.empty:
                    raise ValueError("When use `bprop` in Morph, Morph `fn` only support positional or keyword "
                                     f"parameters with default value is empty, but got param '{param.name}' of kind "
                                     f"'{param.kind.name}' with default value '{param.default}'.")
        self.fn, self.bprop_fn = fn, bprop_fn
        self._infer_shape, self._infer_dtype = infer_shape, infer_dtype
        for name in ("side_effect_backprop", "side_effect_mem", "side_effect_io", "__metamorphosis__"):
            self.add_prim_attr(name, True)

    def infer_shape(self, *args):
        return self._infer_shape(*args)

    def infer_dtype(self, *args):
        return self._infer_dtype(*args)

    def __call__(self, *args):
        if not _trace.graph_code():
            raise RuntimeError("Morph is only supported in GRAPH_MODE.")
        if self.bprop_fn is None:
            return self.fn(*args)
        wrap = _registry.wrap_output

        @jax.custom_vjp
        def run(*arrays):
            return to_arrays(self.fn(*wrap(arrays)))

        def forward(*arrays):
            out = run(*arrays)
            return out, (arrays, out)

        def backward(res, dout):
            arrays, out = res
            return to_arrays(tuple(self.bprop_fn(*wrap(arrays), wrap(out), wrap(dout))))
        run.defvjp(forward, backward)
        return wrap(run(*to_arrays(args)))


# The Hybrid DSL's intrinsics as Python runs them (MindSpore's ``VariableUsage.intrin_runtime``).
def _allocate(shape, dtype="float32", scope="global"):
    return np.zeros(shape).astype(dtype)


def _erf(x):
    sign = 1 if x >= 0 else -1
    x = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * x)
    y = 1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t \
        * np.exp(-x * x)
    return sign * y


class _Scope:
    """``attr(...)`` and ``block_realize(...)``: scopes that only guide the compiler."""
    def __call__(self, *args, **kwargs):
        return self

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


_INTRINSICS = {
    "allocate": _allocate, "output_tensor": _allocate,
    "range": range, "serial": range, "vectorize": range, "parallel": range, "reduce": range,
    "grid": lambda extents: itertools.product(*(range(e) for e in extents)),
    "attr": _Scope(), "block_realize": _Scope(),
    "sqrt": np.sqrt, "sign": np.sign, "log": np.log, "tanh": np.tanh, "exp": np.exp, "abs": np.abs,
    "int32": np.int32, "float16": np.float16, "float32": np.float32, "power": np.power,
    "rsqrt": lambda x: np.ones_like(x) / np.sqrt(x), "erf": _erf, "isnan": np.isnan, "int8": np.int8,
    "int16": np.int16, "int64": np.int64, "float64": np.float64, "sin": np.sin, "cos": np.cos, "isinf": np.isinf,
    "isfinite": np.isfinite, "atan": np.arctan, "atan2": np.arctan2, "expm1": np.expm1, "floor": np.floor,
    "ceil": np.ceil, "trunc": np.trunc, "round": np.round, "ceil_div": lambda a, b: (a + b - 1) // b,
}


def kernel(fn=None, reg_info=None, compile_attrs=None):
    """``@kernel``: marks a function written in MindSpore's Hybrid DSL (for ``Custom(func_type="hybrid")``).
    Called directly, it runs as Python on numpy arrays with the DSL's intrinsics (``output_tensor``,
    ``block_realize``, ...) defined, as MindSpore runs it."""
    compile_attrs = {} if compile_attrs is None else compile_attrs
    if not isinstance(compile_attrs, dict):
        raise TypeError(f"The input 'compile_attrs' of @kernel must be a dict, but get a {type(compile_attrs)}")
    for key in compile_attrs:
        if not isinstance(key, str):
            raise TypeError(f"The key of 'compile_attrs' of @kernel must be a str, but get a {type(key)}")
    if reg_info is not None and not isinstance(reg_info, (str, dict, tuple)):
        raise TypeError("The input 'reg_info' of @kernel should be one of str, dict and tuple, but get a "
                        f"{type(reg_info)}")

    def wrap(func):
        @functools.wraps(func)
        def run(*args):
            scope = types.FunctionType(func.__code__, {**func.__globals__, **_INTRINSICS}, func.__name__,
                                       func.__defaults__, func.__closure__)
            return scope(*args)
        run.ms_kernel_flag = True
        run.compile_attrs = json.dumps(compile_attrs)
        if reg_info is not None:
            run.reg_info = reg_info
        return run
    return wrap(fn) if fn is not None else wrap


def ms_kernel(fn=None, reg_info=None, compile_attrs=None):
    """The name ``kernel`` had before MindSpore 1.8."""
    return kernel(fn, reg_info, compile_attrs)


__all__ = ["Custom", "Morph", "kernel", "ms_kernel"]
