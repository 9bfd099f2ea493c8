"""Tensor methods beyond the core ones in ``tensor.py``, each a view of an op (``mindspore.ops``).

``METHODS`` maps a method name to a function ``(tensor, *args, **kwargs)``; ``attach()`` installs them on
``Tensor``. It runs when ``mindshim`` is imported, after ``mindshim.ops``.
"""
from .tensor import Tensor

METHODS = {}


def attach():
    for name, fn in METHODS.items():
        setattr(Tensor, name, fn)
