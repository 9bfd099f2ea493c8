"""``mindspore.mindrecord``: MindSpore's own dataset file format. ``FileWriter`` writes it, ``FileReader`` and
``mindspore.dataset.MindDataset`` read it, in MindSpore 2.10's layout (``_format``), so files move between the two.
The converters from other formats (``Cifar10ToMR``, ...) raise NotImplementedError when used."""
from .._unsupported import module_getattr
from ._format import MRMInvalidSchemaError
from .filereader import FileReader
from .filewriter import FileWriter

SUCCESS = 0

__all__ = ["FileWriter", "FileReader", "SUCCESS", "MRMInvalidSchemaError"]

__getattr__ = module_getattr(__name__)
