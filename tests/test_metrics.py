"""Metrics beyond the goldens: MindSpore's result types under NumPy 2, custom metrics, the metrics of text,
segmentations and saliency (values recorded from MindSpore 2.10)."""
import numpy as np
import pytest

import mindshim as ms
from mindshim.train import metrics

RNG = np.random.RandomState(9)
PRED = RNG.rand(6, 3).astype(np.float32)
TRUE = RNG.rand(6, 3).astype(np.float32)


def test_sums_are_float64_as_under_numpy_1():
    """MindSpore runs on NumPy 1, where ``0 + np.float32(x)`` is float64; mindshim matches under NumPy 2."""
    mae = ms.train.MAE()
    mae.update(ms.Tensor(PRED), ms.Tensor(TRUE))
    mae.update(PRED, TRUE)
    expected = np.float64(np.abs(TRUE - PRED).sum()) * 2 / 12
    assert type(mae.eval()) is np.float64 and mae.eval() == expected
    loss = ms.train.Loss()
    for value in (np.float32(0.1), np.float32(0.2), np.float32(0.3)):
        loss.update(ms.Tensor(value))
    assert type(loss.eval()) is np.float64
    assert loss.eval() == (np.float64(np.float32(0.1)) + np.float64(np.float32(0.2)) + np.float64(np.float32(0.3))) / 3
    assert type(ms.train.Accuracy()(PRED, np.array([0, 1, 2, 0, 1, 2]))) is np.float64


def test_custom_metric_with_rearranged_inputs():
    class MyMAE(ms.train.Metric):
        def __init__(self):
            super().__init__()
            self.clear()

        def clear(self):
            self._abs_error_sum = 0
            self._samples_num = 0

        @ms.train.rearrange_inputs
        def update(self, *inputs):
            y_pred, y = inputs[0].asnumpy(), inputs[1].asnumpy()
            self._abs_error_sum += np.abs(y - y_pred).sum()
            self._samples_num += y.shape[0]

        def eval(self):
            return self._abs_error_sum / self._samples_num
    x = ms.Tensor(np.array([[0.1, 0.2, 0.6, 0.9], [0.1, 0.2, 0.6, 0.9]]), ms.float32)
    y = ms.Tensor(np.array([[0.1, 0.1, 0.1, 0.1], [0.1, 0.1, 0.1, 0.1]]), ms.float32)
    y2 = ms.Tensor(np.array([[0.1, 0.25, 0.7, 0.9], [0.1, 0.25, 0.7, 0.9]]), ms.float32)
    metric = MyMAE().set_indexes([0, 2])
    metric.update(x, y, y2)
    assert metric.eval() == pytest.approx(0.15) and metric.indexes == [0, 2]
    with pytest.raises(TypeError):
        ms.train.Metric()


def test_model_uses_metric_names():
    net = ms.nn.Dense(3, 3)
    model = ms.train.Model(net, ms.nn.SoftmaxCrossEntropyWithLogits(sparse=True),
                           metrics={"accuracy", "F1", "top_1_accuracy", "loss"})
    assert {k: type(v).__name__ for k, v in model._metric_fns.items()} == {
        "accuracy": "Accuracy", "F1": "F1", "top_1_accuracy": "Top1CategoricalAccuracy", "loss": "Loss"}


def test_nn_metrics_is_train_metrics():
    from mindshim.nn import metrics as nn_metrics
    assert nn_metrics.Accuracy is ms.train.Accuracy and nn_metrics.get_metrics is metrics.get_metrics


def test_confusion_matrix_normalize_without_warnings():
    cm = ms.train.ConfusionMatrix(3, normalize="target")
    cm.update(np.array([[0.9, 0.1, 0.0], [0.2, 0.7, 0.1]], np.float32), np.array([0, 1]))
    with np.errstate(all="raise"):
        np.testing.assert_array_equal(cm.eval(), [[1, 0, 0], [0, 1, 0], [0, 0, 0]])


# label maps and what MindSpore 2.10 returns for them (label 1)
_X = [[1, 0, 0, 1, 1, 0], [0, 1, 0, 1, 0, 2], [1, 2, 0, 2, 1, 2], [0, 0, 2, 0, 1, 2], [2, 0, 1, 1, 2, 0]]
_Y = [[2, 1, 1, 1, 1, 2], [1, 1, 0, 0, 1, 0], [0, 1, 2, 1, 0, 2], [2, 1, 1, 1, 0, 0], [1, 0, 2, 0, 0, 1]]


@pytest.mark.parametrize("make, expected", [
    (lambda: ms.train.HausdorffDistance(), 2.0),
    (lambda: ms.train.HausdorffDistance("chessboard", percentile=50.0, directed=True), 1.0),
    (lambda: ms.train.HausdorffDistance("taxicab", crop=False), 2),
    (lambda: ms.train.MeanSurfaceDistance(True, "taxicab"), 0.85),
    (lambda: ms.train.RootMeanSquareDistance(True), 0.9599107101332766),
    (lambda: ms.train.RootMeanSquareDistance(False, "chessboard"), 0.7),  # MindSpore's: no root when not symmetric
])
def test_surface_distances_match_mindspore(make, expected):
    metric = make()
    metric.update(ms.Tensor(np.array(_X)), _Y, 1)
    assert metric.eval() == pytest.approx(expected, rel=1e-12)
    with pytest.raises(ValueError, match="label index"):
        metric.update(np.array(_X), np.array(_Y), 7)


def test_bleu_score_matches_mindspore():
    candidates = [["i", "have", "a", "pen", "on", "my", "desk"], ["a", "b", "c"]]
    references = [[["i", "have", "a", "pen", "in", "my", "desk"], ["there", "is", "a", "pen", "on", "the", "desk"]],
                  [["a", "b", "c", "d", "e"], ["a", "b"]]]
    for kwargs, expected in (({}, 0.6179654585112234), ({"smooth": True}, 0.7098962112020106),
                             ({"n_gram": 2}, 0.9354143466934853)):
        metric = ms.train.get_metric_fn("bleu_score", **kwargs)
        metric.update(candidates, references)
        assert metric.eval() == pytest.approx(expected, rel=1e-12)
    with pytest.raises(ValueError, match="should range from 1 to 4"):
        ms.train.BleuScore(5)


def test_occlusion_sensitivity_matches_mindspore():
    w = np.array([[0.1, 0.8, 0.1, 0.1], [1, 1, 1, 1]], np.float32)
    net = ms.nn.Dense(4, 2, weight_init=ms.Tensor(w), bias_init=ms.Tensor(np.array([0.3, 0.6], np.float32)))
    for kwargs, expected in (({}, [0.29999995, 0.6, 1.0, 0.9]),
                             ({"margin": 1, "n_batch": 3}, [0.10000002, 0.29999995, 0.5, 0.7]),
                             ({"b_box": [1, 2], "pad_val": 1.0}, [-2.4, -3.0])):
        metric = ms.train.OcclusionSensitivity(**kwargs)
        metric.update(net, np.array([[0.1, 0.2, 0.3, 0.4]], np.float32), np.array(1))
        np.testing.assert_allclose(metric.eval(), expected, rtol=1e-5)


def test_confusion_matrix_metric_matches_mindspore():
    rng = np.random.RandomState(3)
    y_pred = (rng.rand(4, 3, 5) > 0.5).astype(np.float32)
    y = (rng.rand(4, 3, 5) > 0.4).astype(np.float32)
    for name, expected in (("tpr", [0.490566, 0.519444, 4.476042, 0.425, 0.427778, 2.733333]),
                           ("f1 score", [0.565217, 0.496473, 4.833862, 0.557377, 0.531746, 3.352381]),
                           ("mcc", [0.138231, 0.242097, 1.031845, 0.222375, 0.287457, 1.031845])):
        got = []
        for skip in (True, False):
            for method, decrease in ((False, "mean"), (True, "mean"), (True, "sum")):
                metric = ms.train.ConfusionMatrixMetric(skip, name, method, decrease)
                metric.update(y_pred, y)
                metric.update(y_pred[:2], y[:2])
                got.append(np.ravel(metric.eval())[0])
        np.testing.assert_allclose(got, expected, atol=2e-6)
