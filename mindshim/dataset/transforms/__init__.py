"""``mindspore.dataset.transforms``: general data transforms (``import mindspore.dataset.transforms as transforms``)."""
from ..._unsupported import module_getattr as _module_getattr
from . import transforms
from .transforms import (
                         Compose,
                         Duplicate,
                         Fill,
                         OneHot,
                         PyTensorOperation,
                         RandomApply,
                         RandomChoice,
                         TensorOperation,
                         TypeCast,
)

__all__ = ["Compose", "Duplicate", "Fill", "OneHot", "RandomApply", "RandomChoice", "TypeCast"]

__getattr__ = _module_getattr(__name__)
