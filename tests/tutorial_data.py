"""Small synthetic stand-ins for the datasets MindSpore's tutorials download (``tests/tutorials/*.py`` use them
in place of the download): the same file formats, shapes and dtypes, few rows, fixed seeds."""
import os
import struct

import numpy as np


def write_mnist(root="MNIST_Data", train=128, test=64, seed=0):
    """``root/train`` and ``root/test`` holding MNIST's idx files (28x28 uint8 images, labels 0-9), as the
    tutorials' ``MNIST_Data.zip`` unpacks."""
    rng = np.random.default_rng(seed)
    for usage, prefix, n in (("train", "train", train), ("test", "t10k", test)):
        folder = os.path.join(root, usage)
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"{prefix}-images-idx3-ubyte"), "wb") as f:
            f.write(struct.pack(">4I", 2051, n, 28, 28) + rng.integers(0, 256, (n, 28, 28), np.uint8).tobytes())
        with open(os.path.join(folder, f"{prefix}-labels-idx1-ubyte"), "wb") as f:
            f.write(struct.pack(">2I", 2049, n) + rng.integers(0, 10, n, np.uint8).tobytes())
    return root


def write_cifar10(root="cifar-10-batches-bin", train=10000, test=10000, seed=0):
    """``root/data_batch_1.bin`` and ``root/test_batch.bin`` in CIFAR-10's binary format (a label byte, then a
    3x32x32 uint8 image, per row; MindSpore reads 10000 rows a file), as the tutorials' ``cifar-10-binary.tar.gz``
    unpacks."""
    rng = np.random.default_rng(seed)
    os.makedirs(root, exist_ok=True)
    for name, n in (("data_batch_1.bin", train), ("test_batch.bin", test)):
        rows = np.concatenate([rng.integers(0, 10, (n, 1), np.uint8), rng.integers(0, 256, (n, 3072), np.uint8)], 1)
        with open(os.path.join(root, name), "wb") as f:
            f.write(rows.tobytes())
    return root


def write_image(path, size=(400, 300), seed=0):
    """A random RGB JPEG of ``size`` (width, height), in place of a downloaded photo."""
    from PIL import Image
    rng = np.random.default_rng(seed)
    Image.fromarray(rng.integers(0, 256, (size[1], size[0], 3), np.uint8)).save(path)
    return path
