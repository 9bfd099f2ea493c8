"""The spec's print style (the default) and MindSpore 2.10's style, selected by one setting."""
import os
import subprocess
import sys

import numpy as np
import pytest

import mindshim as ms
from mindshim.common import _printing


@pytest.fixture
def style():
    old = _printing.get_repr_style()
    yield ms.set_repr_style
    ms.set_repr_style(old)


SPEC_STYLE = {
    "scalar": (np.float32(2.5), "Tensor(shape=[], dtype=Float32, value=2.5)"),
    "vector": (np.array([0.0], np.float32), "Tensor(shape=[1], dtype=Float32, value=[0.00000000e+00])"),
    "negative_pads": (np.array([1.0, -2.0], np.float32),
                      "Tensor(shape=[2], dtype=Float32, value=[ 1.00000000e+00, -2.00000000e+00])"),
    "matrix": (np.array([[0.5, 0.5], [0.5, 0.5]], np.float32),
               "Tensor(shape=[2, 2], dtype=Float32, value=\n[[5.00000000e-01, 5.00000000e-01],\n"
               " [5.00000000e-01, 5.00000000e-01]])"),
    "cube": (np.arange(8).reshape(2, 2, 2).astype(np.float32),
             "Tensor(shape=[2, 2, 2], dtype=Float32, value=\n[[[0.00000000e+00, 1.00000000e+00],\n"
             "  [2.00000000e+00, 3.00000000e+00]],\n [[4.00000000e+00, 5.00000000e+00],\n"
             "  [6.00000000e+00, 7.00000000e+00]]])"),
    "ints": (np.array([1, -100], np.int8), "Tensor(shape=[2], dtype=Int8, value=[   1, -100])"),
    "bools": (np.array([True, False]), "Tensor(shape=[2], dtype=Bool, value=[ True, False])"),
    "float16": (np.array([1.5, 2.25], np.float16), "Tensor(shape=[2], dtype=Float16, value=[1.5000e+00, 2.2500e+00])"),
    "empty": (np.zeros((0,), np.float32), "Tensor(shape=[0], dtype=Float32, value=)"),
    "empty2d": (np.zeros((0, 3), np.float32), "Tensor(shape=[0, 3], dtype=Float32, value=\n)"),
    "nan_inf": (np.array([np.nan, -np.inf, 1.0], np.float32),
                "Tensor(shape=[3], dtype=Float32, value=[           nan,           -inf, 1.00000000e+00])"),
}


@pytest.mark.parametrize("name", sorted(SPEC_STYLE))
def test_spec_style_is_default(name):
    data, expected = SPEC_STYLE[name]
    assert _printing.get_repr_style() == "spec"
    assert repr(ms.Tensor(data)) == expected


def test_spec_style_summarises_and_wraps():
    text = repr(ms.Tensor(np.arange(64).reshape(8, 8).astype(np.float32)))
    lines = text.split("\n")
    assert lines[1] == "[[0.00000000e+00, 1.00000000e+00, 2.00000000e+00 ... 5.00000000e+00, 6.00000000e+00, " \
                       "7.00000000e+00],"
    assert lines[4] == " ..."
    wrapped = repr(ms.Tensor(np.arange(30)))
    assert wrapped == ("Tensor(shape=[30], dtype=Int64, value=[ 0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12, "
                       "13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, \n 24, 25, 26, 27, 28, 29])")


def test_2_10_style_reserves_a_sign_column(style):
    style("2.10")
    assert repr(ms.Tensor(np.array([1.0, 2.0], np.float32))) == \
        "Tensor(shape=[2], dtype=Float32, value= [ 1.00000000e+00,  2.00000000e+00])"
    assert repr(ms.Tensor(2.5)) == "Tensor(shape=[], dtype=Float32, value= 2.5)"
    assert repr(ms.Tensor([1, 2])) == "Tensor(shape=[2], dtype=Int64, value= [1, 2])"


def test_bad_style_is_rejected(style):
    with pytest.raises(ValueError, match="'style' must be one of"):
        style("numpy")


def test_style_from_environment():
    code = "import mindshim as ms; print(repr(ms.Tensor([1.0])))"
    env = dict(os.environ, MINDSHIM_REPR_STYLE="2.10")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    assert out.strip() == "Tensor(shape=[1], dtype=Float32, value= [ 1.00000000e+00])"


def test_parameter_and_str():
    p = ms.Parameter(ms.Tensor(np.ones((2, 2), np.float32)), name="weight")
    assert repr(p) == "Parameter (name=weight, shape=(2, 2), dtype=Float32, requires_grad=True)"
    assert str(ms.Tensor(np.array([[1.0, -2.0], [3.0, 4.0]], np.float32))) == "[[ 1. -2.]\n [ 3.  4.]]"
