"""``mindspore.dataset.vision``: image transforms (``import mindspore.dataset.vision as vision``)."""
from ..._unsupported import module_getattr as _module_getattr
from . import transforms, utils
from .transforms import (
                         HWC2CHW,
                         ImageTensorOperation,
                         Normalize,
                         RandomCrop,
                         RandomHorizontalFlip,
                         RandomVerticalFlip,
                         Rescale,
                         Resize,
)
from .utils import Border, Inter

__all__ = ["HWC2CHW", "Normalize", "RandomCrop", "RandomHorizontalFlip", "RandomVerticalFlip", "Rescale", "Resize",
           "Border", "Inter"]

__getattr__ = _module_getattr(__name__)
