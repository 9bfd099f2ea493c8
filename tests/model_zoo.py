"""What the model-zoo checks (mindcv, mindformers) share: the comparison their tests make, the recorders' runs, error
reasons and golden files (``tools/record_*.py``, under real MindSpore), and the coverage pages' test runs
(``tools/*_coverage.py``: pytest's JUnit report kept as ``{name: {key: [status, seconds, message]}}``)."""
import json
import os
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

import numpy as np

RTOL = 1e-4  # float32, summed in another order


def close(actual, expected):
    """Within float32 rounding of the values' scale (summation order differs)."""
    expected = np.asarray(expected)
    np.testing.assert_allclose(actual, expected, rtol=RTOL, atol=RTOL * max(1.0, float(np.abs(expected).max())))


def reason(exc):
    """An exception as one line for a golden's ``*_skip`` entry."""
    lines = [line for line in str(exc).strip().splitlines() if line.strip()]
    return f"{type(exc).__name__}: {lines[0][:300] if lines else ''}"


def record_each(script, names, limit_s):
    """Run ``script --one NAME`` for each name in its own process (a crash or hang costs only that one); yield
    ``(name, status)``, status ``"ok"`` or why not, after printing it with the wall time."""
    for name in names:
        t0 = time.perf_counter()
        try:
            proc = subprocess.run([sys.executable, os.path.abspath(script), "--one", name], timeout=limit_s,
                                  capture_output=True, text=True)
            status = "ok" if proc.returncode == 0 else f"exit {proc.returncode}: {proc.stderr[-600:]}"
        except subprocess.TimeoutExpired:
            status = f"over {limit_s} s"
        print(f"{name}: {status} ({time.perf_counter() - t0:.0f} s)", flush=True)
        yield name, status


def write_json(path, data, sort_keys=False):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        json.dump(data, f, indent=1, sort_keys=sort_keys)
        f.write("\n")


def load_results(path):
    if not os.path.exists(path):
        return {}
    with open(path) as f:
        return json.load(f)


def run_tests(root, args, env):
    """Run pytest with ``args`` in ``root``; yield ``(test function, parameter id, [status, seconds, message])``."""
    with tempfile.TemporaryDirectory() as tmp:
        xml = os.path.join(tmp, "report.xml")
        subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-W", "ignore",
                        f"--junitxml={xml}", *args], cwd=root, env=dict(os.environ, **env))
        for tc in ET.parse(xml).getroot().iter("testcase"):
            test, _, param = tc.get("name").partition("[")
            outcome = next((c for c in tc if c.tag in ("failure", "error", "skipped")), None)
            status = "pass" if outcome is None else ("skip" if outcome.tag == "skipped" else "fail")
            message = "" if outcome is None else (outcome.get("message") or "").splitlines()[0][:200]
            yield test, param.rstrip("]"), [status, round(float(tc.get("time", 0)), 1), message]


def cell(result):
    """A result as a cell of a coverage page."""
    if result is None:
        return "not run"
    status, _, message = result
    return {"pass": "pass", "skip": "skipped"}.get(status, f"FAIL: {message.replace('|', '/')}")


def write_page(path, text, check, tool):
    """Write a coverage page, or (``check``) return 1 if the one on disk is not ``text``."""
    if check:
        with open(path) as f:
            if f.read() != text:
                print(f"{os.path.relpath(path, os.path.dirname(os.path.dirname(path)))} is stale: run python {tool}")
                return 1
        return 0
    with open(path, "w") as f:
        f.write(text)
    return 0
