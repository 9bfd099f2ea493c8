"""Write the tiny MNIST and CIFAR-10 files the dataset tests read (``tests/data/``).

    python tools/make_dataset_fixtures.py
    python tools/make_dataset_fixtures.py --mindrecord   # where MindSpore 2.10 is installed


MNIST: the four idx files (big-endian headers, uint8 pixels and labels), 28x28 images, 6 train and 3 test.
CIFAR-10: the binary version, ``data_batch_1.bin`` (3 records) and ``test_batch.bin`` (2 records), each
record one label byte then 3072 bytes of red, green and blue planes. The pixels are a fixed random draw, so
rerunning the script rewrites the same bytes. MindRecord (``--mindrecord``): the golden cases' rows written by
real MindSpore's ``FileWriter`` (``tests/golden_cases/mindrecord.py``).
"""
import os
import struct
import sys

import numpy as np

ROOT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tests", "data")


def _write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def make_mnist(rng, folder, splits=(("train", 6), ("t10k", 3))):
    for prefix, n in splits:
        images = rng.randint(0, 256, (n, 28, 28)).astype(np.uint8)
        labels = rng.randint(0, 10, n).astype(np.uint8)
        _write(os.path.join(folder, f"{prefix}-images-idx3-ubyte"),
               struct.pack(">4i", 2051, n, 28, 28) + images.tobytes())
        _write(os.path.join(folder, f"{prefix}-labels-idx1-ubyte"), struct.pack(">2i", 2049, n) + labels.tobytes())


def make_cifar10(rng, folder, files=(("data_batch_1.bin", 3), ("test_batch.bin", 2))):
    for name, n in files:
        labels = rng.randint(0, 10, (n, 1)).astype(np.uint8)
        planes = rng.randint(0, 256, (n, 3 * 32 * 32)).astype(np.uint8)
        _write(os.path.join(folder, name), np.concatenate([labels, planes], axis=1).tobytes())


def make_mindrecord(folder):
    """A MindRecord file written by real MindSpore (the golden cases' rows, several 32 KiB pages)."""
    import mindspore
    sys.path.insert(0, os.path.dirname(ROOT))
    from golden_cases import mindrecord
    os.makedirs(folder, exist_ok=True)
    mindrecord.write(mindspore, os.path.join(folder, "written_by_mindspore.mindrecord"), mindrecord.rows())


def main():
    if sys.argv[1:] == ["--mindrecord"]:
        make_mindrecord(os.path.join(ROOT, "mindrecord"))
        print(f"wrote {ROOT}/mindrecord")
        return
    rng = np.random.RandomState(20240607)
    make_mnist(rng, os.path.join(ROOT, "mnist"))
    make_cifar10(rng, os.path.join(ROOT, "cifar10"))
    print(f"wrote fixtures under {ROOT}")


if __name__ == "__main__":
    main()
