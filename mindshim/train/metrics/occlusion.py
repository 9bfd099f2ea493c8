"""``OcclusionSensitivity``: how much a classifier's score for the label drops when each part of the input is
covered."""
import numpy as np

from ... import _checkparam as validator
from ...common.tensor import Tensor
from ...nn.cell import Cell
from .metric import Metric, rearrange_inputs


class OcclusionSensitivity(Metric):
    """``update(model, x, label)``: for each position of ``x`` (one sample; within ``b_box``, ``[min0, max0, min1,
    max1, ...]`` with -1 for the end), ``x`` with the cube of ``margin`` around it set to ``pad_val`` is scored by
    ``model`` (``n_batch`` images per call); ``eval()`` gives the label's score on ``x`` minus each occluded score,
    in the shape of the positions."""

    def __init__(self, pad_val=0.0, margin=2, n_batch=128, b_box=None):
        super().__init__()
        self.pad_val = validator.check_value_type("pad_val", pad_val, [float])
        self.margin = validator.check_value_type("margin", margin, [int, list])
        self.n_batch = validator.check_value_type("n_batch", n_batch, [int])
        self.b_box = b_box if b_box is None else validator.check_value_type("b_box", b_box, [list])
        self.clear()

    def clear(self):
        self._baseline = 0
        self._sensitivity_im = 0
        self._is_update = False

    @rearrange_inputs
    def update(self, *inputs):
        if len(inputs) != 3:
            raise ValueError("For 'OcclusionSensitivity.update', it needs 3 inputs (classification model, predicted "
                             f"value, label), but got {len(inputs)}.")
        model = validator.check_value_type("model", inputs[0], [Cell])
        y_pred, label = self._convert_data(inputs[1]), self._convert_data(inputs[2])
        if y_pred.shape[0] > 1:
            raise RuntimeError("For 'OcclusionSensitivity.update', the shape at index 0 of the predicted value "
                               f"(input[1]) must be 1, but got {y_pred.shape[0]}.")
        if np.prod(label.shape) != y_pred.shape[0]:
            raise RuntimeError("For 'OcclusionSensitivity.update', the number of the label (input[2]) must be same "
                               f"as the batches, but got the label number {np.prod(label.shape)}, and batches "
                               f"{y_pred.shape[0]}.")
        label = int(label.reshape(-1)[0])
        image_shape = np.array(y_pred.shape[1:])
        low, high = _bounding_box(self.b_box, image_shape)
        self._baseline = model(Tensor(y_pred)).asnumpy()[0, label].item()
        out_shape = image_shape if low is None else high - low + 1
        images = []
        for i in range(int(np.prod(out_shape))):
            idx = np.unravel_index(i, out_shape)
            if low is not None:
                idx = idx + low
            image = y_pred.copy()
            image[(...,) + tuple(slice(max(0, k - self.margin), min(n, k + self.margin))
                                 for k, n in zip(idx, image_shape))] = self.pad_val
            images.append(image)
        scores = [model(Tensor(np.vstack(images[i:i + self.n_batch]))).asnumpy()[:, label]
                  for i in range(0, len(images), self.n_batch)]
        self._sensitivity_im = np.concatenate(scores).reshape(out_shape)
        self._is_update = True

    def eval(self):
        if not self._is_update:
            raise RuntimeError("Please call the 'update' method before calling 'eval' method.")
        return self._baseline - np.squeeze(self._sensitivity_im)


def _bounding_box(b_box, image_shape):
    """The box's lowest and highest positions (None, None without a box)."""
    if b_box is None:
        return None, None
    if len(b_box) != 2 * len(image_shape):
        raise ValueError("For 'OcclusionSensitivity', the bounding box must contain upper and lower for all "
                         "dimensions (except batch number), and the length of 'b_box' must be twice as long as "
                         f"predicted value's (except batch number), but got 'b_box' length {len(b_box)}, predicted "
                         f"value length (except batch number) {len(image_shape)}.")
    low, high = np.array(b_box[::2]), np.array(b_box[1::2])
    low[low < 0] = 0
    high[high < 0] = image_shape[high < 0] - 1
    if np.any(high >= image_shape):
        raise ValueError("For 'OcclusionSensitivity', maximum bounding box must be smaller than image size for all "
                         "values.")
    if np.any(low > high):
        raise ValueError("For 'OcclusionSensitivity', minimum bounding box must be smaller than maximum bounding box "
                         "for all values.")
    return low, high
