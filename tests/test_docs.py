"""docs/coverage.md (from the op table and the public modules) and docs/coverage_mindcv.md (from the mindcv goldens)
are generated: they must be up to date."""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_coverage_table_is_current():
    out = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "coverage_table.py"), "--check"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr or out.stdout


def test_mindcv_coverage_is_current():
    """docs/coverage_mindcv.md is what the mindcv goldens and the kept results of the last full run give."""
    out = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "mindcv_coverage.py"), "--check"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr or out.stdout
