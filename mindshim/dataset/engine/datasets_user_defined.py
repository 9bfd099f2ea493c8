"""``GeneratorDataset`` and ``NumpySlicesDataset``: datasets over Python data.

A source with ``__getitem__`` (and ``__len__``) is read at the row ids a sampler picks (shuffled by default, as
in MindSpore); any other source is iterated (an iterable, or a callable returning an iterator, called again
every epoch). Values become numpy arrays as MindSpore makes them: Python ints Int64, floats Float64, Tensors by
value. ``NumpySlicesDataset`` turns each column into one numpy array where its rows share a shape and dtype, so
its batches are slices of that array.
"""
import builtins

import numpy as np

from ...common import dtype as mstype
from ..core.validator_helpers import (
    check_columns,
    check_dataset_num_shards_shard_id,
    type_check,
    validate_dataset_param_value,
)
from . import samplers
from ._pipeline import python_error, to_list
from .datasets import MappableDataset, UnionBaseDataset


def _convert_row(row):
    """A source's row as a tuple of numpy arrays (MindSpore's ``_convert_row``)."""
    if isinstance(row, (int, float, str, bytes, np.ndarray, np.number, np.bool_, dict)) or hasattr(row, "asnumpy"):
        items, single = [row], True
    else:
        items, single = list(row), False
    out = []
    for i, x in enumerate(items, 1):
        if hasattr(x, "asnumpy"):
            out.append(x.asnumpy())
            continue
        if isinstance(x, dict):  # a Python object in the column, as it is (see ``iterators``)
            out.append(x)
            continue
        item = np.asarray(x)
        if item.dtype == object:
            raise TypeError("Data type of the input or its converted Numpy array is expected to be int or float or "
                            f"str, but got {item.dtype}." if single else
                            f"Data type of {i}th item of the input or its converted Numpy array is expected to be int "
                            f"or float or str, but got {item.dtype}.")
        out.append(item)
    return out


class GeneratorDataset(MappableDataset, UnionBaseDataset):
    """A dataset over a Python source (random-access, iterable or generator function)."""

    def __init__(self, source, column_names=None, column_types=None, schema=None, num_samples=None,
                 num_parallel_workers=1, shuffle=None, sampler=None, num_shards=None, shard_id=None,
                 python_multiprocessing=True, max_rowsize=None, batch_sampler=None, collate_fn=None):
        if not callable(source):
            try:
                iter(source)
            except TypeError as exc:
                raise TypeError("Input `source` function of GeneratorDataset should be callable, iterable or random"
                                " accessible, commonly it should implement one of the method like yield, __getitem__ or"
                                " __next__(__iter__).") from exc
        if column_names is not None:
            check_columns(column_names, "column_names")
        if column_names is None and schema is None:
            raise ValueError("Neither columns_names nor schema are provided.")
        if schema is not None:
            raise NotImplementedError("mindspore.dataset.GeneratorDataset with a schema is not supported by mindshim "
                                      "yet")
        if batch_sampler is not None or collate_fn is not None:
            raise NotImplementedError("mindspore.dataset.GeneratorDataset with batch_sampler/collate_fn is not "
                                      "supported by mindshim yet")
        params = dict(max_rowsize=max_rowsize, num_samples=num_samples, num_parallel_workers=num_parallel_workers,
                      num_shards=num_shards, shard_id=shard_id, column_types=column_types, shuffle=shuffle,
                      python_multiprocessing=python_multiprocessing)
        validate_dataset_param_value(["max_rowsize", "num_samples", "num_parallel_workers", "num_shards", "shard_id"],
                                     params, int)
        validate_dataset_param_value(["column_types"], params, list)
        validate_dataset_param_value(["shuffle", "python_multiprocessing"], params, bool)
        check_dataset_num_shards_shard_id(num_shards, shard_id)
        if sampler is not None:
            if isinstance(sampler, samplers.PKSampler):
                raise ValueError("GeneratorDataset doesn't support PKSampler.")
            if not isinstance(sampler, samplers.BuiltinSampler):
                try:
                    iter(sampler)
                except TypeError as exc:
                    raise TypeError("sampler should be either iterable or from mindspore.dataset.samplers.") from exc
        if not hasattr(source, "__getitem__"):
            if sampler is not None:
                raise ValueError("sampler is not supported if source does not have attribute '__getitem__'.")
            if num_shards is not None:
                raise ValueError("num_shards is not supported if source does not have attribute '__getitem__'.")
        super().__init__(num_parallel_workers=num_parallel_workers, sampler=sampler, num_samples=num_samples,
                         shuffle=shuffle, num_shards=num_shards, shard_id=shard_id)
        if isinstance(source, builtins.zip):
            source = list(source)  # a zip iterates once; MindSpore keeps its items
        self.source = source
        self.column_names = to_list(column_names)
        self.column_types = [mstype.to_mstype(t) for t in column_types] if column_types else []
        self.python_multiprocessing = python_multiprocessing
        self.source_len = len(source) if hasattr(source, "__len__") else -1

    def _random_access(self):
        return hasattr(self.source, "__getitem__")

    def _source_len(self):
        if self.source_len == -1:
            raise RuntimeError("Attempt to construct a random access dataset, '__len__' method is required!")
        return self.source_len

    def _col_names(self):
        return list(self.column_names)

    def _num_rows(self):
        if self._random_access():
            return super()._num_rows()
        if self.source_len == -1:
            return None
        return min(self.source_len, self.num_samples) if self.num_samples else self.source_len

    def _arrays(self):
        return self.source.arrays if isinstance(self.source, _NumpySlices) else None

    def _plannable(self):
        return self._random_access() and super()._plannable()

    def _check(self, row):
        if len(row) != len(self.column_names):
            raise python_error("Invalid Python function, the 'source' of 'GeneratorDataset' should return same number "
                               "of NumPy arrays as specified in column_names, the size of column_names is:"
                               f"{len(self.column_names)} and number of returned NumPy array is:{len(row)}")
        for value, expected in zip(row, self.column_types):
            if value.dtype != expected.np_dtype:
                raise python_error("Invalid Python function, type of returned data in 'GeneratorDataset' should be "
                                   "same with specified column_types, but the type of returned data: "
                                   f"{type(value)}, specified column type: {str(expected).lower()}")
        return row

    def _read(self, get, where):
        try:
            return _convert_row(get())
        except Exception as exc:  # noqa: BLE001 - reported as MindSpore reports user errors
            raise python_error(f"GeneratorDataset: the source failed on {where} (columns {self.column_names}):",
                               exc) from exc

    def _stream(self, run):
        if self._random_access():
            for i in self._ids(run):
                yield self._check(self._read(lambda: self.source[i], f"sample {i}"))
            return
        it = iter(self.source() if callable(self.source) and not hasattr(self.source, "__iter__") else self.source)
        n = 0
        while not self.num_samples or n < self.num_samples:
            try:
                row = next(it)
            except StopIteration:
                return
            except Exception as exc:  # noqa: BLE001
                raise python_error(f"GeneratorDataset: the source failed producing row {n} (columns "
                                   f"{self.column_names}):", exc) from exc
            yield self._check(self._read(lambda: row, f"row {n}"))
            n += 1

    def is_shuffled(self):
        return self._random_access() and self.sampler.is_shuffled()

    def is_sharded(self):
        return self._random_access() and self.sampler.is_sharded()

    def split(self, sizes, randomize=True):
        if self._random_access():
            return super().split(sizes, randomize)
        return super(MappableDataset, self).split(sizes, randomize)


class _NumpySlices:
    """The rows of NumpySlicesDataset's data: column ``i`` of row ``k`` is ``columns[i][k]``.

    ``arrays`` holds every column as one array when all columns allow it (rows of one shape and dtype), else None.
    """

    def __init__(self, data, column_names=None):
        names = None
        if isinstance(data, dict):
            if hasattr(next(iter(data.values())), "values"):
                data = {k: v.values for k, v in data.items()}  # pandas columns
            names = list(data.keys())
            data = tuple(v if isinstance(v, np.ndarray) else list(v) for v in data.values())
        self.columns = data if isinstance(data, tuple) else (data,)
        lengths = [len(c) for c in self.columns]
        if lengths[1:] != lengths[:-1]:
            raise ValueError("Data length in each column is not equal.")
        self.column_list = to_list(column_names) or names or [f"column_{i}" for i in range(len(self.columns))]
        arrays = [_as_array(c) for c in self.columns]
        self.arrays = None if any(a is None for a in arrays) else arrays

    def __getitem__(self, index):
        return tuple(c[index] for c in self.columns)

    def __len__(self):
        return len(self.columns[0])


def _as_array(column):
    """A column as one array if every row converts to the same shape and dtype (exactly as row by row)."""
    if isinstance(column, np.ndarray):
        return column if column.dtype != object else None
    rows = [np.asarray(v) for v in column]
    if not rows or any(r.dtype == object or r.dtype != rows[0].dtype or r.shape != rows[0].shape for r in rows):
        return None
    return np.stack(rows)


class NumpySlicesDataset(GeneratorDataset):
    """Rows sliced from Python data along its first axis: a list (one column), a tuple of columns, or a dict
    from column name to column."""

    def __init__(self, data, column_names=None, num_samples=None, num_parallel_workers=1, shuffle=None, sampler=None,
                 num_shards=None, shard_id=None):
        type_check(data, (list, tuple, dict, np.ndarray), "data")
        if len(data) == 0:
            raise ValueError("Argument data cannot be empty")
        if isinstance(data, tuple):
            type_check(data[0], (list, np.ndarray), "data[0]")
        if column_names is not None:
            check_columns(column_names, "column_names")
            given = 1 if isinstance(column_names, str) else len(column_names)
            if isinstance(data, (dict, tuple)) and given != len(data):
                raise ValueError(f"Num of input column names is {given}, but required is {len(data)}.")
            if not isinstance(data, (dict, tuple)) and given != 1:
                raise ValueError(f"Num of input column names is {given}, but required is 1 as data is list.")
        source = _NumpySlices(data, column_names)
        super().__init__(source, column_names=source.column_list, num_samples=num_samples,
                         num_parallel_workers=num_parallel_workers, shuffle=shuffle, sampler=sampler,
                         num_shards=num_shards, shard_id=shard_id)


class _PaddedSamples:
    """The rows of PaddedDataset: each sample's values, in the first sample's key order."""

    def __init__(self, padded_samples):
        self.column_names = list(padded_samples[0].keys())
        self.padded_samples = padded_samples

    def __getitem__(self, item):
        return tuple(self.padded_samples[item][key] for key in self.column_names)

    def __len__(self):
        return len(self.padded_samples)


class PaddedDataset(GeneratorDataset):
    """A dataset of the given samples (dicts from column name to value), in order; used to pad a dataset so it
    splits evenly into shards."""

    def __init__(self, padded_samples):
        if not padded_samples:
            raise ValueError("padded_samples cannot be empty.")
        type_check(padded_samples, (list,), "padded_samples")
        type_check(padded_samples[0], (dict,), "padded_element")
        source = _PaddedSamples(padded_samples)
        super().__init__(source, column_names=source.column_names, shuffle=False)
        self.padded_samples = padded_samples
