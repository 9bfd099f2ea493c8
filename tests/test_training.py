"""Training steps: TrainOneStepCell compiled whole, loss scaling, the escape hatch to plain JAX."""
import os
import subprocess
import sys

import jax
import numpy as np
import pytest

import mindshim as ms
from mindshim import nn, ops

X = np.random.RandomState(0).randn(8, 3).astype(np.float32)
Y = np.array([0, 1, 0, 1, 1, 0, 1, 0], np.int32)


class PlainSGD(nn.Cell):
    """A user-written optimizer: the usual MindSpore optimizer interface, state in Parameters."""

    def __init__(self, params, lr):
        super().__init__()
        self.parameters = ms.ParameterTuple(params)
        self.lr = lr
        self.steps = ms.Parameter(ms.Tensor(np.int32(0)), name="steps", requires_grad=False)

    def construct(self, grads):
        for p, g in zip(self.parameters, grads):
            ops.assign(p, p - self.lr * g)
        ops.assign_add(self.steps, ms.Tensor(np.int32(1)))
        return True


def _net():
    net = nn.Dense(3, 2, weight_init=ms.Tensor(np.ones((2, 3), np.float32)), bias_init="zeros")
    return net, nn.WithLossCell(net, nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean"))


def _manual_losses(steps, lr):
    net, loss_net = _net()
    fvg = nn.ForwardValueAndGrad(loss_net, weights=ms.ParameterTuple(net.trainable_params()), get_by_list=True)
    losses = []
    for _ in range(steps):
        loss, grads = fvg(ms.Tensor(X), ms.Tensor(Y))
        for p, g in zip(net.trainable_params(), grads):
            p.set_data(p - lr * g)
        losses.append(float(loss.asnumpy()))
    return losses, net.weight.asnumpy()


def test_train_one_step_cell_is_one_compiled_step():
    net, loss_net = _net()
    opt = PlainSGD(net.trainable_params(), 0.1)
    step = nn.TrainOneStepCell(loss_net, opt)
    losses = [float(step(ms.Tensor(X), ms.Tensor(Y)).asnumpy()) for _ in range(5)]
    expected, weight = _manual_losses(5, 0.1)
    np.testing.assert_allclose(losses, expected, rtol=1e-6)
    np.testing.assert_allclose(net.weight.asnumpy(), weight, rtol=1e-6)
    assert int(opt.steps.asnumpy()) == 5
    assert step._compiled_call.traces == 1


def test_train_one_step_cell_sens_scales_gradients():
    net, loss_net = _net()
    step = nn.TrainOneStepCell(loss_net, PlainSGD(net.trainable_params(), 0.05), sens=2.0)
    step(ms.Tensor(X), ms.Tensor(Y))
    _, weight = _manual_losses(1, 0.1)
    np.testing.assert_allclose(net.weight.asnumpy(), weight, rtol=1e-6)


def test_loss_scale_overflow_skips_the_update():
    net, loss_net = _net()
    opt = PlainSGD(net.trainable_params(), 0.1)
    manager = nn.DynamicLossScaleUpdateCell(loss_scale_value=2.0 ** 127, scale_factor=2, scale_window=2)
    step = nn.TrainOneStepWithLossScaleCell(loss_net, opt, manager)
    before = net.weight.asnumpy().copy()
    loss, overflow, scale = step(ms.Tensor(X * 100), ms.Tensor(Y))  # gradients * 2**127 overflow float32
    assert bool(overflow.asnumpy())
    np.testing.assert_array_equal(net.weight.asnumpy(), before)  # skipped
    assert int(opt.steps.asnumpy()) == 0  # no optimizer state moved either
    assert float(step.scale_sense.asnumpy()) == 2.0 ** 126  # halved
    step.set_sense_scale(ms.Tensor(np.float32(1024.0)))
    for _ in range(2):
        loss, overflow, _ = step(ms.Tensor(X), ms.Tensor(Y))
        assert not bool(overflow.asnumpy())
    assert float(step.scale_sense.asnumpy()) == 2048.0  # doubled after scale_window good steps
    assert int(opt.steps.asnumpy()) == 2
    with pytest.raises(ValueError, match="the shape of 'scale_sense' must be"):
        nn.TrainOneStepWithLossScaleCell(loss_net, opt, ms.Tensor(np.ones(3, np.float32)))


def test_fixed_loss_scale_matches_unscaled_training():
    net, loss_net = _net()
    step = nn.TrainOneStepWithLossScaleCell(loss_net, PlainSGD(net.trainable_params(), 0.1),
                                            nn.FixedLossScaleUpdateCell(1024.0))
    for _ in range(3):
        step(ms.Tensor(X), ms.Tensor(Y))
    _, weight = _manual_losses(3, 0.1)
    np.testing.assert_allclose(net.weight.asnumpy(), weight, rtol=1e-5)


def test_escape_hatch_to_plain_jax_and_back():
    net, loss_net = _net()
    step_cell = nn.TrainOneStepCell(loss_net, PlainSGD(net.trainable_params(), 0.1))
    params, step = ms.functionalize(step_cell, return_state=True)
    assert set(params) == {"weight", "bias", "steps"}
    jstep = jax.jit(step)
    x, y = jax.numpy.asarray(X), jax.numpy.asarray(Y)
    losses = []
    for _ in range(4):
        loss, params = jstep(params, x, y)
        losses.append(float(loss))
    expected, weight = _manual_losses(4, 0.1)
    np.testing.assert_allclose(losses, expected, rtol=1e-6)
    np.testing.assert_allclose(net.weight.asnumpy(), np.ones((2, 3)))  # the Cell itself was not touched
    ms.load_params(step_cell, params)
    np.testing.assert_allclose(net.weight.asnumpy(), weight, rtol=1e-6)
    assert int(step_cell.optimizer.steps.asnumpy()) == 4
    with pytest.raises(KeyError, match="not Parameters of the cell"):
        ms.load_params(step_cell, {"nope": params["weight"]})


def test_graph_mode_compiles_cells_and_pynative_does_not():
    net, _ = _net()
    ms.set_context(mode=ms.GRAPH_MODE)
    try:
        out = net(ms.Tensor(X))
        assert net._compiled_call.traces == 1
        net(ms.Tensor(X))
        assert net._compiled_call.traces == 1
    finally:
        ms.set_context(mode=ms.PYNATIVE_MODE)
    np.testing.assert_allclose(net(ms.Tensor(X)).asnumpy(), out.asnumpy())
    assert net._compiled_call.traces == 1


def test_jit_on_construct():
    class Net(nn.Cell):
        def __init__(self):
            super().__init__()
            self.w = ms.Parameter(ms.Tensor(np.array([2.0], np.float32)), name="w")

        @ms.jit
        def construct(self, x):
            return x * self.w
    a, b = Net(), Net()
    b.w.set_data(ms.Tensor(np.array([3.0], np.float32)))
    x = ms.Tensor(np.array([1.0], np.float32))
    assert float(a(x).asnumpy()[0]) == 2.0 and float(b(x).asnumpy()[0]) == 3.0


def test_tracer_leak_into_cell_attribute_is_an_error():
    class Leaky(nn.Cell):
        def construct(self, x):
            self.cache = x * 2
            return x

    @ms.jit
    def f(x):
        return leaky(x)
    leaky = Leaky()
    with pytest.raises(RuntimeError, match="would leak it out of the trace"):
        f(ms.Tensor(np.ones(2, np.float32)))


def test_in_place_write_into_an_outside_tensor_is_an_error():
    """``t[i] = traced`` or ``t.assign_value(traced)`` on a Tensor from outside a compiled call would leak a tracer;
    Tensors made inside the call, and Parameters (state), take such writes."""
    outside = ms.Tensor(np.zeros(2, np.float32))
    counter = ms.Parameter(ms.Tensor(np.zeros(2, np.float32)), name="counter")

    @ms.jit
    def ok(x):
        inside = ops.zeros(2, ms.float32)
        inside[0] = x[0]
        counter[1] = x[1]
        return inside

    assert ok(ms.Tensor(np.array([3.0, 4.0], np.float32))).asnumpy().tolist() == [3.0, 0.0]
    assert counter.asnumpy().tolist() == [0.0, 4.0]
    for write in (lambda x: outside.__setitem__(0, x[0]), lambda x: outside.assign_value(x)):
        with pytest.raises(RuntimeError, match="would leak it out of the trace"):
            ms.jit(lambda x: (write(x), x)[1])(ms.Tensor(np.ones(2, np.float32)))
        assert outside.asnumpy().tolist() == [0.0, 0.0] and not isinstance(outside._data, jax.core.Tracer)


def test_donation_never_deletes_a_buffer_held_elsewhere():
    net, loss_net = _net()
    other = ms.Parameter(ms.Tensor(np.zeros((2, 3), np.float32)), name="other")
    other.set_data(net.weight.value())  # shares the weight's buffer
    kept = ms.Tensor(net.bias)  # a Tensor the user kept
    step = nn.TrainOneStepCell(loss_net, PlainSGD(net.trainable_params(), 0.1))
    for _ in range(2):
        step(ms.Tensor(X), ms.Tensor(Y))
    np.testing.assert_allclose(other.asnumpy(), np.ones((2, 3)))  # still readable, still the old values
    np.testing.assert_allclose(kept.asnumpy(), np.zeros(2))
    assert not np.allclose(net.weight.asnumpy(), 1.0)


_X64_SCRIPT = """
import numpy as np
import mindshim as ms
from mindshim import nn
net = nn.SequentialCell([nn.Dense(4, 8), nn.ReLU(), nn.Dense(8, 3)])
weights = np.load({weights!r})
for i, p in enumerate(net.trainable_params()):
    p.set_data(ms.Tensor(weights[f"w{{i}}"]))
loss_fn = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
step = nn.TrainOneStepCell(nn.WithLossCell(net, loss_fn), nn.Momentum(net.trainable_params(), 0.1, 0.9))
x = ms.Tensor(np.random.RandomState(0).randn(8, 4).astype(np.float32))
y = ms.Tensor(np.arange(8, dtype=np.int32) % 3)
losses = [float(step(x, y).asnumpy()) for _ in range(3)]
opt = nn.Adam(net.trainable_params(), 0.01)
grad_fn = ms.value_and_grad(lambda a, b: loss_fn(net(a), b), None, opt.parameters)
for _ in range(3):
    loss, grads = grad_fn(x, y)
    opt(grads)
    losses.append(float(loss.asnumpy()))
print(ms.Tensor(1).dtype, losses)
"""


@pytest.mark.parametrize("x64", ["1", "0"])
def test_training_runs_with_jax_x64_on_and_off(tmp_path, x64):
    """``MINDSHIM_X64=0`` (for programs that mix mindshim with 32-bit JAX code) leaves float32 training unchanged;
    only 64-bit dtypes narrow."""
    rng = np.random.RandomState(3)
    arrays = [rng.randn(*shape).astype(np.float32) for shape in ((8, 4), (8,), (3, 8), (3,))]
    weights = tmp_path / "w.npz"
    np.savez(weights, **{f"w{i}": a for i, a in enumerate(arrays)})
    script = tmp_path / "train.py"
    script.write_text(_X64_SCRIPT.format(weights=str(weights)))
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300,
                         env={**os.environ, "MINDSHIM_X64": x64})
    assert out.returncode == 0, out.stderr
    dtype, losses = out.stdout.strip().split(" ", 1)
    assert dtype == ("Int64" if x64 == "1" else "Int32")
    expected = _x64_reference(arrays)
    np.testing.assert_allclose(eval(losses), expected, rtol=1e-5)


def _x64_reference(arrays):
    """The same six steps in this process (64-bit mode on)."""
    net = nn.SequentialCell([nn.Dense(4, 8), nn.ReLU(), nn.Dense(8, 3)])
    for p, v in zip(net.trainable_params(), arrays):
        p.set_data(ms.Tensor(v))
    loss_fn = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
    step = nn.TrainOneStepCell(nn.WithLossCell(net, loss_fn), nn.Momentum(net.trainable_params(), 0.1, 0.9))
    x = ms.Tensor(np.random.RandomState(0).randn(8, 4).astype(np.float32))
    y = ms.Tensor(np.arange(8, dtype=np.int32) % 3)
    losses = [float(step(x, y).asnumpy()) for _ in range(3)]
    opt = nn.Adam(net.trainable_params(), 0.01)
    grad_fn = ms.value_and_grad(lambda a, b: loss_fn(net(a), b), None, opt.parameters)
    for _ in range(3):
        loss, grads = grad_fn(x, y)
        opt(grads)
        losses.append(float(loss.asnumpy()))
    return losses


def test_boost_gradient_accumulation():
    """As MindSpore 2.10: gradients / 2 accumulate; every 2nd call the optimizer runs on the sum and it is cleared."""
    net = ms.nn.Dense(2, 1, weight_init="ones", bias_init="zeros")
    acc = ms.boost.GradientAccumulation(2, ms.nn.SGD(net.trainable_params(), learning_rate=1.0))
    grads = tuple(ms.Tensor(np.full(p.shape, 2.0, np.float32)) for p in net.trainable_params())
    seen = []
    for _ in range(3):
        acc(ms.Tensor(0.0), grads)
        seen.append((net.weight.asnumpy().tolist(), acc._grad_accumulation[0].asnumpy().tolist(),
                     int(acc._accumulation_step.asnumpy())))
    assert seen == [([[1.0, 1.0]], [[1.0, 1.0]], 1), ([[-1.0, -1.0]], [[0.0, 0.0]], 0),
                    ([[-1.0, -1.0]], [[1.0, 1.0]], 1)]
