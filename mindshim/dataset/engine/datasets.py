"""``mindspore.dataset.Dataset`` and the pipeline steps its methods add (batch, map, shuffle, repeat, ...).

A pipeline is a tree of dataset objects, run in Python over numpy arrays. A pass (an iterator's epochs, or a
count of rows) asks the root for its rows; each step pulls rows from its children. Where the rows are slices of
arrays (NumpySlicesDataset, MNIST, CIFAR, through project/rename/take/skip/repeat, a shuffle holding the whole
dataset and maps of whole-array transforms), a step hands on a *plan* instead, the row ids and a function that
fetches them, so ``batch`` slices whole arrays at once instead of stacking rows one by one.

Differences from MindSpore: shuffled orders come from mindshim's generator (seeded by ``config.set_seed``, not
MindSpore's order); using one dataset object under two parents is allowed (MindSpore refuses a pipeline that
is not a tree); ``num_parallel_workers`` and ``python_multiprocessing`` are accepted and a pipeline runs in one
background thread (see ``iterators``).
"""
import bisect
import copy
import inspect
import itertools
import os
import threading
from builtins import zip as _zip

import numpy as np

from ...mindrecord import FileWriter
from ..core import config
from ..core.validator_helpers import (
    INT32_MAX,
    check_columns,
    check_num_parallel_workers,
    check_pos_int32,
    check_value,
    type_check,
    type_check_list,
)
from . import samplers
from ._pipeline import (
    BatchInfo,
    DataError,
    Run,
    convert_value,
    pad_rows,
    pipeline_error,
    python_error,
    stack,
    to_list,
    walk,
)

_BLOCK = 256  # rows fetched at once when rows of a plan are handed on one by one


def _plan_rows(ids, fetch):
    for start in range(0, len(ids), _BLOCK):
        cols = fetch(ids[start:start + _BLOCK])
        for j in range(len(ids[start:start + _BLOCK])):
            yield [np.array(c[j]) for c in cols]


def _unsupported(name):
    def method(self, *args, **kwargs):
        raise NotImplementedError(f"mindspore.dataset.Dataset.{name} is not supported by mindshim yet")
    method.__name__ = name
    return method


class Dataset:
    """Base of every dataset: the pipeline methods, the iterators and the getters.

    A step implements ``_col_names()`` (raising MindSpore's pipeline error for unknown columns), ``_num_rows()``
    (rows per pass, or None where only a pass can tell), and either ``_plannable()``/``_plan(run)`` (row ids and
    the function that fetches them as column arrays) or ``_stream(run)`` (the rows, lists of numpy arrays).
    """

    def __init__(self, children=None, num_parallel_workers=None, cache=None):
        if cache is not None:
            raise NotImplementedError("mindspore.dataset.DatasetCache is not supported by mindshim yet")
        self.children = to_list(children)
        self.num_parallel_workers = num_parallel_workers
        self.dataset_size = None

    # ---- the step protocol -------------------------------------------------------------------------
    def _col_names(self):
        raise NotImplementedError

    def _num_rows(self):
        return None

    def _plannable(self):
        return False

    def _plan(self, run):
        raise NotImplementedError

    def _stream(self, run):
        raise NotImplementedError

    def _rows(self, run):
        """The rows of one pass (one epoch of this step)."""
        if self._plannable():
            return _plan_rows(*self._plan(run))
        return self._stream(run)

    # ---- pipeline methods ----------------------------------------------------------------------------
    def batch(self, batch_size, drop_remainder=False, num_parallel_workers=None, **kwargs):
        """Stack ``batch_size`` consecutive rows per column; ``per_batch_map`` as MindSpore."""
        return BatchDataset(self, batch_size, drop_remainder, num_parallel_workers, **kwargs)

    def padded_batch(self, batch_size, drop_remainder=False, num_parallel_workers=None, pad_info=None):
        """As ``batch``, padding the columns of ``pad_info`` (column -> ``(shape, value)``; every column where it
        is ``{}``) to one shape per batch: None dimensions to the longest row, others cut or padded."""
        _check_pad_info(pad_info)
        batch = BatchDataset(self, batch_size, drop_remainder, num_parallel_workers)
        batch.pad_info = pad_info
        return batch

    def bucket_batch_by_length(self, column_names, bucket_boundaries, bucket_batch_sizes,
                               element_length_function=None, pad_info=None, pad_to_bucket_boundary=False,
                               drop_remainder=False):
        """Rows sorted into buckets by ``element_length_function(*columns)`` (the first dimension of the one
        column, without it): bucket ``i`` takes lengths in ``[bucket_boundaries[i-1], bucket_boundaries[i])`` and
        makes a padded batch of ``bucket_batch_sizes[i]`` rows whenever it is full; partial buckets follow at the
        end (unless ``drop_remainder``)."""
        return BucketBatchDataset(self, column_names, bucket_boundaries, bucket_batch_sizes, element_length_function,
                                  pad_info, pad_to_bucket_boundary, drop_remainder)

    def flat_map(self, func):
        """The datasets ``func(*row)`` returns for this dataset's rows, concatenated (the rows are read now, as in
        MindSpore)."""
        if not callable(func):
            raise TypeError("func must be a function.")
        dataset = None
        for row in self.create_tuple_iterator(num_epochs=1, output_numpy=True):
            dataset = func(*row) if dataset is None else dataset + func(*row)
        if not isinstance(dataset, Dataset):
            raise TypeError("flat_map must return a Dataset object.")
        return dataset

    def sync_wait(self, condition_name, num_batch=1, callback=None):
        """A step that lets ``num_batch`` batches (of a later ``batch``) through, then waits for
        ``sync_update(condition_name)``, which calls ``callback(data)``."""
        return SyncWaitDataset(self, condition_name, num_batch, callback)

    def sync_update(self, condition_name, num_batch=None, data=None):
        """Release ``num_batch`` (default: the step's own) more batches of the ``sync_wait`` named
        ``condition_name``, calling its callback with ``data``."""
        if (not isinstance(num_batch, int) and num_batch is not None) or (isinstance(num_batch, int)
                                                                          and num_batch <= 0):
            self._disable_sync()
            raise RuntimeError(f"Sync_update batch size can only be positive integer, got: {num_batch}.")
        notifiers = self._sync_notifiers()
        if not isinstance(condition_name, str):
            raise TypeError(f"Argument condition_name with value {condition_name} is not of type str, but got "
                            f"{type(condition_name)}.")
        if condition_name not in notifiers:
            self._disable_sync()
            raise RuntimeError("Condition name not found.")
        notifiers[condition_name](None if num_batch is None else num_batch * self.get_batch_size(), data)

    def _sync_notifiers(self):
        return {node.condition_name: node.pair.release for node in walk(self) if isinstance(node, SyncWaitDataset)}

    def _disable_sync(self):
        for node in walk(self):
            if isinstance(node, SyncWaitDataset):
                node.pair.disable()

    def shuffle(self, buffer_size):
        """Rows in a random order drawn from a buffer of ``buffer_size`` rows (reshuffled every epoch)."""
        type_check(buffer_size, (int,), "buffer_size")
        check_value(buffer_size, [2, INT32_MAX], "buffer_size")
        return ShuffleDataset(self, buffer_size)

    def map(self, operations, input_columns=None, output_columns=None, num_parallel_workers=None, **kwargs):
        """Apply ``operations`` (transforms or Python callables) to ``input_columns`` of every row."""
        return MapDataset(self, operations, input_columns, output_columns, num_parallel_workers, **kwargs)

    def filter(self, predicate, input_columns=None, num_parallel_workers=None):
        """Keep the rows for which ``predicate(*input_columns)`` is true."""
        if not callable(predicate):
            raise TypeError(f"Argument predicate with value {predicate} is not of type [<class 'function'>], but "
                            f"got {type(predicate)}.")
        if input_columns is not None:
            check_columns(input_columns, "input_columns")
        if num_parallel_workers is not None:
            check_num_parallel_workers(num_parallel_workers)
        return FilterDataset(self, predicate, input_columns)

    def repeat(self, count=None):
        """The dataset ``count`` times over (``None`` or -1: endlessly)."""
        type_check(count, (int, type(None)), "repeat")
        if isinstance(count, int) and ((count <= 0 and count != -1) or count > INT32_MAX):
            raise ValueError("count should be either -1 or positive integer, range[1, INT32_MAX].")
        return RepeatDataset(self, count)

    def skip(self, count):
        type_check(count, (int,), "count")
        check_value(count, (0, INT32_MAX), "count")
        return SkipDataset(self, count)

    def take(self, count=-1):
        type_check(count, (int,), "count")
        if (count <= 0 and count != -1) or count > INT32_MAX:
            raise ValueError(f"count should be either -1 or within the required interval of (0, {INT32_MAX}], got "
                             f"{count}.")
        return TakeDataset(self, count)

    def _absolute_split_sizes(self, sizes):
        type_check(sizes, (list,), "sizes")
        if not sizes:
            raise ValueError("sizes cannot be empty.")
        all_int = all(isinstance(s, int) for s in sizes)
        if not (all_int or all(isinstance(s, float) for s in sizes)):
            raise ValueError("sizes should be list of int or list of float.")
        if all_int and not all(s > 0 for s in sizes):
            raise ValueError("sizes is a list of int, but there should be no negative or zero numbers.")
        if not all_int:
            if not all(0 < s <= 1 for s in sizes):
                raise ValueError("sizes is a list of float, but there should be no numbers outside the range (0, 1].")
            if not abs(sum(sizes) - 1) < 0.00001:
                raise ValueError("sizes is a list of float, but the percentages do not sum up to 1.")
        size = self.get_dataset_size()
        if size is None or size <= 0:
            raise RuntimeError("dataset_size is unknown, unable to split.")
        if all_int:
            if sum(sizes) != size:
                raise RuntimeError(f"Sum of split sizes {sum(sizes)} is not equal to dataset size {size}.")
            return sizes
        absolute = []
        for s in sizes:
            n = int(round(s * size))
            if n == 0:
                raise RuntimeError(f"Split percentage {s} is too small.")
            absolute.append(n)
        diff = size - sum(absolute)
        if diff > 0:
            absolute[0] += diff
        else:
            for i, n in enumerate(absolute):
                if n + diff > 0:
                    absolute[i] += diff
                    break
        return absolute

    def split(self, sizes, randomize=True):
        """Non-overlapping datasets of the given sizes (ints) or fractions (floats summing to 1).

        With ``randomize`` every split reads the same fixed random order (seeded by ``config.set_seed`` if set).
        """
        type_check(randomize, (bool,), "randomize")
        if self.is_sharded():
            raise RuntimeError("Dataset should not be sharded before split.")
        seed = _split_seed()
        out, skip = [], 0
        for size in self._absolute_split_sizes(sizes):
            ds = self
            if randomize:
                ds = ShuffleDataset(ds, 10000)
                ds.reshuffle_each_epoch = False
                ds._seed = seed
            if skip:
                ds = ds.skip(skip)
            out.append(ds.take(size))
            skip += size
        return tuple(out)

    def zip(self, datasets):
        """This dataset's columns followed by those of ``datasets``, row by row (as long as the shortest)."""
        type_check(datasets, (tuple, Dataset), "datasets")
        return ZipDataset((self, *datasets) if isinstance(datasets, tuple) else (self, datasets))

    def concat(self, datasets):
        """The rows of this dataset, then those of ``datasets`` (same columns, same order)."""
        type_check(datasets, (list, Dataset), "datasets")
        if isinstance(datasets, list):
            type_check_list(datasets, (Dataset,), "dataset")
        return ConcatDataset([self] + (datasets if isinstance(datasets, list) else [datasets]))

    def __add__(self, datasets):
        return self.concat(datasets)

    def rename(self, input_columns, output_columns):
        check_columns(input_columns, "input_columns")
        check_columns(output_columns, "output_columns")
        if len(to_list(input_columns)) != len(to_list(output_columns)):
            raise ValueError("Number of column in input_columns and output_columns is not equal.")
        return RenameDataset(self, input_columns, output_columns)

    def project(self, columns):
        check_columns(columns, "columns")
        return ProjectDataset(self, columns)

    def apply(self, apply_func):
        if not callable(apply_func):
            raise TypeError("apply_func must be a function.")
        dataset = apply_func(self)
        if not isinstance(dataset, Dataset):
            raise TypeError("dataset returned by apply_func is not dataset type.")
        return dataset

    # ---- iterators ---------------------------------------------------------------------------------
    def create_tuple_iterator(self, columns=None, num_epochs=-1, output_numpy=False, do_copy=False):
        """An iterator of rows as lists (Tensors, or numpy arrays with ``output_numpy``), epoch after epoch."""
        from .iterators import TupleIterator
        _check_iterator_args(num_epochs, output_numpy, do_copy)
        if columns is not None:
            check_columns(columns, "column_names")
        return TupleIterator(self, to_list(columns) or None, num_epochs, bool(output_numpy))

    def create_dict_iterator(self, num_epochs=-1, output_numpy=False, do_copy=False):
        """An iterator of rows as dicts from column name to Tensor (or numpy array)."""
        from .iterators import DictIterator
        _check_iterator_args(num_epochs, output_numpy, do_copy)
        return DictIterator(self, None, num_epochs, bool(output_numpy))

    def __iter__(self):
        return self.create_tuple_iterator(num_epochs=1)

    def _sink_iterator(self, num_epochs, size, place, continuous=False):
        """Data sink mode's feed (``iterators.SinkIterator``): stacks of up to ``size`` batches, placed ahead."""
        from .iterators import SinkIterator
        return SinkIterator(self, num_epochs, size, place, continuous)

    # ---- getters -------------------------------------------------------------------------------------
    def get_col_names(self):
        return list(self._col_names())

    def get_dataset_size(self):
        """Rows (batches, after ``batch``) per epoch; a pass over the data counts them where nothing else can."""
        if self.dataset_size is None:
            n = self._num_rows()
            if n is None:
                self._col_names()
                n = sum(1 for _ in self._rows(Run(self)))
            self.dataset_size = n
        return self.dataset_size

    def __len__(self):
        """``len(dataset)``: ``get_dataset_size()``, as in MindSpore."""
        return self.get_dataset_size()

    def _first_row(self):
        self._col_names()
        for row in self._rows(Run(self)):
            return row
        raise RuntimeError("Dataset is empty: no row to take shapes and types from.")

    def output_shapes(self, estimate=False):
        return [list(a.shape) for a in self._first_row()]

    def output_types(self):
        return [a.dtype for a in self._first_row()]

    def get_batch_size(self):
        for node in walk(self):
            if isinstance(node, BatchDataset):
                return node.batch_size if isinstance(node.batch_size, int) else -1
        return 1

    def get_repeat_count(self):
        for node in walk(self):
            if isinstance(node, RepeatDataset):
                return node.count
        return 1

    def is_shuffled(self):
        return any(child.is_shuffled() for child in self.children)

    def is_sharded(self):
        return any(child.is_sharded() for child in self.children)

    def save(self, file_name, num_files=1, file_type="mindrecord"):
        """Write the dataset's rows to a MindRecord file (``file_name`` and ``file_name.db``), schema taken from the
        first row as MindSpore takes it: integers up to 32 bits (and bools) as int32, wider ones as int64, float16
        and float32 as float32, text as string; arrays keep their trailing dimensions (the first is -1)."""
        if file_type != "mindrecord":
            raise ValueError(f"Invalid parameter, file_type must be 'mindrecord', but got {file_type}.")
        if num_files != 1:
            raise NotImplementedError("mindspore.dataset.Dataset.save with num_files > 1 is not supported by mindshim "
                                      "yet.")
        if os.path.exists(file_name) or os.path.exists(file_name + ".db"):
            raise pipeline_error("Invalid file, mindrecord files already exist. Please check file path: "
                                 f"{os.path.abspath(file_name)}.")
        names = self.get_col_names()
        rows = self.create_tuple_iterator(num_epochs=1, output_numpy=True)
        first = next(rows, None)
        if first is None:
            raise pipeline_error("Invalid data, the dataset to save has no rows.")
        schema = {name: _save_field(value) for name, value in _zip(names, first)}
        writer = FileWriter(file_name, overwrite=False)
        writer.add_schema(schema, "mindrecord")
        for row in itertools.chain([first], rows):
            writer.write_raw_data([{name: _save_value(v, schema[name]) for name, v in _zip(names, row)}])
        writer.commit()

    def reset(self):
        """No state to reset: every iterator starts its own pass."""

    def close_pool(self):
        """No worker pool to close: mindshim runs a pipeline in one thread."""


def _save_field(value):
    """The MindRecord field ``Dataset.save`` gives a column whose first value is ``value``."""
    value = np.asarray(value)
    kind = value.dtype.kind
    if kind in "US":
        return {"type": "string" if kind == "U" else "bytes"}
    if kind == "f":
        field = {"type": "float64" if value.dtype.itemsize == 8 else "float32"}
    elif kind in "biu":
        field = {"type": "int64" if value.dtype.itemsize > 4 or value.dtype == np.uint32 else "int32"}
    else:
        raise pipeline_error(f"Invalid data, Dataset.save cannot store a column of {value.dtype}.")
    if value.ndim:
        field["shape"] = [-1, *value.shape[1:]]
    return field


def _save_value(value, field):
    """``value`` as the schema's field takes it."""
    if field["type"] in ("string", "bytes"):
        return value.item() if isinstance(value, np.ndarray) else value
    array = np.asarray(value).astype(field["type"])
    return array if "shape" in field else array.item()


for _name in ("device_que", "to_json", "send", "recv", "get_class_indexing", "num_classes", "set_init_step"):
    setattr(Dataset, _name, _unsupported(_name))


def _check_pad_info(pad_info):
    if pad_info is None:
        return
    type_check(pad_info, (dict,), "pad_info")
    for key, value in pad_info.items():
        type_check(key, (str,), "key in pad_info")
        if value is None:
            continue
        if len(value) != 2:
            raise ValueError("value of pad_info should be a tuple of size 2.")
        type_check(value, (tuple,), "value in pad_info")
        if value[0] is not None:
            type_check(value[0], (list,), "shape in pad_info")
            for dim in value[0]:
                if dim is not None:
                    check_pos_int32(dim, "dim of shape in pad_info")
        if value[1] is not None:
            type_check(value[1], (int, float, str, bytes), "pad_value")


def _split_seed():
    seed = config.pipeline_seed()
    return int(np.random.SeedSequence(seed).generate_state(1)[0])


def _check_iterator_args(num_epochs, output_numpy, do_copy):
    for name, value in (("output_numpy", output_numpy), ("do_copy", do_copy)):
        if value is not None:
            type_check(value, (bool,), name)
    if num_epochs is not None:
        type_check(num_epochs, (int,), "num_epochs")
        check_value(num_epochs, [-1, INT32_MAX], "num_epochs")


# Class names as in MindSpore, for code that tests isinstance against them.
class UnionBaseDataset(Dataset):
    """A dataset of any kind of data (MindSpore's base of the pipeline steps)."""


VisionBaseDataset = TextBaseDataset = AudioBaseDataset = UnionBaseDataset


class SourceDataset(Dataset):
    """A dataset that reads data (no children)."""

    def __init__(self, num_parallel_workers=None, num_samples=None, shuffle=True, num_shards=None, shard_id=None,
                 cache=None):
        super().__init__(num_parallel_workers=num_parallel_workers, cache=cache)
        self.num_samples = 0 if num_samples is None else num_samples
        self.num_shards = 1 if num_shards is None else num_shards
        self.shard_id = 0 if shard_id is None else shard_id
        if shuffle is not None and not isinstance(shuffle, (bool, samplers.Shuffle)):
            raise TypeError("shuffle must be of boolean or enum of 'Shuffle' values like 'Shuffle.ADAPTIVE' or "
                            "'Shuffle.GLOBAL' or 'Shuffle.PARTIAL' or 'Shuffle.FILES' or 'Shuffle.INFILE'.")
        self.shuffle_flag = 0 if shuffle is False or shuffle == samplers.Shuffle.FALSE else 2


class MappableDataset(SourceDataset):
    """A source with random access: a sampler picks its rows. Subclasses give ``_source_len()`` and either
    ``_arrays()`` (all rows as column arrays) or ``_row(i)``."""

    def __init__(self, num_parallel_workers=None, sampler=None, num_samples=None, shuffle=None, num_shards=None,
                 shard_id=None, cache=None):
        if sampler is None:
            shuffle = samplers.Shuffle.FALSE if shuffle is False else (
                samplers.Shuffle.GLOBAL if shuffle is None or shuffle is True else shuffle)
        super().__init__(num_parallel_workers=num_parallel_workers, num_samples=num_samples, shuffle=shuffle,
                         num_shards=num_shards, shard_id=shard_id, cache=cache)
        self.sampler = samplers.select_sampler(num_samples, sampler, shuffle, num_shards, shard_id)

    def _source_len(self):
        raise NotImplementedError

    def _arrays(self):
        """All rows as column arrays, or None where rows are read one at a time (``_row``)."""
        return None

    def _row(self, i):
        return [np.array(c[i]) for c in self._arrays()]

    def _class_labels(self):
        """The class label of every row (for ``PKSampler``): its ``label`` column, or None where it has none."""
        arrays = self._arrays()
        names = self._col_names()
        return None if arrays is None or "label" not in names else np.asarray(arrays[names.index("label")])

    def _ids(self, run):
        self.sampler._handshake(self)
        return self.sampler._ids(self._source_len(), run)

    def _num_rows(self):
        self.sampler._handshake(self)
        return self.sampler._size(self._source_len())

    def _plannable(self):
        return self._arrays() is not None

    def _plan(self, run):
        arrays = self._arrays()
        return self._ids(run), lambda ids: [a[ids] for a in arrays]

    def _stream(self, run):
        for i in self._ids(run):
            yield self._row(i)

    def add_sampler(self, new_sampler):
        """Put ``new_sampler`` after the current sampler: it chooses among the rows the current one gives."""
        self.dataset_size = None
        new_sampler.add_child(self.sampler)
        self.sampler = new_sampler

    def use_sampler(self, new_sampler):
        """Replace the last sampler with ``new_sampler``."""
        if new_sampler is None:
            raise TypeError("Input sampler can not be None.")
        if not isinstance(new_sampler, samplers.BuiltinSampler):
            raise TypeError("Input sampler is not an instance of a sampler.")
        self.dataset_size = None
        self.sampler = self.sampler.child_sampler
        self.add_sampler(new_sampler)

    def is_shuffled(self):
        return self.sampler.is_shuffled()

    def is_sharded(self):
        return self.sampler.is_sharded()

    def split(self, sizes, randomize=True):
        """As ``Dataset.split``, by chaining samplers on copies of this source (no shuffle buffer)."""
        type_check(randomize, (bool,), "randomize")
        if self.is_sharded():
            raise RuntimeError("Dataset should not be sharded before split.")
        seed = _split_seed()
        out, start = [], 0
        for size in self._absolute_split_sizes(sizes):
            ds = copy.copy(self)
            ds.sampler = copy.deepcopy(self.sampler)
            ds.dataset_size = None
            if randomize:
                random_sampler = samplers.RandomSampler()
                random_sampler.reshuffle_each_epoch = False
                random_sampler._seed = seed
                ds.add_sampler(random_sampler)
            ds.add_sampler(samplers.SequentialSampler(start, size))
            ds.add_sampler(samplers.SequentialSampler())
            out.append(ds)
            start += size
        return tuple(out)


# ---- pipeline steps ----------------------------------------------------------------------------------
class _OneChild(UnionBaseDataset):
    @property
    def child(self):
        return self.children[0]

    def _col_names(self):
        return self.child._col_names()

    def _num_rows(self):
        return self.child._num_rows()


class BatchDataset(_OneChild):
    def __init__(self, input_dataset, batch_size, drop_remainder=False, num_parallel_workers=None, **kwargs):
        per_batch_map = kwargs.pop("per_batch_map", None)
        input_columns = kwargs.pop("input_columns", None)
        output_columns = kwargs.pop("output_columns", None)
        python_multiprocessing = kwargs.pop("python_multiprocessing", None)
        kwargs.pop("max_rowsize", None)
        if kwargs:
            raise TypeError(f"batch() got an unexpected keyword argument '{next(iter(kwargs))}'")
        if not (isinstance(batch_size, int) or callable(batch_size)):
            raise TypeError("batch_size should either be an int or a callable.")
        if callable(batch_size):
            if len(inspect.signature(batch_size).parameters) != 1:
                raise ValueError("callable batch_size should take one parameter (BatchInfo).")
        elif batch_size != -1:
            check_pos_int32(int(batch_size), "batch_size")
        if num_parallel_workers is not None:
            check_num_parallel_workers(num_parallel_workers)
        type_check(drop_remainder, (bool,), "drop_remainder")
        if input_columns is not None and per_batch_map is None:
            raise ValueError("input_columns can be specified only when per_batch_map is set.")
        if input_columns is not None:
            check_columns(input_columns, "input_columns")
            if len(to_list(input_columns)) != len(inspect.signature(per_batch_map).parameters) - 1:
                raise ValueError("The signature of per_batch_map should match with input columns.")
        if output_columns is not None:
            check_columns(output_columns, "output_columns")
        if python_multiprocessing is not None:
            type_check(python_multiprocessing, (bool,), "python_multiprocessing")
        super().__init__(input_dataset, num_parallel_workers)
        self.batch_size, self.drop_remainder = batch_size, drop_remainder
        self.per_batch_map = per_batch_map
        self.input_columns, self.output_columns = to_list(input_columns), to_list(output_columns)
        self.pad_info = None  # padded_batch's
        if isinstance(batch_size, int):
            for node in walk(input_dataset):
                if isinstance(node, SyncWaitDataset):
                    node.pair.scale(batch_size)

    def _columns_plan(self):
        names = self.child._col_names()
        if self.per_batch_map is None:
            return names, None
        in_cols = self.input_columns or names
        return _column_plan(names, in_cols, self.output_columns or in_cols)

    def _col_names(self):
        return self._columns_plan()[0]

    def _num_rows(self):
        n = self.child._num_rows()
        if n is None or not isinstance(self.batch_size, int) or self.batch_size == -1:
            return None
        return n // self.batch_size if self.drop_remainder else -(-n // self.batch_size)

    def _sizes(self, epoch):
        """The batch sizes, one per batch (a callable batch_size is asked with each batch's BatchInfo)."""
        if self.batch_size == -1:
            raise pipeline_error("Batch size cannot be -1 without using batch sampler.")
        batch = 0
        while True:
            size = self.batch_size
            if callable(size):
                try:
                    size = size(BatchInfo(batch, epoch))
                except Exception as exc:  # noqa: BLE001 - reported as MindSpore reports user errors
                    raise python_error(f"batch: the batch_size function failed for batch {batch}:", exc) from exc
                if not isinstance(size, int) or size <= 0:
                    raise pipeline_error(f"Invalid parameter, batch_size function should return an integer greater "
                                         f"than 0, but got: {size}.")
            yield size
            batch += 1

    def _stream(self, run):
        epoch = run.start(self)
        sizes = self._sizes(epoch)
        if self.per_batch_map is None and self.pad_info is None and self.child._plannable():
            yield from self._sliced(run, sizes)
            return
        _, assemble = self._columns_plan()
        rows, size, batch = [], next(sizes), 0
        for row in self.child._rows(run):
            rows.append(row)
            if len(rows) == size:
                yield self._finish(rows, assemble, batch, epoch)
                rows, size, batch = [], next(sizes), batch + 1
        if rows and not self.drop_remainder:
            yield self._finish(rows, assemble, batch, epoch)

    def _sliced(self, run, sizes):
        """Batches cut straight from the child's plan: one fetch per batch, no stacking of rows."""
        ids, fetch = self.child._plan(run)
        start = 0
        for size in sizes:
            if start >= len(ids) or (self.drop_remainder and start + size > len(ids)):
                return
            yield fetch(ids[start:start + size])
            start += size

    def _finish(self, rows, assemble, batch, epoch):
        if self.pad_info is not None:
            rows = pad_rows(rows, self.child._col_names(), self.pad_info)
        if self.per_batch_map is None:
            return stack(rows)
        names = self.child._col_names()
        in_idx = [names.index(c) for c in (self.input_columns or names)]
        try:
            result = self.per_batch_map(*[[row[k] for row in rows] for k in in_idx], BatchInfo(batch, epoch))
        except Exception as exc:  # noqa: BLE001 - reported as MindSpore reports user errors
            raise python_error(f"batch operation: [PyFunc] failed on batch {batch} of columns "
                               f"{[names[k] for k in in_idx]}. Error description:", exc) from exc
        outs = [np.stack([convert_value(v) for v in out]) if isinstance(out, list) else convert_value(out)
                for out in (result if isinstance(result, tuple) else (result,))]
        expected = len(self.output_columns or self.input_columns or names)
        if len(outs) != expected:
            raise pipeline_error("Invalid columns, the number of columns returned in 'per_batch_map' should match the "
                                 f"number of 'output_columns', but got the number of columns returned in "
                                 f"'per_batch_map': {len(outs)}, the number of 'output_columns': {expected}.")
        kept = stack(rows, [k for k in range(len(names)) if k not in in_idx])
        return assemble(kept, outs)


def _column_plan(names, in_cols, out_cols):
    """The column names after a step that turns ``in_cols`` into ``out_cols``, and the function placing the
    step's outputs: with as many outputs as inputs they take the inputs' places, otherwise they come first and
    the untouched columns follow (MindSpore's rule)."""
    for c in in_cols:
        if c not in names:
            raise pipeline_error(f"Invalid parameter, input column name: {c} doesn't exist in the dataset columns.")
    in_idx = [names.index(c) for c in in_cols]
    if len(in_cols) == len(out_cols):
        new_names = list(names)
        for i, c in _zip(in_idx, out_cols):
            new_names[i] = c

        def assemble(row, outs):
            row = list(row)
            for i, v in _zip(in_idx, outs):
                row[i] = v
            return row
    else:
        keep = [i for i in range(len(names)) if i not in in_idx]
        new_names = list(out_cols) + [names[i] for i in keep]

        def assemble(row, outs):
            return list(outs) + [row[i] for i in keep]
    return new_names, assemble


class BucketBatchDataset(_OneChild):
    def __init__(self, input_dataset, column_names, bucket_boundaries, bucket_batch_sizes, element_length_function,
                 pad_info, pad_to_bucket_boundary, drop_remainder):
        type_check_list([column_names, bucket_boundaries, bucket_batch_sizes], (list,),
                        ["column_names", "bucket_boundaries", "bucket_batch_sizes"])
        type_check_list([pad_to_bucket_boundary, drop_remainder], (bool,), ["pad_to_bucket_boundary",
                                                                             "drop_remainder"])
        check_columns(column_names, "column_names")
        if element_length_function is None and len(column_names) != 1:
            raise ValueError("If element_length_function is not specified, exactly one column name should be passed.")
        if element_length_function is not None and not callable(element_length_function):
            raise TypeError("element_length_function object is not callable.")
        if not bucket_boundaries:
            raise ValueError("bucket_boundaries cannot be empty.")
        if not all(isinstance(b, int) for b in bucket_boundaries):
            raise TypeError("bucket_boundaries should be a list of int.")
        if not all(b > 0 for b in bucket_boundaries):
            raise ValueError("bucket_boundaries must only contain positive numbers.")
        if any(b >= c for b, c in _zip(bucket_boundaries, bucket_boundaries[1:])):
            raise ValueError("bucket_boundaries should be strictly increasing.")
        if len(bucket_batch_sizes) != len(bucket_boundaries) + 1:
            raise ValueError("bucket_batch_sizes must contain one element more than bucket_boundaries.")
        if not all(isinstance(b, int) for b in bucket_batch_sizes):
            raise TypeError("bucket_batch_sizes should be a list of int.")
        if not all(b > 0 for b in bucket_batch_sizes):
            raise ValueError("bucket_batch_sizes should be a list of positive numbers.")
        _check_pad_info(pad_info)
        super().__init__(input_dataset)
        self.column_names, self.bucket_boundaries = column_names, bucket_boundaries
        self.bucket_batch_sizes, self.element_length_function = bucket_batch_sizes, element_length_function
        self.pad_info = {} if pad_info is None else pad_info
        self.pad_to_bucket_boundary, self.drop_remainder = pad_to_bucket_boundary, drop_remainder

    def _num_rows(self):
        return None

    def _length(self, row, idx):
        if self.element_length_function is None:
            return row[idx[0]].shape[0]
        try:
            length = self.element_length_function(*[row[k] for k in idx])
        except Exception as exc:  # noqa: BLE001 - reported as MindSpore reports user errors
            raise python_error("bucket_batch_by_length: element_length_function failed:", exc) from exc
        if not isinstance(length, (int, np.integer)) or length < 0:
            raise pipeline_error("Invalid element_length_function, element_length_function must return an integer "
                                 f"greater than or equal to 0, but got{length}")
        return int(length)

    def _batch(self, rows, bucket, names):
        last = bucket == len(self.bucket_boundaries)
        boundary = self.bucket_boundaries[bucket] if self.pad_to_bucket_boundary and not last else None
        return stack(pad_rows(rows, names, self.pad_info, boundary))

    def _stream(self, run):
        names = self.child._col_names()
        for c in self.column_names:
            if c not in names:
                raise pipeline_error(f"Invalid parameter, column name: {c} does not exist in the dataset columns.")
        idx = [names.index(c) for c in self.column_names]
        buckets = [[] for _ in self.bucket_batch_sizes]
        for row in self.child._rows(run):
            b = bisect.bisect_right(self.bucket_boundaries, self._length(row, idx))
            buckets[b].append(row)
            if len(buckets[b]) == self.bucket_batch_sizes[b]:
                yield self._batch(buckets[b], b, names)
                buckets[b] = []
        if not self.drop_remainder:
            for b, rows in enumerate(buckets):
                if rows:
                    yield self._batch(rows, b, names)


class _SyncPair:
    """MindSpore's BlockReleasePair: ``block`` lets a row through while rows are released, else waits (at most
    ``config.get_callback_timeout()`` seconds, then stops waiting for good); ``release`` lets more through."""

    def __init__(self, rows, callback=None):
        self.count, self.default_rows, self.callback = -rows, rows, callback
        self.cv = threading.Condition()
        self.disabled = False

    def scale(self, batch_size):
        """Count in rows of ``batch_size``-row batches (a batch after the sync_wait)."""
        self.count *= batch_size
        self.default_rows *= batch_size

    def reset(self):
        with self.cv:
            self.count = -self.default_rows
            self.cv.notify_all()

    def block(self):
        with self.cv:
            if not self.cv.wait_for(lambda: self.count < 0 or self.disabled, timeout=config.get_callback_timeout()):
                self.disabled = True
            self.count += 1

    def release(self, rows=None, data=None):
        with self.cv:
            self.count -= self.default_rows if rows is None else rows
            if self.callback is not None:
                self.callback(data)
            self.cv.notify_all()

    def disable(self):
        with self.cv:
            self.disabled = True
            self.cv.notify_all()


class SyncWaitDataset(_OneChild):
    def __init__(self, input_dataset, condition_name, num_batch=1, callback=None):
        if isinstance(num_batch, int) and num_batch <= 0:
            raise ValueError("num_batch need to be greater than 0.")
        type_check(condition_name, (str,), "condition_name")
        type_check(num_batch, (int,), "num_batch")
        if callback is not None and not callable(callback):
            raise TypeError("callback should be callable.")
        if condition_name in input_dataset._sync_notifiers():
            raise RuntimeError("Condition name is already in use.")
        super().__init__(input_dataset)
        self.condition_name, self.pair = condition_name, _SyncPair(num_batch, callback)

    def _stream(self, run):
        self.pair.reset()
        for row in self.child._rows(run):
            self.pair.block()
            yield row


class MapDataset(_OneChild):
    def __init__(self, input_dataset, operations=None, input_columns=None, output_columns=None,
                 num_parallel_workers=None, python_multiprocessing=False, cache=None, callbacks=None, max_rowsize=None,
                 offload=None):
        from ...nn import Cell
        from ...ops import Primitive
        ops = to_list(operations)
        for op in ops:
            if isinstance(op, (Cell, Primitive)):
                raise ValueError("Input operations should not contain network computing operator like in "
                                 "mindspore.nn or mindspore.ops, got operation: ", str(op))
        if num_parallel_workers is not None:
            check_num_parallel_workers(num_parallel_workers)
        type_check(python_multiprocessing, (bool,), "python_multiprocessing")
        for name, columns in (("input_columns", input_columns), ("output_columns", output_columns)):
            if columns is not None:
                check_columns(columns, name)
        from ..callback.ds_callback import DSCallback
        if callbacks is not None:
            if isinstance(callbacks, (list, tuple)):
                type_check_list(callbacks, (DSCallback,), "callbacks")
            else:
                type_check(callbacks, (DSCallback,), "callbacks")
        if offload:
            raise NotImplementedError("mindspore.dataset.Dataset.map with offload is not supported by mindshim yet")
        for op in ops:
            if isinstance(op, type):
                raise ValueError("Parameter operations's element of method map should be a dataset processing "
                                 f"operation instance, but got: {op}. It may be missing parentheses for "
                                 "instantiation.")
            if not callable(op):
                raise ValueError("Parameter operations's element of method map should be a python function or "
                                 f"class method which should be callable, but got: {op}. It doesn't need parentheses "
                                 "for python function or class method.")
        super().__init__(input_dataset, num_parallel_workers, cache)
        self.operations = ops
        self.input_columns = to_list(input_columns)
        self.output_columns = to_list(output_columns) or self.input_columns
        self.python_multiprocessing = python_multiprocessing
        self.callbacks = to_list(callbacks)

    def _columns_plan(self):
        names = self.child._col_names()
        in_cols = self.input_columns or names[:1]
        return _column_plan(names, in_cols, self.output_columns or in_cols)

    def _col_names(self):
        return self._columns_plan()[0]

    def _in_idx(self):
        names = self.child._col_names()
        return [names.index(c) for c in (self.input_columns or names[:1])]

    def _n_out(self):
        return len(self.output_columns or self.input_columns or [None])

    def _check_outs(self, outs):
        if len(outs) != self._n_out():
            raise pipeline_error("Invalid columns, the number of columns returned in 'map' operations should match the "
                                 f"number of 'output_columns', but got the number of columns returned in 'map' "
                                 f"operations: {len(outs)}, the number of 'output_columns': {self._n_out()}.")

    def _plannable(self):
        return (not self.callbacks and not config.get_debug_mode()
                and all(getattr(op, "_batchable", False) for op in self.operations) and self.child._plannable())

    def _steps(self):
        """The operations, in debug mode with the debug hooks (copies, as MindSpore makes them) before the first
        and after each (a DebugHook placed among the operations counts as one)."""
        if not config.get_debug_mode():
            return self.operations

        def hooks(name, first=False):
            made = [copy.deepcopy(h) for h in config.debug_hooks()]
            for h in made:
                h.set_previous_op_name(name)
                h.set_is_first(first)
            return made
        steps = hooks(_op_name(self.operations[0]), True)
        for op in self.operations:
            steps += [op] + hooks(_op_name(op))
        return steps

    def _plan(self, run):
        _, assemble = self._columns_plan()
        in_idx = self._in_idx()
        ids, fetch = self.child._plan(run)

        def mapped(ids):
            cols = fetch(ids)
            args = [cols[k] for k in in_idx]
            for op in self.operations:
                try:
                    args = op._apply_batch(args)
                except DataError as e:
                    raise pipeline_error(f"map operation: [{type(op).__name__}] failed. {e}") from None
            self._check_outs(args)
            return assemble(cols, args)
        return ids, mapped

    def _stream(self, run):
        _, assemble = self._columns_plan()
        in_idx = self._in_idx()
        names = self.child._col_names()
        rng = run.rng(self)

        steps = self._steps()

        def mapped(n, row):
            args = [row[k] for k in in_idx]
            for op in steps:
                args = _apply_op(op, args, rng, n, [names[k] for k in in_idx])
            self._check_outs(args)
            return assemble(row, args)
        if not self.callbacks:
            for n, row in enumerate(self.child._rows(run)):
                yield mapped(n, row)
            return
        yield from self._with_callbacks(run, mapped)

    def _with_callbacks(self, run, mapped):
        """The rows read ahead in chunks of ``config.get_prefetch_size()``: the chunk's step-begin hooks as they
        are read, then each row mapped and its step-end hook. A WaitedDSCallback's step-begin waits for the
        training to finish the previous step, so with one the rows are read one at a time."""
        from ..callback.ds_callback import Callbacks, WaitedDSCallback
        callbacks = run.context.setdefault(id(self), Callbacks(self.callbacks))
        ahead = 1 if any(isinstance(cb, WaitedDSCallback) for cb in self.callbacks) else config.get_prefetch_size()
        callbacks.epoch_begin()
        base, rows = callbacks.context.cur_step_num, self.child._rows(run)
        chunk, n = [], 0
        while True:
            row = next(rows, None)
            if row is not None:
                n += 1
                callbacks.step("ds_step_begin", n, base + n)
                chunk.append(row)
            if chunk and (row is None or len(chunk) == ahead):
                first = n - len(chunk) + 1
                for k, pending in enumerate(chunk):
                    out = mapped(first + k - 1, pending)
                    callbacks.step("ds_step_end", first + k, base + first + k)
                    yield out
                chunk = []
            if row is None:
                break
        callbacks.epoch_end()


def _op_name(op):
    return getattr(op, "__name__", type(op).__name__)


def _apply_op(op, args, rng, row_number, columns):
    """One map operation on one row's inputs: a mindshim transform (``_apply``), or user code, whose errors
    (also inside a Compose) are reported with the row and columns they happened on."""
    try:
        if hasattr(op, "_apply"):
            return op._apply(args, rng)
        result = op(*args)
    except DataError as e:
        raise pipeline_error(f"map operation: [{type(op).__name__}] failed. {e}") from None
    except Exception as exc:  # noqa: BLE001 - reported as MindSpore reports user errors
        raise python_error(f"map operation: [PyFunc] failed on row {row_number} of input columns {columns}. "
                           "Error description:", exc) from exc
    return [convert_value(v) for v in result] if isinstance(result, tuple) else [convert_value(result)]


class FilterDataset(_OneChild):
    def __init__(self, input_dataset, predicate, input_columns=None):
        super().__init__(input_dataset)
        self.predicate, self.input_columns = predicate, to_list(input_columns)

    def _num_rows(self):
        return None

    def _stream(self, run):
        names = self.child._col_names()
        cols = self.input_columns or names
        for c in cols:
            if c not in names:
                raise pipeline_error(f"Invalid parameter, column name: {c} does not exist in the dataset columns.")
        idx = [names.index(c) for c in cols]
        for n, row in enumerate(self.child._rows(run)):
            try:
                keep = self.predicate(*[row[k] for k in idx])
            except Exception as exc:  # noqa: BLE001
                raise python_error(f"filter operation: [PyFunc] failed on row {n} of columns {cols}. Error "
                                   "description:", exc) from exc
            if bool(np.asarray(keep)):
                yield row


class ShuffleDataset(_OneChild):
    def __init__(self, input_dataset, buffer_size):
        super().__init__(input_dataset)
        self.buffer_size = buffer_size
        self.reshuffle_each_epoch = True
        self._seed = None

    def _rng(self, run):
        return run.rng(self, seed=None if self.reshuffle_each_epoch else self._seed)

    def _plannable(self):
        n = self.child._num_rows()
        return n is not None and self.buffer_size >= n and self.child._plannable()

    def _plan(self, run):
        ids, fetch = self.child._plan(run)
        return ids[self._rng(run).permutation(len(ids))], fetch

    def _stream(self, run):
        """MindSpore's buffer shuffle: fill the buffer, then emit a random buffered row for every row read."""
        rng = self._rng(run)
        buffer = []
        for row in self.child._rows(run):
            if len(buffer) < self.buffer_size:
                buffer.append(row)
                continue
            j = int(rng.integers(len(buffer)))
            buffer[j], row = row, buffer[j]
            yield row
        for j in rng.permutation(len(buffer)):
            yield buffer[j]

    def is_shuffled(self):
        return True


class RepeatDataset(_OneChild):
    def __init__(self, input_dataset, count=None):
        super().__init__(input_dataset)
        self.count = -1 if count is None else count

    def _num_rows(self):
        n = self.child._num_rows()
        return None if n is None else (n if self.count == -1 else n * self.count)

    def _plannable(self):
        return self.count != -1 and self.child._plannable()

    def _plan(self, run):
        plans = [self.child._plan(run) for _ in range(self.count)]
        return np.concatenate([ids for ids, _ in plans]), plans[0][1]

    def _stream(self, run):
        r = 0
        while self.count == -1 or r < self.count:
            rows = 0
            for row in self.child._rows(run):
                rows += 1
                yield row
            if not rows and self.count == -1:
                return  # an empty dataset repeated without end has no rows, rather than a hang
            r += 1


class SkipDataset(_OneChild):
    def __init__(self, input_dataset, count):
        super().__init__(input_dataset)
        self.count = count

    def _num_rows(self):
        n = self.child._num_rows()
        return None if n is None else max(0, n - self.count)

    def _plannable(self):
        return self.child._plannable()

    def _plan(self, run):
        ids, fetch = self.child._plan(run)
        return ids[self.count:], fetch

    def _stream(self, run):
        for i, row in enumerate(self.child._rows(run)):
            if i >= self.count:
                yield row


class TakeDataset(_OneChild):
    def __init__(self, input_dataset, count=-1):
        super().__init__(input_dataset)
        self.count = count

    def _num_rows(self):
        n = self.child._num_rows()
        return None if n is None else (n if self.count == -1 else min(n, self.count))

    def _plannable(self):
        return self.child._plannable()

    def _plan(self, run):
        ids, fetch = self.child._plan(run)
        return (ids if self.count == -1 else ids[:self.count]), fetch

    def _stream(self, run):
        if self.count == -1:
            yield from self.child._rows(run)
            return
        if self.count == 0:
            return
        for i, row in enumerate(self.child._rows(run)):
            yield row
            if i + 1 >= self.count:
                return


class _ColumnSelect(_OneChild):
    """A step that only picks, orders or renames columns."""

    def _select(self):
        raise NotImplementedError

    def _plannable(self):
        return self.child._plannable()

    def _plan(self, run):
        idx = self._select()
        ids, fetch = self.child._plan(run)
        return ids, lambda ids: _pick(fetch(ids), idx)

    def _stream(self, run):
        idx = self._select()
        for row in self.child._rows(run):
            yield _pick(row, idx)


def _pick(row, idx):
    return row if idx is None else [row[i] for i in idx]


class ProjectDataset(_ColumnSelect):
    def __init__(self, input_dataset, columns):
        super().__init__(input_dataset)
        self.columns = to_list(columns)

    def _select(self):
        names = self.child._col_names()
        for c in self.columns:
            if c not in names:
                raise pipeline_error(f"Invalid column, column name: {c} does not exist.")
        return [names.index(c) for c in self.columns]

    def _col_names(self):
        self._select()
        return list(self.columns)


class RenameDataset(_ColumnSelect):
    def __init__(self, input_dataset, input_columns, output_columns):
        super().__init__(input_dataset)
        self.input_columns, self.output_columns = to_list(input_columns), to_list(output_columns)

    def _select(self):
        return None

    def _col_names(self):
        names = list(self.child._col_names())
        for old, new in _zip(self.input_columns, self.output_columns):
            if old not in names:
                raise pipeline_error("Invalid column, column to be renamed does not exist.")
            names[names.index(old)] = new
        return names


class ZipDataset(UnionBaseDataset):
    def __init__(self, datasets):
        super().__init__(list(datasets))

    def _col_names(self):
        names = []
        for child in self.children:
            for c in child._col_names():
                if c in names:
                    raise pipeline_error(f"Invalid data, duplicate column {c} already exists when zipping datasets.")
                names.append(c)
        return names

    def _num_rows(self):
        sizes = [child._num_rows() for child in self.children]
        return None if None in sizes else min(sizes)

    def _stream(self, run):
        for rows in _zip(*[child._rows(run) for child in self.children]):
            yield [a for row in rows for a in row]


class ConcatDataset(UnionBaseDataset):
    def __init__(self, datasets):
        super().__init__(datasets)
        self._shards, self._interleave = None, False

    def _col_names(self):
        names = self.children[0]._col_names()
        for child in self.children[1:]:
            if child._col_names() != names:
                raise pipeline_error("Invalid columns, 'column name' or 'column order' of concat datasets should be "
                                     "the same.")
        return names

    def _sizes(self):
        return [child.get_dataset_size() for child in self.children]

    def _offsets(self):
        """Where each child starts in the sharded count: the rows of the random-access children before it
        (MindSpore counts an iterated source as 0), modulo the shards."""
        offsets, total = [], 0
        for child, size in _zip(self.children, self._sizes()):
            offsets.append(total)
            iterated = hasattr(child, "_random_access") and not child._random_access()  # an iterated source
            total = (total + (0 if iterated else size)) % self._shards[0]
        return offsets

    def _num_rows(self):
        sizes = [child._num_rows() for child in self.children]
        if None in sizes:
            return None
        if self._shards is None:
            return sum(sizes)
        n, shard = self._shards
        return sum(len(range((shard - offset) % n, size, n)) for offset, size in _zip(self._offsets(), sizes))

    def _stream(self, run):
        if self._shards is not None:
            n, shard = self._shards
            for child, offset in _zip(self.children, self._offsets()):
                for j, row in enumerate(child._rows(run)):
                    if (offset + j) % n == shard:
                        yield row
        elif self._interleave:
            rng, rows = run.rng(self), [child._rows(run) for child in self.children]
            left = np.array(self._sizes(), np.float64)
            while left.sum() > 0:
                k = int(rng.choice(len(left), p=left / left.sum()))
                left[k] -= 1
                row = next(rows[k], None)
                if row is not None:
                    yield row
        else:
            for child in self.children:
                yield from child._rows(run)

    def use_sampler(self, sampler):
        """A DistributedSampler (without shuffle) shards the concatenated rows (row ``i`` to shard
        ``i % num_shards``); a RandomSampler interleaves the children's rows at random, each child keeping its
        order (MindSpore's random order comes from its own generator)."""
        if not isinstance(sampler, (samplers.DistributedSampler, samplers.RandomSampler)):
            raise TypeError(f"The parameter {sampler} of concat must be DistributedSampler or RandomSampler!")
        self.dataset_size = None
        if isinstance(sampler, samplers.RandomSampler):
            if sampler.replacement:
                raise ValueError("The parameter replacement of RandomSampler must be False!")
            if sampler.get_num_samples() is not None:
                raise ValueError("The parameter num_samples of RandomSampler is not support to be set!")
            for node in walk(self):
                if isinstance(node, ConcatDataset):
                    node._interleave = True
            return
        if sampler.is_shuffled():
            raise ValueError("The parameter shuffle of DistributedSampler must be False!")
        if sampler.get_num_samples() is not None:
            raise ValueError("The parameter num_samples of DistributedSampler is not support to be set!")
        for child in self.children:
            if isinstance(child, (BatchDataset, BucketBatchDataset)):
                raise TypeError(f"The parameter {child} of concat must not be BatchDataset or PaddedBatchDataset!")
        self._shards = (sampler.num_shards, sampler.shard_id)


def zip(datasets):  # noqa: A001 - MindSpore's name
    """Zip a tuple of datasets: the columns of all, row by row, as long as the shortest."""
    type_check(datasets, (tuple,), "datasets")
    if len(datasets) <= 1:
        raise ValueError("Can't zip empty or just one dataset!")
    for dataset in datasets:
        if not isinstance(dataset, Dataset):
            raise TypeError(f"Invalid dataset, expected Dataset object, but got {type(dataset)}!")
    return ZipDataset(datasets)
