"""Basic layers (``mindspore.nn.layer.basic``)."""
__all__ = ["Dense"]
import math

from ... import ops
from ...common import dtype as mstype
from ...common.initializer import HeUniform, Uniform, initializer
from ...common.parameter import Parameter
from ...common.tensor import Tensor
from ..cell import Cell


def _positive_int(value, name, cls):
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise ValueError(f"For '{cls}', the '{name}' must be a positive int, but got {value}.")
    return value


class Dense(Cell):
    """``activation(x @ weight.T + bias)``; ``weight`` is ``(out_channels, in_channels)``.

    Defaults as MindSpore: weight ``HeUniform(sqrt(5))``, bias ``Uniform(1/sqrt(in_channels))``.
    """

    def __init__(self, in_channels, out_channels, weight_init=None, bias_init=None, has_bias=True, activation=None,
                 dtype=mstype.float32):
        super().__init__()
        self.in_channels = _positive_int(in_channels, "in_channels", "Dense")
        self.out_channels = _positive_int(out_channels, "out_channels", "Dense")
        if not isinstance(has_bias, bool):
            raise TypeError(f"For 'Dense', the type of 'has_bias' must be bool, but got {type(has_bias).__name__}.")
        self.has_bias = has_bias
        if isinstance(weight_init, Tensor) and tuple(weight_init.shape) != (out_channels, in_channels):
            raise ValueError("For 'Dense', weight init shape error. The ndim of 'weight_init' must be equal to 2, and "
                             "the first dim must be equal to 'out_channels', and the second dim must be equal to "
                             f"'in_channels'. But got 'weight_init': {weight_init}, 'out_channels': {out_channels}, "
                             f"'in_channels': {in_channels}.")
        weight_init = HeUniform(math.sqrt(5)) if weight_init is None else weight_init
        self.weight = Parameter(initializer(weight_init, [out_channels, in_channels], dtype), name="weight")
        self.bias = None
        if has_bias:
            bias_init = Uniform(scale=1 / math.sqrt(in_channels)) if bias_init is None else bias_init
            self.bias = Parameter(initializer(bias_init, [out_channels], dtype), name="bias")
        self.matmul = ops.MatMul(transpose_b=True)
        if isinstance(activation, str):
            raise NotImplementedError(f"mindspore.nn.Dense(activation='{activation}') is not supported by mindshim "
                                      "yet; pass a Cell.")
        self.activation = activation

    def construct(self, x):
        shape = x.shape
        if len(shape) != 2:
            x = ops.reshape(x, (-1, shape[-1]))
        x = self.matmul(x, self.weight)
        if self.has_bias:
            x = x + self.bias
        if self.activation is not None:
            x = self.activation(x)
        if len(shape) != 2:
            x = ops.reshape(x, tuple(shape[:-1]) + (x.shape[-1],))
        return x

    def extend_repr(self):
        s = f"input_channels={self.in_channels}, output_channels={self.out_channels}"
        if self.has_bias:
            s += f", has_bias={self.has_bias}"
        if self.activation is not None:
            s += f", activation={self.activation}"
        return s
