"""``MindDataset``: the rows of MindRecord files (``mindspore.mindrecord``)."""
import bisect

import numpy as np

from ...mindrecord import _format
from ..core.validator_helpers import check_sampler_shuffle_shard_options, validate_dataset_param_value
from ._pipeline import pipeline_error
from .datasets import MappableDataset, UnionBaseDataset


class MindDataset(MappableDataset, UnionBaseDataset):
    """Rows of MindRecord files: ``dataset_files`` is one file (with the other shards of its set) or a list of
    files. Columns are the schema's fields by name (or ``columns_list``): strings as 0-d text arrays, scalars as
    0-d arrays of their type, ``bytes`` as a 1-element bytes array, arrays shaped by the schema, as MindSpore
    gives them. Shuffled unless ``shuffle=False`` (mindshim's order, not MindSpore's). ``padded_sample`` is not
    supported."""

    def __init__(self, dataset_files, columns_list=None, num_parallel_workers=None, shuffle=None, num_shards=None,
                 shard_id=None, sampler=None, padded_sample=None, num_padded=None, num_samples=None, cache=None):
        params = dict(num_samples=num_samples, num_parallel_workers=num_parallel_workers, shuffle=shuffle,
                      sampler=sampler, num_shards=num_shards, shard_id=shard_id)
        validate_dataset_param_value(["num_samples", "num_parallel_workers", "num_shards", "shard_id"], params, int)
        check_sampler_shuffle_shard_options(params)
        if padded_sample is not None or num_padded is not None:
            raise NotImplementedError("mindspore.dataset.MindDataset with padded_sample/num_padded is not supported "
                                      "by mindshim yet.")
        super().__init__(num_parallel_workers=num_parallel_workers, sampler=sampler, num_samples=num_samples,
                         shuffle=shuffle, num_shards=num_shards, shard_id=shard_id, cache=cache)
        self._shards = _format.open_shards(dataset_files)
        self._schema = self._shards[0].schema
        names = sorted(self._schema)
        if columns_list is not None:
            for c in columns_list:
                if c not in self._schema:
                    raise ValueError(f"Invalid input, column name: {c} does not exist in the mindrecord schema.")
            names = list(columns_list)
        self._names = names
        self._starts = np.cumsum([0] + [len(s.rows) for s in self._shards]).tolist()

    def _col_names(self):
        return list(self._names)

    def _source_len(self):
        return self._starts[-1]

    def _row(self, i):
        k = bisect.bisect_right(self._starts, i) - 1
        row = self._shards[k].read(i - self._starts[k])
        return [self._column(row[name], self._schema[name]) for name in self._names]

    @staticmethod
    def _column(value, field):
        if "shape" in field:
            return value
        kind = field["type"]
        if kind == "bytes":
            return np.array([value])
        if kind == "string":
            return np.array(value)
        dtype = _format.NUMERIC[kind]
        if kind.startswith("int") and not np.iinfo(dtype).min <= value <= np.iinfo(dtype).max:
            raise pipeline_error(f"[Internal ERROR] column value: {value} is out of range.")
        return np.array(value, dtype)
