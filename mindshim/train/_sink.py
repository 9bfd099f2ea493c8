"""Data sink mode's feeds, ``mindspore.data_sink``, ``DatasetHelper`` and ``connect_network_with_dataset``.

A feed gives the batches of a dataset as stacks (``(stacked arrays, number of batches)``, each column stacked
along a new first axis and on the device) for :class:`mindshim._engine.SinkCall`: a mindshim dataset builds and
places them on its pipeline thread ahead of use; any other object with MindSpore's dataset protocol
(``create_tuple_iterator``) is stacked in the calling thread.
"""
import functools

import jax
import numpy as np

from .. import _checkparam as validator
from .. import _engine, context
from .._engine.state import to_tensors
from ..nn.cell import Cell


def check_is_int(value):
    """MindSpore's ``Validator.check_is_int``."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"The type of input value must be 'int', but got '{type(value).__name__}'.")
    return value


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
        self.ended = False  # the epoch ended after the last stack given

    def __iter__(self):
        return self

    def __next__(self):
        if self.ended:
            self.ended = False
            raise StopIteration
        rows = [] if self.pending is None else [self.pending]
        self.pending = None
        while len(rows) < self.size:
            try:
                row = next(self.iterator)
            except StopIteration:  # an epoch ended
                if self.continuous:
                    continue
                self.ended = bool(rows)
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
        return list(self._step("inputs", self._stacked, k))

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


class DatasetHelper:
    """``DatasetHelper(dataset, dataset_sink_mode=True, sink_size=-1, epoch_num=1)``: iterating it gives one epoch.

    Without sink mode each item is a batch (a list of Tensors), ``epoch_num`` epochs in all. In sink mode the data
    goes to the network that :func:`connect_network_with_dataset` connects, and each item is an empty tuple
    (the network's inputs): as on MindSpore's GPU, in GRAPH_MODE one item per epoch, a call that trains
    ``sink_size`` steps (the whole dataset for -1) as one compiled loop; in PyNative ``sink_size`` items, a call
    each that runs one batch. Where MindSpore's CPU refuses sink mode, mindshim runs it everywhere.
    """

    def __init__(self, dataset, dataset_sink_mode=True, sink_size=-1, epoch_num=1):
        dataset_sink_mode = validator.check_bool(dataset_sink_mode)
        check_is_int(sink_size)
        if sink_size < -1 or sink_size == 0:
            raise ValueError("The 'sink_size' must be -1 or positive, but got sink_size {}.".format(sink_size))
        self.dataset, self.epoch_num = dataset, epoch_num
        self.sink_mode = dataset_sink_mode
        self._sink_size = dataset.get_dataset_size() if sink_size == -1 else sink_size
        self._graph = context.get_context("mode") == context.GRAPH_MODE
        self._rows = None if dataset_sink_mode else dataset.create_tuple_iterator(num_epochs=epoch_num)
        self._feed = None

    def __iter__(self):
        if not self.sink_mode:
            return self._rows
        return iter([()] * (1 if self._graph else self._sink_size))

    def sink_size(self):
        """The steps one call of the connected network runs (1 in PyNative and without sink mode)."""
        return self._sink_size if self.sink_mode and self._graph else 1

    def types_shapes(self):
        """The dataset's column types and shapes (of its first batch)."""
        return self.dataset.output_types(), self.dataset.output_shapes()

    def _next(self, steps):
        """The next ``steps`` batches, stacked on the device (the dataset starts over where it ends)."""
        if self._feed is None:
            self._feed = feed(self.dataset, -1, self._sink_size if self._graph else 1, continuous=True)
        return next(self._feed)

    def stop_send(self):
        """Stop the feed (it starts again at the next call)."""
        if self._feed is not None and hasattr(self._feed, "stop"):
            self._feed.stop()
        self._feed = None

    release = stop_send

    def continue_send(self):
        """Nothing to do: the feed runs ahead on its own."""


def connect_network_with_dataset(network, dataset_helper):
    """The network fed from ``dataset_helper`` in sink mode: called without inputs, it takes the next batches itself
    (in GRAPH_MODE ``sink_size`` of them, trained as one compiled loop, returning the last step's outputs; in
    PyNative one, run as the network runs)."""
    if not dataset_helper.sink_mode:
        raise RuntimeError("The API 'connect_network_with_dataset' should be called in dataset sink mode.")
    dataset = dataset_helper.dataset
    connected = getattr(dataset, "__network__", None)
    if connected is not None and connected is not network:
        raise ValueError("The dataset has been connected to other network, please check the code.")
    dataset.__network__ = network
    return _DatasetNetwork(network, dataset_helper)


class _DatasetNetwork(Cell):
    """What ``connect_network_with_dataset`` returns: ``network`` with its inputs taken from the dataset."""

    def __init__(self, network, helper):
        super().__init__(auto_prefix=False)
        self.network = network
        self._helper = helper
        self._sink = _engine.SinkCall(network, type(network).__name__, last=True)

    def __call__(self, *inputs):
        stacked, _ = self._helper._next(self._helper.sink_size())
        if self._helper.sink_size() > 1 or context.get_context("mode") == context.GRAPH_MODE:
            return to_tensors(self._sink(stacked))
        return self.network(*(to_tensors(a[0]) for a in stacked))

    def construct(self, *inputs):
        return self.__call__(*inputs)


__all__ = ["data_sink", "DatasetHelper", "connect_network_with_dataset"]
