"""``mindspore.ops`` functional ops on sparse tensors (MindSpore's ``sparse_func`` and ``sparse_unary_func``):
the element-wise ``coo_<op>``/``csr_<op>`` (the functional op on the values, indices and shape kept), the
conversions, and composites over the sparse rows of the op table (``mindshim._table.sparse``)."""
from ..._registry import call as _op
from ...common import dtype as mstype
from ...common.sparse_tensor import COOTensor, CSRTensor, coo_add, csr_add, csr_to_dense
from ...common.tensor import Tensor
from .. import _views
from . import core_func, math_func, nn_func

_VIEWS = _views.functionals("sparse")  # coalesce: a plain row
globals().update(_VIEWS)

# MindSpore's element-wise ops on sparse tensors: ``coo_abs(x)`` is ``COOTensor(x.indices, ops.abs(x.values),
# x.shape)``, ``csr_abs`` likewise.
_UNARY = ("abs", "acos", "acosh", "asin", "asinh", "atan", "atanh", "ceil", "cos", "cosh", "exp", "expm1", "floor",
          "inv", "isfinite", "isinf", "isnan", "log", "log1p", "neg", "relu", "relu6", "round", "sigmoid", "sin",
          "sinh", "softsign", "sqrt", "square", "tan", "tanh")


def _dense_op(name):
    """The functional op ``ops.<name>``, looked up when called."""
    for module in (core_func, math_func, nn_func):
        fn = getattr(module, name, None)
        if fn is not None:
            return fn
    raise NotImplementedError(f"mindspore.ops.{name} is not supported by mindshim yet.")


def _unary(kind, cls, name):
    def view(x):
        if not isinstance(x, cls):
            raise TypeError(f"Expects {cls.__name__} for {kind}_{name}")
        return cls(*x._parts()[:-1], _dense_op(name)(x.values), x.shape)
    view.__name__ = view.__qualname__ = f"{kind}_{name}"
    view.__doc__ = f"``ops.{kind}_{name}(x)``: ``ops.{name}`` on the values of the {cls.__name__} ``x``."
    return view


for _name in _UNARY:
    for _kind, _cls in (("coo", COOTensor), ("csr", CSRTensor)):
        globals()[f"{_kind}_{_name}"] = _unary(_kind, _cls, _name)


def coo_concat(sp_input, concat_dim=0):
    """COOTensors (at least two, Int64 indices) joined along ``concat_dim``, entries in row-major order."""
    if len(sp_input) < 2:
        raise ValueError("For coo_concat, not support COOTensor input number < 2.")
    shapes = [Tensor(x.shape, mstype.int64) for x in sp_input]
    indices, values, _ = _op("SparseConcat", [x.indices for x in sp_input], [x.values for x in sp_input], shapes,
                             concat_dim=concat_dim)
    out_shape = list(sp_input[0].shape)
    out_shape[concat_dim] = sum(x.shape[concat_dim] for x in sp_input)
    return COOTensor(indices, values, tuple(out_shape))


def csr_softmax(logits, dtype):
    """The softmax of each row of the CSRTensor ``logits`` over its stored values."""
    if not isinstance(logits, CSRTensor):
        raise TypeError("For functional operator sparse_matrix_softmax, logits must be type of CSRTensor.")
    shape = Tensor(logits.shape, mstype.int32)
    batch = Tensor([0, logits.values.shape[0]], mstype.int32)
    _, _, indptr, indices, values = _op("SparseMatrixSoftmax", shape, batch, logits.indptr, logits.indices,
                                        logits.values, dtype=dtype)
    return CSRTensor(indptr, indices, values, logits.shape)


def csr_to_coo(tensor):
    """The COOTensor of a 2-D CSRTensor, with Int32 indices."""
    if not isinstance(tensor, CSRTensor):
        raise TypeError("For functional operator csr_to_coo, input argument must be a CSRTensor.")
    coo = tensor.to_coo()
    return COOTensor(coo.indices.astype(mstype.int32), coo.values, coo.shape)


def _dense_2d(tensor, op, to):
    if not isinstance(tensor, Tensor):
        raise TypeError(f"For functional operator {op}, input argument must be a Tensor.")
    if tensor.ndim > 2:
        raise ValueError(f"Currently only support 2-D Tensor when converting to {to}.")


def dense_to_sparse_coo(tensor):
    """The COOTensor of the non-zero elements of a 2-D Tensor (Int32 indices, in row-major order): the ``NonZero``
    row, then ``GatherNd``, as MindSpore computes it."""
    _dense_2d(tensor, "dense_to_sparse_coo", "COOTensor")
    indices = _op("NonZero", tensor).astype(mstype.int32)
    return COOTensor(indices, _op("GatherNd", tensor, indices), tensor.shape)


def dense_to_sparse_csr(tensor):
    """The CSRTensor of the non-zero elements of a 2-D float or complex Tensor (Int32 indptr and indices)."""
    _dense_2d(tensor, "dense_to_sparse_csr", "CSRTensor")
    if tensor.dtype not in (mstype.float32, mstype.float64, mstype.complex64, mstype.complex128):
        raise TypeError("For primitive[DenseToCSRSparseMatrix], the input argument[dense_input] must be a type of "
                        "{Tensor[Complex128], Tensor[Complex64], Tensor[Float32], Tensor[Float64]}, but got "
                        f"Tensor[{tensor.dtype}].")
    return dense_to_sparse_coo(tensor).to_csr()


def csr_mv(csr_tensor, dense):
    """``csr_tensor.mv(dense)``."""
    return csr_tensor.mv(dense)


def csr_reduce_sum(csr_tensor, axis):
    """``csr_tensor.sum(axis)``."""
    return csr_tensor.sum(axis)


def csr_mul(x, y):
    """``x * y`` of a CSRTensor and a dense Tensor or scalar."""
    return x * y


def csr_div(x, y):
    """``x / y`` of a CSRTensor and a dense Tensor or scalar."""
    return x / y


__all__ = (sorted(_VIEWS) + [f"{k}_{n}" for n in _UNARY for k in ("coo", "csr")]
           + ["coo_add", "coo_concat", "csr_add", "csr_softmax", "csr_to_coo", "csr_to_dense", "dense_to_sparse_coo",
              "dense_to_sparse_csr", "csr_mv", "csr_reduce_sum", "csr_mul", "csr_div"])
