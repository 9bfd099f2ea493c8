"""Recurrent layers (``mindspore.nn.layer.rnns``): RNN, GRU, LSTM.

Parameters are MindSpore's: ``weight_ih_l{k}[_reverse]`` ``(gates * hidden, input)``, ``weight_hh_l{k}[_reverse]``,
``bias_ih_l{k}[_reverse]``, ``bias_hh_l{k}[_reverse]``, all ``U(-1/sqrt(hidden), 1/sqrt(hidden))`` (drawn from
mindshim's key stream, not numpy's global generator as MindSpore does). Gates are MindSpore's (and PyTorch's):
LSTM ``i, f, g, o``; GRU ``r, z, n``. The time loop is one ``jax.lax.scan`` over the cell, written with ops.
"""
import math

import jax
import jax.numpy as jnp
from jax import lax

from ... import _checkparam as validator
from ... import ops
from ...common import dtype as mstype
from ...common.initializer import Uniform, initializer
from ...common.parameter import Parameter, ParameterTuple
from ...common.tensor import Tensor, _wrap
from ..cell import Cell
from .basic import Dropout

__all__ = ["RNN", "GRU", "LSTM"]


def _linear(x, w, b):
    out = ops.MatMul(False, True)(x, w)
    return out if b is None else out + b


def _rnn_tanh_cell(inputs, hidden, w_ih, w_hh, b_ih, b_hh):
    return ops.tanh(_linear(inputs, w_ih, b_ih) + _linear(hidden, w_hh, b_hh))


def _rnn_relu_cell(inputs, hidden, w_ih, w_hh, b_ih, b_hh):
    return ops.relu(_linear(inputs, w_ih, b_ih) + _linear(hidden, w_hh, b_hh))


def _chunks(x, n):
    size = x.shape[1] // n
    return [x[:, i * size:(i + 1) * size] for i in range(n)]


def _lstm_cell(inputs, hidden, w_ih, w_hh, b_ih, b_hh):
    hx, cx = hidden
    gates = ops.MatMul(False, True)(inputs, w_ih) + ops.MatMul(False, True)(hx, w_hh)
    if b_ih is not None:
        gates = gates + b_ih + b_hh
    ingate, forgetgate, cellgate, outgate = _chunks(gates, 4)
    cy = ops.sigmoid(forgetgate) * cx + ops.sigmoid(ingate) * ops.tanh(cellgate)
    return ops.sigmoid(outgate) * ops.tanh(cy), cy


def _lstm_kernel_cell(inputs, hidden, w_ih, w_hh, b_ih, b_hh):
    """The LSTM cell as MindSpore's CPU LSTM kernel (oneDNN) computes it: the two biases summed first, exact
    sigmoid and tanh (not the CPU Sigmoid/Tanh ops' approximations)."""
    hx, cx = hidden
    gates = ops.MatMul(False, True)(inputs, w_ih) + ops.MatMul(False, True)(hx, w_hh)
    if b_ih is not None:
        gates = gates + (b_ih + b_hh)
    i, f, g, o = (t._data for t in _chunks(gates, 4))
    cy = jax.nn.sigmoid(f) * cx._data + jax.nn.sigmoid(i) * jnp.tanh(g)
    return _wrap(jax.nn.sigmoid(o) * jnp.tanh(cy)), _wrap(cy)


def _gru_cell(inputs, hidden, w_ih, w_hh, b_ih, b_hh):
    i_r, i_i, i_n = _chunks(_linear(inputs, w_ih, b_ih), 3)
    h_r, h_i, h_n = _chunks(_linear(hidden, w_hh, b_hh), 3)
    resetgate = ops.sigmoid(i_r + h_r)
    inputgate = ops.sigmoid(i_i + h_i)
    newgate = ops.tanh(i_n + resetgate * h_n)
    return newgate + inputgate * (hidden - newgate)


_CELLS = {"RNN_TANH": _rnn_tanh_cell, "RNN_RELU": _rnn_relu_cell, "LSTM": _lstm_cell, "GRU": _gru_cell}


def _arrays(tree):
    return jax.tree_util.tree_map(lambda t: t._data, tree, is_leaf=lambda t: isinstance(t, Tensor))


def _tensors(tree):
    return jax.tree_util.tree_map(_wrap, tree)


def _recurrent(cell, is_lstm, x, h, seq_length, weights):
    """Run ``cell`` over the time axis 0 of ``x``; past ``seq_length[b]`` the state holds and outputs are 0."""
    lengths = None if seq_length is None else seq_length._data

    def body(carry, inputs):
        x_t, t = inputs
        new = _arrays(cell(_wrap(x_t), _tensors(carry), *weights))
        out = new[0] if is_lstm else new
        if lengths is not None:
            valid = (lengths > t)[:, None]
            new = jax.tree_util.tree_map(lambda n, o: jnp.where(valid, n, o), new, carry)
            out = jnp.where(valid, out, jnp.zeros_like(out))
        return new, out

    final, outputs = lax.scan(body, _arrays(h), (x._data, jnp.arange(x.shape[0])))
    return _wrap(outputs), _tensors(final)


class _DynamicRNNBase(Cell):
    """One recurrent layer in one direction: ``(x, h_0, seq_length, w_ih, w_hh, b_ih, b_hh) -> (output, h_n)``."""
    mode = None

    def __init__(self, mode=None):
        super().__init__()
        self.mode = mode or self.mode
        self.cell = _CELLS[self.mode]
        self.is_lstm = self.mode == "LSTM"

    def construct(self, x, h, seq_length, w_ih, w_hh, b_ih, b_hh):
        weights = [None if w is None else w.astype(x.dtype) for w in (w_ih, w_hh, b_ih, b_hh)]
        return _recurrent(self.cell, self.is_lstm, x, h, seq_length, weights)


class _DynamicRNNTanh(_DynamicRNNBase):
    mode = "RNN_TANH"


class _DynamicRNNRelu(_DynamicRNNBase):
    mode = "RNN_RELU"


class _DynamicGRUCPUGPU(_DynamicRNNBase):
    mode = "GRU"


class _DynamicLSTMCPUGPU(_DynamicRNNBase):
    """LSTM: MindSpore's LSTM kernel without ``seq_length``, its op-by-op cell with it."""
    mode = "LSTM"

    def construct(self, x, h, seq_length, w_ih, w_hh, b_ih, b_hh):
        if seq_length is not None:
            return super().construct(x, h, seq_length, w_ih, w_hh, b_ih, b_hh)
        if x.shape[2] != w_ih.shape[1]:
            raise ValueError(f"For primitive[LSTM], the x_shape[2] must be equal to {w_ih.shape[1]}, but got "
                             f"{x.shape[2]}.")
        weights = [None if w is None else w.astype(x.dtype) for w in (w_ih, w_hh, b_ih, b_hh)]
        return _recurrent(_lstm_kernel_cell, True, x, h, None, weights)


_RUNNERS = {"LSTM": (4, _DynamicLSTMCPUGPU), "GRU": (3, _DynamicGRUCPUGPU), "RNN_TANH": (1, _DynamicRNNTanh),
            "RNN_RELU": (1, _DynamicRNNRelu)}


def _flip(x):
    return _wrap(jnp.flip(x._data, 0))


def _reverse_sequence(x, seq_length):
    """Reverse the first ``seq_length[b]`` steps of each sequence ``b`` (time axis 0, batch axis 1)."""
    t = jnp.arange(x.shape[0])[:, None]
    n = seq_length._data[None, :].astype(t.dtype)
    index = jnp.where(t < n, n - 1 - t, t)
    return _wrap(jnp.take_along_axis(x._data, index[..., None], axis=0))


def _concat(tensors, axis):
    return _wrap(jnp.concatenate([t._data for t in tensors], axis))


class _RNNBase(Cell):
    """Stacked, optionally bidirectional recurrent layers (see the module docstring)."""

    def __init__(self, mode, input_size, hidden_size, num_layers=1, has_bias=True, batch_first=False, dropout=0.0,
                 bidirectional=False, dtype=mstype.float32):
        super().__init__()
        cls = type(self).__name__
        validator.check_positive_int(hidden_size, "hidden_size", cls)
        validator.check_positive_int(input_size, "input_size", cls)
        validator.check_positive_int(num_layers, "num_layers", cls)
        if not isinstance(dropout, float):
            raise TypeError(f"For '{cls}', the type of 'dropout' must be 'float', but got '{type(dropout).__name__}'.")
        for name, value in (("has_bias", has_bias), ("batch_first", batch_first), ("bidirectional", bidirectional)):
            validator.check_value_type(name, value, bool, cls)
        if not 0 <= dropout < 1:
            raise ValueError(f"For '{cls}', the 'dropout' must be a number in range [0, 1) representing the "
                             f"probability of an element being zeroed, but got {dropout}.")
        gates, runner = _RUNNERS[mode]
        gate_size = gates * hidden_size
        self.rnn = runner()
        self.hidden_size = hidden_size
        self.batch_first = batch_first
        self.num_layers = num_layers
        self.dropout = dropout
        self.dropout_op = Dropout(p=float(dropout))
        self.bidirectional = bidirectional
        self.has_bias = has_bias
        self.is_lstm = mode == "LSTM"
        num_directions = 2 if bidirectional else 1
        init = Uniform(1 / math.sqrt(hidden_size))
        w_ih, w_hh, b_ih, b_hh = [], [], [], []
        for layer in range(num_layers):
            for direction in range(num_directions):
                layer_input = input_size if layer == 0 else hidden_size * num_directions
                suffix = f"l{layer}" + ("_reverse" if direction else "")
                w_ih.append(Parameter(initializer(init, (gate_size, layer_input), dtype), name=f"weight_ih_{suffix}"))
                w_hh.append(Parameter(initializer(init, (gate_size, hidden_size), dtype), name=f"weight_hh_{suffix}"))
                if has_bias:
                    b_ih.append(Parameter(initializer(init, (gate_size,), dtype), name=f"bias_ih_{suffix}"))
                    b_hh.append(Parameter(initializer(init, (gate_size,), dtype), name=f"bias_hh_{suffix}"))
        self.w_ih_list = ParameterTuple(w_ih)
        self.w_hh_list = ParameterTuple(w_hh)
        self.b_ih_list = ParameterTuple(b_ih)
        self.b_hh_list = ParameterTuple(b_hh)

    def _weights(self, index):
        biases = (self.b_ih_list[index], self.b_hh_list[index]) if self.has_bias else (None, None)
        return (self.w_ih_list[index], self.w_hh_list[index]) + biases

    def _state(self, h, index):
        return (h[0][index], h[1][index]) if self.is_lstm else h[index]

    def _stacked(self, x, h, seq_length):
        directions = 2 if self.bidirectional else 1
        layer_input, finals = x, []
        for layer in range(self.num_layers):
            outputs = []
            for direction in range(directions):
                index = layer * directions + direction
                inputs = layer_input
                if direction:
                    inputs = _flip(inputs) if seq_length is None else _reverse_sequence(inputs, seq_length)
                out, final = self.rnn(inputs, self._state(h, index), seq_length, *self._weights(index))
                if direction:
                    out = _flip(out) if seq_length is None else _reverse_sequence(out, seq_length)
                outputs.append(out)
                finals.append(final)
            output = outputs[0] if directions == 1 else _concat(outputs, 2)
            layer_input = self.dropout_op(output) if self.dropout != 0 and layer < self.num_layers - 1 else output
        if self.is_lstm:
            return output, tuple(_wrap(jnp.stack([f[i]._data for f in finals])) for i in range(2))
        return output, _wrap(jnp.stack([f._data for f in finals]))

    def construct(self, x, hx=None, seq_length=None):
        cls = type(self).__name__
        if not isinstance(x, Tensor):
            raise TypeError(f"For '{cls}', the 'x' must be 'Tensor', but got '{type(x).__name__}'")
        batch = x.shape[0] if self.batch_first else x.shape[1]
        directions = 2 if self.bidirectional else 1
        x_dtype = x.dtype
        if hx is not None:
            states = hx if self.is_lstm else (hx,)
            if self.is_lstm and (not isinstance(hx, tuple) or len(hx) != 2):
                raise TypeError(f"For '{cls}', the 'hx' must be a tuple of 2 Tensors, but got '{type(hx).__name__}'")
            for h in states:
                if h.dtype != x_dtype or x_dtype not in (mstype.float32, mstype.float16):
                    raise TypeError(f"For '{cls}', the dtypes of 'x' and 'hx' must be the same and Float16 or "
                                    f"Float32, but got {x_dtype} and {h.dtype}.")
        else:
            zeros = _wrap(jnp.zeros((self.num_layers * directions, batch, self.hidden_size), x._data.dtype))
            hx = (zeros, zeros) if self.is_lstm else zeros
        if seq_length is not None:
            if seq_length.dtype not in (mstype.int32, mstype.int64):
                raise TypeError(f"For '{cls}', the 'seq_length' must be Int32 or Int64, but got {seq_length.dtype}.")
            if seq_length.shape[0] != batch:
                raise ValueError(f"For '{cls}' batch size of x and seq_length must be equal, but got {batch} of x and "
                                 f"{seq_length.shape[0]} of seq_length.")
        if self.batch_first:
            x = ops.transpose(x, (1, 0, 2))
        x_n, h_n = self._stacked(x, hx, seq_length)
        if self.batch_first:
            x_n = ops.transpose(x_n, (1, 0, 2))
        if self.is_lstm:
            return x_n.astype(x_dtype), (h_n[0].astype(x_dtype), h_n[1].astype(x_dtype))
        return x_n.astype(x_dtype), h_n.astype(x_dtype)


class RNN(_RNNBase):
    """Elman RNN: ``h' = nonlinearity(x W_ih^T + b_ih + h W_hh^T + b_hh)``, ``nonlinearity`` 'tanh' or 'relu'."""

    def __init__(self, *args, **kwargs):
        nonlinearity = kwargs.pop("nonlinearity", "tanh")
        if nonlinearity not in ("tanh", "relu"):
            raise ValueError(f"For 'RNN', the 'nonlinearity' must be in ['tanh', 'relu'], but got {nonlinearity}.")
        super().__init__("RNN_TANH" if nonlinearity == "tanh" else "RNN_RELU", *args, **kwargs)


class GRU(_RNNBase):
    """Gated recurrent unit layers; ``construct(x, hx=None, seq_length=None) -> (output, h_n)``."""

    def __init__(self, *args, **kwargs):
        super().__init__("GRU", *args, **kwargs)


class LSTM(_RNNBase):
    """Long short-term memory layers; ``construct(x, hx=None, seq_length=None) -> (output, (h_n, c_n))``."""

    def __init__(self, *args, **kwargs):
        super().__init__("LSTM", *args, **kwargs)
