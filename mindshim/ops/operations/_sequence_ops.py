"""``mindspore.ops.operations._sequence_ops``: MindSpore's primitives over Python sequences and scalars."""
from ..primitive import Primitive


class TensorToScalar(Primitive):
    """The Python scalar of a 0-d or one-element Tensor, as ``Tensor.item()`` (so not inside a compiled
    function, where the value is not known yet)."""

    def __init__(self):
        super().__init__("TensorToScalar")

    def __call__(self, input_x):
        return input_x.item()
