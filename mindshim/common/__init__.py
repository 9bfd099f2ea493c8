"""``mindspore.common``: dtypes, Tensor, Parameter, initializers."""
from . import dtype, initializer
from .api import jit
from .dtype import *  # noqa: F401,F403
from .parameter import Parameter, ParameterTuple
from .seed import get_seed, set_seed
from .sparse_tensor import COOTensor, CSRTensor, RowTensor, SparseTensor
from .tensor import Tensor, tensor

__all__ = ["dtype", "initializer", "Tensor", "tensor", "Parameter", "ParameterTuple", "set_seed", "get_seed",
           "COOTensor", "CSRTensor", "RowTensor", "SparseTensor", "jit"]
__all__ += dtype.__all__
