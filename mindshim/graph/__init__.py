"""``mindspore.graph``: MindSpore's graph-compilation helpers. mindshim has ``mindspore.graph.lazy_inline``; the
custom passes, backends and infer functions of MindSpore's graph compiler raise NotImplementedError naming them."""
from .._unsupported import module_getattr as _module_getattr

__getattr__ = _module_getattr(__name__)
