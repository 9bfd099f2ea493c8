"""``mindspore.numpy``'s dtype names and constants (``mindspore.numpy.dtypes``): MindSpore's dtypes under numpy's
names, with ``int_``, ``uint`` and ``float_`` the 32-bit types (MindSpore maps numpy's 64-bit defaults to 32 bits)."""
from ..common.dtype import (  # noqa: F401  (re-exported)
    bool_,
    float16,
    float32,
    float64,
    int8,
    int16,
    int32,
    int64,
    uint8,
    uint16,
    uint32,
    uint64,
)

inf = float("inf")
PINF = float("inf")
NINF = float("-inf")
nan = float("nan")
pi = 3.141592653589793

int_ = int32
uint = uint32
float_ = float32

numeric_types = ["int_", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float_", "float16",
                 "float32", "float64", "bool_"]
