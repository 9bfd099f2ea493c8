"""Compiled calls: a function over Tensors and Parameters run as one ``jax.jit`` program per input signature.

:class:`CompiledCall` is the shared machinery: it finds the state a function uses (``discovery``), passes that
state and the PRNG key into the program as inputs, caches one :class:`Program` per input signature and
training mode, traces again with more state when the trace watch caught a Parameter it was not given, and
writes the new state and key back after the call. :class:`JitCall` (``mindspore.jit``, GRAPH_MODE Cells,
training cells) donates the state buffers it replaces; :class:`GradCall` (``GradOperation``,
``ForwardValueAndGrad``, ``grad``, ``value_and_grad``) adds ``jax.vjp`` and returns MindSpore's gradient
structures.

Bad values and Python control flow:

* Value checks (index ranges, ``common._checks``) made on traced values become program outputs: an ``ok`` flag
  and the values for the message. At top level, when every checked array is an input of the program (labels,
  token ids: the usual case) held whole by this process, the checks' rules run on those inputs' values on the
  host before the call,
  which costs no device work and no waiting. Otherwise a program with checks is called with its guard: a second
  program computing only those outputs from the same inputs (XLA drops the rest: usually a few ops on the
  labels), launched just before it and read just after it, so that the host waits for the guard (queued
  behind the previous step) and never leaves the device idle. The program itself, when it donates its state,
  runs its step under ``lax.cond`` on the same flag, passing the state through unchanged when it is False;
  the call then writes that state back and raises the first failed check's error. (A program with effects,
  such as ``ops.Print``, would repeat them in its guard: it runs on copies of its state instead and its own
  flag is read.) Inside an enclosing trace the checks join the enclosing program's.
* A trace that needs a Tensor's value (``if x.sum() > 0:``, ``float(loss)``, ``t.asnumpy()``) cannot be
  compiled (MindSpore compiles such control flow into its graph). The call then runs eagerly in the program's
  place, for that input signature from then on, in PyNative and GRAPH_MODE and under ``mindspore.jit`` alike:
  the same numbers as PyNative, its state, key and gradients as the compiled program's (a gradient is
  ``jax.vjp`` of the function run op by op; calls it makes, such as a ``value_and_grad`` inside a ``jit``
  function, are still compiled), and a warning names the line once. The abandoned trace wrote nothing: the
  Parameters get their values back and the key is not advanced. A value being differentiated that is
  converted to a Python number or numpy (``float(loss)`` inside the loss function) is a constant of the
  gradient, as in MindSpore (``Tensor``'s conversions read the value of JAX's eager differentiation). A data
  sink loop (``SinkCall``) has no fallback. Code that must see
  values (a Cell's forward hooks, printing them as MindSpore's PyNative mode does) makes its call run eagerly
  the same way (``_trace.NeedsValues``).
"""
import builtins
import contextlib
import functools
import io
import os
import sys
import threading
import traceback
import warnings

import jax
import jax.numpy as jnp
import numpy as np

from .. import _state
from .._table.array import print_line
from ..common import _trace, seed
from ..common._checks import fail_first
from ..common.tensor import Tensor, _wrap
from . import parallel
from .discovery import discover
from .state import Retrace, call_with_params, donatable, is_tensor, to_arrays, to_tensors, tracing

#: Set ``MINDSHIM_LOG_COMPILES=1`` (or ``mindshim._engine.compiled.LOG_COMPILES = True``) to log each trace and why.
LOG_COMPILES = os.environ.get("MINDSHIM_LOG_COMPILES") == "1"


def walk_compiled(obj):
    """For :func:`discover`: a compiled call leads to its function and its extra state."""
    return (obj.fn, obj.extra_state()) if isinstance(obj, CompiledCall) else ()


#: The errors of a trace that needs a concrete value (TracerBoolConversionError is a ConcretizationTypeError), or
#: that runs code which must see values (a forward hook: ``_trace.NeedsValues``).
_CONCRETE = (jax.errors.ConcretizationTypeError, jax.errors.TracerIntegerConversionError,
             jax.errors.TracerArrayConversionError, _trace.NeedsValues)


class Program:
    """One compiled program of a :class:`CompiledCall`: the jitted function (or, ``eager``, the same function run
    eagerly), the Parameters it takes as state (in the order of its state inputs and outputs), the value checks
    its trace made (None before its trace) as their ``errors`` and ``sources`` (``(input position, rule)`` where
    the checked array is an input, else None), and, set on its first call at top level, its ``guard`` (False
    without checks; the sources, to check on the host; the guard program; or True where there can be none: the
    program then runs on copies of its state) and ``main``, the function that call runs (see the module
    docstring); ``fast``: later calls at top level take :meth:`CompiledCall._call_fast` (no guard program, no
    copies). A :class:`JitCall`'s program also keeps ``outputs``: the structure of what the function returned and
    its Python constants (see ``JitCall._step``)."""
    __slots__ = ("jitted", "params", "errors", "sources", "guard", "main", "eager", "fast", "outputs", "dicts")

    def __init__(self, params, eager):
        self.jitted, self.params = None, params
        self.errors = self.sources = self.guard = self.main = self.outputs = self.dicts = None
        self.eager = eager
        self.fast = False


def _fast_path_open():
    """Whether a fast program may take :meth:`CompiledCall._call_fast`: a call at top level (inside no engine
    call) without data parallelism."""
    return not _trace.local.frames and _state.mesh["mesh"] is None


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


def _differentiable(arg):
    """A Tensor, or a ``mutable`` container holding Tensors: an input a gradient can be taken for."""
    return isinstance(arg, Tensor) or getattr(arg, "__ms_mutable__", False) and _has_tensor(arg)


class CompiledCall:
    """Shared machinery: state discovery, input signature, PRNG key threading, retrace on missed state.

    A signature (``spec``) is the number of inputs when all are Tensors, else a tuple describing each input
    (``None`` for a Tensor, :class:`_Tree` for a container of Tensors, :class:`_Static` for a constant).
    ``fallback``: a trace that needs a Tensor's value may run the call eagerly instead."""
    donates = False

    def __init__(self, fn, op_name, fallback=True):
        self.fn = fn
        self.op_name = op_name
        self.fallback = fallback
        self.programs = {}  # cache key -> Program
        self.cells = {}  # spec -> the state owners the function reaches
        self.modes = {}  # spec -> (modes version seen, mode key)
        self.eager_specs = set()  # the signatures whose trace needed a Tensor's value: they run eagerly
        self.traces = 0
        self._hot = {}  # hot key -> (modes version, program): see _dispatch

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
        """What a trace of this signature depends on besides the inputs: the settings version, whether index
        checks are on, and the training mode of every Cell the function reaches (looked at again only when the
        modes version moved)."""
        memo = self.modes.get(spec)
        version = _state.versions["modes"]
        if memo is not None and memo[0] == version:
            return memo[1]
        cells = self.cells.get(spec)
        if cells is None:
            cells = []
            discover(self._roots(spec), cells, walk_compiled)
            cells = self.cells[spec] = list({id(c): c for c in cells}.values())
        key = _state.versions["settings"], _state.checks["indices"], tuple(c.training for c in cells)
        self.modes[spec] = (version, key)
        return key

    def _program(self, key, spec, build_args):
        program = self.programs.get(key)
        if program is None:
            program = Program(discover(self._roots(spec), extra=walk_compiled), spec in self.eager_specs)
            program.jitted = self._compile(spec, program, build_args)
            self.programs[key] = program
        return program

    def _compile(self, spec, program, build_args):
        fn = self._function(spec, program, *build_args)
        return fn if program.eager else jax.jit(fn, donate_argnums=(0,) if self.donates else ())

    def _dispatch(self, hot, spec, arrays, extra=(), build_args=(), variant=()):
        """``(program, result)``: :meth:`_run` for the signature ``spec`` (and ``variant``, more of the cache key),
        through the program of the last call with the same ``hot`` key while no setting or training mode changed
        since (the cache key computed once per input signature)."""
        entry = self._hot.get(hot)
        if entry is not None and entry[0] == _state.versions["modes"] and _fast_path_open():
            try:
                return entry[1], self._call_fast(entry[1], arrays, extra)
            except (Retrace, *_CONCRETE) as e:  # a new input shape traced again, and failed
                del self._hot[hot]
                self._recover(spec, entry[1], build_args, e)
        key = (spec, self._mode_key(spec), *variant)
        result = self._run(key, spec, arrays, extra, build_args)
        program = self.programs[key]
        if program.fast:
            self._hot[hot] = (_state.versions["modes"], program)
        return program, result

    def _run(self, key, spec, arrays, extra=(), build_args=()):
        """Call the compiled program; trace again (with more state) if the trace touched unknown Parameters, run
        it eagerly if the trace needed a Tensor's value; raise a failed value check's error."""
        while True:
            program = self._program(key, spec, build_args)
            try:
                if program.fast and _fast_path_open():
                    return self._call_fast(program, arrays, extra)
                return self._call(program, arrays, extra)
            except (Retrace, *_CONCRETE) as e:
                self._recover(spec, program, build_args, e)

    def _recover(self, spec, program, build_args, error):
        """After a trace of ``program`` failed with ``error``: trace again with the Parameters it missed, or run
        it eagerly (if it may) when it needed a Tensor's value."""
        if isinstance(error, Retrace):
            if LOG_COMPILES:
                print(f"[mindshim] {self.op_name}: re-tracing with Parameters {[p.name for p in error.params]}")
            program.params = program.params + error.params
            program.errors = program.sources = program.guard = program.main = None
            program.fast = False
            program.jitted = self._compile(spec, program, build_args)
            return
        if _trace.tracing():
            raise error
        if program.eager:  # run eagerly, it still needs a value: one being differentiated, not through a Tensor
            raise NotImplementedError(
                f"For '{self.op_name}', {_line(error)} needs the value of an array that is being differentiated "
                f"({type(error).__name__}), which JAX's differentiation does not give there (a Tensor's asnumpy(), "
                "float(), item() give it, as a constant, as in MindSpore). Compute it with Tensor operations."
            ) from error
        self._run_eagerly(spec, program, build_args, error)

    def _call_fast(self, program, arrays, extra):
        """A later call at top level of a program without a guard program: the state read from the slots, the
        inputs checked on the host (if it has checks), the program, the new state and key written back."""
        params = program.params
        values = [p._value if p._np is None else p._from_host() for p in params]  # (a host buffer: Tensor._data)
        if self.donates:
            values = donatable(values)
        for position, rule in program.guard or ():
            fail_first(*rule(np, np.asarray(arrays[position])))
        new_state, result, new_key, _ = program.main(values, arrays, *extra, seed.current_key())
        if new_key is not None:
            seed.set_key(new_key)
        self._write_back(params, new_state, False)
        return result

    def _call(self, program, arrays, extra):
        """A call inside a trace, eagerly run, under data parallelism, the first at top level, or with a guard
        program (see the module docstring)."""
        params = program.params
        # Outside any engine call the state is read from the slot directly (the watch only matters inside one).
        watched = bool(_trace.local.frames)
        traced = watched and _trace.tracing()
        values = [p._data if watched or p._np is not None else p._value for p in params]
        if self.donates and not program.eager:
            values = donatable(values)
        placed = parallel.mesh() is not None and not traced  # inside a trace, the outer call placed them
        if placed:
            values, arrays = parallel.place(params, values, arrays)
        rng = seed.current_key()
        run, guard = program.jitted, False
        if not traced and not program.eager:
            if program.guard is None:  # the first call at top level: trace before it, to see the checks
                self._guard(program, program.jitted.trace(values, arrays, *extra, rng), arrays)
            run, guard = program.main, program.guard
            if type(guard) is tuple:
                for position, rule in guard:
                    fail_first(*rule(np, np.asarray(arrays[position])))
            elif guard is True:
                if self.donates:
                    values = [jnp.array(v, copy=True) for v in values]
            elif guard:
                passed = guard(values, arrays, *extra, rng)
        new_state, result, new_key, checks = run(values, arrays, *extra, rng)
        if guard is not False and type(guard) is not tuple:
            if guard is not True:
                checks = passed
            if not checks[0]:
                if self.donates and guard is not True:  # the program passed the donated state through
                    self._write_back(params, new_state, watched)
                raise _failed(checks[1], program.errors)
        elif traced and checks is not None and _trace.checking():  # they join the enclosing trace's checks
            for (flag, payload), error, source in zip(checks[1], program.errors, program.sources):
                _trace.require(checks[0] if flag is None else flag, payload, error,
                               source and (arrays[source[0]], source[1]))
        if new_key is not None:
            seed.set_key(new_key)
        if placed:
            result = parallel.local_outputs(result)
        self._write_back(params, new_state, watched)
        return result

    def _run_eagerly(self, spec, program, build_args, error):
        """The trace needed a Tensor's value: run this signature eagerly from now on, or raise (no fallback)."""
        where, line = _user_frame(error), _line(error)
        if not self.fallback:
            why = str(error) if isinstance(error, _trace.NeedsValues) else (
                f"needs the value of a Tensor ({type(error).__name__}: Python control flow such as `if`/`while` on "
                "a Tensor, or int(), float(), item(), asnumpy())")
            raise NotImplementedError(
                f"For '{self.op_name}', {line} {why}, which a loop of steps compiled as one program does not have "
                "in mindshim. Compute it with Tensor operations (ops.select, ops.where, ops.maximum, ...), or train "
                "without data sink mode.") from error
        message = f"mindshim: '{self.op_name}' runs eagerly (op by op, not compiled) for these inputs: {line} " + (
            f"{error}." if isinstance(error, _trace.NeedsValues) else
            f"needs the value of a Tensor ({type(error).__name__}). Tensor operations (ops.select, ops.where, ...) "
            "instead of Python control flow keep it compiled.")
        site = (where.filename, where.lineno) if where else (self.op_name, 0)
        if site not in _WARNED:  # once per line (a step and the gradient call inside it both run eagerly)
            _WARNED.add(site)
            if LOG_COMPILES:
                print(f"[mindshim] {message}")
            warnings.warn_explicit(message, UserWarning, *site)
        self.eager_specs.add(spec)
        program.eager = True
        program.errors, program.sources, program.guard, program.fast = [], [], False, False
        program.jitted = self._compile(spec, program, build_args)

    def _guard(self, program, stage, arrays):
        """Set ``program.guard`` and ``program.main`` from its trace ``stage`` (see :class:`Program`). The inputs are
        checked on the host only where this process holds all of them (across hosts each would see its own part and
        they could disagree: the guard program checks the global batch instead)."""
        if not program.errors:
            guard, main = False, None
        elif all(program.sources) and all(getattr(arrays[position], "is_fully_addressable", True)
                                          for position, _ in program.sources):
            guard, main = tuple(program.sources), None
        else:
            guard, main = _guarded(program.jitted, stage, self.donates)
        program.guard, program.main = guard, main or program.jitted
        program.fast = guard is False or type(guard) is tuple

    @staticmethod
    def _graph_output(out):
        """What the traced function returned, as this kind of call returns it."""
        return out

    def _traced(self, program, values, arrays, inputs, key):
        """Run ``self.fn`` on ``inputs`` (made of the input ``arrays``) in a trace (or eagerly, for an eager
        program): returns outputs, ``{index: new value}`` of written state, new key, and the value checks as
        ``[(ok, payload)]`` (their errors and sources go to the program)."""
        if not program.eager:
            self.traces += 1
            if LOG_COMPILES:
                print(f"[mindshim] tracing {self.op_name} for "
                      f"{[(tuple(a.shape), str(a.dtype)) for a in inputs if hasattr(a, 'shape')]}")
        with _held_output(not program.eager), _prints_when_run(not program.eager), \
                tracing(program.params, key, program.eager) as frame:
            out, new = call_with_params(self.fn, program.params, values, inputs)
            changed = {i: n for i, (v, n) in enumerate(zip(values, new)) if v is not n}
            out = self._graph_output(out)
        _check_no_leak(self.op_name, out)
        position = {id(a): i for i, a in enumerate(arrays)}
        program.errors = [error for _, _, error, _ in frame.checks]
        program.sources = [(position[id(source[0])], source[1]) if source and id(source[0]) in position else None
                           for _, _, _, source in frame.checks]
        return out, changed, (frame.key if frame.drew else None), [(ok, payload) for ok, payload, _, _ in frame.checks]


_WARNED = set()  # the (file, line) sites whose eager fallback was warned about
_INTERNAL = tuple(os.path.dirname(os.path.abspath(m.__file__)) + os.sep
                  for m in (jax, np)) + (os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep,)


@contextlib.contextmanager
def _held_output(hold):
    """With ``hold``, what a trace prints is held until it ends and dropped if it is abandoned (for an eager run,
    or a trace with more state), which prints it again: the call prints once."""
    if not hold:
        yield
        return
    real, buffer, keep = sys.stdout, io.StringIO(), True
    sys.stdout = buffer
    try:
        yield
    except (Retrace, *_CONCRETE):
        keep = False
        raise
    finally:
        sys.stdout = real
        if keep:
            real.write(buffer.getvalue())


_PRINT = builtins.print


@contextlib.contextmanager
def _prints_when_run(traced):
    """While a function is ``traced``, its ``print`` calls print when the program runs, every call, with the values
    of that call, as in MindSpore: in graph code (``jit``, GRAPH_MODE) as its Print op prints (each value on its own
    line, Tensors in their repr), in PyNative code as Python prints them. Other threads, prints to a file, and a
    call run eagerly (MindSpore runs it in PyNative too: a Cell with forward hooks) print as Python does."""
    if not traced or builtins.print is not _PRINT:  # eager, or a trace inside a trace (the outer one's print stands)
        yield
        return
    thread = threading.get_ident()

    def traced_print(*args, sep=" ", end="\n", file=None, flush=False):
        if threading.get_ident() != thread or file is not None:
            return _PRINT(*args, sep=sep, end=end, file=file, flush=flush)
        graph, arrays = _trace.graph_code(), []

        def slot(value):
            if not isinstance(value, (Tensor, jax.Array)):
                return value
            arrays.append(value._data if isinstance(value, Tensor) else value)
            return _SLOT
        template = _rebuild(args, slot)

        def emit(*values):
            filled = iter(values)

            def fill(value):  # graph code prints arrays (print_line), PyNative code Tensors
                if value is not _SLOT:
                    return value
                return next(filled) if graph else _wrap(jnp.asarray(next(filled)))
            parts = _rebuild(template, fill)
            if graph:
                _PRINT("\n".join(print_line(v, graph=True) for p in parts for v in _print_lines(p)), flush=True)
            else:
                _PRINT(*parts, sep=sep, end=end, flush=True)
        jax.debug.callback(emit, *arrays)
    builtins.print = traced_print
    try:
        yield
    finally:
        builtins.print = _PRINT


_SLOT = object()  # in a print's template: where a Tensor's value goes


def _rebuild(value, leaf):
    """``value`` with ``leaf`` applied to all but its lists, tuples and dicts, which are rebuilt around the results
    (a namedtuple as its type; a dict, or a :class:`_KeptOrder`, as a plain dict in its order)."""
    if isinstance(value, list):
        return [_rebuild(v, leaf) for v in value]
    if isinstance(value, tuple):
        items = [_rebuild(v, leaf) for v in value]
        return type(value)(*items) if hasattr(value, "_fields") else tuple(items)
    if type(value) in (dict, _KeptOrder):
        return {k: _rebuild(v, leaf) for k, v in value.items()}
    return leaf(value)


def _print_lines(value):
    """What MindSpore's Print op writes a line each for: a list, tuple or dict holding Tensors is spread into its
    values; anything else is one line."""
    items = list(value.values()) if isinstance(value, dict) else value
    if isinstance(value, (list, tuple, dict)) and any(
            isinstance(leaf, (jax.Array, np.ndarray)) for leaf in jax.tree_util.tree_leaves(items)):
        return [line for v in items for line in _print_lines(v)]
    return [value]


def _user_frame(error):
    """The innermost frame of ``error``'s traceback outside mindshim, JAX and numpy: the user's line."""
    for fs in reversed(traceback.extract_tb(error.__traceback__)):
        if not fs.filename.startswith(_INTERNAL) and not fs.filename.startswith("<frozen"):
            return fs
    return None


def _line(error):
    """The user's line of ``error``, as ``file:line `code```."""
    where = _user_frame(error)
    return f"{where.filename}:{where.lineno} `{where.line}`" if where else "a line of the function"


def _combined(checks):
    """A program's checks output: None, or ``(ok, checks)`` with ``ok`` all of theirs; a single check's own flag
    is None there (``ok`` is it: one output, where two of the same value would cost XLA a copy)."""
    if len(checks) == 1:
        return checks[0][0], [(None, checks[0][1])]
    return (functools.reduce(jnp.logical_and, [ok for ok, _ in checks]), checks) if checks else None


def _guarded(jitted, stage, donates):
    """``(guard, main)`` for a program with checks, from the ``jitted`` program and its first trace ``stage``: the
    guard program, a function of the program's inputs giving only its checks output (the fourth), and, for a
    program that ``donates`` its state, the program under ``lax.cond`` on their flag (else None: the program as
    it is). Both evaluate the traced jaxpr of ``jitted`` for the shapes they are called with (JAX's trace cache:
    no Python runs again for shapes already traced). ``(True, None)`` where there can be no guard (effects, or
    state whose new value has another type)."""
    if stage.jaxpr.effects:
        return True, None
    if donates:
        where = _out_positions(stage)
        out_avals, in_avals = stage.jaxpr.out_avals, stage.jaxpr.in_avals
        if any((out_avals[i].shape, out_avals[i].dtype) != (in_avals[j].shape, in_avals[j].dtype)
               for j, i in enumerate(where[0])):
            return True, None

    def signature(avals):
        return tuple((a.shape, a.dtype, a.weak_type) for a in avals)
    stages = {signature(stage.jaxpr.in_avals): stage}

    def staged(args):
        """The closed jaxpr of ``jitted`` for ``args``' shapes, the outputs' flat indices, the checks' indices."""
        key = signature(jax.typeof(a) for a in jax.tree_util.tree_leaves(args))
        st = stages.get(key)
        if st is None:
            st = stages[key] = jitted.trace(*jax.tree_util.tree_map(
                lambda a: jax.ShapeDtypeStruct(a.shape, a.dtype, weak_type=jax.typeof(a).weak_type), args))
        where = _out_positions(st)
        return st.jaxpr, st.out_tree, where, jax.tree_util.tree_leaves(where[3])

    def checks(closed, check_at, flat):
        outs = jax.core.eval_jaxpr(closed.jaxpr, closed.consts, *flat)
        return [outs[i] for i in check_at]

    def guard(*args):
        closed, _, where, check_at = staged(args)
        return jax.tree_util.tree_unflatten(jax.tree_util.tree_structure(where[3]),
                                            checks(closed, check_at, jax.tree_util.tree_leaves(args)))
    if not donates:
        return jax.jit(guard), None

    def main(*args):
        closed, tree, where, check_at = staged(args)
        flat = jax.tree_util.tree_leaves(args)
        passed = checks(closed, check_at, flat)

        def skip(f):
            """The outputs of a step that does not run: the state and key as they came, zeros, the checks."""
            outs = [None] * tree.num_leaves
            for j, i in enumerate(where[0]):
                outs[i] = f[j]
            if where[2] is not None:
                outs[where[2]] = f[-1]  # the key is the last input
            for i in jax.tree_util.tree_leaves(where[1]):
                outs[i] = jnp.zeros(closed.out_avals[i].shape, closed.out_avals[i].dtype)
            for i, v in zip(check_at, passed):
                outs[i] = v
            return outs
        outs = jax.lax.cond(passed[0], lambda f: jax.core.eval_jaxpr(closed.jaxpr, closed.consts, *f), skip, flat)
        return jax.tree_util.tree_unflatten(tree, outs)
    return jax.jit(guard), jax.jit(main, donate_argnums=(0,))


def _out_positions(stage):
    """A trace's outputs ``(state, outputs, key, checks)`` with each leaf replaced by its flat output index."""
    tree = stage.out_tree
    return jax.tree_util.tree_unflatten(tree, range(tree.num_leaves))


def _failed(checks, errors):
    """The error of the first of ``checks`` (``[(ok, payload)]``) that failed, its message's values read from the
    device."""
    for (ok, payload), error in zip(checks, errors):
        if ok is None or not ok:  # None: the only check, and the flag that failed
            return error(*(np.asarray(p)[()] for p in payload))
    raise AssertionError("the combined flag failed but no check did")


def _check_no_leak(op, out):
    for leaf in jax.tree_util.tree_leaves(out, is_leaf=is_tensor):
        if not isinstance(leaf, (Tensor, jax.Array, int, float, bool, type(None), str, bytes, type, np.ndarray)):
            raise TypeError(f"For '{op}', a compiled function must return Tensors, numbers or tuples of them, but "
                            f"got {type(leaf).__name__}.")


_ARRAY = object()  # in ``Program.outputs``: an output the program computes (the others are Python constants)


class _KeptOrder(dict):
    """A dict output of a compiled function: a pytree that keeps its keys' order (JAX sorts a dict's keys)."""


jax.tree_util.register_pytree_node(_KeptOrder, lambda d: (list(d.values()), list(d)),
                                   lambda keys, values: _KeptOrder(zip(keys, values)))


def _graph_value(value):
    """A compiled function's output as MindSpore's graph returns it: numpy scalars as Python numbers, numpy
    arrays as arrays (constants, not Tensors), Python's lazy iterables made concrete (``map`` as the type of its
    first iterable, ``filter`` and generators as lists, ``zip``/``enumerate``/``range`` as tuples), dicts in
    their order; Tensors and other values as they are."""
    if isinstance(value, (Tensor, jax.Array, str, bytes, type, np.ndarray)) or value is None:
        return value
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, list):
        return [_graph_value(v) for v in value]
    if isinstance(value, tuple):
        items = [_graph_value(v) for v in value]
        return type(value)(*items) if hasattr(value, "_fields") else tuple(items)
    if type(value) is dict:
        return _KeptOrder((k, _graph_value(v)) for k, v in value.items())
    if isinstance(value, map):
        first = value.__reduce__()[1][1]
        items = [_graph_value(v) for v in value]
        return items if type(first).__name__ == "list_iterator" else tuple(items)
    if isinstance(value, (filter, type(v for v in ()))):
        return [_graph_value(v) for v in value]
    if isinstance(value, (zip, enumerate, range)):
        return tuple(_graph_value(v) for v in value)
    return value


class JitCall(CompiledCall):
    """``mindspore.jit``: ``fn(*args)`` compiled whole, its state (Parameters it reads or writes, the PRNG key)
    passed in and written back; the state's buffers are donated to the new values (no second copy of the
    weights), except buffers that something else still holds."""
    donates = True

    def __call__(self, *args):
        arrays, spec = self._signature(args)
        program, result = self._dispatch(spec, spec, arrays)
        result = iter(result)
        tree, leaves = program.outputs
        out = to_tensors(jax.tree_util.tree_unflatten(tree, [next(result) if v is _ARRAY else v for v in leaves]))
        return _rebuild(out, lambda v: v) if program.dicts else out  # its _KeptOrder dicts as plain ones

    def _function(self, spec, program):
        return functools.partial(self._step, spec, program)

    _graph_output = staticmethod(_graph_value)

    def _step(self, spec, program, values, arrays, key):
        """The program: ``(state, inputs, key) -> (new state, outputs, new key, checks)``; ``checks`` is None, or
        ``(ok, [(ok, payload) of each check])``."""
        out, changed, new_key, checks = self._traced(program, values, arrays, self._inputs(spec, arrays), key)
        # Python values the function returns (True, a shape's int, a str, a numpy array) are constants of the
        # program: they come back as they are, as from MindSpore's graph, not as Tensors.
        leaves, tree = jax.tree_util.tree_flatten(out, is_leaf=is_tensor)
        program.outputs = tree, [_ARRAY if isinstance(v, (Tensor, jax.Array)) else v for v in leaves]
        program.dicts = any(isinstance(v, _KeptOrder) for v in
                            jax.tree_util.tree_leaves(out, is_leaf=lambda v: isinstance(v, _KeptOrder)))
        out = [v for v, kept in zip(leaves, program.outputs[1]) if kept is _ARRAY]
        # Every state value comes back (unchanged ones too), first, so that JAX (which pairs donated inputs with
        # outputs of the same shape in order) aliases each donated buffer to its own new value; a list, not a
        # dict: JAX flattens it faster.
        return [changed.get(i, v) for i, v in enumerate(values)], to_arrays(out), new_key, _combined(checks)

    @staticmethod
    def _write_back(params, new_values, traced):
        """Every state value comes back, in order."""
        if traced:
            for p, v in zip(params, new_values):
                p._data = v
        else:
            for p, v in zip(params, new_values):
                p._value, p._np = v, None


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
        _, (out, gx, gw) = self._dispatch((spec, sens is None, positions), spec, arrays, (sens,), (positions,),
                                     (sens is None, positions))
        return self._structure(out, [_input_grad(spec, p, g) for p, g in zip(positions or (), gx)], gw)

    def _positions(self, args):
        """The input positions to differentiate, checked against the inputs; all of them (``get_all``): those of
        the Tensor inputs, as MindSpore leaves out the others (a Python number) from the gradients it returns."""
        n = len(args)
        if self.positions == "all":
            return tuple(p for p in range(n) if _differentiable(args[p]))
        for p in self.positions or ():
            if not -n <= p < n:
                raise ValueError(f"For '{self.op_name}', the position {p} of the input to differentiate is out "
                                 f"of range: the function got {n} inputs.")
            if not _differentiable(args[p]):
                raise TypeError(f"For '{self.op_name}', the input at position {p} to differentiate must be a "
                                f"Tensor or a mutable container of them, but got {type(args[p]).__name__}.")
        return self.positions

    def _function(self, spec, program, positions):
        return functools.partial(self._forward_backward, spec, positions, program)

    def _forward_backward(self, spec, positions, program, values, arrays, sens, key):
        """The program: ``(state, inputs, sens, key) -> ({index: new state}, (outputs, input grads, weight
        grads), new key, checks)`` (``checks`` as :meth:`JitCall._step`'s; the caller writes nothing back when
        they fail)."""
        index = {id(p): i for i, p in enumerate(program.params)}
        widx = [index[id(w)] for w in self.weights or ()]
        owned = _owned_arrays(spec, len(arrays))
        n = len(owned)
        pos = sorted({p % n for p in positions or ()})
        diff = [j for i in pos for j in owned[i] if jnp.issubdtype(arrays[j].dtype, jnp.inexact)]

        def forward(wvals, xvals):
            vals, xs = list(values), list(arrays)
            for i, w in zip(widx, wvals):
                vals[i] = w
            for j, x in zip(diff, xvals):
                xs[j] = x
            traced = self._traced(program, vals, arrays, self._inputs(spec, xs), key)
            out = to_arrays(traced[0])
            if self.has_aux:
                if not isinstance(out, tuple) or len(out) < 2:
                    raise ValueError(f"For '{self.op_name}', when 'has_aux' is True, the function must return a "
                                     f"tuple of at least 2 outputs (loss, aux...), but got {_describe(out)}.")
                return out[0], (out, *traced[1:])
            return out, (out, *traced[1:])

        primal, vjp, (out, changed, new_key, checks) = jax.vjp(forward, [values[i] for i in widx],
                                                               [arrays[j] for j in diff], has_aux=True)
        if sens is None:
            sens = jax.tree_util.tree_map(jnp.ones_like, primal)
        elif self.sens_param == "fill":
            sens = jax.tree_util.tree_map(lambda o: jnp.broadcast_to(sens.astype(o.dtype), o.shape), primal)
        else:
            sens = _check_sens(self.op_name, primal, sens)
        gw, gxd = vjp(sens)
        ga = {j: jnp.zeros_like(arrays[j]) for i in pos for j in owned[i]}
        ga.update(zip(diff, gxd))
        gx = [[ga[j] for j in owned[p % n]] for p in positions or ()]
        return changed, (out, gx, list(gw)), new_key, _combined(checks)

    @staticmethod
    def _write_back(params, changed, traced):
        """Only the state the function wrote comes back: ``{index: new value}``."""
        for i, v in changed.items():
            params[i]._data = v

    def _structure(self, out, gx, gw):
        """MindSpore's output structure, as Tensors."""
        gx, gw = tuple(gx), tuple(map(_wrap, gw))
        if self.single and self.positions is not None:
            gx = gx[0]
        if self.positions is not None and self.weights is not None:
            grads = (gx, gw)
        elif self.weights is not None:
            grads = gw
        else:
            grads = gx
        return (to_tensors(out), grads) if self.return_value else grads


def _owned_arrays(spec, count):
    """For each input of the signature ``spec``, the indices of its arrays among the ``count`` input arrays."""
    if isinstance(spec, int):
        return [[i] for i in range(count)]
    owned, start = [], 0
    for s in spec:
        size = 1 if s is None else sum(leaf is None for leaf in s.leaves) if isinstance(s, _Tree) else 0
        owned.append(list(range(start, start + size)))
        start += size
    return owned


def _input_grad(spec, position, grads):
    """The gradient of input ``position`` from its arrays' ``grads``: a Tensor, or for a (mutable) container its
    structure (a mutable container's as its plain tuple, list or dict), with a zero of the leaf's type for each
    non-Tensor leaf, as MindSpore."""
    s = None if isinstance(spec, int) else spec[position]
    if not isinstance(s, _Tree):
        return _wrap(grads[0])
    it = iter(grads)
    leaves = [_wrap(next(it)) if leaf is None else type(leaf.value)(0) for leaf in s.leaves]
    tree = jax.tree_util.tree_unflatten(s.treedef, leaves)
    return type(tree).__mro__[1](tree) if getattr(tree, "__ms_mutable__", False) else tree


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
