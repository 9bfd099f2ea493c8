"""``mindspore.dataset``: datasets, pipeline operations, samplers and transforms, in Python over numpy.

``import mindspore.dataset as ds`` gives MindSpore's dataset API: sources (``NumpySlicesDataset``,
``GeneratorDataset``, ``MnistDataset``, ``Cifar10Dataset``, ``MindDataset``, ...), pipeline methods (``map``, ``batch``,
``shuffle``, ``repeat``, ...), samplers, ``config`` and the ``text``, ``transforms`` and ``vision`` packages.
Iterators yield mindshim Tensors prepared on the device by a background thread. Names of MindSpore's dataset API that
mindshim lacks raise NotImplementedError.
"""
from .._unsupported import module_getattr as _module_getattr
from . import callback, engine, text, transforms, vision
from .callback import DSCallback, WaitedDSCallback
from .core import config
from .engine import *  # noqa: F401,F403
from .engine import __all__ as _engine_all
from .engine import samplers

__all__ = list(_engine_all) + ["DSCallback", "WaitedDSCallback", "config", "text", "transforms", "vision"]

__getattr__ = _module_getattr(__name__)
