"""The op table's rows, by family. Importing this package fills ``mindshim._registry.REGISTRY``.

``core`` holds the rows the foundation needs; ``math``, ``array``, ``nn``, ``loss``, ``random`` and ``sparse`` the
rest of MindSpore's vocabulary; ``_checks`` the checks and helpers the families share.
"""
from . import array, core, loss, math, nn, random, sparse  # noqa: F401
