"""``mindspore.graph.lazy_inline`` (also ``mindspore.lazy_inline``)."""
from .._api import lazy_inline

__all__ = ["lazy_inline"]
