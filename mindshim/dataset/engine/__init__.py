"""``mindspore.dataset.engine``: datasets, samplers and iterators."""
from ._pipeline import BatchInfo
from .datasets import ConcatDataset, Dataset, MappableDataset, SourceDataset, UnionBaseDataset, VisionBaseDataset, zip
from .datasets_standard_format import MindDataset
from .datasets_user_defined import GeneratorDataset, NumpySlicesDataset, PaddedDataset
from .datasets_vision import (
    Cifar10Dataset,
    Cifar100Dataset,
    FakeImageDataset,
    FashionMnistDataset,
    ImageFolderDataset,
    MnistDataset,
)
from .iterators import DictIterator, Iterator, TupleIterator
from .samplers import (
                       DistributedSampler,
                       IterSampler,
                       PKSampler,
                       RandomSampler,
                       Sampler,
                       SequentialSampler,
                       Shuffle,
                       SubsetRandomSampler,
                       SubsetSampler,
                       WeightedRandomSampler,
)
from .schema import Schema

__all__ = ["Dataset", "MappableDataset", "SourceDataset", "UnionBaseDataset", "VisionBaseDataset", "ConcatDataset",
           "zip", "GeneratorDataset", "NumpySlicesDataset", "PaddedDataset", "MnistDataset", "FashionMnistDataset",
           "Cifar10Dataset", "Cifar100Dataset", "FakeImageDataset", "ImageFolderDataset", "MindDataset",
           "Schema", "Iterator", "TupleIterator",
           "DictIterator", "BatchInfo", "Shuffle", "Sampler", "DistributedSampler", "IterSampler", "PKSampler",
           "RandomSampler", "SequentialSampler", "SubsetRandomSampler", "SubsetSampler", "WeightedRandomSampler"]
