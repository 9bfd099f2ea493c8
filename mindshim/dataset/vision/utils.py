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
