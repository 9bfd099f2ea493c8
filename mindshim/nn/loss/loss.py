"""Loss cells, as in ``mindspore.nn.loss``: each is a view of a functional loss or a loss primitive."""
__all__ = ["LossBase", "L1Loss", "MSELoss", "RMSELoss", "MAELoss", "MarginRankingLoss", "SmoothL1Loss", "HuberLoss",
           "SoftmaxCrossEntropyWithLogits", "BCELoss", "BCEWithLogitsLoss", "CosineEmbeddingLoss", "NLLLoss",
           "CrossEntropyLoss", "KLDivLoss", "DiceLoss", "MultiClassDiceLoss", "FocalLoss", "GaussianNLLLoss",
           "HingeEmbeddingLoss", "MultiLabelSoftMarginLoss", "MultiMarginLoss", "PoissonNLLLoss",
           "TripletMarginWithDistanceLoss", "CTCLoss"]
import math

from ... import _checkparam as validator
from ... import ops
from ...common import dtype as mstype
from ...common.parameter import Parameter
from ...common.tensor import Tensor
from ...ops.function.loss_func import check_is_tensor
from ..cell import Cell
from ..layer.activation import get_activation


class LossBase(Cell):
    """Base of losses: ``get_loss(x, weights=1.0)`` weights ``x`` and applies ``reduction`` ('mean', 'sum' or
    'none') in Float32, returning ``x``'s dtype."""

    def __init__(self, reduction="mean"):
        super().__init__()
        if reduction not in ("mean", "sum", "none"):
            raise ValueError(f"For '{self.cls_name}', the 'reduction' must be in ['mean', 'sum', 'none'], "
                             f"but got {reduction}.")
        self.average = reduction == "mean"
        self.reduce = reduction != "none"

    @property
    def cls_name(self):
        return type(self).__name__

    def get_axis(self, x):
        """All axes of ``x``, as a tuple."""
        return tuple(range(x.ndim))

    def get_loss(self, x, weights=1.0):
        input_dtype = x.dtype
        x = ops.cast(x, mstype.float32)
        weights = ops.cast(weights if isinstance(weights, Tensor) else Tensor(weights), mstype.float32)
        x = ops.mul(weights, x)
        if self.reduce and self.average:
            x = ops.mean(x, self.get_axis(x))
        if self.reduce and not self.average:
            x = ops.reduce_sum(x, self.get_axis(x))
        return ops.cast(x, input_dtype)

    def construct(self, logits, labels):
        raise NotImplementedError(f"For '{self.cls_name}', 'construct' must be defined.")


def _dtype_in(cls, name, dtype, valid):
    """MindSpore's ``check_type_name`` on a Tensor's dtype."""
    if dtype not in valid:
        expected = str(valid[0]) if len(valid) == 1 else \
            "one of [" + ", ".join(f"mindspore.{str(t).lower()}" for t in valid) + "]"
        raise TypeError(f"For '{cls}', the '{name}' should be {expected}, but got 'mindspore.{str(dtype).lower()}'.")


def _check_class_weight(cls, weight):
    if weight is not None:
        validator.check_value_type("weight", weight, Tensor, cls)
        _dtype_in(cls, "weight", weight.dtype, (mstype.float16, mstype.float32))


class L1Loss(LossBase):
    """Mean absolute error (``ops.l1_loss``)."""

    def __init__(self, reduction="mean"):
        super().__init__(reduction)
        self.reduction = reduction

    def construct(self, logits, labels):
        return ops.l1_loss(logits, labels, self.reduction)


class MSELoss(LossBase):
    """Mean squared error: ``get_loss((logits - labels)^2)``."""

    def construct(self, logits, labels):
        check_is_tensor("logits", logits, self.cls_name)
        check_is_tensor("labels", labels, self.cls_name)
        diff = logits - labels
        return self.get_loss(diff * diff)


class RMSELoss(LossBase):
    """Root mean squared error: ``sqrt(MSELoss()(logits, label))``; unsigned inputs are rejected."""

    def __init__(self):
        super().__init__()
        self.MSELoss = MSELoss()

    def construct(self, logits, label):
        for x in (logits, label):
            if x.dtype in (mstype.uint8, mstype.uint16, mstype.uint32, mstype.uint64):
                raise TypeError("For 'RMSELoss', the parameters data type must not be in [UInt8, UInt16, UInt32, "
                                f"UInt64], but got mindspore.{str(x.dtype).lower()}.")
        return self.MSELoss(logits, label) ** 0.5


class MAELoss(LossBase):
    """Mean absolute error: ``get_loss(|logits - label|)``."""

    def construct(self, logits, label):
        check_is_tensor("logits", logits, self.cls_name)
        check_is_tensor("labels", label, self.cls_name)
        return self.get_loss(abs(logits - label))


class MarginRankingLoss(LossBase):
    """``ops.margin_ranking_loss(input1, input2, target, margin, reduction)``."""

    def __init__(self, margin=0.0, reduction="mean"):
        super().__init__(reduction)
        self.reduction = reduction
        self.margin = margin

    def construct(self, input1, input2, target):
        return ops.margin_ranking_loss(input1, input2, target, self.margin, self.reduction)


class SmoothL1Loss(LossBase):
    """The ``SmoothL1Loss`` primitive with ``beta`` and ``reduction`` (default 'none')."""

    def __init__(self, beta=1.0, reduction="none"):
        super().__init__(reduction)
        self.beta = beta
        self.reduction = reduction
        self.smooth_l1_loss = ops.SmoothL1Loss(self.beta, self.reduction)

    def construct(self, logits, labels):
        return self.smooth_l1_loss(logits, labels)


class HuberLoss(LossBase):
    """``ops.huber_loss(logits, labels, reduction, delta)``."""

    def __init__(self, reduction="mean", delta=1.0):
        super().__init__(reduction=reduction)
        self.reduction = reduction
        self.delta = delta

    def construct(self, logits, labels):
        return ops.huber_loss(logits, labels, self.reduction, self.delta)


class SoftmaxCrossEntropyWithLogits(LossBase):
    """Softmax cross entropy between logits and (one-hot, or with ``sparse=True`` class-index) labels.

    Its gradient is MindSpore's: ``softmax(logits) - labels`` for the logits, zero for the labels.
    """

    def __init__(self, sparse=False, reduction="none"):
        super().__init__(reduction)
        if not isinstance(sparse, bool):
            raise TypeError(f"For 'SoftmaxCrossEntropyWithLogits', the type of 'sparse' must be bool, but got "
                            f"'{type(sparse)}'")
        self.sparse = sparse
        self.reduction = reduction
        self.softmax_cross_entropy = ops.SoftmaxCrossEntropyWithLogits()
        self.sparse_softmax_cross_entropy = ops.SparseSoftmaxCrossEntropyWithLogits()
        self.one_hot = ops.OneHot()
        self.on_value = Tensor(1.0, mstype.float32)
        self.off_value = Tensor(0.0, mstype.float32)

    def construct(self, logits, labels):
        check_is_tensor("logits", logits, self.cls_name)
        check_is_tensor("labels", labels, self.cls_name)
        if self.sparse:
            if self.reduction == "mean":
                return self.sparse_softmax_cross_entropy(logits, labels)
            labels = self.one_hot(labels, logits.shape[-1], self.on_value, self.off_value)
        x = self.softmax_cross_entropy(logits, labels)[0]
        return self.get_loss(x)


class BCELoss(LossBase):
    """``ops.binary_cross_entropy(logits, labels, weight, reduction)``."""

    def __init__(self, weight=None, reduction="mean"):
        super().__init__(reduction)
        self.reduction = reduction
        self.weight = weight

    def construct(self, logits, labels):
        return ops.binary_cross_entropy(logits, labels, self.weight, self.reduction)


class CosineEmbeddingLoss(LossBase):
    """Cosine embedding loss with ``margin`` (a float in [-1, 1]): ``1 - cos`` for label 1, ``max(0, cos -
    margin)`` for label -1, reduced by ``get_loss``."""

    def __init__(self, margin=0.0, reduction="mean"):
        super().__init__(reduction)
        validator.check_value_type("margin", margin, float, self.cls_name)
        self.margin = validator.check_float_range(margin, -1.0, 1.0, validator.INC_BOTH, "margin", self.cls_name)
        self.reduction = reduction

    def construct(self, logits_x1, logits_x2, labels):
        for name, value in (("logits_x1", logits_x1), ("logits_x2", logits_x2), ("labels", labels)):
            check_is_tensor(name, value, self.cls_name)
        if logits_x1.dtype != logits_x2.dtype:
            raise TypeError(f"For 'SameTypeShape', the x dtype should be = y dtype: {logits_x2.dtype}, but got "
                            f"{logits_x1.dtype}.")
        if logits_x1.shape != logits_x2.shape:
            raise ValueError(f"For 'SameTypeShape', the x shape should be = y shape: {tuple(logits_x2.shape)}, but got "
                             f"{tuple(logits_x1.shape)}.")
        return ops.cosine_embedding_loss(logits_x1, logits_x2, labels, self.margin, self.reduction)


class BCEWithLogitsLoss(LossBase):
    """``ops.binary_cross_entropy_with_logits(input, target, weight, pos_weight, reduction)``; the weights may
    not be Parameters."""

    def __init__(self, reduction="mean", weight=None, pos_weight=None):
        super().__init__()
        self.reduction = reduction
        for name, value in (("weight", weight), ("pos_weight", pos_weight)):
            if isinstance(value, Parameter):
                raise TypeError(f"For '{self.cls_name}', the '{name}' can not be a Parameter.")
        self.weight = weight
        self.pos_weight = pos_weight

    def construct(self, input, target):
        check_is_tensor("input", input, self.cls_name)
        check_is_tensor("target", target, self.cls_name)
        return ops.binary_cross_entropy_with_logits(input, target, self.weight, self.pos_weight, self.reduction)


class NLLLoss(LossBase):
    """``ops.nll_loss(logits, labels, weight, ignore_index, reduction)``."""

    def __init__(self, weight=None, ignore_index=-100, reduction="mean"):
        super().__init__(reduction)
        validator.check_value_type("ignore_index", ignore_index, int, self.cls_name)
        _check_class_weight(self.cls_name, weight)
        self.weight = weight
        self.ignore_index = ignore_index
        self.reduction = reduction

    def construct(self, logits, labels):
        return ops.nll_loss(logits, labels, self.weight, self.ignore_index, self.reduction)


class CrossEntropyLoss(LossBase):
    """``ops.cross_entropy`` with MindSpore's checks: Float16/Float32 logits; Int32 class indices of shape
    ``(N, d_0, ...)`` or probabilities of the logits' shape ``(N, C, d_0, ...)``."""

    def __init__(self, weight=None, ignore_index=-100, reduction="mean", label_smoothing=0.0):
        super().__init__(reduction)
        validator.check_value_type("ignore_index", ignore_index, int, self.cls_name)
        validator.check_value_type("label_smoothing", label_smoothing, float, self.cls_name)
        validator.check_float_range(label_smoothing, 0.0, 1.0, validator.INC_BOTH, "label_smoothing", self.cls_name)
        _check_class_weight(self.cls_name, weight)
        self.weight = weight
        self.ignore_index = ignore_index
        self.reduction = reduction
        self.label_smoothing = label_smoothing

    def _check_inputs(self, logits, labels):
        cls, floats = self.cls_name, (mstype.float16, mstype.float32)
        _dtype_in(cls, "logits", logits.dtype, floats)
        head = f"For '{cls}', the"
        if logits.ndim == labels.ndim:
            _dtype_in(cls, "labels", labels.dtype, floats)
            if logits.shape != labels.shape:
                raise ValueError(f"{head} shape of 'logits' should be (N, C, d_0, d_1, ...), and the shape of "
                                 "'labels' should be (N, C, d_0, d_1, ...), but get 'logits' shape: "
                                 f"{tuple(logits.shape)} and 'labels' shape: {tuple(labels.shape)}.")
        elif labels.ndim == logits.ndim - 1:
            _dtype_in(cls, "labels", labels.dtype, (mstype.int32,))
            if logits.ndim != 1 and (logits.shape[0],) + tuple(logits.shape[2:]) != tuple(labels.shape):
                raise ValueError(f"{head} shape of 'logits' should be (N, C, d_0, d_1, ...), and the shape of "
                                 "'labels' should be (N, d_0, d_1, ...), but get 'logits' shape: "
                                 f"{tuple(logits.shape)} and 'labels' shape: {tuple(labels.shape)}.")
        else:
            raise ValueError(f"{head} rank of 'logits' and 'labels' should be:\n1. 'logits.ndim == labels.ndim' for "
                             "probabilities, \n2. 'logits.ndim - 1 == labels.ndim' for class indices, \nbut get "
                             f"'logits' rank: {logits.ndim} and 'labels' rank: {labels.ndim}.")

    def construct(self, logits, labels):
        check_is_tensor("logits", logits, self.cls_name)
        check_is_tensor("labels", labels, self.cls_name)
        self._check_inputs(logits, labels)
        return ops.cross_entropy(logits, labels, self.weight, self.ignore_index, self.reduction, self.label_smoothing)


class KLDivLoss(LossBase):
    """``ops.kl_div(logits, labels, reduction)``; ``reduction`` may also be 'batchmean'."""

    def __init__(self, reduction="mean"):
        super().__init__()
        self.reduction = reduction

    def construct(self, logits, labels):
        check_is_tensor("logits", logits, self.cls_name)
        check_is_tensor("labels", labels, self.cls_name)
        return ops.kl_div(logits, labels, self.reduction)


def _same_shape(cls, logits, labels):
    if logits.shape != labels.shape:
        raise ValueError(f"For '{cls}', the 'logits_shape' should be = label_shape: {tuple(labels.shape)}, but got "
                         f"{tuple(logits.shape)}.")


class DiceLoss(LossBase):
    """``1 - 2 sum(x y) / (sum(x^2) + sum(y^2) + smooth)`` over all elements."""

    def __init__(self, smooth=1e-5):
        super().__init__()
        self.smooth = validator.check_positive_float(smooth, "smooth")

    def construct(self, logits, label):
        check_is_tensor("logits", logits, self.cls_name)
        check_is_tensor("labels", label, self.cls_name)
        _same_shape(self.cls_name, logits, label)
        for name, x in (("logits", logits), ("labels", label)):
            if x.dtype == mstype.uint8:
                raise TypeError(f"For '{self.cls_name}', the dtype of '{name}' can not be uint8.")
        x, y = logits.view(-1), label.view(-1)
        intersection = ops.reduce_sum(x * y)
        unionset = ops.reduce_sum(x * x) + ops.reduce_sum(y * y)
        return 1 - (2 * intersection) / (unionset + self.smooth)


class MultiClassDiceLoss(LossBase):
    """The mean over classes (axis 1, except ``ignore_indiex``) of DiceLoss after ``activation``, each times its
    ``weights`` entry."""

    def __init__(self, weights=None, ignore_indiex=None, activation="softmax"):
        super().__init__()
        activations = ["softmax", "logsoftmax", "relu", "relu6", "tanh", "sigmoid"]
        self.binarydiceloss = DiceLoss(smooth=1e-5)
        self.weights = weights if weights is None else validator.check_value_type("weights", weights, [Tensor])
        if isinstance(self.weights, Tensor) and self.weights.ndim != 2:
            raise ValueError(f"For '{self.cls_name}', the dimension of 'weights' must be 2, but got "
                             f"{self.weights.ndim}.")
        self.ignore_indiex = ignore_indiex if ignore_indiex is None else \
            validator.check_value_type("ignore_indiex", ignore_indiex, [int])
        if isinstance(activation, str) and activation not in activations:
            raise ValueError(f"For '{self.cls_name}', the 'activation' must be in {activations}, but got "
                             f"{activation}.")
        self.activation = get_activation(activation) if isinstance(activation, str) else activation
        if self.activation is not None and not isinstance(self.activation, Cell):
            raise TypeError(f"For '{self.cls_name}', the 'activation' must be str or Cell, but got "
                            f"{type(self.activation)}.")

    def construct(self, logits, label):
        check_is_tensor("logits", logits, self.cls_name)
        check_is_tensor("labels", label, self.cls_name)
        _same_shape(self.cls_name, logits, label)
        for name, x in (("logits", logits), ("labels", label)):
            if x.ndim < 2:
                raise ValueError(f"For '{self.cls_name}', the '{name}' dimension must be greater than 1, but got "
                                 f"{x.ndim}.")
        if self.activation is not None:
            logits = self.activation(logits)
        total_loss = 0
        for i in range(label.shape[1]):
            if i != self.ignore_indiex:
                dice_loss = self.binarydiceloss(logits[:, i], label[:, i])
                if self.weights is not None:
                    if self.weights.shape[0] != label.shape[1]:
                        raise ValueError(f"For '{self.cls_name}', the weight_shape[0] must be equal to "
                                         f"label_shape[1], but got weight_shape[0]: {self.weights.shape[0]} and "
                                         f"label_shape[1]: {label.shape[1]}.")
                    dice_loss = dice_loss * self.weights[i]
                total_loss += dice_loss
        return total_loss / label.shape[1]


class FocalLoss(LossBase):
    """``-weight (1 - p)^gamma log p`` of the softmax ``p`` over axis 1, for class-index labels (``labels.shape[1]
    == 1``) or one-hot labels; averaged over the classes, then ``get_loss``."""

    def __init__(self, weight=None, gamma=2.0, reduction="mean"):
        super().__init__(reduction=reduction)
        self.gamma = validator.check_value_type("gamma", gamma, [float])
        if weight is not None and not isinstance(weight, Tensor):
            raise TypeError(f"For '{self.cls_name}', the type of 'weight' must be a Tensor, but got "
                            f"{type(weight).__name__}.")
        if isinstance(weight, Tensor) and weight.ndim != 1:
            raise ValueError(f"For '{self.cls_name}', the dimension of 'weight' must be 1, but got {weight.ndim}.")
        self.weight = weight
        self.gather_d = ops.GatherD()

    def _check(self, logits, labels):
        head = f"For '{self.cls_name}', the"
        for name, x in (("logits", logits), ("labels", labels)):
            if not 2 <= x.ndim <= 4:
                raise ValueError(f"{head} dimensions of '{name}' must be in [2, 4], but got dimension of '{name}' "
                                 f"{x.ndim}.")
        if logits.ndim != labels.ndim:
            raise ValueError(f"{head} dimensions of 'logits' and 'labels' must be equal, but got dimension of "
                             f"'logits' {logits.ndim} and dimension of 'labels' {labels.ndim}.")
        if logits.shape[1] == 1:
            raise ValueError(f"{head} 'logits'.shape[1] cannot be one, but got {logits.shape[1]}.")
        if labels.shape[1] not in (1, logits.shape[1]):
            raise ValueError(f"{head} 'labels'.shape[1] must be one or equal to 'logits'.shape[1]: "
                             f"{logits.shape[1]}, but got {labels.shape[1]}.")
        _dtype_in(self.cls_name, "labels", labels.dtype,
                  (mstype.int32, mstype.int64, mstype.float16, mstype.float32))

    def construct(self, logits, labels):
        check_is_tensor("logits", logits, self.cls_name)
        check_is_tensor("labels", labels, self.cls_name)
        self._check(logits, labels)
        index = labels.shape[1] == 1
        if logits.ndim > 2:
            logits = logits.view(logits.shape[0], logits.shape[1], -1)
            labelss = labels.view(labels.shape[0], labels.shape[1], -1)
        else:
            logits, labelss = logits.expand_dims(2), labels.expand_dims(2)
        log_probability = ops.log_softmax(logits, 1)
        if index:
            log_probability = self.gather_d(log_probability, 1, labelss.astype(mstype.int32)).squeeze(1)
        probability = ops.exp(log_probability)
        if self.weight is not None:
            weight = ops.tile(self.weight[None, :, None], (labelss.shape[0], 1, labelss.shape[2]))
            if index:
                weight = self.gather_d(weight, 1, labelss.astype(mstype.int32)).squeeze(1)
            log_probability = log_probability * weight
        modulator = (1.0 - probability) ** self.gamma
        if index:
            loss = (-1 * modulator * log_probability).mean(axis=1)
        else:
            loss = (-1 * modulator * labelss * log_probability).mean(axis=-1)
        return self.get_loss(loss)


class GaussianNLLLoss(LossBase):
    """``ops.gaussian_nll_loss``: the negative log-likelihood of ``labels`` under ``N(logits, var)``."""

    def __init__(self, *, full=False, eps=1e-6, reduction="mean"):
        super().__init__()
        validator.check_float_range(eps, 0, float("inf"), validator.INC_NEITHER, "eps", self.cls_name)
        validator.check_value_type("full", full, [bool], self.cls_name)
        validator.check_string(reduction, ["none", "mean", "sum"], "reduction", "gaussian_nll_loss")
        self.full = full
        self.eps = eps
        self.reduction = reduction

    def construct(self, logits, labels, var):
        for name, x in (("logits", logits), ("labels", labels), ("var", var)):
            check_is_tensor(name, x, self.cls_name)
        return ops.gaussian_nll_loss(logits, labels, var, self.full, self.eps, self.reduction)


class HingeEmbeddingLoss(LossBase):
    """``ops.hinge_embedding_loss``."""

    def __init__(self, margin=1.0, reduction="mean"):
        super().__init__()
        validator.check_value_type("margin", margin, [float, int], self.cls_name)
        validator.check_string(reduction, ["none", "sum", "mean"], "reduction", self.cls_name)
        self.margin = margin
        self.reduction = reduction

    def construct(self, logits, labels):
        return ops.hinge_embedding_loss(logits, labels, self.margin, self.reduction)


class MultiLabelSoftMarginLoss(LossBase):
    """``ops.multilabel_soft_margin_loss``."""

    def __init__(self, weight=None, reduction="mean"):
        super().__init__(reduction)
        self.weight = weight
        self.reduction = reduction

    def construct(self, x, target):
        return ops.multilabel_soft_margin_loss(x, target, self.weight, self.reduction)


class MultiMarginLoss(LossBase):
    """Multi-class hinge loss (the MultiMarginLoss primitive); ``weight`` defaults to ones."""

    def __init__(self, p=1, margin=1.0, reduction="mean", weight=None):
        super().__init__()
        self.multi_margin_loss = ops.MultiMarginLoss(p=p, margin=margin, reduction=reduction)
        self.weight = weight

    def construct(self, x, target, weight=None):
        check_is_tensor("x", x, self.cls_name)
        check_is_tensor("target", target, self.cls_name)
        weight = self.weight if self.weight is not None else weight
        if weight is None:
            weight = ops.fill(x.dtype, x.shape[1:], 1)
        check_is_tensor("weight", weight, self.cls_name)
        return self.multi_margin_loss(x, target, weight)


class PoissonNLLLoss(LossBase):
    """``exp(x) - target x`` (``log_input``) or ``x - target log(x + eps)``, plus Stirling's term with ``full``."""

    def __init__(self, log_input=True, full=False, eps=1e-08, reduction="mean"):
        super().__init__(reduction=reduction)
        self.log_input = log_input
        self.full = full
        self.eps = eps

    def construct(self, input, target):
        check_is_tensor("input", input, self.cls_name)
        check_is_tensor("target", target, self.cls_name)
        target = target.astype(input.dtype)
        if self.log_input:
            loss = ops.exp(input) - target * input
        else:
            loss = input - target * ops.log(input + self.eps)
        if self.full:
            target = ops.maximum(target, Tensor(self.eps, target.dtype))
            stirling = (target > 1) * ((target + 0.5) * ops.log(target) - target + 0.5 * math.log(2 * math.pi))
            loss += ops.masked_fill(stirling, target <= 1, ops.cast(0, stirling.dtype))
        return self.get_loss(loss)


def _pairwise_distance(x, y):
    d = ops.abs(x - y)
    if d.ndim == 0:
        raise ValueError("For 'pairwise_distance' in 'TripletMarginWithDistanceLoss', 'ndim' of the input must be "
                         f"positive, but got {d.ndim}")
    return ops.LpNorm(axis=1, p=2)(d)


class TripletMarginWithDistanceLoss(LossBase):
    """``max(d(x, positive) - d(x, negative) + margin, 0)`` with ``distance_function`` (default: the L2 distance
    along axis 1); ``swap`` uses the smaller of the two negative distances."""

    def __init__(self, distance_function=None, swap=False, reduction="mean", margin=1.0):
        super().__init__(reduction=reduction)
        validator.check_is_float(margin, "margin", self.cls_name)
        validator.check_bool(swap, "swap", self.cls_name)
        self.distance_function = _pairwise_distance if distance_function is None else distance_function
        self.swap = swap
        self.reduction = reduction
        self.margin = margin

    def construct(self, x, positive, negative):
        for name, value in (("x", x), ("positive", positive), ("negative", negative)):
            check_is_tensor(name, value, self.cls_name)
        d1 = self.distance_function(x, positive)
        d2 = self.distance_function(x, negative)
        if self.swap:
            d2 = ops.minimum(d2, self.distance_function(positive, negative))
        return self.get_loss(ops.maximum(d1 - d2 + self.margin, Tensor(0, d1.dtype)))


class CTCLoss(LossBase):
    """``ops.ctc_loss`` of ``log_probs`` ``(T, N, C)``, or unbatched ``(T, C)`` with 1-D ``targets``."""

    def __init__(self, blank=0, reduction="mean", zero_infinity=False):
        super().__init__()
        self.blank = blank
        self.reduction = reduction
        self.zero_infinity = zero_infinity

    def construct(self, log_probs, targets, input_lengths, target_lengths):
        check_is_tensor("log_probs", log_probs, self.cls_name)
        check_is_tensor("targets", targets, self.cls_name)
        if log_probs.ndim == 2:
            if targets.ndim > 1:
                raise ValueError(f"For 'CTCLoss', when the shape of log_probs is (T, C), the dimension of targets "
                                 f"should be equal to 1, but got {targets.ndim}.")
            loss, _ = ops.ctc_loss(log_probs.expand_dims(-2), targets.expand_dims(0), input_lengths, target_lengths,
                                   self.blank, self.reduction, self.zero_infinity)
            return loss.squeeze(0)
        return ops.ctc_loss(log_probs, targets, input_lengths, target_lengths, self.blank, self.reduction,
                            self.zero_infinity)[0]
