"""``mindspore.train.metrics``: evaluation metrics."""
__all__ = []
