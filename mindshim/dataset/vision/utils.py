"""``mindspore.dataset.vision.utils``: the enums the vision transforms take, and image encoding."""
from enum import Enum, IntEnum

import numpy as np


class Inter(IntEnum):
    """Interpolation modes (mindshim's Resize implements NEAREST, LINEAR/BILINEAR, BICUBIC and AREA)."""
    NEAREST = 0
    ANTIALIAS = 1
    BILINEAR = LINEAR = 2
    BICUBIC = CUBIC = 3
    AREA = 4
    PILCUBIC = 5


class AutoAugmentPolicy(str, Enum):
    """The datasets whose learned policies ``AutoAugment`` applies."""
    IMAGENET: str = "imagenet"
    CIFAR10: str = "cifar10"
    SVHN: str = "svhn"


class Border(str, Enum):
    """Padding modes: a constant, the edge value, a reflection without (REFLECT) or with (SYMMETRIC) the edge."""
    CONSTANT: str = "constant"
    EDGE: str = "edge"
    REFLECT: str = "reflect"
    SYMMETRIC: str = "symmetric"

    @staticmethod
    def to_python_type(border_type):
        return border_type.value


class ConvertMode(IntEnum):
    """The color conversions of ``ConvertColor`` (OpenCV's codes; an RGB name shares its BGR twin's value)."""
    COLOR_BGR2BGRA = COLOR_RGB2RGBA = 0
    COLOR_BGRA2BGR = COLOR_RGBA2RGB = 1
    COLOR_BGR2RGBA = COLOR_RGB2BGRA = 2
    COLOR_RGBA2BGR = COLOR_BGRA2RGB = 3
    COLOR_BGR2RGB = COLOR_RGB2BGR = 4
    COLOR_BGRA2RGBA = COLOR_RGBA2BGRA = 5
    COLOR_BGR2GRAY = 6
    COLOR_RGB2GRAY = 7
    COLOR_GRAY2BGR = COLOR_GRAY2RGB = 8
    COLOR_GRAY2BGRA = COLOR_GRAY2RGBA = 9
    COLOR_BGRA2GRAY = 10
    COLOR_RGBA2GRAY = 11


class SliceMode(IntEnum):
    """How ``SlicePatches`` treats a remainder: pad it into a patch, or drop it."""
    PAD = 0
    DROP = 1


class ImageBatchFormat(IntEnum):
    """The layout of a batch of images."""
    NHWC = 0
    NCHW = 1


def _encode(image, format_name, **options):
    import io

    from PIL import Image

    from ...common.tensor import Tensor
    if isinstance(image, Tensor):
        image = image.asnumpy()
    if not isinstance(image, np.ndarray):
        raise TypeError(f"Input image is not of type {np.ndarray} or {Tensor}, but got: {type(image)}.")
    if image.dtype != np.uint8 or image.ndim not in (2, 3) or (image.ndim == 3 and image.shape[-1] not in (1, 3)):
        raise RuntimeError(f"encode_{format_name.lower()}: The image should be uint8 <H,W> or <H,W,1|3>, got "
                           f"{image.dtype} of shape {list(image.shape)}.")
    buffer = io.BytesIO()
    Image.fromarray(image[..., 0] if image.ndim == 3 and image.shape[-1] == 1 else image).save(
        buffer, format=format_name, **options)
    return np.frombuffer(buffer.getvalue(), np.uint8).copy()


def encode_jpeg(image, quality=75):
    """An HWC (or HW) uint8 image encoded as JPEG bytes (a 1-D uint8 array), by PIL; ``quality`` 1 to 100."""
    if not isinstance(quality, int):
        raise TypeError(f"Input quality is not of type {int}, but got: {type(quality)}.")
    if not 1 <= quality <= 100:
        raise RuntimeError(f"EncodeJpeg: Invalid quality {quality}, should be in range of [1, 100].")
    return _encode(image, "JPEG", quality=quality)


def encode_png(image, compression_level=6):
    """An HWC (or HW) uint8 image encoded as PNG bytes (a 1-D uint8 array), by PIL; ``compression_level`` 0 to
    9 (the bytes can differ from MindSpore's encoder; the pixels do not)."""
    if not isinstance(compression_level, int):
        raise TypeError(f"Input compression_level is not of type {int}, but got: {type(compression_level)}.")
    if not 0 <= compression_level <= 9:
        raise RuntimeError(f"EncodePng: Invalid compression_level {compression_level}, should be in range of "
                           "[0, 9].")
    return _encode(image, "PNG", compress_level=compression_level)
