"""Callbacks beyond the goldens: mindshim's ProgressBarCallback, checkpoint files, restoring weights."""
import io
import os

import numpy as np
import pytest

import mindshim as ms
from mindshim import nn
from mindshim.train.callback._callback import _CallbackManager, _InternalCallbackParam

RNG = np.random.RandomState(5)
X = RNG.randn(16, 4).astype(np.float32)
Y = RNG.randint(0, 3, 16).astype(np.int32)


def _data():
    return ms.dataset.NumpySlicesDataset((X, Y), column_names=["x", "y"], shuffle=False).batch(8)


def _model(lr=0.1, **kwargs):
    net = nn.Dense(4, 3)
    loss = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
    return ms.train.Model(net, loss, nn.Momentum(net.trainable_params(), lr, 0.9), **kwargs), net


class _Tty(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_in_a_file_writes_one_line_per_epoch():
    out = io.StringIO()
    model, _ = _model(metrics={"acc"})
    model.fit(2, _data(), _data(), callbacks=ms.train.ProgressBarCallback(file=out))
    lines = out.getvalue().splitlines()
    assert len(lines) == 2 and "\r" not in out.getvalue()
    assert lines[0].startswith("epoch 1/2 [") and " 2/2 loss: " in lines[0] and " steps/s | eval acc: " in lines[1]


def test_progress_bar_in_a_terminal_redraws_in_place():
    out = _Tty()
    model, _ = _model()
    model.train(2, _data(), callbacks=ms.train.ProgressBarCallback(refresh=0.0, width=10, file=out))
    text = out.getvalue()
    epochs = text.split("\n")[:-1]
    assert len(epochs) == 2 and text.endswith("\n")
    draws = epochs[0].split("\r")[1:]
    assert len(draws) == 3  # after each of the 2 steps, then the finished line
    assert draws[0].startswith("epoch 1/2 [#####-----] 1/2 loss: ")
    assert draws[-1].startswith("epoch 1/2 [##########] 2/2 loss: ")


def test_legacy_hooks_are_the_defaults():
    calls = []

    class Legacy(ms.train.Callback):
        def step_end(self, run_context):
            calls.append(run_context.original_args()["mode"])
    cb = Legacy()
    cb.on_train_step_end(ms.train.RunContext({"mode": "train"}))
    cb.on_eval_step_end(ms.train.RunContext({"mode": "eval"}))
    assert calls == ["train", "eval"]


def test_callback_manager_enters_and_exits_callbacks():
    log = []

    class Ctx(ms.train.Callback):
        def __enter__(self):
            log.append("enter")
            return self

        def __exit__(self, *err):
            log.append("exit")

        def on_train_begin(self, run_context):
            log.append("begin")
    with _CallbackManager([Ctx()]) as manager:
        manager.on_train_begin(ms.train.RunContext({}))
    assert log == ["enter", "begin", "exit"]
    with pytest.raises(TypeError, match="not a Callback or a list of Callback"):
        _CallbackManager(1)
    params = _InternalCallbackParam()
    params.cur_step_num = 3
    assert params == {"cur_step_num": 3} and params.cur_step_num == 3


def test_loss_monitor_zero_prints_nothing(capsys):
    model, _ = _model()
    model.train(1, _data(), callbacks=ms.train.LossMonitor(0))
    assert capsys.readouterr().out == ""


def test_time_monitor_data_size(capsys):
    monitor = ms.train.TimeMonitor(data_size=4)
    monitor.epoch_begin(ms.train.RunContext({"mode": "train"}))
    monitor.epoch_end(ms.train.RunContext({"mode": "train"}))
    assert capsys.readouterr().out.startswith("Train epoch time: ")


def test_history_of_a_tuple_output():
    history = ms.train.History()
    history.begin(None)
    params = _InternalCallbackParam(cur_epoch_num=1, net_outputs=(ms.Tensor(np.array([1.0, 3.0], np.float32)), 0))
    history.epoch_end(ms.train.RunContext(params))
    assert history.history == {"net_output": [2.0]} and history.epoch == {"epoch": [1]}


def test_model_checkpoint_names_and_keep_max(tmp_path):
    model, net = _model()
    config = ms.train.CheckpointConfig(save_checkpoint_steps=1, keep_checkpoint_max=3, append_info=["epoch_num"])
    ckpt = ms.train.ModelCheckpoint(prefix="mlp", directory=str(tmp_path / "ckpt"), config=config)
    model.train(3, _data(), callbacks=ckpt)
    names = sorted(os.listdir(tmp_path / "ckpt"))
    assert names == ["mlp-2_2.ckpt", "mlp-3_1.ckpt", "mlp-3_2.ckpt"]
    assert ckpt.latest_ckpt_file_name == str(tmp_path / "ckpt" / "mlp-3_2.ckpt")
    loaded = ms.train.load_checkpoint(ckpt.latest_ckpt_file_name)
    assert int(loaded["epoch_num"].asnumpy()) == 3
    np.testing.assert_array_equal(loaded["weight"].asnumpy(), net.weight.asnumpy())
    assert "moments.weight" in loaded  # the training network's state: the optimizer's too


def test_model_checkpoint_callable_prefix_and_directory(tmp_path):
    model, _ = _model()
    ckpt = ms.train.ModelCheckpoint(prefix=lambda cb: f"step{cb.cur_step_num}",
                                    directory=lambda cb: str(tmp_path / f"e{cb.cur_epoch_num}"),
                                    config=ms.train.CheckpointConfig(save_checkpoint_steps=2))
    model.train(2, _data(), callbacks=ckpt)
    assert sorted(os.listdir(tmp_path)) == ["e1", "e2"]
    assert os.listdir(tmp_path / "e2") == ["step4.ckpt"]


def test_model_checkpoint_saved_network_and_end_save(tmp_path):
    model, net = _model()
    config = ms.train.CheckpointConfig(save_checkpoint_steps=3, saved_network=net)
    model.train(2, _data(), callbacks=ms.train.ModelCheckpoint(directory=str(tmp_path), config=config))
    assert sorted(os.listdir(tmp_path)) == ["CKP-2_1.ckpt", "CKP-2_2.ckpt"]  # step 3, then the end of training
    assert sorted(ms.train.load_checkpoint(str(tmp_path / "CKP-2_2.ckpt"))) == ["bias", "weight"]


def test_early_stopping_restores_best_weights():
    model, net = _model(lr=5.0)
    snapshots = []

    class Snap(ms.train.Callback):
        def on_train_epoch_end(self, run_context):
            snapshots.append((float(np.mean(run_context.original_args().net_outputs.asnumpy())),
                              net.weight.asnumpy()))
    stop = ms.train.EarlyStopping(monitor="loss", patience=2, restore_best_weights=True)
    model.train(30, _data(), callbacks=[Snap(), stop])
    assert stop.stopped_epoch == len(snapshots) < 30
    best = min(snapshots, key=lambda s: s[0])
    np.testing.assert_array_equal(net.weight.asnumpy(), best[1])


def test_backup_and_restore(tmp_path):
    model, net = _model()
    backup = ms.train.BackupAndRestore(str(tmp_path), delete_checkpoint=False)
    model.train(1, _data(), callbacks=backup)
    saved = net.weight.asnumpy()
    model2, net2 = _model()
    model2.train(1, _data(), callbacks=[ms.train.LambdaCallback(
        on_train_begin=lambda rc: None), ms.train.BackupAndRestore(str(tmp_path))])
    assert not os.path.exists(tmp_path / "backup.ckpt")
    assert not np.array_equal(net2.weight.asnumpy(), saved)  # restored, then trained one more epoch
    with pytest.raises(ValueError, match="must be int and must > 0"):
        ms.train.BackupAndRestore(str(tmp_path), save_freq=0)


def test_reduce_lr_needs_a_fixed_learning_rate():
    net = nn.Dense(4, 3)
    opt = nn.Momentum(net.trainable_params(), nn.exponential_decay_lr(0.1, 0.9, 8, 2, 1), 0.9)
    model = ms.train.Model(net, nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean"), opt)
    with pytest.raises(ValueError, match="does not support dynamic learning rate"):
        model.train(1, _data(), callbacks=ms.train.ReduceLROnPlateau(monitor="loss"))


@pytest.mark.parametrize("name", ["SummaryCollector", "SummaryLandscape", "FlopsUtilizationCollector",
                                  "OnRequestExit", "TrainFaultTolerance"])
def test_unsupported_callbacks(name):
    with pytest.raises(NotImplementedError, match=f"mindspore.train.{name} .* is not supported by mindshim yet"):
        getattr(ms.train, name)("x")
