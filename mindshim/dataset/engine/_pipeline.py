"""What every pipeline step shares: MindSpore's error reports and the random state of one pass.

A pipeline error is a ``RuntimeError`` laid out as MindSpore lays it out: a headline, for errors in user code a
"Python Call Stack" section (mindshim's names the sample or column and carries the user's traceback), then the
"Dataset Pipeline Error Message" section with MindSpore's ``[ERROR]`` line. MindSpore's last section, its C++
call stack, has no counterpart here.
"""
import traceback

import numpy as np

from ..core import config

RULE = "-" * 66


def _section(title, body):
    return f"{RULE}\n- {title}: \n{RULE}\n{body}\n"


def pipeline_error(message):
    """The RuntimeError MindSpore raises when a pipeline step fails (``message`` is its ``[ERROR]`` line)."""
    return RuntimeError("Exception thrown from dataset pipeline. Refer to 'Dataset Pipeline Error Message'. \n\n"
                        + _section("Dataset Pipeline Error Message", f"[ERROR] {message}"))


def python_error(context, exc=None):
    """The RuntimeError MindSpore raises when user code in a pipeline fails: ``context`` says where (and, without
    ``exc``, what); ``exc`` is the user's exception, whose traceback follows. Raise it ``from exc``."""
    stack = context if exc is None else context + "\n" + "".join(traceback.format_exception(exc)).rstrip("\n")
    return RuntimeError("Exception thrown from user defined Python function in dataset. \n\n"
                        + _section("Python Call Stack", stack) + "\n"
                        + _section("Dataset Pipeline Error Message",
                                   "[ERROR] Execute user Python code failed, check 'Python Call Stack' above."))


class DataError(Exception):
    """A transform's complaint about its input; a map reports it as ``map operation: [Op] failed. <message>``,
    an eager call as the bare message."""


def walk(node):
    """Every dataset node under ``node`` (itself first, depth first), then the samplers of its sources."""
    yield node
    sampler = getattr(node, "sampler", None)
    while sampler is not None:
        yield sampler
        sampler = sampler.child_sampler
    for child in node.children:
        yield from walk(child)


class Run:
    """The random state of one pass over a pipeline (an iterator, or a count of its rows).

    Each random step asks for a generator each time it starts over (each epoch and each repeat), keyed by its
    position in the pipeline and how often it started: a seeded pipeline repeats itself exactly. ``fixed``
    generators come from the configured seed (MindSpore's default 5489 when unset) rather than the pass's
    entropy, for steps that must agree across processes (the shuffle of a DistributedSampler).
    """

    def __init__(self, root):
        seed = config.pipeline_seed()
        self.base = seed if seed is not None else np.random.SeedSequence().entropy
        self.fixed = config.get_seed()
        self.order = {}
        for i, node in enumerate(walk(root)):
            self.order.setdefault(id(node), i)
        self.starts = {}
        self.context = {}  # a step's state across the epochs of this pass, by id(step)

    def start(self, step):
        """Count a start of ``step`` in this pass; the number of earlier starts (its epoch, for a step that
        starts once per epoch)."""
        n = self.starts.get(id(step), 0)
        self.starts[id(step)] = n + 1
        return n

    def rng(self, step, fixed=False, seed=None):
        """A generator for ``step``'s next start (``seed``: a seed of the step's own, the same every start)."""
        if seed is not None:
            return np.random.default_rng(seed)
        n = self.start(step)
        return np.random.default_rng([self.fixed if fixed else self.base, self.order.get(id(step), 0), n])


class BatchInfo:
    """What a callable ``batch_size`` or a ``per_batch_map`` learns about the batch being made."""

    def __init__(self, batch_num, epoch_num):
        self._batch_num, self._epoch_num = batch_num, epoch_num

    def get_batch_num(self):
        return self._batch_num

    def get_epoch_num(self):
        return self._epoch_num


def to_list(items):
    if items is None:
        return []
    if isinstance(items, tuple):
        return list(items)
    if not isinstance(items, list):
        return [items]
    return items


def convert_value(value):
    """A value from user code as the numpy array MindSpore makes of it (Tensors by value, scalars 0-d); a dict is
    kept as it is (a Python object in the column, its leaves made arrays by the iterator)."""
    if hasattr(value, "asnumpy"):
        return value.asnumpy()
    if isinstance(value, dict):
        return value
    return np.asarray(value)


def pad_to(x, shape, value=None):
    """``x`` cut or padded at the end of each axis to ``shape`` with ``value`` (0, or "" for text; cast to
    ``x``'s dtype)."""
    text = x.dtype.kind in "US"
    cut = x[tuple(slice(0, n) for n in shape)]
    widths = [(0, n - d) for n, d in zip(shape, cut.shape)]
    if text:
        return np.pad(cut.astype(str), widths, constant_values="" if value is None else str(value))
    return np.pad(cut, widths, constant_values=np.array(0 if value is None else value).astype(x.dtype))


def pad_rows(rows, names, pad_info, boundary=None):
    """Rows with the columns of ``pad_info`` (every column where it is empty) cut or padded to one shape: a
    column's ``(shape, value)``, or None for (None, None); None dimensions (or a None shape) become the longest in
    the rows, or for the columns ``pad_info`` names ``boundary - 1`` (bucket_batch_by_length's
    ``pad_to_bucket_boundary``)."""
    for name in pad_info:
        if name not in names:
            raise pipeline_error(f"Invalid pad_info, column name: {name} does not exist.")
    rows = [list(row) for row in rows]
    for k in [names.index(c) for c in pad_info] if pad_info else range(len(names)):
        shape, value = pad_info.get(names[k]) or (None, None)
        rank = rows[0][k].ndim
        if rank == 0:
            continue
        if shape is not None and len(shape) != rank:
            raise pipeline_error("Invalid pad_info, rank of pad_shape must be equal to rank of specified column. "
                                 f"pad_shapes rank:{len(shape)}, column rank: {rank}")
        fill = np.max([row[k].shape for row in rows], axis=0)
        if boundary is not None and names[k] in pad_info:
            fill = [boundary - 1] * rank
        target = [fill[d] if shape is None or shape[d] is None else shape[d] for d in range(rank)]
        for row in rows:
            row[k] = pad_to(row[k], target, value)
    return rows


def stack(rows, columns=None):
    """The rows (lists of arrays) as one batch per column, or MindSpore's error where shapes or types differ.
    With ``columns``, only those columns are stacked and the others are None."""
    out = [None] * len(rows[0])
    for i in range(len(rows[0])) if columns is None else columns:
        first = rows[0][i]
        if isinstance(first, dict):
            out[i] = _stack_dicts([row[i] for row in rows], i)
            continue
        for row in rows:
            if row[i].shape != first.shape:
                raise pipeline_error(f"Cannot batch tensors with different shapes in column {i}. First element had "
                                     f"shape <{','.join(map(str, first.shape))}> and this element had shape "
                                     f"<{','.join(map(str, row[i].shape))}>")
            same = row[i].dtype == first.dtype or row[i].dtype.kind == first.dtype.kind in "US"  # text of any length
            if not same:
                raise pipeline_error(f"Cannot batch tensors with different types in column {i}. First element had "
                                     f"type {first.dtype} and this element had type {row[i].dtype}")
        out[i] = np.stack([row[i] for row in rows])
    return out


def _stack_dicts(values, column):
    """A batch of a column of dicts: per key, the numpy array of the rows' values (MindSpore's rule; a value that
    makes no array of numbers, such as a nested dict, is its error)."""
    out = {}
    for key in values[0]:
        try:
            out[key] = np.array([v[key] for v in values])
        except (ValueError, TypeError, KeyError):
            out[key] = None
        if out[key] is None or out[key].dtype == object:
            raise pipeline_error(f"Batch: failed to create a NumPy array with primitive types for the dictionary "
                                 f"objects in column {column}, key: '{key}'.\nIf you want a customized array, define "
                                 "a custom 'per_batch_map' function.")
    return out
