"""``mindspore.COOTensor``, ``CSRTensor``, ``RowTensor`` and the deprecated ``SparseTensor`` on JAX.

Each holds its parts as Tensors (``indices``/``values``, or ``indptr``/``indices``/``values``) and its dense
shape as a tuple of ints, and is a JAX pytree (the Tensors are its leaves, the shape static), so it passes into
and out of compiled calls. Construction runs MindSpore's checks with its messages; the methods compute on the
op table (``mindshim._table.sparse``), as MindSpore's call its sparse primitives. ``repr`` and ``str`` print
what MindSpore's C++ prints (the parts without commas, ``[...]`` for 30 elements or more).

Where mindshim differs: the ops whose output length depends on the values (``coalesce``, ``add``, ``coo_concat``)
run eagerly only; the deprecation warnings of RowTensor and SparseTensor are not logged.
"""
import jax
import jax.numpy as jnp
import numpy as np

from . import _printing
from . import dtype as mstype
from .tensor import Tensor

_new = object.__new__
_INDEX_TYPES = (mstype.int16, mstype.int32, mstype.int64)


call = None  # runs an op-table row: ``_registry.call``, set by the registry as it loads (it sits above common)


def _shape_tensor(shape, dtype=mstype.int64):
    return Tensor(np.array(shape, mstype.to_mstype(dtype).np_dtype))


def _check_parts(tensors, shape):
    """MindSpore's type checks of a sparse tensor's parts: ``{name: value}`` of the Tensor parts, and the shape."""
    for name, value in tensors.items():
        if not isinstance(value, Tensor):
            where = "CSRTensor" if name == "indptr" else "SparseTensors"
            raise TypeError(f"For {where}, '{name}' must be Tensor, but got {type(value)}.")
    if not isinstance(shape, tuple):
        raise TypeError(f"For SparseTensors, 'shape' must be tuple, but got {type(shape)}.")


def _check_coo(indices, values, shape):
    """MindSpore's checks of COOTensor's parts (``validator.check_coo_tensor_*``)."""
    _check_parts({"indices": indices, "values": values}, shape)
    indices_shp, values_shp = indices.shape, values.shape
    if len(shape) != 2:
        raise ValueError(f"For COOTensor, the length of 'shape' must be 2, but got {shape}.")
    if indices_shp != (0,) or values_shp != (0,):
        size = 1
        for sh in shape:
            if sh <= 0:
                raise ValueError(f"For COOTensor, the element of 'shape' must be positive, but got {sh} in {shape}.")
            if not isinstance(sh, int):
                raise TypeError(f"For COOTensor, the element type of 'shape' must be int, but got {type(sh)}")
            size *= sh
        if values_shp and size < values_shp[0]:
            raise ValueError(f"For COOTensor, shape is too small: ({size}) to hold all values({values_shp[0]}).")
        if len(indices_shp) != 2:
            raise ValueError(f"For COOTensor, 'indices' must be a 2-dimensional tensor, but got a {len(indices_shp)}"
                             "-dimensional tensor.")
        if len(values_shp) != 1:
            raise ValueError(f"For COOTensor, 'values' must be a 1-dimensional tensor, but got a {len(values_shp)}"
                             "-dimensional tensor.")
        if indices_shp[0] != values_shp[0]:
            raise ValueError("For COOTensor, 'indices.shape[0]' must be euqal to 'values.shape[0]', but got "
                             f"'indices.shape[0]' = {indices_shp[0]} and 'values.shape[0]' = {values_shp[0]}.")
        if indices_shp[1] != 2:
            raise ValueError(f"For COOTensor, 'indices.shape[1]' must be 2, but got {indices_shp[1]}.")
    if indices.dtype not in _INDEX_TYPES:
        raise TypeError(f"For COOTensor, the type of 'indices' must be one of [int16, int32, int64], but got "
                        f"{indices.dtype}.")


def _check_csr(indptr, indices, values, shape):
    """MindSpore's checks of CSRTensor's parts (``validator.check_csr_tensor_*``)."""
    _check_parts({"indptr": indptr, "indices": indices, "values": values}, shape)
    indptr_shp, indices_shp, values_shp = indptr.shape, indices.shape, values.shape
    if not indptr_shp == indices_shp == values_shp == (0,):
        shape_size = values_size = 1
        for item in shape:
            if item <= 0:
                raise ValueError(f"For CSRTensor, the element of shape must be positive, but got {item}")
            if not isinstance(item, int):
                raise TypeError(f"For CSRTensor, the element type of shape must be int, but got {type(item)}")
            shape_size *= item
        for item in values_shp:
            if item <= 0:
                raise ValueError(f"The element of shape must be positive, but got {item}")
            values_size *= item
        if shape_size < values_size:
            raise ValueError(f"Shape total size: {shape_size} is too small to hold {values_size} non-zero values.")
        if len(indices_shp) != 1:
            raise ValueError("For CSRTensor, indices must be a 1-dimensional tensor, "
                             f"but got a {len(indices_shp)} dimension tensor.")
        if len(indptr_shp) != 1:
            raise ValueError("For CSRTensor, indptr must be a 1-dimensional tensor, "
                             f"but got a {len(indptr_shp)} dimension tensor.")
        if shape[0] + 1 != indptr_shp[0]:
            raise ValueError(f"For CSRTensor, indptr must have length (1 + shape[0]), but got: {indptr_shp[0]}")
        if indices_shp[0] != values_shp[0]:
            raise ValueError("For CSRTensor, indices and values must equal in their shape, "
                             f"but got indices shape: {indices_shp[0]}, values shape: {values_shp[0]}.")
        if len(values_shp) + 1 != len(shape):
            raise ValueError("Values' dimension should equal to CSRTensor's dimension - 1, but gotValues' "
                             f"dimension: {len(values_shp)} , CSRTensor's dimension: {len(shape)}")
        if values_shp[1:] != shape[2:]:
            raise ValueError("CSRTensor's shape[2: ] must be equal to value's shape[1: ],but CSRTensor's shape[2: ] "
                             f"got: {shape[2:]} and value's shape[1: ]got: {values_shp[1:]}")
    if indptr.dtype not in _INDEX_TYPES:
        raise TypeError(f"For CSRTensor, indptr must have int16 or int32 or int64 data type, but got {indptr.dtype}.")
    if indices.dtype not in _INDEX_TYPES:
        raise TypeError(f"For CSRTensor, indices must have int16 or int32 or int64 data type, "
                        f"but got {indices.dtype}.")


class _Sparse:
    """What every sparse tensor shares: its Tensor parts (``_PARTS``, in printing order), its dense shape,
    printing, and the properties computed from its values."""
    _PARTS = ()
    _NAME = None

    def _parts(self):
        return tuple(getattr(self, "_" + p) for p in self._PARTS)

    @classmethod
    def _make(cls, parts, shape):
        """An instance from checked parts (no checks: also how a pytree is rebuilt around tracers)."""
        out = _new(cls)
        for name, part in zip(cls._PARTS, parts):
            setattr(out, "_" + name, part)
        out._shape = shape
        return out

    @property
    def dtype(self):
        return self._values.dtype

    @property
    def size(self):
        return self._values.size

    @property
    def itemsize(self):
        return self._values.itemsize

    @property
    def ndim(self):
        return len(self._shape)

    def __repr__(self):
        def part(t):
            data = t._data
            if isinstance(data, jax.core.Tracer):
                return repr(t)
            return _printing.tensor_string(np.asarray(data), t.dtype)
        parts = ", ".join(f"{n}={part(t)}" for n, t in zip(self._PARTS, self._parts()))
        shape = _printing.shape_list(self._shape)
        return f"{self._NAME or type(self).__name__}(shape={shape}, dtype={self.dtype}, {parts})"

    __str__ = __repr__


def _copied(cls, other, given):
    """``other``'s parts and shape, for ``cls(<cls>_tensor=other)``: MindSpore's TypeError where ``other`` is not a
    ``cls`` or the parts are ``given`` too."""
    arg = cls.__name__[:-len("Tensor")].lower() + "_tensor"
    if not isinstance(other, cls):
        raise TypeError(f"Expect input `{arg}` to be a {cls.__name__}, but got {type(other)}")
    if any(part is not None for part in given):
        names = ", ".join(f"`{n}`" for n in cls._PARTS + ("shapes",))
        raise TypeError(f"If input `{arg}` is provided, {names} should all be `None`")
    return other._parts() + (other._shape,)


def _check_dense(method, name, value):
    """MindSpore's TypeError where the dense operand ``name`` of ``CSRTensor.<method>`` is not a Tensor."""
    if not isinstance(value, Tensor):
        raise TypeError(f"For 'CSRTensor.{method}', the type of '{name}' should be one of '(<class "
                        f"'mindspore.common.tensor.Tensor'>, <class 'mindspore._c_expression.TensorPy'>)', "
                        f"but got type '{type(value).__name__}'.")


def _register_pytree(cls):
    jax.tree_util.register_pytree_node(cls, lambda x: (x._parts(), x._shape), lambda shape, parts: cls._make(
        parts, shape))
    return cls


@_register_pytree
class COOTensor(_Sparse):
    """``COOTensor(indices=None, values=None, shape=None, coo_tensor=None)``: the non-zero ``values`` (1-D) of a
    2-D tensor of ``shape`` at ``indices`` (shape ``(N, 2)``, Int16/32/64); ``coo_tensor`` copies another."""
    _PARTS = ("indices", "values")

    def __init__(self, indices=None, values=None, shape=None, coo_tensor=None):
        if coo_tensor is not None:
            indices, values, shape = _copied(COOTensor, coo_tensor, (indices, values, shape))
        else:
            _check_coo(indices, values, shape)
            indices = call("StopGradient", indices)
        self._indices, self._values, self._shape = indices, values, shape

    @property
    def indices(self):
        return self._indices

    @property
    def values(self):
        return self._values

    @property
    def shape(self):
        return self._shape

    def __neg__(self):
        return COOTensor(self._indices, -self._values, self._shape)

    def _same_shape(self, other):
        if not self._shape == other.shape:
            raise ValueError("Input tensors should have the same shape.")

    def __add__(self, other):
        self._same_shape(other)
        if isinstance(other, Tensor):
            return call("SparseTensorDenseAdd", self._indices, self._values, _shape_tensor(self._shape), other)
        if isinstance(other, COOTensor):
            return coo_add(self, other, Tensor(0, self._values.dtype))
        raise TypeError(f"COOTensor add with {type(other)} is not supported.")

    def __sub__(self, other):
        self._same_shape(other)
        if isinstance(other, Tensor):
            return call("SparseTensorDenseAdd", self._indices, self._values, _shape_tensor(self._shape), -other)
        if isinstance(other, COOTensor):
            return coo_add(self, -other, Tensor(0, self._values.dtype))
        raise TypeError(f"COOTensor subtract with {type(other)} is not supported.")

    def __mul__(self, other):
        self._same_shape(other)
        if isinstance(other, Tensor):
            return COOTensor(self._indices, self._values * call("GatherNd", other, self._indices), self._shape)
        raise TypeError(f"COOTensor multiply with {type(other)} is not supported.")

    def __truediv__(self, other):
        """``self / other`` at the stored positions (MindSpore warns that zeros of ``other`` are ignored)."""
        self._same_shape(other)
        if isinstance(other, Tensor):
            return COOTensor(self._indices, self._values / call("GatherNd", other, self._indices), self._shape)
        raise TypeError(f"COOTensor divide with {type(other)} is not supported.")

    def coalesce(self):
        """The same tensor with its entries in row-major order and repeated indices summed."""
        indices, values, _ = call("Coalesce", self._indices.T, self._values, _shape_tensor(self._shape))
        return COOTensor(indices.T, values, self._shape)

    def to_csr(self):
        """The CSRTensor of the same entries (ordered by row, stably)."""
        rows, order = call("Sort", self._indices[:, 0].astype(mstype.float32))
        indptr = call("COO2CSR", rows.astype(self._indices.dtype), self._shape[0])
        return CSRTensor(indptr, self._indices[:, 1][order], self._values[order], self._shape)

    def to_dense(self):
        """The dense Tensor (repeated indices add up)."""
        zeros = Tensor(np.zeros(self._shape, self._values.dtype.np_dtype))
        return call("SparseTensorDenseAdd", self._indices, self._values, _shape_tensor(self._shape), zeros)

    def astype(self, dtype):
        return COOTensor(self._indices, self._values.astype(dtype), self._shape)

    def to_tuple(self):
        return self._indices, self._values, self._shape

    def abs(self):
        return COOTensor(self._indices, self._values.abs(), self._shape)

    def add(self, other, thresh):
        """``coo_add(self, other, thresh)``."""
        return coo_add(self, other, thresh)


@_register_pytree
class SparseTensor(_Sparse):
    """``SparseTensor(indices, values, shape)``: MindSpore's deprecated form of COOTensor (only the parts, without
    COOTensor's checks and methods); it prints as a COOTensor."""
    _PARTS = ("indices", "values")
    _NAME = "COOTensor"

    def __init__(self, indices, values, shape):
        if not (isinstance(indices, Tensor) and isinstance(values, Tensor) and isinstance(shape, tuple)):
            raise TypeError("Inputs must follow: COOTensor(indices, values, shape).")
        self._indices, self._values, self._shape = indices, values, shape

    indices, values, shape = COOTensor.indices, COOTensor.values, COOTensor.shape


@_register_pytree
class RowTensor(_Sparse):
    """``RowTensor(indices=None, values=None, shape=None, row_tensor=None)``: the slices ``values`` of a tensor of
    shape ``shape`` at the rows ``indices`` (MindSpore's deprecated gradient form of a gather)."""
    _PARTS = ("indices", "values")

    def __init__(self, indices=None, values=None, shape=None, row_tensor=None):
        if row_tensor is not None:
            indices, values, shape = _copied(RowTensor, row_tensor, (indices, values, shape))
        self._indices, self._values, self._shape = indices, values, tuple(shape)

    indices, values = COOTensor.indices, COOTensor.values

    @property
    def dense_shape(self):
        return self._shape


@_register_pytree
class CSRTensor(_Sparse):
    """``CSRTensor(indptr=None, indices=None, values=None, shape=None, csr_tensor=None)``: row ``i`` of a tensor
    of ``shape`` holds ``values[indptr[i]:indptr[i + 1]]`` at the columns ``indices[indptr[i]:indptr[i + 1]]``;
    ``values`` may have trailing dimensions (``shape[2:]``). ``csr_tensor`` copies another."""
    _PARTS = ("indptr", "indices", "values")

    def __init__(self, indptr=None, indices=None, values=None, shape=None, csr_tensor=None):
        if csr_tensor is not None:
            indptr, indices, values, shape = _copied(CSRTensor, csr_tensor, (indptr, indices, values, shape))
        else:
            _check_csr(indptr, indices, values, shape)
            indptr, indices = call("StopGradient", indptr), call("StopGradient", indices)
        self._indptr, self._indices, self._values, self._shape = indptr, indices, values, shape

    @property
    def indptr(self):
        return self._indptr

    indices, values, shape = COOTensor.indices, COOTensor.values, COOTensor.shape

    def _with_values(self, values):
        return CSRTensor(self._indptr, self._indices, values, self._shape)

    def _csr_op(self, name, *inputs):
        return call(name, self._indptr, self._indices, self._values, self._shape, *inputs)

    def __mul__(self, other):
        """``csr_mul``: a Python or one-element Tensor scalar scales the values (MindSpore then returns the values,
        a Tensor); a Tensor multiplies at the stored positions (broadcast to the shape)."""
        return self._scaled(other, "CSRMul", lambda a, b: a * b)

    def __truediv__(self, other):
        """``csr_div``: as ``*``, dividing (MindSpore warns that zeros of ``other`` are ignored)."""
        return self._scaled(other, "CSRDiv", lambda a, b: a / b)

    def _scaled(self, other, name, fn):
        if isinstance(other, (int, float, bool)):
            other = Tensor(other)
        if other.size == 1 and other.ndim <= 2:
            if other.ndim > self.ndim:
                raise ValueError("dense tensor cannot broadcast to the sparse tensor.")
            return fn(self._values, other).reshape(self._values.shape)
        values, other = _promoted(self._values, other)
        return self._with_values(call(name, self._indptr, self._indices, values, self._shape, other))

    def __neg__(self):
        return self._with_values(-self._values)

    def __add__(self, other):
        return self._plus(other, 1, "add")

    def __sub__(self, other):
        return self._plus(other, -1, "subtract")

    def _plus(self, other, sign, word):
        if not self._shape == other.shape:
            raise ValueError("Input tensors should have the same shape.")
        if isinstance(other, CSRTensor):
            return csr_add(self, other, Tensor(1, self._values.dtype), Tensor(sign, self._values.dtype))
        raise TypeError(f"CSRTensor {word} with {type(other)} is not supported.")

    def to_tuple(self):
        return self._indptr, self._indices, self._values, self._shape

    def to_coo(self):
        """The COOTensor of the same entries (2-D only)."""
        if self.ndim != 2:
            raise ValueError("Currently only support 2-D CSRTensor when converting to COOTensor.")
        rows = call("CSR2COO", self._indptr, self._values.shape[0])
        return COOTensor(call("Stack", (rows, self._indices.astype(rows.dtype)), axis=1), self._values,
                         self._shape)

    def to_dense(self):
        return csr_to_dense(self)

    def astype(self, dtype):
        return self._with_values(self._values.astype(dtype))

    def mv(self, dense_vector):
        """The product with the column vector ``dense_vector`` (shape ``(shape[1], 1)``)."""
        _check_dense("mv", "dense_vector", dense_vector)
        return self._csr_op("CSRMV", dense_vector.astype(self.dtype))

    def mm(self, matrix):
        """The product with the dense matrix ``matrix`` (a product of two CSRTensors is not supported)."""
        if isinstance(matrix, CSRTensor):
            raise NotImplementedError("mindspore.CSRTensor.mm of two CSRTensors is not supported by mindshim.")
        _check_dense("mm", "matrix", matrix)
        return self._csr_op("CSRMM", matrix.astype(self.dtype))

    def sum(self, axis):
        """The sum along ``axis`` (MindSpore reduces only the last axis, 1 or -1), keeping it as length 1."""
        return self._csr_op("CSRReduceSum", axis)

    def abs(self):
        return self._with_values(self._values.abs())

    def add(self, b, alpha, beta):
        """``csr_add(self, b, alpha, beta)``."""
        return csr_add(self, b, alpha, beta)


# ---- the functional forms the methods share (``mindspore.ops.coo_add``, ...) ------------------------------------
def _promoted(*tensors):
    """The Tensors cast to their common dtype (MindSpore's promotion: Int32 with Float32 is Float32)."""
    dtype = mstype.to_mstype(jnp.result_type(*(t.dtype.np_dtype for t in tensors)))
    return [t.astype(dtype) for t in tensors]


def coo_add(x1, x2, thresh):
    """``x1 + x2`` of two COOTensors whose entries are in row-major order: entries at the same index are summed
    and kept where ``|sum| >= thresh``, the others kept as they are."""
    indices1, indices2 = _promoted(x1.indices, x2.indices)
    values1, values2 = _promoted(x1.values, x2.values)
    shape = _shape_tensor(x1.shape, indices1.dtype)
    indices, values, _ = call("SparseAdd", indices1, values1, shape, indices2, values2, shape,
                               thresh.astype(values1.dtype))
    return COOTensor(indices, values, x1.shape)


def csr_add(a, b, alpha, beta):
    """``alpha * a + beta * b`` of two CSRTensors (in each row the union of their columns, in order)."""
    if not isinstance(a, CSRTensor) or not isinstance(b, CSRTensor):
        raise TypeError("For functional operator csr_add, both inputs a and b must be type of CSRTensor.")
    if not isinstance(alpha, Tensor) or not isinstance(beta, Tensor):
        raise TypeError("For functional operator csr_add, both inputs alpha and beta must be Tensor.")
    parts = [_promoted(x, y) for x, y in zip(a._parts(), b._parts())]
    (a_indptr, b_indptr), (a_indices, b_indices), (a_values, b_values) = parts
    shape, batch = _shape_tensor(a.shape, a_indptr.dtype), _shape_tensor([0, a_values.shape[0]], a_indptr.dtype)
    _, _, indptr, indices, values = call("SparseMatrixAdd", shape, batch, a_indptr, a_indices, a_values, shape,
                                          batch, b_indptr, b_indices, b_values, alpha.astype(a_values.dtype),
                                          beta.astype(a_values.dtype))
    return CSRTensor(indptr, indices, values, a.shape)


def csr_to_dense(csr_tensor):
    """The dense Tensor of a 2-D CSRTensor."""
    if not isinstance(csr_tensor, CSRTensor):
        raise TypeError("For functional operator csr_to_dense, input argument must be a CSRTensor.")
    if len(csr_tensor.shape) > 2:
        raise ValueError("Currently only support 2-D CSRTensor when converting to COOTensor.")
    if not {csr_tensor.indptr.dtype, csr_tensor.indices.dtype} <= {mstype.int32, mstype.int64}:
        raise TypeError("For primitive[CSRSparseMatrixToDense], the input type must be same.")
    return csr_tensor.to_coo().to_dense()
