"""``mindspore.ops.functional``: every functional op (see ``mindshim.ops.function``)."""
from .function import *  # noqa: F401,F403
from .function import __all__  # noqa: F401
