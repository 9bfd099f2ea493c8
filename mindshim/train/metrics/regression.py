"""Metrics of values: ``MAE``, ``MSE``, ``Loss``, ``Perplexity``, ``Dice``, ``CosineSimilarity``."""
import math

import numpy as np

from ... import _checkparam as validator
from .metric import Metric, _inputs, _Mean, _no_samples, _two_inputs, rearrange_inputs


class _ErrorSum(_Mean):
    """A sum of per-element errors over all batches, divided by the number of samples (first axis)."""
    _name = ""

    def _error(self, diff):
        raise NotImplementedError

    @rearrange_inputs
    def update(self, *inputs):
        y_pred, y = _two_inputs(self, inputs, self._name, ".", onehot=False)
        self._total += np.float64(self._error(y.reshape(y_pred.shape) - y_pred).sum())
        self._count += y.shape[0]


class MAE(_ErrorSum):
    """Mean absolute error: the sum of ``|y - y_pred|`` over the number of samples."""
    _name = "MAE"
    _empty = _no_samples("MAE")

    def _error(self, diff):
        return np.abs(diff)


class MSE(_ErrorSum):
    """Mean squared error: the sum of ``(y - y_pred) ** 2`` over the number of samples."""
    _name = "MSE"
    _empty = _no_samples("MSE")

    def _error(self, diff):
        return np.power(diff, 2)


class Loss(_Mean):
    """The mean of the losses given to ``update`` (each a scalar or 1-d loss, averaged first)."""
    _empty = ("The 'Loss' can not be calculated, because the number of samples is 0, please check whether has "
              "called update method before calling eval method.")

    @rearrange_inputs
    def update(self, *inputs):
        loss, = _inputs(self, inputs, 1, "For 'Loss.update', it needs 1 input (loss), but got {}")
        if loss.ndim == 0:
            loss = loss.reshape(1)
        if loss.ndim != 1:
            raise ValueError("For 'Loss.update', the dimension of your input (loss) must be 1, "
                             "but got {}.".format(loss.ndim))
        self._total += np.float64(loss.mean(-1))
        self._count += 1


class Perplexity(_Mean):
    """``exp`` of the mean negative log of the predicted probability of each label (labels equal to
    ``ignore_label`` left out)."""
    _empty = ("The 'Perplexity' can not be calculated, because the number of samples is 0, please check whether "
              "the update method has been called before calling eval method.")

    def __init__(self, ignore_label=None):
        super().__init__()
        self.ignore_label = (None if ignore_label is None else
                             validator.check_value_type("ignore_label", ignore_label, [int]))

    @rearrange_inputs
    def update(self, *inputs):
        pred, label = _inputs(self, inputs, 2, "For 'Perplexity.update', it needs 2 inputs (predicted value, label), "
                                               "but got {}.")
        if label.size != pred.size / pred.shape[-1]:
            raise RuntimeError("For 'Perplexity.update', predicted value (input[0]) and label (input[1]) should "
                               "have the same shape, but got predicted value shape {}, label shape {}."
                               .format(pred.shape, label.shape))
        label = label.reshape((label.size,))
        first_indices = np.arange(label.shape[0])[:, None]
        pred = np.squeeze(pred[first_indices, np.expand_dims(label.astype(int), axis=1)])
        num = 0
        if self.ignore_label is not None:
            ignore = (label == self.ignore_label).astype(pred.dtype)
            num -= np.sum(ignore)
            pred = pred * (1 - ignore) + ignore
        self._total -= np.float64(np.sum(np.log(np.maximum(1e-10, pred))))
        self._count += num + pred.size

    def _result(self, mean):
        return math.exp(mean)


class Dice(_Mean):
    """The mean over batches of the Dice coefficient ``2 |y_pred . y| / (|y_pred|^2 + |y|^2 + smooth)``, per
    sample of the batches."""
    _empty = _no_samples("Dice coefficient")

    def __init__(self, smooth=1e-5):
        super().__init__()
        self.smooth = validator.check_positive_float(smooth, "smooth")

    @rearrange_inputs
    def update(self, *inputs):
        y_pred, y = _two_inputs(self, inputs, "Dice", ".", onehot=False)
        self._count += y.shape[0]
        if y_pred.shape != y.shape:
            raise ValueError(f"For 'Dice.update', predicted value (input[0]) and true value (input[1]) "
                             f"should have same shape, but got predicted value shape: {y_pred.shape}, "
                             f"true value shape: {y.shape}.")
        p, t = y_pred.flatten(), y.flatten()
        self._total += 2 * float(np.dot(p, t)) / float(np.dot(p, p) + np.dot(t, t) + self.smooth)


class CosineSimilarity(Metric):
    """The matrix of similarities between the rows of the last input (``'cosine'`` or ``'dot'``), the diagonal
    zeroed (``zero_diagonal``) and reduced over the last axis by ``reduction``."""

    def __init__(self, similarity='cosine', reduction='none', zero_diagonal=True):
        super().__init__()
        validator.check_value_type("similarity", similarity, [str])
        self.similarity = validator.check_string(similarity, ['dot', 'cosine'], "similarity")
        validator.check_value_type("reduction", reduction, [str])
        self.reduction = validator.check_string(reduction, ['none', 'sum', 'mean'], "reduction")
        self.zero_diagonal = validator.check_value_type("zero_diagonal", zero_diagonal, [bool])
        self.clear()

    def clear(self):
        self.sqr_mtx_res = 0
        self._is_update = False

    @rearrange_inputs
    def update(self, inputs):
        input_data = self._convert_data(inputs)
        if self.similarity == 'cosine':
            input_data = input_data / np.expand_dims(np.linalg.norm(input_data, ord=2, axis=1), 1)
        self.sqr_mtx_res = np.dot(input_data, input_data.transpose(1, 0))
        self._is_update = True

    def eval(self):
        if not self._is_update:
            raise RuntimeError("Please call the 'update' method before calling 'eval' method.")
        if self.zero_diagonal:
            np.fill_diagonal(self.sqr_mtx_res, 0)
        if self.reduction == 'mean':
            self.sqr_mtx_res = np.mean(self.sqr_mtx_res, axis=-1)
        if self.reduction == 'sum':
            self.sqr_mtx_res = np.sum(self.sqr_mtx_res, axis=-1)
        return self.sqr_mtx_res


__all__ = ["MAE", "MSE", "Loss", "Perplexity", "Dice", "CosineSimilarity"]
