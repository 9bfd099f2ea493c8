"""Activation cells (``mindspore.nn.layer.activation``), each a view of one op; and ``get_activation``."""
from ... import ops
from ..cell import Cell

__all__ = ["Softmax", "LogSoftmax", "ReLU", "ReLU6", "SiLU", "Tanh", "GELU", "FastGelu", "Sigmoid", "LeakyReLU",
           "HSigmoid", "HSwish", "ELU", "get_activation"]


def _primitive_cell(name, primitive, doc):
    """An activation Cell calling the argument-less primitive ``ops.<primitive>``."""
    def __init__(self):
        Cell.__init__(self)
        self.op = getattr(ops, primitive)()

    def construct(self, x):
        return self.op(x)
    return type(name, (Cell,), {"__init__": __init__, "construct": construct, "__doc__": doc, "__module__": __name__})


ReLU = _primitive_cell("ReLU", "ReLU", "``max(x, 0)``; gradient 0 at 0, as MindSpore's ReluGrad.")
ReLU6 = _primitive_cell("ReLU6", "ReLU6", "``min(max(x, 0), 6)``; gradient 1 on ``(0, 6]``.")
Sigmoid = _primitive_cell("Sigmoid", "Sigmoid", "``1 / (1 + exp(-x))``.")
Tanh = _primitive_cell("Tanh", "Tanh", "Hyperbolic tangent.")
HSwish = _primitive_cell("HSwish", "HSwish",
                         "``x * relu6(x + 3) / 6``; MindSpore's gradient, ``(2x + 3) / 6`` on [-3, 3].")
HSigmoid = _primitive_cell("HSigmoid", "HSigmoid", "``relu6(x + 3) / 6``.")
FastGelu = _primitive_cell("FastGelu", "FastGeLU", "MindSpore's FastGeLU approximation of GeLU.")


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


_activation = {"softmax": Softmax, "logsoftmax": LogSoftmax, "relu": ReLU, "relu6": ReLU6, "silu": SiLU, "tanh": Tanh,
               "gelu": GELU, "fast_gelu": FastGelu, "elu": ELU, "sigmoid": Sigmoid, "leakyrelu": LeakyReLU,
               "hswish": HSwish, "hsigmoid": HSigmoid}
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
