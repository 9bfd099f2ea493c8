"""``mindspore.ops.function``: functional ops by family, as MindSpore lays them out."""
from . import array_func, core_func, loss_func, math_func, nn_func, random_func, sparse_func
from .array_func import *  # noqa: F401,F403
from .core_func import *  # noqa: F401,F403
from .loss_func import *  # noqa: F401,F403
from .math_func import *  # noqa: F401,F403
from .nn_func import *  # noqa: F401,F403
from .random_func import *  # noqa: F401,F403
from .sparse_func import *  # noqa: F401,F403

__all__ = (core_func.__all__ + math_func.__all__ + array_func.__all__ + nn_func.__all__ + random_func.__all__
           + loss_func.__all__ + sparse_func.__all__)
