"""docs/coverage.md is generated from the op table and the public modules: it must be up to date."""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_coverage_table_is_current():
    out = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "coverage_table.py"), "--check"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr or out.stdout
