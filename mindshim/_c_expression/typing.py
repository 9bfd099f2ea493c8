"""``mindspore._c_expression.typing``: MindSpore's dtype categories. ``isinstance(mindspore.float32, Float)`` is True
and ``Float(32)`` is ``mindspore.float32``, as MindSpore's (mindshim's dtypes are one class, ``common.dtype.Type``,
told apart by name)."""
from ..common import dtype as _dtype

__all__ = ["Type", "Number", "Bool", "Int", "UInt", "Float", "BFloat", "Complex"]

Type = _dtype.Type


class _Category(type):
    def __instancecheck__(cls, value):
        return isinstance(value, Type) and value.name.startswith(cls._prefixes)

    def __call__(cls, bits):
        return getattr(_dtype, f"{cls._prefixes[0].lower()}{bits}")


def _category(name, prefixes):
    return _Category(name, (), {"_prefixes": prefixes, "__module__": __name__,
                                "__doc__": f"MindSpore's ``{name}`` dtypes ({', '.join(prefixes)}...)."})


Bool = _category("Bool", ("Bool",))
Int = _category("Int", ("Int",))
UInt = _category("UInt", ("UInt",))
Float = _category("Float", ("Float",))
BFloat = _category("BFloat", ("BFloat",))
Complex = _category("Complex", ("Complex",))
Number = _category("Number", ("Int", "UInt", "Float", "BFloat", "Complex", "Bool"))
