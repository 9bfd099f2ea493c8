"""``mindspore.dataset.debug``: hooks that debug mode (``config.set_debug_mode(True)``) runs before and after each
transform of a ``map``, printing what each transform gets and gives."""
import abc
import collections

import numpy as np

__all__ = ["DebugHook", "PrintMetaDataHook", "PrintDataHook"]


class DebugHook(abc.ABC):
    """Base of the hooks: ``compute(args)`` sees the columns (a tuple) between two transforms. A hook placed in a
    ``map``'s operations by hand runs there; ``set_debug_mode``'s hooks run around every transform."""

    def __init__(self, prev_op_name=None):
        self.prev_op_name = prev_op_name
        self.is_first_op = None

    def __call__(self, *args):
        if self.prev_op_name:
            side = "INPUT" if self.is_first_op else "OUTPUT"
            print(f"[Dataset debugger] Print the [{side}] of the operation [{self.prev_op_name}].", flush=True)
        self.compute(args)
        return args

    @abc.abstractmethod
    def compute(self, *args):
        raise RuntimeError("compute() is not overridden in subclass of class DebugHook.")

    def set_previous_op_name(self, prev_op_name):
        self.prev_op_name = prev_op_name

    def set_is_first(self, is_first_op):
        self.is_first_op = is_first_op


def _columns(args, describe):
    for k, col in enumerate(*args):
        print(f"Column {k}. " + describe(col), flush=True)
    return args


def _meta(col):
    from PIL import Image
    if isinstance(col, np.ndarray):
        return f"The dtype is [{col.dtype}]. The shape is [{col.shape}]."
    if isinstance(col, Image.Image):
        return f"The type is [{type(col)}]. The shape is [{col.size}]."
    if isinstance(col, collections.abc.Sized):
        return f"The type is [{type(col)}]. The size is [{len(col)}]."
    return ""


def _data(col):
    from PIL import Image
    return f"The data is [{np.asarray(col) if isinstance(col, Image.Image) else col}]."


class PrintMetaDataHook(DebugHook):
    """Prints each column's dtype and shape (an image's type and size; a sequence's type and length)."""

    def compute(self, *args):
        return _columns(args, _meta)


class PrintDataHook(DebugHook):
    """Prints each column's data."""

    def compute(self, *args):
        return _columns(args, _data)
