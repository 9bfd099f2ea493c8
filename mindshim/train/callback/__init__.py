"""``mindspore.train.callback``: training callbacks."""
__all__ = []
