"""``mindspore.ops.auto_generate``: MindSpore's generated primitives and functional ops (most of ``ops``'
functional ops are defined here: ``ops.equal is ops.auto_generate.equal``; mindshim gives each of its functional
ops here), and the forms MindSpore's ``mint`` ops are bound to (the ``*_view`` ones return views in MindSpore;
mindshim's arrays are immutable, so they return new Tensors)."""
from .. import function as _function
from ..function import *  # noqa: F403
from ..function import array_func as _array
from . import gen_ops_prim
from .gen_ops_prim import *  # noqa: F403
from .gen_ops_prim import __all__ as _primitives
from .gen_ops_prim import __getattr__  # MindSpore's other generated primitives: unsupported when constructed


def transpose_ext_view(input, dim0, dim1):
    """``mint.transpose``: ``input`` with axes ``dim0`` and ``dim1`` swapped."""
    return _array.swapaxes(input, dim0, dim1)


def broadcast_to_view(input, shape):
    """``mint.broadcast_to``: ``input`` broadcast to ``shape`` (-1 keeps an axis)."""
    return _array.broadcast_to(input, shape)


def narrow_view(input, dim, start, length):
    """``mint.narrow``: ``length`` elements of ``input`` from ``start`` along ``dim``."""
    return _array.narrow(input, dim, start, length)


def select_ext_view(input, dim, index):
    """``mint.select``: the slice ``index`` of ``input`` along ``dim`` (that axis removed)."""
    return _array.index_select(input, dim, _array.Tensor([index])).squeeze(dim)


__all__ = ["transpose_ext_view", "broadcast_to_view", "narrow_view", "select_ext_view"] + _primitives + \
    _function.__all__
