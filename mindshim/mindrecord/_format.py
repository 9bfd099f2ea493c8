"""MindSpore's MindRecord file format, read and written as MindSpore 2.10 does (its files load in mindshim and
mindshim's in MindSpore).

A shard file is a header then pages. The header region (``header_size`` bytes, 16 MiB by default) starts with
the header's length (8 bytes, little-endian) and the header as JSON: the schema, the index fields and the list
of pages. Page ``k`` starts at ``header_size + k * page_size`` (32 MiB by default; the file ends where the last
page's data ends). A row is two records, each its length (8 bytes, little-endian) then its bytes: in a
``RAW_DATA`` page, the row's scalar fields as a MessagePack map (keys sorted); in a ``BLOB_DATA`` page, its
array and ``bytes`` fields (the schema's ``blob_fields``, sorted by name), each preceded by its length (8 bytes,
big-endian) unless it is the only one. Int32/Int64 arrays are stored narrowed: their element count (4 bytes,
big-endian), 2 bits per element saying its width (1, 2, 4 or 8 bytes), then each element little-endian in that
width. A SQLite file beside the shard (``<file>.db``) indexes the rows: where each row's two records lie, and the
values of the index fields.
"""
import contextlib
import json
import os
import sqlite3
import weakref

import msgpack
import numpy as np

HEADER_SIZE = 1 << 24
PAGE_SIZE = 1 << 25
VERSION = "3.0"
NUMERIC = {"int32": np.int32, "int64": np.int64, "float32": np.float32, "float64": np.float64}
TYPES = (*NUMERIC, "string", "bytes")
_SQL_TYPES = {"string": "TEXT", "int32": "INTEGER", "int64": "INTEGER", "float32": "REAL", "float64": "REAL"}
_INT_WIDTHS = (np.int8, np.int16, np.int32, np.int64)


class MRMInvalidSchemaError(Exception):
    """MindSpore's error for a schema it cannot write."""

    def __init__(self, detail):
        super().__init__(f"[MRMInvalidSchemaError]: Schema format is error. Detail: {detail}")


def check_schema(schema):
    """Raise MindSpore's error for a schema with an unknown type or a bad shape."""
    if not isinstance(schema, dict) or not schema:
        raise MRMInvalidSchemaError("Schema must be a non-empty dict.")
    for name, field in schema.items():
        if not isinstance(field, dict) or "type" not in field:
            raise MRMInvalidSchemaError(f"Field '{name}' should have attribute 'type'.")
        if field["type"] not in TYPES:
            raise MRMInvalidSchemaError(f"Field '{name}' contain illegal attribute '{field['type']}'.")
        if "shape" in field:
            shape = field["shape"]
            if field["type"] not in NUMERIC or not isinstance(shape, list) or not shape or \
                    not all(isinstance(d, int) and (d > 0 or d == -1) for d in shape) or shape.count(-1) > 1:
                raise MRMInvalidSchemaError(f"Field '{name}' contain illegal attribute 'shape'.")


def blob_fields(schema):
    """The fields stored in blob pages: arrays and bytes, by name."""
    return sorted(name for name, field in schema.items() if "shape" in field or field["type"] == "bytes")


def valid_row(row, schema):
    """Whether ``row`` has every field of ``schema`` with a value of its type (other keys are ignored)."""
    for name, field in schema.items():
        if name not in row:
            return False
        value, kind = row[name], field["type"]
        if "shape" in field:
            if not isinstance(value, np.ndarray) or value.dtype != NUMERIC[kind] or value.ndim != len(field["shape"]) \
                    or any(d != -1 and d != n for d, n in zip(field["shape"], value.shape)):
                return False
        elif kind == "string":
            if not isinstance(value, str):
                return False
        elif kind == "bytes":
            if not isinstance(value, bytes):
                return False
        elif kind.startswith("int"):
            if not isinstance(value, (int, np.integer)) or isinstance(value, bool):
                return False
        elif not isinstance(value, (float, int, np.floating, np.integer)) or isinstance(value, bool):
            return False
    return True


def compress_ints(array):
    """An integer array in MindRecord's narrowed form."""
    values = np.asarray(array, np.int64).ravel()
    codes = np.full(values.shape, 3, np.uint8)
    for code in (2, 1, 0):
        info = np.iinfo(_INT_WIDTHS[code])
        codes[(values >= info.min) & (values <= info.max)] = code
    n = len(values)
    bitmap = np.zeros((n + 3) // 4, np.uint8)
    np.bitwise_or.at(bitmap, np.arange(n) // 4, (codes << (2 * (3 - np.arange(n) % 4))).astype(np.uint8))
    sizes = 1 << codes.astype(np.int64)
    starts = np.cumsum(sizes) - sizes
    data = np.zeros(int(sizes.sum()), np.uint8)
    for code in range(4):
        idx = np.nonzero(codes == code)[0]
        size = 1 << code
        data[starts[idx, None] + np.arange(size)] = values[idx].astype(f"<i{size}").view(np.uint8).reshape(-1, size)
    return n.to_bytes(4, "big") + bitmap.tobytes() + data.tobytes()


def uncompress_ints(data, dtype):
    """The integer array of ``dtype`` stored in narrowed form in ``data``."""
    n = int.from_bytes(data[:4], "big")
    bitmap = np.frombuffer(data, np.uint8, (n + 3) // 4, 4)
    codes = (bitmap[np.arange(n) // 4] >> (2 * (3 - np.arange(n) % 4))) & 3
    sizes = 1 << codes.astype(np.int64)
    starts = np.cumsum(sizes) - sizes
    raw = np.frombuffer(data, np.uint8, int(sizes.sum()), 4 + len(bitmap))
    out = np.empty(n, dtype)
    for code in range(4):
        idx = np.nonzero(codes == code)[0]
        size = 1 << code
        out[idx] = raw[starts[idx, None] + np.arange(size)].copy().view(f"<i{size}").ravel()
    return out


def _column_bytes(value, field):
    if field["type"] == "bytes":
        return value
    if field["type"].startswith("int"):
        return compress_ints(value)
    return np.ascontiguousarray(value).astype(f"<{np.dtype(NUMERIC[field['type']]).str[1:]}").tobytes()


def encode_blob(row, schema, fields):
    """The blob record of ``row``: its blob fields, each but a lone one preceded by its length."""
    if not fields:
        return b"\0\0\0\0"  # what MindSpore stores for a schema without blob fields
    columns = [_column_bytes(row[name], schema[name]) for name in fields]
    if len(columns) == 1:
        return columns[0]
    return b"".join(len(c).to_bytes(8, "big") + c for c in columns)


def decode_blob(data, schema, fields):
    """The blob fields of one row, as MindSpore's reader gives them (arrays shaped by the schema; bytes as is)."""
    out, pos = {}, 0
    for name in fields:
        if len(fields) == 1:
            column = data
        else:
            size = int.from_bytes(data[pos:pos + 8], "big")
            column, pos = data[pos + 8:pos + 8 + size], pos + 8 + size
        field = schema[name]
        if field["type"] == "bytes":
            out[name] = bytes(column)
            continue
        dtype = NUMERIC[field["type"]]
        array = uncompress_ints(column, dtype) if field["type"].startswith("int") else \
            np.frombuffer(column, np.dtype(dtype).newbyteorder("<")).astype(dtype)
        out[name] = array.reshape(field["shape"])
    return out


def encode_raw(row, schema, fields):
    """The raw record of ``row``: its scalar fields as a MessagePack map, keys sorted (``{"id": 0}`` where the
    schema has none, as MindSpore writes it)."""
    def plain(value, kind):
        return float(value) if kind.startswith("float") else int(value) if kind.startswith("int") else value
    scalars = {name: plain(row[name], schema[name]["type"]) for name in sorted(schema) if name not in fields}
    return msgpack.packb(scalars or {"id": 0})


class PageWriter:
    """A shard's pages as rows come: each row's blob record goes to the current blob page and its raw record to the
    current raw page, a new page (the next page id) starting where a record does not fit, as MindSpore fills them;
    pages are written at their places in ``file`` as they fill, the last ones at :meth:`finish`."""

    def __init__(self, file, header_size, page_size):
        self.file, self.header_size, self.page_size = file, header_size, page_size
        self.pages, self.current = [], {}
        self.index = []  # per row: (raw page id, raw start, raw end, row group, blob page id, blob start, blob end)
        self.rows = 0

    def _page(self, kind, size):
        page = self.current.get(kind)
        if page is None or (page["used"] and page["used"] + size > self.page_size):
            if page is not None:
                self._flush(page)
            type_id = sum(p["page_type"] == kind for p in self.pages)
            page = {"page_id": len(self.pages), "page_type": kind, "page_type_id": type_id, "data": bytearray(),
                    "used": 0, "start_row_id": self.rows, "end_row_id": self.rows, "row_group_ids": []}
            self.pages.append(page)
            self.current[kind] = page
        return page

    def _flush(self, page):
        self.file.seek(self.header_size + page["page_id"] * self.page_size)
        self.file.write(page["data"])
        page["data"] = bytearray()

    def add(self, blobs, raws):
        """Add rows: every row's blob record first, then every row's raw record (MindSpore's order per write)."""
        places = []
        for blob in blobs:
            record = len(blob).to_bytes(8, "little") + blob
            page = self._page("BLOB_DATA", len(record))
            if not page["row_group_ids"]:
                page["row_group_ids"].append({"id": 0, "offset": 0})
            places.append((page["page_id"], page["page_type_id"], page["used"], page["used"] + len(record)))
            page["data"] += record
            page["used"] += len(record)
            self.rows += 1
            page["end_row_id"] = self.rows
        for raw, (blob_page, group, blob_start, blob_end) in zip(raws, places):
            record = len(raw).to_bytes(8, "little") + raw
            page = self._page("RAW_DATA", len(record))
            page["start_row_id"] = page["end_row_id"] = 0  # as MindSpore records raw pages
            if not page["row_group_ids"] or page["row_group_ids"][-1]["id"] != group:
                page["row_group_ids"].append({"id": group, "offset": page["used"]})
            self.index.append((page["page_id"], page["used"], page["used"] + len(record), group, blob_page,
                               blob_start, blob_end))
            page["data"] += record
            page["used"] += len(record)

    def finish(self):
        """Write the pages not written yet; the pages' entries of the header."""
        for page in self.current.values():
            self._flush(page)
        keys = ("end_row_id", "page_id", "page_size", "page_type", "page_type_id", "row_group_ids", "shard_id",
                "start_row_id")
        return [{k: (p["used"] if k == "page_size" else 0 if k == "shard_id" else p[k]) for k in keys}
                for p in self.pages]


def write_header(file, header):
    data = json.dumps(header, separators=(",", ":")).encode()
    if len(data) + 8 > header["header_size"]:
        raise RuntimeError(f"The header of the mindrecord file takes {len(data) + 8} bytes, more than its "
                           f"header_size {header['header_size']}: set a larger one with 'set_header_size'.")
    file.seek(0)
    file.write(len(data).to_bytes(8, "little") + data)


def write_index(path, shard_name, schema, index_fields, rows, index):
    """The SQLite index beside the shard: where each row lies and its index fields' values."""
    if os.path.exists(path):
        os.remove(path)
    columns = "".join(f",INC_{k} INT, {name}_0 {_SQL_TYPES[schema[name]['type']]}" for k, name in
                      enumerate(index_fields))
    keys = "".join(f",INC_{k}" for k in range(len(index_fields)))
    with contextlib.closing(sqlite3.connect(path)) as db, db:
        db.execute("CREATE TABLE INDEXES(  ROW_ID               INT  NOT NULL, PAGE_ID_RAW          INT  NOT NULL, "
                   "PAGE_OFFSET_RAW      INT  NOT NULL, PAGE_OFFSET_RAW_END  INT  NOT NULL, ROW_GROUP_ID         "
                   "INT  NOT NULL, PAGE_ID_BLOB         INT  NOT NULL, PAGE_OFFSET_BLOB     INT  NOT NULL, "
                   f"PAGE_OFFSET_BLOB_END INT  NOT NULL{columns}, PRIMARY KEY(ROW_ID{keys}));")
        db.execute("CREATE TABLE SHARD_NAME(NAME TEXT NOT NULL);")
        db.execute("INSERT INTO SHARD_NAME (NAME) VALUES (?);", (shard_name,))
        marks = ",".join("?" * (8 + 2 * len(index_fields)))
        db.executemany(f"INSERT INTO INDEXES VALUES ({marks});",
                       [(i, *where, *[v for name in index_fields for v in (0, _sql_value(row[name]))])
                        for i, (row, where) in enumerate(zip(rows, index))])


def _sql_value(value):
    return value.item() if isinstance(value, np.generic) else value


class Shard:
    """One shard file opened for reading: its header, and its rows' records through its index (read with
    ``os.pread``, so several readers may share it)."""

    def __init__(self, path):
        self.path, self.header = path, _read_header(path)
        self.schema = self.header["schema"][0]["schema"]
        self.blob_fields = self.header["schema"][0]["blob_fields"]
        with contextlib.closing(sqlite3.connect(f"file:{path}.db?mode=ro", uri=True)) as db:
            self.rows = db.execute("SELECT PAGE_ID_RAW, PAGE_OFFSET_RAW, PAGE_OFFSET_RAW_END, PAGE_ID_BLOB, "
                                   "PAGE_OFFSET_BLOB, PAGE_OFFSET_BLOB_END FROM INDEXES ORDER BY ROW_ID").fetchall()
        self._fd = os.open(path, os.O_RDONLY)
        weakref.finalize(self, os.close, self._fd)

    def _record(self, page, start, end):
        return os.pread(self._fd, end - start - 8,
                        self.header["header_size"] + page * self.header["page_size"] + start + 8)

    def read(self, i):
        """Row ``i`` as ``{field: value}``: scalars as MessagePack gives them, blob fields decoded."""
        raw_page, raw_start, raw_end, blob_page, blob_start, blob_end = self.rows[i]
        raw = msgpack.unpackb(self._record(raw_page, raw_start, raw_end))
        row = {k: v for k, v in raw.items() if k in self.schema}
        row.update(decode_blob(self._record(blob_page, blob_start, blob_end), self.schema, self.blob_fields))
        return row


def _read_header(path):
    if not os.path.isfile(path):
        raise ValueError(f"The file {os.path.abspath(path)} does not exist or permission denied!")
    with open(path, "rb") as f:
        size = int.from_bytes(f.read(8), "little")
        return json.loads(f.read(size))


def open_shards(files):
    """The shards of ``files``: a list of shard files, or one file with the others of its set (its header's
    ``shard_addresses``, beside it)."""
    if not isinstance(files, str):
        return [Shard(p) for p in files]
    first = Shard(files)
    folder = os.path.dirname(files)
    paths = [os.path.join(folder, os.path.basename(name)) for name in first.header["shard_addresses"]]
    return [first if os.path.basename(p) == os.path.basename(files) else Shard(p) for p in paths]
