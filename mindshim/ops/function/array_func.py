"""``mindspore.ops`` functional ops: array family. Each adapts MindSpore's signature to a table row."""
__all__ = []
