"""``mindspore.ops`` functional forms of the core rows: the plain views declared on the rows, and the ops that
adapt MindSpore's functional signature to a row."""
from ... import _registry
from ..._registry import dispatch
from ...common.parameter import Parameter
from ...common.tensor import Tensor, _wrap
from .. import _views

_row = _registry.get


def div(input, other, rounding_mode=None):
    """``input / other``; integer inputs give Float32. ``rounding_mode`` 'floor' or 'trunc' as MindSpore."""
    if rounding_mode is None:
        return dispatch(_row("Div"), (input, other))
    if rounding_mode == "floor":
        return dispatch(_row("FloorDiv"), (input, other))
    raise NotImplementedError(f"mindspore.ops.div with rounding_mode='{rounding_mode}' is not supported by mindshim "
                              "yet.")


def softmax(input, axis=-1, *, dtype=None):
    if dtype is not None:
        input = dispatch(_row("Cast"), (input, dtype))
    return dispatch(_row("Softmax"), (input,), {"axis": axis})


def sum(input, dim=None, keepdim=False, *, dtype=None):
    """Sum over ``dim`` (all if None); integer and bool inputs give Int64, as MindSpore."""
    if not isinstance(input, Tensor):
        raise TypeError(f"For 'sum', 'input' must be Tensor, but got {type(input).__name__}.")
    return input.sum(axis=dim, keepdims=keepdim, dtype=dtype)


def mean(input, axis=None, keep_dims=False):
    return dispatch(_row("ReduceMean"), (input, () if axis is None else axis), {"keep_dims": keep_dims})


def one_hot(indices, depth, on_value=1, off_value=0, axis=-1):
    """One-hot encoding; ``on_value``/``off_value`` set the output dtype (Int64 for the defaults)."""
    on = on_value if isinstance(on_value, Tensor) else Tensor(on_value)
    off = off_value if isinstance(off_value, Tensor) else Tensor(off_value, on.dtype)
    return dispatch(_row("OneHot"), (indices, depth, on, off), {"axis": axis})


def dtype(input):
    return input.dtype


def shape(input):
    return input.shape


_VIEWS = _views.functionals("core")  # add, mul, matmul, relu, reshape, transpose, cast, log_softmax, ...: plain rows
globals().update(_VIEWS)

__all__ = sorted(_VIEWS) + ["div", "softmax", "sum", "mean", "one_hot", "dtype", "shape", "assign", "assign_add",
                            "assign_sub"]


def _check_parameter(op, variable):
    if not isinstance(variable, Parameter):
        raise TypeError(f"For '{op}', the 'variable' must be a Parameter, but got {type(variable).__name__}.")


def assign(variable, value):
    """Write ``value`` into the Parameter ``variable`` (in place; inside a compiled step, as new state); returns its
    new value as a Tensor."""
    _check_parameter("Assign", variable)
    variable.set_data(value)
    return _wrap(variable._data)


def assign_add(variable, value):
    """``variable += value`` in place."""
    _check_parameter("AssignAdd", variable)
    variable.set_data(variable + value)
    return _wrap(variable._data)


def assign_sub(variable, value):
    """``variable -= value`` in place."""
    _check_parameter("AssignSub", variable)
    variable.set_data(variable - value)
    return _wrap(variable._data)


def is_tensor(obj):
    """Whether ``obj`` is a Tensor (a Parameter included)."""
    return isinstance(obj, Tensor)


def print_(*input_x):
    """Prints each input on its own line (Tensors as their repr); returns None."""
    return dispatch(_row("Print"), input_x)


__all__ += ["is_tensor", "print_"]
