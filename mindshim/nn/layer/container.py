"""Containers (``mindspore.nn.layer.container``): SequentialCell and CellList."""
__all__ = ["SequentialCell", "CellList"]
from collections import OrderedDict

from ..cell import Cell


def _check_cell(cell, owner):
    if not isinstance(cell, Cell):
        raise TypeError(f"For '{owner}', each cell should be subclass of Cell, but got {type(cell).__name__}.")


class _IndexedCells(Cell):
    """Cells kept under keys "0", "1", ...; parameter names get the key as prefix."""

    def _add(self, key, cell):
        _check_cell(cell, type(self).__name__)
        if self._auto_prefix:
            cell.update_parameters_name(key + ".")
        self._cells[key] = cell

    def __getitem__(self, index):
        if isinstance(index, slice):
            return type(self)(list(self._cells.values())[index])
        if isinstance(index, int):
            n = len(self._cells)
            if not -n <= index < n:
                raise IndexError(f"For '{type(self).__name__}', the index should be in range [{-n}, {n}), but got "
                                 f"{index}.")
            return list(self._cells.values())[index % n]
        raise TypeError(f"For '{type(self).__name__}', the type of index should be int or slice, but got "
                        f"{type(index).__name__}.")

    def __len__(self):
        return len(self._cells)

    def __iter__(self):
        return iter(self._cells.values())

    def append(self, cell):
        self._add(str(len(self)), cell)
        return self


class SequentialCell(_IndexedCells):
    """Runs its cells in order. Built from cells, a list of cells, or an OrderedDict of named cells."""

    def __init__(self, *args):
        super().__init__()
        if len(args) == 1 and isinstance(args[0], OrderedDict):
            for key, cell in args[0].items():
                self._add(key, cell)
        else:
            cells = args[0] if len(args) == 1 and isinstance(args[0], list) else args
            for i, cell in enumerate(cells):
                self._add(str(i), cell)

    def construct(self, input_data):
        for cell in self._cells.values():
            input_data = cell(input_data)
        return input_data


class CellList(_IndexedCells):
    """A list of cells, registered as sub-cells."""

    def __init__(self, *args, **kwargs):
        super().__init__()
        for cell in (args[0] if args else ()):
            self.append(cell)

    def extend(self, cells):
        for cell in cells:
            self.append(cell)
        return self

    def construct(self, *inputs):
        raise NotImplementedError("For 'CellList', 'construct' is not defined: call its cells.")
