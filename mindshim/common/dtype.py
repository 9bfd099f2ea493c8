"""MindSpore's dtypes (``mindspore.dtype`` / ``mindspore.common.dtype``).

Each dtype is a ``Type`` object that prints as MindSpore prints it (``Float32``, ``Int64``, ``Bool``)
and knows its numpy/JAX dtype. mindshim runs JAX with 64-bit types enabled so that ``Int64`` and
``Float64`` really are 64-bit, as in MindSpore; every op that creates data passes an explicit dtype,
so float64 never appears unless the user asked for it.
"""
import builtins

import ml_dtypes
import numpy as np

__all__ = ["Type", "float16", "float32", "float64", "bfloat16", "half", "single", "double", "float_",
           "int8", "int16", "int32", "int64", "int_", "uint8", "uint16", "uint32", "uint64", "uint",
           "bool_", "bool", "complex64", "complex128", "dtype_to_nptype", "pytype_to_dtype", "dtype_to_pytype",
           "to_mstype", "is_float", "is_int", "get_py_obj_dtype", "TensorType"]


class Type:
    """A MindSpore dtype. ``str``/``repr`` give MindSpore's name; ``np_dtype`` is the numpy dtype."""
    __slots__ = ("name", "np_dtype", "kind", "itemsize")

    def __init__(self, name, np_dtype):
        self.name = name
        self.np_dtype = np.dtype(np_dtype)
        self.kind = "b" if self.np_dtype == np.bool_ else (
            "f" if name.startswith(("Float", "BFloat")) else self.np_dtype.kind)
        self.itemsize = self.np_dtype.itemsize

    def __repr__(self):
        """``mindspore.float32``, as MindSpore (``str`` gives ``Float32``)."""
        return "mindspore." + ("bool" if self.name == "Bool" else self.name.lower())

    def __str__(self):
        return self.name

    def __eq__(self, other):
        if isinstance(other, Type):
            return self.np_dtype == other.np_dtype
        return NotImplemented

    def __hash__(self):
        return hash(self.np_dtype)

    def __reduce__(self):
        return (to_mstype, (self.np_dtype,))


class TensorType:
    """The type of a Tensor of ``element`` dtype (``mindspore.TensorType``), as MindSpore hands it to a
    ``Custom`` op's ``out_dtype`` function: prints ``Tensor[Float32]``; ``element_type()`` is the dtype."""
    __slots__ = ("element",)

    def __init__(self, element):
        self.element = to_mstype(element)

    def element_type(self):
        return self.element

    def __repr__(self):
        return f"mindspore.tensor[{self.element.name.lower()}]"

    def __str__(self):
        return f"Tensor[{self.element.name}]"

    def __eq__(self, other):
        return isinstance(other, TensorType) and self.element == other.element

    def __hash__(self):
        return hash(("Tensor", self.element))


float16 = Type("Float16", np.float16)
float32 = Type("Float32", np.float32)
float64 = Type("Float64", np.float64)
bfloat16 = Type("BFloat16", ml_dtypes.bfloat16)
int8 = Type("Int8", np.int8)
int16 = Type("Int16", np.int16)
int32 = Type("Int32", np.int32)
int64 = Type("Int64", np.int64)
uint8 = Type("UInt8", np.uint8)
uint16 = Type("UInt16", np.uint16)
uint32 = Type("UInt32", np.uint32)
uint64 = Type("UInt64", np.uint64)
bool_ = Type("Bool", np.bool_)
complex64 = Type("Complex64", np.complex64)
complex128 = Type("Complex128", np.complex128)
half, single, double, float_ = float16, float32, float64, float32
# MindSpore's dtype categories (``mindspore._c_expression.typing``, also in ``mindspore.common.dtype``):
# ``isinstance(mindspore.float32, Float)`` is True and ``Float(32)`` is ``mindspore.float32``; mindshim's dtypes are
# one class, told apart by name.
class _Category(type):
    def __instancecheck__(cls, value):
        return isinstance(value, Type) and value.name.startswith(cls._prefixes)

    def __call__(cls, bits):
        return globals()[f"{cls._prefixes[0].lower()}{bits}"]


def _category(name, prefixes):
    return _Category(name, (), {"_prefixes": prefixes, "__module__": "mindspore._c_expression.typing",
                                "__doc__": f"MindSpore's ``{name}`` dtypes ({', '.join(prefixes)}...)."})


Bool = _category("Bool", ("Bool",))
Int = _category("Int", ("Int",))
UInt = _category("UInt", ("UInt",))
Float = _category("Float", ("Float",))
BFloat = _category("BFloat", ("BFloat",))
Complex = _category("Complex", ("Complex",))
Number = _category("Number", ("Int", "UInt", "Float", "BFloat", "Complex", "Bool"))


#: Every dtype, in MindSpore's order (MindSpore's also lists int4, float8_e4m3fn, float8_e5m2, hifloat8, which
#: mindshim lacks).
all_types = (bool_, int8, int16, int32, int64, uint8, uint16, uint32, uint64, float16, float32, float64, bfloat16,
             complex64, complex128)
int_, uint = int64, uint64

_BY_NP = {t.np_dtype: t for t in (float16, float32, float64, bfloat16, int8, int16, int32, int64,
                                   uint8, uint16, uint32, uint64, bool_, complex64, complex128)}
_PY = {builtins.bool: bool_, int: int64, float: float32, complex: complex64}


def to_mstype(dtype):
    """A ``Type`` from a ``Type``, a numpy/JAX dtype, a numpy scalar type or a Python type."""
    if isinstance(dtype, Type):
        return dtype
    if dtype in _PY:
        return _PY[dtype]
    try:
        return _BY_NP[np.dtype(dtype)]
    except (TypeError, KeyError):
        raise TypeError(f"For 'Tensor', the type of 'dtype' should be a mindspore dtype, but got {dtype}.") from None


def dtype_to_nptype(type_):
    """The numpy type of a MindSpore dtype (``Float32`` -> ``np.float32``)."""
    return to_mstype(type_).np_dtype.type


def pytype_to_dtype(obj):
    """The MindSpore dtype of a Python or numpy type."""
    return to_mstype(obj)


def dtype_to_pytype(type_):
    """The Python type of a MindSpore dtype (``Float32`` -> ``float``)."""
    t = to_mstype(type_)
    return {"b": builtins.bool, "f": float, "c": complex}.get(t.kind, int)


def get_py_obj_dtype(obj):
    """The MindSpore dtype of a Python scalar (a float is Float64, as in MindSpore), a numpy scalar or a dtype;
    MindSpore's types of Tensors, lists and other objects are not supported by mindshim."""
    if isinstance(obj, Type):
        return obj
    if isinstance(obj, (builtins.bool, int, float, complex)):
        return {builtins.bool: bool_, int: int64, float: float64, complex: complex128}[type(obj)]
    if isinstance(obj, np.generic):
        return to_mstype(obj.dtype)
    raise NotImplementedError(f"mindspore.get_py_obj_dtype of a {type(obj).__name__} is not supported by mindshim.")


def is_float(t):
    return t.kind == "f"


def is_int(t):
    return t.kind in "iu"


bool = bool_  # noqa: A001  (MindSpore's name; defined last: above, ``bool`` is Python's)
