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
from .op_info_register import (
    AiCPURegOp,
    AkgAscendRegOp,
    AkgGpuRegOp,
    CpuRegOp,
    CustomRegOp,
    DataType,
    TBERegOp,
    custom_info_register,
    op_info_register,
)
from .operations import *  # noqa: F401,F403
from .primitive import Primitive, PrimitiveWithCheck, PrimitiveWithInfer, prim_arg_register, prim_attr_register
from .vm_impl_registry import get_vm_impl_fn, vm_impl_registry

__all__ = ["functional", "operations", "auto_generate", "functional_overload", "GradOperation", "grad",
           "value_and_grad", "get_grad", "jacfwd", "jacrev", "jvp", "linearize", "vjp", "vmap", "constexpr",
           "jet", "derivative",
           "Primitive", "PrimitiveWithCheck", "PrimitiveWithInfer", "prim_attr_register", "prim_arg_register",
           "op_info_register", "custom_info_register", "CustomRegOp", "TBERegOp", "AiCPURegOp", "CpuRegOp",
           "AkgGpuRegOp", "AkgAscendRegOp", "DataType", "vm_impl_registry", "get_vm_impl_fn",
           "MultitypeFuncGraph", "HyperMap", "Map", "Partial", "ForiLoop", "WhileLoop", "Scan", "partial",
           "HookBackward", "InsertGradientOf"]
__all__ += functional.__all__ + operations.__all__

_tensor_methods.attach()

__getattr__ = _mindspore_primitives.primitive_getattr(_sys.modules[__name__])  # MindSpore's other primitives
