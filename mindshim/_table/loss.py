"""Loss rows of the op table, and the lowerings of MindSpore's composite loss functions.

Loss primitives follow the precision of MindSpore's CPU kernels: most compute Float16 in Float32 and round
once, BinaryCrossEntropy, SigmoidCrossEntropyWithLogits and KLDivLoss compute in the input dtype. Where MindSpore
gives an input no gradient (weights, and the labels of some losses) the lowering stops it; where its
gradient formula differs from the derivative of the forward (BinaryCrossEntropy's clamped denominator,
SigmoidCrossEntropyWithLogits, BCEWithLogitsLoss's target gradient through ``log(sigmoid)``) the row carries
MindSpore's ``bprop``.

The composite rows (``composite``) are not MindSpore primitives: they lower the functional losses that MindSpore
builds from several primitives (``ops.cross_entropy``, ``ops.nll_loss``, ...), so that one call is one row with
MindSpore's gradient. They run through ``dispatch`` like any row but get no Primitive class.
"""
import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

from .._registry import get, register
from ..common import dtype as mstype
from ..common._checks import check, gather_d_rule, gather_rule, ignoring
from ._checks import check_broadcast, check_kl_reduction, need_float, tname

_EPS = 1e-12
_REDUCTIONS = ("none", "mean", "sum")


def composite(name, attrs=(), check=None, **views):
    """A row for a functional loss that MindSpore builds from several primitives (no Primitive class)."""
    return register(name, attrs, check=check, primitive=False, **views)


def _ms(x):
    return mstype.to_mstype(x.dtype)


def _shape(x):
    return "[" + "".join(f"{d}," for d in x.shape) + "]"


def _const_vector(x):
    return "[const vector]{" + ", ".join(str(d) for d in x.shape) + "}"


def _compute_dtype(x):
    """Float32 for Float16/BFloat16 ``x``, else its dtype: where the kernels compute half-precision losses."""
    return jnp.float32 if x.dtype in (jnp.float16, jnp.bfloat16) else x.dtype


def _up(x, like):
    """``x`` (or None) in the compute dtype of ``like``."""
    return None if x is None else x.astype(_compute_dtype(like))


def _reduce(loss, reduction):
    if reduction == "mean":
        return jnp.mean(loss)
    if reduction == "sum":
        return jnp.sum(loss)
    return loss


def _reduced_dout(dout, reduction, shape):
    """``dout`` of a reduced loss spread back over the elements (``/ n`` for the mean)."""
    if reduction == "mean":
        dout = dout / int(np.prod(shape))
    return jnp.broadcast_to(dout, shape)


def _no_grads(inputs):
    """MindSpore's zero gradients for ``inputs`` (the optional weight inputs, which may be None)."""
    return tuple(None if a is None else jnp.zeros_like(a) for a in inputs)


def _check_enum(op, reduction, allowed=_REDUCTIONS):
    if not isinstance(reduction, str):
        raise TypeError(f"For '{op}', the input 'reduction' should be a str, but got {type(reduction)}.")
    if reduction not in allowed:
        raise ValueError(f"Failed to convert the value \"{reduction}\" of input 'reduction' of '{op}' to enum.")


def _broadcasts_to(op, name, w, x):
    if w is not None and np.broadcast_shapes(w.shape, x.shape) != x.shape:
        raise ValueError(f"For '{op}', the shape of '{name}' can not broadcast to the shape of 'input'.")


# ---- BinaryCrossEntropy ------------------------------------------------------------------------------------
def _check_bce(x, y, weight=None, reduction="mean"):
    _check_enum("BinaryCrossEntropy", reduction)
    if x.dtype not in (jnp.float16, jnp.float32, jnp.bfloat16):
        raise TypeError("For Primitive[BinaryCrossEntorpy], the type of the input must be [Float16, Float32, "
                        f"BFloat16], but got {_ms(x)}!")
    for name, other in (("target", y), ("weight", weight)):
        if other is not None and other.dtype != x.dtype:
            raise TypeError(f"For primitive[BinaryCrossEntorpy], the input and {name} should have same type, but "
                            f"got: {_ms(x)} and {_ms(other)}.")
    if y.shape != x.shape:
        raise ValueError(f"For primitive[BinaryCrossEntropy], the input_shape: {_shape(x)} must be equal to "
                         f"{_shape(y)}")
    _broadcasts_to("BinaryCrossEntropy", "weight", weight, x)


def _bce_bprop(inputs, out, dout, reduction="mean"):
    """MindSpore: dx = w (x - y) / max(x (1 - x), 1e-12); dy = w (log(1 - x) - log(x)); no gradient for w."""
    x, y = inputs[0], inputs[1]
    w = inputs[2] if len(inputs) > 2 and inputs[2] is not None else 1
    g = _reduced_dout(dout, reduction, x.shape)
    dx = w * (x - y) / jnp.maximum(x * (1 - x), _EPS) * g
    dy = w * (jnp.log(1 - x) - jnp.log(x)) * g
    return (dx, dy) + _no_grads(inputs[2:])


@register("BinaryCrossEntropy", attrs=(("reduction", "mean"),), check=_check_bce, bprop=_bce_bprop)
def _bce(x, y, weight=None, reduction="mean"):
    """``-w (y log(x) + (1 - y) log(1 - x))``, both logs clamped at ``log(1e-12)``, then ``reduction``."""
    loss = -(y * jnp.log(jnp.maximum(x, _EPS)) + (1 - y) * jnp.log(jnp.maximum(1 - x, _EPS)))
    if weight is not None:
        loss = loss * weight
    return _reduce(loss, reduction)


# ---- SigmoidCrossEntropyWithLogits ---------------------------------------------------------------------------
def _check_sigmoid_ce(x, y):
    need_float("SigmoidCrossEntropyWithLogits", "logits")(x)
    if x.dtype != y.dtype:
        raise TypeError("For primitive[SigmoidCrossEntropyWithLogits], the input type must be same.")
    if x.shape != y.shape:
        raise ValueError("For SigmoidCrossEntropyWithLogits, evaluator arg 'label' shape must be consistent with "
                         f"'logits' shape, but got 'label' shape: {tuple(y.shape)}, 'logits' shape: "
                         f"{tuple(x.shape)}.")


def _sigmoid_ce_bprop(inputs, out, dout):
    """MindSpore: d logits = (sigmoid(x) - y) dout; no gradient for the labels."""
    x, y = inputs
    dx = (jax.nn.sigmoid(x) - y) * dout
    return dx, jnp.zeros_like(y)


@register("SigmoidCrossEntropyWithLogits", check=_check_sigmoid_ce, bprop=_sigmoid_ce_bprop)
def _sigmoid_ce(x, y):
    """Element-wise ``log(1 + exp(-|x|)) - x (y - 1)`` for ``x >= 0``, ``log(1 + exp(-|x|)) - x y`` otherwise,
    in the input dtype with the CPU kernel's order of operations."""
    soft = jnp.log1p(jnp.exp(-jnp.abs(x)))
    return jnp.where(x >= 0, soft - x * (y - 1), soft - x * y)


# ---- NLLLoss ---------------------------------------------------------------------------------------------------
def _check_nll(x, t, w, reduction="mean", ignore_index=-100):
    _check_enum("NLLLoss", reduction)
    if t.dtype not in (jnp.int32, jnp.int64):
        raise TypeError(f"For primitive[NLLLoss], the input argument[target] must be a type of "
                        f"{{Tensor[Int32], Tensor[Int64]}}, but got {tname(t)}.")
    need_float("NLLLoss", "logits")(x)
    if x.ndim != 2:
        raise ValueError(f"For 'NLLLoss', the dimension of 'logits' should be 2, but got: {x.ndim}")
    if t.shape != x.shape[:1] or w.shape != x.shape[1:]:
        raise ValueError("For 'NLLLoss', logits_shape[0] should be equal to labels_shape[0], logits_shape[1] should "
                         "be equal to weight_shape[kIndex0], but got logits_shape: "
                         f"{_const_vector(x)}, labels_shape: {_const_vector(t)}, weight_shape: {_const_vector(w)}.")
    n = x.shape[1]

    def rule(xp, labels):  # MindSpore's kernel checks the label values
        return (labels != ignore_index) & ((labels < 0) | (labels >= n)), lambda got: ValueError(
            f"For 'NLLLoss', the label must in scope[0, C-1], but got{got}"), (labels,)
    check(t, rule)


def _gather_class(x, t, axis):
    """``x`` at the class index ``t`` (which has ``x``'s shape without ``axis``), along ``axis``."""
    return jnp.take_along_axis(x, jnp.expand_dims(t, axis).astype(jnp.int32), axis=axis).squeeze(axis)


def _check_ctc_v2(*inputs, reduction="none", **attrs):
    _check_ctc(*inputs, reduction=reduction, **attrs)
    if reduction != "none":
        raise ValueError(f"For 'CTCLossV2', the 'reduction' must be str and must be in '['none']', but got "
                         f"'{reduction}'.")


@register("CTCLossV2", attrs=(("blank", 0), ("reduction", "none"), ("zero_infinity", False)), check=_check_ctc_v2)
def _ctc_loss_v2(log_probs, targets, input_lengths, target_lengths, blank=0, reduction="none", zero_infinity=False):
    """``(neg_log_likelihood, log_alpha)`` of CTC: ``log_alpha`` ``(N, T, 2S + 1)`` the forward variables over the
    targets interleaved with blanks (``-inf`` beyond each target's and input's length), the likelihood read at each
    input's length (MindSpore takes only ``reduction="none"``)."""
    nll, log_alpha = _ctc_forward(log_probs, targets, input_lengths, target_lengths, blank)
    if zero_infinity:
        nll = jnp.where(jnp.isinf(nll), jnp.zeros((), nll.dtype), nll)
    return nll, log_alpha


def _ctc_forward(log_probs, targets, input_lengths, target_lengths, blank):
    """CTC's negative log-likelihood and forward variables (see ``CTCLossV2``) of ``(T, N, C)`` log-probabilities."""
    t_max, n = log_probs.shape[:2]
    s = targets.shape[1]
    ext = jnp.full((n, 2 * s + 1), blank, targets.dtype).at[:, 1::2].set(targets)
    valid = jnp.arange(2 * s + 1)[None, :] < (2 * target_lengths[:, None] + 1)
    skip = jnp.concatenate([jnp.zeros((n, 2), bool), (ext[:, 2:] != blank) & (ext[:, 2:] != ext[:, :-2])], 1)
    # Impossible states hold a large finite negative (-inf would make the gradient NaN); shown as -inf.
    low = jnp.asarray(jnp.finfo(log_probs.dtype).min / 4, log_probs.dtype)
    emit = jnp.take_along_axis(log_probs, jnp.broadcast_to(ext[None], (t_max,) + ext.shape).astype(jnp.int32), 2)
    first = jnp.where((jnp.arange(2 * s + 1)[None, :] < 2) & valid, emit[0], low)

    def step(alpha, e):
        prev1 = jnp.concatenate([jnp.full((n, 1), low), alpha[:, :-1]], 1)
        prev2 = jnp.where(skip, jnp.concatenate([jnp.full((n, 2), low), alpha[:, :-2]], 1), low)
        new = jnp.where(valid, jnp.logaddexp(jnp.logaddexp(alpha, prev1), prev2) + e, low)
        return new, new
    _, rest = jax.lax.scan(step, first, emit[1:])
    log_alpha = jnp.concatenate([first[None], rest], 0)  # (T, N, 2S + 1)
    last = log_alpha[input_lengths.astype(jnp.int32) - 1, jnp.arange(n)]
    end = 2 * target_lengths.astype(jnp.int32)
    nll = -jnp.logaddexp(jnp.take_along_axis(last, end[:, None], 1)[:, 0],
                         jnp.where(end > 0, jnp.take_along_axis(last, jnp.maximum(end - 1, 0)[:, None], 1)[:, 0], low))
    nll = jnp.where(nll > -low / 2, jnp.asarray(jnp.inf, nll.dtype), nll)
    reached = (log_alpha > low / 2) & (jnp.arange(t_max)[:, None, None] < input_lengths[None, :, None])
    log_alpha = jnp.where(reached, log_alpha, jnp.asarray(-jnp.inf, log_probs.dtype))
    return nll, jnp.swapaxes(log_alpha, 0, 1)


def _ctc_labels(idx, vals, n, blank, collapse):
    """Each batch entry's labels as MindSpore's CPU kernel reads them: in order, repeats collapsed with
    ``preprocess_collapse_repeated``, the blank (and any larger value) dropped."""
    out = []
    for b in range(n):
        labels, kept, dropped = vals[idx[:, 0] == b], [], False
        for i, v in enumerate(labels):
            if i and collapse and v == labels[i - 1]:
                continue
            if v >= blank:
                dropped = True
            elif dropped:
                raise RuntimeError(f"For 'CTCLoss', the value of labels_values[{i}] must be in the range of "
                                   f"[0, num_classes), but got {v}")
            else:
                kept.append(v)
        out.append(kept)
    return out


@register("CTCLoss", attrs=(("preprocess_collapse_repeated", False), ("ctc_merge_repeated", True),
                            ("ignore_longer_outputs_than_inputs", False)))
def _ctc_loss_row(x, labels_indices, labels_values, sequence_length, preprocess_collapse_repeated=False,
                  ctc_merge_repeated=True, ignore_longer_outputs_than_inputs=False):
    """``(loss, gradient)``: CTC's negative log-likelihood of the sparse labels under ``softmax(x)`` (``(T, N, C)``
    logits, the last class the blank, labels at or above it dropped) and its gradient with respect to ``x``, 0 past
    each sequence's length. As MindSpore's CPU kernel, an entry left with no labels gets
    ``-log(prod_{t < T-1} p_blank(t) * (1 + p_blank(T-1)))`` and the kernel's gradient of it (posterior 1 on the
    blank before the last frame, ``p / (1 + p)`` at it)."""
    if not ctc_merge_repeated:
        raise NotImplementedError("mindspore.ops.CTCLoss with ctc_merge_repeated=False is not supported by mindshim "
                                  "yet.")
    t_max, n, c = x.shape
    labels = _ctc_labels(np.asarray(labels_indices), np.asarray(labels_values), n, c - 1, preprocess_collapse_repeated)
    lengths = np.array([len(v) for v in labels], np.int32)
    dense = np.zeros((n, max(int(lengths.max(initial=0)), 1)), np.int32)
    for b, v in enumerate(labels):
        dense[b, :len(v)] = v

    def total(logits):
        nll, _ = _ctc_forward(jax.nn.log_softmax(logits, -1), jnp.asarray(dense), sequence_length,
                              jnp.asarray(lengths), c - 1)
        return jnp.sum(nll), nll
    grad, loss = jax.grad(total, has_aux=True)(x)
    probs = jax.nn.softmax(x, -1)
    t = jnp.arange(t_max)[:, None]
    last = (sequence_length.astype(jnp.int32) - 1)[None, :]
    blank = probs[..., -1]
    end = jnp.take_along_axis(blank, last, 0)[0]
    empty_loss = -(jnp.sum(jnp.where(t < last, jnp.log(blank), 0), 0) + jnp.log1p(end))
    posterior = jnp.where(t < last, 1, jnp.where(t == last, blank / (1 + blank), 0))
    empty_grad = jnp.where((t <= last)[..., None], probs, 0).at[..., -1].add(-posterior)
    empty = jnp.asarray(lengths == 0)
    return (jnp.where(empty, empty_loss.astype(x.dtype), loss),
            jnp.where(empty[None, :, None], empty_grad.astype(x.dtype), grad))


@register("NLLLoss", attrs=(("reduction", "mean"), ("ignore_index", -100)), check=_check_nll)
def _nll(x, t, w, reduction="mean", ignore_index=-100):
    """``(loss, total_weight)``: ``-w[t] x[t]`` per row (``ignore_index`` rows count 0), summed or divided by
    ``total_weight = sum(w[t])``. The weight gets no gradient, as in MindSpore."""
    xf, wf = _up(x, x), lax.stop_gradient(_up(w, x))
    valid = t != ignore_index
    idx = jnp.where(valid, t, 0)
    wt = jnp.where(valid, wf[idx], 0)
    loss = -wt * _gather_class(xf, idx, 1)
    total = jnp.sum(wt)
    if reduction == "sum":
        loss = jnp.sum(loss)
    elif reduction == "mean":
        loss = jnp.sum(loss) / total
    return loss.astype(x.dtype), total.astype(x.dtype)


# ---- MultiMarginLoss -------------------------------------------------------------------------------------------
def _check_multi_margin(x, t, w, p=1, margin=1.0, reduction="mean"):
    _check_enum("MultiMarginLoss", reduction)
    if t.dtype != jnp.int64:
        raise TypeError("For primitive[MultiMarginLoss], the input argument[target] must be a type of "
                        f"{{Tensor[Int64]}}, but got {tname(t)}.")
    if x.shape[0] != t.shape[0]:
        raise ValueError(f"For MultiMarginLoss x_shape[0] and target_shape[0] should be the same, while x_shape[0] "
                         f"is {x.shape[0]}, target_shape[0] is {t.shape[0]}")


@register("MultiMarginLoss", attrs=(("p", 1), ("margin", 1.0), ("reduction", "mean")), check=_check_multi_margin)
def _multi_margin(x, t, w, p=1, margin=1.0, reduction="mean"):
    """``sum_{j != t} w[t] max(0, margin - x[t] + x[j]) ** p / C`` per row of ``(N, C)`` ``x``."""
    xf, wf = _up(x, x), _up(w, x)
    target = _gather_class(xf, t, 1)[:, None]
    hinge = jnp.maximum(margin - target + xf, 0) ** p * wf[t][:, None]
    hinge = jnp.where(jnp.arange(x.shape[1])[None, :] == t[:, None], 0, hinge)
    return _reduce(jnp.sum(hinge, axis=1) / x.shape[1], reduction).astype(x.dtype)


# ---- CTCLossV2 -------------------------------------------------------------------------------------------------
def _check_ctc(log_probs, targets, input_lengths, target_lengths, blank=0, reduction="none", zero_infinity=False):
    if log_probs.ndim != 3:
        raise ValueError(f"For 'CTCLossV2', the dimension of 'log_probs' must be 3, but got {log_probs.ndim}.")
    if log_probs.dtype not in (jnp.float32, jnp.float64):
        raise TypeError("For primitive[CTCLossV2], the input argument[log_probs] must be a type of "
                        f"{{Tensor[Float32], Tensor[Float64]}}, but got {tname(log_probs)}.")
    if not 0 <= blank < log_probs.shape[2]:
        raise ValueError(f"For 'CTCLossV2', the 'blank' must be in [0, {log_probs.shape[2]}), but got {blank}.")


# ---- SmoothL1Loss ----------------------------------------------------------------------------------------------
def _check_smooth_l1(x, y, beta=1.0, reduction="none"):
    _check_enum("SmoothL1Loss", reduction)
    need_float("SmoothL1Loss", "prediction")(x)
    if beta < 0:
        raise ValueError(f"For 'SmoothL1Loss', the values for beta not support negative values, but got {beta:g}.")
    if beta == 0:
        raise ValueError(f"For 'SmoothL1Loss', the values for beta should greater than 0, but got {beta:g}.")
    if x.shape != y.shape:
        raise ValueError(f"For primitive[SmoothL1Loss], the prediction_shape: {_shape(x)} must be equal to "
                         f"{_shape(y)}")


@register("SmoothL1Loss", attrs=(("beta", 1.0), ("reduction", "none")), check=_check_smooth_l1)
def _smooth_l1(x, y, beta=1.0, reduction="none"):
    """``0.5 d^2 / beta`` where ``|d| < beta``, else ``|d| - 0.5 beta`` (``d = x - y``), then ``reduction``."""
    dtype = jnp.result_type(x, y)
    d = x.astype(_compute_dtype(x)) - y.astype(_compute_dtype(y))
    ad = jnp.abs(d)
    loss = jnp.where(ad < beta, 0.5 * d * d / beta, ad - 0.5 * beta)
    return _reduce(loss, reduction).astype(dtype)


# ---- BCEWithLogitsLoss -----------------------------------------------------------------------------------------
def _check_bce_logits(x, y, weight=None, pos_weight=None, reduction="mean"):
    _check_enum("BCEWithLogitsLoss", reduction)
    if x.dtype not in (jnp.float16, jnp.float32, jnp.bfloat16):
        raise TypeError("For primitive[BCEWithLogitsLoss], the input argument[input] must be a type of {BFloat16, "
                        f"Float16, Float32}}, but got {_ms(x)}.")
    if x.shape != y.shape:
        raise ValueError("For 'BCEWithLogitsLoss', two inputs 'input' and 'target' shape are not equal, 'input' "
                         f"shape: {_const_vector(x)}, 'target' shape: {_const_vector(y)}")
    _broadcasts_to("BCEWithLogitsLoss", "weight", weight, x)
    _broadcasts_to("BCEWithLogitsLoss", "pos_weight", pos_weight, x)


def _bce_logits_bprop(inputs, out, dout, reduction="mean"):
    """MindSpore: with ``t = pos_weight y``, dx = w ((t + 1 - y) sigmoid(x) - t), dy = w (log(1 - sigmoid(x)) -
    pos_weight log(sigmoid(x))); no gradient for the weights."""
    x, y = inputs[0], inputs[1]
    w = _up(inputs[2], x) if len(inputs) > 2 and inputs[2] is not None else 1
    pw = _up(inputs[3], x) if len(inputs) > 3 and inputs[3] is not None else 1
    xf, yf = _up(x, x), _up(y, x)
    g = _reduced_dout(_up(dout, x), reduction, x.shape)
    sig = jax.nn.sigmoid(xf)
    t = pw * yf
    dx = ((t + 1 - yf) * sig - t) * g * w
    dy = (jnp.log(1 - sig) - pw * jnp.log(sig)) * g * w
    return (dx.astype(x.dtype), dy.astype(y.dtype)) + _no_grads(inputs[2:])


@register("BCEWithLogitsLoss", attrs=(("reduction", "mean"),), check=_check_bce_logits, bprop=_bce_logits_bprop)
def _bce_logits(x, y, weight=None, pos_weight=None, reduction="mean"):
    """``w ((1 - y) x + (1 + (pos_weight - 1) y) log(1 + exp(-x)))``, then ``reduction``."""
    xf, yf = _up(x, x), _up(y, x)
    log_weight = 1 if pos_weight is None else 1 + (_up(pos_weight, x) - 1) * yf
    loss = (1 - yf) * xf + log_weight * jax.nn.softplus(-xf)
    if weight is not None:
        loss = loss * _up(weight, x)
    return _reduce(loss, reduction).astype(x.dtype)


# ---- KLDivLoss -------------------------------------------------------------------------------------------------


def _check_kl_div(x, y, reduction="mean"):
    check_kl_reduction("KLDivLoss", reduction)
    if x.dtype not in (jnp.float16, jnp.float32, jnp.float64):
        raise TypeError("For primitive[KLDivLoss], the input argument[x] must be a type of {Tensor[Float16], "
                        f"Tensor[Float32], Tensor[Float64]}}, but got {tname(x)}.")
    if x.dtype != y.dtype:
        raise TypeError("For primitive[KLDivLoss], the input type must be same.")
    if x.shape != y.shape:
        raise ValueError(f"For primitive[KLDivLoss], the x shape: {_shape(x)} must be equal to {_shape(y)}")


@register("KLDivLoss", attrs=(("reduction", "mean"),), check=_check_kl_div)
def _kl_div(x, y, reduction="mean"):
    """``y (log(y) - x)`` where ``y > 0``, else 0; 'batchmean' divides the sum by the batch size. The labels
    get no gradient, as in MindSpore."""
    y = lax.stop_gradient(y)
    pos = y > 0
    loss = jnp.where(pos, y * (jnp.log(jnp.where(pos, y, 1)) - x), 0)
    if reduction == "batchmean":
        return jnp.sum(loss) / x.shape[0]
    return _reduce(loss, reduction)


# ---- composite losses (MindSpore's functional forms built from several primitives) ----------------------------
def _get_loss(x, reduction, out_dtype=None):
    """MindSpore's ``_get_loss``: reduce in Float32, cast back to ``x``'s dtype (or ``out_dtype``)."""
    out = _reduce(x.astype(jnp.float32), reduction)
    return out.astype(x.dtype if out_dtype is None else out_dtype)


@composite("mse_loss", attrs=(("reduction", "mean"),),
           check=lambda x, y, reduction="mean": check_broadcast("mse_loss")(x, y))
def _mse_loss(x, y, reduction="mean"):
    """``(x - y)^2``, reduced in Float32; non-float results come back as Float32."""
    d = x - y
    sq = d * d
    return _get_loss(sq, reduction, sq.dtype if jnp.issubdtype(sq.dtype, jnp.floating) else jnp.float32)


@composite("l1_loss", attrs=(("reduction", "mean"),))
def _l1_loss(x, y, reduction="mean"):
    """``|x - y|``, reduced in Float32 and cast back to the inputs' dtype (integers stay integers)."""
    return _get_loss(jnp.abs(x - y), reduction)


@composite("huber_loss", attrs=(("reduction", "mean"), ("delta", 1.0)))
def _huber_loss(x, y, reduction="mean", delta=1.0):
    """``0.5 z^2`` where ``z = |x - y| < delta``, else ``delta (z - 0.5 delta)``."""
    z = jnp.abs(x - y)
    return _get_loss(jnp.where(z < delta, 0.5 * (z * z), delta * (z - 0.5 * delta)), reduction)


def _maximum0(x):
    """``max(x, 0)`` with MindSpore's gradient at the tie (all of it to ``x``)."""
    return jnp.where(x >= 0, x, jnp.zeros((), x.dtype))


@composite("margin_ranking_loss", attrs=(("margin", 0.0), ("reduction", "mean")))
def _margin_ranking_loss(x1, x2, target, margin=0.0, reduction="mean"):
    """``max(0, -target (x1 - x2) + margin)``."""
    return _get_loss(_maximum0(-target * (x1 - x2) + margin), reduction)


@composite("cosine_embedding_loss", attrs=(("margin", 0.0), ("reduction", "mean")))
def _cosine_embedding_loss(x1, x2, target, margin=0.0, reduction="mean"):
    """``1 - cos(x1, x2)`` where ``target == 1``, ``max(0, cos - margin)`` where ``target == -1``, else 0;
    the cosine is taken along axis 1."""
    if x1.dtype in (jnp.int32, jnp.int64):
        x1, x2 = x1.astype(jnp.float32), x2.astype(jnp.float32)
    cosine = jnp.sum(x1 * x2, axis=1) / (jnp.sqrt(jnp.sum(x1 * x1, axis=1)) * jnp.sqrt(jnp.sum(x2 * x2, axis=1)))
    zeros = jnp.zeros_like(cosine)
    pos = jnp.where(target == 1, 1.0 - cosine, zeros)
    neg = jnp.where(target == -1, _maximum0(cosine - margin), zeros)
    return _get_loss(pos + neg, reduction)


def _log_softmax(x, axis):
    """``x - logsumexp(x)`` along ``axis``, as MindSpore's ``cross_entropy`` computes it."""
    return x - jax.nn.logsumexp(x, axis=axis, keepdims=True)


def _class_weight(weight, x, axis):
    """The class weight reshaped to broadcast along the class axis of ``x``."""
    shape = [1] * x.ndim
    shape[axis] = weight.shape[0]
    return weight.reshape(shape)


def _nll_composite(x, target, weight, ignore_index, reduction, label_smoothing):
    """MindSpore's ``ops.nll_loss`` (class axis 1, or 0 for 1-D ``x``), with label smoothing."""
    axis = 0 if x.ndim == 1 else 1
    ignored = target == ignore_index
    target = jnp.where(ignored, jnp.zeros((), target.dtype), target)
    if weight is not None:
        loss_weights = weight[target]
        x = x * _class_weight(weight, x, axis)
    else:
        loss_weights = jnp.ones(target.shape, x.dtype)
    zero = jnp.zeros((), x.dtype)
    loss = jnp.where(ignored, zero, -_gather_class(x, target, axis))
    smooth = jnp.where(ignored, zero, -jnp.sum(x, axis=axis))
    loss_weights = jnp.where(ignored, jnp.zeros((), loss_weights.dtype), loss_weights)
    if reduction == "sum":
        loss, smooth = jnp.sum(loss), jnp.sum(smooth)
    elif reduction == "mean":
        total = jnp.sum(loss_weights)
        loss, smooth = jnp.sum(loss) / total, jnp.sum(smooth) / total
    return (1.0 - label_smoothing) * loss + (label_smoothing / x.shape[axis]) * smooth


_CE_ATTRS = (("ignore_index", -100), ("reduction", "mean"), ("label_smoothing", 0.0))


def _check_class_target(x, target, weight=None, ignore_index=-100, reduction="mean", label_smoothing=0.0):
    """The class indices' check of the kernels MindSpore's ``nll_loss`` runs (``ignore_index`` entries read
    class 0): Gather of the class weight, when there is one, then GatherD of ``x``."""
    if target.dtype.kind not in "iu":
        return
    n = x.shape[0 if x.ndim == 1 else 1]
    if weight is not None:
        check(target, ignoring(ignore_index, gather_rule(n)))
    check(target, ignoring(ignore_index, gather_d_rule(n)))


@composite("nll_loss", attrs=_CE_ATTRS, check=_check_class_target, functional=("nll_loss",),
           inputs=("inputs", "target", "weight", "ignore_index", "reduction", "label_smoothing"))
def _nll_loss(x, target, weight=None, ignore_index=-100, reduction="mean", label_smoothing=0.0):
    """Negative log-likelihood of class indices, as MindSpore's ``ops.nll_loss``."""
    return _nll_composite(x, target, weight, ignore_index, reduction, label_smoothing)


@composite("cross_entropy", attrs=_CE_ATTRS, check=_check_class_target)
def _cross_entropy(x, target, weight=None, ignore_index=-100, reduction="mean", label_smoothing=0.0):
    """MindSpore's ``ops.cross_entropy``: Float16/Float32 targets are class probabilities, others indices."""
    axis = 0 if x.ndim == 1 else 1
    logp = _log_softmax(x, axis)
    if target.dtype not in (jnp.float16, jnp.float32):
        return _nll_composite(logp, target, weight, ignore_index, reduction, label_smoothing)
    n_classes = x.shape[axis]
    if label_smoothing > 0.0:
        target = target * (1 - label_smoothing) + label_smoothing / n_classes
    weighted = logp * target
    if weight is not None:
        weighted = weighted * _class_weight(weight, x, axis)
    if reduction == "mean":
        return -jnp.sum(weighted) / (x.size / n_classes)
    if reduction == "sum":
        return -jnp.sum(weighted)
    return -jnp.sum(weighted, axis=axis)


def _gaussian_nll_loss(x, target, var, full=False, eps=1e-6, reduction="mean"):
    """``0.5 * (log(max(var, eps)) + (x - target)**2 / max(var, eps))`` (plus ``0.5 * log(2 pi)`` if ``full``)."""
    var = jnp.maximum(var, eps)
    loss = 0.5 * (jnp.log(var) + jnp.square(x - target) / var)
    if full:
        loss = loss + 0.5 * np.log(2 * np.pi)
    return _reduce(loss, reduction)


def _hinge_embedding_loss(inputs, targets, margin=1.0, reduction="mean"):
    """``x`` where the target is 1, ``max(0, margin - x)`` where it is -1."""
    loss = jnp.where(targets == 1, inputs, 0) + jnp.where(targets == -1, jnp.maximum(0, margin - inputs), 0)
    return _reduce(loss.astype(inputs.dtype), reduction)


def _multi_margin_loss(input, target, p=1, margin=1, weight=None, reduction="mean"):
    """Per sample, the mean over the other classes of ``max(0, margin - x[target] + x[i]) ** p`` (times the
    target class's weight)."""
    picked = jnp.take_along_axis(input, target[:, None], axis=1)
    loss = jnp.maximum(0, margin - picked + input) ** p
    if weight is not None:
        loss = loss * weight[target][:, None]
    loss = jnp.where(jax.nn.one_hot(target, input.shape[1], dtype=bool), 0, loss)
    return _reduce(jnp.sum(loss, axis=1) / input.shape[1], reduction)


def _multilabel_soft_margin_loss(input, target, weight=None, reduction="mean"):
    """The mean over classes of the binary cross-entropy of ``sigmoid(input)`` against ``target``."""
    loss = -(target * jax.nn.log_sigmoid(input) + (1 - target) * jax.nn.log_sigmoid(-input))
    if weight is not None:
        loss = loss * weight
    return _reduce(jnp.mean(loss, axis=-1), reduction)


_MORE_LOSSES = {  # name: (lowering, input names)
    "gaussian_nll_loss": (_gaussian_nll_loss, ("x", "target", "var", "full", "eps", "reduction")),
    "hinge_embedding_loss": (_hinge_embedding_loss, ("inputs", "targets", "margin", "reduction")),
    "multi_margin_loss": (_multi_margin_loss, ("input", "target", "p", "margin", "weight", "reduction")),
    "multilabel_soft_margin_loss": (_multilabel_soft_margin_loss, ("input", "target", "weight", "reduction")),
}
for _name, (_fn, _inputs) in _MORE_LOSSES.items():
    register(_name, functional=(_name,), inputs=_inputs, primitive=False)(_fn)


def _ctc_loss(log_probs, targets, input_lengths, target_lengths, blank=0, reduction="mean", zero_infinity=False):
    """``(loss, log_alpha)``: the CTCLossV2 row, its per-sample losses reduced (``'mean'``: each divided by its
    target length, then averaged)."""
    nll, log_alpha = get("CTCLossV2").bind(blank=blank, zero_infinity=zero_infinity)(
        log_probs, targets, input_lengths, target_lengths)
    if reduction == "mean":
        nll = jnp.mean(nll / jnp.maximum(target_lengths, 1).astype(nll.dtype))
    elif reduction == "sum":
        nll = jnp.sum(nll)
    return nll, log_alpha


register("ctc_loss", functional=("ctc_loss",), inputs=("log_probs", "targets", "input_lengths", "target_lengths",
                                                       "blank", "reduction", "zero_infinity"),
         primitive=False)(_ctc_loss)
