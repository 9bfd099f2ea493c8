"""The functionalizing engine: code that reads and writes Parameters, run as pure compiled JAX.

* :func:`call_with_params` runs ``fn`` with given arrays (concrete or traced) standing in for its
  Parameters and returns the outputs plus the Parameters' values afterwards (their new state). The
  Parameters themselves are always restored, so no tracer stays in one.
* :func:`functionalize` is the public form: ``params, apply = functionalize(cell)``.
* :class:`Compiled` is the shared machinery of every compiled entry point: it finds the state a function
  uses (the Parameters of the Cells it closes over or takes as arguments, plus any Parameter the trace
  watch sees it touch), passes that state and a PRNG key into ``jax.jit`` as inputs, caches one program per
  input signature, and writes the new state and key back after the call.
* :class:`GradCall` (``GradOperation``, ``ForwardValueAndGrad``, ``grad``, ``value_and_grad``) adds
  ``jax.vjp``; :class:`StatefulJit` (``mindspore.jit``, ``GRAPH_MODE`` Cells, ``TrainOneStepCell``) donates
  the state buffers it replaces.
"""
import contextlib
import functools
import os
import sys
import types

import jax
import jax.numpy as jnp

from . import _parallel
from .common import _watch, seed
from .common.parameter import Parameter, ParameterTuple
from .common.tensor import Tensor, _wrap

#: Bumped when a setting that traces depend on changes (amp policy, layouts, parallel context): part of every
#: cache key. The training mode of the Cells a call uses is part of its key too (``Compiled._modes``), so
#: switching train -> eval -> train (as ``Model.fit`` does every epoch) returns to programs already compiled.
_settings = [0]
#: Bumped by :func:`invalidate` and whenever a Cell's training flag changes: a compiled call recomputes its cache
#: key (``Compiled._modes``) only when this moved since its last call.
_epoch = [0]
#: Set ``MINDSHIM_LOG_COMPILES=1`` (or ``mindshim._engine.LOG_COMPILES = True``) to log each trace and why.
LOG_COMPILES = os.environ.get("MINDSHIM_LOG_COMPILES") == "1"


def invalidate():
    """Make every compiled call re-trace on its next use (a setting a trace depends on changed)."""
    _settings[0] += 1
    _epoch[0] += 1


def modes_changed():
    """A Cell's training flag changed: compiled calls look at their Cells' flags again."""
    _epoch[0] += 1


def _to_tensor(x):
    return _wrap(x) if isinstance(x, jax.Array) else x


def _is_tensor(t):
    return isinstance(t, Tensor)


def _to_array(tree):
    return jax.tree_util.tree_map(lambda t: t._data if isinstance(t, Tensor) else t, tree, is_leaf=_is_tensor)


def _to_tensors(tree):
    return _wrap(tree) if isinstance(tree, jax.Array) else jax.tree_util.tree_map(_to_tensor, tree)


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


class _Retrace(Exception):
    """Raised out of a trace that touched Parameters it did not take as inputs."""

    def __init__(self, params):
        super().__init__([p.name for p in params])
        self.params = params


@contextlib.contextmanager
def _watching(params):
    watch = _watch.Watch(params)
    _watch.local.watches.append(watch)
    try:
        yield watch
    finally:
        _watch.local.watches.remove(watch)
        for p, old in watch.missing:
            p._value = old
    if watch.missing:
        raise _Retrace([p for p, _ in watch.missing])


def unique_params(cell):
    seen, out = set(), []
    for p in cell.get_parameters():
        if id(p) not in seen:
            seen.add(id(p))
            out.append(p)
    return out


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
    plist = discover([fn])
    names = [p.name for p in plist]
    if len(set(names)) != len(names):
        raise ValueError(f"For 'functionalize', parameter names must be unique, but got duplicates in {names}.")
    params = {n: p._data for n, p in zip(names, plist)}

    def apply(params, *inputs, key=None, **kwargs):
        values = [params[n] for n in names]
        keys = seed.traced_keys(key) if key is not None else contextlib.nullcontext()
        try:
            with keys, _watching(plist):
                out, new = call_with_params(fn, plist, values, inputs, kwargs)
        except _Retrace as r:
            raise RuntimeError(f"For 'functionalize', the function uses Parameter(s) {[p.name for p in r.params]} "
                               "that were not found in it; functionalize the Cell that owns them.") from None
        out = _to_array(out)
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
    by_name = {p.name: p for p in discover([fn])}
    unknown = sorted(set(params) - set(by_name))
    if unknown:
        raise KeyError(f"For 'load_params', these names are not Parameters of the cell: {unknown}.")
    for name, value in params.items():
        by_name[name].set_data(_wrap(value) if isinstance(value, jax.Array) else value)


# ---- finding the state a function uses ------------------------------------------------------------------
def discover(roots, cells=None):
    """The Parameters reachable from ``roots``: Cells, Parameters, containers, and the closures, globals and
    defaults of functions (recursively). What this misses, the trace watch catches. The Cells met on the way
    (and their sub-Cells) are appended to ``cells`` when given."""
    from .nn.cell import Cell
    found, seen = [], set()

    def add(p):
        if id(p) not in seen:
            seen.add(id(p))
            found.append(p)

    def visit(obj, depth):
        if depth > 6 or id(obj) in seen:
            return
        if isinstance(obj, Parameter):
            add(obj)
            return
        seen.add(id(obj))
        if isinstance(obj, Cell):
            for p in unique_params(obj):
                add(p)
            if cells is not None:
                cells.extend(c for _, c in obj.cells_and_names())
            for v in obj.__dict__.values():
                if isinstance(v, (types.FunctionType, types.MethodType, Compiled, Cell)):
                    visit(v, depth + 1)
        elif isinstance(obj, (list, tuple, ParameterTuple)):
            for v in obj:
                visit(v, depth + 1)
        elif isinstance(obj, dict):
            for v in obj.values():
                visit(v, depth + 1)
        elif isinstance(obj, Compiled):
            visit(obj.fn, depth + 1)
            visit(obj.extra_state(), depth + 1)
        elif isinstance(obj, types.MethodType):
            visit(obj.__self__, depth + 1)
            visit(obj.__func__, depth + 1)
        elif isinstance(obj, functools.partial):
            visit(obj.func, depth + 1)
            visit(obj.args, depth + 1)
        elif isinstance(obj, types.FunctionType):
            for cell in obj.__closure__ or ():
                try:
                    visit(cell.cell_contents, depth + 1)
                except ValueError:  # an empty closure cell
                    pass
            for name in _global_names(obj.__code__):
                if name in obj.__globals__:
                    visit(obj.__globals__[name], depth + 1)
            visit(obj.__defaults__ or (), depth + 1)
            visit(getattr(obj, "__wrapped__", None), depth + 1)
    for root in roots:
        visit(root, 0)
    return found


def _global_names(code):
    names = set(code.co_names)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            names |= _global_names(const)
    return names


# ---- compiled calls ------------------------------------------------------------------------------------
class _Static:
    """A non-Tensor input, compiled in as a constant (hashable by value; Cells by identity)."""
    __slots__ = ("value", "key")

    def __init__(self, value):
        self.value = value
        self.key = (type(value), value)

    def __eq__(self, other):
        return isinstance(other, _Static) and self.key == other.key

    def __hash__(self):
        return hash(self.key)


class _Tree:
    """A container input (tuple, list, dict) holding Tensors: its structure and its non-Tensor leaves."""
    __slots__ = ("treedef", "leaves")

    def __init__(self, treedef, leaves):
        self.treedef, self.leaves = treedef, leaves

    def __eq__(self, other):
        return isinstance(other, _Tree) and self.treedef == other.treedef and self.leaves == other.leaves

    def __hash__(self):
        return hash((self.treedef, self.leaves))


def _has_tensor(tree):
    return any(isinstance(leaf, Tensor) for leaf in jax.tree_util.tree_leaves(tree, is_leaf=_is_tensor))


class Compiled:
    """Shared machinery: state discovery, input signature, PRNG key threading, retrace on missed state."""
    donates = False

    def __init__(self, fn, op_name):
        self.fn = fn
        self.op_name = op_name
        self.cache = {}
        self.cells = {}
        self.modes = {}
        self.traces = 0

    def extra_state(self):
        """Objects besides ``fn`` whose Parameters are state (GradCall: its weights)."""
        return ()

    def _signature(self, args):
        """``(arrays, spec)``: the Tensor inputs' arrays, and a hashable description of the rest."""
        try:  # the common case: every input is a Tensor
            return [a._data for a in args], len(args)
        except AttributeError:
            pass
        arrays, spec = [], []
        for a in args:
            if isinstance(a, Tensor):
                arrays.append(a._data)
                spec.append(None)
            elif isinstance(a, (tuple, list, dict)) and _has_tensor(a):
                leaves, treedef = jax.tree_util.tree_flatten(a, is_leaf=_is_tensor)
                leaf_spec = []
                for leaf in leaves:
                    if isinstance(leaf, Tensor):
                        arrays.append(leaf._data)
                        leaf_spec.append(None)
                    else:
                        leaf_spec.append(self._static(leaf))
                spec.append(_Tree(treedef, tuple(leaf_spec)))
            else:
                spec.append(self._static(a))
        return arrays, tuple(spec)

    def _static(self, value):
        try:
            hash(value)
        except TypeError:
            raise TypeError(f"For '{self.op_name}', the inputs must be Tensors, tuples of them, or hashable "
                            f"constants, but got {type(value).__name__}.") from None
        return _Static(value)

    @staticmethod
    def _inputs(spec, arrays):
        """The inputs again: top-level Tensors as arrays, Tensors inside containers as Tensors."""
        if isinstance(spec, int):
            return list(arrays)
        it = iter(arrays)
        out = []
        for s in spec:
            if s is None:
                out.append(next(it))
            elif isinstance(s, _Tree):
                leaves = [_wrap(next(it)) if ls is None else ls.value for ls in s.leaves]
                out.append(jax.tree_util.tree_unflatten(s.treedef, leaves))
            else:
                out.append(s.value)
        return out

    def _modes(self, spec):
        """What a trace of this signature depends on besides the inputs: the settings version and the training
        mode of every Cell the function reaches (looked at again only when :data:`_epoch` moved)."""
        memo = self.modes.get(spec)
        if memo is not None and memo[0] == _epoch[0]:
            return memo[1]
        cells = self.cells.get(spec)
        if cells is None:
            cells = []
            statics = [] if isinstance(spec, int) else [s.value for s in spec if isinstance(s, _Static)]
            discover([self.fn, self.extra_state(), statics], cells)
            cells = self.cells[spec] = list({id(c): c for c in cells}.values())
        modes = _settings[0], tuple(c.training for c in cells)
        self.modes[spec] = (_epoch[0], modes)
        return modes

    def _entry(self, key, spec):
        """The cache entry ``[jitted, params]`` for a signature, built on first use."""
        entry = self.cache.get(key)
        if entry is None:
            statics = [] if isinstance(spec, int) else [s.value for s in spec if isinstance(s, _Static)]
            params = discover([self.fn, self.extra_state(), statics])
            entry = self.cache[key] = [None, params]
            entry[0] = self._build(key, spec, entry)
        return entry

    def _run(self, key, spec, arrays, *extra):
        """Call the compiled program; trace again (with more state) if the trace touched unknown Parameters."""
        while True:
            entry = self._entry(key, spec)
            params = entry[1]
            # Outside any trace the state is read from the slot directly (the watch only matters inside one).
            traced = bool(_watch.local.watches)
            values = [p._data for p in params] if traced else [p._value for p in params]
            if self.donates:
                values = _donatable(values)
            placed = _parallel.mesh() is not None and not traced  # inside a trace, the outer call placed them
            if placed:
                values, arrays = _parallel.place(params, values, arrays)
            try:
                new_values, result, new_key = entry[0](values, arrays, *extra, seed.current_key())
            except _Retrace as r:
                if LOG_COMPILES:
                    print(f"[mindshim] {self.op_name}: re-tracing with Parameters {[p.name for p in r.params]}")
                entry[1] = params + r.params
                entry[0] = self._build(key, spec, entry)
                continue
            if new_key is not None:
                seed.set_key(new_key)
            if placed:
                result = _parallel.local_outputs(result)
            if type(new_values) is list:  # every state value, in order (StatefulJit)
                if traced:
                    for p, v in zip(params, new_values):
                        p._data = v
                else:
                    for p, v in zip(params, new_values):
                        p._value = v
            else:  # {index: value} of the state written (GradCall)
                for i, v in new_values.items():
                    params[i]._data = v
            return result

    def _traced(self, entry, values, inputs, key):
        """Run ``self.fn`` in a trace: returns outputs, ``{index: new value}`` of written state, new key."""
        self.traces += 1
        params = entry[1]
        if LOG_COMPILES:
            print(f"[mindshim] tracing {self.op_name} for "
                  f"{[(tuple(a.shape), str(a.dtype)) for a in inputs if hasattr(a, 'shape')]}")
        with seed.traced_keys(key) as keys, _watching(params):
            out, new = call_with_params(self.fn, params, values, inputs)
            changed = {i: n for i, (v, n) in enumerate(zip(values, new)) if v is not n}
        _check_no_leak(self.op_name, out)
        return out, changed, (keys[0] if keys[1] else None)


def _donatable(values):
    """The state to donate: a buffer something else also holds (another Parameter, a Tensor the user kept) is
    copied first, so that donating it cannot delete it under its other holder."""
    # References of a private buffer: its Parameter's slot, the list ``values``, getrefcount's argument.
    if max(map(sys.getrefcount, values), default=0) <= 3:
        return values
    return [v if sys.getrefcount(v) <= 4 else jnp.array(v, copy=True) for v in values]


def _check_no_leak(op, out):
    for leaf in jax.tree_util.tree_leaves(out, is_leaf=_is_tensor):
        if not isinstance(leaf, (Tensor, jax.Array, int, float, bool, type(None), str)):
            raise TypeError(f"For '{op}', a compiled function must return Tensors, numbers or tuples of them, but "
                            f"got {type(leaf).__name__}.")


class GradCall(Compiled):
    """Gradients of ``fn`` in MindSpore's structures, forward and backward compiled as one program.

    ``sens_param``: the inputs end with ``sens``, the output's cotangent (``"fill"``: a scalar filling every
    output, as the training cells' ``sens``). ``positions``: input indices to differentiate (``None``: none, ``"all"``: every input); ``single``: return
    the first such input's gradient
    alone rather than a tuple; ``weights``: Parameters to differentiate (``None``: none). With
    ``return_value`` the result is ``(outputs, gradients)``. With ``has_aux`` only the first output is
    differentiated (the others are returned, not differentiated), as ``mindspore.value_and_grad``.
    """

    def __init__(self, fn, weights, positions=(0,), single=True, sens_param=False, return_value=False,
                 has_aux=False, op_name="GradOperation"):
        super().__init__(fn, op_name)
        self.weights = None if weights is None else list(weights)
        self.positions, self.single = positions, single
        self.sens_param, self.return_value, self.has_aux = sens_param, return_value, has_aux
        self._checked_positions = {}

    def extra_state(self):
        return self.weights or ()

    def __call__(self, *args):
        if self.sens_param:
            if not args:
                raise TypeError(f"For '{self.op_name}', 'sens_param' is True, so the inputs must end with 'sens', "
                                "but no input was given.")
            args, sens = args[:-1], _to_array(args[-1])
        else:
            sens = None
        arrays, spec = self._signature(args)
        positions = self._checked_positions.get(spec)  # all-Tensor signatures are checked once
        if positions is None:
            positions = self._positions(args)
            if isinstance(spec, int):
                self._checked_positions[spec] = positions
        out, gx, gw = self._run((spec, self._modes(spec), sens is None, positions), spec, arrays, sens)
        return self._structure(out, gx, gw)

    def _positions(self, args):
        """The input positions to differentiate, checked against the inputs."""
        n = len(args)
        positions = tuple(range(n)) if self.positions == "all" else self.positions
        for p in positions or ():
            if not -n <= p < n:
                raise ValueError(f"For '{self.op_name}', the position {p} of the input to differentiate is out "
                                 f"of range: the function got {n} inputs.")
            if not isinstance(args[p], Tensor):
                raise TypeError(f"For '{self.op_name}', the input at position {p} to differentiate must be a "
                                f"Tensor, but got {type(args[p]).__name__}.")
        return positions

    def _build(self, key, spec, entry):
        return jax.jit(functools.partial(self._core, spec, key[3], entry))

    def _core(self, spec, positions, entry, values, arrays, sens, key):
        params = entry[1]
        index = {id(p): i for i, p in enumerate(params)}
        widx = [index[id(w)] for w in self.weights or ()]
        inputs = self._inputs(spec, arrays)
        n = len(inputs)
        pos = sorted({p % n for p in positions or ()})
        diff = [i for i in pos if jnp.issubdtype(inputs[i].dtype, jnp.inexact)]

        def forward(wvals, xvals):
            vals, xs = list(values), list(inputs)
            for i, w in zip(widx, wvals):
                vals[i] = w
            for i, x in zip(diff, xvals):
                xs[i] = x
            out, changed, new_key = self._traced(entry, vals, xs, key)
            out = _to_array(out)
            if self.has_aux:
                if not isinstance(out, tuple) or len(out) < 2:
                    raise ValueError(f"For '{self.op_name}', when 'has_aux' is True, the function must return a "
                                     f"tuple of at least 2 outputs (loss, aux...), but got {_describe(out)}.")
                return out[0], (out, changed, new_key)
            return out, (out, changed, new_key)

        primal, vjp, (out, changed, new_key) = jax.vjp(forward, [values[i] for i in widx], [inputs[i] for i in diff],
                                                       has_aux=True)
        if sens is None:
            sens = jax.tree_util.tree_map(jnp.ones_like, primal)
        elif self.sens_param == "fill":
            sens = jax.tree_util.tree_map(lambda o: jnp.broadcast_to(sens.astype(o.dtype), o.shape), primal)
        else:
            sens = _check_sens(self.op_name, primal, sens)
        gw, gxd = vjp(sens)
        gx = {i: jnp.zeros_like(inputs[i]) for i in pos}
        gx.update(zip(diff, gxd))
        order = [p % n for p in positions or ()]
        return changed, (out, [gx[i] for i in order], list(gw)), new_key

    def _structure(self, out, gx, gw):
        """MindSpore's output structure, as Tensors."""
        gx, gw = tuple(map(_wrap, gx)), tuple(map(_wrap, gw))
        if self.single and self.positions is not None:
            gx = gx[0]
        if self.positions is not None and self.weights is not None:
            grads = (gx, gw)
        elif self.weights is not None:
            grads = gw
        else:
            grads = gx
        return (_to_tensors(out), grads) if self.return_value else grads


class StatefulJit(Compiled):
    """``mindspore.jit``: ``fn(*args)`` compiled whole, its state (Parameters it reads or writes, the PRNG key)
    passed in and written back; the state's buffers are donated to the new values (no second copy of the
    weights), except buffers that something else still holds."""
    donates = True

    def __call__(self, *args):
        arrays, spec = self._signature(args)
        return _to_tensors(self._run((spec, self._modes(spec)), spec, arrays))

    def _build(self, key, spec, entry):
        return jax.jit(functools.partial(self._core, spec, entry), donate_argnums=(0,))

    def _core(self, spec, entry, values, arrays, key):
        out, changed, new_key = self._traced(entry, values, self._inputs(spec, arrays), key)
        # Every state value comes back (unchanged ones too), first, so that JAX (which pairs donated inputs with
        # outputs of the same shape in order) aliases each donated buffer to its own new value; a list, not a
        # dict: JAX flattens it faster.
        return [changed.get(i, v) for i, v in enumerate(values)], _to_array(out), new_key


def _check_sens(op, out, sens):
    if jax.tree_util.tree_structure(out) != jax.tree_util.tree_structure(sens):
        raise ValueError(f"For '{op}', 'sens' must have the structure of the network's output: "
                         f"{_describe(out)}, but got {_describe(sens)}.")
    for o, s in zip(jax.tree_util.tree_leaves(out), jax.tree_util.tree_leaves(sens)):
        if o.shape != s.shape:
            raise ValueError(f"For '{op}', the shape of 'sens' must be the shape of the network's output "
                             f"{list(o.shape)}, but got {list(s.shape)}.")
    return jax.tree_util.tree_map(lambda o, s: s.astype(o.dtype), out, sens)


def _describe(tree):
    return jax.tree_util.tree_map(lambda a: f"Tensor(shape={list(a.shape)})" if hasattr(a, "shape") else a, tree)
