"""``mindspore.dataset.core``: the pipeline configuration and argument checks."""
from . import config

__all__ = ["config"]
