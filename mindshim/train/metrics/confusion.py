"""``ConfusionMatrixMetric``: a rate (sensitivity, precision, F1, ...) from the true/false positives/negatives of
binarized per-class predictions, summed over batches."""
import numpy as np

from ... import _checkparam as validator
from .metric import Metric, rearrange_inputs

# each name of a rate MindSpore knows, and the rate's short name
_NAMES = {"tpr": ("sensitivity", "recall", "hit_rate", "true_positive_rate", "tpr"),
          "tnr": ("specificity", "selectivity", "true_negative_rate", "tnr"),
          "ppv": ("precision", "positive_predictive_value", "ppv"), "npv": ("negative_predictive_value", "npv"),
          "fnr": ("miss_rate", "false_negative_rate", "fnr"), "fpr": ("fall_out", "false_positive_rate", "fpr"),
          "fdr": ("false_discovery_rate", "fdr"), "for": ("false_omission_rate", "for"),
          "pt": ("prevalence_threshold", "pt"), "ts": ("threat_score", "critical_success_index", "ts", "csi"),
          "acc": ("accuracy", "acc"), "ba": ("balanced_accuracy", "ba"), "f1": ("f1_score", "f1"),
          "mcc": ("matthews_correlation_coefficient", "mcc"), "fm": ("fowlkes_mallows_index", "fm"),
          "bm": ("informedness", "bookmaker_informedness", "bm"), "mk": ("markedness", "deltap", "mk")}
_SHORT = {name: short for short, names in _NAMES.items() for name in names}


def _ratio(numerator, denominator):
    return np.where(denominator > 0, numerator / np.where(denominator > 0, denominator, 1), np.nan)


def _rate(name, matrix):
    """The rate ``name`` of confusion counts ``[..., (tp, fp, tn, fn)]`` (NaN where undefined)."""
    short = _SHORT.get(name.replace(" ", "_").lower())
    if short is None:
        raise NotImplementedError("The metric is not implemented.")
    matrix = matrix[None] if matrix.ndim == 1 else matrix
    tp, fp, tn, fn = (matrix[..., i] for i in range(4))
    p, n = tp + fn, fp + tn
    tpr, tnr, ppv = _ratio(tp, p), _ratio(tn, n), _ratio(tp, tp + fp)
    fractions = {"tpr": (tp, p), "tnr": (tn, n), "ppv": (tp, tp + fp), "npv": (tn, tn + fn), "fnr": (fn, p),
                 "fpr": (fp, n), "fdr": (fp, fp + tp), "for": (fn, fn + tn), "ts": (tp, tp + fn + fp),
                 "acc": (tp + tn, p + n), "f1": (2.0 * tp, 2.0 * tp + fn + fp),
                 "pt": (np.sqrt(tpr * (1.0 - tnr)) + tnr - 1.0, tpr + tnr - 1.0),
                 "mcc": (tp * tn - fp * fn, np.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn)))}
    if short in fractions:
        numerator, denominator = fractions[short]
        return np.where(denominator != 0, numerator / np.where(denominator != 0, denominator, 1), np.nan)
    return {"ba": (tpr + tnr) / 2.0, "fm": np.sqrt(ppv * tpr), "bm": tpr + tnr - 1.0,
            "mk": ppv + tn / (tn + fn) - 1.0}[short]  # MindSpore's markedness leaves tn / (tn + fn) unguarded


def _confusion(y_pred, y, skip_channel):
    """``(batch, class, (tp, fp, tn, fn))`` of binarized ``(batch, class, ...)`` predictions and labels
    (``skip_channel=False``: without the first class)."""
    if not skip_channel:
        y = y[:, 1:] if y.shape[1] > 1 else y
        y_pred = y_pred[:, 1:] if y_pred.shape[1] > 1 else y_pred
    if y.shape != y_pred.shape:
        raise ValueError(f"'y_shape' should be equal to 'y_pred_shape', but got 'y_shape' = {y.shape} and "
                         f"'y_pred_shape' = {y_pred.shape}.")
    batch, classes = y_pred.shape[:2]
    y_pred = y_pred.astype(float).reshape(batch, classes, -1)
    y = y.astype(float).reshape(batch, classes, -1)
    tp = (y_pred + y == 2).sum(axis=2).astype(float)
    tn = (y_pred + y == 0).sum(axis=2).astype(float)
    p = y.sum(axis=2)
    return np.stack([tp, y.shape[-1] - p - tn, tn, p - tp], axis=-1)


def _reduce(chart, how):
    """``(value, count of defined entries)`` of a ``(batch, class)`` rate reduced as ``how`` says."""
    defined = (~np.isnan(chart)).astype(float)
    chart = np.where(np.isnan(chart), 0, chart)
    if how == "mean":
        per_batch = defined.sum(axis=1)
        chart = np.where(per_batch > 0, chart.sum(axis=1) / np.where(per_batch > 0, per_batch, 1), 0.0)
        count = (per_batch > 0).astype(float).sum(axis=0)
        return np.where(count > 0, chart.sum(axis=0) / max(count, 1), np.zeros(1)), count
    axis = {"sum": (0, 1), "sum_batch": 0, "mean_batch": 0, "sum_channel": 1, "mean_channel": 1, "none": None}[how]
    if axis is None:
        return chart, defined
    count = defined.sum(axis=axis)
    total = chart.sum(axis=axis)
    if how.startswith("mean"):
        return np.where(count > 0, total / np.where(count > 0, count, 1), np.zeros(1)), count
    return total, count


class ConfusionMatrixMetric(Metric):
    """``metric_name`` (e.g. "sensitivity", "precision", "f1 score") of binarized ``(batch, class, ...)``
    predictions against labels. With ``calculation_method`` the rate is computed per batch and class, reduced by
    ``decrease`` and averaged over the batches; otherwise from the counts summed over everything."""

    def __init__(self, skip_channel=True, metric_name="sensitivity", calculation_method=False, decrease="mean"):
        super().__init__()
        self.skip_channel = validator.check_value_type("skip_channel", skip_channel, [bool])
        self.calculation_method = validator.check_value_type("calculation_method", calculation_method, [bool])
        self.metric_name = validator.check_value_type("metric_name", metric_name, [str])
        decrease = validator.check_value_type("decrease", decrease, [str])
        self.decrease = validator.check_string(decrease, ["none", "mean", "sum", "mean_batch", "sum_batch",
                                                          "mean_channel", "sum_channel"], "decrease")
        self.clear()

    def clear(self):
        self._total_num = self._class_num = 0
        self._counts = np.zeros(4)

    @rearrange_inputs
    def update(self, *inputs):
        if len(inputs) != 2:
            raise ValueError("For 'ConfusionMatrixMetric.update', it needs 2 inputs (predicted value, true value), "
                             f"but got {len(inputs)}.")
        y_pred, y = self._convert_data(inputs[0]), self._convert_data(inputs[1])
        if not np.all(y.astype(np.uint8) == y):
            raise ValueError("For 'ConfusionMatrix.update', the true value (input[1]) must be a binarized ndarray.")
        if y_pred.ndim < 2:
            raise ValueError("For 'ConfusionMatrix.update', the predicted value (input[0]) must have at least 2 "
                             f"dimensions, but got {y_pred.ndim}.")
        per_batch = self.calculation_method and not (y_pred.ndim == 2 or (y_pred.ndim == 3 and y_pred.shape[-1] == 1))
        matrix = _confusion(y_pred, y, self.skip_channel)
        if per_batch:
            score, count = _reduce(_rate(self.metric_name, matrix), self.decrease)
            self._total_num += score.item() * int(count.item())
            self._class_num += int(count.item())
        else:
            self._counts = self._counts + matrix.reshape(-1, 4).sum(axis=0)

    def eval(self):
        if self.calculation_method:
            if self._class_num == 0:
                raise RuntimeError("The 'ConfusionMatrixMetric' can not be calculated, because the number of samples "
                                   "is 0, please check whether your inputs(predicted value, true value) are empty, or "
                                   "has called update method before calling eval method.")
            return self._total_num / self._class_num
        return _rate(self.metric_name, self._counts)
