"""Golden cases for losses: loss primitives, functional losses and loss Cells (values, dtypes, gradients, errors)."""
import numpy as np

from ._helpers import deviates

RNG = np.random.RandomState(7)
PROB = RNG.uniform(0.05, 0.95, (3, 4)).astype(np.float32)       # probabilities for BCE
TGT = RNG.uniform(0.0, 1.0, (3, 4)).astype(np.float32)          # soft targets in [0, 1]
WGT = RNG.uniform(0.5, 2.0, (3, 4)).astype(np.float32)          # element weights
POSW = RNG.uniform(0.5, 2.0, (4,)).astype(np.float32)           # per-class positive weights
X34 = RNG.randn(3, 4).astype(np.float32)                        # logits / predictions
Y34 = RNG.randn(3, 4).astype(np.float32)                        # regression targets
CLS = np.array([2, 0, 3], np.int32)                              # class indices for (3, 4) logits
CW = RNG.uniform(0.5, 2.0, (4,)).astype(np.float32)             # class weights
LOGP = np.log(RNG.dirichlet(np.ones(4), 3)).astype(np.float32)  # log-probabilities for KL
SOFT = RNG.dirichlet(np.ones(4), 3).astype(np.float32)          # probability targets
X4D = RNG.randn(2, 3, 2, 2).astype(np.float32)                  # (N, C, H, W)
CLS3D = np.array([[[0, 2], [1, 1]], [[2, 0], [0, 1]]], np.int32)
X3D = RNG.randn(2, 3, 4).astype(np.float32)                     # (N, C, L)
CLS2D = np.array([[0, 2, 1, 1], [2, 2, 0, 1]], np.int32)
A25 = RNG.randn(2, 5).astype(np.float32)
B25 = RNG.randn(2, 5).astype(np.float32)
PM1 = np.array([1, -1], np.int32)
SOFT3D = np.transpose(RNG.dirichlet(np.ones(3), (2, 4)), (0, 2, 1)).astype(np.float32)  # (N, C, L) targets
W44 = RNG.randn(4, 4).astype(np.float32)
SIGN = np.array([[1, -1, 1, -1], [-1, 1, 1, 1], [1, 1, -1, -1]], np.float32)
REDUCTIONS = ("none", "mean", "sum")


def _t(ms, a, dtype=None):
    return ms.Tensor(a) if dtype is None else ms.Tensor(a, dtype)


def _fn_cell(ms, fn):
    class Fn(ms.nn.Cell):
        def construct(self, *xs):
            return fn(*xs)
    return Fn()


def _value_and_grads(ms, net, *inputs):
    """The network's value and MindSpore's gradients with respect to all its inputs."""
    return [net(*inputs), ms.ops.GradOperation(get_all=True)(net)(*inputs)]


def _all_reductions(loss, reductions=REDUCTIONS):
    """``loss(reduction)(*inputs)`` for every reduction, combined with weights 1, 2, 3, ... into one scalar: one
    compiled gradient checks every reduction's gradient (a wrong one changes the sum)."""
    def fn(*inputs):
        total = None
        for k, r in enumerate(reductions, 1):
            out = loss(r)(*inputs)
            out = (out[0] if isinstance(out, tuple) else out).sum() * float(k)
            total = out if total is None else total + out
        return total
    return fn


# ---- BinaryCrossEntropy ----------------------------------------------------------------------------------
def case_ctc_loss_prim(ms):
    """MindSpore's CPU CTCLoss: labels at or above the blank are dropped (an entry left with none gets the kernel's
    own likelihood and gradient), frames past ``sequence_length`` get no gradient, repeats collapse with
    ``preprocess_collapse_repeated``."""
    rng = np.random.RandomState(5)
    x = ms.Tensor(rng.randn(5, 4, 4).astype(np.float32))
    idx = ms.Tensor(np.array([[0, 0], [0, 1], [0, 2], [1, 0], [2, 0], [2, 1], [3, 0], [3, 1]]), ms.int64)
    vals = ms.Tensor(np.array([1, 1, 0, 3, 2, 3, 0, 2], np.int32))
    seq = ms.Tensor(np.array([5, 3, 4, 2], np.int32))
    return [ms.ops.CTCLoss()(x, idx, vals, seq), ms.ops.CTCLoss(preprocess_collapse_repeated=True)(x, idx, vals, seq)]


def case_bce_prim(ms):
    p, y, w = _t(ms, PROB), _t(ms, TGT), _t(ms, WGT)
    return [ms.ops.BinaryCrossEntropy(r)(p, y, w) for r in REDUCTIONS] + \
        [ms.ops.BinaryCrossEntropy(r)(p, y) for r in REDUCTIONS]


def case_bce_prim_grad(ms):
    net = _fn_cell(ms, _all_reductions(lambda r: ms.ops.BinaryCrossEntropy(r)))
    return _value_and_grads(ms, net, _t(ms, PROB), _t(ms, TGT), _t(ms, WGT))


def case_bce_prim_grad_no_weight(ms):
    net = _fn_cell(ms, lambda a, b: ms.ops.BinaryCrossEntropy("sum")(a, b))
    return _value_and_grads(ms, net, _t(ms, PROB), _t(ms, TGT))


def case_bce_prim_edges(ms):
    """Probabilities at 0 and 1: MindSpore clamps the logs and the gradient's denominator at 1e-12."""
    p = _t(ms, np.array([0.0, 1.0, 0.0, 1.0, 0.5], np.float32))
    y = _t(ms, np.array([0.0, 1.0, 0.3, 0.6, 1.0], np.float32))
    w = _t(ms, np.array([1.0, 2.0, 0.5, 1.0, 1.0], np.float32))
    net = _fn_cell(ms, lambda a, b, c: ms.ops.BinaryCrossEntropy("none")(a, b, c))
    return _value_and_grads(ms, net, p, y, w)


def case_bce_prim_float16(ms):
    p, y, w = _t(ms, PROB, ms.float16), _t(ms, TGT, ms.float16), _t(ms, WGT, ms.float16)
    return [ms.ops.BinaryCrossEntropy("none")(p, y, w), ms.ops.BinaryCrossEntropy()(p, y)]


def case_err_bce_float64(ms):
    return ms.ops.BinaryCrossEntropy()(_t(ms, PROB, ms.float64), _t(ms, TGT, ms.float64))


def case_err_bce_shape(ms):
    return ms.ops.BinaryCrossEntropy()(_t(ms, PROB), _t(ms, TGT[:, :3].copy()))


def case_err_bce_int(ms):
    return ms.ops.BinaryCrossEntropy()(_t(ms, np.ones((2, 2), np.int32)), _t(ms, np.ones((2, 2), np.int32)))


def case_err_bce_dtype_mismatch(ms):
    return ms.ops.BinaryCrossEntropy()(_t(ms, PROB), _t(ms, TGT, ms.float16))


def case_err_bce_reduction(ms):
    return ms.ops.BinaryCrossEntropy("avg")(_t(ms, PROB), _t(ms, TGT))


# ---- SigmoidCrossEntropyWithLogits ---------------------------------------------------------------------------
def case_sigmoid_ce_prim(ms):
    net = _fn_cell(ms, lambda a, b: ms.ops.SigmoidCrossEntropyWithLogits()(a, b))
    return _value_and_grads(ms, net, _t(ms, X34 * 4), _t(ms, TGT))


def case_err_sigmoid_ce_shape(ms):
    return ms.ops.SigmoidCrossEntropyWithLogits()(_t(ms, X34), _t(ms, TGT[:2].copy()))


# ---- NLLLoss -----------------------------------------------------------------------------------------------
def case_nll_prim(ms):
    x, t, w = _t(ms, LOGP), _t(ms, CLS), _t(ms, CW)
    out = []
    for r in REDUCTIONS:
        out += list(ms.ops.NLLLoss(r)(x, t, w))
        out += list(ms.ops.NLLLoss(r, ignore_index=0)(x, t, w))
    return out


def case_nll_prim_grad(ms):
    net = _fn_cell(ms, _all_reductions(lambda r: ms.ops.NLLLoss(r, ignore_index=3)))
    return _value_and_grads(ms, net, _t(ms, LOGP), _t(ms, CLS), _t(ms, CW))


def case_nll_prim_dtypes(ms):
    t64 = _t(ms, CLS.astype(np.int64))
    return list(ms.ops.NLLLoss()(_t(ms, LOGP, ms.float16), t64, _t(ms, CW, ms.float16))) + \
        list(ms.ops.NLLLoss("sum")(_t(ms, LOGP, ms.float64), t64, _t(ms, CW, ms.float64)))


def case_nll_prim_all_ignored(ms):
    return list(ms.ops.NLLLoss("mean", ignore_index=1)(_t(ms, LOGP), _t(ms, np.ones(3, np.int32)), _t(ms, CW)))


@deviates(
    "2.10 names its CPU kernel selection; mindshim names the argument and the types it takes",
    "TypeError",
    "For primitive[NLLLoss], the input argument[target] must be a type of {Tensor[Int32], Tensor[Int64]},"
    " but got Tensor[Float32].")
def case_err_nll_float_labels(ms):
    return ms.ops.NLLLoss()(_t(ms, LOGP), _t(ms, CLS.astype(np.float32)), _t(ms, CW))


@deviates(
    "2.10's kernel raises RuntimeError for this bad argument; mindshim's check raises ValueError with the"
    " same message",
    "ValueError")
def case_err_nll_weight_shape(ms):
    return ms.ops.NLLLoss()(_t(ms, LOGP), _t(ms, CLS), _t(ms, CW[:3].copy()))


@deviates(
    "2.10's kernel raises RuntimeError for this bad argument; mindshim's check raises ValueError with the"
    " same message",
    "ValueError")
def case_err_nll_label_shape(ms):
    return ms.ops.NLLLoss()(_t(ms, LOGP), _t(ms, CLS[:2].copy()), _t(ms, CW))


@deviates(
    "2.10's kernel raises RuntimeError for this bad argument; mindshim's check raises ValueError with the"
    " same message",
    "ValueError")
def case_err_nll_rank(ms):
    return ms.ops.NLLLoss()(_t(ms, X3D), _t(ms, CLS2D), _t(ms, CW[:3].copy()))


def case_err_nll_label_out_of_range(ms):
    return ms.ops.NLLLoss()(_t(ms, LOGP), _t(ms, np.array([0, 5, 1], np.int32)), _t(ms, CW))


def case_err_nll_reduction(ms):
    return ms.ops.NLLLoss("avg")(_t(ms, LOGP), _t(ms, CLS), _t(ms, CW))


# ---- SmoothL1Loss ------------------------------------------------------------------------------------------
def case_smooth_l1_prim(ms):
    x, y = _t(ms, X34), _t(ms, Y34)
    return [ms.ops.SmoothL1Loss(beta, r)(x, y) for beta in (1.0, 0.5, 2.0) for r in REDUCTIONS]


def case_smooth_l1_prim_grad(ms):
    net = _fn_cell(ms, _all_reductions(lambda r: ms.ops.SmoothL1Loss(0.5, r)))
    return _value_and_grads(ms, net, _t(ms, X34), _t(ms, Y34))


@deviates(
    "2.10's kernel raises RuntimeError for this bad argument; mindshim's check raises ValueError with the"
    " same message",
    "ValueError")
def case_err_smooth_l1_beta(ms):
    return ms.ops.SmoothL1Loss(-1.0)(_t(ms, X34), _t(ms, Y34))


def case_err_smooth_l1_shape(ms):
    return ms.ops.SmoothL1Loss()(_t(ms, X34), _t(ms, Y34[:2].copy()))


# ---- BCEWithLogitsLoss -------------------------------------------------------------------------------------
def case_bce_logits_prim(ms):
    x, y, w, pw = _t(ms, X34 * 3), _t(ms, TGT), _t(ms, WGT), _t(ms, POSW)
    return [ms.ops.BCEWithLogitsLoss(r)(x, y, w, pw) for r in REDUCTIONS]


def case_bce_logits_prim_grad(ms):
    net = _fn_cell(ms, _all_reductions(lambda r: ms.ops.BCEWithLogitsLoss(r)))
    return _value_and_grads(ms, net, _t(ms, X34 * 3), _t(ms, TGT), _t(ms, WGT), _t(ms, POSW))


def case_err_bce_logits_shape(ms):
    return ms.ops.BCEWithLogitsLoss()(_t(ms, X34), _t(ms, TGT[:2].copy()), _t(ms, WGT), _t(ms, POSW))


# ---- KLDivLoss ---------------------------------------------------------------------------------------------
def case_kl_div_prim(ms):
    x, y = _t(ms, LOGP), _t(ms, SOFT)
    y0 = _t(ms, np.where(SOFT > 0.3, 0.0, SOFT).astype(np.float32))
    return [ms.ops.KLDivLoss(r)(x, y) for r in REDUCTIONS + ("batchmean",)] + [ms.ops.KLDivLoss("none")(x, y0)]


def case_kl_div_prim_grad(ms):
    net = _fn_cell(ms, _all_reductions(lambda r: ms.ops.KLDivLoss(r), REDUCTIONS + ("batchmean",)))
    return _value_and_grads(ms, net, _t(ms, LOGP), _t(ms, SOFT))


def case_err_kl_div_reduction(ms):
    return ms.ops.KLDivLoss("avg")(_t(ms, LOGP), _t(ms, SOFT))


def case_err_kl_div_shape(ms):
    return ms.ops.KLDivLoss()(_t(ms, LOGP), _t(ms, SOFT[:2].copy()))


# ---- functional losses ---------------------------------------------------------------------------------------
def case_f_binary_cross_entropy(ms):
    p, y, w = _t(ms, PROB), _t(ms, TGT), _t(ms, WGT)
    f = ms.ops.binary_cross_entropy
    return [f(p, y, w, r) for r in REDUCTIONS] + [f(p, y), f(logits=p, labels=y, reduction="sum")]


def case_f_bce_with_logits(ms):
    x, y, w, pw = _t(ms, X34 * 3), _t(ms, TGT), _t(ms, WGT), _t(ms, POSW)
    f = ms.ops.binary_cross_entropy_with_logits
    return [f(x, y), f(x, y, w), f(x, y, pos_weight=pw), f(x, y, w, pw, "none"), f(x, y, None, pw, "sum")]


def case_f_bce_with_logits_grad(ms):
    net = _fn_cell(ms, lambda a, b: ms.ops.binary_cross_entropy_with_logits(a, b, reduction="sum"))
    return _value_and_grads(ms, net, _t(ms, X34 * 3), _t(ms, TGT))


def case_f_cross_entropy_indices(ms):
    x, t, w = _t(ms, X34), _t(ms, CLS), _t(ms, CW)
    f = ms.ops.cross_entropy
    out = [f(x, t, reduction=r) for r in REDUCTIONS]
    out += [f(x, t, w, reduction=r) for r in REDUCTIONS]
    out += [f(x, t, ignore_index=0, reduction=r) for r in REDUCTIONS]
    out += [f(x, t, w, ignore_index=3, reduction=r, label_smoothing=0.2) for r in REDUCTIONS]
    out += [f(x, _t(ms, CLS.astype(np.int64)))]
    return out


def case_f_cross_entropy_probs(ms):
    x, p, w = _t(ms, X34), _t(ms, SOFT), _t(ms, CW)
    f = ms.ops.cross_entropy
    return [f(x, p, reduction=r) for r in REDUCTIONS] + [f(x, p, w, reduction=r) for r in REDUCTIONS] + \
        [f(x, p, w, reduction=r, label_smoothing=0.1) for r in REDUCTIONS]


def case_f_cross_entropy_nd(ms):
    f = ms.ops.cross_entropy
    return [f(_t(ms, X4D), _t(ms, CLS3D), reduction=r) for r in ("none", "mean")] + \
        [f(_t(ms, X3D), _t(ms, CLS2D), _t(ms, CW[:3].copy()), ignore_index=1, reduction=r) for r in ("none", "sum")] + \
        [f(_t(ms, X34[0].copy()), _t(ms, np.array(2, np.int32)), reduction="none"),
         f(_t(ms, X3D), _t(ms, SOFT3D), reduction="none"), f(_t(ms, X3D), _t(ms, SOFT3D))]


def case_f_cross_entropy_grad(ms):
    ce = ms.ops.cross_entropy
    indices = _all_reductions(lambda r: lambda a, b: ce(a, b, _t(ms, CW), ignore_index=0, reduction=r,
                                                       label_smoothing=0.1))
    probs = _all_reductions(lambda r: lambda a, b: ce(a, b, _t(ms, CW), reduction=r))
    return _value_and_grads(ms, _fn_cell(ms, indices), _t(ms, X34), _t(ms, CLS)) + \
        _value_and_grads(ms, _fn_cell(ms, probs), _t(ms, X34), _t(ms, SOFT))


def case_err_f_cross_entropy_int_input(ms):
    return ms.ops.cross_entropy(_t(ms, np.ones((2, 3), np.int32)), _t(ms, np.array([0, 1], np.int32)))


def case_err_f_cross_entropy_reduction(ms):
    return ms.ops.cross_entropy(_t(ms, X34), _t(ms, CLS), reduction="avg")


def case_f_nll_loss(ms):
    x, t, w = _t(ms, LOGP), _t(ms, CLS), _t(ms, CW)
    f = ms.ops.nll_loss
    out = [f(x, t, reduction=r) for r in REDUCTIONS] + [f(x, t, w, 3, r) for r in REDUCTIONS]
    out += [f(x, t, w, reduction=r, label_smoothing=0.3) for r in REDUCTIONS]
    out += [f(_t(ms, X4D), _t(ms, CLS3D), reduction=r) for r in REDUCTIONS]
    out += [f(_t(ms, X3D), _t(ms, CLS2D), reduction=r) for r in REDUCTIONS]
    return out


def case_f_nll_loss_grad(ms):
    net = _fn_cell(ms, lambda a, b: ms.ops.nll_loss(a, b, _t(ms, CW), ignore_index=2, label_smoothing=0.2))
    return _value_and_grads(ms, net, _t(ms, LOGP), _t(ms, CLS))


def case_f_smooth_l1_loss(ms):
    x, y = _t(ms, X34), _t(ms, Y34)
    f = ms.ops.smooth_l1_loss
    # beta=0 (MindSpore's l1_loss_ext path) is left out: 2.10 has no CPU kernel for it.
    return [f(x, y), f(x, y, 0.5, "mean"), f(x, y, 2.0, "sum")]


def case_f_kl_div(ms):
    x, y = _t(ms, LOGP), _t(ms, SOFT)
    return [ms.ops.kl_div(x, y, r) for r in REDUCTIONS + ("batchmean",)] + [ms.ops.kl_div(x, y)]


def case_f_kl_div_mean_grad(ms):
    net = _fn_cell(ms, lambda a, b: ms.ops.kl_div(a, b))
    return _value_and_grads(ms, net, _t(ms, LOGP), _t(ms, SOFT))


def case_err_f_kl_div_reduction(ms):
    return ms.ops.kl_div(_t(ms, LOGP), _t(ms, SOFT), 1)


def case_f_mse_l1(ms):
    x, y = _t(ms, X34), _t(ms, Y34)
    out = [ms.ops.mse_loss(x, y, r) for r in REDUCTIONS] + [ms.ops.l1_loss(x, y, r) for r in REDUCTIONS]
    xi, yi = _t(ms, np.array([[1, 5], [2, 0]], np.int32)), _t(ms, np.array([[0, 1], [2, 3]], np.int32))
    out += [ms.ops.mse_loss(xi, yi), ms.ops.mse_loss(xi, yi, "none"), ms.ops.l1_loss(xi, yi, "sum")]
    out += [ms.ops.mse_loss(_t(ms, X34, ms.float16), _t(ms, Y34, ms.float16)),
            ms.ops.l1_loss(_t(ms, X34, ms.float64), _t(ms, Y34, ms.float64), "none"),
            ms.ops.mse_loss(x, _t(ms, Y34[0].copy()), "none")]
    return out


def case_f_mse_l1_grad(ms):
    net = _fn_cell(ms, lambda a, b: ms.ops.mse_loss(a, b) + ms.ops.l1_loss(a, b, "sum"))
    return _value_and_grads(ms, net, _t(ms, X34), _t(ms, Y34))


def case_err_f_mse_reduction(ms):
    return ms.ops.mse_loss(_t(ms, X34), _t(ms, Y34), "avg")


def case_err_f_l1_reduction(ms):
    return ms.ops.l1_loss(_t(ms, X34), _t(ms, Y34), "avg")


def case_err_f_mse_not_tensor(ms):
    return ms.ops.mse_loss(X34, _t(ms, Y34))


def case_f_cosine_embedding_loss(ms):
    a, b, t = _t(ms, A25), _t(ms, B25), _t(ms, PM1)
    f = ms.ops.cosine_embedding_loss
    return [f(a, b, t, 0.0, r) for r in REDUCTIONS] + [f(a, b, t, 0.3), f(a, b, t, -0.5, "none"),
                                                       f(a, b, _t(ms, np.array([-1, -1], np.int32)), 1)]


def case_f_cosine_embedding_loss_grad(ms):
    net = _fn_cell(ms, lambda a, b, t: ms.ops.cosine_embedding_loss(a, b, t, -0.2))
    return _value_and_grads(ms, net, _t(ms, A25), _t(ms, B25), _t(ms, np.array([1.0, -1.0], np.float32)))


def case_err_f_cosine_embedding_margin(ms):
    return ms.ops.cosine_embedding_loss(_t(ms, A25), _t(ms, B25), _t(ms, PM1), 1.5)


def case_err_f_cosine_embedding_shape(ms):
    return ms.ops.cosine_embedding_loss(_t(ms, A25), _t(ms, B25), _t(ms, np.array([1, -1, 1], np.int32)))


# soft_margin_loss / SoftMarginLoss are left out: MindSpore 2.10 has no CPU kernel for them.
def case_f_huber_margin_ranking(ms):
    x, y, s = _t(ms, X34), _t(ms, Y34), _t(ms, SIGN)
    return [ms.ops.huber_loss(x, y, r, 0.7) for r in REDUCTIONS] + [ms.ops.huber_loss(x, y)] + \
        [ms.ops.margin_ranking_loss(x, y, s, 0.3, r) for r in REDUCTIONS]


def case_f_huber_margin_ranking_grad(ms):
    def fn(x, y, s):
        return ms.ops.huber_loss(x, y, "sum", 0.7) + ms.ops.margin_ranking_loss(x, y, s, 0.3)
    return _value_and_grads(ms, _fn_cell(ms, fn), _t(ms, X34), _t(ms, Y34), _t(ms, SIGN))


def case_err_f_huber_delta(ms):
    return ms.ops.huber_loss(_t(ms, X34), _t(ms, Y34), delta=0.0)


def case_err_f_margin_ranking_margin_type(ms):
    return ms.ops.margin_ranking_loss(_t(ms, X34), _t(ms, Y34), _t(ms, SIGN), 1)


# ---- loss Cells ------------------------------------------------------------------------------------------------
def _cell_grad_case(make_cell, make_inputs):
    def case(ms):
        return _value_and_grads(ms, make_cell(ms), *make_inputs(ms))
    return case


_PRED = lambda ms: (_t(ms, X34), _t(ms, Y34))  # noqa: E731
_CELLS = {
    "mse": (lambda ms: ms.nn.MSELoss(), _PRED),
    "l1": (lambda ms: ms.nn.L1Loss(), _PRED),
    "smooth_l1_mean": (lambda ms: ms.nn.SmoothL1Loss(0.5, "mean"), _PRED),
    "mae": (lambda ms: ms.nn.MAELoss(), _PRED),
    "rmse": (lambda ms: ms.nn.RMSELoss(), _PRED),
    "huber": (lambda ms: ms.nn.HuberLoss("sum", 0.5), _PRED),
    "ce": (lambda ms: ms.nn.CrossEntropyLoss(), lambda ms: (_t(ms, X34), _t(ms, CLS))),
    "ce_weighted": (lambda ms: ms.nn.CrossEntropyLoss(_t(ms, CW), ignore_index=0, label_smoothing=0.1),
                    lambda ms: (_t(ms, X34), _t(ms, CLS))),
    "ce_none": (lambda ms: ms.nn.CrossEntropyLoss(reduction="none"), lambda ms: (_t(ms, X4D), _t(ms, CLS3D))),
    "ce_probs": (lambda ms: ms.nn.CrossEntropyLoss(_t(ms, CW), reduction="sum", label_smoothing=0.2),
                 lambda ms: (_t(ms, X34), _t(ms, SOFT))),
    "nll_weighted": (lambda ms: ms.nn.NLLLoss(_t(ms, CW), ignore_index=2, reduction="sum"),
                     lambda ms: (_t(ms, LOGP), _t(ms, CLS))),
    "bce_weighted": (lambda ms: ms.nn.BCELoss(_t(ms, WGT), "none"), lambda ms: (_t(ms, PROB), _t(ms, TGT))),
    "bce_logits_weighted": (lambda ms: ms.nn.BCEWithLogitsLoss("sum", _t(ms, WGT), _t(ms, POSW)),
                            lambda ms: (_t(ms, X34), _t(ms, TGT))),
    "kl_div_batchmean": (lambda ms: ms.nn.KLDivLoss("batchmean"), lambda ms: (_t(ms, LOGP), _t(ms, SOFT))),
    "cosine_embedding": (lambda ms: ms.nn.CosineEmbeddingLoss(0.1),
                         lambda ms: (_t(ms, A25), _t(ms, B25), _t(ms, PM1))),
    "margin_ranking": (lambda ms: ms.nn.MarginRankingLoss(0.2), lambda ms: (_t(ms, X34), _t(ms, Y34), _t(ms, SIGN))),
    "softmax_ce_sparse": (lambda ms: ms.nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="sum"),
                          lambda ms: (_t(ms, X34), _t(ms, CLS))),
}
for _name, (_make, _inputs) in _CELLS.items():
    globals()[f"case_nn_{_name}"] = _cell_grad_case(_make, _inputs)


def case_nn_loss_dtypes(ms):
    nn = ms.nn
    x16, y16 = _t(ms, X34, ms.float16), _t(ms, Y34, ms.float16)
    return [nn.MSELoss()(x16, y16), nn.L1Loss("none")(x16, y16), nn.SmoothL1Loss()(x16, y16),
            nn.MAELoss()(_t(ms, X34, ms.float64), _t(ms, Y34, ms.float64)),
            nn.CrossEntropyLoss()(x16, _t(ms, CLS)), nn.BCELoss()(_t(ms, PROB, ms.float16), _t(ms, TGT, ms.float16))]


def case_nn_loss_reprs(ms):
    nn = ms.nn
    return [repr(c) for c in (nn.MSELoss(), nn.CrossEntropyLoss(), nn.BCEWithLogitsLoss(), nn.KLDivLoss())]


def case_nn_with_loss_cell_grads(ms):
    dense = ms.nn.Dense(4, 4, weight_init=_t(ms, W44), bias_init="zeros")
    net = ms.nn.WithLossCell(dense, ms.nn.CrossEntropyLoss(_t(ms, CW), label_smoothing=0.1))
    fvg = ms.nn.ForwardValueAndGrad(net, weights=ms.ParameterTuple(net.trainable_params()), get_all=True,
                                    get_by_list=True)
    return fvg(_t(ms, X34), _t(ms, CLS))


class _WeightedLoss:
    """A user loss on ``nn.LossBase``: ``get_loss`` with a weights Tensor, as MindSpore's docs show."""

    @staticmethod
    def make(ms, reduction):
        class WeightedAbs(ms.nn.LossBase):
            def construct(self, logits, labels):
                return self.get_loss(abs(logits - labels), _t(ms, np.array([[1.0], [2.0], [0.5]], np.float32)))
        return WeightedAbs(reduction)


def case_nn_lossbase_user(ms):
    out = []
    for r in REDUCTIONS:
        out += _value_and_grads(ms, _WeightedLoss.make(ms, r), _t(ms, X34), _t(ms, Y34))
    out.append(_WeightedLoss.make(ms, "mean")(_t(ms, X34, ms.float16), _t(ms, Y34, ms.float16)))
    return out


def case_nn_lossbase_get_axis(ms):
    base = ms.nn.LossBase()
    return [base.get_axis(_t(ms, X4D)), base.get_axis(_t(ms, np.float32(1.0))),
            base.get_loss(_t(ms, X34)), ms.nn.LossBase("sum").get_loss(_t(ms, X34), 2.0),
            ms.nn.LossBase("none").get_loss(_t(ms, X34, ms.float16),
                                            _t(ms, np.array([1.0, 0.0, 2.0, 1.0], np.float32)))]


def case_err_nn_reduction(ms):
    return ms.nn.MSELoss("avg")


def case_err_nn_ce_int64_labels(ms):
    return ms.nn.CrossEntropyLoss()(_t(ms, X34), _t(ms, CLS.astype(np.int64)))


def case_err_nn_ce_shape(ms):
    return ms.nn.CrossEntropyLoss()(_t(ms, X34), _t(ms, SOFT[:, :3].copy()))


def case_err_nn_ce_rank(ms):
    return ms.nn.CrossEntropyLoss()(_t(ms, X34), _t(ms, X4D))


def case_err_nn_ce_label_smoothing(ms):
    return ms.nn.CrossEntropyLoss(label_smoothing=1.5)


def case_err_nn_ce_weight_type(ms):
    return ms.nn.CrossEntropyLoss(weight=CW)


def case_err_nn_nll_ignore_index(ms):
    return ms.nn.NLLLoss(ignore_index=1.0)


def case_err_nn_cosine_margin(ms):
    return ms.nn.CosineEmbeddingLoss(margin=2.0)


def case_err_nn_cosine_margin_int(ms):
    return ms.nn.CosineEmbeddingLoss(margin=0)


def case_err_nn_bce_logits_param_weight(ms):
    return ms.nn.BCEWithLogitsLoss(weight=ms.Parameter(_t(ms, WGT), name="w"))


@deviates(
    "2.10 names its internal type objects; mindshim names the Python types",
    "TypeError",
    "For 'MSELoss', the 'logits' must be 'Tensor', but got 'ndarray'.")
def case_err_nn_mse_not_tensor(ms):
    return ms.nn.MSELoss()(X34, _t(ms, Y34))


def case_prims_float16(ms):
    h = ms.float16
    x, y, t = _t(ms, X34 * 3, h), _t(ms, TGT, h), _t(ms, Y34, h)
    lp, soft = _t(ms, LOGP, h), _t(ms, SOFT, h)
    return [ms.ops.SigmoidCrossEntropyWithLogits()(x, y), ms.ops.BCEWithLogitsLoss("none")(x, y, None, None),
            ms.ops.BCEWithLogitsLoss("mean")(x, y, _t(ms, WGT, h), _t(ms, POSW, h)),
            ms.ops.KLDivLoss("none")(lp, soft), ms.ops.KLDivLoss("sum")(lp, soft), ms.ops.SmoothL1Loss(0.5)(x, t),
            ms.ops.SmoothL1Loss(0.5, "sum")(x, t)] + list(ms.ops.NLLLoss("none")(lp, _t(ms, CLS), _t(ms, CW, h)))


def case_err_nn_nll_weight_float64(ms):
    return ms.nn.NLLLoss(weight=_t(ms, CW, ms.float64))


def case_err_nn_ce_logits_float64(ms):
    return ms.nn.CrossEntropyLoss()(_t(ms, X34, ms.float64), _t(ms, CLS))


def case_err_nn_cosine_shape(ms):
    return ms.nn.CosineEmbeddingLoss()(_t(ms, A25), _t(ms, B25[:, :4].copy()), _t(ms, PM1))


def case_err_nn_cosine_dtype(ms):
    return ms.nn.CosineEmbeddingLoss()(_t(ms, A25), _t(ms, B25, ms.float16), _t(ms, PM1))
