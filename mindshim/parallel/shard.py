"""``mindspore.parallel.shard``: ``Layout``, MindSpore's description of how a tensor's axes map onto a device matrix
for its semi-auto parallel mode. mindshim builds and checks layouts as MindSpore does, and ``Primitive.shard``
records them, but places nothing by them (its placement follows ``Cell.shard`` strategies and data parallelism)."""
import copy

import numpy as np

from .._unsupported import unsupported_class

_DistributedTensorInfo = unsupported_class("mindspore.parallel.shard._DistributedTensorInfo")


class Layout:
    """``Layout(device_matrix, alias_name, rank_list=None)``; ``layout("dp", ("cp", "mp"), "None")`` is a copy with
    the tensor map of those axis names (``"None"``: not split); ``to_dict()`` describes it."""

    def __init__(self, device_matrix, alias_name, rank_list=None):
        if not isinstance(device_matrix, tuple):
            raise TypeError(f'device_matrix must be tuple type, but got:{type(device_matrix)}')
        if not isinstance(alias_name, tuple):
            raise TypeError(f'alias_name must be tuple type, but got:{type(alias_name)}')
        if len(device_matrix) != len(alias_name):
            raise ValueError('device_matrix length should be equal to alias_name length')
        for in_ele in device_matrix:
            if not isinstance(in_ele, int):
                raise TypeError(f'The element of device_matrix must be int type, but got:{type(in_ele)}')
        for in_ele in alias_name:
            if not isinstance(in_ele, str):
                raise TypeError(f'The element of alias_name must be str type, but got:{type(in_ele)}')
            if not in_ele:
                raise ValueError("The element of alias_name can not be empty.")
            if in_ele == "None":
                raise ValueError("The element of alias_name can not set 'None', because 'None' means no sharding.")
        if len(set(alias_name)) != len(alias_name):
            raise ValueError(f'Each element of alias_name {alias_name} should be different')
        if "interleaved_parallel" in alias_name and alias_name.index("interleaved_parallel") != len(alias_name) - 1:
            raise ValueError(f"When alias_name {alias_name} contains keyword 'interleaved_parallel', it should be at "
                             "the last dim of alias_name, which means the virtual sharding.")
        size = int(np.prod(device_matrix))
        if rank_list is not None:
            if not isinstance(rank_list, list):
                raise TypeError(f"The rank_list should be a list, but got {type(rank_list).__name__}.")
            for in_ele in rank_list:
                if not isinstance(in_ele, int):
                    raise TypeError(f"The element of rank_list should be int, but got {type(in_ele).__name__}.")
            if len(rank_list) != size:
                raise ValueError("The length of rank_list should be equal to the product of device_matrix, but got "
                                 f"{len(rank_list)} and {size}.")
        self._device_shape = device_matrix
        self._alias_name = alias_name
        self._tensor_map = None
        self._rank_list = rank_list if rank_list is not None else list(range(size))

    def _axis(self, name, written):
        if name not in self._alias_name:
            raise ValueError(f'The axis {name} is not found in {self._alias_name}')
        if name in written:
            raise ValueError(f'The axis {name} has been set more than one in {self._alias_name}')
        written.append(name)
        return len(self._alias_name) - 1 - self._alias_name.index(name)

    def __call__(self, *tensor_map):
        written, mapped = [], ()
        for ele in tensor_map:
            if isinstance(ele, tuple):
                mapped += (tuple(-1 if item == "None" else self._axis(item, written) for item in ele),)
            else:
                mapped += (-1 if ele == "None" else self._axis(ele, written),)
        self._tensor_map = mapped
        return copy.deepcopy(self)

    def to_dict(self):
        if self._tensor_map is None:
            raise ValueError("The tensor_map of layout is None")
        return {"device_matrix": self._device_shape, "tensor_map": self._tensor_map,
                "interleaved_parallel": "interleaved_parallel" in self._alias_name, "alias_name": self._alias_name,
                "rank_list": self._rank_list}
