"""``mindspore.dataset.vision``: image transforms (``import mindspore.dataset.vision as vision``)."""
from ..._unsupported import module_getattr as _module_getattr
from . import transforms, utils
from .transforms import (
                         HWC2CHW,
                         AdjustBrightness,
                         AdjustContrast,
                         AdjustSaturation,
                         AdjustSharpness,
                         AutoContrast,
                         CenterCrop,
                         ConvertColor,
                         Crop,
                         Equalize,
                         Erase,
                         HorizontalFlip,
                         HsvToRgb,
                         ImageTensorOperation,
                         Invert,
                         Normalize,
                         NormalizePad,
                         Pad,
                         PadToSize,
                         Posterize,
                         RandomCrop,
                         RandomHorizontalFlip,
                         RandomVerticalFlip,
                         Rescale,
                         Resize,
                         RgbToHsv,
                         SlicePatches,
                         Solarize,
                         ToNumpy,
                         ToPIL,
                         ToTensor,
                         ToType,
                         VerticalFlip,
)
from .utils import Border, ConvertMode, ImageBatchFormat, Inter, SliceMode

__all__ = ["AdjustBrightness", "AdjustContrast", "AdjustSaturation", "AdjustSharpness", "AutoContrast",
           "CenterCrop", "ConvertColor", "Crop", "Equalize", "Erase", "HWC2CHW", "HorizontalFlip", "HsvToRgb",
           "Invert", "Normalize", "NormalizePad", "Pad", "PadToSize", "Posterize", "RandomCrop",
           "RandomHorizontalFlip", "RandomVerticalFlip", "Rescale", "Resize", "RgbToHsv", "SlicePatches", "Solarize",
           "ToNumpy", "ToPIL", "ToTensor", "ToType", "VerticalFlip", "Border", "ConvertMode", "ImageBatchFormat",
           "Inter", "SliceMode"]

__getattr__ = _module_getattr(__name__)
