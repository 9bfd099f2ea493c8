"""``mindspore.ops`` functional ops: math family. Each adapts MindSpore's signature to a table row."""
__all__ = []
