"""``mindspore.mint.distributed``: the collectives of ``mindspore.ops.communication``."""
from ..ops.communication import *  # noqa: F403
from ..ops.communication import __all__  # noqa: F401  (re-exported)
