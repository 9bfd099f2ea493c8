"""``ROC`` curves and the area under a curve, ``auc``."""
import numpy as np

from ... import _checkparam as validator
from .metric import Metric, _binary_clf_curve, _two_inputs, rearrange_inputs


class ROC(Metric):
    """The receiver operating characteristic of the last ``update``: ``(fpr, tpr, thresholds)`` arrays for
    one class (predictions of the labels' shape, positives equal to ``pos_label``, default 1), or lists of
    them per class (predictions with a class axis 1 of ``class_num`` classes)."""

    def __init__(self, class_num=None, pos_label=None):
        super().__init__()
        self.class_num = class_num if class_num is None else validator.check_value_type("class_num", class_num, [int])
        self.pos_label = pos_label if pos_label is None else validator.check_value_type("pos_label", pos_label, [int])
        self.clear()

    def clear(self):
        self.y_pred = 0
        self.y = 0
        self.sample_weights = None
        self._is_update = False

    @rearrange_inputs
    def update(self, *inputs):
        if len(inputs) != 2:
            raise ValueError("For 'ROC.update', it needs 2 inputs (predicted value, true value), but got {}"
                             .format(len(inputs)))
        y_pred, y = _two_inputs(self, inputs, "ROC", "", onehot=False)
        self.y_pred, self.y, self.class_num, self.pos_label = _precision_recall_curve_update(
            y_pred, y, self.class_num, self.pos_label)
        self._is_update = True

    def _roc_eval(self, y_pred, y, class_num, pos_label, sample_weights=None):
        if class_num == 1:
            fps, tps, thresholds = _binary_clf_curve(y_pred, y, sample_weights=sample_weights, pos_label=pos_label)
            tps = np.squeeze(np.hstack([np.zeros(1, dtype=tps.dtype), tps]))
            fps = np.squeeze(np.hstack([np.zeros(1, dtype=fps.dtype), fps]))
            thresholds = np.hstack([thresholds[0][None] + 1, thresholds])
            if fps[-1] <= 0:
                raise ValueError("For 'ROC.eval', there is no negative samples in true value, "
                                 "false positive value is meaningless.")
            if tps[-1] <= 0:
                raise ValueError("For 'ROC.eval', there is no positive samples in true value, "
                                 "true positive value is meaningless.")
            return fps / fps[-1], tps / tps[-1], thresholds
        fpr, tpr, thresholds = [], [], []
        for c in range(class_num):
            pred_c, y_c, _, label = _precision_recall_curve_update(y_pred[:, c], y, 1, c)
            res = self._roc_eval(pred_c, y_c, 1, label, sample_weights)
            fpr.append(res[0])
            tpr.append(res[1])
            thresholds.append(res[2])
        return fpr, tpr, thresholds

    def eval(self):
        if self._is_update is False:
            raise RuntimeError("Please call the 'update' method before calling 'eval' method.")
        return self._roc_eval(np.squeeze(self.y_pred), np.squeeze(self.y), self.class_num, self.pos_label)


def _precision_recall_curve_update(y_pred, y, class_num, pos_label):
    """Flattened predictions and labels, with the class count and the positive label they imply."""
    if not (len(y_pred.shape) == len(y.shape) or len(y_pred.shape) == len(y.shape) + 1):
        raise ValueError(f"For 'ROC', predicted value (input[0]) and true value (input[1]) must have same "
                         f"dimensions, or the dimension of predicted value equal the dimension of true value add "
                         f"1, but got predicted value ndim: {len(y_pred.shape)}, true value ndim: {len(y.shape)}.")
    if len(y_pred.shape) == len(y.shape):
        if class_num is not None and class_num != 1:
            raise ValueError(f"For 'ROC', when predicted value (input[0]) and true value (input[1]) have the same "
                             f"shape, the 'class_num' must be 1, but got {class_num}.")
        return y_pred.flatten(), y.flatten(), 1, 1 if pos_label is None else pos_label
    if pos_label is not None:
        raise ValueError(f"For 'ROC', when the dimension of predicted value (input[0]) equals the dimension "
                         f"of true value (input[1]) add 1, the 'pos_label' must be None, "
                         f"but got {pos_label}.")
    if class_num != y_pred.shape[1]:
        raise ValueError("For 'ROC', the 'class_num' must equal the number of classes from predicted value "
                         "(input[0]), but got 'class_num' {}, the number of classes from predicted value {}."
                         .format(class_num, y_pred.shape[1]))
    return y_pred.transpose(0, 1).reshape(class_num, -1).transpose(0, 1), y.flatten(), class_num, pos_label


def auc(x, y, reorder=False):
    """The area under the curve through the points ``(x, y)`` (trapezoidal rule); ``x`` must be monotonic
    unless ``reorder``."""
    if not isinstance(x, np.ndarray) or not isinstance(y, np.ndarray):
        raise TypeError("For 'auc', the argument 'x' and 'y' must all be np.ndarray, but got {}, {}"
                        .format(type(x), type(y)))
    lengths = [_num_samples(a) for a in (x, y)]
    if len(np.unique(lengths)) > 1:
        raise ValueError("Found input variables with inconsistent numbers of samples: {}."
                         .format([int(length) for length in lengths]))
    x, y = _column_or_1d(x), _column_or_1d(y)
    if x.shape[0] < 2:
        raise ValueError("For 'auc', the shape of the argument 'x' in axis 0 must be greater than 2, "
                         "but got {}.".format(x.shape[0]))
    direction = 1
    if reorder:
        order = np.lexsort((y, x))
        x, y = x[order], y[order]
    else:
        dx = np.diff(x)
        if np.any(dx < 0):
            if not np.all(dx <= 0):
                raise ValueError("For 'auc', if the argument is False, the argument 'x' array must be increasing "
                                 "or decreasing, but got 'x': {}".format(x))
            direction = -1
    return direction * np.trapezoid(y, x)


def _column_or_1d(y):
    shape = np.shape(y)
    if len(shape) == 1 or (len(shape) == 2 and shape[1] == 1):
        return np.ravel(y)
    raise ValueError("For 'auc', the input must be a 1-dimensional array, or a 2-dimensional array with the second "
                     "dimension of 1, but got shape {}.".format(shape))


def _num_samples(x):
    if x.ndim == 0:
        raise TypeError("Singleton array {} cannot be considered as a valid collection.".format(x))
    return x.shape[0]


__all__ = ["ROC", "auc"]
