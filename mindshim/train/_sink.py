"""Data sink mode's feeds and ``mindspore.data_sink``.

A feed gives the batches of a dataset as stacks (``(stacked arrays, number of batches)``, each column stacked
along a new first axis and on the device) for :class:`mindshim._engine.SinkCall`: a mindshim dataset builds and
places them on its pipeline thread ahead of use; any other object with MindSpore's dataset protocol
(``create_tuple_iterator``) is stacked in the calling thread.
"""
import functools

import jax
import numpy as np

from .. import _checkparam as validator
from .. import _engine
from .._engine.state import to_tensors


def feed(dataset, epochs, size, continuous=False):
    """Stacks of up to ``size`` batches over ``epochs`` epochs (-1: without end); each epoch ends with
    ``StopIteration``, except with ``continuous``, where stacks run on across epochs."""
    if hasattr(dataset, "_sink_iterator"):
        return dataset._sink_iterator(epochs, size, _engine.sink.place, continuous)
    return _ProtocolFeed(dataset.create_tuple_iterator(num_epochs=epochs), size, continuous)


class _ProtocolFeed:
    """Stacks from a dataset iterator's rows (stacked on the host, in the calling thread)."""

    def __init__(self, iterator, size, continuous):
        self.iterator, self.size, self.continuous, self.pending = iterator, size, continuous, None

    def __iter__(self):
        return self

    def __next__(self):
        rows = [] if self.pending is None else [self.pending]
        self.pending = None
        while len(rows) < self.size:
            try:
                row = next(self.iterator)
            except StopIteration:
                if self.continuous and rows:
                    continue
                if self.continuous:
                    row = next(self.iterator)  # an epoch ended with nothing pending: start the next
                else:
                    break
            row = [np.asarray(getattr(a, "_data", a)) for a in (row if isinstance(row, (list, tuple)) else [row])]
            if rows and any(a.shape != b.shape for a, b in zip(row, rows[0])):
                self.pending = row
                break
            rows.append(row)
        if not rows:
            raise StopIteration
        return _engine.sink.place([np.stack(column) for column in zip(*rows)]), len(rows)


class Steps:
    """One sink's stacked inputs and outputs, cut into steps (one compiled call each) when a callback asks."""

    def __init__(self, stacked, outputs):
        self._stacked, self._outputs = stacked, outputs
        self._steps = {}

    def inputs(self, k):
        return tuple(self._step("inputs", self._stacked, k))

    def outputs(self, k):
        return self._step("outputs", self._outputs, k)

    def _step(self, name, tree, k):
        steps = self._steps.get(name)
        if steps is None:
            steps = self._steps[name] = [to_tensors(step) for step in _unstack(tree)]
        return steps[k]


@jax.jit
def _unstack(tree):
    """Each step's slice of stacked arrays (``tree``'s leaves share their first dimension)."""
    n = jax.tree_util.tree_leaves(tree)[0].shape[0]
    return [jax.tree_util.tree_map(lambda a, i=i: a[i], tree) for i in range(n)]


def data_sink(fn, dataset, sink_size=1, jit_config=None, input_signature=None):
    """``fn`` fed from ``dataset``: each call of the returned function runs ``fn(*batch)`` on the next
    ``sink_size`` batches (the dataset starts over when it ends) and returns the last call's outputs.

    The ``sink_size`` steps run as one compiled program (a loop over the batches, stacked and put on the device
    ahead of time), whatever ``jit_config`` says; ``fn`` reads and writes Parameters as a ``mindspore.jit``
    function does. Where MindSpore runs data sinking on GPU and Ascend only (its CPU raises ValueError),
    mindshim runs it on every device. ``input_signature`` is not supported.
    """
    validator.check_value_type("sink_size", sink_size, int, "Data sink")
    if sink_size <= 0:
        raise ValueError(f"The 'sink_size' must be positive, but got sink_size {sink_size}.")
    if input_signature is not None:
        raise NotImplementedError("mindspore.data_sink with input_signature is not supported by mindshim yet")
    if hasattr(dataset, "__transfer_dataset__"):
        raise ValueError("The dataset has been used with network.")
    dataset.__transfer_dataset__ = True
    call = _engine.SinkCall(fn, getattr(fn, "__name__", type(fn).__name__), last=True)
    stacks = feed(dataset, -1, sink_size, continuous=True)
    pending = []

    @functools.wraps(fn)
    def sink_process(*args, **kwargs):
        done, out = 0, None
        while done < sink_size:
            stacked, count = pending.pop() if pending else next(stacks)
            if count > sink_size - done:  # a stack after a shorter one (batch shapes changed): run what is due
                keep = sink_size - done
                pending.append(([a[keep:] for a in stacked], count - keep))
                stacked, count = [a[:keep] for a in stacked], keep
            out = call(stacked)
            done += count
        return to_tensors(out)
    return sink_process


__all__ = ["data_sink"]
