"""Golden cases for nn ops: activations, linear, convolution, pooling, normalization, dropout, padding, sorting.

Each value case returns the op's output and the gradients of ``sum(output * W)`` (W a fixed, non-random
weight) with respect to every input, through ``GradOperation(get_all=True)``.
"""
import numpy as np

RNG = np.random.RandomState(11)
# Exact boundaries of ReLU6 / HSwish / HSigmoid and moderate values (MindSpore's CPU tanh saturates early).
X_ACT = np.concatenate([np.array([-4, -3, -2.5, -1, -0.5, 0, 0.5, 1, 2.5, 3, 4, 6, 7], np.float32),
                        RNG.randn(11).astype(np.float32)]).reshape(4, 6)
X_TANH = (RNG.randn(4, 6) * 1.2).astype(np.float32)
# Convolution inputs are positive: their gradients are sums of many products, and with mixed signs the
# cancellation leaves results whose last digits depend on the summation order (MindSpore's oneDNN vs XLA).
X4 = RNG.rand(2, 4, 6, 6).astype(np.float32)
X4_ODD = RNG.rand(2, 2, 7, 5).astype(np.float32)
W_CONV = (RNG.rand(3, 4, 3, 3) * 0.3).astype(np.float32)
W_CONV_G = (RNG.rand(6, 2, 3, 3) * 0.3).astype(np.float32)
W_CONV_RECT = (RNG.rand(3, 4, 2, 3) * 0.3).astype(np.float32)
X3D = RNG.rand(1, 2, 4, 5, 5).astype(np.float32)
W3D = (RNG.rand(3, 2, 2, 3, 3) * 0.3).astype(np.float32)
X1D = RNG.rand(2, 3, 9).astype(np.float32)
W1D = (RNG.rand(4, 3, 3) * 0.3).astype(np.float32)
BIAS3 = RNG.randn(3).astype(np.float32)
BIAS4 = RNG.randn(4).astype(np.float32)
DOUT = RNG.rand(2, 3, 4, 4).astype(np.float32)
W_T = (RNG.rand(3, 2, 3, 3) * 0.3).astype(np.float32)
TIES = np.array([[[[1, 3, 3, 0], [3, 2, 1, 3], [0, 0, 5, 5], [5, 1, 5, 0]]]], np.float32)
POOL_X = RNG.randn(2, 3, 7, 6).astype(np.float32)
BATCH_A = RNG.randn(2, 3, 4).astype(np.float32)
BATCH_B = RNG.randn(2, 4, 5).astype(np.float32)
M23 = RNG.randn(2, 3).astype(np.float32)
M43 = RNG.randn(4, 3).astype(np.float32)
BN_X = RNG.randn(4, 3, 2, 3).astype(np.float32)
BN_X2 = RNG.randn(5, 3).astype(np.float32)
BN_SCALE = (RNG.rand(3) + 0.5).astype(np.float32)
BN_BIAS = RNG.randn(3).astype(np.float32)
BN_MEAN = RNG.randn(3).astype(np.float32)
BN_VAR = (RNG.rand(3) + 0.5).astype(np.float32)
LN_X = RNG.randn(2, 3, 4).astype(np.float32)
LN_G34 = (RNG.rand(3, 4) + 0.5).astype(np.float32)
LN_B34 = RNG.randn(3, 4).astype(np.float32)
LN_G4 = (RNG.rand(4) + 0.5).astype(np.float32)
LN_B4 = RNG.randn(4).astype(np.float32)
GN_X = RNG.randn(2, 4, 3, 2).astype(np.float32)
GN_W = (RNG.rand(4) + 0.5).astype(np.float32)
GN_B = RNG.randn(4).astype(np.float32)
L2_X = RNG.randn(3, 4).astype(np.float32)
PAD_X = RNG.randn(1, 2, 3, 4).astype(np.float32)
SORT_X = np.array([[1, 3, 1, 3, 2, 0.5], [2, 2, -1, 4, 4, 0]], np.float32)
TOPK_X = RNG.randn(3, 5).astype(np.float32)


def _error_case(fn):
    """An error case. MindSpore 2.10 (CPU) may raise a failed op's error only at the next op launch (and then
    again in whichever case runs next): launching one more op here makes the error belong to this case."""
    def case(ms):
        out = fn(ms)
        ms.ops.Abs()(ms.Tensor(np.ones(1, np.float32)))
        return out
    return case


def _weight(shape):
    """A fixed, non-random weight for ``sum(output * W)``."""
    n = int(np.prod(shape))
    return (np.cos(np.arange(n) * 0.7) + 1.5).reshape(shape).astype(np.float32)


def _grads(ms, variants, first=()):
    """For each variant ``name: (fn, *inputs)``: ``{"out": W * out, "grads": d sum(W * out) / d inputs}``, where
    ``out`` is ``fn(*inputs)`` (its first output for names in ``first``). All variants run as one network, one
    ForwardValueAndGrad call (one compiled program in mindshim, which keeps the suite fast)."""
    T = ms.Tensor
    specs = [(name, spec[0], [T(x) for x in spec[1:]]) for name, spec in variants.items()]

    class Net(ms.nn.Cell):
        def construct(self, *xs):
            outs, i = [], 0
            for name, fn, inputs in specs:
                out = fn(*xs[i:i + len(inputs)])
                i += len(inputs)
                out = out[0] if name in first else out
                outs.append(out * T(_weight(out.shape)).astype(out.dtype))
            return tuple(outs)
    outs, grads = ms.nn.ForwardValueAndGrad(Net(), get_all=True)(*[t for _, _, inputs in specs for t in inputs])
    result, i = {}, 0
    for (name, _, inputs), out in zip(specs, outs):
        result[name] = {"out": out, "grads": grads[i:i + len(inputs)]}
        i += len(inputs)
    return result


# ---- activations --------------------------------------------------------------------------------------
_ACT = {
    "sigmoid": lambda ms: ms.ops.Sigmoid(), "relu6": lambda ms: ms.ops.ReLU6(), "gelu_prim": lambda ms: ms.ops.GeLU(),
    "fast_gelu": lambda ms: ms.ops.FastGeLU(), "hswish": lambda ms: ms.ops.HSwish(),
    "hsigmoid": lambda ms: ms.ops.HSigmoid(), "elu": lambda ms: ms.ops.Elu(), "softplus": lambda ms: ms.ops.Softplus(),
    "silu_fn": lambda ms: ms.ops.silu, "sigmoid_fn": lambda ms: ms.ops.sigmoid, "relu6_fn": lambda ms: ms.ops.relu6,
    "gelu_none": lambda ms: (lambda x: ms.ops.gelu(x)), "gelu_tanh": lambda ms: (lambda x: ms.ops.gelu(x, "tanh")),
    "leaky_relu": lambda ms: (lambda x: ms.ops.leaky_relu(x, 0.1)),
    "leaky_relu_big": lambda ms: (lambda x: ms.ops.leaky_relu(x, 1.5)),
    "softplus_fn": lambda ms: (lambda x: ms.ops.softplus(x, 2, 5)), "elu_fn": lambda ms: ms.ops.elu,
    "hardswish_fn": lambda ms: ms.ops.hardswish, "hardsigmoid_fn": lambda ms: ms.ops.hardsigmoid,
    "fast_gelu_fn": lambda ms: ms.ops.fast_gelu,
}


def case_activations(ms):
    return _grads(ms, {name: (make(ms), X_ACT) for name, make in _ACT.items()})


def case_act_tanh_float64(ms):
    x = X_ACT.astype(np.float64)
    return _grads(ms, {"tanh": (ms.ops.Tanh(), X_TANH), "tanh_fn": (ms.ops.tanh, X_TANH),
                       "sigmoid64": (ms.ops.Sigmoid(), x), "gelu64": (ms.ops.GeLU(), x),
                       "softplus64": (ms.ops.Softplus(), x), "hswish64": (ms.ops.HSwish(), x)})


def case_act_hswish_int(ms):
    return ms.ops.HSwish()(ms.Tensor(np.array([-4, -2, -1, 0, 1, 2, 4], np.int32)))


def case_err_relu6_int(ms):
    return ms.ops.ReLU6()(ms.Tensor(np.ones(3, np.int32)))


def case_err_gelu_int(ms):
    return ms.ops.GeLU()(ms.Tensor(np.ones(3, np.int32)))


def case_err_gelu_fn_int(ms):
    return ms.ops.gelu(ms.Tensor(np.ones(3, np.int32)))


def case_err_gelu_approx(ms):
    return ms.ops.gelu(ms.Tensor(X_ACT), "x")


def case_err_softplus_int(ms):
    return ms.ops.Softplus()(ms.Tensor(np.ones(3, np.int32)))


def case_err_softplus_beta(ms):
    return ms.ops.softplus(ms.Tensor(X_ACT), 0)


def case_err_sigmoid_int(ms):
    return ms.ops.Sigmoid()(ms.Tensor(np.ones(3, np.int32)))


def case_err_elu_alpha(ms):
    return ms.ops.Elu(alpha=2.0)(ms.Tensor(X_ACT))


# ---- linear -------------------------------------------------------------------------------------------
def case_linear(ms):
    bmm = ms.ops.BatchMatMul
    values = _grads(ms, {
        "bias_add_4d": (ms.ops.BiasAdd(), X4[:, :3], BIAS3), "bias_add_2d": (ms.ops.bias_add, M23, BIAS3),
        "bias_add_3d": (ms.ops.bias_add, BATCH_A, BIAS3), "dense_prim": (ms.ops.Dense(), M23, M43, BIAS4),
        "dense_fn": (ms.ops.dense, np.swapaxes(BATCH_A, 1, 2).copy(), M43, BIAS4),
        "bmm": (bmm(), BATCH_A, BATCH_B), "bmm_ta": (bmm(transpose_a=True), np.swapaxes(BATCH_A, 1, 2).copy(), BATCH_B),
        "bmm_tb": (bmm(transpose_b=True), BATCH_A, np.swapaxes(BATCH_B, 1, 2).copy()),
        "bmm_2d": (bmm(), M23, M43.T.copy()), "bmm_fn": (ms.ops.bmm, BATCH_A, BATCH_B)})
    values["dense_no_bias"] = ms.ops.dense(ms.Tensor(M23), ms.Tensor(M43))
    values["bmm_int"] = bmm()(ms.Tensor(np.arange(24).reshape(2, 3, 4).astype(np.int32)),
                              ms.Tensor(np.arange(40).reshape(2, 4, 5).astype(np.int32)))
    return values


def case_err_dense_shape(ms):
    return ms.ops.Dense()(ms.Tensor(M23), ms.Tensor(M43[:, :2].copy()), None)


def case_err_bias_add_shape(ms):
    return ms.ops.BiasAdd()(ms.Tensor(X4), ms.Tensor(BIAS3))


def case_err_bias_add_rank(ms):
    return ms.ops.BiasAdd()(ms.Tensor(BIAS3), ms.Tensor(BIAS3))


def case_err_batch_matmul_dims(ms):
    return ms.ops.BatchMatMul()(ms.Tensor(BATCH_A), ms.Tensor(BATCH_A))


def case_err_batch_matmul_broadcast(ms):
    return ms.ops.BatchMatMul()(ms.Tensor(BATCH_A), ms.Tensor(BATCH_B[0]))


def case_err_batch_matmul_broadcast1(ms):
    return ms.ops.BatchMatMul()(ms.Tensor(BATCH_A), ms.Tensor(BATCH_B[:1]))


def case_err_batch_matmul_rank(ms):
    return ms.ops.BatchMatMul()(ms.Tensor(BIAS4), ms.Tensor(BATCH_B[0]))


def case_err_batch_matmul_types(ms):
    return ms.ops.BatchMatMul()(ms.Tensor(BATCH_A), ms.Tensor(BATCH_B.astype(np.float16)))


# ---- convolution --------------------------------------------------------------------------------------
def case_im2col_col2im(ms):
    """Im2Col's blocks (kernel taps row-major, then the blocks), padding/stride/dilation per axis; Col2Im sums them
    back."""
    rng = np.random.RandomState(0)
    x = ms.Tensor(rng.randn(2, 3, 7, 6).astype(np.float32))
    c = ms.Tensor(rng.randn(2, 3, 6, 24).astype(np.float32))
    return [ms.ops.Im2Col(ksizes=(2, 3), strides=(2, 1), dilations=(1, 2), pads=(1, 2))(x), ms.ops.Im2Col(3)(x),
            ms.ops.Im2Col(2, pads=(1,))(x),
            ms.ops.Col2Im((2, 3), dilation=(1, 2), padding=(1, 2), stride=(2, 1))(c, ms.Tensor([7, 6], ms.int32))]


def case_grid_sampler_3d(ms):
    rng = np.random.RandomState(0)
    x = ms.Tensor(rng.randn(2, 3, 4, 5, 6).astype(np.float32))
    g = ms.Tensor((rng.rand(2, 3, 2, 4, 3) * 2.6 - 1.3).astype(np.float32))
    return [ms.ops.GridSampler3D(m, p, a)(x, g) for m in ("bilinear", "nearest") for p in ("zeros", "border")
            for a in (False, True)]


def case_fused_ada_factor(ms):
    """The state FusedAdaFactor writes: factored (3-D, 2-D) and plain (1-D) second moments, each flag."""
    rng = np.random.RandomState(0)
    out = []
    for shape, flags in [((2, 3, 2), (False, False, False)), ((3, 4), (True, True, True)), ((5,), (True, True, True))]:
        state = [ms.Parameter(ms.Tensor(a.astype(np.float32)), name=f"s{i}") for i, a in enumerate(
            [rng.randn(*shape), rng.randn(*shape), rng.rand(*shape[:-1]) if len(shape) > 1 else np.zeros(1),
             rng.rand(*(shape[:-2] + shape[-1:])) if len(shape) > 1 else np.zeros(1), rng.rand(*shape)])]
        grad = ms.Tensor(rng.randn(*shape).astype(np.float32))
        ms.ops.FusedAdaFactor(*flags)((1e-30, 1e-3), 1.0, 0.9, 0.8, 1e-2, 0.03, grad, *state)
        out += [p.value() for p in state]
    return out


def case_fused_cast_adam_weight_decay(ms):
    """The primitive writes var (Float16 or Float32, updated in Float32), m and v; grad divided by global_norm (its
    outputs are left out: MindSpore 2.10's CPU kernel returns garbage for a Float16 var)."""
    rng = np.random.RandomState(0)
    out = []
    for dtype in (ms.float16, ms.float32):
        var = ms.Parameter(ms.Tensor(rng.randn(2, 3).astype(np.float32), dtype), name="var")
        m = ms.Parameter(ms.Tensor(rng.randn(2, 3).astype(np.float32)), name="m")
        v = ms.Parameter(ms.Tensor(rng.rand(2, 3).astype(np.float32)), name="v")
        grad = ms.Tensor(rng.randn(2, 3).astype(np.float32), dtype)
        ms.ops.FusedCastAdamWeightDecay()(var, m, v, 0.01, 0.9, 0.999, 1e-6, 0.1, grad, 2.0)
        out += [var.value(), m.value(), v.value()]
    return out


def case_combined_non_max_suppression(ms):
    """Shared and class-specific boxes, pad_per_class, clip_boxes, IoU and score thresholds."""
    rng = np.random.RandomState(1)
    out = []
    for q, pad, clip, iou, st, per, tot in [(1, False, True, 0.5, 0.1, 3, 5), (3, True, False, 0.3, 0.0, 2, 10),
                                            (1, True, True, 0.6, 0.3, 4, 20)]:
        yx = rng.rand(2, 6, q, 2) * 1.2 - 0.1
        boxes = np.concatenate([yx, yx + rng.rand(2, 6, q, 2) * 0.5], -1).astype(np.float32)
        scores = rng.rand(2, 6, 3).astype(np.float32)
        out += list(ms.ops.CombinedNonMaxSuppression(pad, clip)(
            ms.Tensor(boxes), ms.Tensor(scores), ms.Tensor(per, ms.int32), ms.Tensor(tot, ms.int32),
            ms.Tensor(iou, ms.float32), ms.Tensor(st, ms.float32)))
    return out


def case_lstm_prim(ms):
    """ops.LSTM's flat weights as MindSpore's CPU kernel reads them (w_ih per direction, w_hh per direction, one 4H
    bias per direction; the second bias unused), one layer, uni- and bidirectional (kernel workspace outputs left
    out)."""
    rng = np.random.RandomState(0)
    out = []
    for bi, bias in [(False, True), (True, True), (False, False)]:
        d = 2 if bi else 1
        size = d * (4 * 2 * 3 + 4 * 2 * 2 + (16 if bias else 0))
        args = [rng.randn(4, 2, 3), rng.randn(d, 2, 2), rng.randn(d, 2, 2), rng.randn(size, 1, 1) * 0.5]
        out += list(ms.ops.LSTM(3, 2, 1, bias, bi, 0.0)(*(ms.Tensor(a.astype(np.float32)) for a in args))[:3])
    return out


def case_scale_and_translate(ms):
    """TensorFlow's sampling kernels, with and without antialias, shrinking and enlarging, fractional translations."""
    rng = np.random.RandomState(0)
    img = ms.Tensor(rng.rand(2, 5, 6, 2).astype(np.float32))
    out = []
    for kt in ("lanczos1", "lanczos3", "lanczos5", "gaussian", "box", "triangle", "keyscubic", "mitchellcubic"):
        for aa in (True, False) if kt != "box" else (False,):
            for size, sc, tr in [((3, 4), (0.6, 0.7), (0.3, -0.5)), ((8, 9), (1.7, 1.4), (1.0, 0.2))]:
                out.append(ms.ops.ScaleAndTranslate(kt, aa)(img, ms.Tensor(np.array(size, np.int32)), ms.Tensor(
                    np.array(sc, np.float32)), ms.Tensor(np.array(tr, np.float32))))
    return out


def case_deformable_conv2d(ms):
    """DeformableOffsets samples bilinearly (zeros outside) at the offset kernel taps, dx then dy then mask in the
    offsets' channels, per deformable group; then a Conv2D with stride kernel_size (groups, bias)."""
    rng = np.random.RandomState(3)
    x, w = rng.rand(2, 4, 7, 6).astype(np.float32), (rng.rand(6, 2, 3, 2) * 0.3).astype(np.float32)
    off = (rng.randn(2, 36, 6, 7) * 1.5).astype(np.float32)
    T = ms.Tensor
    bias = T(np.arange(6.0, dtype=np.float32))
    return [ms.ops.deformable_conv2d(T(x), T(w), T(off[:, :, :3]), (3, 2), (1, 1, 2, 1), (1, 0, 2, 1), bias,
                                     (1, 1, 1, 2), groups=2, deformable_groups=2),
            ms.ops.DeformableOffsets((1, 1, 1, 1), (0, 0, 0, 0), (2, 2))(T(x[:1, :2]), T(off[:1, :12, :, :5]))]


def case_err_deformable_conv2d_offsets_hw(ms):
    x, w, off = (ms.Tensor(np.ones(s, np.float32)) for s in ((1, 2, 6, 6), (3, 2, 3, 3), (1, 27, 4, 5)))
    return ms.ops.deformable_conv2d(x, w, off, (3, 3), (1, 1, 1, 1), (0, 0, 0, 0))


def case_err_deformable_conv2d_strides(ms):
    x, w, off = (ms.Tensor(np.ones(s, np.float32)) for s in ((1, 2, 6, 6), (3, 2, 3, 3), (1, 27, 4, 4)))
    return ms.ops.deformable_conv2d(x, w, off, (3, 3), (2, 1, 1, 1), (0, 0, 0, 0))


def case_err_deformable_conv2d_offsets(ms):
    x, w, off = (ms.Tensor(np.ones(s, np.float32)) for s in ((1, 2, 6, 6), (3, 2, 3, 3), (1, 18, 4, 4)))
    return ms.ops.deformable_conv2d(x, w, off, (3, 3), (1, 1, 1, 1), (0, 0, 0, 0))


def case_conv(ms):
    C, f = ms.ops.Conv2D, ms.ops.conv2d
    P = ms.ops.Conv2DBackpropInput

    def transposed(op, size):
        return lambda d, w: op(d, w, size)
    return _grads(ms, {
        "valid": (C(3, 3), X4, W_CONV), "same": (C(3, 3, pad_mode="same"), X4, W_CONV),
        "same_s2": (C(3, 3, pad_mode="same", stride=2), X4_ODD[:, :, :6, :5].repeat(2, 1), W_CONV),
        "pad": (C(3, 3, pad_mode="pad", pad=(1, 0, 2, 1)), X4, W_CONV),
        "dilation": (C(3, 3, dilation=2, pad_mode="pad", pad=1), X4, W_CONV),
        "stride4": (C(3, 3, stride=(1, 1, 2, 1)), X4, W_CONV), "rect": (C(3, (2, 3)), X4, W_CONV_RECT),
        "group": (C(6, 3, group=2, pad_mode="same"), X4, W_CONV_G),
        "fn_bias": (lambda x, w, b: f(x, w, b, stride=2, pad_mode="pad", padding=(1, 2)), X4, W_CONV, BIAS3),
        "fn_same": (lambda x, w: f(x, w, pad_mode="same", dilation=(2, 1)), X4, W_CONV),
        "fn_groups": (lambda x, w: f(x, w, groups=2), X4, W_CONV_G),
        "conv1d": (lambda x, w: ms.ops.conv1d(x, w), X1D, W1D),
        "conv1d_pad": (lambda x, w, b: ms.ops.conv1d(x, w, b, stride=2, pad_mode="pad", padding=1), X1D, W1D, BIAS4),
        "conv3d": (ms.ops.Conv3D(3, (2, 3, 3)), X3D, W3D),
        "conv3d_fn": (lambda x, w: ms.ops.conv3d(x, w, pad_mode="pad", padding=(1, 0, 1)), X3D, W3D),
        "transpose_valid": (transposed(P(3, 3), (2, 2, 6, 6)), DOUT, W_T),
        "transpose_same_s2": (transposed(P(3, 3, pad_mode="same", stride=2), (2, 2, 8, 8)), DOUT, W_T),
        "transpose_pad": (transposed(ms.ops.Conv2DTranspose(3, 3, pad_mode="pad", pad=1, stride=2), (2, 2, 7, 7)),
                          DOUT, W_T)})


def case_err_conv2d_rank(ms):
    return ms.ops.Conv2D(3, 3)(ms.Tensor(X4[0]), ms.Tensor(W_CONV))


def case_err_conv2d_weight_rank(ms):
    return ms.ops.Conv2D(3, 3)(ms.Tensor(X4), ms.Tensor(W_CONV[0]))


def case_err_conv2d_channels(ms):
    return ms.ops.Conv2D(3, 3)(ms.Tensor(X4[:, :2]), ms.Tensor(W_CONV))


def case_err_conv2d_types(ms):
    return ms.ops.Conv2D(3, 3)(ms.Tensor(X4), ms.Tensor(W_CONV.astype(np.float16)))


def case_err_conv2d_kernel(ms):
    return ms.ops.Conv2D(3, 2)(ms.Tensor(X4), ms.Tensor(W_CONV))


def case_err_conv2d_out_channel(ms):
    return ms.ops.Conv2D(5, 3)(ms.Tensor(X4), ms.Tensor(W_CONV))


def case_err_conv2d_too_small(ms):
    return ms.ops.Conv2D(3, 3)(ms.Tensor(X4[:, :, :2]), ms.Tensor(W_CONV))


def case_err_conv1d_rank(ms):
    return ms.ops.conv1d(ms.Tensor(X4), ms.Tensor(W1D))


# ---- pooling ------------------------------------------------------------------------------------------
def case_pool(ms):
    M, A, AA = ms.ops.MaxPool, ms.ops.AvgPool, ms.ops.AdaptiveAvgPool2D
    mp, ap = ms.ops.max_pool2d, ms.ops.avg_pool2d
    return _grads(ms, {
        "max_valid": (M(2, 2), POOL_X), "max_same": (M(3, 2, "same"), POOL_X),
        "max_ties": (M(2, 2), TIES),
        "max_ties_same": (M(3, 1, "same"), TIES),
        "avg_valid": (A(2, 2), POOL_X), "avg_same": (A(3, 2, "SAME"), POOL_X),
        "avg_rect": (A((3, 2), (2, 1)), POOL_X),
        "max_fn": (lambda x: mp(x, 2), POOL_X), "max_fn_pad": (lambda x: mp(x, 3, 2, padding=1), POOL_X),
        "max_fn_ceil": (lambda x: mp(x, 2, 2, ceil_mode=True), POOL_X),
        "max_fn_dilation": (lambda x: mp(x, (2, 3), (1, 2), padding=(1, 1), dilation=2), POOL_X),
        "avg_fn_pad": (lambda x: ap(x, 3, 2, 1), POOL_X),
        "avg_fn_pad_excl": (lambda x: ap(x, 3, 2, 1, count_include_pad=False), POOL_X),
        "avg_fn_ceil": (lambda x: ap(x, 2, 2, ceil_mode=True), POOL_X),
        "avg_fn_ceil_pad": (lambda x: ap(x, 3, 2, (1, 0, 1, 1), ceil_mode=True), POOL_X),
        "avg_fn_divisor": (lambda x: ap(x, (2, 3), 1, divisor_override=4), POOL_X),
        "adaptive_uneven": (AA((3, 4)), POOL_X),
        "adaptive_none": (AA((None, 4)), POOL_X), "adaptive_up": (AA((9, 6)), POOL_X),
        "adaptive_3d_fn": (lambda x: ms.ops.adaptive_avg_pool2d(x, 2), POOL_X[0])})


def case_max_pool_indices(ms):
    f = ms.ops.max_pool2d
    return {"pad": f(ms.Tensor(POOL_X), 3, 2, 1, return_indices=True),
            "ties": f(ms.Tensor(TIES), 2, return_indices=True)}


def case_err_max_pool_rank(ms):
    return ms.ops.MaxPool(2, 2)(ms.Tensor(POOL_X[0]))


def case_err_max_pool_small(ms):
    return ms.ops.MaxPool(8, 1)(ms.Tensor(POOL_X))


def case_err_avg_pool_rank(ms):
    return ms.ops.AvgPool(2, 2)(ms.Tensor(POOL_X[0, 0]))


def case_err_adaptive_rank(ms):
    return ms.ops.AdaptiveAvgPool2D(2)(ms.Tensor(POOL_X[0, 0]))


# ---- normalization ------------------------------------------------------------------------------------
def case_batch_norm(ms):
    train, train_2d, infer = (ms.ops.BatchNorm(is_training=True, epsilon=1e-4), ms.ops.BatchNorm(is_training=True),
                              ms.ops.BatchNorm(is_training=False))
    bn = (BN_X, BN_SCALE, BN_BIAS, BN_MEAN, BN_VAR)
    bn2 = (BN_X2, BN_SCALE, BN_BIAS, BN_MEAN, BN_VAR)
    grads = _grads(ms, {"train": (train,) + bn, "train_2d": (train_2d,) + bn2, "infer": (infer,) + bn},
                   first=("train", "train_2d", "infer"))
    out, out2 = train(*(ms.Tensor(x) for x in bn)), train_2d(*(ms.Tensor(x) for x in bn2))
    # Outputs 1 and 2 (training) and 1-4 (inference) are left undefined by MindSpore's CPU kernel.
    return {"grads": {k: v["grads"][:3] for k, v in grads.items()}, "y": {k: v["out"] for k, v in grads.items()},
            "train_stats": [out[3], out[4]], "train_2d_stats": [out2[3], out2[4]]}


def case_batch_norm_fn(ms):
    mean = ms.Parameter(ms.Tensor(BN_MEAN), name="running_mean", requires_grad=False)
    var = ms.Parameter(ms.Tensor(BN_VAR), name="running_var", requires_grad=False)
    f = ms.ops.batch_norm
    train = f(ms.Tensor(BN_X), mean, var, ms.Tensor(BN_SCALE), ms.Tensor(BN_BIAS), training=True, momentum=0.2)
    stats = (mean.value(), var.value())
    infer = f(ms.Tensor(BN_X), mean, var, ms.Tensor(BN_SCALE), ms.Tensor(BN_BIAS))
    return {"train": train, "stats": stats, "infer": infer}


def case_batch_norm_writes_stats(ms):
    """The primitive in training writes the moving statistics into its inputs, Parameters and plain Tensors alike
    (momentum 0.2, the variance unbiased), twice in a row; in inference it leaves them."""
    mean = ms.Parameter(ms.Tensor(BN_MEAN), name="mean", requires_grad=False)
    var = ms.Parameter(ms.Tensor(BN_VAR), name="var", requires_grad=False)
    mean_t, var_t = ms.Tensor(BN_MEAN), ms.Tensor(BN_VAR)
    train, infer = ms.ops.BatchNorm(is_training=True, momentum=0.2), ms.ops.BatchNorm(is_training=False)
    out = {}
    for step, x in enumerate((BN_X, BN_X * 2 + 1)):
        train(ms.Tensor(x), ms.Tensor(BN_SCALE), ms.Tensor(BN_BIAS), mean, var)
        out[f"parameters_{step}"] = (mean.value(), var.value())
    train(ms.Tensor(BN_X2), ms.Tensor(BN_SCALE), ms.Tensor(BN_BIAS), mean_t, var_t)
    out["tensors_2d"] = (mean_t, var_t)
    infer(ms.Tensor(BN_X), ms.Tensor(BN_SCALE), ms.Tensor(BN_BIAS), mean, var)
    out["after_infer"] = (mean.value(), var.value())
    return out


def case_norms(ms):
    L, L2 = ms.ops.LayerNorm, ms.ops.L2Normalize
    return _grads(ms, {
        "layer_norm_axis1": (L(), LN_X, LN_G34, LN_B34), "layer_norm_last": (L(-1, -1, 1e-5), LN_X, LN_G4, LN_B4),
        "group_norm": (lambda x, w, b: ms.ops.group_norm(x, 2, w, b), GN_X, GN_W, GN_B),
        "group_norm_plain": (lambda x: ms.ops.group_norm(x, 4, eps=1e-3), GN_X),
        "l2_axis0": (L2(), L2_X), "l2_axis1": (L2(axis=1), L2_X), "l2_neg": (L2(axis=-1, epsilon=1e-6), L2_X)},
        first=("layer_norm_axis1", "layer_norm_last"))


def case_relu_nan(ms):
    """MindSpore's CPU ReLU gives 0 for NaN (and its gradient there is 0)."""
    x = np.array([np.nan, -1.0, 0.0, 2.0, np.inf, -np.inf], np.float32)
    return _grads(ms, {"relu": (ms.ops.ReLU(), x), "relu_fn": (ms.ops.relu, x)})


def case_l2_normalize_grad_kernel(ms):
    """Where MindSpore's L2NormalizeGrad parts from the derivative: a length-1 axis (its sum counts the element
    twice), norms below epsilon and norms between epsilon and sqrt(epsilon) (the forward's floor)."""
    L2 = ms.ops.L2Normalize
    return _grads(ms, {"axis_len1": (L2(axis=-1), L2_X.reshape(3, 4, 1)), "below_epsilon": (L2(axis=1), L2_X * 1e-5),
                       "below_sqrt_epsilon": (L2(axis=1), L2_X * 2e-3)})


def case_norm_outputs(ms):
    L = ms.ops.LayerNorm
    return {"layer_norm_axis1": L()(ms.Tensor(LN_X), ms.Tensor(LN_G34), ms.Tensor(LN_B34)),
            "layer_norm_last": L(-1, -1, 1e-5)(ms.Tensor(LN_X), ms.Tensor(LN_G4), ms.Tensor(LN_B4)),
            "l2_tiny": ms.ops.L2Normalize(axis=0)(ms.Tensor(np.array([1e-3, 1e-3], np.float32)))}


def case_err_batch_norm_channels(ms):
    return ms.ops.BatchNorm()(ms.Tensor(BN_X), ms.Tensor(GN_W), ms.Tensor(GN_W), ms.Tensor(GN_W), ms.Tensor(GN_W))


def case_err_layer_norm_params(ms):
    return ms.ops.LayerNorm()(ms.Tensor(LN_X), ms.Tensor(LN_G4), ms.Tensor(LN_B4))


def case_err_l2_normalize_axis(ms):
    return ms.ops.L2Normalize(axis=3)(ms.Tensor(L2_X[0]))


# ---- dropout, padding, sorting ------------------------------------------------------------------------
def case_dropout_keep_all(ms):
    out, mask = ms.ops.Dropout(keep_prob=1.0)(ms.Tensor(L2_X))
    return {"out": out, "mask": mask, "fn_eval": ms.ops.dropout(ms.Tensor(L2_X), 0.5, training=False),
            "fn_p0": ms.ops.dropout(ms.Tensor(L2_X), 0.0)}


def case_dropout_shapes(ms):
    out, mask = ms.ops.Dropout(keep_prob=0.6)(ms.Tensor(L2_X))
    return {"shapes": [list(out.shape), list(mask.shape)], "dtypes": [str(out.dtype), str(mask.dtype)]}


def case_err_dropout_int(ms):
    return ms.ops.Dropout()(ms.Tensor(np.ones(3, np.int32)))


def case_pad_sort(ms):
    p = ms.ops.pad
    return _grads(ms, {
        "pad_prim": (ms.ops.Pad(((0, 0), (1, 0), (0, 2), (1, 1))), PAD_X),
        "constant": (lambda x: p(x, (1, -1, 0, 2), value=2.5), PAD_X),
        "reflect": (lambda x: p(x, (2, 1, 1, 2), mode="reflect"), PAD_X),
        "replicate": (lambda x: p(x, (2, 1, 1, 0), mode="replicate"), PAD_X),
        "circular": (lambda x: p(x, (1, 2), mode="circular"), PAD_X[0]),
        "reflect_3d": (lambda x: p(x, (1, 1), mode="reflect"), PAD_X[0]),
        "topk": (lambda x: ms.ops.TopK()(x, 3), TOPK_X),
        "topk_fn": (lambda x: ms.ops.topk(x, 2, dim=0, largest=False), TOPK_X),
        "sort": (ms.ops.Sort(descending=True), TOPK_X)}, first=("topk", "topk_fn", "sort"))


def case_topk(ms):
    return {"prim_out": ms.ops.TopK()(ms.Tensor(TOPK_X), 3),
            "ties": ms.ops.TopK()(ms.Tensor(SORT_X), 4),  # MindSpore happens to keep index order here
            "int": ms.ops.TopK()(ms.Tensor(np.array([[1, 3, 1, 3, 2]], np.int64)), 2),
            "fn_dim0": ms.ops.topk(ms.Tensor(TOPK_X), 2, dim=0),
            "fn_small": ms.ops.topk(ms.Tensor(TOPK_X), 3, largest=False)}


def case_err_topk_k(ms):
    return ms.ops.TopK()(ms.Tensor(TOPK_X), 6)


def case_sort(ms):
    S = ms.ops.Sort
    return {"asc": S()(ms.Tensor(SORT_X)), "desc": S(descending=True)(ms.Tensor(SORT_X)),
            "axis0": S(axis=0)(ms.Tensor(SORT_X)), "int": S()(ms.Tensor(SORT_X.astype(np.int32))),
            "fn": ms.ops.sort(ms.Tensor(TOPK_X), 0, True)}

for _name in [n for n in globals() if n.startswith("case_err_")]:
    globals()[_name] = _error_case(globals()[_name])
