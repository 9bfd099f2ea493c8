"""Distances between the surfaces of a predicted and a true segmentation: ``HausdorffDistance``,
``MeanSurfaceDistance``, ``RootMeanSquareDistance`` (NumPy and ``scipy.ndimage``, on the host).

``update(y_pred, y, label_idx)`` takes two label maps of one shape; the voxels equal to ``label_idx`` (or the maps
themselves when boolean) are the two objects, and their surfaces are the voxels that binary erosion removes.
The distance of a surface voxel is to the nearest voxel of the other surface (``distance_metric``: "euclidean",
"chessboard" or "taxicab"); an empty surface gives ``inf``.
"""
import numpy as np
from scipy import ndimage

from ... import _checkparam as validator
from .metric import Metric, rearrange_inputs

_METRICS = ["euclidean", "chessboard", "taxicab"]


class _SurfaceDistance(Metric):
    _verb = "should"  # in the shape error's wording

    def __init__(self, distance_metric):
        super().__init__()
        distance_metric = validator.check_value_type("distance_metric", distance_metric, [str])
        self.distance_metric = validator.check_string(distance_metric, _METRICS, "distance_metric")

    def clear(self):
        self._y_pred_edges = self._y_edges = 0
        self._is_update = False

    def _objects(self, y_pred, y):
        """The two objects as they are compared (the Hausdorff distance crops them)."""
        return y_pred, y

    @rearrange_inputs
    def update(self, *inputs):
        """Take ``y_pred``, ``y`` (Tensors, lists or arrays of one shape) and ``label_idx`` (int or float)."""
        name = type(self).__name__
        if len(inputs) != 3:
            raise ValueError(f"For '{name}.update', it needs 3 inputs (predicted value, true value, label index), but "
                             f"got {len(inputs)}.")
        y_pred, y, label_idx = self._convert_data(inputs[0]), self._convert_data(inputs[1]), inputs[2]
        if not isinstance(label_idx, (int, float)):
            raise ValueError(f"For '{name}.update', the label index (input[2]) must be int or float, but got "
                             f"{type(label_idx)}.")
        if label_idx not in y_pred and label_idx not in y:
            raise ValueError(f"For '{name}.update', the label index (input[2]) must be in predicted value (input[0]) "
                             f"or true value (input[1]), but {label_idx} is not.")
        if y_pred.size == 0 or y_pred.shape != y.shape:
            raise ValueError(f"For '{name}.update', the size of predicted value (input[0]) and true value (input[1]) "
                             "must be greater than 0, in addition to that, predicted value and true value "
                             f"{self._verb} have the same shape, but got predicted value size: {y_pred.size}, "
                             f"shape: {y_pred.shape}, true value size: {y.size}, shape: {y.shape}.")
        y_pred, y = self._objects(y_pred if y_pred.dtype == bool else y_pred == label_idx,
                                  y if y.dtype == bool else y == label_idx)
        self._y_pred_edges = ndimage.binary_erosion(y_pred) ^ y_pred
        self._y_edges = ndimage.binary_erosion(y) ^ y
        self._is_update = True

    def _distances(self, edges, to_edges):
        """The distance of each voxel of ``edges`` to the nearest voxel of ``to_edges``."""
        if not np.any(edges):
            return np.array([])
        if not np.any(to_edges):
            return np.full(to_edges.shape, np.inf)[edges]
        if self.distance_metric == "euclidean":
            return ndimage.distance_transform_edt(~to_edges)[edges]
        return ndimage.distance_transform_cdt(~to_edges, metric=self.distance_metric)[edges]

    def _summary(self, y_pred_edges, y_edges):
        raise NotImplementedError

    def eval(self):
        if not self._is_update:
            raise RuntimeError("Please call the 'update' method before calling 'eval' method.")
        return self._summary(self._y_pred_edges, self._y_edges)


class HausdorffDistance(_SurfaceDistance):
    """The largest surface distance (or its ``percentile``), of the prediction to the truth when ``directed``, else
    the larger of both directions. ``crop``: the objects are first cropped to the box around both."""

    def __init__(self, distance_metric="euclidean", percentile=None, directed=False, crop=True):
        super().__init__(distance_metric)
        self.percentile = None if percentile is None else validator.check_value_type("percentile", percentile,
                                                                                      [float])
        self.directed = directed if directed is None else validator.check_value_type("directed", directed, [bool])
        self.crop = crop if crop is None else validator.check_value_type("crop", crop, [bool])
        self.clear()

    def _objects(self, y_pred, y):
        if not self.crop:
            return y_pred, y
        if not np.any(y_pred | y):
            return np.zeros_like(y_pred), np.zeros_like(y)
        box = tuple(slice(i.min(), i.max() + 1) for i in np.nonzero(y_pred | y))
        return np.squeeze(y_pred[box]), np.squeeze(y[box])

    def _directed(self, edges, to_edges):
        distances = self._distances(edges, to_edges)
        if distances.shape == (0,):
            return np.inf
        if not self.percentile:
            return distances.max()
        if 0 <= self.percentile <= 100:
            return np.percentile(distances, self.percentile)
        raise ValueError(f"For 'HausdorffDistance', the value of the argument 'percentile' must be [0, 100], but got "
                         f"{self.percentile}.")

    def _summary(self, y_pred_edges, y_edges):
        distance = self._directed(y_pred_edges, y_edges)
        return distance if self.directed else max(distance, self._directed(y_edges, y_pred_edges))


class _MeanOf(_SurfaceDistance):
    """A mean over the prediction's surface distances (``symmetric``: of both directions)."""

    def __init__(self, symmetric=False, distance_metric="euclidean"):
        super().__init__(distance_metric)
        self.symmetric = validator.check_value_type("symmetric", symmetric, [bool])
        self.clear()

    def _summary(self, y_pred_edges, y_edges):
        one = self._distances(y_pred_edges, y_edges)
        if one.shape == (0,):
            return np.inf
        if not self.symmetric:
            return self._mean(one)
        other = self._distances(y_edges, y_pred_edges)
        if other.shape == (0,):
            return np.inf
        return self._both(self._mean(one), self._mean(other))


class MeanSurfaceDistance(_MeanOf):
    """The mean surface distance of the prediction to the truth (``symmetric``: the mean of both directions')."""
    _verb = "must"

    @staticmethod
    def _mean(distances):
        return distances.mean()

    @staticmethod
    def _both(one, other):
        return np.mean((one, other))


class RootMeanSquareDistance(_MeanOf):
    """The root of the mean of both directions' mean squared surface distances (``symmetric``). With
    ``symmetric=False`` MindSpore 2.10 returns the prediction's mean squared distance without the root; so does
    mindshim."""

    @staticmethod
    def _mean(distances):
        return (distances ** 2).mean()

    @staticmethod
    def _both(one, other):
        return np.sqrt(np.mean((one, other)))
