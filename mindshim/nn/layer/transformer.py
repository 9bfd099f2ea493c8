"""``mindspore.nn`` layers: transformer."""
__all__ = []
