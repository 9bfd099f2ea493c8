"""Activation cells (``mindspore.nn.layer.activation``), each a view of one op; and ``get_activation``."""
import numpy as np

from ... import _checkparam as validator
from ... import ops
from ...common import dtype as mstype
from ...common.parameter import Parameter
from ...common.tensor import Tensor
from ..cell import Cell

__all__ = ["Softmax", "LogSoftmax", "ReLU", "ReLU6", "SiLU", "Tanh", "GELU", "FastGelu", "Sigmoid", "LeakyReLU",
           "HSigmoid", "HSwish", "ELU", "CELU", "SeLU", "Softsign", "Mish", "HShrink", "SoftShrink", "Hardtanh",
           "Tanhshrink", "Softmin", "Softmax2d", "LogSigmoid", "Threshold", "GLU", "PReLU", "PReLUExt",
           "get_activation"]


def _primitive_cell(name, primitive, doc, arg="x"):
    """An activation Cell calling the argument-less primitive ``ops.<primitive>``; ``construct``'s parameter is
    named ``arg``, as MindSpore's (a keyword call ``relu(input=x)`` works)."""
    def __init__(self):
        Cell.__init__(self)
        self.op = getattr(ops, primitive)()

    def construct(self, x):
        return self.op(x)
    construct.__code__ = construct.__code__.replace(co_varnames=("self", arg))
    return type(name, (Cell,), {"__init__": __init__, "construct": construct, "__doc__": doc, "__module__": __name__})


ReLU = _primitive_cell("ReLU", "ReLU", "``max(x, 0)``; gradient 0 at 0, as MindSpore's ReluGrad.", arg="input")
ReLU6 = _primitive_cell("ReLU6", "ReLU6", "``min(max(x, 0), 6)``; gradient 1 on ``(0, 6]``.")
Sigmoid = _primitive_cell("Sigmoid", "Sigmoid", "``1 / (1 + exp(-x))``.")
Tanh = _primitive_cell("Tanh", "Tanh", "Hyperbolic tangent.")
HSwish = _primitive_cell("HSwish", "HSwish",
                         "``x * relu6(x + 3) / 6``; MindSpore's gradient, ``(2x + 3) / 6`` on [-3, 3].", arg="input")
HSigmoid = _primitive_cell("HSigmoid", "HSigmoid", "``relu6(x + 3) / 6``.", arg="input")
FastGelu = _primitive_cell("FastGelu", "FastGeLU", "MindSpore's FastGeLU approximation of GeLU.")
SeLU = _primitive_cell("SeLU", "SeLU", "``scale * elu(x, alpha)`` (the self-normalizing constants).", arg="input_x")
Softsign = _primitive_cell("Softsign", "Softsign", "``x / (1 + |x|)``.")
Mish = _primitive_cell("Mish", "Mish", "``x * tanh(softplus(x))``.", arg="input_x")



class Softmax(Cell):
    """Softmax along ``axis``."""

    def __init__(self, axis=-1):
        super().__init__()
        self.softmax = ops.Softmax(axis)

    def construct(self, input):
        return self.softmax(input)


class LogSoftmax(Cell):
    """Log of the softmax along ``axis``."""

    def __init__(self, axis=-1):
        super().__init__()
        self.log_softmax = ops.LogSoftmax(axis)

    def construct(self, x):
        return self.log_softmax(x)


class ELU(Cell):
    """``x`` for ``x > 0``, ``alpha * (exp(x) - 1)`` otherwise (MindSpore's kernel: alpha 1.0 only)."""

    def __init__(self, alpha=1.0):
        super().__init__()
        self.elu = ops.Elu(alpha)

    def construct(self, x):
        return self.elu(x)


class LeakyReLU(Cell):
    """``max(alpha * x, x)`` (``min`` for ``alpha > 1``)."""

    def __init__(self, alpha=0.2):
        super().__init__()
        self.alpha = alpha

    def construct(self, x):
        return ops.leaky_relu(x, self.alpha)


class SiLU(Cell):
    """``x * sigmoid(x)``."""

    def construct(self, x):
        return ops.silu(x)


class GELU(Cell):
    """GeLU; ``approximate=True`` (default) is the tanh form (MindSpore's GeLU primitive), False the erf form."""

    def __init__(self, approximate=True):
        super().__init__()
        if not isinstance(approximate, bool):
            raise TypeError(f"For 'GELU', the 'approximate' must be a bool, but got {type(approximate).__name__}.")
        self.approximate = "tanh" if approximate else "none"

    def construct(self, x):
        return ops.gelu(x, approximate=self.approximate)


class CELU(Cell):
    """``max(0, x) + min(0, alpha * (exp(x / alpha) - 1))`` (the CeLU primitive)."""

    def __init__(self, alpha=1.0):
        super().__init__()
        self.celu = ops.CeLU(alpha=alpha)

    def construct(self, x):
        return self.celu(x)


class HShrink(Cell):
    """``x`` where ``|x| > lambd``, else 0 (the HShrink primitive)."""

    def __init__(self, lambd=0.5):
        super().__init__()
        self.hshrink = ops.HShrink(lambd)

    def construct(self, input):
        return self.hshrink(input)


class SoftShrink(Cell):
    """``x -+ lambd`` outside ``[-lambd, lambd]``, else 0 (the SoftShrink primitive)."""

    def __init__(self, lambd=0.5):
        super().__init__()
        self.softshrink = ops.SoftShrink(lambd)

    def construct(self, input):
        return self.softshrink(input)


class Hardtanh(Cell):
    """``x`` clipped to ``[min_val, max_val]`` (``ops.hardtanh``)."""

    def __init__(self, min_val=-1.0, max_val=1.0):
        super().__init__()
        self.min_val = min_val
        self.max_val = max_val
        if self.min_val >= self.max_val:
            raise ValueError(f"For Hardtanh, min_val should be less than max_val,but got {self.min_val} and "
                             f"{self.max_val}")

    def construct(self, x):
        return ops.hardtanh(x, self.min_val, self.max_val)


class Tanhshrink(Cell):
    """``x - tanh(x)`` (``ops.tanhshrink``)."""

    def construct(self, x):
        return ops.tanhshrink(x)


class Softmin(Cell):
    """``softmax(-x)`` along ``axis`` (``ops.softmin``)."""

    def __init__(self, axis=-1):
        super().__init__()
        self.axis = axis

    def construct(self, x):
        return ops.softmin(x, self.axis)


class Softmax2d(Cell):
    """Softmax over the channel axis (-3) of a 3-D or 4-D input."""

    def __init__(self):
        super().__init__()
        self.softmax = ops.Softmax(axis=-3)

    def construct(self, x):
        if x.ndim not in (3, 4):
            raise ValueError(f"For 'Softmax2d', the in_shape must have 3 or 4 dims, but got {x.ndim}.")
        return self.softmax(x)


class LogSigmoid(Cell):
    """``log(1 / (1 + exp(-x)))``, composed as MindSpore composes it."""

    def construct(self, input_x):
        return ops.log(ops.reciprocal(ops.exp(input_x * -1) + 1))


class Threshold(Cell):
    """``x`` where ``x > threshold``, else ``value`` (``ops.threshold``)."""

    def __init__(self, threshold, value):
        super().__init__()
        self.threshold = threshold
        self.value = value

    def construct(self, input_x):
        return ops.threshold(input_x, self.threshold, self.value)


class GLU(Cell):
    """``a * sigmoid(b)`` for the halves ``a, b`` of the input along ``axis``."""

    def __init__(self, axis=-1):
        super().__init__()
        self.dim = axis
        self.split = ops.Split(axis=axis, output_num=2)
        self.sigmoid = ops.Sigmoid()

    def construct(self, x):
        x1, x2 = self.split(x)
        return x1 * self.sigmoid(x2)


class PReLU(Cell):
    """``x`` where positive, else ``w * x``, with the learnable slope ``w`` (Parameter ``a``) per channel."""

    def __init__(self, channel=1, w=0.25):
        super().__init__()
        validator.check_positive_int(channel, "channel", "PReLU")
        if isinstance(w, (float, np.float32)):
            w = Tensor([w] * channel, mstype.float32)
        elif isinstance(w, list):
            if len(w) != channel:
                raise ValueError(f"For 'PReLU', the length of 'w' must be equal to the 'channel' when the 'w' is a "
                                 f"list, but got the length of 'w': {len(w)}, the 'channel': {channel}.")
            for i in w:
                if not isinstance(i, (float, np.float32)):
                    raise ValueError(f"For 'PReLU', all elements in 'w' must be float when the 'w' is a list, but got "
                                     f"{i}.")
            w = Tensor(w, mstype.float32)
        elif isinstance(w, Tensor):
            if w.dtype not in (mstype.float16, mstype.float32):
                raise ValueError(f"For 'PReLU', the dtype of 'w' must be float16 or float32 when the 'w' is a tensor, "
                                 f"but got {w.dtype}.")
            if len(w.shape) != 1 or w.shape[0] != channel:
                raise ValueError("For 'PReLU', the dimension of 'w' must be 1, and the elements number should be "
                                 f"equal to the 'channel' when the 'w' is a tensor, but got 'w' shape {w.shape}, the "
                                 f"'channel' {channel}.")
        else:
            raise TypeError(f"For 'PReLU', the 'w' only supported float, list and tensor, but got "
                            f"{type(w).__name__}.")
        self.w = Parameter(w, name="a")
        self.prelu = ops.PReLU()

    def construct(self, x):
        return self.prelu(x, ops.cast(self.w, x.dtype))


class PReLUExt(Cell):
    """PReLU with ``num_parameters`` slopes filled with ``init`` (Parameter ``weight``), via ``ops.prelu``."""

    def __init__(self, num_parameters=1, init=0.25, dtype=None):
        super().__init__()
        self.weight = Parameter(Tensor(np.full((num_parameters,), init, np.float32), dtype=dtype), name="weight")

    def construct(self, input):
        return ops.prelu(input, self.weight)


_activation = {"softmax": Softmax, "logsoftmax": LogSoftmax, "relu": ReLU, "relu6": ReLU6, "silu": SiLU, "tanh": Tanh,
               "gelu": GELU, "fast_gelu": FastGelu, "elu": ELU, "sigmoid": Sigmoid, "leakyrelu": LeakyReLU,
               "hswish": HSwish, "hsigmoid": HSigmoid, "softmin": Softmin, "softmax2d": Softmax2d,
               "tanhshrink": Tanhshrink, "hardtanh": Hardtanh, "softsign": Softsign, "prelu": PReLU,
               "logsigmoid": LogSigmoid, "softshrink": SoftShrink, "hshrink": HShrink, "threshold": Threshold,
               "mish": Mish, "preluExt": PReLUExt}
# MindSpore 2.10's names, in its order (its error message lists them).
_MS_NAMES = ["softmin", "softmax", "softmax2d", "logsoftmax", "logsoftmaxExt", "relu", "relu6", "rrelu", "silu", "tanh",
             "tanhshrink", "hardtanh", "gelu", "fast_gelu", "elu", "sigmoid", "softsign", "prelu", "preluExt",
             "leakyrelu", "hswish", "hsigmoid", "logsigmoid", "softshrink", "hshrink", "threshold", "mish"]


def get_activation(name, prim_name=None):
    """The activation Cell named ``name`` (e.g. 'relu'), or None for None."""
    if name is None:
        return None
    if name not in _MS_NAMES:
        prefix = f"For '{prim_name}', the" if prim_name else "The"
        raise KeyError(f"{prefix} 'name' must be in {_MS_NAMES}, but got {name}.")
    if name not in _activation:
        raise NotImplementedError(f"mindspore.nn.get_activation('{name}') is not supported by mindshim yet.")
    return _activation[name]()
