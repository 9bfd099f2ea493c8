"""MNIST, Fashion-MNIST, CIFAR-10 and CIFAR-100 read from their standard local files (no downloads),
``ImageFolderDataset`` and ``FakeImageDataset``.

Columns and dtypes are MindSpore's: ``image`` UInt8 HWC ((28, 28, 1) or (32, 32, 3)), labels UInt32 scalars.
Files are found and ordered as MindSpore does (sorted names: MNIST's ``t10k`` files before ``train``; CIFAR-10's
``data_batch_*`` before ``test_batch``). The whole split is read into memory at the first pass, so batches are
array slices. Unlike MindSpore, a CIFAR file may hold any whole number of records (MindSpore insists on the
real files' 10000).
"""
import os
import struct

import numpy as np

from ..core.validator_helpers import (
    check_dir,
    check_pos_int32,
    check_sampler_shuffle_shard_options,
    check_valid_str,
    type_check,
    validate_dataset_param_value,
)
from ._pipeline import pipeline_error
from .datasets import MappableDataset, VisionBaseDataset


class _FileDataset(MappableDataset, VisionBaseDataset):
    """A dataset of one of these formats: ``_load()`` gives its column arrays, read once."""
    _columns = ("image", "label")

    def __init__(self, dataset_dir, usage=None, num_samples=None, num_parallel_workers=None, shuffle=None,
                 sampler=None, num_shards=None, shard_id=None, cache=None):
        params = dict(dataset_dir=dataset_dir, usage=usage, num_samples=num_samples, shuffle=shuffle,
                      num_parallel_workers=num_parallel_workers, sampler=sampler, num_shards=num_shards,
                      shard_id=shard_id)
        check_dir(dataset_dir)
        if usage is not None:
            check_valid_str(usage, ["train", "test", "all"], "usage")
        validate_dataset_param_value(["num_samples", "num_parallel_workers", "num_shards", "shard_id"], params, int)
        validate_dataset_param_value(["shuffle"], params, bool)
        check_sampler_shuffle_shard_options(params)
        super().__init__(num_parallel_workers=num_parallel_workers, sampler=sampler, num_samples=num_samples,
                         shuffle=shuffle, num_shards=num_shards, shard_id=shard_id, cache=cache)
        self.dataset_dir = dataset_dir
        self.usage = "all" if usage is None else usage
        self._data = None

    def _col_names(self):
        return list(self._columns)

    def _arrays(self):
        if self._data is None:
            self._data = self._load()
        return self._data

    def _source_len(self):
        return len(self._arrays()[0])

    def _num_rows(self):
        self.sampler._handshake(self)
        return self.sampler._size(self._count_rows())

    def _count_rows(self):
        return self._source_len()


class MnistDataset(_FileDataset):
    """MNIST from ``train-images-idx3-ubyte``/``train-labels-idx1-ubyte`` and ``t10k-*`` in ``dataset_dir``."""
    _name = "Mnist"
    _kind = "mnist"  # how MindSpore's messages name the files

    def _files(self):
        prefix = {"train": "train", "test": "t10k"}.get(self.usage, "")
        names = sorted(os.listdir(self.dataset_dir))
        images = [n for n in names if prefix + "-images" in n and "idx3-ubyte" in n]
        labels = [n for n in names if prefix + "-labels" in n and "idx1-ubyte" in n]
        if len(images) != len(labels):
            raise pipeline_error(f"Invalid {self._kind} file, num of images should be equal to num of labels, but got "
                                 f"num of images: {len(images)}, num of labels: {len(labels)}.")
        return [(os.path.join(self.dataset_dir, image), os.path.join(self.dataset_dir, label))
                for image, label in zip(images, labels)]

    def _read(self, image_file, label_file):
        with open(image_file, "rb") as f:
            raw = f.read()
        if len(raw) < 16:
            raise pipeline_error(f"Invalid {self._kind} file, the first data length of {image_file} should be 16 "
                                 f"bytes(contains type, number, row and column), but got {len(raw)}.")
        magic, n, rows, cols = struct.unpack(">4I", raw[:16])
        if magic != 2051:
            raise pipeline_error(f"Invalid {self._kind} file, the image number of {image_file} should be 2051, but got "
                                 f"{magic}")
        if (rows, cols) != (28, 28):
            raise pipeline_error(f"Invalid {self._kind} file, shape of image in {image_file} should be (28, 28), but "
                                 f"got ({rows}, {cols}).")
        if len(raw) - 16 != n * rows * cols:
            raise pipeline_error(f"Invalid {self._kind} file, truncated data length of {image_file} should be "
                                 f"{len(raw) - 16}, but got {n * rows * cols}")
        with open(label_file, "rb") as f:
            raw_labels = f.read()
        if len(raw_labels) < 8:
            raise pipeline_error(f"Invalid {self._kind} file, the first data length of {label_file} should be 8 "
                                 f"bytes(contains type and number), but got {len(raw_labels)}.")
        magic, n_labels = struct.unpack(">2I", raw_labels[:8])
        if magic != 2049:
            raise pipeline_error(f"Invalid {self._kind} file, the number of labels in {label_file} should be 2049, but "
                                 f"got {magic}.")
        if len(raw_labels) - 8 != n_labels:
            raise pipeline_error(f"Invalid {self._kind} file, the data length of labels in {label_file} should be "
                                 f"{len(raw_labels) - 8}, but got {n_labels}.")
        if n != n_labels:
            raise pipeline_error(f"Invalid {self._kind} file, the images number of {image_file} should be equal to the "
                                 f"labels number of {label_file}, but got images number: {n}, labels number: "
                                 f"{n_labels}.")
        images = np.frombuffer(raw, np.uint8, offset=16).reshape(n, 28, 28, 1)
        return images, np.frombuffer(raw_labels, np.uint8, offset=8).astype(np.uint32)

    def _load(self):
        parts = [self._read(*files) for files in self._files()]
        if not parts or not sum(len(p[1]) for p in parts):
            raise pipeline_error(f"Invalid data, {self._name}Dataset API can't read the data file (interface mismatch "
                                 f"or no data found). Check {self._kind} file in directory: {self.dataset_dir}")
        return [np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])]

    def _count_rows(self):
        """The number of rows, from the label files' headers, without reading the images."""
        if self._data is not None:
            return self._source_len()
        total = 0
        for _, label_file in self._files():
            with open(label_file, "rb") as f:
                header = f.read(8)
            total += struct.unpack(">2I", header)[1] if len(header) == 8 else 0
        return total


class FashionMnistDataset(MnistDataset):
    """Fashion-MNIST: the MNIST file format and layout."""
    _name = "FashionMnist"
    _kind = "fashionmnist"


class Cifar10Dataset(_FileDataset):
    """CIFAR-10, binary version: ``data_batch_*.bin`` (train) and ``test_batch.bin`` (test) in ``dataset_dir``."""
    _labels = 1
    _name = "cifar10"

    def _wanted(self, name):
        return {"train": "data_batch", "test": "test_batch"}.get(self.usage, "batch") in name

    def _files(self):
        names = sorted(n for n in os.listdir(self.dataset_dir) if os.path.splitext(n)[1] == ".bin")
        if not names:
            raise pipeline_error(f"Invalid cifar folder, cifar(.bin) files are missing under {self.dataset_dir}")
        return [os.path.join(self.dataset_dir, n) for n in names if self._wanted(n)]

    def _load(self):
        record = self._labels + 3072
        parts = []
        for path in self._files():
            raw = np.fromfile(path, np.uint8)
            if raw.size % record:
                raise pipeline_error(f"Invalid {self._name} file, failed to read data from: {path}, re-download dataset"
                                     f"(make sure it is CIFAR-{self._name[5:]} binary version).")
            parts.append(raw.reshape(-1, record))
        if not parts or not sum(len(p) for p in parts):
            api = "Cifar10Dataset" if self._labels == 1 else "Cifar100Dataset"
            raise pipeline_error(f"Invalid data, {api} API can't read the data file (interface mismatch or no data "
                                 f"found). Check file in directory:{self.dataset_dir}")
        records = np.concatenate(parts)
        images = np.ascontiguousarray(records[:, self._labels:].reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1))
        return [images] + [records[:, i].astype(np.uint32) for i in range(self._labels)]


class Cifar100Dataset(Cifar10Dataset):
    """CIFAR-100, binary version: ``train.bin`` and ``test.bin``; columns image, coarse_label, fine_label."""
    _columns = ("image", "coarse_label", "fine_label")
    _labels = 2
    _name = "cifar100"

    def _wanted(self, name):
        return self.usage == "all" or self.usage in name


class FakeImageDataset(MappableDataset, VisionBaseDataset):
    """``num_images`` random UInt8 images of ``image_size`` (HWC) with random UInt32 labels below ``num_classes``.

    Image ``i`` is drawn from a generator seeded with ``base_seed + i``, so it is the same every pass and under
    any sampler; the values are not those of MindSpore's generator.
    """

    def __init__(self, num_images=1000, image_size=(224, 224, 3), num_classes=10, base_seed=0, num_samples=None,
                 num_parallel_workers=None, shuffle=None, sampler=None, num_shards=None, shard_id=None, cache=None):
        params = dict(num_images=num_images, num_classes=num_classes, base_seed=base_seed, num_samples=num_samples,
                      num_parallel_workers=num_parallel_workers, num_shards=num_shards, shard_id=shard_id,
                      shuffle=shuffle, sampler=sampler)
        validate_dataset_param_value(["num_images", "num_classes", "base_seed", "num_samples", "num_parallel_workers",
                                      "num_shards", "shard_id"], params, int)
        validate_dataset_param_value(["shuffle"], params, bool)
        check_pos_int32(num_images, "num_images")
        type_check(image_size, (list, tuple), "image_size")
        if len(image_size) != 3:
            raise ValueError(f"image_size should be a list or tuple of length 3, but got {len(image_size)}")
        for i, value in enumerate(image_size):
            check_pos_int32(value, f"image_size[{i}]")
        check_pos_int32(num_classes, "num_classes")
        check_sampler_shuffle_shard_options(params)
        super().__init__(num_parallel_workers=num_parallel_workers, sampler=sampler, num_samples=num_samples,
                         shuffle=shuffle, num_shards=num_shards, shard_id=shard_id, cache=cache)
        self.num_images, self.image_size = num_images, tuple(image_size)
        self.num_classes, self.base_seed = num_classes, base_seed

    def _col_names(self):
        return ["image", "label"]

    def _source_len(self):
        return self.num_images

    def _row(self, i):
        rng = np.random.default_rng(self.base_seed + int(i))
        image = rng.integers(0, 256, self.image_size, dtype=np.uint8)
        return [image, np.array(rng.integers(self.num_classes), np.uint32)]


class ImageFolderDataset(MappableDataset, VisionBaseDataset):
    """Images in one folder per class under ``dataset_dir``: columns ``image`` (the file's bytes as a 1-D UInt8
    array, or with ``decode`` an RGB HWC UInt8 image decoded by PIL) and ``label`` (Int32). As MindSpore: classes
    are the sorted sub-folder names (or ``class_indexing``), rows go class by class, files in sorted order, and
    without ``extensions`` every file is a row. ``decrypt`` is not supported."""

    def __init__(self, dataset_dir, num_samples=None, num_parallel_workers=None, shuffle=None, sampler=None,
                 extensions=None, class_indexing=None, decode=False, num_shards=None, shard_id=None, cache=None,
                 decrypt=None):
        params = dict(num_samples=num_samples, num_parallel_workers=num_parallel_workers, shuffle=shuffle,
                      sampler=sampler, num_shards=num_shards, shard_id=shard_id)
        check_dir(dataset_dir)
        validate_dataset_param_value(["num_samples", "num_parallel_workers", "num_shards", "shard_id"], params, int)
        validate_dataset_param_value(["shuffle"], params, bool)
        if extensions is not None:
            type_check(extensions, (list,), "extensions")
        if class_indexing is not None:
            type_check(class_indexing, (dict,), "class_indexing")
        type_check(decode, (bool,), "decode")
        check_sampler_shuffle_shard_options(params)
        if decrypt is not None:
            raise NotImplementedError("mindspore.dataset.ImageFolderDataset with decrypt is not supported by mindshim.")
        super().__init__(num_parallel_workers=num_parallel_workers, sampler=sampler, num_samples=num_samples,
                         shuffle=shuffle, num_shards=num_shards, shard_id=shard_id, cache=cache)
        self.dataset_dir, self.decode = dataset_dir, decode
        folders = sorted(e.name for e in os.scandir(dataset_dir) if e.is_dir())
        self._class_indexing = (dict(class_indexing) if class_indexing
                                else {name: i for i, name in enumerate(folders)})
        self._files = [(os.path.join(dataset_dir, folder, name), self._class_indexing[folder])
                       for folder in folders if folder in self._class_indexing
                       for name in sorted(os.listdir(os.path.join(dataset_dir, folder)))
                       if extensions is None or os.path.splitext(name)[1] in extensions]

    def _col_names(self):
        return ["image", "label"]

    def _source_len(self):
        return len(self._files)

    def _row(self, i):
        import io

        from PIL import Image, UnidentifiedImageError
        path, label = self._files[i]
        with open(path, "rb") as f:
            raw = f.read()
        image = np.frombuffer(raw, np.uint8).copy()
        if self.decode:
            try:
                image = np.asarray(Image.open(io.BytesIO(raw)).convert("RGB")).copy()
            except (UnidentifiedImageError, OSError):
                raise pipeline_error(f"Invalid image, {path} decode failed, the image is broken or permission "
                                     "denied.") from None
        return [image, np.array(label, np.int32)]

    def _class_labels(self):
        return np.array([label for _, label in self._files], np.int32)

    def get_class_indexing(self):
        """The class name to label mapping."""
        return dict(self._class_indexing)

    def num_classes(self):
        """The number of classes."""
        return len(self._class_indexing)
