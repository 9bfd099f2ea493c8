"""``mindspore._c_expression.typing``: MindSpore's dtype categories (``Float``, ``Int``, ...; defined with the dtypes
in ``mindshim.common.dtype``)."""
from ..common.dtype import BFloat, Bool, Complex, Float, Int, Number, Type, UInt

__all__ = ["Type", "Number", "Bool", "Int", "UInt", "Float", "BFloat", "Complex"]
