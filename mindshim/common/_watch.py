"""Which Parameters a trace touches: the safety net of the functionalizing engine.

While a compiled call is being traced, every read or write of a Parameter's data that the call did not
take as an input is recorded (with the Parameter's value before the trace). The engine then restores
those Parameters and traces again with them as inputs, so no Parameter is ever baked into a compiled
program as a constant and no tracer stays in one.
"""
import threading


class _Local(threading.local):
    def __init__(self):
        self.watches = []


#: Per thread: a trace belongs to the thread tracing it (a dataset's prefetch thread is not part of it).
local = _Local()


class Watch:
    __slots__ = ("known", "missing")

    def __init__(self, params):
        self.known = {id(p) for p in params}
        self.missing = []


def touch(param):
    """Record ``param`` in every active watch that does not know it (called by ``Parameter._data``)."""
    for w in local.watches:
        if id(param) not in w.known:
            w.known.add(id(param))
            w.missing.append((param, param._value))


def tracing():
    """True inside a compiled call's trace."""
    return bool(local.watches)
