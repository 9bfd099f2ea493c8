"""The functionalizing engine: a Cell (or any function reading Parameters) as a pure JAX function.

* :func:`call_with_params` runs ``fn`` with given arrays (concrete or traced) standing in for its
  Parameters, and returns the outputs plus the Parameters' values afterwards (their new state). The
  Parameters themselves are always restored, so no tracer ever stays in one.
* :func:`functionalize` is the public form: ``params, apply = functionalize(cell)`` gives a dict of
  arrays keyed by parameter name and a pure ``apply(params, *inputs)`` for ``jax.jit``/``grad``/``vmap``.
* :class:`GradCall` is MindSpore's ``GradOperation`` (and ``ForwardValueAndGrad``) built on
  ``jax.vjp`` and compiled with ``jax.jit``, cached per input signature; state the network writes
  (e.g. BatchNorm statistics) comes back as outputs and is written into the Parameters after the call.
"""
import os

import jax
import jax.numpy as jnp

from .common import seed
from .common.tensor import Tensor, _wrap

#: Bumped whenever something a trace depends on changes (``Cell.set_train``): compiled calls re-trace.
_generation = [0]
#: Set ``MINDSHIM_LOG_COMPILES=1`` (or ``mindshim._engine.LOG_COMPILES = True``) to log each trace.
LOG_COMPILES = os.environ.get("MINDSHIM_LOG_COMPILES") == "1"


def invalidate():
    """Make every compiled call re-trace on its next use (called when a Cell's mode changes)."""
    _generation[0] += 1


def _to_tensor(x):
    return _wrap(x) if isinstance(x, jax.Array) else x


def _to_array(tree):
    return jax.tree_util.tree_map(lambda t: t._data if isinstance(t, Tensor) else t, tree,
                                  is_leaf=lambda t: isinstance(t, Tensor))


def call_with_params(fn, params, values, args, kwargs=None):
    """Run ``fn(*args)`` with ``values`` standing in for ``params``; returns ``(outputs, new_values)``.

    Array arguments are wrapped as Tensors. ``new_values[i]`` is ``values[i]`` unless ``fn`` wrote to that
    Parameter. The Parameters get their old data back whatever happens.
    """
    old = [p._data for p in params]
    try:
        for p, v in zip(params, values):
            p._data = v
        out = fn(*[_to_tensor(a) for a in args], **(kwargs or {}))
        new = [p._data for p in params]
    finally:
        for p, v in zip(params, old):
            p._data = v
    return out, new


def functionalize(cell, return_state=False):
    """``(params, apply)``: the Cell's parameters as ``{name: jax.Array}`` and a pure function of them.

    ``apply(params, *inputs)`` returns the Cell's outputs as jax arrays; with ``return_state=True`` it
    returns ``(outputs, new_params)``, the Parameters' values after the call (BatchNorm statistics, ...).
    Without it, a call that writes to a Parameter raises instead of dropping the update.
    """
    plist = _unique_params(cell)
    names = [p.name for p in plist]
    params = {n: p._data for n, p in zip(names, plist)}

    def apply(params, *inputs, **kwargs):
        values = [params[n] for n in names]
        out, new = call_with_params(cell, plist, values, inputs, kwargs)
        out = _to_array(out)
        changed = [n for n, a, b in zip(names, values, new) if a is not b]
        if return_state:
            return out, {n: v for n, v in zip(names, new)}
        if changed:
            raise RuntimeError(f"The cell wrote to Parameter(s) {changed} during apply; use "
                               "functionalize(cell, return_state=True) to receive the new values.")
        return out
    return params, apply


def _unique_params(cell):
    seen, out = set(), []
    for p in cell.get_parameters():
        if id(p) not in seen:
            seen.add(id(p))
            out.append(p)
    return out


class GradCall:
    """``GradOperation(get_all, get_by_list, sens_param)(fn, weights)`` as one compiled JAX program.

    Calling it with the network's inputs (plus ``sens`` last when ``sens_param``) returns the gradients in
    MindSpore's structure, or ``(outputs, gradients)`` with ``return_value=True`` (ForwardValueAndGrad).
    ``fn`` may be a Cell (compiled with ``jax.jit``, one trace per input signature) or a Python function
    (differentiated eagerly: the Parameters it reads are not known in advance).
    """

    def __init__(self, fn, weights, get_all, get_by_list, sens_param, return_value=False, op_name="GradOperation"):
        from .nn.cell import Cell
        self.fn = fn
        self.weights = list(weights) if get_by_list else []
        self.get_all, self.get_by_list, self.sens_param = get_all, get_by_list, sens_param
        self.return_value = return_value
        self.op_name = op_name
        self.compiled = isinstance(fn, Cell)
        self.params = None
        self.cache = {}
        self.traces = 0

    def _param_list(self):
        params = _unique_params(self.fn) if self.compiled else []
        ids = {id(p) for p in params}
        params += [w for w in self.weights if id(w) not in ids]
        index = {id(p): i for i, p in enumerate(params)}
        self.weight_idx = tuple(index[id(w)] for w in self.weights)
        return params

    def __call__(self, *args):
        if self.sens_param:
            if not args:
                raise TypeError(f"For '{self.op_name}', 'sens_param' is True, so the inputs must end with 'sens', "
                                "but no input was given.")
            args, sens = args[:-1], _to_array(args[-1])
        else:
            sens = None
        if self.params is None:
            self.params = self._param_list()
        try:  # the common case: every input is a Tensor
            arrays = [a._data for a in args]
            spec = len(args)
        except AttributeError:
            arrays = [a._data for a in args if isinstance(a, Tensor)]
            spec = tuple(None if isinstance(a, Tensor) else _static(a, self.op_name) for a in args)
        if not self.get_by_list and not self.get_all and not arrays:
            raise ValueError(f"For '{self.op_name}', there is no Tensor input to take the gradient of.")
        values = [p._data for p in self.params]
        if self.compiled:
            key = (spec, _generation[0], sens is None)
            fn = self.cache.get(key)
            if fn is None:
                fn = self.cache[key] = jax.jit(lambda v, x, s, r, _spec=spec: self._core(_spec, v, x, s, r))
            (out, gx, gw), changed, new_key = fn(values, arrays, sens, seed.current_key())
        else:
            (out, gx, gw), changed, new_key = self._core(spec, values, arrays, sens, seed.current_key())
        if new_key is not None:
            seed.set_key(new_key)
        for i, v in changed.items():
            self.params[i]._data = v
        return self._structure(out, gx, gw)

    def _core(self, spec, values, arrays, sens, key):
        """Forward + vjp, pure in ``values`` (all Parameters), ``arrays`` (Tensor inputs), ``sens`` and the PRNG
        ``key``. Returns ``(outputs, input grads, weight grads)`` as arrays (Tensors are built outside the
        compiled call: that is cheaper), the Parameters written, and the advanced key."""
        self.traces += 1
        if LOG_COMPILES:
            print(f"[mindshim] tracing {self.op_name} for {[(a.shape, str(a.dtype)) for a in arrays]}")
        widx = self.weight_idx
        diff_x = [i for i, a in enumerate(arrays) if jnp.issubdtype(a.dtype, jnp.inexact)]
        if isinstance(spec, int):
            spec = (None,) * spec

        def forward(wvals, xvals):
            vals = list(values)
            for i, w in zip(widx, wvals):
                vals[i] = w
            xs = list(arrays)
            for i, x in zip(diff_x, xvals):
                xs[i] = x
            it = iter(xs)
            inputs = [next(it) if s is None else s.value for s in spec]
            with seed.traced_keys(key) as keys:
                out, new = call_with_params(self.fn, self.params, vals, inputs)
            changed = {i: n for i, (v, n) in enumerate(zip(vals, new)) if v is not n}
            return _to_array(out), (changed, keys[0] if keys[1] else None)

        out, vjp, (changed, new_key) = jax.vjp(forward, [values[i] for i in widx], [arrays[i] for i in diff_x],
                                               has_aux=True)
        if sens is None:
            sens = jax.tree_util.tree_map(jnp.ones_like, out)
        else:
            sens = _check_sens(self.op_name, out, sens)
        gw, gxd = vjp(sens)
        gx = [jnp.zeros_like(a) for a in arrays]
        for i, g in zip(diff_x, gxd):
            gx[i] = g
        return (out, gx, gw), changed, new_key

    def _structure(self, out, gx, gw):
        """MindSpore's output structure, as Tensors."""
        gx, gw = tuple(_wrap(g) for g in gx), tuple(_wrap(g) for g in gw)
        if self.get_all and self.get_by_list:
            grads = (gx, gw)
        elif self.get_all:
            grads = gx
        elif self.get_by_list:
            grads = gw
        else:
            grads = gx[0]
        if not self.return_value:
            return grads
        return (_wrap(out) if isinstance(out, jax.Array) else jax.tree_util.tree_map(_wrap, out)), grads


def _check_sens(op, out, sens):
    out_def, sens_def = jax.tree_util.tree_structure(out), jax.tree_util.tree_structure(sens)
    if out_def != sens_def:
        raise ValueError(f"For '{op}', 'sens' must have the structure of the network's output: "
                         f"{_describe(out)}, but got {_describe(sens)}.")
    for o, s in zip(jax.tree_util.tree_leaves(out), jax.tree_util.tree_leaves(sens)):
        if o.shape != s.shape:
            raise ValueError(f"For '{op}', the shape of 'sens' must be the shape of the network's output "
                             f"{list(o.shape)}, but got {list(s.shape)}.")
    return jax.tree_util.tree_map(lambda o, s: s.astype(o.dtype), out, sens)


def _describe(tree):
    return jax.tree_util.tree_map(lambda a: f"Tensor(shape={list(a.shape)})", tree)


class _Static:
    """A non-Tensor input, compiled in as a constant (hashable by value)."""
    __slots__ = ("value", "key")

    def __init__(self, value):
        self.value = value
        self.key = (type(value), value)

    def __eq__(self, other):
        return isinstance(other, _Static) and self.key == other.key

    def __hash__(self):
        return hash(self.key)


def _static(value, op):
    try:
        hash(value)
    except TypeError:
        raise TypeError(f"For '{op}', the inputs must be Tensors or hashable constants, but got "
                        f"{type(value).__name__}.") from None
    return _Static(value)
