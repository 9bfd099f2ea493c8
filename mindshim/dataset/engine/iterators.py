"""Dataset iterators: a background thread runs the pipeline and puts its rows on the device ahead of use.

The thread computes the next rows while the consumer (a training step) runs, turns them into Tensors with
``jax.device_put`` and hands them over through a bounded queue (``config.get_prefetch_size()`` rows, at most 2
after a ``batch``). An error in the pipeline reaches the consumer at the row where it happened. The thread holds
no reference to its iterator: dropping or ``stop()``-ing the iterator ends it.

As in MindSpore, an iterator runs ``num_epochs`` epochs (-1: without end); each epoch ends with one
``StopIteration``, and asking beyond the last epoch raises MindSpore's RuntimeError.
"""
import functools
import itertools
import queue
import threading
import weakref

import jax
import numpy as np

from ...common.tensor import _wrap
from ..core import config
from ._pipeline import Run, pipeline_error, walk

_EPOCH_END = object()
_POLL = 0.05  # seconds between looks at the stop flag while the queue is full or empty


class _Failure:
    def __init__(self, error):
        self.error = error


class _ToTensors:
    """Rows' arrays as Tensors on the default device; text stays numpy, as in MindSpore.

    The arrays go through a compiled identity (JAX's fast path for host arguments, many times cheaper per call
    than ``jax.device_put``), one program per row signature; after :data:`_SIGNATURES` signatures (rows of
    varying shapes) the rest move with ``jax.device_put``, which compiles nothing."""

    def __init__(self):
        self.signatures = set()

    def __call__(self, row):
        numeric = [i for i, a in enumerate(row) if isinstance(a, np.ndarray) and a.dtype.kind not in "USO"]
        arrays = [row[i] for i in numeric]
        signature = tuple((a.shape, a.dtype) for a in arrays)
        if signature in self.signatures or len(self.signatures) < _SIGNATURES:
            self.signatures.add(signature)
            arrays = _transfer(arrays)
        else:
            arrays = jax.device_put(arrays)
        out = [_python_object(v, _leaf_tensor) if isinstance(v, dict) else v for v in row]
        for i, array in zip(numeric, arrays):
            out[i] = _host_tensor(array)
        return out


def _host_tensor(array):
    """A Tensor that prints as MindSpore prints a Tensor straight from the pipeline."""
    out = _wrap(array)
    out._host = True
    return out


def _leaf_tensor(array):
    """A numpy leaf of a dict value as a Tensor (text stays numpy)."""
    return array if array.dtype.kind in "USO" else _host_tensor(jax.device_put(array))


def _to_numpy(row):
    """A row for ``output_numpy=True``: its arrays as MindSpore's C++ pipeline hands them over (an int64 array
    as numpy's ``longlong``, which numpy prints with its dtype: ``array(0, dtype=int64)``), dict values with
    their leaves as numpy arrays."""
    return [_python_object(v, lambda a: a) if isinstance(v, dict) else
            v.view(np.longlong) if v.dtype == np.int64 else v for v in row]


def _python_object(value, leaf):
    """A dict value of a column, as MindSpore's iterators give it: containers (dict, list, tuple) kept, Tensors
    kept, other leaves as numpy arrays passed to ``leaf``."""
    if isinstance(value, dict):
        return {k: _python_object(v, leaf) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_python_object(v, leaf) for v in value)
    return value if hasattr(value, "asnumpy") else leaf(np.asarray(value))


_SIGNATURES = 8
_transfer = jax.jit(lambda arrays: arrays)


def _put(q, item, stop):
    while not stop.is_set():
        try:
            q.put(item, timeout=_POLL)
            return True
        except queue.Full:
            continue
    return False


def _stream(root, run, num_epochs, items, continuous=False):
    """Every epoch's items (``items(rows)`` of its rows), each epoch followed by an end marker. ``continuous``:
    the epochs' rows as one stream, without end markers."""
    if continuous:
        epochs = itertools.count() if num_epochs == -1 else range(num_epochs)
        yield from items(itertools.chain.from_iterable(root._rows(run) for _ in epochs))
        return
    epoch = 0
    while num_epochs == -1 or epoch < num_epochs:
        yield from items(root._rows(run))
        yield _EPOCH_END
        epoch += 1


def _produce(stream, q, stop):
    """The thread's work: the stream's items into ``q``; an error ends it, reported to the consumer."""
    try:
        for item in stream:
            if not _put(q, item, stop):
                return
    except BaseException as error:  # noqa: BLE001 - handed to the consumer, which raises it
        _put(q, _Failure(error), stop)


class Iterator:
    """Base of the tuple and dict iterators."""
    _continuous = False

    def __init__(self, dataset, columns, num_epochs, output_numpy):
        self.dataset = dataset
        names = dataset.get_col_names()
        select = None
        if columns is not None:
            for c in columns:
                if c not in names:
                    raise pipeline_error(f"Invalid column, column name: {c} does not exist.")
            select = [names.index(c) for c in columns]
            names = list(columns)
        self._col_names = names
        self._num_epochs = num_epochs
        self._epochs_done = 0
        self._failed = None
        self._stop = threading.Event()
        batched = any(type(node).__name__ == "BatchDataset" for node in walk(dataset))
        self._queue = queue.Queue(maxsize=2 if batched else max(2, config.get_prefetch_size()))
        convert = self._converter(_to_numpy if output_numpy else _ToTensors())
        if select is not None:
            convert = (lambda c: lambda row: c([row[i] for i in select]))(convert)
        stream = _stream(dataset, Run(dataset), num_epochs, self._items(convert), self._continuous)
        # Debug mode (config.set_debug_mode) runs the pipeline in the caller's thread, a row when asked for.
        self._sync = stream if config.get_debug_mode() else None
        self._thread = threading.Thread(target=_produce, name="mindshim-dataset", daemon=True,
                                        args=(stream, self._queue, self._stop))
        if self._sync is None and not any(getattr(node, "callbacks", None) for node in walk(dataset)):
            self._thread.start()  # with map callbacks, at the first request (their first hooks run then)
        weakref.finalize(self, self._stop.set)

    def _converter(self, to_output):
        raise NotImplementedError

    def _items(self, convert):
        """What the thread hands over for an epoch's rows: each row, converted."""
        return lambda rows: map(convert, rows)

    def __iter__(self):
        return self

    def __next__(self):
        if self._failed is not None:
            raise self._failed
        if self._num_epochs != -1 and self._epochs_done >= self._num_epochs:
            raise pipeline_error("EOF buffer encountered. User tries to fetch data beyond the specified number of "
                                 "epochs.")
        if self._stop.is_set():
            raise RuntimeError("Iterator does not have a running C++ pipeline.")
        if self._sync is not None:
            try:
                item = next(self._sync)
            except BaseException as error:  # noqa: BLE001 - as the thread reports it
                item = _Failure(error)
        else:
            try:  # the usual case: the thread is ahead
                item = self._queue.get_nowait()
            except queue.Empty:
                item = self._wait()
        if item is _EPOCH_END:
            self._epochs_done += 1
            raise StopIteration
        if isinstance(item, _Failure):
            self._failed = item.error
            self._stop.set()
            raise item.error
        return item

    def _wait(self):
        """The next item, once the thread (started here if it waited for the first request) has made it."""
        if self._thread.ident is None:
            self._thread.start()
        while True:
            try:
                return self._queue.get(timeout=_POLL)
            except queue.Empty:
                if not self._thread.is_alive() and self._queue.empty():
                    raise RuntimeError("Iterator does not have a running C++ pipeline.") from None

    def get_col_names(self):
        return list(self._col_names)

    def stop(self):
        """End the pipeline thread now (it also ends when the iterator is dropped)."""
        self._stop.set()
        if self._thread.ident is not None:
            self._thread.join()

    release = stop

    def __deepcopy__(self, memo):
        return self


class TupleIterator(Iterator):
    """Rows as lists of Tensors (numpy arrays with ``output_numpy=True``)."""

    def _converter(self, to_output):
        return to_output


class SinkIterator(Iterator):
    """Data sink mode's feed: each epoch's batches in stacks of up to ``size`` consecutive batches (each column
    stacked along a new first axis, a stack ending early where the batch shapes change or the epoch ends), put
    on the device by ``place`` (a list of numpy arrays -> a list of device arrays) in the background; items are
    ``(stacked arrays, number of batches)``. Stacks of the next sink are built while the current one runs.
    ``continuous``: stacks run on across epochs, and no epoch ends."""

    def __init__(self, dataset, num_epochs, size, place, continuous=False):
        self._size, self._place, self._continuous = size, place, continuous
        super().__init__(dataset, None, num_epochs, True)

    def _converter(self, to_output):
        return to_output

    def _items(self, convert):
        return functools.partial(_stacks, size=self._size, place=self._place)


def _stacks(rows, size, place):
    """``(placed stacked columns, count)`` per run of up to ``size`` rows of the same shapes and dtypes."""
    group = []
    for row in rows:
        if group and any(a.shape != b.shape or a.dtype != b.dtype for a, b in zip(row, group[0])):
            yield _stack(group, place)
            group = []
        group.append(row)
        if len(group) == size:
            yield _stack(group, place)
            group = []
    if group:
        yield _stack(group, place)


def _stack(group, place):
    for i, a in enumerate(group[0]):
        if a.dtype.kind in "USO":
            raise TypeError(f"For data sink mode, the dataset's columns must be numeric, but column {i} holds "
                            f"{a.dtype} data.")
    return place([np.stack(column) for column in zip(*group)]), len(group)


class DictIterator(Iterator):
    """Rows as dicts from column name to Tensor (numpy array with ``output_numpy=True``)."""

    def _converter(self, to_output):
        names = tuple(self._col_names)
        return lambda row: dict(zip(names, to_output(row)))
