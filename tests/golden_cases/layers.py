"""Golden cases for nn layers: forward values, gradients with respect to inputs and parameters, parameter
names/shapes/dtypes, repr, BatchNorm statistics, containers, recurrent layers and attention.

Parameters are set from a fixed numpy pool (in ``get_parameters()`` order, so the order is checked too);
gradients are of ``sum(W * output)`` (W fixed, non-random) through ``ForwardValueAndGrad(get_all=True,
get_by_list=True)``.
"""
from collections import OrderedDict

import numpy as np

from ._helpers import tolerance

RNG = np.random.RandomState(23)
POOL = RNG.randn(20000).astype(np.float32)
X_ACT = (RNG.randn(3, 5) * 2).astype(np.float32)
X_DENSE = RNG.randn(2, 3).astype(np.float32)
X_DENSE3 = RNG.randn(2, 5, 3).astype(np.float32)
# Convolution inputs and weights are positive (see nn_ops.py: no cancellation in the gradient sums).
X_CONV = RNG.rand(2, 4, 7, 6).astype(np.float32)
X_CONV1D = RNG.rand(2, 4, 9).astype(np.float32)
X_POOL = RNG.randn(2, 3, 7, 6).astype(np.float32)
X_BN = RNG.randn(4, 3, 2, 3).astype(np.float32)
X_BN1 = RNG.randn(6, 3).astype(np.float32)
X_BN1_3D = RNG.randn(4, 3, 5).astype(np.float32)
X_LN = RNG.randn(2, 3, 4).astype(np.float32)
X_GN = RNG.randn(2, 4, 3, 2).astype(np.float32)
IDS = np.array([[1, 0, 3], [4, 4, 2]], np.int32)
X_SEQ = RNG.randn(2, 5, 3).astype(np.float32)
H0 = RNG.randn(4, 2, 4).astype(np.float32)
C0 = RNG.randn(4, 2, 4).astype(np.float32)
SEQ_LEN = np.array([5, 3], np.int32)
Q = RNG.randn(3, 2, 4).astype(np.float32)
K = RNG.randn(5, 2, 4).astype(np.float32)
V = RNG.randn(5, 2, 4).astype(np.float32)
K6 = RNG.randn(5, 2, 6).astype(np.float32)
V2 = RNG.randn(5, 2, 2).astype(np.float32)
KPM = np.array([[False, False, True, False, True], [False, False, False, False, False]])
ATTN_MASK = RNG.randn(3, 5).astype(np.float32)


def _weight(shape):
    n = int(np.prod(shape))
    return (np.cos(np.arange(n) * 0.7) + 1.5).reshape(shape).astype(np.float32)


def _init(ms, net, positive=False):
    """Set every parameter from POOL, in ``get_parameters()`` order; variances positive."""
    offset = 0
    for p in net.get_parameters():
        n = int(np.prod(p.shape))
        value = POOL[offset:offset + n].reshape(p.shape) * 0.5
        offset += n
        if positive or "variance" in p.name:
            value = np.abs(value) + (0.5 if "variance" in p.name else 0.05)
        p.set_data(ms.Tensor(value, p.dtype))
    return net


def _params(net):
    return [[p.name, list(p.shape), str(p.dtype), p.requires_grad] for p in net.get_parameters()]


def _weighted(ms, out):
    if isinstance(out, tuple):
        return tuple(_weighted(ms, o) for o in out)
    return out * ms.Tensor(_weight(out.shape)).astype(out.dtype)


def _v(layer, *inputs, **kwargs):
    """A variant for ``_layer_cases``: ``layer(*inputs, **kwargs)``; inputs differentiated, kwargs constants."""
    return layer, inputs, kwargs


def _layer_cases(ms, variants):
    """For each variant: the forward value (times W), the gradients for its inputs and for its layer's trainable
    parameters, and the parameter list. All variants run as one network, one ForwardValueAndGrad call (one
    compiled program in mindshim, which keeps the suite fast); no layer may appear in two variants. The layers'
    parameter names get the variant's prefix afterwards."""
    specs = []
    for name, (layer, inputs, kwargs) in variants.items():
        specs.append((name, layer, [ms.Tensor(x) for x in inputs], kwargs, _params(layer),
                      list(layer.trainable_params())))

    class All(ms.nn.Cell):
        def __init__(self):
            super().__init__()  # prefixes l0., l1., ...: MindSpore's ParameterTuple wants unique names
            self.layers = [spec[1] for spec in specs]
            for i, layer in enumerate(self.layers):
                setattr(self, f"l{i}", layer)

        def construct(self, *xs):
            outs, i = [], 0
            for (_, _, inputs, kwargs, _, _), layer in zip(specs, self.layers):
                outs.append(_weighted(ms, layer(*xs[i:i + len(inputs)], **kwargs)))
                i += len(inputs)
            return tuple(outs)
    net = All()
    weights = ms.ParameterTuple([p for spec in specs for p in spec[5]])
    outs, (gx, gw) = ms.nn.ForwardValueAndGrad(net, weights, get_all=True, get_by_list=True)(
        *[t for spec in specs for t in spec[2]])
    result, i, j = {}, 0, 0
    for (name, _, inputs, _, params, trainable), out in zip(specs, outs):
        result[name] = {"out": out, "grad_inputs": gx[i:i + len(inputs)], "grad_params": gw[j:j + len(trainable)],
                        "params": params}
        i, j = i + len(inputs), j + len(trainable)
    return result


def _error_case(fn):
    """An error case. MindSpore 2.10 (CPU) may raise a failed op's error only at the next op launch: launching
    one more op here makes the error belong to this case."""
    def case(ms):
        out = fn(ms)
        ms.ops.Abs()(ms.Tensor(np.ones(1, np.float32)))
        return out
    return case


# ---- Dense and activations ----------------------------------------------------------------------------
# Layers whose weights are then set by ``_init`` are built with cheap 'zeros' initializers.
Z = {"weight_init": "zeros", "bias_init": "zeros"}


def case_dense(ms):
    nn = ms.nn
    values = _layer_cases(ms, {
        "relu": _v(_init(ms, nn.Dense(3, 4, activation="relu", **Z)), X_DENSE),
        "rank3": _v(_init(ms, nn.Dense(3, 2, has_bias=False, weight_init="zeros")), X_DENSE3),
        "cell_act": _v(_init(ms, nn.Dense(3, 4, activation=nn.Tanh(), **Z)), X_DENSE)})
    values["repr"] = [repr(nn.Dense(3, 4, **Z)), repr(nn.Dense(3, 4, has_bias=False, activation="sigmoid", **Z))]
    return values


def case_err_dense_activation(ms):
    return ms.nn.Dense(3, 4, activation="foo", **Z)


def case_err_dense_in_channels(ms):
    return ms.nn.Dense(0, 4)


_ACTIVATIONS = {
    "relu": lambda nn: nn.ReLU(), "relu6": lambda nn: nn.ReLU6(), "leaky": lambda nn: nn.LeakyReLU(0.1),
    "gelu": lambda nn: nn.GELU(), "gelu_exact": lambda nn: nn.GELU(False), "silu": lambda nn: nn.SiLU(),
    "sigmoid": lambda nn: nn.Sigmoid(), "tanh": lambda nn: nn.Tanh(), "softmax": lambda nn: nn.Softmax(0),
    "log_softmax": lambda nn: nn.LogSoftmax(), "hswish": lambda nn: nn.HSwish(), "hsigmoid": lambda nn: nn.HSigmoid(),
    "elu": lambda nn: nn.ELU(), "fast_gelu": lambda nn: nn.FastGelu(),
}


def case_activations(ms):
    values = _layer_cases(ms, {name: _v(make(ms.nn), X_ACT) for name, make in _ACTIVATIONS.items()})
    # MindSpore's LogSoftmaxGrad uses exp(output) from its approximate CPU exp (relative error ~5e-6): only the
    # forward value is compared.
    values["log_softmax"]["grad_inputs"] = None
    return values


def case_activation_reprs(ms):
    return [repr(make(ms.nn)) for make in _ACTIVATIONS.values()] + [repr(ms.nn.get_activation("relu6"))]


def case_err_get_activation(ms):
    return ms.nn.get_activation("foo", "Dense")


# ---- convolution --------------------------------------------------------------------------------------
def case_conv(ms):
    C, C1, CT = ms.nn.Conv2d, ms.nn.Conv1d, ms.nn.Conv2dTranspose
    return _layer_cases(ms, {
        "same_bias": _v(_init(ms, C(4, 3, 3, has_bias=True, **Z), True), X_CONV),
        "valid_s2": _v(_init(ms, C(4, 3, (3, 2), stride=2, pad_mode="valid", **Z), True), X_CONV),
        "pad_dil": _v(_init(ms, C(4, 2, 3, pad_mode="pad", padding=(1, 2, 0, 1), dilation=2, has_bias=True, **Z),
                            True), X_CONV),
        "group": _v(_init(ms, C(4, 6, 3, group=2, **Z), True), X_CONV),
        "conv1d_same": _v(_init(ms, C1(4, 3, 3, **Z), True), X_CONV1D),
        "conv1d_pad_bias": _v(_init(ms, C1(4, 2, 3, stride=2, pad_mode="pad", padding=1, has_bias=True, **Z), True),
                              X_CONV1D),
        "transpose_same_s2": _v(_init(ms, CT(4, 3, 3, stride=2, has_bias=True, **Z), True), X_CONV),
        "transpose_valid": _v(_init(ms, CT(4, 2, 2, stride=3, pad_mode="valid", **Z), True), X_CONV),
        "transpose_pad_out": _v(_init(ms, CT(4, 2, 3, stride=2, pad_mode="pad", padding=1, output_padding=1, **Z),
                                      True), X_CONV)})


def case_conv_reprs(ms):
    nn = ms.nn
    return [repr(nn.Conv2d(4, 3, 3, has_bias=True, weight_init="ones", bias_init="zeros")),
            repr(nn.Conv2d(4, 6, (3, 2), stride=2, pad_mode="pad", padding=1, group=2, weight_init="ones")),
            repr(nn.Conv1d(4, 3, 3, weight_init="zeros")),
            repr(nn.Conv2dTranspose(4, 3, 3, stride=2, weight_init="zeros"))]


def case_err_conv2d_input_rank(ms):
    return ms.nn.Conv2d(4, 3, 3, weight_init="zeros")(ms.Tensor(X_CONV[0]))


def case_err_conv2d_channels(ms):
    return ms.nn.Conv2d(3, 3, 3, weight_init="zeros")(ms.Tensor(X_CONV))


def case_err_conv2d_group(ms):
    return ms.nn.Conv2d(4, 3, 3, group=2)


def case_err_conv2d_pad_mode(ms):
    return ms.nn.Conv2d(4, 3, 3, pad_mode="foo", weight_init="zeros")


# ---- pooling ------------------------------------------------------------------------------------------
def case_pool(ms):
    M, A, AA = ms.nn.MaxPool2d, ms.nn.AvgPool2d, ms.nn.AdaptiveAvgPool2d
    # (AvgPool2d with ceil_mode and pad_mode 'valid' is left out: MindSpore 2.10's CPU kernel fails on it.)
    values = _layer_cases(ms, {
        "max_valid": _v(M(2, 2), X_POOL), "max_same": _v(M(3, 2, pad_mode="same"), X_POOL),
        "max_pad": _v(M(3, 2, pad_mode="pad", padding=1), X_POOL),
        "max_pad_ceil": _v(M((2, 3), (2, 2), pad_mode="pad", padding=(1, 0), ceil_mode=True), X_POOL),
        "max_unbatched": _v(M(2, 1), X_POOL[0]),
        "avg_valid": _v(A(2, 2), X_POOL), "avg_same": _v(A(3, 2, pad_mode="same"), X_POOL),
        "avg_pad": _v(A(3, 2, pad_mode="pad", padding=1), X_POOL),
        "avg_ceil_excl": _v(A(3, 2, pad_mode="pad", padding=(1, 0), ceil_mode=True, count_include_pad=False), X_POOL),
        "avg_divisor": _v(A(2, 1, divisor_override=3), X_POOL), "avg_unbatched": _v(A(2, 2), X_POOL[0]),
        "adaptive_uneven": _v(AA((3, 4)), X_POOL), "adaptive_unbatched": _v(AA(2), X_POOL[0])})
    values["max_indices"] = M(3, 2, pad_mode="pad", padding=1, return_indices=True)(ms.Tensor(X_POOL))
    values["repr"] = [repr(M(2, 2)), repr(M((2, 3), stride=(1, 1), pad_mode="same")),
                      repr(M(3, 2, pad_mode="pad", padding=1)), repr(A(2, 2)), repr(A(3, 1, pad_mode="same")),
                      repr(AA(2))]
    return values


def case_err_max_pool2d_rank(ms):
    return ms.nn.MaxPool2d(2)(ms.Tensor(X_POOL[0, 0]))


def case_err_max_pool2d_padding(ms):
    return ms.nn.MaxPool2d(2, padding=1)


def case_err_max_pool2d_kernel(ms):
    return ms.nn.MaxPool2d(0)


def case_err_avg_pool2d_padding(ms):
    return ms.nn.AvgPool2d(3, 2, padding=1)(ms.Tensor(X_POOL))


def case_err_avg_pool2d_rank(ms):
    return ms.nn.AvgPool2d(2)(ms.Tensor(X_POOL[0, 0]))


# ---- normalization ------------------------------------------------------------------------------------
def _stats(bn):
    return [bn.moving_mean.value(), bn.moving_variance.value()]


def case_batch_norm2d_train_eval(ms):
    bn = _init(ms, ms.nn.BatchNorm2d(3, momentum=0.8))
    bn.set_train(True)
    train = bn(ms.Tensor(X_BN))
    stats = _stats(bn)
    train2 = bn(ms.Tensor(X_BN * 2))
    stats2 = _stats(bn)
    bn.set_train(False)
    return {"train": train, "stats": stats, "train2": train2, "stats2": stats2, "eval": bn(ms.Tensor(X_BN)),
            "params": _params(bn)}


def case_sync_batch_norm(ms):
    """SyncBatchNorm on one device (a group of one): BatchNorm over 4D or 2D input."""
    bn = _init(ms, ms.nn.SyncBatchNorm(3, momentum=0.8)).set_train(True)
    train4, stats4 = bn(ms.Tensor(X_BN)), _stats(bn)
    train2, stats2 = bn(ms.Tensor(X_BN1)), _stats(bn)
    bn.set_train(False)
    return {"train4": train4, "stats4": stats4, "train2": train2, "stats2": stats2, "eval": bn(ms.Tensor(X_BN)),
            "params": _params(bn), "repr": repr(bn)}


def case_err_sync_batch_norm_rank(ms):
    return ms.nn.SyncBatchNorm(3)(ms.Tensor(X_BN1_3D))


def case_err_sync_batch_norm_groups(ms):
    return ms.nn.SyncBatchNorm(3, process_groups=[[0, 1]])


def case_norm_grads(ms):
    nn = ms.nn
    bn_train = _init(ms, nn.BatchNorm2d(3, eps=1e-3)).set_train(True)
    bn_eval = _init(ms, nn.BatchNorm2d(3, eps=1e-3)).set_train(False)
    bn1 = _init(ms, nn.BatchNorm1d(3)).set_train(True)
    values = _layer_cases(ms, {
        "bn2d_train": _v(bn_train, X_BN), "bn2d_eval": _v(bn_eval, X_BN), "bn1d_train": _v(bn1, X_BN1),
        "layer_norm_last": _v(_init(ms, nn.LayerNorm((4,))), X_LN),
        "layer_norm_two": _v(_init(ms, nn.LayerNorm((3, 4), begin_norm_axis=1, begin_params_axis=1, epsilon=1e-5)),
                             X_LN),
        "group_norm": _v(_init(ms, nn.GroupNorm(2, 4)), X_GN), "group_norm_4": _v(nn.GroupNorm(4, 4, eps=1e-3), X_GN)})
    values["stats_after_grad"] = {"bn2d_train": _stats(bn_train), "bn2d_eval": _stats(bn_eval), "bn1d": _stats(bn1)}
    return values


def case_batch_norm1d(ms):
    bn = _init(ms, ms.nn.BatchNorm1d(3))
    bn.set_train(True)
    out2d = bn(ms.Tensor(X_BN1))
    stats = _stats(bn)
    out3d = bn(ms.Tensor(X_BN1_3D))
    stats3d = _stats(bn)
    bn.set_train(False)
    return {"2d": out2d, "stats": stats, "3d": out3d, "stats3d": stats3d, "eval2d": bn(ms.Tensor(X_BN1)),
            "eval3d": bn(ms.Tensor(X_BN1_3D)),
            "use_batch_stats": ms.nn.BatchNorm1d(3, use_batch_statistics=True)(ms.Tensor(X_BN1))}


def case_norm_names_reprs(ms):
    nn = ms.nn
    return {"alone": _params(nn.BatchNorm2d(3)),
            "seq": _params(nn.SequentialCell([nn.Conv2d(1, 3, 3, weight_init="zeros"), nn.BatchNorm2d(3)])),
            "affine": _params(nn.BatchNorm2d(2, affine=False)), "group_norm": _params(nn.GroupNorm(1, 4, affine=False)),
            "repr": [repr(nn.BatchNorm2d(3)), repr(nn.BatchNorm1d(2, eps=1e-3, momentum=0.5)),
                     repr(nn.LayerNorm((4,))), repr(nn.GroupNorm(2, 4))]}


def case_err_batch_norm2d_rank(ms):
    return ms.nn.BatchNorm2d(3)(ms.Tensor(X_BN[0]))


def case_err_batch_norm1d_rank(ms):
    return ms.nn.BatchNorm1d(3)(ms.Tensor(X_BN))


def case_err_batch_norm_channels(ms):
    return ms.nn.BatchNorm2d(4)(ms.Tensor(X_BN))


def case_err_batch_norm_momentum(ms):
    return ms.nn.BatchNorm2d(3, momentum=2)


def case_err_group_norm_channels(ms):
    return ms.nn.GroupNorm(3, 4)


def case_err_layer_norm_shape(ms):
    return ms.nn.LayerNorm(4)


# ---- dropout, flatten, identity, embedding ------------------------------------------------------------
def case_dropout_deterministic(ms):
    nn = ms.nn
    x = ms.Tensor(X_ACT)
    d = nn.Dropout(p=0.5)
    eval_out = d(x)
    p0 = nn.Dropout(p=0.0).set_train(True)
    keep1 = nn.Dropout(keep_prob=1.0).set_train(True)
    return {"eval": eval_out, "p0_train": p0(x), "keep1_train": keep1(x),
            "repr": [repr(nn.Dropout(p=0.3)), repr(nn.Dropout(keep_prob=0.7)), repr(nn.Dropout())]}


def case_err_dropout_p(ms):
    return ms.nn.Dropout(p=1.0)


def case_err_dropout_keep_prob_type(ms):
    return ms.nn.Dropout(keep_prob=1)


def case_flatten_identity_embedding(ms):
    nn = ms.nn
    E = nn.Embedding
    emb = _init(ms, E(5, 3, embedding_table="zeros"))
    values = _layer_cases(ms, {
        "flatten": _v(nn.Flatten(), X_LN), "identity": _v(nn.Identity(), X_LN),
        "embedding": _v(emb, IDS), "embedding_one_hot": _v(_init(ms, E(5, 3, True, "zeros")), IDS)})
    values.update({"flatten_0_1": nn.Flatten(0, 1)(ms.Tensor(X_LN)), "flatten_neg": nn.Flatten(-2)(ms.Tensor(X_GN)),
                   "padding_idx": E(5, 2, embedding_table="ones", padding_idx=1)(ms.Tensor(IDS)),
                   "repr": [repr(nn.Flatten()), repr(nn.Identity()), repr(E(5, 3, embedding_table="zeros"))]})
    return values


def case_err_flatten_range(ms):
    return ms.nn.Flatten(3)(ms.Tensor(X_LN))


def case_err_embedding_vocab(ms):
    return ms.nn.Embedding(5.0, 3)


# ---- containers ---------------------------------------------------------------------------------------
def _names(cell):
    return [p.name for p in cell.get_parameters()]


def case_sequential(ms):
    nn = ms.nn
    seq = _init(ms, nn.SequentialCell([nn.Dense(3, 4, **Z), nn.ReLU(), nn.Dense(4, 2, **Z)]))
    named = nn.SequentialCell(OrderedDict([("fc", nn.Dense(3, 4, **Z)), ("act", nn.ReLU())]))
    res = {"out": _layer_cases(ms, {"seq": _v(seq, X_DENSE)})["seq"], "len": len(seq), "names": _names(seq),
           "named": _names(named), "repr": repr(seq), "named_repr": repr(named), "slice": _names(seq[1:]),
           "index": repr(seq[-1])}
    seq.append(nn.Dense(2, 2, **Z))
    res["append"] = _names(seq)
    seq._insert(1, nn.Dense(4, 4, **Z))  # private in MindSpore 2.10, used by its own code
    res["insert"] = _names(seq)
    del seq[0]
    res["del"] = _names(seq)
    seq[0] = nn.Dense(3, 4, **Z)
    res["setitem"] = _names(seq)

    class Parent(nn.Cell):
        def __init__(self):
            super().__init__()
            self.features = nn.SequentialCell(nn.Dense(3, 4, **Z), nn.ReLU())
            self.features.append(nn.Dense(4, 2, **Z))
    res["nested"] = _names(Parent())
    res["single"] = repr(nn.SequentialCell(nn.ReLU()))
    return res


def case_err_sequential_index(ms):
    return ms.nn.SequentialCell([ms.nn.ReLU()])[3]


def case_err_sequential_type(ms):
    return ms.nn.SequentialCell({"a": ms.nn.ReLU()})


def case_cell_list(ms):
    nn = ms.nn
    cl = nn.CellList([nn.Dense(3, 4, **Z), nn.ReLU()])
    res = {"names": _names(cl), "len": len(cl), "repr": repr(cl)}
    cl.append(nn.Dense(4, 2, **Z))
    cl.insert(0, nn.Dense(2, 3, **Z))
    res["insert"] = _names(cl)
    cl.extend([nn.Dense(2, 2, **Z)])
    del cl[1]
    res["del"] = _names(cl)
    res["slice"] = repr(cl[1:3])
    res["iter"] = [type(c).__name__ for c in cl]
    return res


def case_cell_dict(ms):
    nn = ms.nn
    cd = nn.CellDict({"fc": nn.Dense(3, 4, **Z), "act": nn.ReLU()})
    res = {"names": _names(cd), "keys": list(cd.keys()), "repr": repr(cd), "contains": "fc" in cd}
    cd["out"] = nn.Dense(4, 2, **Z)
    res["added"] = _names(cd)
    res["popped"] = repr(cd.pop("act"))
    res["after_pop"] = list(cd.keys())
    return res


def case_err_cell_dict_nested(ms):
    return ms.nn.CellDict({"seq": ms.nn.SequentialCell([ms.nn.ReLU()])})


# ---- recurrent ----------------------------------------------------------------------------------------
@tolerance(3e-5, "a 2-layer bidirectional LSTM's weight gradients sum products over steps and gates with cancellation: "
                 "on an AMD EPYC one element came out 1.3e-5 apart (MindSpore's own moved 6e-7 between machines)")
def case_recurrent(ms):
    nn, T = ms.nn, ms.Tensor
    x_tm = np.swapaxes(X_SEQ, 0, 1).copy()
    return _layer_cases(ms, {
        "lstm_bi_hx": _v(_init(ms, nn.LSTM(3, 4, num_layers=2, bidirectional=True, batch_first=True)), X_SEQ,
                         hx=(T(H0), T(C0))),
        "lstm_no_bias": _v(_init(ms, nn.LSTM(3, 4, has_bias=False)), x_tm),
        "lstm_seq_length": _v(_init(ms, nn.LSTM(3, 4, bidirectional=True, batch_first=True)), X_SEQ,
                              seq_length=T(SEQ_LEN)),
        "gru_hx": _v(_init(ms, nn.GRU(3, 4, num_layers=2)), x_tm, hx=T(H0[:2])),
        "gru_seq_length": _v(_init(ms, nn.GRU(3, 4, batch_first=True)), X_SEQ, seq_length=T(SEQ_LEN)),
        "rnn_relu": _v(_init(ms, nn.RNN(3, 4, nonlinearity="relu", batch_first=True)), X_SEQ)})


def case_rnn_param_names(ms):
    nn = ms.nn
    return {"lstm": _params(nn.LSTM(3, 4, num_layers=2, bidirectional=True)),
            "gru": _params(nn.GRU(3, 4, has_bias=False)), "rnn": _params(nn.RNN(3, 4, num_layers=2)),
            "seq": _names(nn.SequentialCell([nn.LSTM(3, 4)])), "repr": [repr(nn.LSTM(3, 4)), repr(nn.GRU(3, 4))]}


def case_err_lstm_input_size(ms):
    return ms.nn.LSTM(4, 4)(ms.Tensor(X_SEQ))


def case_err_lstm_dropout_type(ms):
    return ms.nn.LSTM(3, 4, dropout=1)


def case_err_lstm_dropout_range(ms):
    return ms.nn.LSTM(3, 4, dropout=1.0)


def case_err_rnn_hidden(ms):
    return ms.nn.GRU(3, 0)


# ---- attention ----------------------------------------------------------------------------------------
def _mha(ms, *args, **kwargs):
    return _init(ms, ms.nn.MultiheadAttention(*args, dtype=ms.float64, **kwargs))


def case_multihead_attention(ms):
    # Float64: MindSpore's float32 CPU softmax uses its approximate exp, and the softmax gradient cancels
    # (the key bias's gradient is exactly zero in theory), so float32 results differ in their last digits.
    T = ms.Tensor
    q, k, v, k6, v2 = (a.astype(np.float64) for a in (Q, K, V, K6, V2))
    return _layer_cases(ms, {
        "masks_per_head": _v(_mha(ms, 4, 2), q, k, v, key_padding_mask=T(KPM),
                             attn_mask=T(ATTN_MASK.astype(np.float64)), average_attn_weights=False),
        "bool_attn_mask": _v(_mha(ms, 4, 1), q, k, v, attn_mask=T(ATTN_MASK > 0.5)),
        "batch_first": _v(_mha(ms, 4, 2, batch_first=True, has_bias=False), np.swapaxes(q, 0, 1).copy(),
                          np.swapaxes(k, 0, 1).copy(), np.swapaxes(v, 0, 1).copy(), need_weights=False),
        "kdim_vdim": _v(_mha(ms, 4, 2, kdim=6, vdim=2), q, k6, v2),
        "bias_kv_zero_attn": _v(_mha(ms, 4, 2, add_bias_kv=True, add_zero_attn=True), q, k, v,
                                key_padding_mask=T(KPM)),
        "unbatched": _v(_mha(ms, 4, 2), q[:, 0], k[:, 0], v[:, 0])})


def case_multihead_attention_params(ms):
    M = ms.nn.MultiheadAttention
    return {"same": _params(M(4, 2)), "kv": _params(M(4, 2, kdim=6, vdim=2, add_bias_kv=True)),
            "no_bias": _params(M(4, 1, has_bias=False)), "repr": repr(M(4, 2))}


def case_err_multihead_attention_heads(ms):
    return ms.nn.MultiheadAttention(5, 2)


for _name in [n for n in globals() if n.startswith("case_err_")]:
    globals()[_name] = _error_case(globals()[_name])
