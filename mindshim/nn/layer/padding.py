"""Padding layers (``mindspore.nn.layer.padding``): constant (``ops.pad``), reflection (MirrorPad) and
replication (PadV3 'edge'), in 1, 2 and 3 dimensions. ``padding`` runs from the last axis backwards:
``(left, right, top, bottom, front, back)``."""
from ... import ops
from ...common import dtype as mstype
from ...common.tensor import Tensor
from ..cell import Cell

__all__ = ["ConstantPad1d", "ConstantPad2d", "ConstantPad3d", "ReflectionPad1d", "ReflectionPad2d", "ReflectionPad3d",
           "ZeroPad2d", "ReplicationPad1d", "ReplicationPad2d", "ReplicationPad3d"]


class _ConstantPadNd(Cell):
    """Pads with ``value``; an int ``padding`` pads every side of the last ``nd`` axes."""
    nd = 1

    def __init__(self, padding, value):
        super().__init__()
        name = type(self).__name__
        if isinstance(padding, int):
            padding = (padding,) * (2 * self.nd)
        elif isinstance(padding, tuple):
            if len(padding) % 2 != 0:
                raise ValueError(f"For '{name}', the length of parameter 'padding' with tuple type must be a multiple "
                                 f"of 2, but got {len(padding)}")
            if self.nd == 1 and len(padding) != 2:
                raise ValueError(f"For '{name}', the length of parameter 'padding' with tuple type must equal to 2."
                                 f"but got {len(padding)}")
            if len(padding) > 2 * self.nd:
                raise ValueError(f"For '{name}', the length of parameter 'padding' with tuple type must no more than "
                                 f"{2 * self.nd}.but got {len(padding)}")
        else:
            raise TypeError(f"For '{name}', the type of parameter 'padding' must be in [int, tuple], but got "
                            f"{type(padding)}")
        if not isinstance(value, (int, float)):
            raise TypeError(f"For '{name}', the type of parameter 'value' must be in [int, float], but got "
                            f"{type(value)}")
        self.value = value
        self.padding = padding

    def construct(self, x):
        return ops.pad(x, padding=self.padding, mode="constant", value=self.value)


def _by_rank(base, name, doc):
    """The classes ``<name>1d``, ``2d`` and ``3d``: ``base`` over the last 1, 2 and 3 axes (``doc`` names them)."""
    axes = {1: "the last axis", 2: "the last two axes", 3: "the last three axes"}
    return tuple(type(f"{name}{nd}d", (base,), {"nd": nd, "__doc__": doc.format(axes[nd]), "__module__": __name__,
                                                 "__qualname__": f"{name}{nd}d"}) for nd in (1, 2, 3))


ConstantPad1d, ConstantPad2d, ConstantPad3d = _by_rank(_ConstantPadNd, "ConstantPad", "Constant padding of {}.")


class ZeroPad2d(ConstantPad2d):
    """Zero padding of the last two axes."""

    def __init__(self, padding):
        super().__init__(padding, 0)


def _check_padding(cell, padding, non_negative):
    """``padding`` (an int: every side of the cell's ``nd`` axes) as a checked tuple."""
    name = type(cell).__name__
    if isinstance(padding, int):
        padding = (padding,) * (2 * cell.nd)
    if not isinstance(padding, tuple):
        raise TypeError(f"For '{name}' the input 'padding' must be an integer or tuple, but got "
                        f"{type(padding).__name__}")
    if len(padding) % 2 != 0:
        raise ValueError(f"For '{name}' the length of input 'padding' must be divisible by 2, but got padding of "
                         f"length {len(padding)}. ")
    if not all(isinstance(i, int) for i in padding):
        raise TypeError(f"For '{name}' every element in 'padding' must be integer, but got {padding}. ")
    if non_negative and not all(i >= 0 for i in padding):
        raise ValueError(f"For '{name}' every element in 'padding' must be >= 0. but got {padding}. ")
    return padding


class _ReflectionPadNd(Cell):
    """Reflection padding (the edge value is not repeated) through MirrorPad."""
    nd = 1

    def __init__(self, padding):
        super().__init__()
        padding = _check_padding(self, padding, True)
        self.padding = [[padding[2 * i], padding[2 * i + 1]] for i in range(len(padding) // 2)][::-1]
        self.mirror_pad = ops.MirrorPad(mode="REFLECT")

    def construct(self, x):
        if not self.padding:
            return x
        if x.ndim < len(self.padding):
            raise ValueError(f"For padding with length {len(self.padding) * 2}, the dimension of the tensor should "
                             f"be at least {len(self.padding)}, but got {x.ndim}")
        padding = [[0, 0]] * (x.ndim - len(self.padding)) + self.padding
        return self.mirror_pad(x, Tensor(padding, mstype.int64))


ReflectionPad1d, ReflectionPad2d, ReflectionPad3d = _by_rank(_ReflectionPadNd, "ReflectionPad",
                                                             "Reflection padding of {}.")


class _ReplicationPadNd(Cell):
    """Replication padding (the edge value repeated) through PadV3 'edge'; an unbatched input gets a batch axis
    for the primitive."""
    nd = 1

    def __init__(self, padding):
        super().__init__()
        self.padding = _check_padding(self, padding, False)
        self.padv3 = ops.PadV3(mode="edge")

    def construct(self, x):
        if x.ndim == self.nd + 1:
            return self.padv3(x.expand_dims(0), self.padding, None).squeeze(0)
        return self.padv3(x, self.padding, None)


ReplicationPad1d, ReplicationPad2d, ReplicationPad3d = _by_rank(_ReplicationPadNd, "ReplicationPad",
                                                                "Replication padding of {} (batched or not).")
