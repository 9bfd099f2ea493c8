"""``mindspore.dataset.transforms``: general transforms (TypeCast, OneHot, Fill, Duplicate, Compose, ...).

Each transform works on numpy arrays: inside ``Dataset.map`` on every row, or called directly on an array
(eager), as in MindSpore. Errors are MindSpore's: a RuntimeError whose ``[ERROR]`` line names the transform
(prefixed ``map operation: [Op] failed.`` inside a map). Random transforms draw from the pipeline's generator
(seeded by ``mindspore.dataset.config.set_seed``); called eagerly, from a generator seeded anew each call.
"""
import operator
from enum import IntEnum

import numpy as np

from ...common import dtype as mstype
from ..core import config
from ..core.validator_helpers import INT64_MAX, check_positive, check_value, type_check, type_check_list
from ..engine._pipeline import DataError, convert_value, pad_to, pipeline_error


def dtype_name(dtype):
    """A numpy dtype as MindSpore's messages name it (``string`` for text)."""
    return "string" if dtype.kind in "USO" else str(dtype)


class TensorOperation:
    """Base of mindshim's transforms.

    ``_apply(args, rng)`` maps one row's input arrays to its output arrays. A transform that treats every row
    alike and independently of its shape sets ``_batchable`` and ``_apply_batch(args)``, the same on arrays
    stacked along a new first axis: a map of such transforms before a ``batch`` runs on whole batches.
    """
    _batchable = False
    _inputs = 1  # how many input columns the transform takes (None: any number)

    def __init__(self):
        self.random = False

    def __call__(self, *inputs):
        args = [self._eager_input(x) for x in inputs]
        try:
            outs = self._apply(args, self._eager_rng())
        except DataError as e:
            raise pipeline_error(str(e)) from None
        return outs[0] if len(outs) == 1 else tuple(outs)

    def _eager_input(self, value):
        message = f"Invalid user input. Got {type(value)}: {value}, cannot be converted into tensor."
        try:
            array = convert_value(value)
        except (TypeError, ValueError) as exc:
            raise TypeError(message) from exc
        if array.dtype == object:
            raise TypeError(message)
        return array

    @staticmethod
    def _eager_rng():
        """A fresh generator per eager call, from the configured seed: as in MindSpore, where each call builds
        the operation anew, a seeded random transform called directly draws the same every time."""
        return np.random.default_rng(config.pipeline_seed())

    def _name(self):
        return type(self).__name__

    def _check_inputs(self, args):
        if self._inputs is not None and len(args) != self._inputs:
            raise DataError(f"{self._name()}: the number of input tensors should be {self._inputs}, but got "
                            f"{len(args)}.")

    def _apply(self, args, rng):
        self._check_inputs(args)
        return [self._one(args[0], rng)]

    def _apply_batch(self, args):
        self._check_inputs(args)
        return [self._many(args[0])]

    def _one(self, x, rng):
        raise NotImplementedError

    def _many(self, x):
        raise NotImplementedError


class PyTensorOperation(TensorOperation):
    """Base of the transforms MindSpore implements in Python (here: all of them)."""


def _check_type(data_type):
    if isinstance(data_type, mstype.Type):
        return data_type.np_dtype
    if data_type is None:
        type_check(data_type, (mstype.Type, np.dtype), "data_type")
    try:
        return np.dtype(data_type)
    except (TypeError, ValueError):
        type_check(data_type, (mstype.Type, np.dtype), "data_type")
        raise


class TypeCast(TensorOperation):
    """Cast to ``data_type`` (a MindSpore or numpy dtype) as numpy's ``astype``: floats to ints truncate, ints
    wrap around."""
    _batchable = True

    def __init__(self, data_type):
        super().__init__()
        self._np_dtype = _check_type(data_type)
        self.data_type = str(self._np_dtype)

    def _one(self, x, rng):
        return self._many(x)

    def _many(self, x):
        if x.dtype.kind in "USO" and self._np_dtype.kind not in "USO":
            raise DataError(f"TypeCast: TypeCast does not support cast from string to {dtype_name(self._np_dtype)}")
        return x.astype(self._np_dtype)


class OneHot(TensorOperation):
    """Integer class labels (a scalar or a 1-D array) to one-hot rows of ``num_classes`` of the labels' dtype;
    with ``smoothing_rate`` s, Float64 rows of ``1 - s + s/num_classes`` and ``s/num_classes``. (MindSpore 2.10
    smooths a scalar label so but gives 1-D labels all ``s/num_classes``; mindshim smooths both alike.)"""
    _batchable = True

    def __init__(self, num_classes, smoothing_rate=0.0):
        type_check(smoothing_rate, (int, float), "smoothing_rate")
        type_check(num_classes, (int,), "num_classes")
        check_positive(num_classes)
        check_value(smoothing_rate, [0., 1.], "smoothing_rate")
        super().__init__()
        self.num_classes, self.smoothing_rate = num_classes, smoothing_rate

    @staticmethod
    def _labels_shape(shape):
        """A sample's label shape as MindSpore reads it: dimensions of 1 dropped, at most one left."""
        squeezed = tuple(d for d in shape if d != 1)
        if len(squeezed) > 1:
            raise DataError(f"OneHot: Only support scalar or 1D input, got rank: {len(shape)}")
        return squeezed

    def _one(self, x, rng):
        return self._encode(x.reshape(self._labels_shape(x.shape)))

    def _many(self, x):
        return self._encode(x.reshape(x.shape[:1] + self._labels_shape(x.shape[1:])))

    def _encode(self, x):
        if x.dtype.kind not in "iu":
            raise DataError(f"OneHot: Only support input of int type, but got: {dtype_name(x.dtype)}")
        bad = x[(x >= self.num_classes) | (x < 0)]
        if bad.size:  # the first bad label in row order, as row-by-row checking finds it
            if bad.flat[0] >= 0:
                raise DataError(f"OneHot: index values should not bigger than num classes: {self.num_classes}, but "
                                f"got: {bad.flat[0]}")
            raise DataError(f"OneHot: index values should not be negative, but got: {bad.flat[0]}")
        hot = x[..., None] == np.arange(self.num_classes)
        if not self.smoothing_rate:
            return hot.astype(x.dtype)
        off = self.smoothing_rate / self.num_classes
        return np.where(hot, 1 - self.smoothing_rate + off, off)


class Fill(TensorOperation):
    """An array of the input's shape and dtype, every element ``fill_value`` (cast as numpy casts)."""
    _batchable = True

    def __init__(self, fill_value):
        type_check(fill_value, (str, float, bool, int, bytes), "fill_value")
        super().__init__()
        self.fill_value = fill_value

    def _one(self, x, rng):
        return self._many(x)

    def _many(self, x):
        value = np.array(self.fill_value)
        if (value.dtype.kind in "US") != (x.dtype.kind in "US"):
            raise DataError("Fill: fill_value and the input tensor must be of the same data type when involving "
                            f"strings or bytes, but got fill_value data type {dtype_name(value.dtype)} and input "
                            f"tensor data type {dtype_name(x.dtype)}")
        return np.full(x.shape, value.astype(x.dtype) if x.dtype.kind not in "US" else value, x.dtype)


class Duplicate(TensorOperation):
    """Two copies of the input (two output columns)."""
    _batchable = True

    def _apply(self, args, rng):
        return self._apply_batch(args)

    def _apply_batch(self, args):
        self._check_inputs(args)
        return [args[0], args[0].copy()]


class Relational(IntEnum):
    """The comparisons ``Mask`` makes."""
    EQ = 0
    NE = 1
    GT = 2
    GE = 3
    LT = 4
    LE = 5


_COMPARE = dict(zip(Relational, (operator.eq, operator.ne, operator.gt, operator.ge, operator.lt, operator.le)))


def _is_text(x):
    return x.dtype.kind in "US"


class Mask(TensorOperation):
    """``input <operator> constant`` element-wise (the constant cast to the input's dtype, wrapping as numpy
    casts), as ``dtype`` (Bool by default)."""
    _batchable = True

    def __init__(self, operator, constant, dtype=mstype.bool_):  # noqa: A002 - MindSpore's name
        type_check(operator, (Relational,), "operator")
        type_check(constant, (str, float, bool, int, bytes), "constant")
        type_check(dtype, (mstype.Type,), "dtype")
        super().__init__()
        self.operator, self.constant, self.dtype = operator, constant, dtype

    def _one(self, x, rng):
        return self._many(x)

    def _many(self, x):
        constant = np.array(self.constant)
        if _is_text(constant) != _is_text(x):
            raise DataError("Mask: input datatype does not match the value datatype, both should be numeric or "
                            "non-numerical in the same time.")
        if not _is_text(x):
            constant = constant.astype(x.dtype)
        return _COMPARE[self.operator](x, constant).astype(self.dtype.np_dtype)


def _check_1d(array, name):
    if array is not None:
        type_check(array, (np.ndarray,), name)
        if array.ndim != 1:
            raise ValueError(f"can only {name} 1D arrays.")


class Concatenate(TensorOperation):
    """``prepend``, the 1-D input and ``append`` joined (all of the input's dtype)."""

    def __init__(self, axis=0, prepend=None, append=None):
        if axis is not None:
            type_check(axis, (int,), "axis")
            if axis not in (0, -1):
                raise ValueError("only 1D concatenation supported.")
        _check_1d(prepend, "prepend")
        _check_1d(append, "append")
        super().__init__()
        self.axis, self.prepend, self.append = axis, prepend, append

    def _one(self, x, rng):
        if self.axis != 0:
            raise DataError(f"Concatenate: only 1D input supported, input 'axis' should be 0, but got: {self.axis}")
        if x.ndim != 1:
            raise DataError(f"Concatenate: only 1D input supported, got rank of input: {x.ndim}")
        parts = [x]
        for name, extra in (("prepend", self.prepend), ("append", self.append)):
            if extra is None:
                continue
            if extra.dtype != x.dtype and not (_is_text(extra) and _is_text(x)):
                raise DataError(f"Concatenate: input datatype does not match the {name} datatype, got input datatype: "
                                f"{dtype_name(x.dtype)}, {name} datatype:{dtype_name(extra.dtype)}")
            parts.insert(0 if name == "prepend" else len(parts), extra)
        return np.concatenate(parts)


class PadEnd(TensorOperation):
    """The input cut or padded at the end of each axis to ``pad_shape``, with ``pad_value`` (0, or "" for
    text; cast to the input's dtype)."""

    def __init__(self, pad_shape, pad_value=None):
        if pad_value is not None:
            type_check(pad_value, (str, float, bool, int, bytes), "pad_value")
        type_check(pad_shape, (list,), "pad_shape")
        for dim in pad_shape:
            if dim is not None:
                if not isinstance(dim, int):
                    raise TypeError("a value in the list is not an integer.")
                check_value(dim, [1, INT64_MAX])
        super().__init__()
        self.pad_shape, self.pad_value = pad_shape, pad_value

    def _one(self, x, rng):
        if len(self.pad_shape) != x.ndim:
            raise DataError(f"PadEnd: invalid pad shape, as rank of input is: {x.ndim}, and rank of pad value: "
                            f"{len(self.pad_shape)}")
        if None in self.pad_shape:
            raise DataError("Failed to create empty tensor, tensor shape is unknown.")
        if self.pad_value is not None and _is_text(np.array(self.pad_value)) != _is_text(x):
            raise DataError(f"PadEnd: can not pad numeric and string tensors together, but got: "
                            f"{dtype_name(np.array(self.pad_value).dtype)} and {dtype_name(x.dtype)}.")
        return pad_to(x, self.pad_shape, self.pad_value)


def _slice_option(option):
    if option is not None:
        type_check(option, (int, list, slice, bool, type(Ellipsis)), "slice_option")
        if isinstance(option, list):
            type_check_list(option, (int,), "slice_option")
    return option


class Slice(TensorOperation):
    """The input indexed by ``slices``, one per leading axis: an int or a list of ints (indices, the axis kept),
    a ``slice`` (non-negative start, stop and step), or ``None``/``...``/``True`` (the whole axis)."""

    def __init__(self, *slices):
        super().__init__()
        self.slices = [_slice_option(option) for option in slices]

    def _one(self, x, rng):
        if len(self.slices) > x.ndim:
            raise DataError("Invalid shape, should be greater than slices index.")
        index = []
        for option, size in zip(self.slices, x.shape):
            if option is None or option is Ellipsis or option is True:
                index.append(np.arange(size))
            elif isinstance(option, slice):
                parts = (option.start, option.stop, option.step)
                if any(v is not None and v < 0 for v in parts):
                    raise DataError("Wrong slice object")
                index.append(np.arange(size)[option])
            else:
                ids = [option] if isinstance(option, int) else option
                for i in ids:
                    if not -size <= i < size:
                        raise DataError(f"Index {i} is out of bounds.")
                index.append(np.array(ids, np.int64) % size)
        return x[np.ix_(*index)] if index else x.copy()


class Unique(TensorOperation):
    """The distinct values of the flattened input in order of appearance, each element's index among them
    (Int32), and each value's count (Int32): three outputs."""

    def _apply(self, args, rng):
        self._check_inputs(args)
        x = args[0]
        if _is_text(x):
            raise DataError("Unique: only support numeric datatype of input, got string.")
        if x.ndim < 2:
            raise DataError(f"Unique: input must be at least 2-D in order to do unique op, got rank:{x.ndim}")
        values, first, inverse, counts = np.unique(x.ravel(), return_index=True, return_inverse=True,
                                                   return_counts=True)
        order = np.argsort(first, kind="stable")
        rank = np.empty_like(order)
        rank[order] = np.arange(len(order))
        return [values[order], rank[inverse].astype(np.int32), counts[order].astype(np.int32)]


def _run(op, args, rng):
    """One step of a composed transform: a mindshim transform, or a Python callable (its outputs as arrays)."""
    if isinstance(op, TensorOperation):
        return op._apply(args, rng)
    result = op(*args)
    return [convert_value(v) for v in result] if isinstance(result, tuple) else [convert_value(result)]


def _check_transforms(transforms):
    type_check(transforms, (list,), "transforms")
    if not transforms:
        raise ValueError("transforms list can not be empty.")
    for i, op in enumerate(transforms):
        if not callable(op):
            raise ValueError(f"transforms[{i}] is not callable.")


class Compose(TensorOperation):
    """The transforms one after another (nested Composes are flattened)."""
    _inputs = None

    def __init__(self, transforms):
        _check_transforms(transforms)
        super().__init__()
        self.transforms = [t for op in transforms for t in (op.transforms if isinstance(op, Compose) else [op])]
        self._batchable = all(getattr(op, "_batchable", False) for op in self.transforms)

    def __call__(self, *args):
        if not args:
            raise TypeError("Compose was called without an image. Fix invocation (avoid it being invoked as "
                            "Compose([...])()).")
        return super().__call__(*args)

    def _apply(self, args, rng):
        for op in self.transforms:
            args = _run(op, args, rng)
        return args

    def _apply_batch(self, args):
        for op in self.transforms:
            args = op._apply_batch(args)
        return args


class RandomApply(TensorOperation):
    """All of ``transforms`` with probability ``prob``, else none."""
    _inputs = None

    def __init__(self, transforms, prob=0.5):
        _check_transforms(transforms)
        type_check(prob, (float, int), "prob")
        check_value(prob, (0, 1), "prob")
        super().__init__()
        self.transforms, self.prob = transforms, prob
        self.random = True

    def _apply(self, args, rng):
        if rng.random() < self.prob:
            for op in self.transforms:
                args = _run(op, args, rng)
        return args


class _RandomTransforms(TensorOperation):
    """A random composition of the list ``transforms``."""
    _inputs = None

    def __init__(self, transforms):
        _check_transforms(transforms)
        super().__init__()
        self.transforms = transforms
        self.random = True


class RandomChoice(_RandomTransforms):
    """One of ``transforms``, chosen uniformly at random for each row."""

    def _apply(self, args, rng):
        return _run(self.transforms[int(rng.integers(len(self.transforms)))], args, rng)


class RandomOrder(_RandomTransforms):
    """All of ``transforms``, in a random order for each row."""

    def _apply(self, args, rng):
        for i in rng.permutation(len(self.transforms)):
            args = _run(self.transforms[i], args, rng)
        return args
