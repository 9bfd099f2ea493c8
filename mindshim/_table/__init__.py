"""The op table's rows, by family. Importing this package fills ``mindshim._registry.REGISTRY``.

``core`` holds the rows the foundation needs; ``math``, ``linalg``, ``array``, ``scatter``, ``search``, ``nn``,
``image``, ``loss``, ``optim``, ``random`` and ``sparse`` the rest of MindSpore's vocabulary, ``custom``
the row of a user's ``ops.Custom``; ``_checks`` the checks
and helpers the families share (``_optim_rules`` the optimizer update rules, shared with ``nn.optim``).
"""
from . import array, core, custom, image, linalg, loss, math, nn, optim, random, scatter, search, sparse  # noqa: F401
