"""The rows of the op table (see ``_registry``): MindSpore primitives lowered to JAX.

Each lowering takes arrays (and Python values where MindSpore takes constants) and returns arrays;
``check`` functions raise MindSpore's own errors, at the call that caused them.
"""
import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

from .._registry import failed_calling, register
from ..common import dtype as mstype
from ..common._checks import check
from ._checks import check_broadcast, need_float, need_index, norm_axes, same_type


# ---- arithmetic -------------------------------------------------------------------------------------
def _binary_operator(name):
    return (f"__{name}__", f"__r{name}__")


# Element-wise with broadcasting; Python scalars beside a Tensor take MindSpore's dtype. The check only words the
# error JAX raises for shapes that do not broadcast. name: (lowering, functional views, Tensor methods, operators)
_BROADCASTING = {
    "Add": (jnp.add, ("add",), (), _binary_operator("add")),  # Tensor.add (alpha=) is hand-written
    "Sub": (jnp.subtract, ("sub",), (), _binary_operator("sub")),  # as Tensor.sub
    "Mul": (jnp.multiply, ("mul",), ("mul",), _binary_operator("mul")),
    "FloorDiv": (jnp.floor_divide, ("floor_div", "floor_divide"), ("floor_divide",), _binary_operator("floordiv")),
    "FloorMod": (jnp.mod, ("floor_mod",), (), _binary_operator("mod")),
    "BitwiseAnd": (jnp.bitwise_and, ("bitwise_and",), ("bitwise_and",), _binary_operator("and")),
    "BitwiseOr": (jnp.bitwise_or, ("bitwise_or",), ("bitwise_or",), _binary_operator("or")),
    "BitwiseXor": (jnp.bitwise_xor, ("bitwise_xor",), ("bitwise_xor",), _binary_operator("xor")),
    "Equal": (jnp.equal, ("equal", "eq"), ("equal", "eq"), ()),
    "NotEqual": (jnp.not_equal, ("ne", "not_equal"), ("ne", "not_equal"), ()),
    "Less": (jnp.less, ("less", "lt"), ("less", "lt"), ("__lt__",)),
    "LessEqual": (jnp.less_equal, ("less_equal", "le"), ("less_equal", "le"), ("__le__",)),
    "Greater": (jnp.greater, ("greater", "gt"), ("greater", "gt"), ("__gt__",)),
    "GreaterEqual": (jnp.greater_equal, ("greater_equal", "ge"), ("greater_equal", "ge"), ("__ge__",)),
}
_BITWISE_TYPES = ("{Tensor[Bool], Tensor[Int16], Tensor[Int32], Tensor[Int64], Tensor[Int8], Tensor[UInt16], "
                  "Tensor[UInt32], Tensor[UInt64], Tensor[UInt8]}")


def _check_bitwise(op):
    """MindSpore promotes both inputs first, then names ``x`` with the promoted type."""
    def check(x, y):
        dtype = jnp.result_type(x, y)
        if not (jnp.issubdtype(dtype, jnp.integer) or dtype == jnp.bool_):
            raise TypeError(f"For primitive[{op}], the input argument[x] must be a type of {_BITWISE_TYPES}, "
                            f"but got Tensor[{mstype.to_mstype(dtype)}].")
        check_broadcast(op)(x, y)
    return check


for _name, (_fn, _functional, _method, _operator) in _BROADCASTING.items():
    _check = (_check_bitwise if _name.startswith("Bitwise") else check_broadcast)(_name)
    register(_name, check=_check, functional=_functional, method=_method, operator=_operator,
             promote=True, check_on_error=True)(_fn)
register("Pow", check=check_broadcast("Pow"), functional=("pow",), method=("pow",), operator=_binary_operator("pow"),
         promote=True, check_on_error=True, inputs=("input", "exponent"))(jnp.power)
register("Neg", functional=("neg", "negative"), method=("neg", "negative"), operator=("__neg__",))(jnp.negative)
register("Abs", functional=("abs", "absolute"), method=("abs", "absolute"), operator=("__abs__",))(jnp.abs)
register("Invert", functional=("invert",), operator=("__invert__",))(jnp.invert)
register("Identity", operator=("__pos__",))(lambda x: x)


def _check_real_div(x, y):
    if jnp.result_type(x) == jnp.bool_:
        raise TypeError("For primitive[RealDiv], the input argument[x] must be a type of {Tensor[BFloat16], "
                        "Tensor[Float16], Tensor[Float32], Tensor[Float64], Tensor[Int16], Tensor[Int32], "
                        "Tensor[Int64], Tensor[Int8], Tensor[UInt16], Tensor[UInt32], Tensor[UInt64], Tensor[UInt8]}, "
                        "but got Tensor[Bool].")
    check_broadcast("RealDiv")(x, y)


@register("RealDiv", check=_check_real_div, promote=True)
def _real_div(x, y):
    """The RealDiv primitive: true division, but between integers MindSpore's kernel keeps the integer type and
    truncates toward zero (the ``/`` operator and ``ops.div`` are the ``Div`` row: Float32)."""
    dtype = jnp.result_type(x, y)
    if jnp.issubdtype(dtype, jnp.integer):
        return lax.div(jnp.asarray(x, dtype), jnp.asarray(y, dtype))
    return jnp.true_divide(x, y)


# ---- linear algebra ---------------------------------------------------------------------------------
def _check_matmul(x1, x2, transpose_a=False, transpose_b=False):
    if np.ndim(x1) != 2 or np.ndim(x2) != 2:
        raise ValueError("MatMul inputs should have the same dimension size and equal to 2.")
    same_type("MatMul", x1, x2)
    col = x1.shape[0 if transpose_a else 1]
    row = x2.shape[1 if transpose_b else 0]
    if col != row:
        raise ValueError(f"For 'MatMul', the input dimensions must be equal, but got 'x1_col': {col} "
                         f"and 'x2_row': {row}.")


@register("MatMul", attrs=(("transpose_a", False), ("transpose_b", False)), check=_check_matmul)
def _matmul2d(x1, x2, transpose_a=False, transpose_b=False):
    return jnp.matmul(x1.T if transpose_a else x1, x2.T if transpose_b else x2)


def _check_matmul_ext(x1, x2):
    same_type("MatMulExt", x1, x2)
    if x1.ndim and x2.ndim:
        k1, k2 = x1.shape[-1], x2.shape[-2] if x2.ndim > 1 else x2.shape[0]
        if k1 != k2:
            raise ValueError(f"For 'MatMulExt' op, shape1[-1] must be equal to shape2[-2], but got {k1} and {k2}.")


@register("MatMulExt", check=_check_matmul_ext, functional=("matmul",), operator=_binary_operator("matmul"),
          check_on_error=True)
def _matmul_ext(x1, x2):
    """``numpy.matmul`` of same-dtype inputs (JAX would promote mixed ones; MindSpore raises)."""
    if x1.dtype != x2.dtype:
        raise TypeError("MatMulExt inputs differ in dtype")  # worded by the check
    return jnp.matmul(x1, x2)


# ---- activations --------------------------------------------------------------------------------------
@register("ReLU", check=need_float("ReLU", "x"), functional=("relu",))
def _relu(x):
    """``x`` where ``x > 0``, else 0: a NaN gives 0, as MindSpore's CPU kernel (``jax.nn.relu`` keeps it)."""
    return jnp.where(x > 0, x, jnp.zeros((), x.dtype))


def _check_softmax(op, arg):
    """MindSpore's (Log)Softmax checks: a float input and an int axis (a tuple of them for Softmax) in range."""
    def check(x, axis=-1):
        axes = axis if isinstance(axis, (tuple, list)) and op == "Softmax" else (axis,)
        if not all(isinstance(a, (int, np.integer)) and not isinstance(a, bool) for a in axes):
            raise failed_calling(op, (arg,), (x,), {"axis": axis})
        n = max(np.ndim(x), 1)
        for a in axes:
            if not -n <= a < n:
                raise ValueError(f"For primitive[{op}], the axis must be in [{-n},{n}), but got {a}.")
        need_float(op, "x" if op == "Softmax" else arg)(x)
    return check


@register("Softmax", attrs=(("axis", -1),), check=_check_softmax("Softmax", "x"))
def _softmax(x, axis=-1):
    return jax.nn.softmax(x, axis=axis)


@register("LogSoftmax", attrs=(("axis", -1),), check=_check_softmax("LogSoftmax", "logits"),
          functional=("log_softmax",), inputs=("logits", "axis"))
def _log_softmax(x, axis=-1):
    return jax.nn.log_softmax(x, axis=axis)


# ---- reductions -----------------------------------------------------------------------------------------
def _reduce(op, fn, **views):
    def impl(x, axis=(), keep_dims=False, skip_mode=False):
        axes = norm_axes(op, axis, x.ndim)
        if skip_mode and axes is None:
            return x
        return fn(x, axis=axes, keepdims=keep_dims).astype(x.dtype)
    register(op, attrs=(("keep_dims", False), ("skip_mode", False)), **views)(impl)


_reduce("ReduceSum", jnp.sum, functional=("reduce_sum",), inputs=("x", "axis", "keep_dims"))
_reduce("ReduceMean", jnp.mean)


# ---- shape and type ----------------------------------------------------------------------------------
def _int_sequence(value):
    """``value`` as a tuple of ints when it is a tuple or list of them (numpy ints too, not bools) or a Tensor,
    else None."""
    if hasattr(value, "shape"):
        return tuple(np.asarray(value).tolist())
    if isinstance(value, (tuple, list)) and all(isinstance(v, (int, np.integer)) and not isinstance(v, bool)
                                                for v in value):
        return tuple(int(v) for v in value)
    return None


def _check_reshape(x, shape):
    """MindSpore's Reshape checks: a tuple or list of ints, at most one -1 and no other negative, and as many
    elements as ``x``."""
    dims = _int_sequence(shape)
    if dims is None:
        raise failed_calling("Reshape", ("input", "shape"), (x, shape))
    if dims.count(-1) > 1:
        raise ValueError("only one dimension can be inferred")
    if any(d < -1 for d in dims):
        raise ValueError("invalid proposed_shape dimension")
    known, size = int(np.prod([d for d in dims if d != -1])), int(np.prod(np.shape(x)))
    if (known != size) if -1 not in dims else (known == 0 or size % known):
        raise ValueError(f"proposed_shape '[const vector]{{{', '.join(map(str, dims))}}}' is invalid for input of "
                         f"size {size}")


@register("Reshape", check=_check_reshape, functional=("reshape",), inputs=("input", "shape"))
def _reshape(x, shape):
    return jnp.reshape(x, _int_sequence(shape))


def _check_transpose(x, perm):
    """MindSpore's Transpose checks: a tuple of ints, one per axis of ``x``, each in range, none twice."""
    dims = _int_sequence(perm)
    if dims is None:
        raise failed_calling("Transpose", ("input", "dims"), (x, perm))
    n = np.ndim(x)
    if len(dims) != n:
        raise ValueError(f"For 'Transpose', size of perm should equal to rank of x, but got {len(dims)} and {n}!")
    seen = set()
    for d in dims:
        if not -n <= d < n:
            raise ValueError(f"Dimension out of range (expected to be in range of [{-n}, {n}), but got {d})")
        if d % n in seen:
            raise ValueError(f"For 'Transpose' perms should all be unique dim, but{d % n} is not unique!")
        seen.add(d % n)


@register("Transpose", check=_check_transpose, functional=("transpose",), inputs=("input", "input_perm"))
def _transpose(x, perm):
    return jnp.transpose(x, _int_sequence(perm))


def _check_cast(x, dtype):
    if not isinstance(dtype, mstype.Type):
        raise TypeError(f"For 'Cast', the input 'dtype' should be mindspore dtype, but got {dtype}.")


@register("Cast", check=_check_cast, functional=("cast",), inputs=("input", "dtype"))
def _cast(x, dtype):
    return jnp.asarray(x).astype(mstype.to_mstype(dtype).np_dtype)


def _check_one_hot(indices, depth, on_value, off_value, axis=-1):
    need_index("OneHot", "indices", indices)
    if not isinstance(depth, (int, np.integer)) or isinstance(depth, bool):
        raise failed_calling("OneHot", ("indices", "depth", "on_value", "off_value"),
                             (indices, depth, on_value, off_value), {"axis": axis})
    if depth < 0:
        raise ValueError(f"For primitive[OneHot], the depth value must be greater than or equal to 0, but got {depth}.")


@register("OneHot", attrs=(("axis", -1),), check=_check_one_hot)
def _one_hot(indices, depth, on_value, off_value, axis=-1):
    on, off = jnp.asarray(on_value), jnp.asarray(off_value)
    hot = jax.nn.one_hot(indices, int(depth), axis=axis, dtype=jnp.bool_)
    return jnp.where(hot, on, off).astype(on.dtype)


# ---- losses, with MindSpore's gradients ---------------------------------------------------------------
def _check_softmax_ce(logits, labels):
    if logits.shape != labels.shape:
        raise ValueError("For 'SoftmaxCrossEntropyWithLogits', evaluator arg 'label' shape must be consistent "
                         f"with 'logits' shape, but got 'label' shape: {tuple(labels.shape)}, 'logits' shape: "
                         f"{tuple(logits.shape)}.")
    need_float("SoftmaxCrossEntropyWithLogits", "logits")(logits)


def _softmax_ce_bprop(inputs, out, dout):
    """MindSpore: d logits = dout[0] * (softmax(logits) - labels); d labels = 0."""
    logits, labels = inputs
    return dout[0][..., None] * out[1], jnp.zeros_like(labels)


@register("SoftmaxCrossEntropyWithLogits", check=_check_softmax_ce, bprop=_softmax_ce_bprop)
def _softmax_ce(logits, labels):
    """Returns ``(loss, backprop)``: per-row loss and ``softmax(logits) - labels``."""
    loss = jnp.sum(-labels * jax.nn.log_softmax(logits, axis=-1), axis=-1)
    return loss, jax.nn.softmax(logits, axis=-1) - labels


def _check_sparse_ce(logits, labels, is_grad=False):
    need_index("SparseSoftmaxCrossEntropyWithLogits", "labels_type", labels)
    if labels.shape != logits.shape[:-1]:
        raise ValueError("For 'SparseSoftmaxCrossEntropyWithLogits', the shape of 'labels' must be equal to "
                         f"'logits' shape except the last dimension, but got 'labels' shape: "
                         f"{tuple(labels.shape)}, 'logits' shape: {tuple(logits.shape)}.")
    n = logits.shape[-1]

    def rule(xp, values):
        values = values.reshape(-1)
        return (values < 0) | (values >= n), lambda k, v: ValueError(_sparse_ce_label_error(k, v, n)), \
            (xp.arange(values.size), values)
    check(labels, rule)


def _sparse_ce_label_error(k, v, n):
    """MindSpore's kernel message. Its check lets ``label == class_num`` through (reading past the row);
    mindshim rejects that label too, saying ``<``."""
    head = "For 'SparseSoftmaxCrossEntropyWithLogits' got error label! label[index] must"
    if v < 0:
        return f"{head} >= 0, but got  index = {k} label[index] = {v}"
    return f"{head} {'<' if v == n else '<='} class_num, but got index = {k} label[index] = {v} and class_num = {n}"


def _sparse_ce_grad(logits, labels):
    n = labels.size
    onehot = jax.nn.one_hot(labels, logits.shape[-1], dtype=logits.dtype)
    return (jax.nn.softmax(logits, axis=-1) - onehot) / n


def _sparse_ce_bprop(inputs, out, dout, is_grad=False):
    logits, labels = inputs
    grad = out if is_grad else _sparse_ce_grad(logits, labels) * dout
    return grad, jnp.zeros_like(labels)


@register("SparseSoftmaxCrossEntropyWithLogits", attrs=(("is_grad", False),), check=_check_sparse_ce,
          bprop=_sparse_ce_bprop)
def _sparse_ce(logits, labels, is_grad=False):
    """Mean loss over the batch, or (``is_grad=True``) its gradient ``(softmax - onehot) / N``. As MindSpore's CPU
    kernel, the loss is the log of the softmax, not a log-softmax: a label whose probability underflows (a logit
    gap past 87.3) gives inf, where SoftmaxCrossEntropyWithLogits stays finite."""
    if is_grad:
        return _sparse_ce_grad(logits, labels)
    logp = jnp.log(jax.nn.softmax(logits, axis=-1))
    picked = jnp.take_along_axis(logp, labels[..., None].astype(jnp.int32), axis=-1)[..., 0]
    return -jnp.mean(picked)
