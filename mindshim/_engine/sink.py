"""Data sink mode as a device loop: ``N`` steps of a training cell (or of a step function) as one compiled program.

:class:`SinkCall` is a :class:`~compiled.JitCall` whose program runs ``fn`` once per batch of a stack of ``N``
batches (each input stacked along a new first axis), as a ``jax.lax.scan`` that carries the state ``fn``
reads and writes (weights, optimizer state, BatchNorm statistics, loss scale) and the PRNG key from step to
step; it returns every step's outputs stacked (or, with ``last=True``, the last step's). Each step is the
same computation as one call of the training cell, so ``N`` steps give the losses and weights of ``N`` calls.
A stack of another length (the last, partial sink of an epoch) compiles a program of its own.

:func:`place` puts a stack on the device(s): with data parallelism, each batch's axis (the stack's second)
is sharded over the mesh, as :func:`parallel.place` shards a single batch.
"""
import functools

import jax
import jax.numpy as jnp
from jax import lax
from jax.sharding import NamedSharding, PartitionSpec

from . import parallel
from .compiled import JitCall, _combined
from .state import to_arrays


class SinkCall(JitCall):
    """``fn`` over each batch of a stack, one compiled ``lax.scan``; called with the stacked inputs (arrays placed
    by :func:`place`), returns the outputs of every step stacked as arrays (``last``: of the last step)."""

    def __init__(self, fn, op_name, last=False):
        # A step whose trace needs a Tensor's value cannot be a loop on the device: no eager fallback.
        super().__init__(fn, op_name, fallback=False)
        self.last = last

    def __call__(self, stacked):
        spec = len(stacked)
        return self._run((spec, self._mode_key(spec)), spec, [], (list(stacked),))

    def _function(self, spec, program):
        return functools.partial(self._loop, spec, program)

    def _loop(self, spec, program, values, _, stacked, key):
        """The program: ``(state, (), stacked inputs, key) -> (new state, outputs, new key, checks)``. The value
        checks of every step combine into one: it fails if any step's failed, with the first failed step's
        message values (the engine then keeps the state as it was before the sink)."""
        drew = []

        def step(carry, batch):
            state, key = carry
            out, changed, new_key, checks = self._traced(program, state, [], self._inputs(spec, batch), key)
            if new_key is not None:
                drew.append(True)
                key = new_key
            # The carry keeps each value's dtype (a written value of another dtype is cast, as set_data would).
            state = [lax.convert_element_type(changed[i], v.dtype) if i in changed else v for i, v in enumerate(state)]
            return (state, key), (to_arrays(out), checks)
        (values, key), (outs, checks) = lax.scan(step, (list(values), key), stacked)
        if self.last:
            outs = jax.tree_util.tree_map(lambda o: o[-1], outs)
        return values, outs, (key if drew else None), _combined([_first_failure(ok, payload)
                                                                  for ok, payload in checks])


def _first_failure(ok, payload):
    """One check over the steps of a sink from its per-step flags ``ok`` and message values ``payload``."""
    first = jnp.argmin(ok)  # the first False (0 when all pass)
    return jnp.all(ok), jax.tree_util.tree_map(lambda p: p[first], payload)


def place(arrays):
    """Stacked batches (numpy arrays ``(N, batch, ...)``) on the device, or under data parallelism on the mesh with
    the batch axis sharded (and each host's arrays its part of the global batch)."""
    m = parallel.mesh()
    if m is None:
        return jax.device_put(list(arrays))
    n, hosts = m.devices.size, jax.process_count()

    def sharding(a):
        split = a.ndim > 1 and a.shape[1] * hosts % n == 0
        return NamedSharding(m, PartitionSpec(None, "data") if split else PartitionSpec())
    if hosts == 1:
        return [jax.device_put(a, sharding(a)) for a in arrays]
    return [jax.make_array_from_process_local_data(sharding(a), a) for a in arrays]
