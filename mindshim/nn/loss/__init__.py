"""``mindspore.nn`` losses."""
from .loss import LossBase, SoftmaxCrossEntropyWithLogits

__all__ = ["LossBase", "SoftmaxCrossEntropyWithLogits"]
