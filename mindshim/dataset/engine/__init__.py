"""``mindspore.dataset.engine``: datasets, samplers and iterators."""
from ._pipeline import BatchInfo
from .datasets import ConcatDataset, Dataset, MappableDataset, SourceDataset, UnionBaseDataset, VisionBaseDataset, zip
from .datasets_user_defined import GeneratorDataset, NumpySlicesDataset
from .datasets_vision import Cifar10Dataset, Cifar100Dataset, FashionMnistDataset, MnistDataset
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

__all__ = ["Dataset", "MappableDataset", "SourceDataset", "UnionBaseDataset", "VisionBaseDataset", "ConcatDataset",
           "zip", "GeneratorDataset", "NumpySlicesDataset", "MnistDataset", "FashionMnistDataset", "Cifar10Dataset",
           "Cifar100Dataset", "Iterator", "TupleIterator", "DictIterator", "BatchInfo", "Shuffle", "Sampler",
           "DistributedSampler", "IterSampler", "PKSampler", "RandomSampler", "SequentialSampler",
           "SubsetRandomSampler", "SubsetSampler", "WeightedRandomSampler"]
