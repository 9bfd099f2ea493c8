"""Mixed precision: the dtype every layer produces under amp levels O0-O3 and Cell.to_float.

Values are not compared here (float16 arithmetic differs between MindSpore's CPU kernels and XLA in the last
bits); tests/test_amp.py checks them against float32 results with a float16 tolerance.
"""
import numpy as np

from ._helpers import deviates

RNG = np.random.RandomState(3)
X = RNG.randn(2, 1, 4, 4).astype(np.float32)
D = RNG.randn(2, 32).astype(np.float32)
A = RNG.randn(2, 2, 4, 4).astype(np.float32)


def _net(ms):
    nn, ops = ms.nn, ms.ops

    class Net(nn.Cell):
        def __init__(self):
            super().__init__()
            self.conv = nn.Conv2d(1, 2, 3, pad_mode="same")
            self.bn = nn.BatchNorm2d(2)
            self.relu = nn.ReLU()
            self.flat = nn.Flatten()
            self.dense = nn.Dense(32, 3)
            self.softmax = nn.Softmax()
            self.ones = ms.Tensor(np.ones((32, 2), np.float32))

        def construct(self, x):
            a = self.conv(x)
            b = self.bn(a)
            c = self.relu(b)
            d = self.flat(c)
            e = self.dense(d)
            return a, b, c, d, e, self.softmax(e), x + 1, ops.matmul(d, self.ones)
    # MindSpore's O1 rewrites the network from its source, resolving names in this module's globals.
    globals().update(Net=Net, nn=nn, ops=ops, ms=ms)
    return Net()


def _dtypes(outs):
    return [str(o.dtype) for o in outs]


def _level(level):
    def case(ms):
        inner = _net(ms)
        net = ms.amp.auto_mixed_precision(inner, level)
        x, d, a = ms.Tensor(X), ms.Tensor(D), ms.Tensor(A)
        return {"outputs": _dtypes(net(x)), "conv": str(inner.conv(x).dtype), "bn": str(inner.bn(a).dtype),
                "relu": str(inner.relu(a).dtype), "dense": str(inner.dense(d).dtype),
                "softmax": str(inner.softmax(d).dtype), "params": _dtypes(inner.get_parameters())}
    return case


for _level_name in ("O0", "O1", "O2", "O3", "auto"):
    globals()[f"case_auto_mixed_precision_{_level_name}"] = _level(_level_name)


def case_auto_level_function(ms):
    """Level "auto" on a function: matmul in float16, exp in float32, Concat/AddN promoted, the rest as given."""
    ops = ms.ops
    f = ms.amp.auto_mixed_precision(lambda a, h: (ops.matmul(a, a), ops.exp(h), a + h, ops.concat((a, h)),
                                                  ops.AddN()((h, a)), h * h, ops.softmax(h)), "auto")
    return _dtypes(f(ms.Tensor(D[:, :2]), ms.Tensor(D[:, 2:4].astype(np.float16))))


def case_auto_level_train_network(ms):
    """``build_train_network(level="auto")``: the loss is computed in float32 after the float16 products."""
    nn = ms.nn
    net = nn.Dense(32, 3)
    opt = nn.Momentum(net.trainable_params(), 0.1, 0.9)
    step = ms.amp.build_train_network(net, opt, nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean"),
                                      level="auto")
    loss = step(ms.Tensor(D), ms.Tensor(np.array([0, 2], np.int32)))
    return [str(loss.dtype), list(loss.shape), _dtypes(net.get_parameters())]


def case_auto_level_not_callable(ms):
    return ms.amp.auto_mixed_precision(3, "auto")


def case_to_float(ms):
    net = _net(ms)
    net.dense.to_float(ms.float16)
    return _dtypes(net(ms.Tensor(X)))


@deviates(
    "the message names the dtype's Python class, which is MindSpore's C++ type there",
    "ValueError",
    "For 'to_float', the argument 'dst_type' must be mstype.float32, mstype.float16 or mstype.bfloat16, "
    "but got type: <class 'mindshim.common.dtype.Type'> and value: Int32.")
def case_to_float_bad_dtype(ms):
    return _net(ms).to_float(ms.int32)


def case_amp_bad_level(ms):
    return ms.amp.auto_mixed_precision(_net(ms), "O5")


def case_all_finite(ms):
    T = ms.Tensor
    return [ms.amp.all_finite([T(np.ones(2, np.float32)), T(np.zeros(3, np.float32))]),
            ms.amp.all_finite([T(np.ones(2, np.float32)), T(np.array([1.0, np.inf], np.float32))])]


def case_dynamic_loss_scaler(ms):
    scaler = ms.amp.DynamicLossScaler(1024.0, 2, 2)
    T = ms.Tensor
    grads = (T(np.ones(2, np.float32)),)
    out = [scaler.scale(T(np.float32(1.5))), scaler.unscale(grads)[0]]
    for finite in (True, True, False, True):
        scaler.adjust(T(finite))
        out.append(scaler.scale_value.value())
    return out


def _custom(**lists):
    def case(ms):
        nn = ms.nn
        named = {"default": ms.amp.get_white_list() + [nn.Flatten], "dense": [nn.Dense], "matmul": [ms.ops.MatMul],
                 "bn": [nn.BatchNorm2d], "dense_softmax": [nn.Dense, nn.Softmax]}
        net = ms.amp.custom_mixed_precision(_net(ms), **{k: named[v] for k, v in lists.items()})
        return {"outputs": _dtypes(net(ms.Tensor(X))), "params": _dtypes(net.get_parameters())}
    return case


case_custom_white_default = _custom(white_list="default")
case_custom_white_dense = _custom(white_list="dense")
case_custom_white_primitive = _custom(white_list="matmul")
case_custom_black_bn = _custom(black_list="bn")
case_custom_black_dense_softmax = _custom(black_list="dense_softmax")


def case_get_white_list_is_new(ms):
    lists = ms.amp.get_white_list(), ms.amp.get_white_list()
    return [lists[0] is lists[1], len(lists[0]), ms.nn.Dense in lists[0], ms.ops.MatMul in lists[0]]


def case_custom_no_list(ms):
    return ms.amp.custom_mixed_precision(_net(ms))


def case_custom_both_lists(ms):
    return ms.amp.custom_mixed_precision(_net(ms), white_list=[ms.nn.Dense], black_list=[ms.nn.Dense])


def case_custom_bad_dtype(ms):
    return ms.amp.custom_mixed_precision(_net(ms), white_list=[ms.nn.Dense], dtype=ms.float32)


def case_custom_list_not_list(ms):
    return ms.amp.custom_mixed_precision(_net(ms), white_list=ms.nn.Dense)


def case_custom_black_not_cell(ms):
    return ms.amp.custom_mixed_precision(_net(ms), black_list=[ms.nn.Dense, int])


def case_custom_not_cell(ms):
    return ms.amp.custom_mixed_precision(lambda x: x, white_list=[ms.nn.Dense])
