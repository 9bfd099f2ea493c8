import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import mindshim  # noqa: E402,F401  (enables JAX x64 before any test builds arrays)
