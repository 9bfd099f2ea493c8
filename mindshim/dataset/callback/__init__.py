"""``mindspore.dataset.callback``: callbacks a ``Dataset.map`` calls as it processes rows."""
from .ds_callback import DSCallback, WaitedDSCallback

__all__ = ["DSCallback", "WaitedDSCallback"]
