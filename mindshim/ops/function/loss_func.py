"""``mindspore.ops`` functional losses: each validates MindSpore's arguments and runs a table row.

Losses that are MindSpore primitives run their row (``BinaryCrossEntropy``, ...); those MindSpore builds from
several primitives run a composite row (no Primitive class) with the same values and gradients.
"""

from ... import _registry
from ..._registry import dispatch
from ..._table._checks import check_kl_reduction
from ...common import dtype as mstype
from ...common.tensor import Tensor
from .. import _views

_row = _registry.get
_REDUCTIONS = ["none", "mean", "sum"]

__all__ = ["binary_cross_entropy", "binary_cross_entropy_with_logits", "cross_entropy", "smooth_l1_loss",
           "kl_div", "mse_loss", "l1_loss", "huber_loss", "margin_ranking_loss", "cosine_embedding_loss"]


def check_is_tensor(name, value, op):
    """MindSpore's ``_check_is_tensor`` (``None`` passes); mindshim names the type plainly."""
    if value is not None and not isinstance(value, Tensor):
        raise TypeError(f"For '{op}', the '{name}' must be 'Tensor', but got '{type(value).__name__}'.")


def check_reduction(op, reduction, valid=None):
    """MindSpore's ``check_string`` on ``reduction``."""
    valid = valid or _REDUCTIONS
    if not isinstance(reduction, str) or reduction not in valid:
        raise ValueError(f"For '{op}', the 'reduction' must be str and must be in '{valid}', but got '{reduction}'.")


def _check_same_dtype(name1, x1, name2, x2, op):
    if x1.dtype != x2.dtype:
        raise TypeError(f"For {op}, the {name1} dtype should be equal to {name2} dtype, but got {name1} "
                        f"dtype:{x1.dtype}, {name2} dtype:{x2.dtype}.")


def _check_get_loss_reduction(op, reduction):
    if reduction not in _REDUCTIONS:
        raise ValueError(f"For '{op}', the 'reduction' must be in ['mean', 'sum', 'none'], but got {reduction}.")


def binary_cross_entropy(logits, labels, weight=None, reduction="mean"):
    """Binary cross entropy of probabilities ``logits`` against ``labels`` (``BinaryCrossEntropy``)."""
    inputs = (logits, labels) if weight is None else (logits, labels, weight)
    return dispatch(_row("BinaryCrossEntropy"), inputs, {"reduction": reduction})


def binary_cross_entropy_with_logits(input, target, weight=None, pos_weight=None, reduction="mean"):
    """Sigmoid then binary cross entropy, with optional ``weight`` and ``pos_weight`` (``BCEWithLogitsLoss``;
    an absent weight is a weight of ones)."""
    ones = None if weight is not None and pos_weight is not None else Tensor(1, input.dtype)
    inputs = (input, target, ones if weight is None else weight, ones if pos_weight is None else pos_weight)
    return dispatch(_row("BCEWithLogitsLoss"), inputs, {"reduction": reduction})


def _check_ce_args(op, input, target, weight, ignore_index, reduction, label_smoothing):
    for name, value in (("input", input), ("target", target), ("weight", weight)):
        check_is_tensor(name, value, op)
    if not isinstance(ignore_index, int) or isinstance(ignore_index, bool):
        raise TypeError(f"For '{op}', the 'ignore_index' must be 'int',  but got '{type(ignore_index).__name__}'.")
    if not isinstance(label_smoothing, float):
        raise TypeError(f"For '{op}', the 'label_smoothing' must be 'float',  but got "
                        f"'{type(label_smoothing).__name__}'.")
    if label_smoothing < 0:
        raise ValueError(f"For '{op}', the 'label_smoothing' must be in range of [0, inf), but got {label_smoothing} "
                         "with type 'float'.")
    check_reduction(op, reduction)


def cross_entropy(input, target, weight=None, ignore_index=-100, reduction="mean", label_smoothing=0.0):
    """Cross entropy of logits ``input`` (class axis 1, or 0 for 1-D) against class indices or, for Float16/Float32
    ``target``, class probabilities; ``weight`` per class, ``label_smoothing`` as MindSpore."""
    _check_ce_args("cross_entropy_loss", input, target, weight, ignore_index, reduction, label_smoothing)
    if input.dtype not in (mstype.float64, mstype.float32, mstype.float16):
        raise TypeError("For cross_entropy, the input dtype should be mstype.float64, mstype.float32 ormstype.float16, "
                        f"but got dtype:{input.dtype}.")
    return dispatch(_row("cross_entropy"), (input, target, weight),
                   {"ignore_index": ignore_index, "reduction": reduction, "label_smoothing": label_smoothing})


def smooth_l1_loss(input, target, beta=1.0, reduction="none"):
    """Smooth L1 (Huber-like) loss with threshold ``beta``; ``beta=0`` is the L1 loss, as in MindSpore."""
    if beta == 0.0:
        return l1_loss(input, target, reduction)
    return dispatch(_row("SmoothL1Loss"), (input, target), {"beta": beta, "reduction": reduction})


def kl_div(logits, labels, reduction="mean"):
    """KL divergence ``labels (log(labels) - logits)`` of log-probabilities ``logits``; 'mean' averages over
    every element, 'batchmean' over the first axis (``KLDivLoss``)."""
    check_kl_reduction("kl_div", reduction)
    if reduction == "mean":
        return dispatch(_row("KLDivLoss"), (logits, labels), {"reduction": "sum"}) / logits.size
    return dispatch(_row("KLDivLoss"), (logits, labels), {"reduction": reduction})


def mse_loss(input, target, reduction="mean"):
    """Mean squared error; integer inputs give Float32."""
    if not isinstance(input, Tensor):
        raise TypeError("For ops.mse_loss, the `input` must be tensor")
    if not isinstance(target, Tensor):
        raise TypeError("For ops.mse_loss, the `target` must be tensor")
    if reduction not in _REDUCTIONS:
        raise ValueError("For ops.mse_loss, `reduction` value should be either 'mean', 'none' or 'sum'.")
    return dispatch(_row("mse_loss"), (input, target), {"reduction": reduction})


def l1_loss(input, target, reduction="mean"):
    """Mean absolute error, reduced in Float32 and cast back to the inputs' dtype (integers stay integers)."""
    check_is_tensor("input", input, "l1_loss")
    check_is_tensor("target", target, "l1_loss")
    if reduction not in _REDUCTIONS:
        raise ValueError(f"For l1_loss, the 'reduction' must be in ['mean', 'sum', 'none'], but got {reduction}.")
    return dispatch(_row("l1_loss"), (input, target), {"reduction": reduction})


def huber_loss(input, target, reduction="mean", delta=1.0):
    """Huber loss with threshold ``delta`` (> 0)."""
    check_is_tensor("input", input, "huber_loss")
    check_is_tensor("target", target, "huber_loss")
    if not isinstance(delta, (int, float)) or isinstance(delta, bool):
        raise TypeError(f"For 'huber_loss', the type of 'delta' should be one of '['int', 'float']', but got type "
                        f"'{type(delta).__name__}'.")
    if not delta > 0:
        raise ValueError(f"For 'huber_loss', the argument 'delta' must > 0.0, but got {delta}.")
    _check_get_loss_reduction("huber_loss", reduction)
    return dispatch(_row("huber_loss"), (input, target), {"reduction": reduction, "delta": delta})


def margin_ranking_loss(input1, input2, target, margin=0.0, reduction="mean"):
    """``max(0, -target (input1 - input2) + margin)``; ``margin`` must be a float."""
    if not isinstance(margin, float):
        raise TypeError(f"For 'margin_ranking_loss', the type of 'margin' should be 'float', but got type "
                        f"'{type(margin).__name__}'.")
    for name, value in (("input1", input1), ("input2", input2), ("target", target)):
        check_is_tensor(name, value, "margin_ranking_loss")
    _check_same_dtype("input1", input1, "input2", input2, "margin_ranking_loss")
    _check_same_dtype("target", target, "input1", input1, "margin_ranking_loss")
    _check_get_loss_reduction("margin_ranking_loss", reduction)
    return dispatch(_row("margin_ranking_loss"), (input1, input2, target),
                   {"margin": margin, "reduction": reduction})


def cosine_embedding_loss(input1, input2, target, margin=0.0, reduction="mean"):
    """Cosine embedding loss of rows of ``input1``/``input2`` for ``target`` 1 (similar) or -1 (dissimilar)."""
    op = "ops.cosine_embedding_loss"
    for name, value in (("input1", input1), ("input2", input2), ("target", target)):
        check_is_tensor(name, value, op)
    _check_same_dtype("input1", input1, "input2", input2, op)
    expected = [d for i, d in enumerate(input1.shape) if i != 1]
    if list(target.shape) != expected:
        raise ValueError(f"For '{op}', the shape of parameter 'input1' reduce on 'axis': (1,) must be equal to the "
                         f"shape of 'target': {tuple(target.shape)}, but got {tuple(input1.shape)}.")
    margin = float(margin) if isinstance(margin, int) and not isinstance(margin, bool) else margin
    if not isinstance(margin, float):
        raise TypeError(f"For '{op}', the type of 'margin' should be 'float', but got type '{type(margin).__name__}'.")
    if margin > 1.0 or margin < -1.0:
        raise ValueError(f"For {op}, the value of 'margin' should be in [-1, 1],but got {margin}.")
    _check_get_loss_reduction("cosine_embedding_loss", reduction)
    return dispatch(_row("cosine_embedding_loss"), (input1, input2, target),
                   {"margin": margin, "reduction": reduction})


_VIEWS = _views.functionals("loss")  # gaussian_nll_loss, hinge_embedding_loss, ...: plain rows
globals().update(_VIEWS)
__all__ += sorted(_VIEWS)

