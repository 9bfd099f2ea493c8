"""Basic layers (``mindspore.nn.layer.basic``): Dense, dropouts, Flatten/Unflatten, Identity, Pad, L1Regularizer,
ChannelShuffle."""
import math

from ... import _checkparam as validator
from ... import ops
from ...common import dtype as mstype
from ...common.initializer import HeUniform, Uniform, initializer
from ...common.parameter import Parameter
from ...common.tensor import Tensor
from ..cell import Cell
from .activation import get_activation

__all__ = ["Dense", "Dropout", "Dropout1d", "Dropout2d", "Dropout3d", "Flatten", "Unflatten", "Identity", "Pad",
           "L1Regularizer", "ChannelShuffle"]


# ---- layers -------------------------------------------------------------------------------------------
class Dense(Cell):
    """``activation(x @ weight.T + bias)``; ``weight`` is ``(out_channels, in_channels)``; inputs of rank > 2 are
    flattened to 2-D and back.

    Defaults as MindSpore: weight ``HeUniform(sqrt(5))``, bias ``Uniform(1/sqrt(in_channels))``; ``activation`` a
    Cell, a Primitive or a name for ``get_activation``.
    """

    def __init__(self, in_channels, out_channels, weight_init=None, bias_init=None, has_bias=True, activation=None,
                 dtype=mstype.float32):
        super().__init__()
        self.in_channels = validator.check_positive_int(in_channels, "in_channels", "Dense")
        self.out_channels = validator.check_positive_int(out_channels, "out_channels", "Dense")
        self.has_bias = validator.check_bool(has_bias, "has_bias", "Dense")
        if isinstance(weight_init, Tensor) and (weight_init.ndim != 2 or weight_init.shape[0] != out_channels
                                                or weight_init.shape[1] != in_channels):
            raise ValueError("For 'Dense', weight init shape error. The ndim of 'weight_init' must be equal to 2, and "
                             "the first dim must be equal to 'out_channels', and the second dim must be equal to "
                             f"'in_channels'. But got 'weight_init': {weight_init}, 'out_channels': {out_channels}, "
                             f"'in_channels': {in_channels}.")
        weight_init = HeUniform(math.sqrt(5)) if weight_init is None else weight_init
        self.weight = Parameter(initializer(weight_init, [out_channels, in_channels], dtype), name="weight")
        self.bias = None
        if has_bias:
            if isinstance(bias_init, Tensor) and (bias_init.ndim != 1 or bias_init.shape[0] != out_channels):
                raise ValueError("For 'Dense', bias init shape error. The ndim of 'bias_init' must be equal to 1, and "
                                 "the first dim must be equal to 'out_channels'. But got 'bias_init': "
                                 f"{bias_init}, 'out_channels': {out_channels}.")
            bias_init = Uniform(scale=1 / math.sqrt(in_channels)) if bias_init is None else bias_init
            self.bias = Parameter(initializer(bias_init, [out_channels], dtype), name="bias")
            self.bias_add = ops.BiasAdd()
        self.matmul = ops.MatMul(transpose_b=True)
        self.activation = get_activation(activation) if isinstance(activation, str) else activation
        if activation is not None and not isinstance(self.activation, (Cell, ops.Primitive)):
            raise TypeError(f"For 'Dense', the 'activation' must be str or Cell or Primitive, but got "
                            f"{type(activation).__name__}.")
        self.activation_flag = self.activation is not None

    def construct(self, x):
        shape = x.shape
        if len(shape) != 2:
            x = ops.reshape(x, (-1, shape[-1]))
        x = self.matmul(x, self.weight)
        if self.has_bias:
            x = self.bias_add(x, self.bias)
        if self.activation_flag:
            x = self.activation(x)
        if len(shape) != 2:
            x = ops.reshape(x, tuple(shape[:-1]) + (x.shape[-1],))
        return x

    def extend_repr(self):
        s = f"input_channels={self.in_channels}, output_channels={self.out_channels}"
        if self.has_bias:
            s += f", has_bias={self.has_bias}"
        if self.activation_flag:
            s += f", activation={self.activation}"
        return s


class Dropout(Cell):
    """In training, zero each element with probability ``p`` (or ``1 - keep_prob``) and scale the rest by
    ``1 / (1 - p)``; the identity in inference. Masks come from mindshim's key stream (``set_seed``)."""

    def __init__(self, keep_prob=0.5, p=None, dtype=mstype.float32):
        super().__init__()
        if p is None:
            validator.check_value_type("keep_prob", keep_prob, float, "Dropout")
            if keep_prob <= 0 or keep_prob > 1:
                raise ValueError(f"For 'Dropout', the 'keep_prob' must be a number in range (0, 1], but got "
                                 f"{keep_prob}.")
            self.dropout = ops.Dropout(keep_prob)
        else:
            validator.check_value_type("p", p, (float, int), "Dropout")
            if p < 0 or p >= 1:
                raise ValueError(f"For 'Dropout', the 'p' must be a number in range [0, 1), but got {p}.")
            self.dropout = ops.Dropout(1.0 - p)
        self.p = p
        self.keep_prob = keep_prob

    def construct(self, x):
        if not self.training or self.keep_prob == 1 or self.p == 0:
            return x
        return self.dropout(x)[0]

    def extend_repr(self):
        return f"keep_prob={self.keep_prob}" if self.p is None else f"p={self.p}"


class _ChannelDropout(Cell):
    """Channel dropout in training (``_dropout(x, p)``), the identity in inference; ``p`` a float in [0, 1]."""

    def __init__(self, p=0.5):
        super().__init__()
        validator.check_value_type("p", p, [float], type(self).__name__)
        if p < 0 or p > 1:
            raise ValueError(f"For '{type(self).__name__}', the 'p' must be a number in range [0, 1], but got {p}.")
        self.p = p

    def construct(self, x):
        if not self.training or self.p == 0:
            return x
        return type(self)._dropout(x, self.p)


class Dropout1d(_ChannelDropout):
    """Zero whole channels of ``(N, C, L)`` or ``(C, L)`` with probability ``p`` (``ops.dropout1d``)."""
    _dropout = staticmethod(ops.dropout1d)


class Dropout2d(_ChannelDropout):
    """Zero whole channels of ``(N, C, H, W)`` with probability ``p`` (Dropout2D)."""
    _dropout = staticmethod(ops.dropout2d)

    def extend_repr(self):
        return f"p={1.0 - self.p}"  # MindSpore prints its keep probability under the name p


class Dropout3d(Dropout2d):
    """Zero whole channels of ``(N, C, D, H, W)`` with probability ``p`` (Dropout3D)."""
    _dropout = staticmethod(ops.dropout3d)


class Flatten(Cell):
    """Flatten axes ``start_dim`` .. ``end_dim`` into one."""

    def __init__(self, start_dim=1, end_dim=-1):
        super().__init__()
        self.start_dim = start_dim
        self.end_dim = end_dim

    def construct(self, x):
        ndim = x.ndim if x.ndim else 1
        for axis in (self.start_dim, self.end_dim):
            if axis < -ndim or axis >= ndim:
                raise ValueError("'start_dim' or 'end_dim' out of range.")
        start, end = self.start_dim % ndim, self.end_dim % ndim
        shape = tuple(x.shape) or (1,)
        if start > end:
            raise ValueError(f"For 'flatten', 'start_dim' cannot come after 'end_dim', but got start_dim: "
                             f"{self.start_dim}, end_dim: {self.end_dim}.")
        return ops.reshape(x, shape[:start] + (math.prod(shape[start:end + 1]),) + shape[end + 1:])


class Unflatten(Cell):
    """Reshape axis ``axis`` into ``unflattened_size``."""

    def __init__(self, axis, unflattened_size):
        super().__init__()
        validator.check_value_type("axis", axis, [int], "Unflatten")
        validator.check_value_type("unflattended_size", unflattened_size, (list, tuple), "Unflatten")
        self.axis = axis
        self.unflattened_size = tuple(unflattened_size)

    def construct(self, input_x):
        shape = input_x.shape
        tail = shape[self.axis + 1:] if self.axis != -1 else ()
        return ops.reshape(input_x, shape[:self.axis] + self.unflattened_size + tail)


class Identity(Cell):
    """Returns its input."""

    def __init__(self, *args, **kwargs):
        super().__init__()

    def construct(self, input):
        return input


class Pad(Cell):
    """Pad with ``paddings = ((before, after), ...)`` per axis: 'CONSTANT' (zeros, the Pad primitive), 'REFLECT' or
    'SYMMETRIC' (MirrorPad)."""

    def __init__(self, paddings, mode="CONSTANT"):
        super().__init__()
        self.mode = mode
        self.paddings = paddings
        validator.check_string(self.mode, ["CONSTANT", "REFLECT", "SYMMETRIC"], "mode", "Pad")
        if not isinstance(paddings, tuple):
            raise TypeError(f"For 'Pad', the type of 'paddings' must be tuple, but got {type(paddings).__name__}.")
        for item in paddings:
            if len(item) != 2:
                raise ValueError(f"For 'Pad', the dimension of 'paddings' must be (n, 2), but got {paddings}.")
        if len(paddings) > 4:
            raise ValueError(f"For 'Pad', only 'paddings' up to 4 dims is supported, but got {len(paddings)}.")
        if mode == "CONSTANT":
            self.pad = ops.Pad(self.paddings)
        else:
            self.paddings = Tensor(paddings, mstype.int64)
            self.pad = ops.MirrorPad(mode=mode)

    def construct(self, x):
        return self.pad(x) if self.mode == "CONSTANT" else self.pad(x, self.paddings)


class L1Regularizer(Cell):
    """``scale * sum(|weights|)``."""

    def __init__(self, scale):
        super().__init__()
        validator.check_value_type("scale", scale, [int, float], "L1Regularizer")
        if scale <= 0:
            raise ValueError(f"For 'L1Regularizer', the 'scale' must be greater than 0, but got {scale}.")
        if math.isinf(scale) or math.isnan(scale):
            raise ValueError(f"For 'L1Regularizer', the 'scale' can not be INF or NAN, but got {scale}.")
        self.scale = Tensor(scale, dtype=mstype.float32)

    def construct(self, weights):
        if weights.dtype == mstype.bool_:
            raise TypeError(f"The type of weights must be in {_NUMBER_TYPES}, but got {weights.dtype}.")
        return self.scale * ops.ReduceSum()(ops.abs(weights))


_NUMBER_TYPES = ("Int8, Int16, Int32, Int64, UInt8, UInt16, UInt32, UInt64, Float16, Float32, Float64, BFloat16, "
                 "Complex64, Complex128")


class ChannelShuffle(Cell):
    """Interleave the channels (axis 1) of ``groups`` groups: ``(N, g, C/g, ...)`` as ``(N, C/g, g, ...)``."""

    def __init__(self, groups):
        super().__init__()
        if not isinstance(groups, int):
            raise TypeError(f"For ChannelShuffle, the param `groups` must be int, but got {type(groups)}.")
        if groups < 1:
            raise ValueError(f"For ChannelShuffle, the param `groups` must be larger than 0, but got {groups}.")
        self.groups = groups

    def construct(self, x):
        n, c = x.shape[:2]
        out = ops.transpose(ops.reshape(x, (n, self.groups, c // self.groups, -1)), (0, 2, 1, 3))
        return ops.reshape(out, x.shape)
