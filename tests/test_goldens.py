"""Replay every golden case (``tests/golden_cases``) on mindshim and compare with real MindSpore 2.10. A case marked
``@deviates`` (``golden_cases._helpers``) expects the error it names instead of the recorded one; one marked
``@tolerance`` is compared within its own relative tolerance."""
import json
import math
import os

import golden_cases
import pytest

import mindshim
from mindshim.common import _printing

GOLDENS = os.path.join(os.path.dirname(__file__), "goldens")

# Numerics: float32 results within this relative tolerance (absolute for values near zero).
RTOL, ATOL = 1e-5, 1e-6


def _load():
    params = []
    for module in golden_cases.MODULES:
        path = os.path.join(GOLDENS, f"{module}.json")
        if not os.path.exists(path):
            continue
        with open(path) as f:
            recorded = json.load(f)["cases"]
        fns = golden_cases.cases(module)
        for name in sorted(fns):
            params.append(pytest.param(module, name, fns[name], recorded.get(name), id=f"{module}::{name}"))
    return params


def _close(a, b, path, rtol=RTOL):
    if isinstance(a, dict) and "tensor" in a:
        assert isinstance(b, dict) and "tensor" in b, f"{path}: expected a Tensor, got {b!r}"
        assert a["tensor"] == b["tensor"], f"{path}: dtype {b['tensor']} != MindSpore's {a['tensor']}"
        assert a["shape"] == b["shape"], f"{path}: shape {b['shape']} != MindSpore's {a['shape']}"
        _close(a["data"], b["data"], path + ".data", rtol)
    elif isinstance(a, dict):
        assert isinstance(b, dict) and a.keys() == b.keys(), f"{path}: structure {b!r} != {a!r}"
        for k in a:
            _close(a[k], b[k], f"{path}.{k}", rtol)
    elif isinstance(a, list):
        assert isinstance(b, list) and len(a) == len(b), f"{path}: {b!r} != {a!r}"
        for i, (x, y) in enumerate(zip(a, b)):
            _close(x, y, f"{path}[{i}]", rtol)
    elif isinstance(a, float) or (isinstance(a, str) and a in ("nan", "inf", "-inf")):
        x, y = float(a), float(b)
        assert (math.isnan(x) and math.isnan(y)) or math.isclose(x, y, rel_tol=rtol, abs_tol=ATOL), \
            f"{path}: {b} != MindSpore's {a}"
    else:
        assert type(a) is type(b) and a == b, f"{path}: {b!r} != MindSpore's {a!r}"


def _paths(message):
    """``message`` with class paths as ``mindshim.install()`` names them (``<class 'mindspore.…'>``), so a case
    reads the same whether or not an earlier test installed the alias."""
    return message.replace("<class 'mindshim.", "<class 'mindspore.")


@pytest.mark.parametrize("module,name,fn,golden", _load())
def test_golden(module, name, fn, golden):
    assert golden is not None, f"no golden recorded for {module}::{name}: run tools/record_goldens.py"
    old = _printing.get_repr_style()
    _printing.set_repr_style("2.10")  # goldens hold what MindSpore 2.10 prints
    try:
        ours = golden_cases.run_case(fn, mindshim)
    finally:
        _printing.set_repr_style(old)
    if "error" in golden:
        expected = golden["error"], golden["message"]
        deviation = getattr(fn, "deviation", None)  # golden_cases._helpers.deviates: mindshim differs on purpose
        if deviation is not None:
            expected = deviation[1] or expected[0], deviation[2] or expected[1]
        assert "error" in ours, f"MindSpore raises {golden['error']}: {golden['message']}; mindshim gave {ours}"
        assert (ours["error"], _paths(ours["message"])) == (expected[0], _paths(expected[1]))
    else:
        assert "error" not in ours, f"mindshim raised {ours.get('error')}: {ours.get('message')}"
        _close(golden["result"], ours["result"], name, getattr(fn, "rtol", (RTOL,))[0])
