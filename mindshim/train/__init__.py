"""``mindspore.train``: Model, callbacks, metrics and checkpoints."""
from . import _sink, callback, metrics, model, serialization, summary
from ._sink import DatasetHelper, connect_network_with_dataset, data_sink
from .callback import *  # noqa: F401,F403
from .metrics import *  # noqa: F401,F403
from .model import *  # noqa: F401,F403
from .serialization import *  # noqa: F401,F403
from .summary import SummaryRecord

__all__ = callback.__all__ + metrics.__all__ + model.__all__ + serialization.__all__ + _sink.__all__ + summary.__all__

from .._unsupported import module_getattr as _module_getattr

__getattr__ = _module_getattr(__name__)
