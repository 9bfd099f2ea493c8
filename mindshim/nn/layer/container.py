"""Containers (``mindspore.nn.layer.container``): SequentialCell, CellList, CellDict.

Sub-cells are kept under keys "0", "1", ... (or the OrderedDict's / CellDict's keys), and their parameters named
with the container's prefix plus the key, renamed on insert and delete exactly as MindSpore does.
"""
from collections import OrderedDict, abc

from ..cell import Cell

__all__ = ["SequentialCell", "CellList", "CellDict"]


def _valid_index(cell_num, index, op_name):
    if not isinstance(index, int):
        raise TypeError(f"For '{op_name}', the type of 'index' must be int, but got {type(index).__name__}.")
    if not -cell_num <= index < cell_num:
        raise IndexError(f"For '{op_name}', the value of 'index' must be a number in range [{-cell_num}, {cell_num}), "
                         f"but got {index}.")
    return index % cell_num


def _valid_index_for_inserting(cell_num, index, op_name):
    if not isinstance(index, int):
        raise TypeError(f"For '{op_name}', the type of 'index' must be int, but got {type(index).__name__}.")
    if not -cell_num <= index <= cell_num:
        raise IndexError(f"For '{op_name}', the value of 'index' must be a number in range [{-cell_num}, {cell_num}], "
                         f"but got {index}.")
    return index % cell_num if cell_num != 0 and index != cell_num else index


def _valid_cell(cell, op_name):
    if isinstance(cell, Cell):
        return True
    raise TypeError(f"For '{op_name}', each cell must be subclass of Cell, but got {type(cell).__name__}.")


def _get_prefix_and_index(cells):
    """The name prefix the container's cells' parameters carry (e.g. 'features.') and the key's position in them."""
    prefix, index = "", 0
    if not cells:
        return prefix, index
    first_param = first_key = second_param = second_key = None
    for key, cell in cells.items():
        try:
            _, param = next(cell.parameters_and_names())
        except StopIteration:
            continue
        if first_param is None:
            first_param, first_key = param, key
            continue
        second_param, second_key = param, key
        break
    if first_param is None:
        return prefix, index
    split_names = first_param.name.split(".")
    for idx, name in enumerate(split_names):
        if name == first_key:
            prefix = ".".join(split_names[:idx])
            prefix = prefix + "." if prefix else prefix
            index = idx
            if second_param is not None and second_param.name.split(".")[idx] == second_key:
                break
    return prefix, index


def _rename(cell, prefix, position, key_index):
    """Rename ``cell``'s parameters to ``prefix + position + their path below the old key``."""
    for _, param in cell.parameters_and_names():
        param.name = f"{prefix}{position}." + ".".join(param.name.split(".")[key_index + 1:])


def _insert_cell(container, index, cell):
    """Insert ``cell`` before position ``index`` of a SequentialCell/CellList: the cells after it move up one key
    and, with auto_prefix, their parameters are renamed, as in MindSpore."""
    cls = type(container).__name__
    idx = _valid_index_for_inserting(len(container), index, cls)
    _valid_cell(cell, cls)
    length = len(container)
    prefix, key_index = _get_prefix_and_index(container._cells)
    while length > idx:
        if container._auto_prefix:
            _rename(container._cells[str(length - 1)], prefix, length, key_index)
        container._cells[str(length)] = container._cells[str(length - 1)]
        length -= 1
    container._cells[str(idx)] = cell
    if container._auto_prefix:
        cell.update_parameters_name(prefix + str(idx) + ".")


class _Container(Cell):
    """The containers' shared part: their length and truth are their cells'. ``CellList`` and ``CellDict`` take
    ``auto_prefix`` as a keyword and their first cells as the one optional argument, added by ``_add_cells``
    (``extend`` / ``update``)."""

    def __init__(self, *args, **kwargs):
        super().__init__(kwargs.get("auto_prefix", True))
        if len(args) == 1:
            self._add_cells(args[0])

    def __bool__(self):
        return len(self._cells) != 0

    def __len__(self):
        return len(self._cells)


class _CellSequence(_Container):
    """SequentialCell's and CellList's shared part: cells under the keys "0", "1", ..., iterated in order;
    ``set_grad`` reaches each of them."""

    def __iter__(self):
        return iter(self._cells.values())

    def set_grad(self, flag=True):
        self.requires_grad = flag
        for cell in self._cells.values():
            cell.set_grad(flag)
        return self


class SequentialCell(_CellSequence):
    """Runs its cells in order. Built from cells, a list of cells, or an OrderedDict of named cells."""

    def __init__(self, *args):
        super().__init__()
        self._is_dynamic_name = []
        if len(args) == 1 and not isinstance(args[0], Cell):
            cells = args[0]
            if isinstance(cells, list):
                items = [(str(i), c, True) for i, c in enumerate(cells)]
            elif isinstance(cells, OrderedDict):
                items = [(k, c, False) for k, c in cells.items()]
            else:
                raise TypeError(f"For '{type(self).__name__}', the 'args[0]' must be Cell, list or orderedDict, but "
                                f"got {type(cells).__name__}")
        else:
            items = [(str(i), c, True) for i, c in enumerate(args)]
        for key, cell, dynamic in items:
            self.insert_child_to_cell(key, cell)
            cell.update_parameters_name(key + ".")
            self._is_dynamic_name.append(dynamic)
        self.cell_list = list(self._cells.values())

    def __getitem__(self, index):
        if isinstance(index, slice):
            return type(self)(OrderedDict(list(self._cells.items())[index]))
        index = _valid_index(len(self), index, type(self).__name__)
        return list(self._cells.values())[index]

    def __setitem__(self, index, cell):
        cls = type(self).__name__
        if _valid_cell(cell, cls):
            prefix, _ = _get_prefix_and_index(self._cells)
            index = _valid_index(len(self), index, cls)
            key = list(self._cells.keys())[index]
            self._cells[key] = cell
            cell.update_parameters_name(prefix + key + ".")
            self.cell_list = list(self._cells.values())

    def __delitem__(self, index):
        cls = type(self).__name__
        if isinstance(index, int):
            index = _valid_index(len(self), index, cls)
            del self._cells[list(self._cells.keys())[index]]
            del self._is_dynamic_name[index]
        elif isinstance(index, slice):
            for key in list(self._cells.keys())[index]:
                del self._cells[key]
            del self._is_dynamic_name[index]
        else:
            raise TypeError(f"For '{cls}', the type of index must be int type or slice type, but got "
                            f"{type(index).__name__}")
        prefix, key_index = _get_prefix_and_index(self._cells)
        cells = OrderedDict()
        for idx, (key, cell) in enumerate(self._cells.items()):
            if self._is_dynamic_name[idx]:
                _rename(cell, prefix, idx, key_index)
                cells[str(idx)] = cell
            else:
                cells[key] = cell
        self._cells = cells
        self.cell_list = list(self._cells.values())

    def append(self, cell):
        """Add ``cell`` at the end, named by its position."""
        if _valid_cell(cell, type(self).__name__):
            prefix, _ = _get_prefix_and_index(self._cells)
            cell.update_parameters_name(prefix + str(len(self)) + ".")
            self._is_dynamic_name.append(True)
            self._cells[str(len(self))] = cell
        self.cell_list = list(self._cells.values())

    def _insert(self, index, cell):
        """Insert ``cell`` before position ``index``; the cells after it move up one key (and are renamed).
        Private in MindSpore 2.10 too."""
        _insert_cell(self, index, cell)
        self.cell_list = list(self._cells.values())
        self._is_dynamic_name.insert(index, True)

    def construct(self, input_data):
        for cell in self.cell_list:
            input_data = cell(input_data)
        return input_data


class CellList(_CellSequence):
    """A list of cells, registered as sub-cells; it has no ``construct``."""

    def _add_cells(self, cells):
        self.extend(cells)

    def __getitem__(self, index):
        cls = type(self).__name__
        if isinstance(index, slice):
            return CellList(list(self._cells.values())[index])
        if isinstance(index, int):
            return self._cells[str(_valid_index(len(self), index, cls))]
        raise TypeError(f"For '{cls}', the type of 'index' must be int or slice, but got {type(index).__name__}.")

    def __setitem__(self, index, cell):
        cls = type(self).__name__
        if not isinstance(index, int) and _valid_cell(cell, cls):
            raise TypeError(f"For '{cls}', the type of 'index' must be int, but got {type(index).__name__}.")
        index = _valid_index(len(self), index, cls)
        if self._auto_prefix:
            prefix, _ = _get_prefix_and_index(self._cells)
            cell.update_parameters_name(prefix + str(index) + ".")
        self._cells[str(index)] = cell

    def __delitem__(self, index):
        cls = type(self).__name__
        if isinstance(index, int):
            del self._cells[str(_valid_index(len(self), index, cls))]
        elif isinstance(index, slice):
            for key in list(self._cells.keys())[index]:
                del self._cells[key]
        else:
            raise TypeError(f"For '{cls}', the type of 'index' must be int or slice, but got {type(index).__name__}.")
        prefix, key_index = _get_prefix_and_index(self._cells)
        cells = OrderedDict()
        for idx, cell in enumerate(self._cells.values()):
            if self._auto_prefix:
                _rename(cell, prefix, idx, key_index)
            cells[str(idx)] = cell
        self._cells = cells

    def __iadd__(self, cells):
        self.extend(cells)
        return self

    def insert(self, index, cell):
        """Insert ``cell`` before position ``index``."""
        _insert_cell(self, index, cell)

    def extend(self, cells):
        """Append each cell of the list ``cells``."""
        cls = type(self).__name__
        if not isinstance(cells, list):
            raise TypeError(f"For '{cls}', the new cells wanted to append should be instance of list, but got "
                            f"{type(cells).__name__}.")
        prefix, _ = _get_prefix_and_index(self._cells)
        for cell in cells:
            if isinstance(cell, CellDict):
                raise TypeError(f"For '{cls}', the type of cell can not be CellDict, but got {type(cell).__name__}.")
            if _valid_cell(cell, cls):
                if self._auto_prefix:
                    cell.update_parameters_name(prefix + str(len(self)) + ".")
                self._cells[str(len(self))] = cell
        return self

    def append(self, cell):
        """Add ``cell`` at the end."""
        if _valid_cell(cell, type(self).__name__):
            if self._auto_prefix:
                prefix, _ = _get_prefix_and_index(self._cells)
                cell.update_parameters_name(prefix + str(len(self)) + ".")
            self._cells[str(len(self))] = cell

    def construct(self, *inputs):
        raise NotImplementedError


class CellDict(_Container):
    """An ordered dict of named cells, registered as sub-cells; it has no ``construct``."""

    def _add_cells(self, cells):
        self.update(cells)

    def __getitem__(self, key):
        return self._cells[key]

    def __setitem__(self, key, cell):
        self._validate_key(key)
        self._validate_cell_type(cell)
        if self._auto_prefix:
            prefix, _ = _get_prefix_and_index(self._cells)
            cell.update_parameters_name(prefix + key + ".")
        self._cells[key] = cell

    def __delitem__(self, key):
        del self._cells[key]

    def __iter__(self):
        return iter(self._cells)

    def __contains__(self, key):
        return key in self._cells

    def _validate_key(self, key):
        cls = type(self).__name__
        if not isinstance(key, str):
            raise TypeError(f"For '{cls}', the type of key should be string but got {type(key).__name__}.")
        if hasattr(self, key) and key not in self._cells:
            raise KeyError(f"For '{cls}', the key can not be same with the attributes of Cell, but got key {key}.")
        if "." in key:
            raise KeyError(f"For '{cls}', key can not contain \".\", but got key {key}")
        if key == "":
            raise KeyError(f"For '{cls}', key can not be empty string \"\", but got key {key}")

    def _validate_cell_type(self, cell):
        cls = type(self).__name__
        if cell is None:
            raise TypeError(f"For '{cls}', cell can not be None.")
        if not isinstance(cell, Cell):
            raise TypeError(f"For '{cls}', the type of cell should be Cell, but got {type(cell).__name__}.")
        if isinstance(cell, (CellDict, CellList, SequentialCell)):
            raise TypeError(f"For '{cls}', the type of cell can not be CellDict, CellList or SequentialCell, but got "
                            f"{type(cell).__name__}.")

    def clear(self):
        return self._cells.clear()

    def pop(self, key):
        value = self[key]
        del self[key]
        return value

    def keys(self):
        return self._cells.keys()

    def values(self):
        return self._cells.values()

    def items(self):
        return self._cells.items()

    def update(self, cells):
        """Add the cells of a mapping, or of an iterable of ``(key, cell)`` pairs."""
        if not isinstance(cells, abc.Iterable):
            raise TypeError("CellDict.update() should be called with an iterable of key-value pairs, but got "
                            + type(cells).__name__)
        if isinstance(cells, (OrderedDict, CellDict, abc.Mapping)):
            for key, cell in cells.items():
                self[key] = cell
            return
        for i, pair in enumerate(cells):
            if not isinstance(pair, abc.Iterable):
                raise TypeError(f"CellDict update sequence element #{i} should be Iterable; but got "
                                f"{type(pair).__name__}")
            if len(pair) != 2:
                raise ValueError(f"CellDict update sequence element #{i}, length should be 2; but has length "
                                 f"{len(pair)}")
            self[pair[0]] = pair[1]

    def construct(self, *inputs):
        raise NotImplementedError
