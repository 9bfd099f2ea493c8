"""Compiled calls: a function over Tensors and Parameters run as one ``jax.jit`` program per input signature.

:class:`CompiledCall` is the shared machinery: it finds the state a function uses (``discovery``), passes that
state and the PRNG key into the program as inputs, caches one :class:`Program` per input signature and
training mode, traces again with more state when the trace watch caught a Parameter it was not given, and
writes the new state and key back after the call. :class:`JitCall` (``mindspore.jit``, GRAPH_MODE Cells,
training cells) donates the state buffers it replaces; :class:`GradCall` (``GradOperation``,
``ForwardValueAndGrad``, ``grad``, ``value_and_grad``) adds ``jax.vjp`` and returns MindSpore's gradient
structures.
"""
import functools
import os

import jax
import jax.numpy as jnp

from .. import _state
from ..common import _trace, seed
from ..common.tensor import Tensor, _wrap
from . import parallel
from .discovery import discover
from .state import Retrace, call_with_params, donatable, is_tensor, to_arrays, to_tensors, tracing

#: Set ``MINDSHIM_LOG_COMPILES=1`` (or ``mindshim._engine.compiled.LOG_COMPILES = True``) to log each trace and why.
LOG_COMPILES = os.environ.get("MINDSHIM_LOG_COMPILES") == "1"


def walk_compiled(obj):
    """For :func:`discover`: a compiled call leads to its function and its extra state."""
    return (obj.fn, obj.extra_state()) if isinstance(obj, CompiledCall) else ()


class Program:
    """One compiled program of a :class:`CompiledCall`: the jitted function and the Parameters it takes as state
    (in the order of its state inputs and outputs)."""
    __slots__ = ("jitted", "params")

    def __init__(self, params):
        self.jitted, self.params = None, params


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
    return any(isinstance(leaf, Tensor) for leaf in jax.tree_util.tree_leaves(tree, is_leaf=is_tensor))


class CompiledCall:
    """Shared machinery: state discovery, input signature, PRNG key threading, retrace on missed state.

    A signature (``spec``) is the number of inputs when all are Tensors, else a tuple describing each input
    (``None`` for a Tensor, :class:`_Tree` for a container of Tensors, :class:`_Static` for a constant)."""
    donates = False

    def __init__(self, fn, op_name):
        self.fn = fn
        self.op_name = op_name
        self.programs = {}  # cache key -> Program
        self.cells = {}  # spec -> the state owners the function reaches
        self.modes = {}  # spec -> (modes version seen, mode key)
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
                leaves, treedef = jax.tree_util.tree_flatten(a, is_leaf=is_tensor)
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

    def _roots(self, spec):
        statics = [] if isinstance(spec, int) else [s.value for s in spec if isinstance(s, _Static)]
        return [self.fn, self.extra_state(), statics]

    def _mode_key(self, spec):
        """What a trace of this signature depends on besides the inputs: the settings version and the training
        mode of every Cell the function reaches (looked at again only when the modes version moved)."""
        memo = self.modes.get(spec)
        version = _state.versions["modes"]
        if memo is not None and memo[0] == version:
            return memo[1]
        cells = self.cells.get(spec)
        if cells is None:
            cells = []
            discover(self._roots(spec), cells, walk_compiled)
            cells = self.cells[spec] = list({id(c): c for c in cells}.values())
        key = _state.versions["settings"], tuple(c.training for c in cells)
        self.modes[spec] = (version, key)
        return key

    def _program(self, key, spec, build_args):
        program = self.programs.get(key)
        if program is None:
            program = self.programs[key] = Program(discover(self._roots(spec), extra=walk_compiled))
            program.jitted = self._build(spec, program, *build_args)
        return program

    def _run(self, key, spec, arrays, extra=(), build_args=()):
        """Call the compiled program; trace again (with more state) if the trace touched unknown Parameters."""
        while True:
            program = self._program(key, spec, build_args)
            params = program.params
            # Outside any trace the state is read from the slot directly (the watch only matters inside one).
            traced = _trace.active()
            values = [p._data for p in params] if traced else [p._value for p in params]
            if self.donates:
                values = donatable(values)
            placed = parallel.mesh() is not None and not traced  # inside a trace, the outer call placed them
            if placed:
                values, arrays = parallel.place(params, values, arrays)
            try:
                new_state, result, new_key = program.jitted(values, arrays, *extra, seed.current_key())
            except Retrace as r:
                if LOG_COMPILES:
                    print(f"[mindshim] {self.op_name}: re-tracing with Parameters {[p.name for p in r.params]}")
                program.params = params + r.params
                program.jitted = self._build(spec, program, *build_args)
                continue
            if new_key is not None:
                seed.set_key(new_key)
            if placed:
                result = parallel.local_outputs(result)
            self._write_back(params, new_state, traced)
            return result

    def _traced(self, program, values, inputs, key):
        """Run ``self.fn`` in a trace: returns outputs, ``{index: new value}`` of written state, new key."""
        self.traces += 1
        if LOG_COMPILES:
            print(f"[mindshim] tracing {self.op_name} for "
                  f"{[(tuple(a.shape), str(a.dtype)) for a in inputs if hasattr(a, 'shape')]}")
        with tracing(program.params, key) as frame:
            out, new = call_with_params(self.fn, program.params, values, inputs)
            changed = {i: n for i, (v, n) in enumerate(zip(values, new)) if v is not n}
        _check_no_leak(self.op_name, out)
        return out, changed, (frame.key if frame.drew else None)


def _check_no_leak(op, out):
    for leaf in jax.tree_util.tree_leaves(out, is_leaf=is_tensor):
        if not isinstance(leaf, (Tensor, jax.Array, int, float, bool, type(None), str)):
            raise TypeError(f"For '{op}', a compiled function must return Tensors, numbers or tuples of them, but "
                            f"got {type(leaf).__name__}.")


class JitCall(CompiledCall):
    """``mindspore.jit``: ``fn(*args)`` compiled whole, its state (Parameters it reads or writes, the PRNG key)
    passed in and written back; the state's buffers are donated to the new values (no second copy of the
    weights), except buffers that something else still holds."""
    donates = True

    def __call__(self, *args):
        arrays, spec = self._signature(args)
        return to_tensors(self._run((spec, self._mode_key(spec)), spec, arrays))

    def _build(self, spec, program):
        return jax.jit(functools.partial(self._step, spec, program), donate_argnums=(0,))

    def _step(self, spec, program, values, arrays, key):
        """The program: ``(state, inputs, key) -> (new state, outputs, new key)``."""
        out, changed, new_key = self._traced(program, values, self._inputs(spec, arrays), key)
        # Every state value comes back (unchanged ones too), first, so that JAX (which pairs donated inputs with
        # outputs of the same shape in order) aliases each donated buffer to its own new value; a list, not a
        # dict: JAX flattens it faster.
        return [changed.get(i, v) for i, v in enumerate(values)], to_arrays(out), new_key

    @staticmethod
    def _write_back(params, new_values, traced):
        """Every state value comes back, in order."""
        if traced:
            for p, v in zip(params, new_values):
                p._data = v
        else:
            for p, v in zip(params, new_values):
                p._value = v


class GradCall(CompiledCall):
    """Gradients of ``fn`` in MindSpore's structures, forward and backward compiled as one program.

    ``sens_param``: the inputs end with ``sens``, the output's cotangent (``"fill"``: a scalar filling every
    output, as the training cells' ``sens``). ``positions``: input indices to differentiate (``None``: none,
    ``"all"``: every input); ``single``: return the first such input's gradient alone rather than a tuple;
    ``weights``: Parameters to differentiate (``None``: none). With ``return_value`` the result is
    ``(outputs, gradients)``. With ``has_aux`` only the first output is differentiated (the others are
    returned, not differentiated), as ``mindspore.value_and_grad``.
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
            args, sens = args[:-1], to_arrays(args[-1])
        else:
            sens = None
        arrays, spec = self._signature(args)
        positions = self._checked_positions.get(spec)  # all-Tensor signatures are checked once
        if positions is None:
            positions = self._positions(args)
            if isinstance(spec, int):
                self._checked_positions[spec] = positions
        out, gx, gw = self._run((spec, self._mode_key(spec), sens is None, positions), spec, arrays, (sens,),
                                (positions,))
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

    def _build(self, spec, program, positions):
        return jax.jit(functools.partial(self._forward_backward, spec, positions, program))

    def _forward_backward(self, spec, positions, program, values, arrays, sens, key):
        """The program: ``(state, inputs, sens, key) -> ({index: new state}, (outputs, input grads, weight
        grads), new key)``."""
        index = {id(p): i for i, p in enumerate(program.params)}
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
            out, changed, new_key = self._traced(program, vals, xs, key)
            out = to_arrays(out)
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

    @staticmethod
    def _write_back(params, changed, traced):
        """Only the state the function wrote comes back: ``{index: new value}``."""
        for i, v in changed.items():
            params[i]._data = v

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
        return (to_tensors(out), grads) if self.return_value else grads


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
