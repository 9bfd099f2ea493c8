"""``mindspore.ops`` functional ops: random family. Each adapts MindSpore's signature to a table row."""
__all__ = []
