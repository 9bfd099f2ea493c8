"""``mindspore.nn``: Cells, layers, losses, optimizers, learning rates and wrapper cells (and ``nn.metrics``,
MindSpore 1.x's home of ``train.metrics``, which the package publishes here: nn sits below train)."""
from . import dynamic_lr, layer, learning_rate_schedule, loss, optim, sparse, wrap
from .cell import Cell
from .dynamic_lr import *  # noqa: F401,F403
from .layer import *  # noqa: F401,F403
from .learning_rate_schedule import *  # noqa: F401,F403
from .loss import *  # noqa: F401,F403
from .optim import *  # noqa: F401,F403
from .sparse import *  # noqa: F401,F403
from .wrap import *  # noqa: F401,F403

__all__ = (["Cell"] + layer.__all__ + loss.__all__ + wrap.__all__ + optim.__all__ + learning_rate_schedule.__all__
           + dynamic_lr.__all__ + sparse.__all__)

from .._unsupported import module_getattr as _module_getattr

__getattr__ = _module_getattr(__name__)
