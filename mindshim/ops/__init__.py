"""``mindspore.ops``: primitive classes, functional ops, Tensor's op methods and GradOperation, all views of one
op table (importing this package also attaches the Tensor methods)."""
import sys as _sys

from . import _mindspore_primitives, _tensor_methods, auto_generate, functional, functional_overload, operations
from .composite import (
    GradOperation,
    constexpr,
    derivative,
    get_grad,
    grad,
    jacfwd,
    jacrev,
    jet,
    jvp,
    linearize,
    value_and_grad,
    vjp,
    vmap,
)
from .composite_base import (
    ForiLoop,
    HookBackward,
    HyperMap,
    InsertGradientOf,
    Map,
    MultitypeFuncGraph,
    Partial,
    Scan,
    WhileLoop,
    partial,
)
from .functional import *  # noqa: F401,F403
from .operations import *  # noqa: F401,F403
from .primitive import Primitive, PrimitiveWithCheck, PrimitiveWithInfer, prim_attr_register

__all__ = ["functional", "operations", "auto_generate", "functional_overload", "GradOperation", "grad",
           "value_and_grad", "get_grad", "jacfwd", "jacrev", "jvp", "linearize", "vjp", "vmap", "constexpr",
           "jet", "derivative",
           "Primitive", "PrimitiveWithCheck", "PrimitiveWithInfer", "prim_attr_register",
           "MultitypeFuncGraph", "HyperMap", "Map", "Partial", "ForiLoop", "WhileLoop", "Scan", "partial",
           "HookBackward", "InsertGradientOf"]
__all__ += functional.__all__ + operations.__all__

_tensor_methods.attach()

__getattr__ = _mindspore_primitives.primitive_getattr(_sys.modules[__name__])  # MindSpore's other primitives
