"""MindSpore's system tests (``tests/st``, the CPU ones), recorded under real MindSpore 2.10 by
``tools/record_st.py``: the goldens are consistent with the copied corpus, which ``tests/st_corpus/conftest.py``
replays under mindshim.

The corpus is MindSpore's code and is not committed: where ``tests/st_corpus/`` holds no copy (a fresh clone), the
checks that need it skip, saying how to get it.
"""
import hashlib
import os
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))

import record_st  # noqa: E402

GOLDENS = record_st.load_goldens()
KNOWN = record_st.load_known_failures()
PRESENT = os.path.exists(os.path.join(record_st.CORPUS, "tests", "mark_utils.py"))


def _sha(path):
    with open(os.path.join(record_st.CORPUS, path), "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def test_every_selected_function_is_recorded():
    """Each selected function has at least one recorded outcome (a parametrized one, one per case), and every
    recorded test belongs to a selected function."""
    selected = {f"{path}::{fn}" for path, entry in GOLDENS["files"].items() for fn in entry["functions"]}
    recorded = {test.split("[")[0] for test in GOLDENS["tests"]}
    assert selected == recorded, (sorted(selected - recorded)[:5], sorted(recorded - selected)[:5])


def test_known_failures_are_tests_mindspore_passes():
    passing = {t for t, g in GOLDENS["tests"].items() if g["outcome"] == "passed"}
    assert not set(KNOWN) - passing, sorted(set(KNOWN) - passing)
    assert all(isinstance(reason, str) for reason in KNOWN.values())


@pytest.mark.skipif(not PRESENT, reason="MindSpore's tests are not copied here: "
                                        "run tools/record_st.py --source <MindSpore git dir> --commit "
                                        f"{GOLDENS['commit'][:12]}")
def test_goldens_are_current():
    """The corpus here is what was recorded: the same files, byte for byte."""
    for path, sha in GOLDENS["helpers"].items():
        assert _sha(path) == sha, f"{path} changed since it was recorded: run tools/record_st.py --record"
    for path, entry in GOLDENS["files"].items():
        assert _sha(path) == entry["sha256"], f"{path} changed since it was recorded: run tools/record_st.py --record"


@pytest.mark.parametrize("text,functions", [
    ("import numpy as np\nimport pytest\nimport mindspore as ms\nfrom tests.mark_utils import arg_mark\n"
     "@arg_mark(plat_marks=['cpu_linux', 'platform_gpu'], level_mark='level0', card_mark='onecard', "
     "essential_mark='essential')\ndef test_a():\n    pass\n"
     "@arg_mark(plat_marks=['platform_ascend'], level_mark='level0', card_mark='onecard', "
     "essential_mark='essential')\ndef test_b():\n    pass\n"
     "@pytest.mark.level0\n@pytest.mark.platform_x86_cpu\n@pytest.mark.env_onecard\ndef test_c():\n    pass\n"
     "@arg_mark(plat_marks=['cpu_linux'], level_mark='level0', card_mark='allcards', "
     "essential_mark='essential')\ndef test_d():\n    pass\n", ["test_a", "test_c"]),
    ("import torch\n@pytest.mark.platform_x86_cpu\n@pytest.mark.env_onecard\ndef test_a():\n    pass\n", []),
    ("from tests.st.ops.dynamic_shape.test_op_utils import TEST_OP\n@pytest.mark.platform_x86_cpu\n"
     "@pytest.mark.env_onecard\ndef test_a():\n    pass\n", []),
    ("import mindspore.communication\n@pytest.mark.platform_x86_cpu\n@pytest.mark.env_onecard\ndef test_a():\n"
     "    pass\n", []),
    ("import mindspore as ms\nms.set_context(device_target='Ascend')\n@pytest.mark.platform_x86_cpu\n"
     "@pytest.mark.env_onecard\ndef test_a():\n    pass\n", []),
])
def test_selection_rule(text, functions):
    assert record_st.cpu_functions(text) == functions
