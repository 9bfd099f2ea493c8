"""The op table's rows, by family. Importing this package fills ``mindshim._registry.REGISTRY``.

``core`` holds the rows the foundation needs and the shared checks; ``math``, ``array`` and ``nn`` the
rest of MindSpore's vocabulary.
"""
from . import array, core, loss, math, nn  # noqa: F401
