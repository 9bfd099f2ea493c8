"""MindSpore's own system tests (``tests/st`` of the MindSpore repository) that run on CPU, recorded under real
MindSpore 2.10 and replayed under mindshim.

    python tools/record_st.py --source GIT_DIR [--commit SHA]  # select, copy into tests/st_corpus/
    cd /tmp && /work/msvenv/bin/python /path/to/tools/record_st.py --record   # under MindSpore (with pytest on its
                                                                               # path) -> tests/goldens/st.json
    python tools/record_st.py --update-known-failures   # under mindshim's venv: replay, rewrite
                                                        # tests/st_known_failures.json

``--source`` reads a MindSpore git directory (a clone or mirror; ``--commit``, default HEAD) and selects, by the rule
below, the test functions that MindSpore marks to run on CPU, in the API areas users touch; their files (and the
helpers they import: ``tests/mark_utils.py``, ``tests/st/common/random_generator.py``, ``tests/st/utils/``) are
copied into ``tests/st_corpus/`` (MindSpore's code, Apache-2.0, headers kept). That folder is not committed: it is
MindSpore's code, not ours. The goldens hold each copied file's sha256, so the replay knows it replays what was
recorded.

The rule (``select``), applied to every ``test_*.py`` under ``AREAS`` (minus ``EXCLUDED_DIRS``):

- a test function (top level, ``test_*``) is selected when its decorators mark it for CPU on Linux
  (``arg_mark(plat_marks=[..., 'cpu_linux', ...])`` or ``@pytest.mark.platform_x86_cpu``) and not for more than
  one card (``card_mark`` other than ``'onecard'``, ``env_single`` / ``env_onecard`` only);
- a file is taken only if every import is of the standard library, numpy, scipy, pytest, mindspore, or MindSpore's
  helpers above (so no torch, no other test modules), and its text names no dataset folder, no distributed launch
  (``mindspore.communication``, ``msrun``, ``mpirun``, ``subprocess``, ``os.system``), no parallel context and no
  Ascend/GPU-only setting (``device_target="Ascend"``/``"GPU"``, ``ms.runtime``/``hal`` device calls);
- if more than ``MAX_FUNCTIONS`` functions qualify, files are taken in the order of the sha256 of their path until
  ``MAX_FUNCTIONS`` is reached (a deterministic sample, the same for the same source).

``--record`` runs the copied tests under real MindSpore (``python -m pytest`` from a copy of the corpus in a
temporary folder, one process per area, ``TEST_TIMEOUT`` seconds per test) and writes ``tests/goldens/st.json``:
per test id (pytest's node id, relative to the corpus root) the outcome under MindSpore 2.10 CPU (``passed``,
``failed``, ``skipped``, with the reason, and its seconds). Only the tests that pass under MindSpore within
``SLOW`` seconds are replayed
(``tests/st_corpus/conftest.py``, collected by pytest as part of ``tests``; ``tests/test_st.py`` checks that the
goldens are current).
"""
import argparse
import ast
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "tests", "st_corpus")
GOLDENS = os.path.join(ROOT, "tests", "goldens", "st.json")
KNOWN_FAILURES = os.path.join(ROOT, "tests", "st_known_failures.json")

AREAS = ["tests/st/ops", "tests/st/mint", "tests/st/tensor", "tests/st/nn", "tests/st/pynative",
         "tests/st/optimizer", "tests/st/high_grad", "tests/st/vmap", "tests/st/container", "tests/st/numpy_native"]
EXCLUDED_DIRS = ["tests/st/ops/ascend", "tests/st/ops/gpu", "tests/st/ops/graph_kernel",
                 "tests/st/ops/dynamic_shape",  # TEST_OP: MindSpore's dynamic-shape compiler checks
                 "tests/st/pynative/data_parallel", "tests/st/pynative/distributed"]
HELPERS = ["tests/__init__.py", "tests/mark_utils.py", "tests/st/__init__.py", "tests/st/common/__init__.py",
           "tests/st/common/random_generator.py", "tests/st/utils/__init__.py", "tests/st/utils/test_utils.py"]
ALLOWED_IMPORTS = {"numpy", "scipy", "pytest", "mindspore", "tests.mark_utils", "tests.st.utils",
                   "tests.st.utils.test_utils", "tests.st.common.random_generator"}
FORBIDDEN = re.compile(r"mindspore\.communication|msrun|mpirun|subprocess|os\.system|set_auto_parallel_context|"
                       r"device_target\s*=\s*['\"](Ascend|GPU)|mindspore_dataset|/home/workspace|DATA_DIR|"
                       r"ms\.runtime\.|mindspore\.hal|\.hal\.|download")
MAX_FUNCTIONS = 240
TEST_TIMEOUT = 120
SLOW = 10  # seconds a test takes under MindSpore beyond which it is not replayed (CI time)


def _git(source, *args):
    return subprocess.run(["git", "--git-dir", source, *args], capture_output=True, check=True).stdout


def _imports_allowed(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                return False
            names = [node.module]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if top in sys.stdlib_module_names and top != "tests":
                continue
            if top in ("numpy", "scipy", "pytest", "mindspore") or name in ALLOWED_IMPORTS:
                continue
            return False
    return True


def _marks(fn):
    """The pytest marks a function's decorators give it (``arg_mark``'s arguments spelled out)."""
    marks = set()
    for dec in fn.decorator_list:
        if isinstance(dec, ast.Call) and isinstance(dec.func, ast.Name) and dec.func.id == "arg_mark":
            for kw in dec.keywords:
                try:
                    value = ast.literal_eval(kw.value)
                except ValueError:
                    continue
                marks.update(value if isinstance(value, (list, tuple)) else [value])
            for arg in dec.args:
                try:
                    value = ast.literal_eval(arg)
                except ValueError:
                    continue
                marks.update(value if isinstance(value, (list, tuple)) else [value])
        target = dec.func if isinstance(dec, ast.Call) else dec
        text = ast.unparse(target)
        if text.startswith("pytest.mark."):
            marks.add(text[len("pytest.mark."):])
    return marks


def cpu_functions(source_text):
    """The test functions of a file that MindSpore marks for one CPU card on Linux, or ``[]`` if the file is out
    (its imports or text break the rule)."""
    if FORBIDDEN.search(source_text):
        return []
    try:
        tree = ast.parse(source_text)
    except SyntaxError:
        return []
    if not _imports_allowed(tree):
        return []
    selected = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
            marks = _marks(node)
            cards = marks & {"allcards", "dryrun", "dryrun_only", "env_onecard", "env_single", "onecard"}
            if marks & {"cpu_linux", "platform_x86_cpu"} and cards and cards <= {"onecard", "env_onecard",
                                                                                   "env_single"}:
                selected.append(node.name)
    return selected


def select(source, commit):
    """``{path: [function, ...]}`` by the rule in the module's docstring."""
    paths = _git(source, "ls-tree", "-r", "--name-only", commit, "--", *AREAS).decode().split("\n")
    candidates = {}
    for path in paths:
        if not re.fullmatch(r".*/test_[^/]*\.py", path) or any(path.startswith(d + "/") for d in EXCLUDED_DIRS):
            continue
        try:
            text = _git(source, "show", f"{commit}:{path}").decode()
        except (subprocess.CalledProcessError, UnicodeDecodeError):
            continue
        functions = cpu_functions(text)
        if functions:
            candidates[path] = functions
    chosen, total = {}, 0
    for path in sorted(candidates, key=lambda p: hashlib.sha256(p.encode()).hexdigest()):
        if total >= MAX_FUNCTIONS:
            break
        chosen[path] = candidates[path]
        total += len(candidates[path])
    return chosen, len(candidates), sum(len(f) for f in candidates.values())


def _sha(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def copy_corpus(source, commit):
    """Select and copy into tests/st_corpus/; the selection (files, functions, hashes) goes into the goldens."""
    commit = _git(source, "rev-parse", commit).decode().strip()
    chosen, n_files, n_functions = select(source, commit)
    keep = {"conftest.py"}
    for name in os.listdir(CORPUS) if os.path.isdir(CORPUS) else []:
        if name not in keep:
            shutil.rmtree(os.path.join(CORPUS, name)) if os.path.isdir(os.path.join(CORPUS, name)) else None
    for path in HELPERS + sorted(chosen):
        dest = os.path.join(CORPUS, path)
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        try:
            data = _git(source, "show", f"{commit}:{path}")
        except subprocess.CalledProcessError:
            data = b""  # a package folder without __init__.py in MindSpore: an empty one here
        with open(dest, "wb") as f:
            f.write(data)
    for path in chosen:  # every folder a package, as MindSpore's tests import them (tests.st.ops.cpu...)
        folder = os.path.dirname(os.path.join(CORPUS, path))
        while folder != CORPUS:
            init = os.path.join(folder, "__init__.py")
            if not os.path.exists(init):
                open(init, "w").close()
            folder = os.path.dirname(folder)
    goldens = load_goldens()
    goldens.update({"source": "github.com/mindspore-ai/mindspore (mirror mindspore-ai/mindspore_test)",
                    "commit": commit, "candidates": {"files": n_files, "functions": n_functions},
                    "files": {p: {"functions": f, "sha256": _sha(os.path.join(CORPUS, p))}
                              for p, f in sorted(chosen.items())},
                    "helpers": {p: _sha(os.path.join(CORPUS, p)) for p in HELPERS}})
    goldens.setdefault("tests", {})
    _write(GOLDENS, goldens)
    print(f"{len(chosen)} files, {sum(len(f) for f in chosen.values())} functions selected "
          f"of {n_files} files, {n_functions} functions that qualify")


def area(path):
    """The area a corpus file belongs to: ``tests/st/ops/cpu/test_x.py`` -> ``ops/cpu``, ``tests/st/nn/x`` -> nn."""
    parts = path.split("/")[2:-1]
    return "/".join(parts[:2]) if parts[:1] == ["ops"] and len(parts) > 1 else parts[0]


def _outcomes(junit):
    """``{node id: (outcome, reason)}`` from a junit XML report."""
    out = {}
    for case in ET.parse(junit).getroot().iter("testcase"):
        module = case.get("classname", "")
        path = module.replace(".", "/") + ".py"
        node = f"{path}::{case.get('name')}"
        outcome, reason = "passed", ""
        for child in case:
            if child.tag in ("failure", "error"):
                outcome, reason = "failed", (child.get("message") or "").split("\n")[0][:300]
            elif child.tag == "skipped":
                outcome, reason = "skipped", (child.get("message") or "")[:300]
        if out.get(node, ("passed",))[0] == "passed":  # an error in teardown after a pass counts
            out[node] = (outcome, reason, float(case.get("time", 0)))
    return out


def record():
    """Run the corpus under real MindSpore (this interpreter) and write the outcomes into the goldens."""
    import mindspore
    goldens = load_goldens()
    files = goldens["files"]
    tests = {}
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(CORPUS, os.path.join(tmp, "corpus"), ignore=shutil.ignore_patterns("conftest.py",
                                                                                           "__pycache__"))
        shutil.copy(os.path.join(ROOT, "tools", "st_timeout.py"), tmp)
        by_area = {}
        for path, entry in files.items():
            by_area.setdefault(area(path), []).extend(f"{path}::{f}" for f in entry["functions"])
        for name, nodes in sorted(by_area.items()):
            junit = os.path.join(tmp, "junit.xml")
            env = dict(os.environ, PYTHONPATH=os.pathsep.join([tmp, os.path.join(tmp, "corpus"),
                                                               os.environ.get("PYTHONPATH", "")]),
                       ST_TEST_TIMEOUT=str(TEST_TIMEOUT))
            run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "st_timeout", "-p", "no:cacheprovider",
                                  "--rootdir", os.path.join(tmp, "corpus"), f"--junitxml={junit}", *nodes],
                                 cwd=os.path.join(tmp, "corpus"), env=env, capture_output=True, text=True)
            if not os.path.exists(junit):
                print(run.stdout[-3000:], run.stderr[-3000:])
                raise SystemExit(f"{name}: pytest wrote no report")
            got = _outcomes(junit)
            os.remove(junit)
            tests.update(got)
            print(f"{name}: {sum(o == 'passed' for o, *_ in got.values())} of {len(got)} passed", flush=True)
    goldens["mindspore"] = mindspore.__version__
    goldens["tests"] = {k: dict({"outcome": o, "seconds": round(t, 2)}, **({"reason": r} if r else {}))
                        for k, (o, r, t) in sorted(tests.items())}
    _write(GOLDENS, goldens)


def update_known_failures():
    """Replay the corpus under mindshim (pytest on tests/st_corpus, known failures ignored); the failing tests
    become the known failures."""
    with tempfile.TemporaryDirectory() as tmp:
        junit = os.path.join(tmp, "junit.xml")
        subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "2",
                        f"--junitxml={junit}", os.path.relpath(CORPUS, ROOT)],
                       cwd=ROOT, env=dict(os.environ, ST_IGNORE_KNOWN_FAILURES="1"))
        got = _outcomes(junit)
    prefix = os.path.relpath(CORPUS, ROOT) + "/"
    failures = {k[len(prefix):] if k.startswith(prefix) else k: r.replace(ROOT + os.sep, "")
                for k, (o, r, _) in got.items() if o == "failed"}
    # A failure marked "random" (its outcome depends on random numbers; written by hand) stays even when it passed
    # by chance, with its reason.
    failures.update({k: r for k, r in load_known_failures().items() if r.startswith("random")})
    _write(KNOWN_FAILURES, dict(sorted(failures.items())))
    print(f"{len(failures)} known failures of {len(got)} replayed")


def load_goldens():
    if not os.path.exists(GOLDENS):
        return {}
    with open(GOLDENS) as f:
        return json.load(f)


def load_known_failures():
    if not os.path.exists(KNOWN_FAILURES):
        return {}
    with open(KNOWN_FAILURES) as f:
        return json.load(f)


def _write(path, data):
    with open(path, "w") as f:
        json.dump(data, f, indent=1, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", help="a MindSpore git directory: select and copy the corpus")
    parser.add_argument("--commit", default="HEAD")
    parser.add_argument("--record", action="store_true", help="run the corpus under real MindSpore")
    parser.add_argument("--update-known-failures", action="store_true")
    args = parser.parse_args()
    if args.source:
        copy_corpus(args.source, args.commit)
    if args.record:
        record()
    if args.update_known_failures:
        update_known_failures()
