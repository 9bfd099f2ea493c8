"""Golden cases for ``mindspore.dataset``: sources, pipeline operations, iterators, transforms and their errors.

Pipelines here are deterministic (no shuffle), so MindSpore's rows, dtypes, shapes, sizes and column names are
recorded as they are. A pipeline error is recorded as its type and MindSpore's ``[ERROR]`` line (the first line
of every pipeline error is the same headline). Images are summarised (sums, corners) to keep the goldens small.

Left out, where MindSpore 2.10 itself misbehaves on CPU: OneHot with smoothing on 1-D labels (every entry comes
out as the off value), OneHot of a negative label (the process aborts), Resize of bool images (garbage).
"""
import functools
import os
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
MNIST = os.path.join(HERE, "..", "data", "mnist")
RNG = np.random.RandomState(7)
IMG_U8 = RNG.randint(0, 256, (5, 7, 3)).astype(np.uint8)
IMG_F32 = (RNG.rand(6, 5, 3) * 100).astype(np.float32)
IMG_GRAY = RNG.randint(0, 256, (9, 6)).astype(np.uint8)
IMAGES = RNG.randint(0, 256, (6, 4, 5, 3)).astype(np.uint8)
LABELS = np.arange(6, dtype=np.int32) % 4
TABLE = {"a": np.arange(7), "b": np.arange(14, dtype=np.float32).reshape(7, 2), "c": -np.arange(7, dtype=np.int32)}


@functools.lru_cache(maxsize=None)
def _cifar10_dir():
    """A CIFAR-10 folder with one test_batch.bin of 10000 records (MindSpore reads no other size), its bytes a
    fixed pattern; written once per machine to the temp folder."""
    folder = os.path.join(tempfile.gettempdir(), "mindshim_goldens_cifar10_v1")
    path = os.path.join(folder, "test_batch.bin")
    if not os.path.exists(path):
        os.makedirs(folder, exist_ok=True)
        i = np.arange(10000)
        records = ((i * 7) % 256).astype(np.uint8)[:, None] + ((np.arange(3073) * 13) % 256).astype(np.uint8)[None]
        records[:, 0] = i % 10
        tmp = path + f".{os.getpid()}"
        records.tofile(tmp)
        os.replace(tmp, path)
    return folder


def _slices(ms, data=None, **kw):
    return ms.dataset.NumpySlicesDataset(TABLE if data is None else data, shuffle=False, **kw)


def _rows(dataset, **kw):
    return [list(row) for row in dataset.create_tuple_iterator(**kw)]


def _error(fn):
    """The error ``fn`` raises: its type and MindSpore's ``[ERROR]`` line (else its first line). Class names
    are shown under MindSpore's package name (mindshim's classes live in ``mindshim``), and this folder as
    ``<HERE>``."""
    try:
        fn()
    except Exception as e:  # noqa: BLE001 - the error is the result
        # Paths of this checkout vary by machine: shown as <HERE>.
        lines = str(e).replace("<class 'mindshim.", "<class 'mindspore.").replace(HERE, "<HERE>").split("\n")
        return [type(e).__name__, next((line for line in lines if line.startswith("[ERROR]")), lines[0])]
    return "no error"


def _summary(rows):
    """Image rows (numpy) as dtype, shape, sum and a corner, labels as they are."""
    out = []
    for row in rows:
        out.append([[str(a.dtype), list(a.shape), int(a.astype(np.int64).sum()), a.reshape(-1)[:5].tolist()]
                    if a.ndim >= 2 else a for a in row])
    return out


# ---- NumpySlicesDataset ------------------------------------------------------------------------------
def case_slices_python_lists(ms):
    ds = ms.dataset
    out = {}
    for name, data in (("ints", [1, 2, 3]), ("floats", [1.0, 2.5]), ("bools", [True, False]),
                       ("nested", [[1, 2], [3, 4]]), ("mixed_rows", [[1, 2], [1.5, 2.0]])):
        d = ds.NumpySlicesDataset(data, shuffle=False)
        out[name] = [d.get_col_names(), d.get_dataset_size(), _rows(d)]
    return out


def case_slices_dict_tuple_arrays(ms):
    ds = ms.dataset
    d1 = ds.NumpySlicesDataset({"x": [1, 2], "y": [1.5, 2.5]}, shuffle=False)
    d2 = ds.NumpySlicesDataset(([1, 2], np.array([[1, 2], [3, 4]], np.int8)), column_names=["p", "q"], shuffle=False)
    d3 = ds.NumpySlicesDataset(np.arange(6, dtype=np.int32).reshape(3, 2), shuffle=False)
    d4 = ds.NumpySlicesDataset([np.arange(3), np.arange(3) + 10], shuffle=False)
    return [[d.get_col_names(), d.get_dataset_size(), _rows(d)] for d in (d1, d2, d3, d4)]


def case_slices_batch(ms):
    d = functools.partial(_slices, ms)  # MindSpore iterates only trees: a fresh source for every pipeline
    return {"rows": _rows(d().batch(3)), "drop": _rows(d().batch(3, drop_remainder=True)),
            "sizes": [d().batch(3).get_dataset_size(), d().batch(3, True).get_dataset_size(),
                      d().batch(7).get_dataset_size()]}


def case_slices_numpy_output(ms):
    d = _slices(ms).batch(4)
    return _rows(d, output_numpy=True)


def case_slices_num_samples(ms):
    d = ms.dataset.NumpySlicesDataset(np.arange(10), shuffle=False, num_samples=4)
    return [d.get_dataset_size(), _rows(d)]


def case_slices_shards(ms):
    out = []
    for shards in (3, 4):
        for shard in range(shards):
            d = ms.dataset.NumpySlicesDataset(np.arange(10), shuffle=False, num_shards=shards, shard_id=shard)
            out.append([d.get_dataset_size(), [int(r[0].asnumpy()) for r in d]])
    d = ms.dataset.NumpySlicesDataset(np.arange(10), shuffle=False, num_shards=3, shard_id=1, num_samples=2)
    out.append([d.get_dataset_size(), [int(r[0].asnumpy()) for r in d]])
    return out


def case_slices_strings(ms):
    d = ms.dataset.NumpySlicesDataset(["a", "bc", "d"], shuffle=False)
    return [[r[0].tolist() for r in d.create_tuple_iterator(output_numpy=True)],
            [r[0].tolist() for r in d.batch(2).create_tuple_iterator(output_numpy=True)]]


# ---- GeneratorDataset ------------------------------------------------------------------------------
def _gen_values():
    for i in range(4):
        yield i, float(i) / 2, np.float16(i), np.array([i, -i], np.int8), i % 2 == 0


def case_generator_function(ms):
    d = ms.dataset.GeneratorDataset(_gen_values, ["i", "f", "h", "v", "b"])
    return [d.get_col_names(), d.get_dataset_size(), _rows(d), _rows(d.batch(3))]


class _RandomAccess:
    def __init__(self, n):
        self.n = n

    def __getitem__(self, i):
        return np.full((2,), i, np.float32), np.int64(i * 10)

    def __len__(self):
        return self.n


class _Iterable:
    def __iter__(self):
        return iter([np.array([1.5]), np.array([2.5]), np.array([3.5])])


def case_generator_sources(ms):
    ds = ms.dataset
    ra = ds.GeneratorDataset(_RandomAccess(5), ["x", "y"], shuffle=False)
    it = ds.GeneratorDataset(_Iterable(), "z")
    lst = ds.GeneratorDataset([3, 1, 2], ["w"], shuffle=False)
    single = ds.GeneratorDataset(lambda: iter(range(3)), "s")
    return [[d.get_col_names(), d.get_dataset_size(), _rows(d)] for d in (ra, it, lst, single)] + [_rows(ra.batch(2))]


def case_generator_num_samples(ms):
    ds = ms.dataset
    d = ds.GeneratorDataset(lambda: iter(range(10)), ["x"], num_samples=4)
    ra = ds.GeneratorDataset(_RandomAccess(6), ["x", "y"], shuffle=False, num_samples=3)
    return [d.get_dataset_size(), _rows(d), ra.get_dataset_size(), _rows(ra)]


def case_generator_column_types(ms):
    def gen():
        for i in range(2):
            yield (np.array([i], np.float32),)
    return _rows(ms.dataset.GeneratorDataset(gen, ["x"], column_types=[ms.float32]))


def case_generator_shards(ms):
    return [[int(r[1].asnumpy()) for r in ms.dataset.GeneratorDataset(_RandomAccess(7), ["x", "y"], shuffle=False,
                                                                       num_shards=2, shard_id=k)] for k in (0, 1)]


# ---- pipeline operations ---------------------------------------------------------------------------
def case_map_columns(ms):
    def d():
        return _slices(ms)
    out = {}
    steps = {
        "default_first": d().map(lambda x: x * 2),
        "two_out": d().map(lambda a: (a, a + 1), input_columns="a", output_columns=["x", "y"]),
        "two_in_one_out": d().map(lambda b, a: b.sum() + a, input_columns=["b", "a"], output_columns=["p"]),
        "swap": d().map(lambda c, a: (c, a), input_columns=["c", "a"], output_columns=["c", "a"]),
        "rename_in_place": d().map(lambda c: c, input_columns=["c"], output_columns=["c2"]),
        "chain": d().map([lambda a: (a, a * 2), lambda x, y: x + y], input_columns="a"),
        "py_float": d().map(lambda a: 3.5, input_columns="a"),
        "tensor_out": d().map(lambda a: ms.Tensor(a, ms.float32), input_columns="a"),
    }
    for name, step in steps.items():
        out[name] = [step.get_col_names(), _rows(step.take(2))]
    return out


def case_map_then_batch(ms):
    vision, transforms = ms.dataset.vision, ms.dataset.transforms
    d = ms.dataset.NumpySlicesDataset({"image": IMAGES, "label": LABELS}, shuffle=False)
    d = d.map([vision.Rescale(1.0 / 255, -0.5), vision.Normalize([0.5, 0.25, 0.125], [0.5, 0.5, 2.0]),
               vision.HWC2CHW()], "image")
    d = d.map(transforms.OneHot(4), "label").map(transforms.TypeCast(ms.float32), "label")
    return [d.get_dataset_size(), _rows(d.batch(4))]


def case_map_pyfunc_then_batch(ms):
    d = ms.dataset.NumpySlicesDataset({"image": IMAGES, "label": LABELS}, shuffle=False)
    d = d.map(lambda img: (img.astype(np.float32) / 255).transpose(2, 0, 1), "image").batch(4, drop_remainder=True)
    return _rows(d)


def case_repeat_take_skip(ms):
    def d():
        return _slices(ms).project("a")
    cases = {"repeat_batch": d().repeat(2).batch(3), "batch_repeat": d().batch(3).repeat(2), "take": d().take(3),
             "take_all": d().take(-1), "take_more": d().take(20), "skip": d().skip(5), "skip_all": d().skip(9),
             "skip_take": d().skip(2).take(3), "take_after_batch": d().batch(2).take(2),
             "repeat_take": d().repeat(3).take(9)}
    return {name: [step.get_dataset_size(), [[int(v) for v in r[0].reshape(-1)] for r in
                                             step.create_tuple_iterator(output_numpy=True)]]
            for name, step in cases.items()}


def case_sizes(ms):
    def d():
        return _slices(ms)
    return [d().get_dataset_size(), d().repeat(3).get_dataset_size(), d().batch(2).repeat(2).get_dataset_size(),
            d().repeat(2).batch(3).get_dataset_size(), d().shuffle(4).get_dataset_size(),
            d().repeat().get_dataset_size(), d().get_batch_size(), d().batch(3).get_batch_size(),
            d().batch(3).repeat(2).get_repeat_count(), d().get_repeat_count(),
            d().repeat(4).map(lambda x: x, "a").get_repeat_count()]


def case_output_shapes_types(ms):
    d = _slices(ms).batch(3)
    return [d.output_shapes(), [str(t) for t in d.output_types()]]


def case_project_rename(ms):
    p = _slices(ms).project(["c", "a"])
    r = _slices(ms).rename(["a", "c"], ["A", "C"])
    return [p.get_col_names(), _rows(p.take(2)), r.get_col_names(), _rows(r.take(1)),
            _slices(ms).project("b").get_col_names()]


def case_zip(ms):
    ds = ms.dataset
    z1 = ds.zip((_slices(ms).project("a"), _slices(ms).project(["c", "b"]).take(3)))
    z2 = _slices(ms).project("a").zip(ds.NumpySlicesDataset({"e": [5, 6]}, shuffle=False))
    return [z1.get_col_names(), z1.get_dataset_size(), _rows(z1), z2.get_col_names(), _rows(z2)]


def case_concat(ms):
    c = _slices(ms).take(2) + _slices(ms).skip(5)
    d = _slices(ms).take(2).concat([_slices(ms).skip(5), _slices(ms).take(1)])
    return [c.get_dataset_size(), _rows(c), d.get_dataset_size(), _rows(d)]


def case_split(ms):
    d = _slices(ms).project("a")
    ints = d.split([2, 5], randomize=False)
    floats = d.split([0.3, 0.7], randomize=False)
    nonmappable = d.batch(1).split([3, 4], randomize=False)
    return [[s.get_dataset_size() for s in ints + floats + nonmappable]] + \
        [[int(r[0].asnumpy().reshape(-1)[0]) for r in s] for s in ints + floats + nonmappable]


def case_filter(ms):
    d = _slices(ms).filter(lambda a: a % 3 != 0, ["a"])
    return [d.get_dataset_size(), _rows(d.project("a"))]


def case_per_batch_map(ms):
    def add_index(a, b, info):
        return [x + info.get_batch_num() for x in a], [y * 2 for y in b]
    d = _slices(ms).batch(3, input_columns=["a", "b"], per_batch_map=add_index)
    return [d.get_col_names(), _rows(d)]


def case_batch_size_callable(ms):
    d = _slices(ms).project("a").batch(lambda info: info.get_batch_num() + 1)
    return [[r[0].asnumpy().tolist() for r in d]]


# ---- iterators ---------------------------------------------------------------------------------------
def case_iterators(ms):
    d = _slices(ms).take(2)
    dict_rows = list(d.create_dict_iterator())
    cols = _rows(d, columns=["c", "a"])
    numpy_dict = [{k: v.tolist() for k, v in row.items()} for row in d.create_dict_iterator(output_numpy=True)]
    return [dict_rows, cols, numpy_dict, [type(r).__name__ for r in d]]


def case_iterator_epochs(ms):
    d = _slices(ms).project("a").take(3)
    it = d.create_tuple_iterator(num_epochs=2)
    epochs = [[int(r[0].asnumpy()) for r in it] for _ in range(2)]
    return [epochs, _error(lambda: next(it))]


def case_iterator_endless(ms):
    d = _slices(ms).project("a").take(2)
    it = d.create_tuple_iterator()
    return [[[int(r[0].asnumpy()) for r in it] for _ in range(3)]]


# ---- MNIST and CIFAR-10 ------------------------------------------------------------------------------
def case_mnist_usage(ms):
    out = {}
    for usage in (None, "train", "test", "all"):
        d = ms.dataset.MnistDataset(MNIST, usage=usage, shuffle=False)
        out[str(usage)] = [d.get_col_names(), d.get_dataset_size(),
                           _summary(d.create_tuple_iterator(output_numpy=True))]
    return out


def case_mnist_tensors(ms):
    d = ms.dataset.MnistDataset(MNIST, usage="test", shuffle=False)
    image, label = next(iter(d))
    return [str(image.dtype), list(image.shape), str(label.dtype), list(label.shape), label]


def case_mnist_samplers(ms):
    ds = ms.dataset

    def labels(d):
        return [int(r[1]) for r in d.create_tuple_iterator(output_numpy=True)]
    return [labels(ds.MnistDataset(MNIST, num_samples=3, shuffle=False)),
            labels(ds.MnistDataset(MNIST, num_shards=2, shard_id=1, shuffle=False)),
            labels(ds.MnistDataset(MNIST, sampler=ds.SequentialSampler(2, 3))),
            labels(ds.MnistDataset(MNIST, sampler=[4, 1, 1])),
            labels(ds.MnistDataset(MNIST, sampler=ds.DistributedSampler(4, 3, shuffle=False))),
            ds.MnistDataset(MNIST, num_shards=4, shard_id=0, shuffle=False).get_dataset_size()]


def case_mnist_pipeline(ms):
    vision, transforms = ms.dataset.vision, ms.dataset.transforms
    d = ms.dataset.MnistDataset(MNIST, usage="train", shuffle=False)
    d = d.map([vision.Resize((14, 14)), vision.Rescale(1.0 / 255, 0.0), vision.Normalize([0.1307], [0.3081]),
               vision.HWC2CHW()], "image")
    d = d.map(transforms.TypeCast(ms.int32), "label").batch(4)
    rows = list(d.create_tuple_iterator(output_numpy=True))
    return [d.get_dataset_size(), [str(a.dtype) for a in rows[0]], [list(a.shape) for a in rows[0]],
            [[round(float(r[0].sum()), 2), r[0][0, 0, 3, :4], r[1]] for r in rows]]


def case_cifar10(ms):
    def d():
        return ms.dataset.Cifar10Dataset(_cifar10_dir(), usage="test", shuffle=False)
    first = list(d().take(3).create_tuple_iterator(output_numpy=True))
    batch = next(iter(d().map(ms.dataset.vision.HWC2CHW(), "image").batch(2)))
    return [d().get_col_names(), d().get_dataset_size(), _summary(first), str(batch[0].dtype), list(batch[0].shape),
            batch[0][1, 2, 31, 28:], batch[1]]


def case_cifar10_shard_take(ms):
    d = ms.dataset.Cifar10Dataset(_cifar10_dir(), num_shards=1000, shard_id=3, shuffle=False)
    return [d.get_dataset_size(), [int(r[1]) for r in d.create_tuple_iterator(output_numpy=True)]]


# ---- transforms called on arrays ---------------------------------------------------------------------
def case_vision_eager(ms):
    v = ms.dataset.vision
    return {
        "rescale_u8": v.Rescale(1.0 / 255, -0.5)(IMG_U8),
        "rescale_f32": v.Rescale(2.0, 1.0)(IMG_F32),
        "normalize_hwc": v.Normalize([10.0, 20.0, 30.0], [2.0, 4.0, 8.0])(IMG_U8),
        "normalize_chw": v.Normalize([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], [1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
                                     is_hwc=False)(IMG_F32),
        "normalize_gray": v.Normalize([100.0], [50.0])(IMG_GRAY),
        "hwc2chw": v.HWC2CHW()(IMG_U8),
        "hwc2chw_gray": v.HWC2CHW()(IMG_GRAY),
        "hflip": v.RandomHorizontalFlip(1.0)(IMG_U8),
        "hflip_never": v.RandomHorizontalFlip(0.0)(IMG_U8),
        "vflip": v.RandomVerticalFlip(1.0)(IMG_GRAY),
    }


def case_resize(ms):
    v = ms.dataset.vision
    return {
        "up_u8": v.Resize((9, 13))(IMG_U8), "down_u8": v.Resize((3, 4))(IMG_U8), "half_gray": v.Resize((3, 3))(
            IMG_GRAY[:6]), "up_f32": v.Resize((10, 7))(IMG_F32), "gray": v.Resize((4, 11))(IMG_GRAY),
        "short_side": v.Resize(4)(IMG_U8), "short_side_tall": v.Resize(4)(IMG_GRAY),
        "nearest": v.Resize((8, 9), v.Inter.NEAREST)(IMG_U8), "f64": v.Resize((7, 4))(IMG_F32.astype(np.float64)),
        "u16": v.Resize((7, 9))(IMG_U8.astype(np.uint16) * 200),
    }


def case_random_crop_deterministic(ms):
    v = ms.dataset.vision
    img = IMG_U8[:3, :4]
    return {
        "constant": v.RandomCrop((5, 6), padding=1, fill_value=7)(img),
        "per_channel": v.RandomCrop((5, 7), padding=[1, 2, 2, 0], fill_value=(1, 2, 3))(img),
        "two_pads": v.RandomCrop((5, 8), padding=(2, 1))(img),
        "edge": v.RandomCrop((7, 6), padding=[1, 2], padding_mode=v.Border.EDGE)(img),
        "reflect": v.RandomCrop((5, 6), padding=1, padding_mode=v.Border.REFLECT)(img),
        "symmetric": v.RandomCrop((7, 8), padding=2, padding_mode=v.Border.SYMMETRIC)(img),
        "whole": v.RandomCrop((3, 4))(img),
        "gray": v.RandomCrop((11, 8), padding=1, fill_value=255)(IMG_GRAY),
    }


def case_general_transforms_eager(ms):
    t = ms.dataset.transforms
    return {
        "typecast": [t.TypeCast(ms.int32)(np.array([1.7, -1.7, 2.5])), t.TypeCast(ms.uint8)(np.array([300, -1])),
                     t.TypeCast(np.float16)(np.array([1.7])), t.TypeCast(ms.bool_)(np.array([0, 2]))],
        "onehot": [t.OneHot(4)(np.array([0, 3, 1])), t.OneHot(4)(np.array([1], np.uint8)), t.OneHot(5)(2),
                   t.OneHot(4, 0.2)(np.array(2)), t.OneHot(3)(np.array([[1], [2]], np.int32))],
        "fill": [t.Fill(3)(np.array([1.5, 2.0])), t.Fill(3.7)(np.array([1, 2])),
                 t.Fill(300)(np.array([1, 2], np.uint8)), t.Fill(True)(np.array([1.5]))],
        "duplicate": list(t.Duplicate()(np.array([1, 2]))),
        "compose": t.Compose([ms.dataset.vision.Rescale(2.0, 0.0), ms.dataset.vision.HWC2CHW()])(IMG_U8[:2, :2]),
        "compose_pyfunc": t.Compose([lambda x: x + 1, ms.dataset.vision.HWC2CHW()])(IMG_U8[:2, :2]),
    }


def case_random_transforms_in_map(ms):
    """Random transforms with deterministic settings, through map and batch."""
    v = ms.dataset.vision
    d = ms.dataset.NumpySlicesDataset({"image": IMAGES, "label": LABELS}, shuffle=False)
    d = d.map([v.RandomCrop((6, 7), padding=1), v.RandomHorizontalFlip(1.0), v.RandomVerticalFlip(0.0)], "image")
    return _rows(d.batch(3), output_numpy=True)


# ---- errors ------------------------------------------------------------------------------------------
def case_err_pipeline_columns(ms):
    ds = ms.dataset
    return {
        "project": _error(lambda: list(_slices(ms).project(["zz"]))),
        "project_names": _error(lambda: _slices(ms).project(["zz"]).get_col_names()),
        "map": _error(lambda: list(_slices(ms).map(lambda x: x, input_columns=["zz"]))),
        "rename": _error(lambda: list(_slices(ms).rename(["zz"], ["y"]))),
        "iterator_columns": _error(lambda: list(_slices(ms).create_tuple_iterator(columns=["zz"]))),
        "concat": _error(lambda: list(_slices(ms).concat(_slices(ms).project("a")))),
        "map_outputs": _error(lambda: list(_slices(ms).map(lambda a: (a, a), input_columns="a"))),
        "map_outputs2": _error(lambda: list(_slices(ms).map(lambda a: a, input_columns="a",
                                                            output_columns=["p", "q"]))),
        "zip_same": _error(lambda: list(ds.zip((_slices(ms).project("a"), _slices(ms).project(["b", "a"]))))),
    }


def case_err_pipeline_data(ms):
    ds, t, v = ms.dataset, ms.dataset.transforms, ms.dataset.vision
    strings = ds.NumpySlicesDataset(["a", "b"], shuffle=False)

    def ragged():
        for i in range(1, 4):
            yield (np.zeros(i),)
    return {
        "batch_shapes": _error(lambda: list(ds.GeneratorDataset(ragged, ["x"]).batch(2))),
        "typecast_string": _error(lambda: list(strings.map(t.TypeCast(ms.float32)))),
        "onehot_float": _error(lambda: list(_slices(ms).map(t.OneHot(3), input_columns="b"))),
        "onehot_range": _error(lambda: list(_slices(ms).map(t.OneHot(3), input_columns="a"))),
        "normalize_rank": _error(lambda: list(_slices(ms).map(v.Normalize([0.5], [0.5]), input_columns="a"))),
        "resize_rank": _error(lambda: list(_slices(ms).map(v.Resize((2, 2)), input_columns="b"))),
        "crop_too_big": _error(lambda: list(ds.NumpySlicesDataset(np.zeros((2, 4, 4, 3), np.uint8),
                                                                   shuffle=False).map(v.RandomCrop(8)))),
        "flip_rank": _error(lambda: list(_slices(ms).map(v.RandomHorizontalFlip(1.0), input_columns="b"))),
        "eager_normalize": _error(lambda: v.Normalize([0.5], [0.5])(np.arange(4.0))),
        "eager_hwc2chw": _error(lambda: v.HWC2CHW()(np.zeros((1, 2, 2, 1)))),
        "eager_channels": _error(lambda: v.Normalize([1.0, 2.0], [1.0, 1.0])(IMG_F32)),
        "eager_typecast": _error(lambda: t.TypeCast(ms.float32)(np.array(["a"]))),
        "eager_onehot_rank": _error(lambda: t.OneHot(4)(np.array([[1, 2], [0, 3]]))),
        "eager_fill": _error(lambda: t.Fill("x")(np.array([1]))),
        "eager_vision_list": _error(lambda: v.HWC2CHW()([[1, 2], [3, 4]])),
        "eager_resize_int64": _error(lambda: v.Resize((2, 2))(np.zeros((3, 3), np.int64))),
        "eager_flip_int64": _error(lambda: v.RandomHorizontalFlip(1.0)(np.zeros((3, 3), np.int64))),
    }


def case_err_generator(ms):
    ds = ms.dataset

    def failing():
        for i in range(5):
            if i == 3:
                raise ValueError(f"bad sample {i}")
            yield (np.array([i]),)

    def two_values():
        for i in range(3):
            yield 1, 2

    def objects():
        for _ in range(2):
            yield (object(),)
    seen = []

    def consume():
        for row in ds.GeneratorDataset(failing, ["x"]):
            seen.append(int(row[0].asnumpy()[0]))
    return {"mid_epoch": _error(consume), "rows_before_error": seen,
            "columns": _error(lambda: list(ds.GeneratorDataset(two_values, ["x"]))),
            "object": _error(lambda: list(ds.GeneratorDataset(objects, ["x"]))),
            "map_pyfunc": _error(lambda: list(_slices(ms).map(lambda a: 1 / 0 if a > 2 else a, "a")))}


def case_err_arguments(ms):
    ds = ms.dataset
    d = _slices(ms)
    return {
        "take0": _error(lambda: d.take(0)), "shuffle1": _error(lambda: d.shuffle(1)),
        "batch0": _error(lambda: d.batch(0)), "batch_type": _error(lambda: d.batch(2.5)),
        "repeat0": _error(lambda: d.repeat(0)), "skip_neg": _error(lambda: d.skip(-1)),
        "drop_type": _error(lambda: d.batch(2, drop_remainder=1)),
        "split_sum": _error(lambda: d.split([3, 3])), "split_float": _error(lambda: d.split([0.5, 0.6])),
        "split_mixed": _error(lambda: d.split([0.5, 3])),
        "zip_one": _error(lambda: ds.zip((d,))), "zip_list": _error(lambda: ds.zip([1, 2])),
        "project_empty": _error(lambda: d.project([])), "rename_count": _error(lambda: d.rename(["a", "b"], ["x"])),
        "map_class": _error(lambda: d.map(ms.dataset.vision.HWC2CHW)),
        "map_not_callable": _error(lambda: d.map(3)),
        "slices_empty": _error(lambda: ds.NumpySlicesDataset([])),
        "slices_names": _error(lambda: ds.NumpySlicesDataset(([1], [2]), column_names=["a"])),
        "slices_list_names": _error(lambda: ds.NumpySlicesDataset([1, 2], column_names=["a", "b"])),
        "shard_only": _error(lambda: ds.NumpySlicesDataset([1, 2], num_shards=2)),
        "shard_range": _error(lambda: ds.NumpySlicesDataset([1, 2], num_shards=2, shard_id=2)),
        "generator_names": _error(lambda: ds.GeneratorDataset(lambda: iter([1]))),
        "generator_source": _error(lambda: ds.GeneratorDataset(5, ["x"])),
        "generator_shard_iterable": _error(lambda: ds.GeneratorDataset(_Iterable(), ["x"], num_shards=2, shard_id=0)),
        "mnist_dir": _error(lambda: ds.MnistDataset("/nonexistent/mindshim")),
        "mnist_usage": _error(lambda: ds.MnistDataset(MNIST, usage="val")),
        "mnist_shard_only": _error(lambda: ds.MnistDataset(MNIST, num_shards=2)),
        "mnist_shard_range": _error(lambda: ds.MnistDataset(MNIST, num_shards=2, shard_id=3)),
        "mnist_sampler_shuffle": _error(lambda: ds.MnistDataset(MNIST, sampler=ds.SequentialSampler(), shuffle=False)),
        "mnist_no_files": _error(lambda: list(ds.MnistDataset(HERE))),
        "cifar_no_files": _error(lambda: list(ds.Cifar10Dataset(HERE))),
        "cifar_train_missing": _error(lambda: list(ds.Cifar10Dataset(_cifar10_dir(), usage="train"))),
        "iterator_epochs": _error(lambda: d.create_tuple_iterator(num_epochs=-2)),
        "normalize_std": _error(lambda: ms.dataset.vision.Normalize([1.0], [0.0])),
        "normalize_mean": _error(lambda: ms.dataset.vision.Normalize([300.0], [1.0])),
        "normalize_len": _error(lambda: ms.dataset.vision.Normalize([1.0, 2.0], [1.0])),
        "resize_size": _error(lambda: ms.dataset.vision.Resize(0)),
        "resize_len": _error(lambda: ms.dataset.vision.Resize((1, 2, 3))),
        "resize_inter": _error(lambda: ms.dataset.vision.Resize(2, "linear")),
        "onehot_classes": _error(lambda: ms.dataset.transforms.OneHot(0)),
        "onehot_smoothing": _error(lambda: ms.dataset.transforms.OneHot(3, 2.0)),
        "flip_prob": _error(lambda: ms.dataset.vision.RandomHorizontalFlip(2.0)),
        "crop_size": _error(lambda: ms.dataset.vision.RandomCrop(0)),
        "crop_padding": _error(lambda: ms.dataset.vision.RandomCrop(2, padding=[1, 2, 3])),
        "crop_fill": _error(lambda: ms.dataset.vision.RandomCrop(2, fill_value=(1, 2))),
        "rescale_type": _error(lambda: ms.dataset.vision.Rescale("a", 0.0)),
        "compose_empty": _error(lambda: ms.dataset.transforms.Compose([])),
        "config_seed": _error(lambda: ds.config.set_seed(-1)),
        "config_prefetch": _error(lambda: ds.config.set_prefetch_size(0)),
    }


def case_config(ms):
    ds = ms.dataset
    old = ds.config.get_prefetch_size()
    ds.config.set_prefetch_size(4)
    size = ds.config.get_prefetch_size()
    ds.config.set_prefetch_size(old)
    ds.config.set_seed(123)
    return [size, ds.config.get_seed()]


def case_debug_mode_hooks(ms):
    """Debug mode's hooks around each map transform (the default PrintMetaDataHook, then PrintDataHook with a
    hook of the user's among the operations), captured from stdout."""
    import contextlib
    import io
    ds = ms.dataset
    debug = __import__(ds.__name__ + ".debug", fromlist=["DebugHook"])

    class ShapeHook(debug.DebugHook):
        def compute(self, *args):
            print("shapes", [a.shape for a in args[0]])
            return args
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            ds.config.set_debug_mode(True)
            data = ds.NumpySlicesDataset({"img": np.ones((2, 8, 8, 3), np.uint8)}, shuffle=False)
            data = data.map(operations=[ds.vision.Resize((4, 4)), ds.vision.HWC2CHW()], input_columns=["img"])
            shapes = [row[0].shape for row in data.create_tuple_iterator(output_numpy=True)]
            ds.config.set_debug_mode(True, debug_hook_list=[debug.PrintDataHook()])
            data = ds.NumpySlicesDataset({"x": np.arange(2)}, shuffle=False).map(
                operations=[lambda x: x + 1, ShapeHook(), lambda x: x * 2], input_columns=["x"])
            values = [int(row[0]) for row in data.create_tuple_iterator(output_numpy=True)]
    finally:
        ds.config.set_debug_mode(False)
    return {"shapes": [list(s) for s in shapes], "values": values, "printed": out.getvalue().splitlines()}
