"""``mindspore.dtype``: the same module as ``mindspore.common.dtype``."""
import sys

from .common import dtype as _dtype

sys.modules[__name__] = _dtype
