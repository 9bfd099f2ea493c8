"""``mindspore.mindrecord.FileWriter``: writes a dataset as a MindRecord file (``_format``), readable by MindSpore's
``MindDataset``/``FileReader`` and by mindshim's."""
import logging
import os

from . import _format

logger = logging.getLogger("mindshim.mindrecord")


class FileWriter:
    """``FileWriter(file_name, shard_num=1, overwrite=False)``: ``add_schema``, optionally ``add_index``, then
    ``write_raw_data`` (lists of row dicts; rows that do not fit the schema are skipped with a warning, as in
    MindSpore) and ``commit``, which writes ``file_name`` and its index ``file_name.db``. One shard only
    (``shard_num > 1`` raises NotImplementedError)."""

    def __init__(self, file_name, shard_num=1, overwrite=False):
        if not isinstance(file_name, str):
            raise ValueError(f"Parameter file_name: {file_name} is not a str.")
        if not isinstance(shard_num, int) or isinstance(shard_num, bool) or not 1 <= shard_num <= 1000:
            raise ValueError("Parameter shard_num's type is not int or its value is not in [1, 1000].")
        if shard_num != 1:
            raise NotImplementedError("mindspore.mindrecord.FileWriter with shard_num > 1 is not supported by "
                                      "mindshim yet.")
        if not isinstance(overwrite, bool):
            raise TypeError(f"Parameter overwrite's type is not bool, but got {type(overwrite)}.")
        self._path = os.path.abspath(file_name)
        if overwrite:
            for path in (self._path, self._path + ".db"):
                if os.path.exists(path):
                    os.remove(path)
        self._schema = self._desc = self._blobs = None
        self._index_fields = None
        self._header_size, self._page_size = _format.HEADER_SIZE, _format.PAGE_SIZE
        self._file = self._pages = None
        self._rows = []  # the index fields' values of the rows written

    def add_schema(self, content, desc=None):
        """Set the schema (``{field: {"type": ..., "shape": [...]}}``)."""
        _format.check_schema(content)
        if self._schema is not None:
            raise NotImplementedError("mindspore.mindrecord.FileWriter with several schemas is not supported by "
                                      "mindshim yet.")
        self._schema, self._desc = {k: dict(v) for k, v in content.items()}, desc or ""
        self._blobs = _format.blob_fields(self._schema)

    def add_index(self, index_fields):
        """Index these scalar fields (by default: every scalar field)."""
        if not isinstance(index_fields, list) or not index_fields:
            raise ValueError(f"Parameter index_fields: {index_fields} is not a non-empty list.")
        for name in index_fields:
            if name not in (self._schema or {}) or name in self._blobs:
                raise ValueError(f"Invalid input, 'index_fields': {name} can not be found in the schema or is an "
                                 "array or bytes field.")
        self._index_fields = list(index_fields)

    def set_header_size(self, header_size):
        """The header region's size in bytes (a power of two from 16 KiB to 128 MiB)."""
        self._header_size = self._check_size("header_size", header_size)

    def set_page_size(self, page_size):
        """A page's size in bytes (a power of two from 32 KiB to 256 MiB)."""
        self._page_size = self._check_size("page_size", page_size, 1 << 15, 1 << 28)

    @staticmethod
    def _check_size(name, size, low=1 << 14, high=1 << 27):
        if not isinstance(size, int) or size & (size - 1) or not low <= size <= high:
            raise ValueError(f"Parameter {name} should be a power of 2 in [{low}, {high}], but got {size}.")
        return size

    def write_raw_data(self, raw_data, parallel_writer=False):
        """Append rows (a list of dicts); those that do not fit the schema are left out with a warning, and a
        call that leaves out every row raises MindSpore's RuntimeError."""
        if self._schema is None:
            raise RuntimeError("Schema is not added, please call 'add_schema' first.")
        if not isinstance(raw_data, list) or not all(isinstance(r, dict) for r in raw_data):
            raise ValueError("Parameter raw_data should be a list of dict.")
        rows = [r for r in raw_data if _format.valid_row(r, self._schema)]
        if len(rows) < len(raw_data):
            logger.warning("%d row(s) do not match the schema and are not written.", len(raw_data) - len(rows))
        if not rows:
            raise RuntimeError("There is no valid data which can be written by 'write_raw_data' to mindrecord file. "
                               "Please check the abnormal input data indicated in the warning log above.")
        self._page_writer().add([_format.encode_blob(r, self._schema, self._blobs) for r in rows],
                                [_format.encode_raw(r, self._schema, self._blobs) for r in rows])
        indexed = self._fields_indexed()
        self._rows.extend({name: r[name] for name in indexed} for r in rows)

    def _page_writer(self):
        """The pages being written, the file opened (until ``commit``) at the first use."""
        if self._file is None:
            self._file = open(self._path, "wb")  # noqa: SIM115 - closed by commit
            self._pages = _format.PageWriter(self._file, self._header_size, self._page_size)
        return self._pages

    def _fields_indexed(self):
        if self._index_fields is not None:
            return self._index_fields
        return sorted(name for name in self._schema if name not in self._blobs)

    def commit(self):
        """Write the header and the index: the file is complete."""
        if self._schema is None:
            raise RuntimeError("Schema is not added, please call 'add_schema' first.")
        pages = self._page_writer()
        try:
            header = {"header_size": self._header_size,
                      "index_fields": [{"index_field": name, "schema_id": 0} for name in self._fields_indexed()]
                      or None,
                      "page": pages.finish(), "page_size": self._page_size,
                      "compression_size": 0,
                      "schema": [{"blob_fields": self._blobs, "desc": self._desc, "schema": self._schema}],
                      "shard_addresses": [os.path.basename(self._path)], "shard_id": 0, "statistics": None,
                      "version": _format.VERSION}
            _format.write_header(self._file, header)
        finally:
            self._file.close()
        _format.write_index(self._path + ".db", os.path.basename(self._path), self._schema, self._fields_indexed(),
                            self._rows, pages.index)
