"""MindSpore 2.10's documented examples, replayed under mindshim.

Every ``Examples:`` block of MindSpore's public docstrings was run under real MindSpore 2.10 (CPU) by
``tools/record_doc_examples.py``; ``tests/goldens/doc_examples/`` holds the code and what each statement
printed. Here each one runs again with ``import mindspore`` resolving to mindshim and must print the same
(``doc_examples.compare``: words exactly, numbers within tolerance). Examples MindSpore could not run on CPU,
or whose output is random, are skipped with the recorded reason. ``tests/doc_examples_known_failures.json``
lists the examples mindshim does not pass yet: they are strict xfails, so one that starts passing fails until
``tools/record_doc_examples.py --update-known-failures`` rewrites the list (and docs/coverage_examples.md).
"""
import contextlib
import fcntl
import os
import subprocess
import sys
import tempfile

import doc_examples
import numpy as np
import pytest

import mindshim
from mindshim import _install

EXAMPLES = doc_examples.load_goldens()
KNOWN = doc_examples.load_known_failures()


def _params():
    for example in EXAMPLES:
        marks = []
        if "skip" in example:
            marks.append(pytest.mark.skip(reason=f"MindSpore 2.10 (CPU): {example['skip']}"))
        elif example["id"] in KNOWN:
            marks.append(pytest.mark.xfail(strict=True, reason=KNOWN[example["id"]]))
        yield pytest.param(example, id=example["id"], marks=marks)


@pytest.fixture(scope="module", autouse=True)
def _mindspore_is_mindshim():
    """``import mindspore`` gives mindshim while this module runs; afterwards mindshim's state (repr style,
    context, seeds) and the import system are as before."""
    style = mindshim.get_repr_style()
    installed = _install._finder in sys.meta_path
    state = np.random.get_state()
    yield
    doc_examples.reset_mindshim()
    mindshim.set_repr_style(style)
    np.random.set_state(state)
    if not installed and _install._finder in sys.meta_path:
        sys.meta_path.remove(_install._finder)
        for name in [n for n in sys.modules if n == "mindspore" or n.startswith("mindspore.")]:
            del sys.modules[name]


@contextlib.contextmanager
def _one_at_a_time(example):
    """Examples that serve a TCPStore on a fixed port (1234) run one at a time across pytest-xdist's workers."""
    if not any("TCPStore(" in s for s in example["statements"]):
        yield
        return
    with open(os.path.join(tempfile.gettempdir(), "mindshim-doc-examples-port.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


@pytest.mark.parametrize("example", list(_params()))
def test_doc_example(example):
    with _one_at_a_time(example):
        diff = doc_examples.replay(example)
    assert diff is None, f"{diff[0]}: {diff[1]}"


def test_known_failures_name_replayed_examples():
    replayed = {e["id"] for e in EXAMPLES if "skip" not in e}
    assert not set(KNOWN) - replayed, f"not replayed examples in the known failures: {sorted(set(KNOWN) - replayed)}"


def test_examples_coverage_is_current():
    out = subprocess.run([sys.executable, os.path.join(doc_examples.ROOT, "tools", "doc_examples_coverage.py"),
                          "--check"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr or out.stdout


@pytest.mark.parametrize("expected,got,is_loose,verdict", [
    ("[1. 1. 0.]\n", "[1. 1. 0.]\n", False, None),
    # A tolerated difference: numpy prints and pads the whole array differently.
    ("[0.99999994 1.        ]\n", "[1. 1.]\n", False, None),
    ("[0.1 0.2]\n", "[0.10000001 0.2       ]\n", False, None),
    ("[[1.0000001e-08 1.0000000e+00]]\n", "[[0. 1.]]\n", False, None),
    ("Tensor(shape=[1], dtype=Float32, value= [ 9.99999940e-01])",
     "Tensor(shape=[1], dtype=Float32, value= [ 1.00000000e+00])", False, None),
    ("<Cell object at 0x7f1234567890>", "<Cell object at 0x7fabcdef0123>", False, None),
    ("[1.001 2.   ]", "[1. 2.]", True, None),
    # Near zero next to large values: float32's rounding of the large ones (nn.LogSoftmax's example).
    ("[[-7.0009108e+00 -1.4000911e+01 -9.1081962e-04]]\n", "[[-7.0009108e+00 -1.4000911e+01 -9.12250078e-04]]\n",
     False, None),
    # Real differences.
    ("[1.001 2.   ]", "[1. 2.]", False, "values"),
    ("[1 2]\n", "[1 3]\n", False, "values"),
    ("[1.5 2. ]\n", "[1.6 2. ]\n", False, "values"),
    ("[1.2e-05 1.0e+00]\n", "[1.4e-05 1.0e+00]\n", False, "values"),
    ("[1. 2.]\n", "[1.0 2.0]\n", False, "format"),  # the same values printed another way
    ("[1 2]\n", "[1. 2.]\n", False, "format"),  # floats where MindSpore printed integers
    ("Tensor(shape=[2], dtype=Float32, value= [ 1.00000000e+00,  2.00000000e+00])",
     "Tensor(shape=[2], dtype=Float32, value=[1.00000000e+00, 2.00000000e+00])", False, "format"),
    ("[[1. 2.]\n [3. 4.]]\n", "[[1. 2.] [3. 4.]]\n", False, "format"),
    ("Float32\n", "Float64\n", False, "format"),
    ("(2, 3)\n", "(2, 3)\n(2, 3)\n", False, "format"),
])
def test_compare(expected, got, is_loose, verdict):
    diff = doc_examples.compare(expected, got, is_loose)
    assert (diff and diff[0]) == verdict, diff
