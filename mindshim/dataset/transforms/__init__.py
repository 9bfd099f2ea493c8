"""``mindspore.dataset.transforms``: general data transforms (``import mindspore.dataset.transforms as transforms``)."""
from ..._unsupported import module_getattr as _module_getattr
from . import transforms
from .transforms import (
                         Compose,
                         Concatenate,
                         Duplicate,
                         Fill,
                         Mask,
                         OneHot,
                         PadEnd,
                         PyTensorOperation,
                         RandomApply,
                         RandomChoice,
                         RandomOrder,
                         Relational,
                         Slice,
                         TensorOperation,
                         TypeCast,
                         Unique,
)

__all__ = ["Compose", "Concatenate", "Duplicate", "Fill", "Mask", "OneHot", "PadEnd", "RandomApply", "RandomChoice",
           "RandomOrder", "Relational", "Slice", "TypeCast", "Unique"]

__getattr__ = _module_getattr(__name__)
