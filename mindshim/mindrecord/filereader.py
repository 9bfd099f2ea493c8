"""``mindspore.mindrecord.FileReader``: the rows of MindRecord files, as Python values."""
from . import _format


class FileReader:
    """``FileReader(file_name, num_consumer=4, columns=None, operator=None)``: ``get_next()`` yields each row as a
    dict (scalars as Python values, a float with an integral value as an int, as MindSpore's reader gives it;
    arrays as numpy arrays, bytes as bytes), shard after shard; ``close()``."""

    def __init__(self, file_name, num_consumer=4, columns=None, operator=None):
        self._shards = _format.open_shards(file_name)
        if columns is not None:
            if not isinstance(columns, list) or not all(c in self._shards[0].schema for c in columns):
                raise ValueError(f"Parameter columns: {columns} is invalid.")
        self._columns = columns

    def get_next(self):
        for shard in self._shards:
            for i in range(len(shard.rows)):
                row = {k: int(v) if isinstance(v, float) and v.is_integer() else v for k, v in shard.read(i).items()}
                yield row if self._columns is None else {c: row[c] for c in self._columns}

    def close(self):
        self._shards = []
