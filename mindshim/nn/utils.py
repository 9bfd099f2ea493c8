"""``mindspore.nn.utils``: ``no_init_parameters``."""
import contextlib

from ..common.parameter import Parameter

__all__ = ["no_init_parameters"]


@contextlib.contextmanager
def no_init_parameters():
    """MindSpore skips initializing the Parameters created in the block (``Parameter.init_param`` is False) until a
    checkpoint fills them, to save memory. mindshim sets the same flag but initializes them at once: the values a
    checkpoint then loads are the same, only memory is not saved."""
    Parameter.init_param = False
    try:
        yield
    finally:
        Parameter.init_param = True
