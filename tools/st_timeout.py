"""A pytest plugin: a test running longer than ``ST_TEST_TIMEOUT`` seconds (default 120) fails with TimeoutError.

Used by ``tools/record_st.py`` under real MindSpore and by ``tests/st_corpus/conftest.py`` under mindshim, so that
a hanging test of MindSpore's system tests fails instead of holding the run. SIGALRM, so main thread and POSIX
only; code that never returns to Python (a long compile) is interrupted when it does.
"""
import math
import os
import signal

import pytest


def _on_alarm(signum, frame):
    raise TimeoutError(f"the test ran longer than {os.environ.get('ST_TEST_TIMEOUT', '120')} seconds")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item):
    old = signal.signal(signal.SIGALRM, _on_alarm)
    signal.alarm(math.ceil(float(os.environ.get("ST_TEST_TIMEOUT", "120"))))
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
