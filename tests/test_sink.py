"""Data sink mode (``Model.train(..., dataset_sink_mode=True, sink_size=N)``, ``mindspore.data_sink``) runs N steps
as one compiled loop and trains exactly as normal mode does: the same losses step by step and the same weights and
state after each epoch. (What the callbacks print is checked against MindSpore 2.10 in ``golden_cases/train_model``.)

Run as a script with ``--parallel`` (and 8 forced CPU devices) it prints the runs the data-parallel test compares.
"""
import json
import os
import subprocess
import sys

import numpy as np
import pytest

import mindshim as ms
from mindshim import nn

RNG = np.random.RandomState(3)
X = RNG.randn(56, 1, 6, 6).astype(np.float32)
Y = RNG.randint(0, 3, 56).astype(np.int32)


def _mlp():
    return nn.SequentialCell([nn.Flatten(), nn.Dense(36, 16), nn.ReLU(), nn.Dense(16, 3)])


def _cnn():
    return nn.SequentialCell([nn.Conv2d(1, 4, 3, pad_mode="same"), nn.BatchNorm2d(4), nn.ReLU(),
                              nn.MaxPool2d(kernel_size=2, stride=2), nn.Flatten(), nn.Dense(36, 3)])


def _optimizer(kind, params):
    if kind == "momentum":
        return nn.Momentum(params, 0.05, 0.9)
    if kind == "adam":
        return nn.Adam(params, 0.01, weight_decay=1e-3)
    if kind == "schedule":  # a learning-rate schedule and a weight-decay schedule, read at the global step
        lr = nn.ExponentialDecayLR(0.1, 0.7, 2)
        return nn.Momentum(params, lr, 0.9, weight_decay=1e-3)
    raise ValueError(kind)


class _ProtocolDataset:
    """A dataset that is not mindshim's: only MindSpore's protocol (size and tuple iterator)."""

    def __init__(self, dataset):
        self.dataset = dataset

    def get_dataset_size(self):
        return self.dataset.get_dataset_size()

    def create_tuple_iterator(self, num_epochs=-1):
        return self.dataset.create_tuple_iterator(num_epochs=num_epochs)


def _run(make_net, opt, sink_size, epochs=2, batch=8, n=56, manager=None, callbacks=(), protocol=False):
    """Train from fixed weights; returns per-step outputs (as numpy), all Parameters after, and the model."""
    ms.set_seed(7)
    net = make_net()
    for i, p in enumerate(net.trainable_params()):
        p.set_data(ms.Tensor((np.random.RandomState(i).randn(*p.shape) * 0.3).astype(np.float32)))
    loss = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
    kwargs = {} if manager is None else {"loss_scale_manager": manager}
    model = ms.train.Model(net, loss, _optimizer(opt, net.trainable_params()), **kwargs)
    steps = []
    record = ms.train.LambdaCallback(on_train_step_end=lambda rc: steps.append(
        [np.asarray(o.asnumpy()) for o in _outputs(rc.original_args().net_outputs)]))
    data = ms.dataset.NumpySlicesDataset((X[:n], Y[:n]), ["x", "y"], shuffle=False).batch(batch)
    if protocol:
        data = _ProtocolDataset(data)
    model.train(epochs, data, callbacks=[record, *callbacks], dataset_sink_mode=sink_size is not None,
                sink_size=sink_size or -1)
    state = {p.name: p.asnumpy() for p in model.train_network.get_parameters()}
    return steps, state, model


def _outputs(out):
    return out if isinstance(out, tuple) else (out,)


def _assert_same(a, b):
    steps_a, state_a, _ = a
    steps_b, state_b, _ = b
    assert len(steps_a) == len(steps_b)
    for sa, sb in zip(steps_a, steps_b):
        for x, y in zip(sa, sb):
            np.testing.assert_allclose(x, y, rtol=2e-5, atol=1e-6)
    assert state_a.keys() == state_b.keys()
    for name in state_a:
        np.testing.assert_allclose(state_a[name], state_b[name], rtol=2e-5, atol=1e-6, err_msg=name)


@pytest.mark.parametrize("make_net,opt", [(_mlp, "momentum"), (_cnn, "adam"), (_mlp, "adam"), (_cnn, "schedule")])
def test_sink_trains_as_normal_mode(make_net, opt):
    # 7 batches per epoch in sinks of 3: two full sinks and a partial one, each epoch.
    normal = _run(make_net, opt, None)
    sink = _run(make_net, opt, 3)
    _assert_same(sink, normal)
    assert len(sink[0]) == 14
    if make_net is _cnn:  # BatchNorm's moving statistics are carried through the loop too
        assert any("moving_mean" in name for name in sink[1])


def test_whole_epoch_sink_and_last_partial_batch():
    # sink_size=-1: one sink per epoch; 52 samples in batches of 8 end with a batch of 4 (a sink of its own).
    _assert_same(_run(_mlp, "momentum", -1, n=52), _run(_mlp, "momentum", None, n=52))


def test_sink_over_any_dataset_with_the_protocol():
    _assert_same(_run(_mlp, "momentum", 3, n=52, protocol=True), _run(_mlp, "momentum", None, n=52))


def test_sink_compiles_once_per_sink_length():
    _, _, model = _run(_mlp, "momentum", 3, epochs=3)
    call = model.train_network.__dict__["_sink_call"]
    assert call.traces == 2  # a sink of 3 and the partial sink of 1, traced once each over 3 epochs
    model.train(1, ms.dataset.NumpySlicesDataset((X, Y), ["x", "y"], shuffle=False).batch(8),
                dataset_sink_mode=True, sink_size=3)
    assert call.traces == 2  # a later run reuses the programs


def test_dynamic_loss_scale_skips_overflowing_updates_in_sink():
    # A scale near float32's largest overflows the gradients: those updates are skipped and the scale shrinks,
    # inside the loop as in normal mode; the manager's host-side scale follows every step.
    def manager():
        return ms.train.DynamicLossScaleManager(3e38, 2.0 ** 30, 2)
    normal_manager, sink_manager = manager(), manager()
    normal = _run(_mlp, "momentum", None, batch=4, manager=normal_manager)
    sink = _run(_mlp, "momentum", 5, batch=4, manager=sink_manager)
    _assert_same(sink, normal)
    overflow = [bool(s[1]) for s in sink[0]]
    assert any(overflow) and not all(overflow)
    assert sink_manager.get_loss_scale() == normal_manager.get_loss_scale()


def test_callbacks_see_each_step_and_stop_at_the_end_of_the_sink():
    # The callbacks run once per step after the sink; a stop request ends training after the sink that ran it
    # (the weights are those after the whole sink, as on MindSpore's GPU/Ascend sink mode).
    seen = []

    def step_end(rc):
        cb = rc.original_args()
        seen.append((cb.cur_epoch_num, cb.cur_step_num, cb.batch_num, float(cb.net_outputs.asnumpy())))
        if cb.cur_step_num == 2:
            rc.request_stop()
    stop = ms.train.LambdaCallback(on_train_step_end=step_end)
    steps, state, model = _run(_mlp, "momentum", 3, callbacks=[stop])
    assert [s[:3] for s in seen] == [(1, 1, 3), (1, 2, 3)]
    normal = _run(_mlp, "momentum", None, epochs=1, n=24)  # the 3 steps of the first sink
    for name in state:
        np.testing.assert_allclose(state[name], normal[1][name], rtol=2e-5, atol=1e-6)


def test_step_inputs_are_the_batches():
    elements = []
    grab = ms.train.LambdaCallback(on_train_step_begin=lambda rc: elements.append(
        [t.asnumpy() for t in rc.original_args().train_dataset_element]))
    _run(_mlp, "momentum", 3, epochs=1, callbacks=[grab])
    assert len(elements) == 7
    np.testing.assert_array_equal(elements[4][0], X[32:40])
    np.testing.assert_array_equal(elements[6][1], Y[48:56])


def test_data_sink_runs_sink_size_steps_per_call():
    def make():
        ms.set_seed(7)
        net = _mlp()
        for i, p in enumerate(net.trainable_params()):
            p.set_data(ms.Tensor((np.random.RandomState(i).randn(*p.shape) * 0.3).astype(np.float32)))
        opt = nn.Momentum(net.trainable_params(), 0.05, 0.9)
        loss_fn = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
        grad_fn = ms.value_and_grad(lambda x, y: loss_fn(net(x), y), None, opt.parameters)

        def step(x, y):
            loss, grads = grad_fn(x, y)
            opt(grads)
            return loss
        return net, step
    net_a, step_a = make()
    data = ms.dataset.NumpySlicesDataset((X, Y), ["x", "y"], shuffle=False).batch(8)
    sink = ms.data_sink(step_a, data, sink_size=3)
    sunk = [float(sink().asnumpy()) for _ in range(4)]  # 12 steps: the dataset (7 batches) starts over
    net_b, step_b = make()
    batches = [(ms.Tensor(X[i:i + 8]), ms.Tensor(Y[i:i + 8])) for i in range(0, 56, 8)] * 2
    losses = [float(step_b(*b).asnumpy()) for b in batches[:12]]
    np.testing.assert_allclose(sunk, losses[2::3], rtol=2e-5)
    for a, b in zip(net_a.trainable_params(), net_b.trainable_params()):
        np.testing.assert_allclose(a.asnumpy(), b.asnumpy(), rtol=2e-5, atol=1e-6)
    with pytest.raises(ValueError, match="The 'sink_size' must be positive"):
        ms.data_sink(step_a, data, sink_size=0)


def test_control_flow_in_a_sunk_step_is_a_clear_error():
    """A step whose trace needs a Tensor's value cannot be a loop on the device (no eager fallback there): a
    NotImplementedError naming the line and the way out, and the weights are unchanged."""
    net = _mlp()
    before = [p.asnumpy() for p in net.trainable_params()]

    def step(x, y):
        out = net(x)
        if out.sum() > 0:  # the sunk step's control flow
            out = out * 2
        return out.sum()
    data = ms.dataset.NumpySlicesDataset((X, Y), ["x", "y"], shuffle=False).batch(8)
    with pytest.raises(NotImplementedError, match=r"`if out.sum\(\) > 0:  # the sunk step.*without data sink mode"):
        ms.data_sink(step, data, sink_size=2)()
    for p, b in zip(net.trainable_params(), before):
        np.testing.assert_array_equal(p.asnumpy(), b)


def test_dataset_helper_and_connected_network():
    def step_cell():
        ms.set_seed(7)
        net = _mlp()
        for i, p in enumerate(net.trainable_params()):
            p.set_data(ms.Tensor((np.random.RandomState(i).randn(*p.shape) * 0.3).astype(np.float32)))
        loss = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
        return net, nn.TrainOneStepCell(nn.WithLossCell(net, loss), nn.Momentum(net.trainable_params(), 0.05, 0.9))

    def data():
        return ms.dataset.NumpySlicesDataset((X, Y), ["x", "y"], shuffle=False).batch(8)
    net_a, cell_a = step_cell()
    normal = [float(cell_a(*batch).asnumpy()) for batch in ms.train.DatasetHelper(data(), dataset_sink_mode=False)]
    assert len(normal) == 7
    ms.set_context(mode=ms.GRAPH_MODE)
    try:
        net_b, cell_b = step_cell()
        helper = ms.train.DatasetHelper(data(), dataset_sink_mode=True, sink_size=7)
        assert helper.sink_size() == 7
        network = ms.train.connect_network_with_dataset(cell_b, helper)
        last = [float(network(*inputs).asnumpy()) for inputs in helper]  # one call: the epoch's 7 steps
    finally:
        ms.set_context(mode=ms.PYNATIVE_MODE)
    assert last == pytest.approx(normal[-1:], rel=2e-5)
    for a, b in zip(net_a.trainable_params(), net_b.trainable_params()):
        np.testing.assert_allclose(a.asnumpy(), b.asnumpy(), rtol=2e-5, atol=1e-6)
    net_c, cell_c = step_cell()
    helper = ms.train.DatasetHelper(data(), sink_size=3)  # PyNative: 3 calls of one batch each per epoch
    network = ms.train.connect_network_with_dataset(cell_c, helper)
    np.testing.assert_allclose([float(network(*inputs).asnumpy()) for inputs in helper], normal[:3], rtol=2e-5)
    with pytest.raises(RuntimeError, match="should be called in dataset sink mode"):
        ms.train.connect_network_with_dataset(cell_c, ms.train.DatasetHelper(data(), dataset_sink_mode=False))
    with pytest.raises(ValueError, match="connected to other network"):
        ms.train.connect_network_with_dataset(cell_a, helper)
    with pytest.raises(ValueError, match="The 'sink_size' must be -1 or positive"):
        ms.train.DatasetHelper(data(), sink_size=0)


def test_sink_on_eight_devices_matches_one():
    env = dict(os.environ, XLA_FLAGS="--xla_force_host_platform_device_count=8")
    out = subprocess.run([sys.executable, __file__, "--parallel"], env=env, capture_output=True, text=True,
                         check=True, cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    runs = json.loads(out.stdout.strip().split("\n")[-1])
    assert runs["devices"] == 8
    np.testing.assert_allclose(runs["sink"], runs["single"], rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(runs["normal"], runs["single"], rtol=1e-5, atol=1e-5)


def _parallel_main():
    import jax
    out = {"devices": jax.local_device_count()}

    def flat(run):
        return [float(s[0]) for s in run[0]] + [float(v.sum()) for v in run[1].values()]
    out["single"] = flat(_run(_cnn, "momentum", None))
    ms.set_auto_parallel_context(parallel_mode=ms.ParallelMode.DATA_PARALLEL, gradients_mean=True)
    out["normal"] = flat(_run(_cnn, "momentum", None))
    out["sink"] = flat(_run(_cnn, "momentum", 3))
    ms.reset_auto_parallel_context()
    print(json.dumps(out))


if __name__ == "__main__" and "--parallel" in sys.argv:
    _parallel_main()
