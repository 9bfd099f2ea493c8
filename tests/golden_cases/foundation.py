"""Golden cases for the foundation: Tensor, printing, Parameter, Cell, ops, ForwardValueAndGrad."""
import itertools

import numpy as np

from ._helpers import deviates
from ._helpers import raises as _raises

RNG = np.random.RandomState(0)
X23 = RNG.randn(2, 3).astype(np.float32)
W32 = RNG.randn(3, 2).astype(np.float32)
W22 = RNG.randn(2, 2).astype(np.float32)
LOGITS = RNG.randn(4, 5).astype(np.float32)
PROBS = np.eye(5, dtype=np.float32)[[0, 3, 1, 4]]
W53 = RNG.randn(5, 3).astype(np.float32)


# ---- repr of Tensors (recorded in MindSpore 2.10's style; the tests also check the spec style) --------
REPR_DATA = {
    "scalar_f32": lambda: 2.5, "scalar_int": lambda: 3, "scalar_neg": lambda: -1.25, "scalar_bool": lambda: True,
    "scalar_third": lambda: np.float32(1 / 3), "scalar_tiny": lambda: np.float32(1e-10),
    "scalar_hundred": lambda: 100.0,
    "scalar_f16": lambda: np.float16(0.1),
    "scalar_big": lambda: np.float32(1.23456789e8),
    "scalar_nan": lambda: np.float32("nan"),
    "scalar_i32": lambda: np.int32(-7),
    "scalar_f64": lambda: np.float64(1 / 3),
    "empty_0x3": lambda: np.zeros((0, 3), np.float32), "empty_0": lambda: np.zeros((0,), np.float32),
    "vec3": lambda: np.array([1.5, -2, 3], np.float32), "vec_pos": lambda: np.array([1.0, 2.0], np.float32),
    "m22": lambda: np.array([[1, 2], [3, 4]], np.float32),
    "c222": lambda: np.arange(8).reshape(2, 2, 2).astype(np.float32) - 3,
    "m88": lambda: np.arange(64).reshape(8, 8).astype(np.float32), "int30": lambda: np.arange(30) - 5,
    "int30_pos": lambda: np.arange(30), "bool22": lambda: np.array([[True, False], [False, True]]),
    "bool30": lambda: np.arange(30) % 3 == 0, "f16": lambda: np.array([1.5, 2.25], np.float16),
    "f16_20": lambda: np.arange(20).astype(np.float16), "f64": lambda: np.array([1.5, 2.25]),
    "nan_inf": lambda: np.array([np.nan, np.inf, -np.inf, 1.0], np.float32),
    "vec20": lambda: np.arange(20).astype(np.float32),
    "vec1200": lambda: np.arange(1200).astype(np.float32), "int1200": lambda: np.arange(1200),
    "int_2x30": lambda: np.arange(60).reshape(2, 30),
    "big_small": lambda: np.array([1e20, 1e-20, 123456.0], np.float32),
    "int8": lambda: np.array([1, -100], np.int8), "uint8": lambda: np.array([1, 200], np.uint8),
    "int_777": lambda: np.arange(343).reshape(7, 7, 7).astype(np.int32),
    "m7x2": lambda: np.arange(14).reshape(7, 2).astype(np.float32),
    "neg_zero": lambda: np.array([-0.0, 1.0], np.float32), "list_float": lambda: [1.0, 2.0], "list_int": lambda: [1, 2],
    "list_bool": lambda: [True, False],
}


def _repr_case(make):
    def case(ms):
        t = ms.Tensor(make())
        return {"repr": repr(t), "str": str(t), "dtype": str(t.dtype), "shape": list(t.shape)}
    return case


for _name, _make in REPR_DATA.items():
    globals()[f"case_repr_{_name}"] = _repr_case(_make)


def case_repr_parameter(ms):
    return repr(ms.Parameter(ms.Tensor(np.ones((2, 2), np.float32)), name="weight"))


def case_str_parameter(ms):
    return str(ms.Parameter(ms.Tensor(np.ones((2, 2), np.float32)), name="weight", requires_grad=False))


# ---- Tensor construction, dtypes and promotion -----------------------------------------------------
def case_dtypes_of_constructors(ms):
    T = ms.Tensor
    return [str(x.dtype) for x in (T(1), T(1.0), T(True), T(np.ones(2)), T(np.ones(2, np.float32)), T([1, 2]),
                                   T([1.0, 2]), T((1, 2)), T(np.int32(3)), T(np.arange(3)), T(1, ms.float16),
                                   T(np.ones(2), ms.int32), T(T(1.5), ms.float64))]


def case_dtype_names(ms):
    return [str(d) for d in (ms.float16, ms.float32, ms.float64, ms.bfloat16, ms.int8, ms.int16, ms.int32, ms.int64,
                             ms.uint8, ms.uint16, ms.uint32, ms.uint64, ms.bool_)]


def case_promotion(ms):
    T = ms.Tensor
    i32, i64 = T(np.array([3], np.int32)), T(np.array([3], np.int64))
    f16, f32, f64 = T(np.array([1.5], np.float16)), T(np.array([1.5], np.float32)), T(np.array([1.5]))
    b = T(np.array([True]))
    u8, i8 = T(np.array([1], np.uint8)), T(np.array([1], np.int8))
    outs = [i32 + 1.5, i32 * 2, i64 + 1.5, i32 + f16, f16 + 2.5, f64 * f32, b + 1, u8 + i8, i32 / 2, i32 // 2,
            T(1) / T(2), i32 - i64, f32 * 2, 2 * f32, 1 - f32, 3 / f32, i32 + True,
            f32 @ T(np.ones((1, 1), np.float32)).T[0]]
    return outs


def case_tensor_properties(ms):
    t = ms.Tensor(np.arange(6).reshape(2, 3).astype(np.float32))
    return [t.shape, t.ndim, t.size, t.T, t.asnumpy().tolist(), t.astype(ms.int32), t.reshape(3, 2), t.reshape((6,)),
            t.sum(), t.sum(0), t.sum(axis=1, keepdims=True), t.mean(), t.mean(1), t.mean(axis=0, keep_dims=True)]


def case_tensor_int_reductions(ms):
    i = ms.Tensor(np.array([[1, 2], [3, 5]], np.int32))
    return [i.sum(), i.sum(1), ms.Tensor(np.array([True, True])).sum(), ms.ops.ReduceSum()(i, 1),
            ms.ops.ReduceMean()(i), ms.ops.ReduceMean(keep_dims=True)(i, 0)]


def case_tensor_indexing(ms):
    t = ms.Tensor(np.arange(24).reshape(2, 3, 4).astype(np.float32))
    return [t[0], t[1, 2], t[:, 1:3], t[..., -1], t[None, 0].shape, t[ms.Tensor(np.array([1, 0]))],
            t[0, ms.Tensor(np.array([0, 2]))], t[1, 1, 1]]


def case_tensor_setitem(ms):
    t = ms.Tensor(np.zeros((2, 3), np.float32))
    t[0, 1] = 5.0
    t[1] = ms.Tensor(np.array([1.0, 2.0, 3.0], np.float32))
    return t


# ---- host memory shared with numpy (MindSpore's on CPU) ----------------------------------------------------
def case_tensor_asnumpy_shares_memory(ms):
    x = ms.Tensor(np.array([1.0, 2.0], np.float32))
    before = ms.ops.sin(x)
    y = x.asnumpy()
    y[0] = 11  # seen by x and by what reads it next, not by results made before
    out = [x, x + 0, x.sum(), x.tolist(), repr(x), before, y.flags.writeable]
    z = x.asnumpy()
    z[1] = 3
    x[1] = 5.0  # __setitem__ writes into the shared memory
    out += [np.shares_memory(y, z), y.copy(), x]
    x.assign_value(ms.Tensor(np.array([7.0, 8.0], np.float32)))  # new memory: the arrays no longer share it
    y[0] = 0
    out += [x, y.copy()]
    w = ms.Tensor(np.array([1.0, 2.0], np.float32))
    np.asarray(w)[0] = 4  # np.asarray shares too
    return out + [w]


def case_tensor_from_numpy_shares_memory(ms):
    a = np.array([1.0, 2.0, 3.0], np.float32)
    t, c = ms.Tensor.from_numpy(a), ms.Tensor(a)  # Tensor(a) copies
    a[0] = 9
    out = [t, c, t * 1, repr(t)]
    t[1] = 5.0
    out.append(a.copy())
    b = np.arange(6, dtype=np.float32).reshape(2, 3).T  # not C-contiguous: copied
    u = ms.from_numpy(b)
    b[0, 0] = 7
    return out + [u]


def case_tensor_init_data_repr(ms):
    t = ms.Tensor(shape=(2, 2), dtype=ms.float32, init=ms.common.initializer.One())
    out = [t.init_data() is t, repr(t)]  # filled in host memory: printed as numpy prints
    t[0, 0] = 2.0
    out.append(repr(t))
    t.assign_value(ms.Tensor(np.ones((2, 2), np.float32)))
    return out + [repr(t)]


def case_tensor_operators(ms):
    a = ms.Tensor(np.array([[1.0, -2.0], [3.0, 4.0]], np.float32))
    b = ms.Tensor(np.array([[0.5, 2.0], [-1.0, 3.0]], np.float32))
    return [a + b, a - b, a * b, a / b, a @ b, -a, abs(a), a > b, a == b, a != b, a <= 1.0, a ** 2, a // b, a % 3]


# ---- Parameter --------------------------------------------------------------------------------------
def case_parameter_behaviour(ms):
    p = ms.Parameter(ms.Tensor(np.array([1.0, 2.0], np.float32)), name="p")
    q = p * 2
    p.set_data(ms.Tensor(np.array([3.0, 4.0], np.float32)))
    c = p.clone()
    return [type(q).__name__, q, p, p.name, p.requires_grad, c.name, c, type(p + p).__name__]


# ---- Cells: names, traversal, repr -------------------------------------------------------------------
def _nested(ms):
    nn = ms.nn

    class Inner(nn.Cell):
        def __init__(self):
            super().__init__()
            self.w = ms.Parameter(ms.Tensor(np.ones((2, 2), np.float32)))
            self.fixed = ms.Parameter(ms.Tensor(np.zeros(2, np.float32)), name="fixed", requires_grad=False)

        def construct(self, x):
            return ms.ops.matmul(x, self.w) + self.fixed

    class Outer(nn.Cell):
        def __init__(self):
            super().__init__()
            self.block = nn.SequentialCell([nn.Dense(2, 3), nn.ReLU(), nn.Dense(3, 2, has_bias=False)])
            self.inner = Inner()
            self.scale = ms.Parameter(ms.Tensor(np.float32(2.0)), name="scale")

        def construct(self, x):
            return self.inner(self.block(x)) * self.scale
    return Outer()


def case_cell_parameter_names(ms):
    net = _nested(ms)
    return {"params": [p.name for p in net.get_parameters()],
            "trainable": [p.name for p in net.trainable_params()],
            "untrainable": [p.name for p in net.untrainable_params()],
            "pairs": [n for n, _ in net.parameters_and_names()],
            "cells": [n for n, _ in net.cells_and_names()],
            "name_cells": list(net.name_cells().keys())}


def case_cell_repr(ms):
    return repr(_nested(ms))


def case_cell_repr_wrapped(ms):
    net = _nested(ms)
    loss = ms.nn.WithLossCell(net, ms.nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean"))
    return [repr(loss), [p.name for p in loss.trainable_params()]]


def case_cell_set_train(ms):
    net = _nested(ms)
    before = [net.training, net.block.training]
    net.set_train()
    after = [net.training, net.block.training, net.block[0].training]
    net.set_train(False)
    return [before, after, net.inner.training]


def case_withlosscell_names(ms):
    nn = ms.nn
    net = nn.SequentialCell([nn.Dense(3, 4), nn.Dense(4, 2)])
    wl = nn.WithLossCell(net, nn.SoftmaxCrossEntropyWithLogits())
    return [p.name for p in wl.trainable_params()]


# ---- ops of the foundation ------------------------------------------------------------------------------
def case_op_matmul(ms):
    P = ms.ops
    x, w = ms.Tensor(X23), ms.Tensor(W32)
    return [P.MatMul()(x, w), P.MatMul(transpose_a=True)(x, ms.Tensor(X23)), P.MatMul(transpose_b=True)(x, x),
            P.matmul(x, w), P.matmul(ms.Tensor(np.ones((2, 2, 3), np.float32)), w)]


def case_op_elementwise(ms):
    P = ms.ops
    x, y = ms.Tensor(X23), ms.Tensor(X23[::-1].copy())
    return [P.Add()(x, y), P.Sub()(x, y), P.Mul()(x, y), P.RealDiv()(x, y), P.add(x, 1.0), P.mul(2, x), P.sub(x, y),
            P.div(x, y), P.ReLU()(x), P.relu(x), P.Add()(x, ms.Tensor(np.ones(3, np.float32)))]


def case_op_softmax(ms):
    P = ms.ops
    x = ms.Tensor(LOGITS)
    return [P.Softmax()(x), P.Softmax(axis=0)(x), P.LogSoftmax()(x), P.softmax(x, 0), P.log_softmax(x)]


def case_op_reduce(ms):
    P = ms.ops
    x = ms.Tensor(np.arange(24).reshape(2, 3, 4).astype(np.float32))
    return [P.ReduceSum()(x), P.ReduceSum()(x, 1), P.ReduceSum(keep_dims=True)(x, (0, 2)), P.ReduceSum()(x, -1),
            P.ReduceMean()(x), P.ReduceMean(keep_dims=True)(x, 1), P.ReduceMean()(x, (0, 1)),
            P.sum(x), P.sum(x, 1), P.sum(x, 2, True), P.mean(x), P.mean(x, 0)]


def case_op_shape(ms):
    P = ms.ops
    x = ms.Tensor(np.arange(6).reshape(2, 3).astype(np.float32))
    return [P.Reshape()(x, (3, 2)), P.Reshape()(x, (-1,)), P.reshape(x, (1, -1)), P.Transpose()(x, (1, 0)),
            P.transpose(x, (1, 0)), P.Cast()(x, ms.int32), P.cast(x, ms.float16), P.Cast()(x, ms.bool_)]


def case_op_one_hot(ms):
    P = ms.ops
    idx = ms.Tensor(np.array([0, 2, 1], np.int32))
    on, off = ms.Tensor(1.0, ms.float32), ms.Tensor(0.0, ms.float32)
    return [P.OneHot()(idx, 3, on, off), P.OneHot(axis=0)(idx, 4, on, off), P.one_hot(idx, 3, on, off),
            P.one_hot(ms.Tensor(np.array([1, 0], np.int64)), 2)]


def case_op_softmax_ce(ms):
    P = ms.ops
    return list(P.SoftmaxCrossEntropyWithLogits()(ms.Tensor(LOGITS), ms.Tensor(PROBS)))


def case_op_sparse_softmax_ce(ms):
    P = ms.ops
    labels = ms.Tensor(np.array([0, 3, 1, 4], np.int32))
    return [P.SparseSoftmaxCrossEntropyWithLogits()(ms.Tensor(LOGITS), labels),
            P.SparseSoftmaxCrossEntropyWithLogits(is_grad=True)(ms.Tensor(LOGITS), labels)]


def case_op_sparse_softmax_ce_underflow(ms):
    """MindSpore's CPU kernel takes the log of the softmax: a label whose probability is below Float32's smallest
    normal (a logit gap past 87.3) gives inf, the dense op's log-softmax does not."""
    P = ms.ops
    logits = ms.Tensor(np.array([[0, 90, 1], [0, 80, 3], [1, 2, 3]], np.float32))
    labels = ms.Tensor(np.array([0, 0, 2], np.int32))
    return [P.SparseSoftmaxCrossEntropyWithLogits()(logits, labels),
            P.SparseSoftmaxCrossEntropyWithLogits()(logits[1:], labels[1:]),
            P.SoftmaxCrossEntropyWithLogits()(logits, ms.Tensor(np.eye(3, dtype=np.float32)[[0, 0, 2]]))[0]]


def case_nn_softmax_ce_losses(ms):
    nn = ms.nn
    logits, probs = ms.Tensor(LOGITS), ms.Tensor(PROBS)
    labels = ms.Tensor(np.array([0, 3, 1, 4], np.int32))
    return [nn.SoftmaxCrossEntropyWithLogits()(logits, probs),
            nn.SoftmaxCrossEntropyWithLogits(reduction="mean")(logits, probs),
            nn.SoftmaxCrossEntropyWithLogits(reduction="sum")(logits, probs),
            nn.SoftmaxCrossEntropyWithLogits(sparse=True)(logits, labels),
            nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")(logits, labels),
            nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="sum")(logits, labels)]


# ---- bad input --------------------------------------------------------------------------------------------
@deviates(
    'the brief writes MindSpore\'s usual "For \'MatMul\'," form; 2.10 drops the comma',
    "ValueError",
    "For 'MatMul', the input dimensions must be equal, but got 'x1_col': 3 and 'x2_row': 2.")
def case_err_matmul_dims(ms):
    return ms.ops.MatMul()(ms.Tensor(np.ones((2, 3), np.float32)), ms.Tensor(np.ones((2, 2), np.float32)))


def case_err_matmul_rank(ms):
    return ms.ops.MatMul()(ms.Tensor(np.ones(3, np.float32)), ms.Tensor(np.ones((3, 2), np.float32)))


def case_err_matmul_types(ms):
    return ms.ops.MatMul()(ms.Tensor(np.ones((2, 3), np.float32)), ms.Tensor(np.ones((3, 2), np.int32)))


@deviates("2.10 raises RuntimeError from its kernel; a shape mismatch is a ValueError in mindshim", "ValueError")
def case_err_matmul_ext(ms):
    return ms.ops.matmul(ms.Tensor(np.ones((2, 3), np.float32)), ms.Tensor(np.ones((2, 2), np.float32)))


@deviates(
    "2.10 names an off-by-two axis index ([3]) for these shapes; mindshim names the real axis",
    "ValueError",
    "For 'Add', input1.shape and input2.shape need to broadcast. The value of input1.shape[1] or "
    "input2.shape[1] must be 1 or -1 when they are not the same, but got input1.shape = [2, 3] and "
    "input2.shape = [2, 2]")
def case_err_add_broadcast(ms):
    return ms.ops.Add()(ms.Tensor(np.ones((2, 3), np.float32)), ms.Tensor(np.ones((2, 2), np.float32)))


def case_err_reduce_axis(ms):
    return ms.ops.ReduceSum()(ms.Tensor(np.ones((2, 3), np.float32)), 5)


def case_err_softmax_int(ms):
    return ms.ops.Softmax()(ms.Tensor(np.ones(3, np.int32)))


def case_err_transpose_perm(ms):
    return ms.ops.Transpose()(ms.Tensor(np.ones((2, 3), np.float32)), (0,))


def case_err_one_hot_float(ms):
    return ms.ops.OneHot()(ms.Tensor(np.array([0, 1], np.float32)), 3, ms.Tensor(1.0), ms.Tensor(0.0))


def case_err_softmax_ce_shape(ms):
    return ms.ops.SoftmaxCrossEntropyWithLogits()(ms.Tensor(np.ones((2, 3), np.float32)),
                                                  ms.Tensor(np.ones((2, 2), np.float32)))


def case_err_sparse_ce_float_labels(ms):
    return ms.ops.SparseSoftmaxCrossEntropyWithLogits()(ms.Tensor(np.ones((2, 3), np.float32)),
                                                        ms.Tensor(np.array([0, 1], np.float32)))


def case_err_fvg_get_by_list_without_weights(ms):
    return ms.nn.ForwardValueAndGrad(ms.nn.Dense(2, 2), get_by_list=True)


# ---- ForwardValueAndGrad: every flag combination on three networks ------------------------------------------
def _spec_net(ms):
    class Net(ms.nn.Cell):
        def __init__(self):
            super().__init__()
            self.weight = ms.Parameter(ms.Tensor(np.ones([2, 2]).astype(np.float32)), name="weight")
            self.matmul = ms.ops.MatMul()

        def construct(self, x):
            return self.matmul(x, self.weight)
    net = Net()
    return ms.nn.WithLossCell(net, ms.nn.SoftmaxCrossEntropyWithLogits()), \
        (ms.Tensor(X23[:, :2].copy()), ms.Tensor(np.array([[0, 1], [1, 0]], np.float32))), \
        ms.Tensor(np.array([0.5, 2.0], np.float32))


def _two_output_net(ms):
    class TwoOut(ms.nn.Cell):
        def __init__(self):
            super().__init__()
            self.w = ms.Parameter(ms.Tensor(W32), name="w")

        def construct(self, x, y):
            h = ms.ops.matmul(x, self.w)
            return ms.ops.relu(h) * y, ms.ops.reduce_sum(h * h)
    return TwoOut(), (ms.Tensor(X23), ms.Tensor(np.array([[1.0, -1.0], [2.0, 0.5]], np.float32))), \
        (ms.Tensor(np.array([[1.0, 2.0], [3.0, 4.0]], np.float32)), ms.Tensor(np.float32(0.5)))


def _two_param_net(ms):
    class TwoParam(ms.nn.Cell):
        def __init__(self):
            super().__init__()
            self.w1 = ms.Parameter(ms.Tensor(W32), name="w1")
            self.w2 = ms.Parameter(ms.Tensor(W22), name="w2")
            self.frozen = ms.Parameter(ms.Tensor(np.array([0.1, -0.2], np.float32)), name="frozen",
                                       requires_grad=False)

        def construct(self, x):
            h = ms.ops.relu(ms.ops.matmul(x, self.w1)) + self.frozen
            return ms.ops.softmax(ms.ops.matmul(h, self.w2))
    return TwoParam(), (ms.Tensor(X23),), ms.Tensor(np.array([[1.0, 0.0], [0.5, -0.5]], np.float32))


NETS = {"spec": _spec_net, "two_output": _two_output_net, "two_param": _two_param_net}


def _fvg_case(make, get_all, get_by_list, sens_param):
    def case(ms):
        net, inputs, sens = make(ms)
        weights = ms.ParameterTuple(net.trainable_params())
        fvg = ms.nn.ForwardValueAndGrad(net, weights=weights, get_all=get_all, get_by_list=get_by_list,
                                        sens_param=sens_param)
        args = inputs + (sens,) if sens_param else inputs
        first = fvg(*args)
        return [first, fvg(*args)]
    return case


for (_net, _make), _a, _l, _s in itertools.product(NETS.items(), (False, True), (False, True), (False, True)):
    globals()[f"case_fvg_{_net}_all{int(_a)}_list{int(_l)}_sens{int(_s)}"] = _fvg_case(_make, _a, _l, _s)


def case_fvg_spec_example(ms):
    net, _, _ = _spec_net(ms)
    fvg = ms.nn.ForwardValueAndGrad(net, weights=ms.ParameterTuple(net.trainable_params()), get_all=True,
                                    get_by_list=True)
    return fvg(ms.Tensor(np.ones([1, 2]).astype(np.float32)), ms.Tensor(np.zeros([1, 2]).astype(np.float32)))


def case_fvg_sparse_labels(ms):
    nn = ms.nn
    net = nn.Dense(3, 5, weight_init=ms.Tensor(W53), bias_init="zeros")
    loss = nn.WithLossCell(net, nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean"))
    fvg = nn.ForwardValueAndGrad(loss, weights=ms.ParameterTuple(loss.trainable_params()), get_all=True,
                                 get_by_list=True)
    return fvg(ms.Tensor(LOGITS[:, :3].copy()), ms.Tensor(np.array([0, 3, 1, 4], np.int32)))


def case_grad_operation(ms):
    net, inputs, sens = _two_param_net(ms)
    w = ms.ParameterTuple(net.trainable_params())
    G = ms.ops.GradOperation
    return [G()(net)(*inputs), G(get_all=True)(net)(*inputs), G(get_by_list=True)(net, w)(*inputs),
            G(get_all=True, get_by_list=True, sens_param=True)(net, w)(*inputs, sens)]


def case_grad_structures(ms):
    """A tuple of one position, or one Parameter, gives its gradient alone; a list of Parameters a tuple; with
    return_ids each gradient pairs with its position or name."""
    net, (x,), _ = _two_param_net(ms)

    def loss(x):
        return (net(x) * ms.Tensor(W22)).sum()
    grads = [ms.grad(loss, grad_position=positions, weights=weights)(x)
             for positions, weights in [((0,), None), (None, net.w1), (0, net.w2), (0, [net.w2]), (None, [net.w1])]]
    # return_ids where MindSpore 2.10 is consistent (it takes bool() of a single Parameter, and indexes a single
    # position's gradient unless the position is 0)
    grads += [ms.grad(loss, grad_position=positions, weights=weights, return_ids=True)(x)
              for positions, weights in [((0,), None), (0, [net.w2]), ((0,), (net.w1, net.w2)), (None, [net.w1])]]
    return grads + [ms.value_and_grad(loss, grad_position=None, weights=net.w1)(x)]


def case_grad_mutable_container(ms):
    """A mutable tuple, list or dict input (compiled, as MindSpore's GRAPH mode) gets gradients in its
    structure, a zero for a non-Tensor leaf."""
    def f(z, w):
        return ms.ops.matmul(z[0], z[1]).sum() * w

    def g(z, w):
        return ms.ops.matmul(z["x"], z["y"]).sum() * w + z["n"]

    @ms.jit
    def grads(a, b, w):
        return (ms.ops.GradOperation()(f)(ms.mutable((a, b)), w),
                ms.ops.GradOperation(get_all=True)(f)(ms.mutable([a, b]), w),
                ms.grad(g, grad_position=(0, 1))(ms.mutable({"x": a, "y": b, "n": 2.0}), w))
    return grads(ms.Tensor(X23), ms.Tensor(W32), ms.Tensor(np.float32(2.0)))


def case_mutable_bad_element(ms):
    return ms.mutable((ms.Tensor(X23), "x"))


def case_mutable_bad_dynamic_len(ms):
    return ms.mutable((1, 2), dynamic_len=3)


def case_mutable_dynamic_len_of_tensor(ms):
    return ms.mutable(ms.Tensor(X23), True)


def _hooked_nets(ms):
    class Inner(ms.nn.Cell):
        def __init__(self):
            super().__init__()
            self.w = ms.Parameter(ms.Tensor(np.float32(3.0)), name="w")

        def construct(self, x):
            return x * self.w

    class Outer(ms.nn.Cell):
        def __init__(self):
            super().__init__()
            self.weight = ms.Parameter(ms.Tensor(np.float32(2.0)), name="weight")
            self.inner = Inner()

        def construct(self, x):
            return self.inner(x * self.weight) + self.weight
    return Outer


def case_parameter_forward_hooks(ms):
    """Hooks apply in compiled calls only, inside the Cells' construct; a Parameter's own hook comes first, then
    the innermost running Cell's; gradients flow through them."""
    outer, x = _hooked_nets(ms), ms.Tensor(np.float32(1.5))

    def times(k):
        def hook(p):
            return p * k
        return hook
    plain, own, both, nested = outer(), outer(), outer(), outer()
    plain.register_parameter_forward_hook(times(10.0))
    own.register_parameter_forward_hook([{"params": [own.inner.w], "hook": times(10.0)}])
    both.register_parameter_forward_hook(times(10.0))
    both.register_parameter_forward_hook([{"params": [both.weight], "hook": times(100.0)}])
    nested.register_parameter_forward_hook(times(10.0))
    nested.inner.register_parameter_forward_hook(times(100.0))

    def read_outside(x):
        return own(x) + own.inner.w
    return [plain(x), ms.jit(plain)(x), ms.jit(own)(x), ms.jit(both)(x), ms.jit(nested)(x), ms.jit(read_outside)(x),
            ms.jit(ms.value_and_grad(both, grad_position=0, weights=both.trainable_params()))(x),
            ms.value_and_grad(both)(x)]


def case_parameter_forward_hook_bad_item(ms):
    return _hooked_nets(ms)().register_parameter_forward_hook([{"params": [1], "hook": abs}])


def case_parameter_forward_hook_missing_key(ms):
    return _hooked_nets(ms)().register_parameter_forward_hook([{"params": []}])


def case_ps_context(ms):
    """Parameter-server settings read back (passwords are write-only), restored to the defaults after."""
    ms.set_ps_context(enable_ssl=1, config_file_path="/tmp/ps.json", client_password="", server_password="")
    try:
        return [ms.get_ps_context(key) for key in ("enable_ps", "enable_ssl", "config_file_path")]
    finally:
        ms.set_ps_context(enable_ssl=False, config_file_path="")


def case_ps_context_unknown_key(ms):
    return ms.get_ps_context("client_password")


def case_set_ps_context_unknown_key(ms):
    return ms.set_ps_context(enable_pss=True)


def case_set_ps_context_enable_ps_type(ms):
    return ms.set_ps_context(enable_ps=1)


def case_offload(ms):
    net = ms.nn.Dense(2, 2)
    return [net.offload(), net.offload(3)]


def case_offload_bad_string(ms):
    return ms.nn.Dense(2, 2).offload("auto")


def case_offload_negative(ms):
    return ms.nn.Dense(2, 2).offload(-1)


def case_lazy_inline(ms):
    class Block(ms.nn.Cell):
        @ms.lazy_inline
        def __init__(self, n):
            super().__init__()
            self.dense = ms.nn.Dense(n, 2, weight_init="ones", bias_init="zeros")

        def construct(self, x):
            return self.dense(x)
    return Block(3)(ms.Tensor(X23))


def case_lazy_inline_bad_policy(ms):
    class Block(ms.nn.Cell):
        @ms.lazy_inline(policy="back")
        def __init__(self):
            super().__init__()

        def construct(self, x):
            return x
    return Block()


def case_parameter_forward_hook_training_step(ms):
    """A PyNative training step leaves the hooked Parameters as they are (mindshim compiles it, MindSpore does
    not); the optimizer updates the Parameter itself."""
    nn = ms.nn
    net = nn.Dense(2, 1, weight_init="ones", bias_init="zeros")

    def hook(p):
        return p * 2
    net.register_parameter_forward_hook(hook)
    opt = nn.SGD(net.trainable_params(), 0.1)
    step = nn.TrainOneStepCell(nn.WithLossCell(net, nn.MSELoss()), opt)
    loss = step(ms.Tensor(np.ones((1, 2), np.float32)), ms.Tensor(np.zeros((1, 1), np.float32)))
    opt((ms.Tensor(np.ones((1, 2), np.float32)), ms.Tensor(np.ones(1, np.float32))))
    return [loss, net.weight, net.bias, opt.global_step]


def case_numpy_left_operand(ms):
    """A numpy array or scalar on the left of an operator, and numpy's ufuncs, compute in numpy: ndarrays. (Not
    ``np.float64(2) * t``: its dtype is numpy's, float32 under the recorder's numpy 1, float64 under numpy 2.)"""
    t = ms.Tensor(np.array([1.0, 2.0], np.float32))
    return [np.ones(2, np.float32) + t, np.float32(2) * t, t * np.float32(2), np.ones(2) == t,
            np.sqrt(t), np.float32(1) == ms.Tensor([1.0]), np.maximum(t, 1.5), t == np.ones(2)]


# ---- a user's own op: ops.Custom (pyfunc), @kernel run as Python, registration info ----------------------------
def _mul_add(a, b):
    return a * b + 1


def _custom_mul_add(ms, **kwargs):
    return ms.ops.Custom(_mul_add, lambda a, b: a, lambda a, b: a, "pyfunc", **kwargs)


def case_custom_pyfunc(ms):
    x, y = ms.Tensor(X23), ms.Tensor(W32.T.copy())
    fixed = ms.ops.Custom(_mul_add, (2, 3), ms.float32, "pyfunc")

    @ms.jit
    def twice(a, b):
        return fixed(a, b) * 2
    return {"out": _custom_mul_add(ms)(x, y).asnumpy().tolist(), "fixed": fixed(x, y).asnumpy().tolist(),
            "jit": twice(x, y).asnumpy().tolist()}


def case_custom_pyfunc_outputs(ms):
    """Two outputs; the second declared Int32 while the function returns float32: MindSpore copies the bytes."""
    x = ms.Tensor(X23)
    op = ms.ops.Custom(lambda a: (a + 1, a * 2), lambda s: (s, s), lambda d: (d, ms.int32), "pyfunc")
    first, second = op(x)
    return {"first": first.asnumpy().tolist(), "second": second.asnumpy().tolist(), "dtype": str(second.dtype)}


def case_custom_pyfunc_bprop(ms):
    def bprop(a, b, out, dout):
        return dout * b, dout * a + out
    op = _custom_mul_add(ms, bprop=bprop)
    x, y = ms.Tensor(X23), ms.Tensor(W32.T.copy())
    gx, gy = ms.grad(lambda a, b: op(a, b).sum(), grad_position=(0, 1))(x, y)
    return {"gx": gx.asnumpy().tolist(), "gy": gy.asnumpy().tolist()}


def case_custom_pyfunc_no_bprop(ms):
    op = _custom_mul_add(ms)
    return ms.grad(lambda a: op(a, a).sum())(ms.Tensor(X23))


class _Named:
    """A function whose printed form is stable (errors name the function)."""
    def __call__(self, a, b):
        return _mul_add(a, b)

    def __repr__(self):
        return "<mul_add>"


def case_custom_bad_func_type(ms):
    return ms.ops.Custom(_Named(), (2, 3), ms.float32, "cuda")


def case_hybrid_kernel_as_python(ms):
    @ms.ops.kernel
    def outer_product(a, b):
        c = output_tensor(a.shape, a.dtype)  # noqa: F821 - an intrinsic of the Hybrid DSL
        with block_realize(c):  # noqa: F821
            for i0 in range(a.shape[0]):
                for i1 in range(b.shape[1]):
                    c[i0, i1] = 0.0
                    for i2 in range(a.shape[1]):
                        c[i0, i1] = c[i0, i1] + (a[i0, i2] * b[i2, i1])
        return c
    return outer_product(X23, W32).tolist()


def case_reg_op_info(ms):
    ops = ms.ops
    AiCPURegOp, CustomRegOp, DataType, TBERegOp = ops.AiCPURegOp, ops.CustomRegOp, ops.DataType, ops.TBERegOp
    custom = (CustomRegOp().input(0, "x", "dynamic").output(0, "y")
              .dtype_format(DataType.F16_Default, DataType.F16_Default)
              .attr("scale", "required", "float", default_value="1.0").target("CPU").get_op_info())
    tbe = (TBERegOp("Abs").fusion_type("ELEMWISE").async_flag(False).binfile_name("abs.so").compute_cost(10)
           .kernel_name("abs").partial_flag(True).op_pattern("formatAgnostic").need_check_supported(True)
           .dynamic_shape(True).attr("format", "required", "str", "all").input(0, "x", None, "required", None)
           .output(0, "y", True, "required", "all").real_input_index([0]).unknown_shape_formats(["ND", "ND"])
           .dtype_format(DataType.F16_None, DataType.F16_None)
           .dtype_format(DataType.F32_5HD, DataType.I32_Default_Tuple).get_op_info())
    aicpu = (AiCPURegOp("Stack").fusion_type("OPAQUE").attr("axis", "int").input(0, "x", "dynamic")
             .output(0, "y", "required").dtype_format(DataType.BOOL_Default, DataType.BOOL_Default).get_op_info())
    data_types = {k: v for k, v in vars(DataType).items() if not k.startswith("_")}
    return {"custom": repr(custom), "tbe": repr(tbe), "aicpu": repr(aicpu),
            "data_types": repr(sorted(data_types.items()))}


def case_reg_op_bad_value_depend(ms):
    return ms.ops.TBERegOp("A").input(0, "x", None, "required", None, "sometimes")


def case_reg_op_bad_dtype_format(ms):
    return ms.ops.CustomRegOp().input(0, "x").dtype_format(ms.ops.DataType.F16_Default, ms.ops.DataType.F16_Default)


def case_vm_impl_registry_and_prim_arg_register(ms):
    ops = ms.ops
    PrimitiveWithCheck, prim_arg_register = ops.PrimitiveWithCheck, ops.prim_arg_register
    get_vm_impl_fn, vm_impl_registry = ops.get_vm_impl_fn, ops.vm_impl_registry

    @vm_impl_registry.register("MyType")
    def vm_impl_dtype(prim):
        return lambda x: (prim, type(x).__name__)

    class MyMatMul(PrimitiveWithCheck):
        @prim_arg_register
        def __init__(self, transpose_a=False, transpose_b=False):
            self.init_prim_io_names(inputs=["x1", "x2"], outputs=["output"])
    prim = MyMatMul(True)
    return {"vm": list(get_vm_impl_fn("MyType")(1.0)), "missing": get_vm_impl_fn("Nothing"),
            "init_attrs": prim.init_attrs, "transpose_a": prim.transpose_a, "name": prim.name, "repr": repr(prim)}


def _morph_ops(ms):
    def mul_add(x, y):
        return x * y + x

    def bprop(x, y, out, dout):
        return dout * 2, dout * 3

    def infer(*args):
        return args[0]
    return ms.ops.Morph(mul_add, infer, infer), ms.ops.Morph(mul_add, infer, infer, bprop)


def case_morph_outside_graph(ms):
    plain, _ = _morph_ops(ms)
    return plain(ms.Tensor(X23), ms.Tensor(X23))


def case_morph_jit_and_graph_mode(ms):
    plain, with_bprop = _morph_ops(ms)
    x, y = ms.Tensor(X23), ms.Tensor(W32.T.copy())

    @ms.jit
    def forward(a, b):
        return plain(a, b) * 2

    @ms.jit
    def summed(a, b):
        return with_bprop(a, b).sum()

    class Net(ms.nn.Cell):
        def __init__(self, op):
            super().__init__()
            self.op = op

        def construct(self, a, b):
            return self.op(a, b) * a
    out = {"jit": forward(x, y).asnumpy().tolist(),
           "grad_bprop": [g.asnumpy().tolist() for g in ms.grad(summed, grad_position=(0, 1))(x, y)]}
    ms.set_context(mode=ms.GRAPH_MODE)
    try:
        for name, op in (("graph_grad", plain), ("graph_grad_bprop", with_bprop)):
            out[name] = [g.asnumpy().tolist() for g in ms.ops.GradOperation(get_all=True)(Net(op))(x, y)]
    finally:
        ms.set_context(mode=ms.PYNATIVE_MODE)
    return out


def _printed(fn):
    """What ``fn()`` prints, through ``sys.stdout`` or straight to file descriptor 1 (MindSpore's graph Print op
    writes there from C++), in order."""
    import contextlib
    import os
    import sys
    import tempfile
    sys.stdout.flush()
    saved = os.dup(1)
    with tempfile.TemporaryFile() as out:
        os.dup2(out.fileno(), 1)
        try:
            with open(out.fileno(), "w", buffering=1, closefd=False) as text, contextlib.redirect_stdout(text):
                fn()
        finally:
            os.dup2(saved, 1)
            os.close(saved)
        out.seek(0)
        return out.read().decode().splitlines()


def case_print_in_compiled_code(ms):
    """``print`` in a ``jit`` function and a GRAPH_MODE Cell prints on every call, as the Print op (each value on its
    own line); in a PyNative Cell under ``value_and_grad`` as Python prints."""
    x = ms.Tensor(np.array([1.0, -2.0], np.float32))
    m = ms.Tensor(np.arange(6).reshape(2, 3).astype(np.int32))

    @ms.jit
    def shown(a, b):
        print("a:", a, 3, b)
        return a * 2

    class Shown(ms.nn.Cell):
        def construct(self, a):
            print("in cell", a, a.shape)
            return (a * a).sum()

    def run():
        shown(x, m)
        shown(x + 1, m)
        ms.value_and_grad(Shown())(x)
        ms.set_context(mode=ms.GRAPH_MODE)
        try:
            Shown()(x)
        finally:
            ms.set_context(mode=ms.PYNATIVE_MODE)
    return _printed(run)


def case_grad_all_with_number_input(ms):
    """``GradOperation(get_all=True)`` given a Tensor and a Python number: the Tensor's gradient alone."""
    class Net(ms.nn.Cell):
        def construct(self, x, n):
            return x * x * n

    x = ms.Tensor(np.array([1.0, 2.0], np.float32))
    grad = ms.ops.GradOperation(get_all=True)
    return list(grad(Net())(x, 3)) + list(grad(Net())(x, 0.5))


def case_err_hook_not_callable(ms):
    return _raises(ms, lambda: ms.nn.ReLU().register_forward_pre_hook("hook"))


def case_err_hook_jit(ms):
    @ms.jit
    def hook(cell, inputs, output):
        return output
    return _raises(ms, lambda: ms.nn.ReLU().register_forward_hook(hook))
