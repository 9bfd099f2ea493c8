"""``mindspore.dataset.vision.utils``: the enums the vision transforms take."""
from enum import Enum, IntEnum


class Inter(IntEnum):
    """Interpolation modes (mindshim's Resize implements NEAREST and LINEAR/BILINEAR)."""
    NEAREST = 0
    ANTIALIAS = 1
    BILINEAR = LINEAR = 2
    BICUBIC = CUBIC = 3
    AREA = 4
    PILCUBIC = 5


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
