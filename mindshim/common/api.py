"""``mindspore.jit``: compile a function or a Cell's ``construct`` into one XLA program."""
import functools

from .._engine import JitCall


def jit(function=None, *, capture_mode="ast", jit_level="O0", dynamic=0, fullgraph=False, backend="", **options):
    """Compile ``function`` with ``jax.jit``: the Parameters it reads and writes (those of the Cells and
    optimizers it closes over or takes as arguments) and the PRNG key become inputs and outputs of one
    program, compiled once per input signature and written back after each call.

    Usable as ``@jit``, ``@jit(...)`` or ``jit(fn)``, on functions and on ``construct``. MindSpore's compile
    options are accepted; their effect is XLA's. Python control flow on a Tensor's value (``if x > 0:``) is a
    NotImplementedError naming the line (MindSpore compiles it into graph control flow; mindshim does not).
    """
    def decorate(fn):
        compiled = JitCall(fn, "jit", fallback=False)

        @functools.wraps(fn)
        def jitted(*args):
            return compiled(*args)
        jitted.compiled = compiled
        return jitted
    return decorate(function) if function is not None else decorate


__all__ = ["jit"]
