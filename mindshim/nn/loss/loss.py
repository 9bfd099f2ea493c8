"""Loss cells, as in ``mindspore.nn.loss``."""
__all__ = ["LossBase", "SoftmaxCrossEntropyWithLogits"]
from ... import ops
from ...common import dtype as mstype
from ...common.tensor import Tensor
from ..cell import Cell


class LossBase(Cell):
    """Base of losses: ``get_loss(x, weights=1.0)`` applies ``reduction`` ('mean', 'sum' or 'none')."""

    def __init__(self, reduction="mean"):
        super().__init__()
        if reduction not in ("mean", "sum", "none"):
            raise ValueError(f"For '{type(self).__name__}', the 'reduction' must be in ['mean', 'sum', 'none'], "
                             f"but got {reduction}.")
        self.reduction = reduction
        self.average = reduction == "mean"
        self.reduce = reduction != "none"

    def get_axis(self, x):
        return tuple(range(x.ndim))

    def get_loss(self, x, weights=1.0):
        input_dtype = x.dtype
        x = ops.cast(x, mstype.float32)
        weights = ops.cast(weights if isinstance(weights, Tensor) else Tensor(weights), mstype.float32)
        x = ops.mul(weights, x)
        if self.reduce and self.average:
            x = ops.mean(x, self.get_axis(x))
        if self.reduce and not self.average:
            x = ops.reduce_sum(x, self.get_axis(x))
        return ops.cast(x, input_dtype)

    def construct(self, logits, labels):
        raise NotImplementedError(f"For '{type(self).__name__}', 'construct' must be defined.")


class SoftmaxCrossEntropyWithLogits(LossBase):
    """Softmax cross entropy between logits and (one-hot, or with ``sparse=True`` class-index) labels.

    Its gradient is MindSpore's: ``softmax(logits) - labels`` for the logits, zero for the labels.
    """

    def __init__(self, sparse=False, reduction="none"):
        super().__init__(reduction)
        if not isinstance(sparse, bool):
            raise TypeError(f"For 'SoftmaxCrossEntropyWithLogits', the type of 'sparse' must be bool, but got "
                            f"'{type(sparse)}'")
        self.sparse = sparse
        self.softmax_cross_entropy = ops.SoftmaxCrossEntropyWithLogits()
        self.sparse_softmax_cross_entropy = ops.SparseSoftmaxCrossEntropyWithLogits()
        self.one_hot = ops.OneHot()
        self.on_value = Tensor(1.0, mstype.float32)
        self.off_value = Tensor(0.0, mstype.float32)

    def construct(self, logits, labels):
        if self.sparse:
            if self.reduction == "mean":
                return self.sparse_softmax_cross_entropy(logits, labels)
            labels = self.one_hot(labels, logits.shape[-1], self.on_value, self.off_value)
        x = self.softmax_cross_entropy(logits, labels)[0]
        return self.get_loss(x)
