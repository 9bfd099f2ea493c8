"""``mindspore.common.generator``: MindSpore's stateful random generators (``mindspore.Generator``), which mindshim
does not have yet (its random ops draw from ``set_seed``'s key): importing works, constructing one raises
NotImplementedError."""
from .._unsupported import unsupported_class

__all__ = ["Generator"]

Generator = unsupported_class("mindspore.Generator")
