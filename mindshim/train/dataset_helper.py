"""``mindspore.train.dataset_helper``: the module MindSpore code imports ``DatasetHelper`` and
``connect_network_with_dataset`` from (they live in :mod:`mindshim.train._sink`)."""
from ._sink import DatasetHelper, connect_network_with_dataset

__all__ = ["DatasetHelper", "connect_network_with_dataset"]
