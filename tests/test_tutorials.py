"""MindSpore's tutorials, replayed under mindshim.

Each script under ``tests/tutorials/`` (MindSpore's tutorial code, downloads replaced by small synthetic data)
was run under real MindSpore 2.10 (CPU) by ``tools/record_tutorials.py``; ``tests/goldens/tutorials.json`` holds
what each top-level statement printed. Here each one runs again in this process with ``import mindspore``
resolving to mindshim and must print the same (``doc_examples.compare``); statements whose output is random only
have to run. ``tests/tutorials_known_failures.json`` lists the scripts mindshim does not pass yet (strict xfails,
except those whose reason starts with "random": ``tools/record_tutorials.py --update-known-failures`` rewrites it).
"""
import doc_examples
import pytest
import tutorial_scripts
from test_doc_examples import _mindspore_is_mindshim  # noqa: F401 - the module's autouse fixture

import mindshim

GOLDENS = tutorial_scripts.load_goldens()
KNOWN = tutorial_scripts.load_known_failures()


def _params():
    for name, golden in sorted(GOLDENS.items()):
        marks = []
        if "skip" in golden:
            marks.append(pytest.mark.skip(reason=f"MindSpore 2.10 (CPU): {golden['skip']}"))
        elif name in KNOWN:  # a failure that depends on random numbers may pass by chance: not strict
            marks.append(pytest.mark.xfail(strict=not KNOWN[name].startswith("random"), reason=KNOWN[name]))
        yield pytest.param(golden, id=name, marks=marks)


@pytest.mark.parametrize("golden", list(_params()))
def test_tutorial(golden):
    mindshim.install()
    result = doc_examples.run_example(golden, timeout=doc_examples.REPLAY_TIMEOUT, setup=doc_examples.reset_mindshim)
    diff = tutorial_scripts.check(golden, result)
    assert diff is None, f"{diff[0]}: {diff[1]}"


def test_goldens_are_current():
    """Every script is recorded, as it now reads (a script edited since is recorded again)."""
    for name in tutorial_scripts.names():
        assert name in GOLDENS, f"{name} is not recorded: run tools/record_tutorials.py {name} under MindSpore"
        script, golden = tutorial_scripts.load(name), GOLDENS[name]
        assert script["statements"][:len(golden["statements"])] == golden["statements"], \
            f"tests/tutorials/{name}.py changed since it was recorded: run tools/record_tutorials.py {name}"
    assert not set(KNOWN) - set(GOLDENS), sorted(set(KNOWN) - set(GOLDENS))
