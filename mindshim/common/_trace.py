"""The trace in progress: what the functionalizing engine (``mindshim._engine``) keeps while it traces a call.

A :class:`Frame` is one compiled or differentiated call being traced in this thread:

* ``known``/``missing``: the watch. Every read or write of a Parameter's data that the call did not take as
  an input is recorded with the Parameter's value before the trace; the engine then restores those
  Parameters and traces again with them as inputs, so no Parameter is baked into a program as a constant
  and no tracer stays in one.
* ``key``/``drew``: the PRNG key random ops draw from inside the trace (``None``: the global key), and
  whether any was drawn, so the engine returns the advanced key as new state.

The engine swaps the traced values into the Parameters for the duration of the trace (``_engine.state``);
frames nest (a compiled call traced inside another) and belong to the thread tracing them.
"""
import contextlib
import threading


class Frame:
    __slots__ = ("known", "missing", "key", "drew")

    def __init__(self, params, key):
        self.known = {id(p) for p in params}
        self.missing = []
        self.key = key
        self.drew = False


class _Local(threading.local):
    def __init__(self):
        self.frames = []


#: Per thread: a dataset's prefetch thread is not part of the trace of the step that consumes it.
local = _Local()


def active():
    """True inside a compiled call's trace."""
    return bool(local.frames)


def touch(param):
    """Record ``param`` in every frame that does not know it (called by ``Parameter._data``)."""
    for frame in local.frames:
        if id(param) not in frame.known:
            frame.known.add(id(param))
            frame.missing.append((param, param._value))


@contextlib.contextmanager
def frame(params, key):
    """A frame for tracing a call that takes ``params`` as inputs and draws random keys from ``key``.

    On exit the Parameters the watch caught are given their values back; the frame's ``missing`` says which."""
    f = Frame(params, key)
    local.frames.append(f)
    try:
        yield f
    finally:
        local.frames.remove(f)
        for p, old in f.missing:
            p._value = old
