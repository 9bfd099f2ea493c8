"""``mindspore.ops`` functional ops: nn family. Each adapts MindSpore's signature to a table row."""
__all__ = []
