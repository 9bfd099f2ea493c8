"""``mindspore.nn`` layers: rnns."""
__all__ = []
