import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))

# Many tests build a fresh network and compile the same program again: let them share compiled programs, in a
# folder of the test run's own (one for all pytest-xdist workers, and the Python processes tests start), never the
# user's cache.
_RUN = os.environ.get("PYTEST_XDIST_TESTRUNUID")
if _RUN:
    os.environ["MINDSHIM_CACHE_DIR"] = os.path.join(tempfile.gettempdir(), f"mindshim-jax-cache-{_RUN}")
    os.makedirs(os.environ["MINDSHIM_CACHE_DIR"], exist_ok=True)
else:
    os.environ["MINDSHIM_CACHE_DIR"] = tempfile.mkdtemp(prefix="mindshim-jax-cache-")

import jax  # noqa: E402
import pytest  # noqa: E402

import mindshim  # noqa: E402,F401  (enables JAX x64 before any test builds arrays)
from mindshim import _state  # noqa: E402

jax.config.update("jax_compilation_cache_dir", os.environ["MINDSHIM_CACHE_DIR"])
jax.config.update("jax_persistent_cache_min_compile_time_secs", 0)
jax.config.update("jax_persistent_cache_min_entry_size_bytes", 0)


@pytest.fixture(autouse=True)
def _fresh_process_state():
    """Every test starts from mindshim's defaults (context, seed, printing style, parallel context, dataset config),
    whatever the previous one set."""
    yield
    _state.reset()
