"""mindshim.dataset beyond the goldens: seeded randomness, sharding, the prefetch thread, errors raised in the
consumer, the whole-array fast path, and the file readers on fixtures MindSpore cannot read."""
import os
import shutil
import threading
import time

import numpy as np
import pytest

import mindshim as ms
import mindshim.dataset as ds
import mindshim.dataset.transforms as transforms
import mindshim.dataset.vision as vision

DATA = os.path.join(os.path.dirname(__file__), "data")
MNIST = os.path.join(DATA, "mnist")
CIFAR10 = os.path.join(DATA, "cifar10")


def _order(dataset, epochs=1):
    it = dataset.create_tuple_iterator(num_epochs=epochs, output_numpy=True)
    return [[r[0].reshape(-1).tolist() for r in it] for _ in range(epochs)]


def _pipeline_threads():
    return [t for t in threading.enumerate() if t.name == "mindshim-dataset"]


def _wait_no_threads():
    for _ in range(100):
        if not _pipeline_threads():
            return True
        time.sleep(0.02)
    return False


# ---- seeded randomness ---------------------------------------------------------------------------------
@pytest.mark.parametrize("make", [
    lambda: ds.NumpySlicesDataset(np.arange(20), shuffle=True),
    lambda: ds.NumpySlicesDataset(np.arange(20), shuffle=False).shuffle(5),
    lambda: ds.GeneratorDataset(lambda: iter(range(20)), ["x"]).shuffle(20),
    lambda: ds.MnistDataset(MNIST).project("label"),
], ids=["sampler", "buffer", "generator_buffer", "mnist"])
def test_shuffle_reproducible_and_reshuffled_each_epoch(make):
    ds.config.set_seed(11)
    first = _order(make(), epochs=3)
    ds.config.set_seed(11)
    assert _order(make(), epochs=3) == first
    assert first[0] != first[1] or first[1] != first[2]
    assert sorted(first[0]) == sorted(first[1])
    ds.config.set_seed(12)
    assert _order(make(), epochs=3) != first


def test_mindshim_set_seed_seeds_the_pipeline():
    ms.set_seed(5)
    a = _order(ds.NumpySlicesDataset(np.arange(30), shuffle=True))
    ms.set_seed(5)
    assert _order(ds.NumpySlicesDataset(np.arange(30), shuffle=True)) == a


def test_num_samples_with_shuffle_draws_with_replacement():
    ds.config.set_seed(1)
    rows = _order(ds.NumpySlicesDataset(np.arange(4), num_samples=40))[0]
    assert len(rows) == 40 and set(x for r in rows for x in r) <= {0, 1, 2, 3}


def test_shuffled_shards_are_disjoint_and_cover_the_data():
    seen = []
    for shard in range(3):
        d = ds.NumpySlicesDataset(np.arange(12), shuffle=True, num_shards=3, shard_id=shard)
        assert d.get_dataset_size() == 4
        seen += [x for r in _order(d)[0] for x in r]
    assert sorted(seen) == list(range(12))


def test_random_split_is_disjoint_and_fixed_across_epochs():
    ds.config.set_seed(3)
    for make in (lambda: ds.NumpySlicesDataset(np.arange(10), shuffle=False),
                 lambda: ds.GeneratorDataset(lambda: iter(range(10)), ["x"])):
        parts = make().split([0.6, 0.4])
        orders = [_order(p, epochs=2) for p in parts]
        assert [len(o[0]) for o in orders] == [6, 4]
        assert all(o[0] == o[1] for o in orders)
        assert sorted(x for o in orders for r in o[0] for x in r) == list(range(10))


def test_random_transforms_seeded():
    images = np.random.RandomState(0).randint(0, 255, (8, 6, 6, 3)).astype(np.uint8)

    def run():
        d = ds.NumpySlicesDataset(images, shuffle=False)
        d = d.map([vision.RandomCrop(4, padding=1), vision.RandomHorizontalFlip()])
        return [r[0] for r in d.create_tuple_iterator(output_numpy=True)]
    ds.config.set_seed(7)
    a = run()
    ds.config.set_seed(7)
    b = run()
    assert all(np.array_equal(x, y) for x, y in zip(a, b))
    assert all(x.shape == (4, 4, 3) for x in a)
    assert len({x.tobytes() for x in a}) == len(a)


def test_random_crop_is_a_window_of_the_padded_image():
    img = np.arange(5 * 6, dtype=np.uint8).reshape(5, 6)
    padded = np.pad(img, 2, constant_values=9)
    ds.config.set_seed(2)
    for _ in range(10):
        out = vision.RandomCrop((3, 4), padding=2, fill_value=9)(img)
        windows = [padded[i:i + 3, j:j + 4] for i in range(7) for j in range(7)]
        assert any(np.array_equal(out, w) for w in windows)


def test_random_flip_with_probability():
    ds.config.set_seed(4)
    img = np.arange(6, dtype=np.uint8).reshape(2, 3)
    d = ds.NumpySlicesDataset(np.stack([img] * 40), shuffle=False).map(vision.RandomHorizontalFlip())
    flips = [np.array_equal(r[0], img[:, ::-1]) for r in d.create_tuple_iterator(output_numpy=True)]
    assert 5 < sum(flips) < 35
    flip = vision.RandomHorizontalFlip()  # seeded, a direct call draws the same each time, as in MindSpore
    assert len({flip(img).tobytes() for _ in range(5)}) == 1


# ---- iterators and the prefetch thread ---------------------------------------------------------------
def test_iterators_give_tensors_or_numpy():
    d = ds.NumpySlicesDataset({"x": np.ones((4, 2), np.float32), "y": np.arange(4)}, shuffle=False).batch(2)
    row = next(iter(d))
    assert isinstance(row, list) and all(isinstance(t, ms.Tensor) for t in row)
    assert row[0].dtype == ms.float32 and row[1].dtype == ms.int64
    row = next(d.create_dict_iterator(output_numpy=True))
    assert isinstance(row["x"], np.ndarray) and row["y"].tolist() == [0, 1]
    assert d.create_tuple_iterator().get_col_names() == ["x", "y"]


def test_dict_values_are_python_objects():
    """A dict in a column stays a Python object (user code gets it as it is); the iterators make its leaves numpy
    arrays or Tensors (containers and Tensors kept), batch stacks it per key; int64 columns come out as numpy's
    longlong, which numpy prints with its dtype. What MindSpore 2.10 prints."""
    def gen():
        for i in range(2):
            yield {"a": [1, 2], "c": "s", "e": ms.Tensor([1.0]), "f": {"g": i}}, i
    seen = []
    data = ds.GeneratorDataset(gen, ["col1", "col2"], shuffle=False).map(lambda c: seen.append(c) or c, ["col1"])
    row = next(data.create_dict_iterator(num_epochs=1, output_numpy=True))
    assert seen[0]["a"] == [1, 2] and seen[0]["f"] == {"g": 0}
    assert repr(row) == ("{'col1': {'a': [array(1), array(2)], 'c': array('s', dtype='<U1'), 'e': Tensor(shape=[1], "
                         "dtype=Float32, value=[1.00000000e+00]), 'f': {'g': array(0)}}, "
                         "'col2': array(0, dtype=int64)}")
    row = next(data.create_tuple_iterator(num_epochs=1))
    assert isinstance(row[0]["a"][0], ms.Tensor) and row[0]["f"]["g"].dtype == ms.int64 and row[0]["c"] == "s"
    batched = ds.GeneratorDataset(lambda: ({"p": np.arange(3) * i} for i in range(2)), ["col1"]).batch(2)
    np.testing.assert_array_equal(next(batched.create_tuple_iterator(output_numpy=True))[0]["p"],
                                  [[0, 0, 0], [0, 1, 2]])
    with pytest.raises(RuntimeError, match="for the dictionary objects in column 0, key: 'f'"):
        next(data.batch(2).create_tuple_iterator())


def test_pk_sampler_draws_num_val_rows_of_each_class():
    """MindSpore's rule: the classes in label order (shuffle: a random order), ``num_val`` rows of each drawn with
    replacement, at most ``num_samples``; the labels are the dataset's."""
    labels = np.array([4, 5, 8, 7, 2, 4, 5, 2, 2])  # the train labels of tests/data/mnist

    def rows(sampler):
        data = ds.MnistDataset(MNIST, sampler=sampler)
        got = [(int(r[0].reshape(-1).argmax()), int(r[1])) for r in data.create_tuple_iterator(output_numpy=True)]
        return data.get_dataset_size(), [label for _, label in got]
    assert rows(ds.PKSampler(2)) == (10, [2, 2, 4, 4, 5, 5, 7, 7, 8, 8])
    assert rows(ds.PKSampler(3, num_samples=4)) == (4, [2, 2, 2, 4])
    size, shuffled = rows(ds.PKSampler(1, shuffle=True))
    assert size == 5 and sorted(shuffled) == sorted(set(labels))
    data = ds.MnistDataset(MNIST, sampler=ds.PKSampler(4))
    images = [r[0] for r in data.create_tuple_iterator(output_numpy=True)]
    pool = [r[0] for r in ds.MnistDataset(MNIST, shuffle=False).create_tuple_iterator(output_numpy=True)]
    for k, image in enumerate(images[:4]):  # class 2: rows 4, 7, 8
        assert any(np.array_equal(image, pool[i]) for i in np.flatnonzero(labels == 2)), k
    with pytest.raises(RuntimeError, match="PKSampler: num_val must be greater than 0, but got: 0"):
        ds.MnistDataset(MNIST, sampler=ds.PKSampler(0)).get_dataset_size()
    with pytest.raises(NotImplementedError, match="num_class"):
        ds.PKSampler(2, num_class=3)
    with pytest.raises(TypeError, match="class_column must be a str value"):
        ds.PKSampler(2, class_column=1)


def test_a_sequence_is_a_sampler():
    """An object with ``__getitem__`` and ``__len__`` samples as an iterable of row ids (MindSpore's IterSampler)."""
    class Ids:
        def __getitem__(self, i):
            return [3, 0, 3][i]

        def __len__(self):
            return 3
    data = ds.NumpySlicesDataset(["a", "b", "c", "d"], column_names=["data"], sampler=Ids())
    assert [str(r[0]) for r in data.create_tuple_iterator(output_numpy=True)] == ["d", "a", "d"]


def test_prefetch_runs_ahead_boundedly():
    produced = []

    def source():
        for i in range(100):
            produced.append(i)
            yield (np.array([i]),)
    it = ds.GeneratorDataset(source, ["x"]).batch(2).create_tuple_iterator(num_epochs=1)
    next(it)
    time.sleep(0.3)
    ahead = len(produced)
    assert 4 <= ahead <= 12  # the next batches were made while the consumer waited, no more than the queue holds
    rest = [r[0].asnumpy().tolist() for r in it]
    assert len(rest) == 49 and len(produced) == 100
    assert _wait_no_threads()


def test_thread_ends_when_iterator_dropped_or_stopped():
    d = ds.NumpySlicesDataset(np.arange(1000), shuffle=False)
    it = d.create_tuple_iterator()  # endless epochs
    next(it)
    del it
    assert _wait_no_threads()
    it = d.create_tuple_iterator()
    next(it)
    it.stop()
    assert not _pipeline_threads()
    with pytest.raises(RuntimeError):
        next(it)


def test_generator_error_reaches_consumer_at_its_row():
    def source():
        for i in range(6):
            if i == 4:
                raise KeyError("broken record")
            yield (np.array([i]),)
    it = ds.GeneratorDataset(source, ["x"]).create_tuple_iterator(num_epochs=1)
    got = []
    with pytest.raises(RuntimeError) as info:
        for row in it:
            got.append(int(row[0].asnumpy()[0]))
    assert got == [0, 1, 2, 3]
    message = str(info.value)
    assert "row 4" in message and "['x']" in message and "KeyError: 'broken record'" in message
    assert isinstance(info.value.__cause__, KeyError)
    with pytest.raises(RuntimeError):
        next(it)
    assert _wait_no_threads()


def test_random_access_error_names_the_sample():
    class Source:
        def __getitem__(self, i):
            if i == 2:
                raise ValueError("cannot read")
            return (np.array(i),)

        def __len__(self):
            return 4
    with pytest.raises(RuntimeError, match="sample 2"):
        list(ds.GeneratorDataset(Source(), ["v"], shuffle=False))


def test_map_error_names_row_and_columns():
    def not_three(b):
        if b == 3:
            raise ValueError("three")
        return b
    d = ds.NumpySlicesDataset({"a": np.arange(5), "b": np.arange(5)}, shuffle=False)
    with pytest.raises(RuntimeError, match=r"row 3 of input columns \['b'\]"):
        list(d.map(not_three, "b"))


def test_generator_object_is_read_once():
    d = ds.GeneratorDataset((np.array([i]) for i in range(3)), ["x"])
    it = d.create_tuple_iterator(num_epochs=2, output_numpy=True)
    assert [len(list(it)) for _ in range(2)] == [3, 0]


def test_dataset_size_of_unsized_source_counts_rows():
    d = ds.GeneratorDataset(lambda: iter(range(7)), ["x"]).batch(2)
    assert d.get_dataset_size() == 4


# ---- the whole-array path gives what row by row gives ------------------------------------------------
def test_sliced_batches_equal_row_by_row():
    rng = np.random.RandomState(0)
    images = rng.randint(0, 256, (10, 4, 5, 3)).astype(np.uint8)
    labels = rng.randint(0, 3, 10).astype(np.int32)
    ops = [vision.Rescale(1 / 255, -0.2), vision.Normalize([0.1, 0.2, 0.3], [0.5, 0.6, 0.7]), vision.HWC2CHW()]

    def build(extra):
        d = ds.NumpySlicesDataset({"image": images, "label": labels}, shuffle=False)
        d = d.map(ops + extra, "image").map([transforms.OneHot(3), transforms.TypeCast(ms.float32)], "label")
        return d.project(["label", "image"]).skip(1).repeat(2).batch(4)
    fast, slow = build([]), build([lambda x: x])  # a Python function forces the row-by-row path
    assert fast.children[0]._plannable() and not slow.children[0]._plannable()
    for a, b in zip(fast.create_tuple_iterator(output_numpy=True), slow.create_tuple_iterator(output_numpy=True)):
        assert all(x.dtype == y.dtype and np.array_equal(x, y) for x, y in zip(a, b))


# ---- file readers ------------------------------------------------------------------------------------
def test_cifar10_small_files():
    d = ds.Cifar10Dataset(CIFAR10, shuffle=False)
    assert d.get_dataset_size() == 5
    rows = list(d.create_tuple_iterator(output_numpy=True))
    raw = np.fromfile(os.path.join(CIFAR10, "data_batch_1.bin"), np.uint8).reshape(-1, 3073)
    assert rows[0][0].shape == (32, 32, 3) and rows[0][0].dtype == np.uint8 and rows[0][1].dtype == np.uint32
    assert np.array_equal(rows[1][0][:, :, 2], raw[1, 1 + 2048:].reshape(32, 32)) and rows[1][1] == raw[1, 0]
    assert ds.Cifar10Dataset(CIFAR10, usage="test", shuffle=False).get_dataset_size() == 2


def test_cifar100_and_fashion_mnist(tmp_path):
    records = np.random.RandomState(1).randint(0, 100, (4, 3074)).astype(np.uint8)
    records.tofile(tmp_path / "train.bin")
    records[:1].tofile(tmp_path / "test.bin")
    d = ds.Cifar100Dataset(str(tmp_path), usage="train", shuffle=False)
    assert d.get_col_names() == ["image", "coarse_label", "fine_label"]
    rows = list(d.create_tuple_iterator(output_numpy=True))
    assert len(rows) == 4 and rows[2][1] == records[2, 0] and rows[2][2] == records[2, 1]
    assert ds.Cifar100Dataset(str(tmp_path), shuffle=False).get_dataset_size() == 5
    fashion = tmp_path / "fashion"
    shutil.copytree(MNIST, fashion)
    assert ds.FashionMnistDataset(str(fashion), usage="test").get_dataset_size() == 3


def test_truncated_cifar_file(tmp_path):
    np.zeros(3073 + 5, np.uint8).tofile(tmp_path / "data_batch_1.bin")
    with pytest.raises(RuntimeError, match="Invalid cifar10 file, failed to read data from"):
        list(ds.Cifar10Dataset(str(tmp_path)))


# ---- the API surface ---------------------------------------------------------------------------------
def test_missing_names_are_reported_unsupported():
    with pytest.raises(NotImplementedError, match="mindspore.dataset.TFRecordDataset"):
        ds.TFRecordDataset  # noqa: B018
    with pytest.raises(NotImplementedError, match="mindspore.dataset.vision.VideoDecoder"):
        vision.VideoDecoder  # noqa: B018
    assert not hasattr(transforms, "Plugin")
    with pytest.raises(NotImplementedError):
        ds.NumpySlicesDataset([1, 2]).to_json()


def test_import_as_mindspore():
    import sys  # noqa: PLC0415
    meta_path, modules = list(sys.meta_path), dict(sys.modules)
    try:
        ms.install()
        import mindspore.dataset.vision as v  # noqa: PLC0415
        from mindspore.dataset import transforms as t  # noqa: PLC0415
        assert v.Resize is vision.Resize and t.TypeCast is transforms.TypeCast
    finally:  # leave the import system as the other tests expect it
        sys.meta_path[:] = meta_path
        for name in set(sys.modules) - set(modules):
            del sys.modules[name]


# ---- text, general transforms, pipeline methods and vision values (expected values from MindSpore 2.10) -------
def _rows(dataset, column=0):
    return [r[column].tolist() for r in dataset.create_tuple_iterator(num_epochs=1, output_numpy=True)]


def test_text_tokenizers_and_vocab():
    import mindshim.dataset.text as text
    tokens, starts, limits = text.WhitespaceTokenizer(True)("  a\u3000b\x1cc  ")
    assert tokens.tolist() == ["a", "b\x1cc"] and starts.tolist() == [2, 6] and limits.tolist() == [3, 9]
    assert starts.dtype == np.uint32
    out = text.BasicTokenizer(lower_case=True, with_offsets=True)("Héllo, [UNK] 你好\tX\x00y")
    assert out[0].tolist() == ["hello", ",", "[UNK]", "你", "好", "x", "y"]
    assert text.BasicTokenizer(keep_whitespace=True, preserve_unused_token=False)("Hi  [CLS] a.b").tolist() == \
        ["Hi", "  ", "[", "CLS", "]", " ", "a", ".", "b"]
    vocab = text.Vocab.from_list(["a", "##b", "abc", "##c", "[UNK]"])
    out = text.BertTokenizer(vocab, with_offsets=True)("abc abcc x,ab")
    assert out[0].tolist() == ["abc", "abc", "##c", "[UNK]", "[UNK]", "a", "##b"]
    assert out[1].tolist() == [0, 4, 7, 9, 10, 11, 12] and out[2].tolist() == [3, 7, 8, 10, 11, 12, 13]
    vocab = text.Vocab.from_list(["w1", "w2", "w3"], special_tokens=["<unk>"], special_first=True)
    assert vocab.tokens_to_ids(["w1", "zz"]) == [1, -1] and vocab.ids_to_tokens([1, 99]) == ["w1", ""]
    assert text.Lookup(vocab, "<unk>")(["zz", "w2"]).tolist() == [0, 2]
    with pytest.raises(RuntimeError, match='token: "zz" doesn\'t exist in vocab and no unknown token'):
        text.Lookup(vocab)("zz")
    with pytest.raises(ValueError, match="word_list contains duplicate word: w1"):
        text.Vocab.from_list(["w1", "w1"])


def test_text_transforms():
    import mindshim.dataset.text as text
    assert text.Ngram([1, 2], left_pad=("_", 1), right_pad=("-", 1), separator="+")(["a", "b", "c"]).tolist() == \
        ["a", "b", "c", "_+a", "a+b", "b+c", "c+-"]
    assert text.Ngram(3, left_pad=("<", 5))(["a"]).tolist() == ["< < a"]
    assert text.Ngram([4, 1])(["a", "b"]).tolist() == ["", "a", "b"]
    assert text.ToNumber(ms.int64)(["+7", "7abc", "-0"]).tolist() == [7, 7, 0]
    with pytest.raises(RuntimeError, match=r"string input 300 will be out of bounds if cast to int8. The valid range "
                                           r"is: \[-128, 127\]"):
        text.ToNumber(ms.int8)(["300"])
    assert text.SlidingWindow(2)(np.array(["a", "b", "c"])).tolist() == [["a", "b"], ["b", "c"]]
    assert text.TruncateSequencePair(3)([1, 2, 3, 4, 5], [4])[0].tolist() == [1, 2]
    assert str(text.FilterWikipediaXML()("[http://a.b/c link] 7 x<ref>yy</ref>z &amp; A")) == \
        "http a b c link seven xz a"
    assert text.CaseFold()(["ABC ß"]).tolist() == ["abc ss"]


def test_general_transforms():
    R = transforms.Relational
    assert transforms.Mask(R.EQ, 300)(np.array([1, 44], np.uint8)).tolist() == [False, True]  # 300 wraps to 44
    with pytest.raises(RuntimeError, match="input datatype does not match the prepend datatype, got input datatype: "
                                           "int64, prepend datatype:int32"):
        transforms.Concatenate(0, np.array([1], np.int32))(np.array([1, 2]))
    assert transforms.PadEnd([4], "x")(np.array(["a"])).tolist() == ["a", "x", "x", "x"]
    assert transforms.PadEnd([3], 2.5)(np.array([1])).tolist() == [1, 2, 2]
    assert transforms.Slice(1, [0, 2])(np.arange(9).reshape(3, 3)).tolist() == [[3, 5]]
    with pytest.raises(RuntimeError, match="Wrong slice object"):
        transforms.Slice(slice(-2, None))(np.arange(3))
    values, index, counts = transforms.Unique()(np.array([[0, -1, -2, -1, 2], [2, -0, 2, 1, -3]]))
    assert values.tolist() == [0, -1, -2, 2, 1, -3] and index.tolist() == [0, 1, 2, 1, 3, 3, 0, 3, 4, 5]
    assert counts.tolist() == [2, 2, 1, 3, 1, 1] and index.dtype == counts.dtype == np.int32


def test_padded_and_bucket_batches():
    def data():
        return ds.NumpySlicesDataset([[1], [1, 2], [1, 2, 3], [1, 2, 3, 4]], "c", shuffle=False)
    assert _rows(data().padded_batch(2, pad_info={})) == [[[1, 0], [1, 2]], [[1, 2, 3, 0], [1, 2, 3, 4]]]
    assert _rows(data().padded_batch(3, pad_info={"c": ([2], 7)})) == [[[1, 7], [1, 2], [1, 2]], [[1, 2]]]
    with pytest.raises(RuntimeError, match="Cannot batch tensors with different shapes"):
        _rows(data().padded_batch(2))

    def gen():
        for i in range(12):
            yield np.array([i]), np.arange(i + 1)
    buckets = ds.GeneratorDataset(gen, ["c1", "c2"], shuffle=False).bucket_batch_by_length(
        ["c1", "c2"], [3, 6], [2, 3, 2], lambda a, b: max(len(a), len(b)), {"c2": ([None], -1)}, True)
    assert [len(b) for b in _rows(buckets)] == [2, 3, 2, 2, 2, 1]
    assert _rows(buckets, 1)[1][0] == [0, 1, 2, -1, -1]  # padded to the bucket boundary minus 1


def test_concat_sharded_and_flat_map():
    def concat(shard):
        d = ds.GeneratorDataset([1, 2, 3], "c", shuffle=False) + ds.GeneratorDataset([4, 5, 6, 7], "c", shuffle=False)
        d.use_sampler(ds.DistributedSampler(num_shards=2, shard_id=shard, shuffle=False))
        return d
    assert _rows(concat(0)) == [1, 3, 5, 7] and _rows(concat(1)) == [2, 4, 6] and concat(1).get_dataset_size() == 3
    with pytest.raises(TypeError, match="must be DistributedSampler or RandomSampler"):
        concat(0).use_sampler(ds.SequentialSampler())
    flat = ds.NumpySlicesDataset([[0, 1], [2, 3]], shuffle=False).flat_map(
        lambda a: ds.NumpySlicesDataset(a, shuffle=False).repeat(2))
    assert _rows(flat) == [0, 1, 0, 1, 2, 3, 2, 3]


def test_sync_wait_releases_batches_on_update():
    seen = []
    data = ds.GeneratorDataset(lambda: ((np.array(i),) for i in range(8)), ["x"]).sync_wait("c", callback=seen.append)
    data = data.batch(2)
    for n, row in enumerate(data.create_dict_iterator(num_epochs=1, output_numpy=True)):
        assert row["x"][0] == 2 * n
        data.sync_update("c", data=n)
    assert seen == [0, 1, 2, 3]
    with pytest.raises(RuntimeError, match="Condition name not found"):
        data.sync_update("other")


def test_ds_callback_hooks():
    events = []

    class Record(ds.DSCallback):
        def ds_epoch_begin(self, c):
            events.append(("epoch", c.cur_epoch_num))

        def ds_step_begin(self, c):
            events.append(("begin", c.cur_step_num_in_epoch, c.cur_step_num))

    data = ds.GeneratorDataset([1, 2, 3], "c", shuffle=False).map(lambda x: x, callbacks=Record(2))
    it = data.create_tuple_iterator(num_epochs=2)
    for _ in range(2):
        list(it)
    assert events == [("epoch", 1), ("begin", 1, 1), ("begin", 3, 3), ("epoch", 2), ("begin", 1, 4), ("begin", 3, 6)]


def test_schema_padded_and_fake_datasets():
    schema = ds.Schema()
    schema.add_column("a", de_type=ms.int64, shape=[2])
    schema.add_column("b", de_type="float32")
    assert '"rank": 1,\n      "type": "float32"' in schema.to_json()
    with pytest.raises(TypeError, match="Unknown column type"):
        schema.add_column("c", de_type="foo")
    padded = ds.PaddedDataset([{"image": np.zeros(1, np.uint8), "b": 1}, {"image": np.zeros(2, np.uint8), "b": 2}])
    assert padded.get_col_names() == ["image", "b"] and _rows(padded, 1) == [1, 2]
    fake = ds.FakeImageDataset(num_images=4, image_size=(2, 3, 3), num_classes=3, shuffle=False)
    rows = list(fake.create_tuple_iterator(num_epochs=1, output_numpy=True))
    assert rows[0][0].shape == (2, 3, 3) and rows[0][0].dtype == np.uint8 and rows[0][1].dtype == np.uint32
    assert _rows(fake, 1) == [r[1].tolist() for r in rows]  # the same images every pass


def test_vision_values_match_mindspore():
    img = np.array([[[10, 200, 30], [40, 50, 255], [0, 128, 64]], [[90, 100, 110], [250, 5, 60], [33, 66, 99]]],
                   np.uint8)
    assert vision.AdjustContrast(1.5)(img).tolist() == [[[0, 255, 2], [17, 32, 255], [0, 149, 53]],
                                                        [[92, 107, 122], [255, 0, 47], [6, 56, 106]]]
    assert vision.AdjustSaturation(0.4)(img).tolist() == [[[78, 154, 86], [58, 62, 144], [49, 100, 75]],
                                                          [[95, 99, 103], [151, 53, 75], [49, 62, 76]]]
    assert vision.Equalize()(img).tolist() == [[[51, 255, 0], [153, 51, 255], [0, 204, 102]],
                                               [[204, 153, 204], [255, 0, 51], [102, 102, 153]]]
    assert vision.ConvertColor(vision.ConvertMode.COLOR_RGB2GRAY)(img).tolist() == [[124, 70, 82], [98, 85, 60]]
    np.testing.assert_array_equal(vision.ToTensor()(img)[0], np.array(
        [[0.03921568766236305, 0.1568627506494522, 0.0], [0.3529411852359772, 0.9803922176361084,
                                                         0.12941177189350128]], np.float32))
    big = np.arange(5 * 5 * 3, dtype=np.uint8).reshape(5, 5, 3) * 3
    assert vision.AdjustSharpness(1.7)(big)[1:4, 1:4, 0].tolist() == [[54, 63, 72], [99, 108, 117], [144, 153, 162]]
    assert vision.CenterCrop((2, 3))(big)[..., 0].tolist() == [[54, 63, 72], [99, 108, 117]]
    png = vision.encode_png(img)
    assert png[:4].tolist() == [137, 80, 78, 71] and vision.Decode()(png).tolist() == img.tolist()
    flipped, boxes = vision.RandomHorizontalFlipWithBBox(1)(np.zeros((4, 10, 3), np.float32),
                                                            np.array([[1, 0, 3, 2]], np.float32))
    assert boxes.tolist() == [[6, 0, 3, 2]]


def test_warps_match_opencv_fixed_point():
    img = (np.arange(4 * 5 * 3) * 7 % 256).astype(np.uint8).reshape(4, 5, 3)
    assert vision.Rotate(30.0, vision.Inter.BILINEAR, True)(img)[..., 0].tolist() == [
        [0, 0, 2, 39, 52, 0], [0, 10, 40, 103, 174, 33], [0, 43, 114, 150, 63, 48], [29, 125, 195, 227, 90, 121],
        [0, 168, 153, 96, 58, 4], [0, 26, 41, 13, 0, 0]]
    assert vision.Affine(15, [0.2, 0.1], 1.1, [5.0, 3.0], vision.Inter.BILINEAR)(img)[..., 1].tolist() == [
        [0, 18, 18, 30, 34], [18, 119, 117, 115, 114], [85, 220, 187, 65, 112], [46, 103, 108, 59, 58]]
    perspective = vision.Perspective([[0, 0], [4, 0], [4, 3], [0, 3]], [[1, 0], [4, 1], [3, 3], [0, 2]],
                                     vision.Inter.NEAREST)
    assert perspective(img)[..., 2].tolist() == [[0, 14, 35, 0, 0], [0, 140, 161, 77, 98], [73, 94, 10, 31, 0],
                                                 [0, 0, 136, 157, 0]]


def test_image_folder_dataset(tmp_path):
    """As MindSpore 2.10 gave for the same folders: classes are the sorted sub-folders, rows go class by class in
    sorted file order, every file is a row unless ``extensions`` filters, Int32 labels, raw bytes or decoded RGB."""
    from PIL import Image
    for i, (folder, name) in enumerate([("a", "z.jpg"), ("a", "b.png"), ("b", "x.png")]):
        os.makedirs(tmp_path / folder, exist_ok=True)
        Image.fromarray(np.full((4 + i, 5, 3), 20 * i, np.uint8)).save(tmp_path / folder / name)
    (tmp_path / "b" / "y.txt").write_text("hi")
    os.makedirs(tmp_path / "c")
    data = ds.ImageFolderDataset(str(tmp_path), shuffle=False)
    assert data.get_dataset_size() == 4 and data.get_col_names() == ["image", "label"]
    assert data.get_class_indexing() == {"a": 0, "b": 1, "c": 2} and data.num_classes() == 3
    rows = list(data.create_tuple_iterator(output_numpy=True))
    assert [int(label) for _, label in rows] == [0, 0, 1, 1] and rows[0][1].dtype == np.int32
    assert rows[0][0].dtype == np.uint8 and rows[0][0].ndim == 1 and bytes(rows[3][0]) == b"hi"
    decoded = ds.ImageFolderDataset(str(tmp_path), shuffle=False, decode=True, extensions=[".png"],
                                    class_indexing={"a": 5, "b": 1})
    images = [(image.shape, int(label)) for image, label in decoded.create_tuple_iterator(output_numpy=True)]
    assert images == [((5, 5, 3), 5), ((6, 5, 3), 1)]
