"""MindSpore's own system tests (its ``tests/st``, CPU ones), replayed under mindshim.

``tools/record_st.py --source`` copies the selected tests here (MindSpore's code: this folder is not committed, only
this file is) and ``--record`` runs them under real MindSpore 2.10 (``tests/goldens/st.json``). pytest collects them
here as it collects any test, with ``import mindspore`` resolving to mindshim: the tests check themselves (numpy
expectations), so one passes when its assertions hold. Only the tests that passed under MindSpore (within
``record_st.SLOW`` seconds) run; the others are deselected (not recorded: MindSpore marks them for other platforms)
or skipped with MindSpore's outcome.
``tests/st_known_failures.json`` lists those mindshim does not pass yet, as strict xfails (not strict where the
reason starts with "random")
(``tools/record_st.py --update-known-failures`` rewrites it; ``ST_IGNORE_KNOWN_FAILURES=1`` runs them as plain
tests). A test running past ``ST_TEST_TIMEOUT`` seconds (60 here) fails (``tools/st_timeout.py``).

MindSpore's test modules set the context when imported (``context.set_context(mode=GRAPH_MODE)``): pytest imports
them all while collecting, so the settings each module's import made are kept and put back before each of its tests
(after ``tests/conftest.py`` reset them after the previous test).
"""
import copy
import glob
import os
import re
import sys

import pytest

import mindshim
from mindshim import _state

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tools"))
sys.path.insert(0, HERE)  # MindSpore's tests import their helpers as ``tests.mark_utils``, ``tests.st.utils``

import record_st  # noqa: E402
from st_timeout import pytest_runtest_call  # noqa: E402,F401  (the per-test timeout, for the tests under here)

os.environ.setdefault("ST_TEST_TIMEOUT", "60")

GOLDENS = record_st.load_goldens().get("tests", {})
KNOWN = {} if os.environ.get("ST_IGNORE_KNOWN_FAILURES") else record_st.load_known_failures()
_settings = {}  # module node id -> mindshim's state after importing it


def _recorded_id(item):
    return os.path.relpath(str(item.path), HERE) + "::" + item.name


def pytest_configure(config):
    """MindSpore's marks (platforms, levels, cards), as its own CI registers them."""
    marks = {"level0", "level1", "level2", "level3", "level4", "platform_ascend", "platform_ascend910b",
             "platform_ascend310p", "platform_gpu", "cpu_linux", "cpu_windows", "cpu_macos", "onecard", "allcards",
             "dryrun", "dryrun_only", "essential", "unessential"}
    for path in glob.glob(os.path.join(HERE, "tests", "st", "**", "test_*.py"), recursive=True):
        with open(path) as f:
            marks.update(re.findall(r"pytest\.mark\.(\w+)", f.read()))
    for mark in sorted(marks - {"parametrize", "skip", "skipif", "xfail", "usefixtures", "filterwarnings"}):
        config.addinivalue_line("markers", f"{mark}: MindSpore's test mark")


class _Unimportable(pytest.Item):
    """A recorded test of a module that does not import under mindshim: it fails with the import's error."""

    def __init__(self, *, error, **kwargs):
        super().__init__(**kwargs)
        self.error = error

    def runtest(self):
        raise self.error

    def reportinfo(self):
        return self.path, 0, self.name


class _Module(pytest.Module):
    def collect(self):
        try:
            return super().collect()
        except Exception as e:  # pytest.CollectError, or what the module raised
            prefix = os.path.relpath(str(self.path), HERE) + "::"
            last = [line for line in str(e).splitlines() if line.strip()][-1]  # pytest's report: the error last
            error = ImportError(f"{os.path.basename(self.path)} does not import under mindshim: "
                                f"{last.lstrip('E').strip()}")
            return [_Unimportable.from_parent(self, name=test[len(prefix):], error=error)
                    for test in GOLDENS if test.startswith(prefix)]


def pytest_pycollect_makemodule(module_path, parent):
    return _Module.from_parent(parent, path=module_path)


def pytest_collectstart(collector):
    if isinstance(collector, pytest.Module):
        mindshim.install()
        _state.reset()


def pytest_collectreport(report):
    if report.nodeid.endswith(".py"):
        _settings[report.nodeid] = copy.deepcopy({k: v for k, v in _state._initial.items() if k != "versions"})
        _state.reset()


def pytest_collection_modifyitems(config, items):
    kept, dropped = [], []
    for item in items:
        if not str(item.path).startswith(HERE + os.sep):
            kept.append(item)
            continue
        golden = GOLDENS.get(_recorded_id(item))
        if golden is None:
            dropped.append(item)
            continue
        kept.append(item)
        if golden["outcome"] != "passed":
            item.add_marker(pytest.mark.skip(reason=f"MindSpore 2.10 (CPU): {golden['outcome']} "
                                                    f"{golden.get('reason', '')}".rstrip()))
        elif golden["seconds"] > record_st.SLOW:
            item.add_marker(pytest.mark.skip(reason=f"slow: {golden['seconds']} s under MindSpore 2.10 (CPU)"))
        elif _recorded_id(item) in KNOWN:
            reason = KNOWN[_recorded_id(item)]  # one that depends on random numbers may pass by chance: not strict
            item.add_marker(pytest.mark.xfail(strict=not reason.startswith("random"), reason=reason))
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


@pytest.fixture(autouse=True)
def _module_settings(request):
    """The context the test's module set when imported, as under MindSpore; ``import mindspore`` is mindshim."""
    mindshim.install()
    saved = _settings.get(request.node.nodeid.split("::")[0])
    if saved:
        for name, value in saved.items():
            _state._initial[name].clear()
            _state._initial[name].update(copy.deepcopy(value))
        _state.invalidate()
    yield
