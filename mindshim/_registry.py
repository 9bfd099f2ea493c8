"""The op table: one row per MindSpore primitive, mapping it to its JAX lowering, and the one path that runs a row.

A row (:class:`OpDef`) holds the primitive's name, its constructor attributes with their defaults, the JAX
lowering ``impl(*inputs, **attrs)``, an optional ``check(*inputs, **attrs)`` that raises MindSpore's error for
bad input, an optional MindSpore ``bprop(inputs, out, dout, **attrs)`` used instead of JAX's own derivative
(wired with ``jax.custom_vjp``) where MindSpore's gradient differs, an optional ``effect`` for the primitives
that write into their inputs, and the names of its views: the functional ops (``ops.abs``), Tensor methods
(``Tensor.abs``) and Python operators (``__abs__``) that are nothing but this row. ``mindshim.ops`` builds
those views, and a Primitive class per row; the rows are filled in by ``mindshim._table``.

:func:`dispatch` is the one way a row runs, for every view: unwrap (with MindSpore's promotion of Python
scalars) -> mixed-precision cast -> check -> lower -> wrap -> effect.
"""
import contextlib
import functools
import inspect
import os
import sys
import traceback

import jax
import jax.numpy as jnp
import numpy as np

from .common import _amp, sparse_tensor
from .common import dtype as mstype
from .common.tensor import Tensor, _wrap, write

REGISTRY = {}
_NO_ATTRS = {}
REQUIRED = inspect.Parameter.empty  # the default of an attribute that has none (``MatrixPower(n)``)


class OpDef:
    """One row of the op table (see the module docstring). ``promote``: Python scalars among the inputs take
    MindSpore's result dtype (element-wise rows); ``check_on_error``: the check only words an error that the
    lowering raises anyway, so it runs only then; ``primitive``: the row is a MindSpore primitive (composites
    that MindSpore builds from several primitives get no Primitive class); ``family``: the ``_table`` module
    that registered it, whose functional views live in ``ops.function.<family>_func``; ``inputs``: the names
    the views give the inputs (default ``input``, ``other``), then those of the attributes the functional view
    takes after them (``("x", "alpha")``); ``outputs``: how many of the lowering's outputs the
    op returns (one: that array alone), the rest feeding only the effect (None: all)."""
    __slots__ = ("name", "impl", "attrs", "check", "bprop", "effect", "functional", "method", "operator", "inputs",
                 "promote", "check_on_error", "primitive", "family", "outputs", "_bound", "plain")

    def __init__(self, name, impl, attrs=(), check=None, bprop=None, effect=None, functional=(), method=(),
                 operator=(), inputs=None, promote=False, check_on_error=False, primitive=True, family=None,
                 outputs=None):
        self.name = name
        self.impl = impl
        self.attrs = dict(attrs)
        self.check = check
        self.bprop = bprop
        self.effect = effect
        self.functional, self.method, self.operator = tuple(functional), tuple(method), tuple(operator)
        self.inputs = inputs
        self.promote, self.check_on_error, self.primitive, self.family = promote, check_on_error, primitive, family
        self.outputs = outputs
        self._bound = {}
        self.plain = None  # bind() without attributes, set on first use

    def bind(self, **attrs):
        """The lowering with attributes fixed: a function of the op's inputs (arrays or Python values)."""
        if not attrs:
            if self.plain is None:
                self.plain = _with_bprop(self.impl, self.bprop, {}) if self.bprop else self.impl
            return self.plain
        key = tuple((k, type(v), v) for k, v in attrs.items())  # the type too: 2 == 2.0 and 1 == True
        try:
            fn = self._bound.get(key)
        except TypeError:  # a list attribute, as in LpNorm(axis=[1, 2])
            key = tuple((k, type(v), _hashable(v)) for k, v in attrs.items())
            fn = self._bound.get(key)
        if fn is None:
            impl = functools.partial(self.impl, **attrs)
            fn = _with_bprop(impl, self.bprop, attrs) if self.bprop else impl
            self._bound[key] = fn
        return fn

    def __repr__(self):
        return f"OpDef({self.name})"


def _hashable(value):
    """An attribute value as a cache key (lists, as in ``LpNorm(axis=[1, 2])``, as tuples)."""
    if isinstance(value, (list, tuple)):
        return tuple(_hashable(v) for v in value)
    return value


def _with_bprop(impl, bprop, attrs):
    """``impl`` whose derivative is MindSpore's ``bprop(inputs, out, dout, **attrs)`` (all inputs arrays), compiled:
    an eager call of a custom VJP would otherwise run op by op (about a millisecond); inside a trace it inlines."""
    @jax.custom_vjp
    def op(*arrays):
        return impl(*arrays)

    def fwd(*arrays):
        out = impl(*arrays)
        return out, (arrays, out)

    def bwd(res, dout):
        arrays, out = res
        grads = bprop(arrays, out, dout, **attrs)
        # JAX wants float0 cotangents for integer inputs (MindSpore returns zeros_like for them).
        return tuple(None if a is None else g if jnp.issubdtype(jnp.result_type(a), jnp.inexact)
                     else np.zeros(np.shape(a), jax.dtypes.float0) for a, g in zip(arrays, grads))

    op.defvjp(fwd, bwd)
    return jax.jit(op)


def register(name, attrs=(), check=None, bprop=None, effect=None, functional=(), method=(), operator=(), inputs=None,
             promote=False, check_on_error=False, primitive=True, outputs=None):
    """Decorator adding a row: ``@register("MatMul", attrs=(("transpose_a", False),))`` over its lowering.

    ``effect(arrays, outputs, **attrs)``: for MindSpore's side-effect primitives (BatchNorm's moving statistics),
    the in-place writes into the caller's Tensors/Parameters as ``{input index: new array}``, written by
    :func:`dispatch` after the lowering succeeded (``outputs``: see :class:`OpDef`). ``functional``/``method``/
    ``operator``: the names of the row's plain views (see ``mindshim.ops``)."""
    family = sys._getframe(1).f_globals["__name__"].rpartition(".")[2]

    def deco(impl):
        if name in REGISTRY:
            raise ValueError(f"op {name} registered twice")
        REGISTRY[name] = OpDef(name, impl, attrs, check, bprop, effect, functional, method, operator, inputs, promote,
                               check_on_error, primitive, family, outputs)
        return impl
    return deco


_FORWARD_MODE = [0]


@contextlib.contextmanager
def forward_mode():
    """Rows run with JAX's own derivative inside: MindSpore's ``bprop`` (a ``jax.custom_vjp``) is reverse-mode
    only, and forward-mode transformations (``jvp``, ``jacfwd``) cannot go through it."""
    _FORWARD_MODE[0] += 1
    try:
        yield
    finally:
        _FORWARD_MODE[0] -= 1


def call(name, *inputs, **attrs):
    """Row ``name`` on ``inputs``: how hand-written functional ops and composites run a row."""
    return dispatch(get(name), inputs, attrs)


sparse_tensor.call = call  # COOTensor's and CSRTensor's methods run rows, and common cannot import the registry


def get(name):
    try:
        return REGISTRY[name]
    except KeyError:
        raise NotImplementedError(f"mindspore.ops.{name} is not supported by mindshim yet.") from None


# ---- running a row --------------------------------------------------------------------------------------------
_SCALAR_KINDS = {bool: "b", int: "i", float: "f"}
_scalar_dtypes = {}


def scalar_dtype(kind, like):
    """The dtype MindSpore gives a Python scalar of ``kind`` ('b', 'i', 'f') beside a Tensor of dtype ``like``:
    a float beside an integer or bool Tensor is Float32, never Float64; otherwise the Tensor's dtype where the
    scalar fits its kind (an int beside Float16 is Float16, beside Int32 Int32), else the scalar's (an int beside
    Bool is Int64): JAX's weak typing of scalars."""
    key = (kind, like)
    dtype = _scalar_dtypes.get(key)
    if dtype is None:
        if kind == "f" and like.kind in "biu":
            dtype = np.dtype(np.float32)
        else:
            dtype = np.dtype(jnp.result_type(like, {"b": False, "i": 0, "f": 0.0}[kind]))
        dtype = _scalar_dtypes[key] = dtype
    return dtype


def _scalar_kind(value):
    """'b', 'i' or 'f' for a Python or numpy scalar or a flat list/tuple of Python numbers, else None."""
    kind = _SCALAR_KINDS.get(type(value))
    if kind is not None:
        return kind
    if isinstance(value, np.generic) and value.dtype.kind in "biuf":
        return "i" if value.dtype.kind == "u" else value.dtype.kind
    if isinstance(value, (list, tuple)) and value and all(type(v) in _SCALAR_KINDS for v in value):
        return max((_SCALAR_KINDS[type(v)] for v in value), key="bif".index)
    return None


def unwrap(row, inputs):
    """The inputs as the lowering takes them: Tensors as arrays. For a ``promote`` row, Python and numpy scalars
    and lists of Python numbers beside a Tensor take MindSpore's dtype (:func:`scalar_dtype`), and other
    non-Tensor inputs are MindSpore's TypeError; otherwise only a Python float beside an integer Tensor changes
    (to Float32), and other values pass as they are (shapes, axes, dtypes)."""
    try:  # the common case: every input is a Tensor
        return [x._data for x in inputs]
    except AttributeError:
        pass
    like = None
    for x in inputs:
        if isinstance(x, Tensor):
            like = x._data.dtype
            break
    out = []
    for x in inputs:
        if isinstance(x, Tensor):
            out.append(x._data)
        elif like is None:
            out.append(x)
        elif row.promote:
            out.append(_promote(row, x, like, inputs))
        else:
            out.append(np.float32(x) if type(x) is float and like.kind in "biu" else x)
    return out


def _promote(row, value, like, inputs):
    """A non-Tensor input of an element-wise row beside a Tensor of dtype ``like``. A Python scalar stays a Python
    scalar where JAX's weak typing already gives MindSpore's dtype (so JAX's fast path takes it), except for rows
    with MindSpore's gradient, whose custom VJP wants arrays."""
    kind = _SCALAR_KINDS.get(type(value))
    if kind is not None and row.bprop is None and not (kind == "f" and like.kind in "biu"):
        return value
    if kind is None:
        kind = _scalar_kind(value)
        if kind is None:
            if isinstance(value, (np.ndarray, jax.Array)):
                return value
            raise failed_calling(row.name, _input_names(row, len(inputs)), inputs)
        if isinstance(value, np.generic):
            return _promote(row, value.item(), like, inputs)
    dtype = scalar_dtype(kind, like)
    try:
        return np.asarray(value, dtype)
    except OverflowError:  # an int beyond the dtype wraps, as MindSpore's kernels compute
        return np.asarray(value).astype(dtype)


def _ms_type_name(value):
    """How MindSpore's errors name a Python value's type (``List<int, string>`` for a list)."""
    if isinstance(value, (Tensor, jax.Array)):
        return "Tensor"
    if isinstance(value, (list, tuple)):
        return f"{'List' if isinstance(value, list) else 'Tuple'}<{', '.join(map(_ms_type_name, value))}>"
    if isinstance(value, np.ndarray):
        return str(type(value))
    if isinstance(value, mstype.Type):
        return "mindspore.dtype"
    return {str: "string", dict: "dict", type(None): "None"}.get(type(value), type(value).__name__)


_HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep


def _worded(e):
    """True for an error mindshim raised on purpose in MindSpore's words (a ``raise`` statement in mindshim), and
    for JAX's errors about tracers (a compiled call's trace needing a value: the engine handles those);
    False for one from inside JAX, numpy or Python (``'list' object has no attribute 'dtype'``)."""
    if isinstance(e, jax.errors.JAXTypeError):
        return True
    last = traceback.extract_tb(e.__traceback__)[-1]
    return last.filename.startswith(_HERE) and (last.line or "").startswith("raise")


def _reworded(row, inputs, attrs, e):
    """An error from inside a lowering in MindSpore's form: ``Failed calling <Op> with "<Op>(attrs)(inputs)"``
    where an input has a type the op cannot take (a string, None, a container of them), else
    ``For '<Op>', <the original message>``."""
    attrs = attrs or {}
    if isinstance(e, AttributeError) or any(map(_odd, inputs)) or isinstance(e, TypeError) and (
            not all(isinstance(x, _PLAIN) for x in inputs) or any(map(_odd, attrs.values()))):  # a wrong type
        return failed_calling(row.name, _input_names(row, len(inputs)), inputs, attrs)
    kind = TypeError if isinstance(e, TypeError) else IndexError if isinstance(e, IndexError) else ValueError
    return kind(f"For '{row.name}', {e}")


#: Inputs whose type every op takes where it takes an input at all (a TypeError with only these is about values).
_PLAIN = (Tensor, jax.Array, np.ndarray, np.generic, bool, int, float, mstype.Type, type(None))


def _odd(x):
    """A value no op input takes: a string, a dict or set, or a list/tuple holding one or None."""
    if isinstance(x, (str, dict, set)):
        return True
    return isinstance(x, (list, tuple)) and any(v is None or _odd(v) for v in x)


def failed_calling(name, names, values, attrs=None):
    """MindSpore's TypeError for inputs of types an op cannot take: ``Failed calling Zeros with
    "Zeros()(size=Tuple<float, int>, dtype=mindspore.dtype)".``"""
    args = ", ".join(f"{n}={_ms_type_name(v)}" for n, v in zip(names, values))
    kwargs = ", ".join(f"{k}={_ms_type_name(v)}" for k, v in (attrs or {}).items())
    return TypeError(f'Failed calling {name} with "{name}({kwargs})({args})".')


def _input_names(row, n):
    """The names of a row's inputs for an error message: declared, else the lowering's (a one-letter first or
    second name as MindSpore's ``input``/``other``)."""
    if row.inputs is not None:
        names = [n for n in row.inputs if n not in row.attrs]
    else:
        try:
            names = [p.name for p in inspect.signature(row.impl).parameters.values()
                     if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
        except (TypeError, ValueError):  # a builtin without a signature
            names = []
        names = [("input", "other")[i] if i < 2 and len(v) == 1 else v for i, v in enumerate(names)]
        names = names or ["input", "other"]
    return names + [f"input{i}" for i in range(len(names), n)]


def wrap_output(out):
    """Arrays as Tensors; Python values (Shape's ints, Print's None) as they are."""
    if isinstance(out, (tuple, list)):
        return type(out)(wrap_output(o) for o in out)
    return _wrap(out) if isinstance(out, jax.Array) else out


def dispatch(row, inputs, attrs=None, fn=None):
    """Run table row ``row`` on MindSpore inputs (Tensors and Python values) with attributes ``attrs``:
    unwrap -> mixed-precision cast -> check -> lower -> wrap -> effect. Every view of the table calls this;
    ``fn`` is ``row.bind(**attrs)`` where the caller keeps it (a Primitive instance)."""
    arrays = unwrap(row, inputs)
    out_dtype = None
    if _amp.local.stack:
        arrays, out_dtype = _amp.cast_inputs(row.name, arrays)
    if not attrs:
        attrs = _NO_ATTRS
        fn = fn or row.plain or row.bind()
    elif fn is None:
        fn = row.bind(**attrs)
    if _FORWARD_MODE[0] and row.bprop is not None:
        fn = functools.partial(row.impl, **attrs)
    check = row.check
    try:
        if check is not None and not row.check_on_error:
            check(*arrays, **attrs)
        out = fn(*arrays)
    except (TypeError, ValueError, AttributeError, IndexError) as e:
        if check is not None and row.check_on_error:
            check(*arrays, **attrs)
        if _worded(e):
            raise
        raise _reworded(row, inputs, attrs, e) from e
    if out_dtype is not None:
        out = _amp.cast_outputs(out, out_dtype)
    if row.effect is not None:
        for i, new in row.effect(arrays, out, **attrs).items():
            target = inputs[i]
            write(target, new.astype(target._data.dtype), row.name)
        if row.outputs is not None:
            out = out[0] if row.outputs == 1 else out[:row.outputs]
    return _wrap(out) if type(out) is not tuple and isinstance(out, jax.Array) else wrap_output(out)
