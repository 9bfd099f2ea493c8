"""The call in progress: what the functionalizing engine (``mindshim._engine``) keeps while it runs a call.

A :class:`Frame` is one compiled or differentiated call being traced (or, after a fallback, run eagerly in its
program's place: ``eager``) in this thread:

* ``known``/``missing``: the watch. Every read or write of a Parameter's data that the call did not take as
  an input is recorded with the Parameter's value before the trace; the engine then restores those
  Parameters and traces again with them as inputs, so no Parameter is baked into a program as a constant
  and no tracer stays in one.
* ``key``/``drew``: the PRNG key random ops draw from inside the trace (``None``: the global key), and
  whether any was drawn, so the engine returns the advanced key as new state.
* ``checks``: the value checks the trace's ops made on traced values (index ranges, ``common._checks``), as
  ``(ok, payload, error, source)``: a traced boolean, traced values for the message, ``error(*payload)``
  building the exception, and ``(array, rule)``: the traced array checked and the check's rule, which the
  engine applies on the host instead when that array is an input of the program. The engine returns ``ok``
  and ``payload`` as program outputs and raises ``error`` after a call whose ``ok`` is False.

The engine swaps the traced values into the Parameters for the duration of the trace (``_engine.state``);
frames nest (a compiled call traced inside another) and belong to the thread tracing them.
"""
import contextlib
import threading

from jax._src import core as _jax_core  # get_opaque_trace_state: which JAX trace is current (no public name)

from .. import _state


class Frame:
    __slots__ = ("known", "missing", "key", "drew", "checks", "eager", "level")

    def __init__(self, params, key, eager):
        self.known = {id(p) for p in params}
        self.missing = []
        self.key = key
        self.drew = False
        self.checks = []
        self.eager = eager
        self.level = _jax_core.get_opaque_trace_state()


class NeedsValues(Exception):
    """Raised inside a compiled call's trace by code that must see Tensor values (a Cell's forward hooks): the
    engine runs the call eagerly instead, as it does a trace that needs a Tensor's value. The message says why."""


class _Local(threading.local):
    def __init__(self):
        self.frames = []
        self.graph = 0  # how many ``jit`` calls are running


def in_graph():
    """True while a call MindSpore compiles as a graph in PyNative mode (``jit``) runs: what only its graph mode
    does (parameter forward hooks) applies. GRAPH_MODE itself is the context's to say; mindshim's own compiled
    calls (training-step Cells, gradients) keep PyNative's meaning."""
    return local.graph > 0


def graph_code():
    """True while code MindSpore compiles as a graph runs: a ``jit`` call, or any compiled call in GRAPH_MODE
    (``mode`` 0); what only graph code does (the Print op's form, ``Morph``) applies."""
    return in_graph() or (_state.context["mode"] == 0 and active())


#: Per thread: a dataset's prefetch thread is not part of the trace of the step that consumes it.
local = _Local()


def active():
    """True inside a call the engine runs (traced, or eagerly in a program's place)."""
    return bool(local.frames)


def tracing():
    """True inside a compiled call's trace (values are tracers), False outside or in calls run eagerly."""
    return any(not f.eager for f in local.frames)


def touch(param):
    """Record ``param`` in every frame that does not know it (called by ``Parameter._data``)."""
    for frame in local.frames:
        if id(param) not in frame.known:
            frame.known.add(id(param))
            frame.missing.append((param, param._value if param._np is None else param._from_host()))


def own(param):
    """Mark ``param``, made inside the calls in progress, as theirs: the watch does not report it (a Parameter
    created inside a compiled function holds a constant of its program, as in MindSpore's graph)."""
    for frame in local.frames:
        frame.known.add(id(param))


def checking():
    """True where a traced value can be checked: in a frame, at the frame's own JAX trace (not inside a
    ``lax.scan`` body or other inner transform the frame cannot return values from), with checks on."""
    frames = local.frames
    return bool(frames) and _state.checks["indices"] and frames[-1].level == _jax_core.get_opaque_trace_state()


def require(ok, payload, error, source):
    """Register a check on traced values in the current frame: the call fails with ``error(*payload)`` (host
    values) when ``ok`` is False; ``source`` is ``(array, rule)`` (see :class:`Frame`). Call only where
    :func:`checking` is True."""
    local.frames[-1].checks.append((ok, payload, error, source))


@contextlib.contextmanager
def frame(params, key, eager=False):
    """A frame for a call that takes ``params`` as inputs and draws random keys from ``key``.

    On exit the Parameters the watch caught are given their values back; the frame's ``missing`` says which."""
    f = Frame(params, key, eager)
    local.frames.append(f)
    try:
        yield f
    finally:
        local.frames.remove(f)
        for p, old in f.missing:
            p._value = old
