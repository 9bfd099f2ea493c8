"""Golden cases for MindRecord files: ``mindrecord.FileWriter``/``FileReader`` and ``dataset.MindDataset``.

``read_mindspore_file`` reads ``tests/data/mindrecord/written_by_mindspore.mindrecord``, which real MindSpore 2.10
wrote (``tools/make_dataset_fixtures.py --mindrecord``, run where MindSpore is installed): mindshim must read
MindSpore's files as MindSpore does. The other cases write with the framework under test and read back.
"""
import os
import tempfile

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MINDSPORE_FILE = os.path.join(ROOT, "data", "mindrecord", "written_by_mindspore.mindrecord")

SCHEMA = {"file_name": {"type": "string"}, "label": {"type": "int32"}, "count": {"type": "int64"},
          "score": {"type": "float32"}, "weight": {"type": "float64"}, "image": {"type": "bytes"},
          "ids": {"type": "int64", "shape": [-1]}, "mask": {"type": "int32", "shape": [2, -1]},
          "box": {"type": "float32", "shape": [2, 2]}}


def rows(n=120):
    """Rows that fill several 32 KiB pages, with integers of every width in the int arrays (none empty: MindSpore
    2.10's MindDataset gives an uninitialized scalar for an empty array)."""
    rng = np.random.RandomState(7)
    return [{"file_name": f"img_{i}.jpg", "label": i % 10, "count": (-1) ** i * 7 ** (i % 23), "score": 0.25 * i,
             "weight": 1.0 / (i + 3), "image": rng.randint(0, 256, 50 + 7 * i).astype(np.uint8).tobytes(),
             "ids": (np.arange(1 + i % 9) * (-130) ** (i % 5)).astype(np.int64),
             "mask": (rng.randint(-40000, 40000, (2, 1 + i % 4))).astype(np.int32),
             "box": rng.rand(2, 2).astype(np.float32)} for i in range(n)]


def write(ms, path, data, index=None, batches=3):
    writer = ms.mindrecord.FileWriter(file_name=path, shard_num=1, overwrite=True)
    writer.set_header_size(1 << 14)
    writer.set_page_size(1 << 15)
    writer.add_schema(SCHEMA, "golden")
    if index:
        writer.add_index(index)
    step = (len(data) + batches - 1) // batches
    for k in range(0, len(data), step):
        writer.write_raw_data(data[k:k + step])
    writer.commit()


def _plain(value):
    if isinstance(value, np.ndarray):
        if value.dtype.kind == "S":
            return {"bytes": [list(v) for v in value.tolist()], "dtype": "bytes", "shape": list(value.shape)}
        return {"value": value.tolist(), "dtype": str(value.dtype), "shape": list(value.shape)}
    return list(value) if isinstance(value, bytes) else value


def read(ms, path, **kwargs):
    dataset = ms.dataset.MindDataset(path, shuffle=False, **kwargs)
    out = {"columns": dataset.get_col_names(), "size": dataset.get_dataset_size(),
           "rows": [[_plain(v) for v in row] for row in dataset.create_tuple_iterator(output_numpy=True)]}
    out["reader"] = [{k: _plain(v) for k, v in r.items()} for r in ms.mindrecord.FileReader(path).get_next()][:5]
    return out


def case_read_mindspore_file(ms):
    return read(ms, MINDSPORE_FILE)


def case_write_and_read(ms):
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "rows.mindrecord")
        write(ms, path, rows())
        return read(ms, path)


def case_write_index_and_columns(ms):
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "rows.mindrecord")
        write(ms, path, rows(12), index=["file_name", "label"], batches=12)
        out = read(ms, path, columns_list=["mask", "label", "image"])
        batches = ms.dataset.MindDataset(path, columns_list=["label", "box"], shuffle=False).batch(5)
        out["batches"] = [[_plain(v) for v in b] for b in batches.create_tuple_iterator(output_numpy=True)]
        return out


def case_write_without_scalars_or_blobs(ms):
    with tempfile.TemporaryDirectory() as folder:
        out = {}
        for name, schema, data in (("blobs", {"img": {"type": "bytes"}}, [{"img": b"abc"}, {"img": b"de"}]),
                                   ("scalars", {"name": {"type": "string"}, "x": {"type": "float32"}},
                                    [{"name": "a", "x": 0.1}, {"name": "b", "x": 2.5}])):
            path = os.path.join(folder, f"{name}.mindrecord")
            writer = ms.mindrecord.FileWriter(file_name=path, shard_num=1, overwrite=True)
            writer.add_schema(schema, "s")
            writer.write_raw_data(data)
            writer.commit()
            out[name] = read(ms, path)
        return out


def case_write_rows_that_do_not_fit(ms):
    with tempfile.TemporaryDirectory() as folder:
        writer = ms.mindrecord.FileWriter(file_name=os.path.join(folder, "bad.mindrecord"), shard_num=1,
                                          overwrite=True)
        writer.add_schema({"a": {"type": "int32"}, "v": {"type": "float32", "shape": [-1, 2]}}, "s")
        return writer.write_raw_data([{"a": 1.5, "v": np.ones((2, 2), np.float32)},
                                      {"a": 1, "v": np.ones((3,), np.float32)},
                                      {"a": 1, "v": np.ones((2, 2), np.float64)}])


def case_bad_schema_type(ms):
    with tempfile.TemporaryDirectory() as folder:
        writer = ms.mindrecord.FileWriter(file_name=os.path.join(folder, "bad.mindrecord"), shard_num=1)
        return writer.add_schema({"a": {"type": "int16"}}, "s")


def case_read_missing_file(ms):
    return ms.dataset.MindDataset(os.path.join(tempfile.gettempdir(), "no_such_dir", "missing.mindrecord"))


SAVED = {"a": np.arange(4, dtype=np.int32), "b": np.arange(8, dtype=np.float32).reshape(4, 2),
         "c": np.arange(4, dtype=np.int64) - 2 ** 40, "d": np.arange(4, dtype=np.float64) / 3,
         "img": np.arange(12, dtype=np.uint8).reshape(4, 3), "i8": np.arange(4, dtype=np.int8),
         "m": np.ones((4, 2, 3), np.int32), "s": np.array(["x", "yy", "z", "w"]),
         "u16": np.arange(4, dtype=np.uint16), "u32": np.arange(4, dtype=np.uint32),
         "f16": np.arange(4, dtype=np.float16), "flag": np.array([1, 0, 1, 1]) > 0}


def case_dataset_save(ms):
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "saved.mindrecord")
        ms.dataset.NumpySlicesDataset(SAVED, shuffle=False).save(path)
        return read(ms, path)


def case_dataset_save_existing_file(ms):
    path = os.path.join(tempfile.gettempdir(), "mindshim_golden_existing.mindrecord")
    with open(path, "w"):
        pass
    try:
        return ms.dataset.NumpySlicesDataset({"x": np.arange(3)}, shuffle=False).save(path)
    finally:
        os.remove(path)
