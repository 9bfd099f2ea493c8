"""The ``Metric`` base class and what the metrics share.

Metrics run on the host in NumPy, as MindSpore's do. MindSpore 2.10 runs on NumPy 1, where adding a NumPy
float32 scalar to a Python ``0`` gives float64; mindshim's metrics accumulate such sums in float64
explicitly, so they return the same values and types under NumPy 2.
"""
import functools
from abc import ABCMeta, abstractmethod

import numpy as np

from ...common.tensor import Tensor

_eval_types = {'classification', 'multilabel'}


def rearrange_inputs(func):
    """Decorates a Metric's ``update``: its inputs are reordered (and picked) by the Metric's ``indexes``."""
    @functools.wraps(func)
    def wrapper(self, *inputs):
        indexes = self.indexes
        inputs = inputs if not indexes else [inputs[i] for i in indexes]
        return func(self, *inputs)
    return wrapper


class Metric(metaclass=ABCMeta):
    """Base class of metrics: ``clear()`` resets, ``update(*inputs)`` accumulates (inputs are Tensors, lists or
    NumPy arrays), ``eval()`` computes the result; ``metric(*inputs)`` does all three for one batch.
    ``set_indexes([2, 1])`` makes ``update`` (when decorated with :func:`rearrange_inputs`) take its inputs in
    that order."""

    def __init__(self):
        self._indexes = None

    def _convert_data(self, data):
        """``data`` as a NumPy array."""
        if isinstance(data, Tensor):
            return data.asnumpy()
        if isinstance(data, list):
            return np.array(data)
        if isinstance(data, np.ndarray):
            return data
        raise TypeError(f"For 'Metric' and its derived classes, the input data type must be tensor, list or "
                        f"numpy.ndarray, but got {type(data)}.")

    @property
    def indexes(self):
        return getattr(self, '_indexes', None)

    def set_indexes(self, indexes):
        if not isinstance(indexes, list) or not all(isinstance(i, int) for i in indexes):
            raise ValueError("For 'set_indexes', the argument 'indexes' must be a list and all its elements must "
                             "be int, please check whether it is correct.")
        self._indexes = indexes
        return self

    def __call__(self, *inputs):
        self.clear()
        self.update(*inputs)
        return self.eval()

    @abstractmethod
    def clear(self):
        raise NotImplementedError('Must define clear function to use this base class')

    @abstractmethod
    def eval(self):
        raise NotImplementedError('Must define eval function to use this base class')

    @abstractmethod
    def update(self, *inputs):
        raise NotImplementedError('Must define update function to use this base class')


class EvaluationBase(Metric):
    """A metric over predictions and labels, for ``'classification'`` (labels are class indices or one-hot)
    or ``'multilabel'`` (predictions and labels are 0/1 arrays of one shape)."""

    def __init__(self, eval_type):
        super().__init__()
        if eval_type not in _eval_types:
            raise TypeError("The argument 'eval_type' must be in {}, but got {}".format(_eval_types, eval_type))
        self._type = eval_type

    def _check_shape(self, y_pred, y):
        if self._type == 'classification':
            if y_pred.ndim != y.ndim + 1:
                raise ValueError("In classification case, the dimension of y_pred (predicted value) should equal to "
                                 "the dimension of y (true value) add 1, but got y_pred dimension: {} and y "
                                 "dimension: {}.".format(y_pred.ndim, y.ndim))
            if y.shape != (y_pred.shape[0],) + y_pred.shape[2:]:
                raise ValueError("In classification case, y_pred (predicted value) shape and y (true value) shape "
                                 "can not match, y shape should be equal to y_pred shape that the value at index 1 "
                                 "is deleted. Such as y_pred shape (1, 2, 3), then y shape should be (1, 3). "
                                 "But got y_pred shape {} and y shape {}".format(y_pred.shape, y.shape))
        else:
            if y_pred.ndim != y.ndim:
                raise ValueError("In {} case, the dimension of y_pred (predicted value) should equal to the dimension"
                                 " of y (true value), but got y_pred dimension: {} and y dimension: {}."
                                 .format(self._type, y_pred.ndim, y.ndim))
            if y_pred.shape != y.shape:
                raise ValueError("In {} case, the shape of y_pred (predicted value) should equal to the shape of y "
                                 "(true value), but got y_pred shape: {} and y shape: {}."
                                 .format(self._type, y_pred.shape, y.shape))

    def _check_value(self, y_pred, y):
        if self._type != 'classification' and not (np.equal(y_pred ** 2, y_pred).all() and np.equal(y ** 2, y).all()):
            raise ValueError("In multilabel case, all elements in y_pred (predicted value) and y (true value) should "
                             "be 0 or 1.Please check whether your inputs y_pred and y are correct.")

    def _prepare(self, inputs, name, ends):
        """``(y_pred, y)`` of an ``update``: checked, one-hot labels turned into indices, the class count kept.
        ``ends``: how MindSpore ends this metric's two messages (its punctuation varies)."""
        y_pred, y = _two_inputs(self, inputs, name, ends[0], self._type == 'classification')
        self._check_shape(y_pred, y)
        self._check_value(y_pred, y)
        _check_class_num(self, name, y_pred, ends[1])
        return y_pred, y

    def clear(self):
        raise NotImplementedError

    def update(self, *inputs):
        raise NotImplementedError

    def eval(self):
        raise NotImplementedError


def _no_samples(name, space=""):
    """MindSpore's message of ``eval`` before any sample (``space``: whether "inputs" and "(" are apart)."""
    return (f"The '{name}' can not be calculated, because the number of samples is 0, please check whether your "
            f"inputs{space}(predicted value, true value) are empty, or has called update method before calling eval "
            "method.")


class _Mean(Metric):
    """A total over a count, both accumulated by ``update``: ``eval`` is ``_result(total / count)``, and
    ``RuntimeError(_empty)`` while nothing was counted."""
    _empty = ""

    def __init__(self):
        super().__init__()
        self.clear()

    def clear(self):
        self._total = 0
        self._count = 0

    def _result(self, mean):
        return mean

    def eval(self):
        if self._count == 0:
            raise RuntimeError(self._empty)
        return self._result(self._total / self._count)


def _inputs(metric, inputs, count, message):
    """An ``update``'s ``count`` inputs as arrays; another number of them raises ``ValueError(message)``, formatted
    with that number."""
    if len(inputs) != count:
        raise ValueError(message.format(len(inputs)))
    return [metric._convert_data(x) for x in inputs]


def _class_indices(y_pred, y):
    """One-hot labels ``y`` (as many axes as ``y_pred``) as class indices."""
    return y.argmax(axis=1) if y_pred.ndim == y.ndim and _check_onehot_data(y) else y


def _two_inputs(metric, inputs, name, end, onehot=True):
    """``(y_pred, y)`` as arrays, one-hot labels (when ``onehot``) turned into class indices."""
    y_pred, y = _inputs(metric, inputs, 2, f"For '{name}.update', it needs 2 inputs (predicted value, true value), "
                                           f"but got {{}}{end}")
    return y_pred, _class_indices(y_pred, y) if onehot else y


def _check_class_num(metric, name, y_pred, period):
    """Keeps the class count of the first batch; later batches must have the same."""
    if metric._class_num == 0:
        metric._class_num = y_pred.shape[1]
    elif y_pred.shape[1] != metric._class_num:
        raise ValueError(f"For '{name}.update', class number not match, last input predicted data contain "
                         f"{metric._class_num} classes, but current predicted data contain {y_pred.shape[1]} classes, "
                         f"please check your predicted value(inputs[0]){period}")


def _check_onehot_data(data):
    """Whether ``data`` is one-hot along axis 1."""
    if data.ndim > 1 and np.equal(data ** 2, data).all():
        shp = (data.shape[0],) + data.shape[2:]
        if np.equal(np.ones(shp), data.sum(axis=1)).all():
            return True
    return False


def _binary_clf_curve(preds, target, sample_weights=None, pos_label=1):
    """False and true positives at each distinct threshold, highest first, and the thresholds."""
    if sample_weights is not None and not isinstance(sample_weights, np.ndarray):
        sample_weights = np.array(sample_weights)
    if preds.ndim > target.ndim:
        preds = preds[:, 0]
    desc_score_indices = np.argsort(-preds)
    preds = preds[desc_score_indices]
    target = target[desc_score_indices]
    weight = sample_weights[desc_score_indices] if sample_weights is not None else 1.
    distinct_value_indices = np.where(preds[1:] - preds[:-1])[0]
    threshold_idxs = np.pad(distinct_value_indices, (0, 1), constant_values=target.shape[0] - 1)
    target = np.array(target == pos_label).astype(np.int64)
    tps = np.cumsum(target * weight, axis=0)[threshold_idxs]
    if sample_weights is not None:
        fps = np.cumsum((1 - target) * weight, axis=0)[threshold_idxs]
    else:
        fps = 1 + threshold_idxs - tps
    return fps, tps, preds[threshold_idxs]


__all__ = ["Metric", "rearrange_inputs"]
