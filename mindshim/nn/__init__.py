"""``mindspore.nn``: Cells, layers, losses and wrapper cells."""
from . import layer, loss, wrap
from .cell import Cell
from .layer import *  # noqa: F401,F403
from .loss import *  # noqa: F401,F403
from .wrap import *  # noqa: F401,F403

__all__ = ["Cell"] + layer.__all__ + loss.__all__ + wrap.__all__
