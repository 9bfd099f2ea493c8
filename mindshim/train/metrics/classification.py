"""Classification metrics: ``Accuracy``, ``Precision``, ``Recall``, ``Fbeta``/``F1``, top-k accuracies and
``ConfusionMatrix``."""
import sys

import numpy as np

from ... import _checkparam as validator
from .metric import (
    EvaluationBase,
    Metric,
    _check_class_num,
    _class_indices,
    _inputs,
    _Mean,
    _no_samples,
    _two_inputs,
    rearrange_inputs,
)


class Accuracy(EvaluationBase):
    """The fraction of samples predicted right: for ``'classification'`` the arg-max of the prediction is the
    label; for ``'multilabel'`` every 0/1 entry of a sample matches. ``eval()`` returns a ``numpy.float64``."""

    def __init__(self, eval_type='classification'):
        super().__init__(eval_type)
        self.clear()

    def clear(self):
        self._correct_num = 0
        self._total_num = 0
        self._class_num = 0

    @rearrange_inputs
    def update(self, *inputs):
        y_pred, y = self._prepare(inputs, "Accuracy", ("", "."))
        if self._type == 'classification':
            result = (np.equal(y_pred.argmax(axis=1), y) * 1).reshape(-1)
        else:
            last = y_pred.ndim - 1
            y_pred = y_pred.swapaxes(1, last).reshape(-1, self._class_num)
            y = y.swapaxes(1, last).reshape(-1, self._class_num)
            result = np.equal(y_pred, y).all(axis=1) * 1
        self._correct_num += result.sum()
        self._total_num += result.shape[0]

    def eval(self):
        if self._total_num == 0:
            raise RuntimeError(_no_samples("Accuracy"))
        return self._correct_num / self._total_num


def _one_hot_pair(name, y_pred, y, class_num, message):
    """Labels and arg-max predictions as one-hot float64 rows; labels must be below ``class_num``."""
    if y.max() + 1 > class_num:
        raise ValueError(message.format(name=name, pred=class_num, true=y.max() + 1))
    return np.eye(class_num)[y.reshape(-1)], np.eye(class_num)[y_pred.argmax(axis=1).reshape(-1)]


_SAME_CLASSES = ("For '{name}.update', predicted value (input[0]) should have the same classes number as true value "
                 "(input[1]), but got predicted value classes {pred}, true value classes {true}.")


class _PrecisionRecall(EvaluationBase):
    """Precision (true positives over predicted positives) and recall (over actual positives), per class."""
    _name = ""
    _ends = (".", ".")

    def __init__(self, eval_type='classification'):
        super().__init__(eval_type)
        self.eps = sys.float_info.min
        self.clear()

    def clear(self):
        self._class_num = 0
        if self._type == "multilabel":
            self._true_positives = np.empty(0)
            self._counted = np.empty(0)
            self._true_positives_average = np.float64(0)
            self._counted_average = 0
        else:
            self._true_positives = 0
            self._counted = 0

    def _count(self, y_pred, y):
        """The denominator's count per class: predicted positives (precision) or actual ones (recall)."""
        raise NotImplementedError

    @rearrange_inputs
    def update(self, *inputs):
        y_pred, y = self._prepare(inputs, self._name, self._ends)
        class_num = self._class_num
        if self._type == "classification":
            y, y_pred = _one_hot_pair(self._name, y_pred, y, class_num, _SAME_CLASSES)
        else:
            y_pred = y_pred.swapaxes(1, 0).reshape(class_num, -1)
            y = y.swapaxes(1, 0).reshape(class_num, -1)
        counted = self._count(y_pred, y)
        true_positives = (y * y_pred).sum(axis=0)
        if self._type == "multilabel":
            # As in MindSpore: for float32 inputs eps underflows here, so a sample with no positives gives NaN.
            self._true_positives_average += np.sum(true_positives / (counted + self.eps))
            self._counted_average += len(counted)
            self._true_positives = np.concatenate((self._true_positives, true_positives), axis=0)
            self._counted = np.concatenate((self._counted, counted), axis=0)
        else:
            self._true_positives += true_positives
            self._counted += counted

    def eval(self, average=False):
        """The value per class (a float64 array), or with ``average=True`` their mean."""
        if self._class_num == 0:
            raise RuntimeError(_no_samples(self._name, " "))
        validator.check_value_type("average", average, [bool], type(self).__name__)
        result = self._true_positives / (self._counted + self.eps)
        if average:
            if self._type == "multilabel":
                result = self._true_positives_average / (self._counted_average + self.eps)
            return result.mean()
        return result


class Precision(_PrecisionRecall):
    """Per-class precision: true positives over predicted positives."""
    _name = "Precision"
    _ends = (".", "")

    def _count(self, y_pred, y):
        return y_pred.sum(axis=0)


class Recall(_PrecisionRecall):
    """Per-class recall: true positives over actual positives."""
    _name = "Recall"

    def _count(self, y_pred, y):
        return y.sum(axis=0)


class Fbeta(Metric):
    """Per-class F-beta score ``(1 + b^2) * tp / (b^2 * actual + predicted)``."""

    def __init__(self, beta):
        super().__init__()
        self.eps = sys.float_info.min
        if not beta > 0:
            raise ValueError("For 'Fbeta', the argument 'beta' must be greater than 0, but got {}.".format(beta))
        self.beta = beta
        self.clear()

    def clear(self):
        self._true_positives = 0
        self._actual_positives = 0
        self._positives = 0
        self._class_num = 0

    @rearrange_inputs
    def update(self, *inputs):
        y_pred, y = _two_inputs(self, inputs, "Fbeta", ".")
        _check_class_num(self, "Fbeta", y_pred, ".")
        y, y_pred = _one_hot_pair("Fbeta", y_pred, y, self._class_num,
                                  "For '{name}.update', predicted value(inputs[0]) and true value(inputs[1]) should "
                                  "contain same classes, but got predicted value contains {pred} classes and true "
                                  "value contains {true} classes.")
        self._true_positives += (y * y_pred).sum(axis=0)
        self._positives += y_pred.sum(axis=0)
        self._actual_positives += y.sum(axis=0)

    def eval(self, average=False):
        validator.check_value_type("average", average, [bool], type(self).__name__)
        if self._class_num == 0:
            raise RuntimeError(_no_samples("Fbeta"))
        fbeta = (1.0 + self.beta ** 2) * self._true_positives / \
            (self.beta ** 2 * self._actual_positives + self._positives + self.eps)
        return fbeta.mean() if average else fbeta


class F1(Fbeta):
    """``Fbeta(1.0)``."""

    def __init__(self):
        super().__init__(1.0)


class TopKCategoricalAccuracy(_Mean):
    """The fraction of samples whose label is among the ``k`` highest predictions."""
    _empty = _no_samples("TopKCategoricalAccuracy", " ")

    def __init__(self, k):
        super().__init__()
        if not isinstance(k, int):
            raise TypeError("For 'TopKCategoricalAccuracy', the type of "
                            "the argument 'k' should be int, but got 'k' type: {}.".format(type(k)))
        if k < 1:
            raise ValueError("For 'TopKCategoricalAccuracy', "
                             "the argument 'k' must be at least 1, but got 'k' value: {}.".format(k))
        self.k = k

    @rearrange_inputs
    def update(self, *inputs):
        y_pred, y = _inputs(self, inputs, 2, "For 'TopKCategoricalAccuracy.update', it needs 2 inputs (predicted "
                                             "value, true value), but got 'inputs' size: {}.")
        y = _class_indices(y_pred, y)
        indices = np.argsort(-y_pred, axis=1)[:, :self.k]
        repeated_y = y.reshape(-1, 1).repeat(self.k, axis=1)
        self._total += np.equal(indices, repeated_y).sum(axis=1).sum()
        self._count += repeated_y.shape[0]


class Top1CategoricalAccuracy(TopKCategoricalAccuracy):
    """``TopKCategoricalAccuracy(1)``."""

    def __init__(self):
        super().__init__(1)


class Top5CategoricalAccuracy(TopKCategoricalAccuracy):
    """``TopKCategoricalAccuracy(5)``."""

    def __init__(self):
        super().__init__(5)


class ConfusionMatrix(Metric):
    """The ``num_classes x num_classes`` confusion matrix (rows: labels, columns: predictions; arg-max of class
    scores, or float predictions of the labels' shape thresholded at ``threshold``), as a float64 array;
    ``normalize`` ``'target'``, ``'prediction'`` or ``'all'`` divides by row, column or total sums."""

    def __init__(self, num_classes, normalize="no_norm", threshold=0.5):
        super().__init__()
        self.num_classes = validator.check_value_type("num_classes", num_classes, [int])
        if normalize not in ["target", "prediction", "all", "no_norm"]:
            raise ValueError("For 'ConfusionMatrix', the argument 'normalize' must be in "
                             "['all', 'prediction', 'label', 'no_norm'(None)], but got {}.".format(normalize))
        self.normalize = normalize
        self.threshold = validator.check_value_type("threshold", threshold, [float])
        self.clear()

    def clear(self):
        self.confusion_matrix = np.zeros((self.num_classes, self.num_classes))
        self._is_update = False

    @rearrange_inputs
    def update(self, *inputs):
        y_pred, y = _two_inputs(self, inputs, "ConfusionMatrix", ".", onehot=False)
        if not (y_pred.ndim == y.ndim or y_pred.ndim == y.ndim + 1):
            raise ValueError(f"For 'ConfusionMatrix.update', predicted value (input[0]) and true value "
                             f"(input[1]) should have same dimensions, or the dimension of predicted value "
                             f"equals the dimension of true value add 1, but got predicted value ndim: "
                             f"{y_pred.ndim}, true value ndim: {y.ndim}.")
        if y_pred.ndim == y.ndim + 1:
            y_pred = np.argmax(y_pred, axis=1)
        if y_pred.ndim == y.ndim and y_pred.dtype in (np.float16, np.float32, np.float64):
            y_pred = (y_pred >= self.threshold).astype(int)
        trans = (y.reshape(-1) * self.num_classes + y_pred.reshape(-1)).astype(int)
        bincount = np.bincount(trans, minlength=self.num_classes ** 2)
        self.confusion_matrix += bincount.reshape(self.num_classes, self.num_classes)
        self._is_update = True

    def eval(self):
        if not self._is_update:
            raise RuntimeError("Please call the 'update' method before calling 'eval' method.")
        confusion_matrix = self.confusion_matrix.astype(float)
        if self.normalize == "no_norm":
            return confusion_matrix
        with np.errstate(divide="ignore", invalid="ignore"):
            matrix = {"target": lambda m: m / m.sum(axis=1, keepdims=True),
                      "prediction": lambda m: m / m.sum(axis=0, keepdims=True),
                      "all": lambda m: m / m.sum()}[self.normalize](confusion_matrix)
        matrix[np.isnan(matrix)] = 0
        return matrix


__all__ = ["Accuracy", "Precision", "Recall", "Fbeta", "F1", "TopKCategoricalAccuracy", "Top1CategoricalAccuracy",
           "Top5CategoricalAccuracy", "ConfusionMatrix"]
