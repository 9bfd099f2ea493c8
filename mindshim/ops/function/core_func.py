"""``mindspore.ops`` functional forms: each one adapts MindSpore's functional signature to a table row."""
from ... import _registry
from ...common import _amp
from ...common.tensor import Tensor, _wrap
from ..primitive import call_op

_row = _registry.get


def _view(name, doc):
    """A two-input functional op over a row whose check rejects nothing JAX accepts for same-dtype inputs: on
    that common path the check runs only if JAX raises (so the error is MindSpore's), saving its cost."""
    row = _row(name)
    impl = row.bind()

    def fn(input, other):
        if type(input) is Tensor and type(other) is Tensor and not _amp.local.stack:
            x, y = input._data, other._data
            if x.dtype == y.dtype:
                try:
                    return _wrap(impl(x, y))
                except (TypeError, ValueError):
                    if row.check is not None:
                        row.check(x, y)
                    raise
        return call_op(row, (input, other))
    fn.__name__, fn.__doc__ = name.lower(), doc
    return fn


add = _view("Add", "``input + other`` with broadcasting (MindSpore ``ops.add``).")
sub = _view("Sub", "``input - other`` with broadcasting (MindSpore ``ops.sub``).")
mul = _view("Mul", "``input * other`` with broadcasting (MindSpore ``ops.mul``).")
matmul = _view("MatMulExt", "Matrix product with batch broadcasting, as ``numpy.matmul`` (MindSpore ``ops.matmul``).")
floor_div = _view("FloorDiv", "Floor division (MindSpore ``ops.floor_div``).")
pow = _view("Pow", "``input ** exponent`` (MindSpore ``ops.pow``).")
equal = _view("Equal", "Element-wise ``==`` (MindSpore ``ops.equal``).")


def div(input, other, rounding_mode=None):
    """``input / other``; integer inputs give Float32. ``rounding_mode`` 'floor' or 'trunc' as MindSpore."""
    if rounding_mode is None:
        return call_op(_row("Div"), (input, other))
    if rounding_mode == "floor":
        return call_op(_row("FloorDiv"), (input, other))
    raise NotImplementedError(f"mindspore.ops.div with rounding_mode='{rounding_mode}' is not supported by mindshim yet.")


def relu(input):
    return call_op(_row("ReLU"), (input,))


def softmax(input, axis=-1, *, dtype=None):
    if dtype is not None:
        input = cast(input, dtype)
    return call_op(_row("Softmax"), (input,), {"axis": axis})


def log_softmax(logits, axis=-1):
    return call_op(_row("LogSoftmax"), (logits,), {"axis": axis})


def reduce_sum(x, axis=(), keep_dims=False):
    return call_op(_row("ReduceSum"), (x, axis), {"keep_dims": keep_dims})


def sum(input, dim=None, keepdim=False, *, dtype=None):
    """Sum over ``dim`` (all if None); integer and bool inputs give Int64, as MindSpore."""
    if not isinstance(input, Tensor):
        raise TypeError(f"For 'sum', 'input' must be Tensor, but got {type(input).__name__}.")
    return input.sum(axis=dim, keepdims=keepdim, dtype=dtype)


def mean(input, axis=None, keep_dims=False):
    return call_op(_row("ReduceMean"), (input, () if axis is None else axis), {"keep_dims": keep_dims})


def reshape(input, shape):
    return call_op(_row("Reshape"), (input, shape))


def transpose(input, input_perm):
    return call_op(_row("Transpose"), (input, input_perm))


def cast(input, dtype):
    return call_op(_row("Cast"), (input, dtype))


def one_hot(indices, depth, on_value=1, off_value=0, axis=-1):
    """One-hot encoding; ``on_value``/``off_value`` set the output dtype (Int64 for the defaults)."""
    on = on_value if isinstance(on_value, Tensor) else Tensor(on_value)
    off = off_value if isinstance(off_value, Tensor) else Tensor(off_value, on.dtype)
    return call_op(_row("OneHot"), (indices, depth, on, off), {"axis": axis})


def dtype(input):
    return input.dtype


def shape(input):
    return input.shape


__all__ = ["add", "sub", "mul", "div", "matmul", "floor_div", "pow", "equal", "relu", "softmax", "log_softmax",
           "reduce_sum", "sum", "mean", "reshape", "transpose", "cast", "one_hot", "dtype", "shape", "assign",
           "assign_add", "assign_sub"]


def _check_parameter(op, variable):
    from ...common.parameter import Parameter
    if not isinstance(variable, Parameter):
        raise TypeError(f"For '{op}', the 'variable' must be a Parameter, but got {type(variable).__name__}.")


def assign(variable, value):
    """Write ``value`` into the Parameter ``variable`` (in place; inside a compiled step, as new state)."""
    _check_parameter("Assign", variable)
    variable.set_data(value)
    return variable


def assign_add(variable, value):
    """``variable += value`` in place."""
    _check_parameter("AssignAdd", variable)
    variable.set_data(variable + value)
    return variable


def assign_sub(variable, value):
    """``variable -= value`` in place."""
    _check_parameter("AssignSub", variable)
    variable.set_data(variable - value)
    return variable
