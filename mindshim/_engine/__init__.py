"""The functionalizing engine: code that reads and writes Parameters, run as pure compiled JAX.

* ``discovery``: the Parameters a function reaches (owners such as Cells join with :func:`register_owner`).
* ``state``: running a function with given values standing in for its Parameters, inside a trace frame that
  watches for Parameters it was not given and holds the PRNG key (``common._trace``).
* ``compiled``: :class:`JitCall` and :class:`GradCall`, one ``jax.jit`` program per input signature.
* ``functionalize``: the public escape hatch, ``params, apply = functionalize(cell)``.
* ``parallel``: placing state and batches on the data-parallel mesh.
* ``sink``: :class:`SinkCall`, data sink mode's ``N`` steps as one program (a ``lax.scan``).
* ``update``: :class:`UpdateCall`, an eager ``optimizer(grads)`` as one program.

The route of one weight through a ``TrainOneStepCell`` step, ``loss = step(x, y)``:

1. ``Cell.__call__`` sees a training cell (``_jit_call``) and calls its :class:`JitCall`, which reads the
   input signature ``(x, y)`` and the training flags of the Cells it reaches (the mode key), and finds the
   cached :class:`~compiled.Program` for them, or discovers the state (the network's weights, the
   optimizer's moments, step counter and learning rate) and builds one.
2. ``_run`` reads each Parameter's current buffer, say ``dense.weight``'s, into the list of state values and
   calls the jitted program with (state, inputs, PRNG key); the state is donated.
3. On the first call JAX traces ``_step``: ``call_with_params`` puts the traced value into ``dense.weight`` for
   the duration of the call, ``construct`` runs the forward pass through ``GradOperation`` (a nested
   :class:`GradCall`, traced inline: its ``jax.vjp`` gives the weight's gradient) and the optimizer, whose
   ``assign`` writes the new weight value into the Parameter; ``call_with_params`` reads it back as new state and
   restores the old buffer. A Parameter the discovery missed is caught by the frame's watch: the trace is
   thrown away and redone with it as state.
4. The program returns every state value (the new weight in the old one's slot, so XLA reuses the donated
   buffer), the loss and the advanced key; ``JitCall._write_back`` stores the new buffer into ``dense.weight``.
"""
from . import sink
from .compiled import GradCall, JitCall
from .discovery import discover, register_owner
from .functionalize import functionalize, load_params
from .sink import SinkCall
from .state import call_with_params
from .update import UpdateCall

__all__ = ["GradCall", "JitCall", "SinkCall", "UpdateCall", "discover", "register_owner", "functionalize",
           "load_params", "call_with_params"]
