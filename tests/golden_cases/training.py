"""Step-by-step training parity: each optimizer, both loop styles, 20 steps from identical weights and data."""
import numpy as np

RNG = np.random.RandomState(42)
MLP_X = [RNG.randn(8, 6).astype(np.float32) for _ in range(4)]
MLP_Y = [RNG.randint(0, 3, 8).astype(np.int32) for _ in range(4)]
CNN_X = [RNG.randn(8, 1, 8, 8).astype(np.float32) for _ in range(4)]
CNN_Y = [RNG.randint(0, 3, 8).astype(np.int32) for _ in range(4)]
INIT = RNG.randn(4096).astype(np.float32)
STEPS = 20
# nn.Lamb is left out: MindSpore 2.10 fails to run it on CPU (RuntimeError), so there is no golden.

OPTIMIZERS = {
    "sgd": lambda nn, p: nn.SGD(p, learning_rate=0.1),
    "sgd_nesterov_wd": lambda nn, p: nn.SGD(p, learning_rate=0.1, momentum=0.9, weight_decay=0.01, nesterov=True),
    "momentum_wd": lambda nn, p: nn.Momentum(p, 0.1, 0.9, weight_decay=0.01),
    "adam": lambda nn, p: nn.Adam(p, learning_rate=0.01),
    "adam_nesterov": lambda nn, p: nn.Adam(p, learning_rate=0.01, use_nesterov=True),
    "adam_weight_decay": lambda nn, p: nn.AdamWeightDecay(p, learning_rate=0.01, weight_decay=0.01),
    "rmsprop_centered": lambda nn, p: nn.RMSProp(p, learning_rate=0.01, centered=True),
    "adagrad": lambda nn, p: nn.Adagrad(p, learning_rate=0.05),

}


def _init(ms, net):
    """Deterministic weights from numpy (same on both sides), by parameter order."""
    offset = 0
    for p in net.trainable_params():
        n = int(np.prod(p.shape))
        data = np.resize(INIT[offset % 4000:], n).reshape(p.shape) * 0.3
        p.set_data(ms.Tensor(data.astype(np.float32)))
        offset += n
    return net


def _mlp(ms):
    nn = ms.nn
    return _init(ms, nn.SequentialCell([nn.Dense(6, 8), nn.ReLU(), nn.Dense(8, 3)])), MLP_X, MLP_Y


def _cnn(ms):
    nn = ms.nn
    net = nn.SequentialCell([nn.Conv2d(1, 4, 3, pad_mode="same"), nn.BatchNorm2d(4), nn.ReLU(),
                             nn.MaxPool2d(kernel_size=2, stride=2), nn.Flatten(), nn.Dense(64, 3)])
    return _init(ms, net), CNN_X, CNN_Y


def _run(ms, make, opt_name, loop):
    nn = ms.nn
    net, xs, ys = make(ms)
    net.set_train(True)
    loss_fn = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
    opt = OPTIMIZERS[opt_name](nn, net.trainable_params())
    if loop == "1x":
        step = nn.TrainOneStepCell(nn.WithLossCell(net, loss_fn), opt)
    else:
        def forward_fn(data, label):
            logits = net(data)
            return loss_fn(logits, label), logits
        grad_fn = ms.value_and_grad(forward_fn, None, opt.parameters, has_aux=True)

        @ms.jit
        def step(data, label):
            (loss, _), grads = grad_fn(data, label)
            opt(grads)
            return loss
    losses = [float(step(ms.Tensor(xs[i % 4]), ms.Tensor(ys[i % 4])).asnumpy()) for i in range(STEPS)]
    return {"losses": losses, "params": {p.name: p.value() for p in net.get_parameters()}}


def _case(make, opt_name, loop):
    return lambda ms: _run(ms, make, opt_name, loop)


for _opt in OPTIMIZERS:
    for _loop in ("1x", "2x"):
        globals()[f"case_mlp_{_opt}_{_loop}"] = _case(_mlp, _opt, _loop)
for _opt in ("momentum_wd", "adam"):
    for _loop in ("1x", "2x"):
        globals()[f"case_cnn_bn_{_opt}_{_loop}"] = _case(_cnn, _opt, _loop)
