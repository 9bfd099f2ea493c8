"""``mindspore.nn.metrics``: the metrics of :mod:`mindshim.train.metrics`, under their 1.x home."""
from ..train.metrics import (F1, MAE, MSE, ROC, Accuracy, BleuScore, ConfusionMatrix, ConfusionMatrixMetric,
                             CosineSimilarity, Dice, Fbeta, HausdorffDistance, Loss, MeanSurfaceDistance, Metric,
                             OcclusionSensitivity, Perplexity, Precision, Recall, RootMeanSquareDistance,
                             Top1CategoricalAccuracy, Top5CategoricalAccuracy, TopKCategoricalAccuracy, auc,
                             get_metric_fn, get_metrics, names, rearrange_inputs)

__all__ = [
    "names", "get_metric_fn", "get_metrics", "Accuracy", "MAE", "MSE", "Metric", "rearrange_inputs", "Precision",
    "HausdorffDistance", "Recall", "Fbeta", "BleuScore", "CosineSimilarity", "OcclusionSensitivity", "F1", "Dice",
    "ROC", "auc", "TopKCategoricalAccuracy", "Top1CategoricalAccuracy", "Top5CategoricalAccuracy", "Loss",
    "MeanSurfaceDistance", "RootMeanSquareDistance", "Perplexity", "ConfusionMatrix", "ConfusionMatrixMetric",
]
