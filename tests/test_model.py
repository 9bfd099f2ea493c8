"""``mindshim.train.Model`` beyond the goldens: what MindSpore 2.10 on CPU cannot run (dynamic loss scaling,
GRAPH_MODE), mindshim's own choices, and how steps compile."""
import os

import numpy as np
import pytest

import mindshim as ms
from mindshim import nn

RNG = np.random.RandomState(3)
X = RNG.randn(16, 4).astype(np.float32)
Y = RNG.randint(0, 3, 16).astype(np.int32)


def _data(batch=8):
    return ms.dataset.NumpySlicesDataset((X, Y), column_names=["x", "y"], shuffle=False).batch(batch)


def _parts(lr=0.1):
    net = nn.Dense(4, 3)
    return net, nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean"), nn.Momentum(
        net.trainable_params(), lr, 0.9)


def _weights(net):
    return [p.asnumpy() for p in net.trainable_params()]


def _manual_steps(net, loss, opt, epochs, data):
    step = nn.TrainOneStepCell(nn.WithLossCell(net, loss), opt)
    for _ in range(epochs):
        for x, y in data.create_tuple_iterator(num_epochs=1):
            step(x, y)


def test_train_equals_train_one_step_cell_loop():
    net_a, loss_a, opt_a = _parts()
    net_b, loss_b, opt_b = _parts()
    for a, b in zip(net_a.trainable_params(), net_b.trainable_params()):
        b.set_data(ms.Tensor(a.asnumpy()))
    ms.train.Model(net_a, loss_a, opt_a).train(2, _data())
    _manual_steps(net_b, loss_b, opt_b, 2, _data())
    for a, b in zip(_weights(net_a), _weights(net_b)):
        np.testing.assert_array_equal(a, b)


def test_each_step_is_one_compiled_program():
    net, loss, opt = _parts()
    model = ms.train.Model(net, loss, opt)
    model.train(3, _data())
    compiled = model.train_network.__dict__["_compiled_call"]
    assert compiled.traces <= 2  # one signature: one trace (plus at most one re-trace for newly seen state)


def test_dynamic_loss_scale_manager():
    """MindSpore 2.10 refuses an update cell on CPU; mindshim runs the loss-scaled step everywhere."""
    net, loss, opt = _parts()
    manager = ms.train.DynamicLossScaleManager(init_loss_scale=2.0 ** 10, scale_factor=2, scale_window=2)
    model = ms.train.Model(net, loss, opt, loss_scale_manager=manager)
    assert type(model.train_network).__name__ == "TrainOneStepWithLossScaleCell"
    seen = []
    model.train(2, _data(), callbacks=ms.train.LambdaCallback(
        on_train_step_end=lambda rc: seen.append(rc.original_args().net_outputs)))
    assert [len(out) for out in seen] == [3] * 4
    assert manager.get_loss_scale() == 2.0 ** 12  # the host-side manager: two windows without overflow
    assert float(model.train_network.scale_sense.asnumpy()) == 2.0 ** 12  # the update cell in the step


def test_overflow_skips_the_update():
    net, loss, opt = _parts()
    manager = ms.train.DynamicLossScaleManager(init_loss_scale=2.0 ** 10, scale_factor=2, scale_window=1000)
    model = ms.train.Model(net, loss, opt, loss_scale_manager=manager)
    x = X.copy()
    x[[0, 8], 0] = np.inf  # every batch's gradients overflow
    data = ms.dataset.NumpySlicesDataset((x, Y), column_names=["x", "y"], shuffle=False).batch(8)
    before = _weights(net)
    model.train(1, data)
    for a, b in zip(before, _weights(net)):
        np.testing.assert_array_equal(a, b)
    assert manager.get_loss_scale() == 2.0 ** 8
    assert float(model.train_network.scale_sense.asnumpy()) == 2.0 ** 8


def test_fixed_loss_scale_manager_with_drop():
    net, loss, opt = _parts()
    model = ms.train.Model(net, loss, opt, loss_scale_manager=ms.train.FixedLossScaleManager(128.0))
    assert type(model.train_network).__name__ == "TrainOneStepWithLossScaleCell"
    net_b, loss_b, opt_b = _parts()
    for a, b in zip(net.trainable_params(), net_b.trainable_params()):
        b.set_data(ms.Tensor(a.asnumpy()))
    model.train(1, _data())
    _manual_steps(net_b, loss_b, opt_b, 1, _data())
    for a, b in zip(_weights(net), _weights(net_b)):
        np.testing.assert_allclose(a, b, rtol=1e-6, atol=1e-7)


def test_graph_mode_train_and_eval():
    net, loss, opt = _parts()
    model = ms.train.Model(net, loss, opt, metrics={"acc"})
    ms.set_context(mode=ms.GRAPH_MODE)
    try:
        model.train(1, _data())
        result = model.eval(_data())
    finally:
        ms.set_context(mode=ms.PYNATIVE_MODE)
    assert set(result) == {"acc"} and 0.0 <= result["acc"] <= 1.0


def test_unsupported_boost():
    net, loss, opt = _parts()
    with pytest.raises(NotImplementedError, match="not supported by mindshim yet"):
        ms.train.Model(net, loss, opt, boost_level="O1")


@pytest.mark.parametrize("level", ["O2", "auto"])
def test_amp_level_trains_in_low_precision(level):
    net, loss, opt = _parts()
    model = ms.train.Model(net, loss, opt, amp_level=level)
    model.train(1, _data())
    assert all(p.dtype == ms.float32 for p in net.get_parameters())  # float32 master weights


def test_build_is_a_checked_no_op():
    net, loss, opt = _parts()
    model = ms.train.Model(net, loss, opt)
    model.build(_data(), epoch=2)
    with pytest.raises(ValueError, match="can not both be None"):
        model.build()
    with pytest.raises(RuntimeError, match="metric fn can not be None"):
        model.build(valid_dataset=_data())


def test_network_without_loss_fn_takes_dataset_columns():
    """With no loss_fn, the train network (here a user's TrainOneStepCell) gets every column."""
    net, loss, opt = _parts()
    step = nn.TrainOneStepCell(nn.WithLossCell(net, loss), opt)
    model = ms.train.Model(step)
    assert model.train_network is step
    outputs = []
    model.train(1, _data(), callbacks=ms.train.LambdaCallback(
        on_train_step_end=lambda rc: outputs.append(rc.original_args().net_outputs)))
    assert len(outputs) == 2 and outputs[0].shape == ()


def test_three_columns_with_loss_fn():
    net, loss, opt = _parts()
    data = ms.dataset.NumpySlicesDataset((X, Y, Y), column_names=["x", "y", "z"], shuffle=False).batch(8)
    with pytest.raises(ValueError, match="should return two elements, but got 3"):
        ms.train.Model(net, loss, opt).train(1, data)


def test_exception_save_writes_a_breakpoint_checkpoint(tmp_path):
    net, loss, opt = _parts()

    class Boom(ms.train.Callback):
        def on_train_step_end(self, run_context):
            if run_context.original_args().cur_step_num == 3:
                raise RuntimeError("boom")
    ckpt = ms.train.ModelCheckpoint(prefix="net", directory=str(tmp_path),
                                    config=ms.train.CheckpointConfig(save_checkpoint_steps=10, exception_save=True))
    with pytest.raises(RuntimeError, match="boom"):
        ms.train.Model(net, loss, opt).train(2, _data(), callbacks=[ckpt, Boom()])
    assert sorted(os.listdir(tmp_path)) == ["net-2_1_breakpoint.ckpt"]


def test_fit_evaluates_in_eval_mode_and_trains_in_train_mode():
    modes = []

    class Net(nn.Cell):
        def __init__(self):
            super().__init__()
            self.dense = nn.Dense(4, 3)

        def construct(self, x):
            modes.append(self.training)
            return self.dense(x)
    net = Net()
    loss = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
    model = ms.train.Model(net, loss, nn.Momentum(net.trainable_params(), 0.1, 0.9), metrics={"acc"})
    model.fit(2, _data(), _data(16))
    # Traced once per mode switch back to training, run eagerly for evaluation.
    assert modes[0] is True and modes.count(False) == 2 and modes[-1] is False


def test_predict_runs_in_inference_mode():
    net = nn.SequentialCell([nn.Dense(4, 4), nn.Dropout(p=0.9)])
    model = ms.train.Model(net)
    out_a = model.predict(ms.Tensor(X))
    out_b = model.predict(ms.Tensor(X))
    np.testing.assert_array_equal(out_a.asnumpy(), out_b.asnumpy())
    assert net.training is False
