"""The op table: one row per MindSpore primitive, mapping it to its JAX lowering.

A row (:class:`OpDef`) holds the primitive's name, its constructor attributes with their defaults, the
JAX lowering ``impl(*inputs, **attrs)``, an optional ``check(*inputs, **attrs)`` that raises MindSpore's
error for bad input, an optional MindSpore ``bprop(inputs, out, dout, **attrs)`` used instead of
JAX's own derivative (wired with ``jax.custom_vjp``) where MindSpore's gradient differs, and an optional
``effect`` for the primitives that write into their inputs.

Primitive classes (``mindshim.ops.operations``), functional ops (``mindshim.ops.functional``) and
Tensor methods are all views of this table: none of them computes anything itself.
"""
import functools

import jax
import jax.numpy as jnp
import numpy as np

REGISTRY = {}


class OpDef:
    __slots__ = ("name", "impl", "attrs", "check", "bprop", "effect", "_bound")

    def __init__(self, name, impl, attrs=(), check=None, bprop=None, effect=None):
        self.name = name
        self.impl = impl
        self.attrs = dict(attrs)
        self.check = check
        self.bprop = bprop
        self.effect = effect
        self._bound = {}

    def bind(self, **attrs):
        """The lowering with attributes fixed: a function of the op's inputs (arrays or Python values)."""
        if not attrs and () in self._bound:
            return self._bound[()]
        key = tuple(sorted(attrs.items()))
        fn = self._bound.get(key)
        if fn is None:
            impl = functools.partial(self.impl, **attrs) if attrs else self.impl
            fn = _with_bprop(impl, self.bprop, attrs) if self.bprop else impl
            self._bound[key] = fn
        return fn

    def __repr__(self):
        return f"OpDef({self.name})"


def _with_bprop(impl, bprop, attrs):
    """``impl`` whose derivative is MindSpore's ``bprop(inputs, out, dout, **attrs)`` (all inputs arrays)."""
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
    return op


def register(name, attrs=(), check=None, bprop=None, effect=None):
    """Decorator adding a row: ``@register("MatMul", attrs=(("transpose_a", False),))`` over its lowering.

    ``effect(inputs, outputs, **attrs)``: for MindSpore's side-effect primitives (BatchNorm's moving statistics),
    the in-place writes into the caller's Tensors/Parameters, run after the lowering succeeded."""
    def deco(impl):
        if name in REGISTRY:
            raise ValueError(f"op {name} registered twice")
        REGISTRY[name] = OpDef(name, impl, attrs, check, bprop, effect)
        return impl
    return deco


def get(name):
    try:
        return REGISTRY[name]
    except KeyError:
        raise NotImplementedError(f"mindspore.ops.{name} is not supported by mindshim yet.") from None
