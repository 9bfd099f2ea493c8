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
from .activation import LeakyReLU, get_activation
from .normalization import BatchNorm1d

__all__ = ["Dense", "Dropout", "Dropout1d", "Dropout2d", "Dropout2dExt", "Dropout3d", "Flatten", "Unflatten",
           "Identity", "Pad", "L1Regularizer", "ChannelShuffle", "DenseBnAct", "BiDense", "TimeDistributed",
           "ClipByNorm", "Upsample", "Linear"]


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


class Dropout2dExt(Dropout2d):
    """``mint.nn.Dropout2d``: ``Dropout2d`` with PyTorch's signature; ``inplace`` is accepted (mindshim returns a new
    Tensor). ``p`` is checked here, where MindSpore checks it in the first training call."""

    def __init__(self, p=0.5, inplace=False):
        super().__init__(p)
        self.inplace = inplace


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


class DenseBnAct(Cell):
    """Dense, then (``has_bn``) BatchNorm1d, then ``activation`` ('leakyrelu' takes ``alpha``)."""

    def __init__(self, in_channels, out_channels, weight_init="normal", bias_init="zeros", has_bias=True, has_bn=False,
                 momentum=0.9, eps=1e-5, activation=None, alpha=0.2, after_fake=True):
        super().__init__()
        self.dense = Dense(in_channels, out_channels, weight_init, bias_init, has_bias)
        self.has_bn = validator.check_bool(has_bn, "has_bn", "DenseBnAct")
        self.has_act = activation is not None
        self.after_fake = validator.check_bool(after_fake, "after_fake", "DenseBnAct")
        if has_bn:
            self.batchnorm = BatchNorm1d(out_channels, eps, momentum)
        if activation == "leakyrelu":
            self.activation = LeakyReLU(alpha)
        else:
            self.activation = get_activation(activation) if isinstance(activation, str) else activation
            if activation is not None and not isinstance(self.activation, (Cell, ops.Primitive)):
                raise TypeError(f"For 'DenseBnAct', the 'activation' must be str or Cell or Primitive, but got "
                                f"{type(activation).__name__}.")

    def construct(self, x):
        x = self.dense(x)
        if self.has_bn:
            x = self.batchnorm(x)
        return self.activation(x) if self.has_act else x


class BiDense(Cell):
    """Bilinear layer ``y_k = x1^T W_k x2 + b_k``; ``weight`` ``(out, in1, in2)`` and ``bias`` both
    ``Uniform(1/sqrt(in1_channels))`` by default."""

    def __init__(self, in1_channels, in2_channels, out_channels, weight_init=None, bias_init=None, has_bias=True,
                 dtype=mstype.float32):
        super().__init__()
        validator.check_positive_int(in1_channels, "in1_channels", "BiDense")
        validator.check_positive_int(in2_channels, "in2_channels", "BiDense")
        self.out_channels = validator.check_positive_int(out_channels, "out_channels", "BiDense")
        self.has_bias = validator.check_bool(has_bias, "has_bias", "BiDense")
        self.in1_channels = in1_channels
        self.in2_channels = in2_channels
        bound = 1 / math.sqrt(in1_channels)
        weight_init = Uniform(bound) if weight_init is None else weight_init
        if isinstance(weight_init, Tensor) and tuple(weight_init.shape) != (out_channels, in1_channels, in2_channels):
            raise ValueError("For 'BiDense', weight init shape error. The ndim of 'weight_init' must be equal to 3, "
                             "the first dim must be equal to 'out_channels', the second dim must be equal to "
                             "'in1_channels', and the third dim must be equal to 'in2_channels'. But got "
                             f"'weight_init': {weight_init}, 'out_channels': {out_channels}, 'in_channels': "
                             f"{in1_channels}, 'in2_channels': {in2_channels}")
        self.weight = Parameter(initializer(weight_init, (out_channels, in1_channels, in2_channels), dtype=dtype),
                                name="weight")
        if has_bias:
            bias_init = Uniform(bound) if bias_init is None else bias_init
            if isinstance(bias_init, Tensor) and (bias_init.ndim != 1 or bias_init.shape[0] != out_channels):
                raise ValueError("For 'BiDense', bias init shape error. The ndim of 'bias_init' should be equal to 1, "
                                 "and the first dim must be equal to 'out_channels'. But got 'bias_init': "
                                 f"{bias_init}, 'out_channels': {out_channels}.")
            self.bias = Parameter(initializer(bias_init, [out_channels], dtype=dtype), name="bias")
            self.bias_add = ops.BiasAdd()
        self.matmul = ops.MatMul()

    def construct(self, input1, input2):
        for name, x, n, attr in (("input1", input1, self.in1_channels, "in1_channels"),
                                 ("input2", input2, self.in2_channels, "in2_channels")):
            if not isinstance(x, Tensor):
                raise TypeError(f"For 'BiDense', the '{name}' must be a Tensor, but got {type(x).__name__}.")
            if x.shape[-1] != n:
                raise ValueError(f"For 'BiDense', the last dimension of '{name}' must be equal to '{attr}', but got "
                                 f"{x.shape[-1]} and {n}.")
        if input1.shape[:-1] != input2.shape[:-1]:
            raise ValueError(f"For 'BiDense', the shape of 'input1' and 'input2' must be the same except the last "
                             f"dimension, but got {input1.shape} and {input2.shape}.")
        shape = input1.shape
        x1, x2 = input1.reshape((-1, shape[-1])), input2.reshape((-1, input2.shape[-1]))
        batch = x1.shape[0]
        out = self.matmul(x1, self.weight.transpose(1, 2, 0).view(self.in1_channels, -1))
        out = (out.view(batch, self.in2_channels, self.out_channels).transpose(2, 0, 1) * x2).sum(2).swapaxes(0, 1)
        if self.has_bias:
            out = self.bias_add(out, self.bias)
        return out.reshape(shape[:-1] + (-1,)) if len(shape) != 2 else out

    def extend_repr(self):
        s = f"in1_channels={self.in1_channels}, in2_channels={self.in2_channels}, output_channels={self.out_channels}"
        return s + (f", has_bias={self.has_bias}" if self.has_bias else "")


class TimeDistributed(Cell):
    """Apply ``layer`` to every slice along ``time_axis``; with ``reshape_with_axis``, once to the input with the
    time axis merged into that axis."""

    def __init__(self, layer, time_axis, reshape_with_axis=None):
        if not isinstance(layer, (Cell, ops.Primitive)):
            raise TypeError(f"For 'TimeDistributed', the 'layer' must be Cell or Primitive instance, but got type: "
                            f"{type(layer).__name__}.")
        super().__init__()
        validator.check_value_type("time_axis", time_axis, [int], "TimeDistributed")
        if reshape_with_axis is not None:
            validator.check_value_type("reshape_with_axis", reshape_with_axis, [int], "TimeDistributed")
        self.layer = layer
        self.time_axis = time_axis
        self.reshape_with_axis = reshape_with_axis

    def construct(self, inputs):
        if not isinstance(inputs, Tensor):
            raise TypeError("For 'TimeDistributed', the inputs and outputs must be a Tensor.")
        ndim = inputs.ndim
        if ndim < 3:
            raise ValueError(f"For 'TimeDistributed', the inputs shape must be at least 3D, but got {ndim}.")
        time_axis = self.time_axis % ndim
        if self.reshape_with_axis is None:
            outputs = [self.layer(item) for item in ops.unstack(inputs, time_axis)]
            return ops.stack(outputs, time_axis)
        axis = self.reshape_with_axis % ndim
        new_time = ndim - 2 if axis == ndim - 1 else (axis + 1 if time_axis > axis else axis - 1)
        pos = min(new_time, axis)
        lo, hi = sorted((new_time, time_axis))
        perm = tuple(range(lo)) + (hi,) + tuple(range(lo, hi)) + tuple(range(hi + 1, ndim))
        x = ops.transpose(inputs, perm)
        shape = x.shape
        x = ops.reshape(x, shape[:pos] + (-1,) + shape[pos + 2:])
        out = self.layer(x)
        if pos >= out.ndim or x.shape[pos] != out.shape[pos]:
            raise ValueError(f"For 'TimeDistributed', the 'reshape_with_axis' is invalid in the input and output. The "
                             f"'reshape_pos' must be less than the length of 'outputs_shape', and the "
                             f"'inputs_shape[reshape_pos]' must be equal to 'outputs_shape[reshape_pos]', but got "
                             f"'reshape_pos': {pos}, 'inputs_shape': {x.shape}, 'outputs_shape': {out.shape}. You may "
                             "try pass parameters without 'reshape_with_axis'.")
        new_shape = out.shape[:pos] + shape[pos:pos + 2] + out.shape[pos + 1:]
        return ops.reshape(out, (-1,) + new_shape[1:])


class ClipByNorm(Cell):
    """``x * clip_norm / max(||x||_2, clip_norm)``, the norm over ``axis`` (all axes for None); Float32 output."""

    def __init__(self, axis=None):
        super().__init__()
        self.clip_by_norm = ops.ClipByNorm(axis)

    def construct(self, x, clip_norm):
        return self.clip_by_norm(x, clip_norm)


class Upsample(Cell):
    """Resize the spatial axes (after N, C) to ``size``. mindshim supports MindSpore's 'nearest' mode (source index
    ``floor(i * in / out)``, gathered per axis); the other modes raise NotImplementedError."""

    def __init__(self, size=None, scale_factor=None, mode="nearest", align_corners=None, recompute_scale_factor=None):
        super().__init__()
        self.size = size
        self.scale_factor = scale_factor
        self.mode = mode
        self.align_corners = align_corners
        self.recompute_scale_factor = recompute_scale_factor

    def construct(self, x):
        if self.size is None and self.scale_factor is None:
            raise ValueError("For 'interpolate', 'size' and 'scale_factor' cannot be both empty")
        if self.size is not None and self.scale_factor is not None:
            raise ValueError("For 'interpolate', 'size' and 'scale_factor' cannot be set simultaneously")
        if self.mode != "nearest":
            raise NotImplementedError(f"mindspore.nn.Upsample(mode='{self.mode}') is not supported by mindshim yet.")
        if self.scale_factor is not None:
            raise ValueError(f"For 'interpolate', 'scale_factor' option cannot currently be set with the mode = "
                             f"nearest and dim = {x.ndim}D.")
        nd = x.ndim - 2
        size = (self.size,) * nd if isinstance(self.size, int) else tuple(self.size)
        for i, out in enumerate(size):
            n = x.shape[2 + i]
            index = Tensor([min(j * n // out, n - 1) for j in range(out)], mstype.int32)
            x = ops.gather(x, index, 2 + i)
        return x


class Linear(Cell):
    """``x @ weight.T + bias`` (the Dense primitive; ``mint.nn.Linear``); weight ``(out_features, in_features)``
    ``HeUniform(sqrt(5))``, bias ``Uniform(1/sqrt(in_features))`` by default."""

    def __init__(self, in_features, out_features, bias=True, weight_init=None, bias_init=None, dtype=None):
        super().__init__()
        self.in_features = validator.check_positive_int(in_features, "in_features", "Linear")
        self.out_features = validator.check_positive_int(out_features, "out_features", "Linear")
        self.has_bias = validator.check_bool(bias, "has_bias", "Linear")
        dtype = mstype.float32 if dtype is None else dtype
        if isinstance(weight_init, Tensor) and tuple(weight_init.shape) != (out_features, in_features):
            raise ValueError("For 'Linear', weight init shape error. The ndim of 'weight_init' must be equal to 2, and "
                             "the first dim must be equal to 'out_features', and the second dim must be equal to "
                             f"'in_features'. But got 'weight_init': {weight_init}, 'out_features': {out_features}, "
                             f"'in_features': {in_features}.")
        weight_init = HeUniform(math.sqrt(5)) if weight_init is None else weight_init
        self.weight = Parameter(initializer(weight_init, [out_features, in_features], dtype=dtype), name="weight")
        self.bias = None
        if self.has_bias:
            if isinstance(bias_init, Tensor) and (bias_init.ndim != 1 or bias_init.shape[0] != out_features):
                raise ValueError("For 'Linear', bias init shape error. The ndim of 'bias_init' must be equal to 1, and "
                                 "the first dim must be equal to 'out_features'. But got 'bias_init': "
                                 f"{bias_init}, 'out_features': {out_features}.")
            bias_init = Uniform(scale=1 / math.sqrt(in_features)) if bias_init is None else bias_init
            self.bias = Parameter(initializer(bias_init, [out_features], dtype=dtype), name="bias")
        self.dense = ops.Dense()

    def construct(self, x):
        return self.dense(x, self.weight, self.bias)

    def extend_repr(self):
        s = f"input_features={self.in_features}, output_features={self.out_features}"
        return s + (f", has_bias={self.has_bias}" if self.has_bias else "")
