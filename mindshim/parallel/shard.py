"""``mindspore.parallel.shard``: tensor layouts for MindSpore's semi-auto parallel mode, which mindshim lacks:
importing works, constructing one raises NotImplementedError."""
from .._unsupported import unsupported_class

Layout = unsupported_class("mindspore.parallel.Layout")
_DistributedTensorInfo = unsupported_class("mindspore.parallel.shard._DistributedTensorInfo")
