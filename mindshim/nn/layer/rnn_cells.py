"""Single-step recurrent cells (``mindspore.nn.layer.rnn_cells``): RNNCell, LSTMCell, GRUCell.

Parameters are MindSpore's ``weight_ih`` ``(chunks * hidden, input)``, ``weight_hh``, ``bias_ih``, ``bias_hh``, all
``U(-1/sqrt(hidden), 1/sqrt(hidden))`` (from mindshim's key stream); the step is the same cell function the
multi-step layers of ``rnns`` scan.
"""
import math

from ... import _checkparam as validator
from ...common import dtype as mstype
from ...common.initializer import Uniform, initializer
from ...common.parameter import Parameter
from ...common.tensor import Tensor
from ..cell import Cell
from .rnns import _gru_cell, _lstm_cell, _rnn_relu_cell, _rnn_tanh_cell

__all__ = ["RNNCell", "LSTMCell", "GRUCell"]


def _typeof(x):
    """MindSpore's ``ops.typeof`` name of a value, as its messages print it."""
    if isinstance(x, Tensor):
        return f"Tensor[{x.dtype}]"
    return {bool: "Bool", int: "Int64", float: "Float32"}.get(type(x), type(x).__name__)


def _tensor_in(cls, name, x):
    if not isinstance(x, Tensor):
        raise TypeError(f"For '{cls}', the '{name}' must be '<class 'mindspore._c_expression.typing.TensorType'>', "
                        f"but got '{_typeof(x)}'")
    if x.dtype not in (mstype.float32, mstype.float16):
        raise TypeError(f"For '{cls}', the '{name}' should be one of [mindspore.float32, mindspore.float16], but got "
                        f"'mindspore.{str(x.dtype).lower()}'.")


class RNNCellBase(Cell):
    """The weights of a cell with ``num_chunks`` gates."""

    def __init__(self, input_size, hidden_size, has_bias, num_chunks, dtype=mstype.float32):
        super().__init__()
        cls = type(self).__name__
        validator.check_value_type("has_bias", has_bias, [bool], cls)
        validator.check_positive_int(hidden_size, "hidden_size", cls)
        validator.check_positive_int(input_size, "input_size", cls)
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.has_bias = has_bias
        init = Uniform(1 / math.sqrt(hidden_size))
        gates = num_chunks * hidden_size
        self.weight_ih = Parameter(initializer(init, (gates, input_size), dtype), name="weight_ih")
        self.weight_hh = Parameter(initializer(init, (gates, hidden_size), dtype), name="weight_hh")
        self.bias_ih = Parameter(initializer(init, (gates,), dtype), name="bias_ih") if has_bias else None
        self.bias_hh = Parameter(initializer(init, (gates,), dtype), name="bias_hh") if has_bias else None

    def _weights(self):
        return self.weight_ih, self.weight_hh, self.bias_ih, self.bias_hh


class RNNCell(RNNCellBase):
    """``h' = nonlinearity(x W_ih^T + b_ih + h W_hh^T + b_hh)``, nonlinearity 'tanh' or 'relu'."""

    def __init__(self, input_size, hidden_size, has_bias=True, nonlinearity="tanh", dtype=mstype.float32):
        super().__init__(input_size, hidden_size, has_bias, num_chunks=1, dtype=dtype)
        validator.check_value_type("nonlinearity", nonlinearity, [str], "RNNCell")
        validator.check_string(nonlinearity, ["tanh", "relu"], "nonlinearity", "RNNCell")
        self.nonlinearity = nonlinearity

    def construct(self, x, hx):
        _tensor_in("RNNCell", "x", x)
        _tensor_in("RNNCell", "hx", hx)
        cell = _rnn_tanh_cell if self.nonlinearity == "tanh" else _rnn_relu_cell
        return cell(x, hx, *self._weights())


class LSTMCell(RNNCellBase):
    """One LSTM step: ``(h', c')`` from ``x`` and ``hx = (h, c)``; gates ``i, f, g, o``."""

    def __init__(self, input_size, hidden_size, has_bias=True, dtype=mstype.float32):
        super().__init__(input_size, hidden_size, has_bias, num_chunks=4, dtype=dtype)

    def construct(self, x, hx):
        _tensor_in("LSTMCell", "x", x)
        if not isinstance(hx, tuple):
            raise TypeError(f"For 'LSTMCell', the 'hx' must be '<class 'mindspore._c_expression.typing.Tuple'>', but "
                            f"got '{_typeof(hx)}'")
        if len(hx) != 2:
            raise TypeError(f"For 'LSTMCell', the length of 'hx' must be '2', but got '{len(hx)}'")
        _tensor_in("LSTMCell", "hx[0]", hx[0])
        _tensor_in("LSTMCell", "hx[1]", hx[1])
        return _lstm_cell(x, hx, *self._weights())


class GRUCell(RNNCellBase):
    """One GRU step; gates ``r, z, n``."""

    def __init__(self, input_size, hidden_size, has_bias=True, dtype=mstype.float32):
        super().__init__(input_size, hidden_size, has_bias, num_chunks=3, dtype=dtype)

    def construct(self, x, hx):
        _tensor_in("GRUCell", "x", x)
        _tensor_in("GRUCell", "hx", hx)
        return _gru_cell(x, hx, *self._weights())
