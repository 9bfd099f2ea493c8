"""``mindspore.dataset``: datasets, pipeline ops and transforms."""
__all__ = []
