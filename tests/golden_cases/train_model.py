"""Golden cases for ``mindspore.train``: Model (train, eval, fit, predict), callbacks and metrics.

Training cases build their data with ``ms.dataset.NumpySlicesDataset`` (no shuffle) and start from weights set
from NumPy. What a callback prints is compared line by line: the text with its numbers taken out exactly, the
numbers (losses) within the float tolerance.
"""
import contextlib
import io
import os
import re
import tempfile

import numpy as np

RNG = np.random.RandomState(11)
X = RNG.randn(20, 4).astype(np.float32)
Y = RNG.randint(0, 3, 20).astype(np.int32)
W1 = (RNG.randn(8, 4) * 0.5).astype(np.float32)
B1 = (RNG.randn(8) * 0.1).astype(np.float32)
W2 = (RNG.randn(3, 8) * 0.5).astype(np.float32)
B2 = np.zeros(3, np.float32)

# Metric inputs.
LOGITS = RNG.rand(12, 4).astype(np.float32)
LABELS = RNG.randint(0, 4, 12).astype(np.int32)
LOGITS_B = RNG.rand(7, 4).astype(np.float32)
LABELS_B = RNG.randint(0, 4, 7).astype(np.int32)
ONE_HOT = np.eye(4, dtype=np.float32)[LABELS]
LOGITS8 = RNG.rand(12, 8).astype(np.float32)  # distinct scores: NumPy orders ties differently across versions
ML_PRED = (RNG.rand(6, 3) > 0.5).astype(np.float32)
ML_TRUE = (RNG.rand(6, 3) > 0.5).astype(np.float32)
REG_PRED = RNG.randn(10, 3).astype(np.float32)
REG_TRUE = RNG.randn(10, 3).astype(np.float32)
LOSSES = RNG.rand(5).astype(np.float32)
BIN_SCORE = RNG.rand(10).astype(np.float32)
BIN_LABEL = np.array([0, 1, 1, 0, 1, 0, 0, 1, 1, 0], np.int32)
ROC_LABELS = RNG.permutation(np.arange(12) % 4).astype(np.int32)
PROBS = RNG.dirichlet(np.ones(5), 8).astype(np.float32)
PROB_LABELS = RNG.randint(0, 5, 8).astype(np.int32)
SEG_PRED = RNG.rand(3, 16).astype(np.float32)
SEG_TRUE = (RNG.rand(3, 16) > 0.5).astype(np.float32)
VECS = RNG.randn(4, 6).astype(np.float32)

_NUMBER = re.compile(r"-?\d+\.\d+(?:e[-+]?\d+)?")


def _printed(text):
    """Printed lines as ``{'text': [lines with each decimal number as <f>], 'numbers': [those numbers]}``."""
    lines = text.splitlines()
    return {"text": [_NUMBER.sub("<f>", line) for line in lines],
            "numbers": [float(n) for line in lines for n in _NUMBER.findall(line)]}


def _capture(fn):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        fn()
    return buf.getvalue()


def _net(ms):
    nn = ms.nn

    class MLP(nn.Cell):
        def __init__(self):
            super().__init__()
            self.fc1 = nn.Dense(4, 8)
            self.relu = nn.ReLU()
            self.fc2 = nn.Dense(8, 3)

        def construct(self, x):
            return self.fc2(self.relu(self.fc1(x)))

    net = MLP()
    for p, v in zip(net.trainable_params(), (W1, B1, W2, B2)):
        p.set_data(ms.Tensor(v))
    return net


def _data(ms, batch=8, n=16):
    return ms.dataset.NumpySlicesDataset((X[:n], Y[:n]), column_names=["x", "y"], shuffle=False).batch(batch)


def _model(ms, metrics=None, lr=0.1, **kwargs):
    net = _net(ms)
    loss = ms.nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
    opt = ms.nn.Momentum(net.trainable_params(), lr, 0.9)
    return ms.train.Model(net, loss, opt, metrics=metrics, **kwargs), net, opt


# ---- Model.train / eval / predict ---------------------------------------------------------------------
# (Each training run compiles its step anew, so runs are few and combine several checks.)
def case_train_monitors(ms):
    """20 samples in batches of 8: a last batch of 4. TimeMonitor's times vary: only its text is compared."""
    model, net, _ = _model(ms)
    out = _capture(lambda: model.train(3, _data(ms, n=20), callbacks=[
        ms.train.LossMonitor(), ms.train.LossMonitor(2), ms.train.TimeMonitor(), ms.train.TimeMonitor(data_time=True)]))
    losses = "".join(line + "\n" for line in out.splitlines() if "time:" not in line)
    return {"text": _printed(out)["text"], "losses": _printed(losses)["numbers"],
            "weights": [p.value() for p in net.trainable_params()]}


def case_train_initial_epoch_sink_mode(ms):
    """MindSpore on CPU runs data sink mode as normal mode, counting sink_size steps per epoch for the
    callbacks; mindshim does so everywhere."""
    model, net, _ = _model(ms)
    out = _capture(lambda: model.train(3, _data(ms), callbacks=[ms.train.LossMonitor()], initial_epoch=1,
                                       dataset_sink_mode=True, sink_size=3))
    return {"printed": _printed(out), "weights": [p.value() for p in net.trainable_params()]}


def case_sink_mode_partial_sinks(ms):
    """Sink mode over 3 batches (the last of 4 samples) in sinks of 2: each epoch is a sink of 2 steps and one of
    1 (on MindSpore's CPU, normal mode counting sink_size steps per epoch); the hooks see every step."""
    model, net, _ = _model(ms)
    probe = _probe(ms)
    out = _capture(lambda: model.train(2, _data(ms, n=20), callbacks=[probe, ms.train.LossMonitor(),
                                                                       ms.train.LossMonitor(2)],
                                       dataset_sink_mode=True, sink_size=2))
    return {"hooks": probe.log, "printed": _printed(out), "weights": [p.value() for p in net.trainable_params()]}


def case_sink_mode_whole_epoch(ms):
    """``sink_size=-1``: one sink per epoch; a dynamic learning rate (a list, one per step)."""
    net = _net(ms)
    loss = ms.nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
    opt = ms.nn.Momentum(net.trainable_params(), [0.1, 0.05, 0.2, 0.1, 0.02, 0.3], 0.9)
    model = ms.train.Model(net, loss, opt)
    history = ms.train.History()
    out = _capture(lambda: model.train(3, _data(ms), callbacks=[history, ms.train.LossMonitor()],
                                       dataset_sink_mode=True))
    return {"printed": _printed(out), "history": [float(x) for x in history.history["net_output"]],
            "step": opt.global_step.value(), "weights": [p.value() for p in net.trainable_params()]}


def case_sink_mode_fixed_loss_scale(ms):
    """``FixedLossScaleManager(drop_overflow_update=False)`` (the loss scaling MindSpore's CPU takes) in sinks of 3
    steps. (MindSpore's CPU refuses managers that drop overflowing updates; mindshim's tests compare those with
    normal mode.)"""
    net = _net(ms)
    loss = ms.nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
    opt = ms.nn.Momentum(net.trainable_params(), 0.1, 0.9, loss_scale=1024.0)
    model = ms.train.Model(net, loss, opt, loss_scale_manager=ms.train.FixedLossScaleManager(1024.0, False))
    out = _capture(lambda: model.train(2, _data(ms, n=20, batch=4), callbacks=[ms.train.LossMonitor()],
                                       dataset_sink_mode=True, sink_size=3))
    return {"printed": _printed(out), "weights": [p.value() for p in net.trainable_params()]}


def case_fit_sink_mode(ms):
    """``fit`` in sink mode, evaluating every epoch."""
    model, net, _ = _model(ms, metrics={"acc": ms.train.Accuracy(), "loss": ms.train.Loss()})
    probe = _probe(ms)
    out = _capture(lambda: model.fit(2, _data(ms), _data(ms, batch=10, n=20), dataset_sink_mode=True, sink_size=1,
                                     callbacks=[probe, ms.train.LossMonitor()]))
    return {"hooks": probe.log, "printed": _printed(out), "weights": [p.value() for p in net.trainable_params()]}


def case_eval_and_predict(ms):
    model, _, _ = _model(ms, metrics={"acc", "loss", "top_1_accuracy"})
    model.train(1, _data(ms))
    result = model.eval(_data(ms, batch=6, n=20))
    return {"eval": {k: float(v) for k, v in result.items()}, "types": sorted(type(v).__name__ for v in
                                                                               result.values()),
            "predict": model.predict(ms.Tensor(X[:5]))}


def case_eval_metric_dict_and_indexes(ms):
    net = _net(ms)
    loss = ms.nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
    eval_net = ms.nn.WithEvalCell(net, loss)
    model = ms.train.Model(net, metrics={"p": ms.train.Precision(), "r": ms.train.Recall(), "l": ms.train.Loss()},
                           eval_network=eval_net, eval_indexes=[0, 1, 2])
    return model.eval(_data(ms, batch=5, n=20))


def case_eval_network_without_indexes(ms):
    net = _net(ms)

    class Eval(ms.nn.Cell):
        def __init__(self, net):
            super().__init__()
            self.net = net

        def construct(self, x, y):
            return self.net(x), y
    model = ms.train.Model(net, metrics={"acc": ms.train.Accuracy()}, eval_network=Eval(net))
    return model.eval(_data(ms, n=20))


def case_model_networks(ms):
    model, net, _ = _model(ms, metrics={"acc"})
    plain = ms.train.Model(net)
    with_loss = ms.train.Model(net, ms.nn.SoftmaxCrossEntropyWithLogits(sparse=True))
    return [type(model.train_network).__name__, type(model.train_network.network).__name__,
            type(model.eval_network).__name__, model.predict_network is net, plain.train_network is net,
            type(with_loss.train_network).__name__, plain.eval_network]


def case_fixed_loss_scale_no_drop(ms):
    """``FixedLossScaleManager(drop_overflow_update=False)``: a TrainOneStepCell with sens = the scale; the
    optimizer's loss_scale divides it out."""
    net = _net(ms)
    loss = ms.nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
    opt = ms.nn.Momentum(net.trainable_params(), 0.1, 0.9, loss_scale=64.0)
    model = ms.train.Model(net, loss, opt, loss_scale_manager=ms.train.FixedLossScaleManager(64.0, False))
    out = _capture(lambda: model.train(2, _data(ms), callbacks=[ms.train.LossMonitor()]))
    return {"cell": type(model.train_network).__name__, "printed": _printed(out),
            "weights": [p.value() for p in net.trainable_params()]}


# ---- callbacks -------------------------------------------------------------------------------------------
_HOOKS = ["on_train_begin", "on_train_epoch_begin", "on_train_step_begin", "on_train_step_end",
          "on_train_epoch_end", "on_train_end", "on_eval_begin", "on_eval_epoch_begin", "on_eval_step_begin",
          "on_eval_step_end", "on_eval_epoch_end", "on_eval_end"]
_INTERNAL_KEYS = {"list_callback"}  # MindSpore's list holds its own internal callbacks too


def _probe(ms):
    class Probe(ms.train.Callback):
        def __init__(self):
            super().__init__()
            self.log = []

    def hook(name):
        def fn(self, run_context):
            cb = run_context.original_args()
            self.log.append([name, sorted(k for k in cb.keys() if k not in _INTERNAL_KEYS),
                             cb.get("cur_epoch_num"), cb.get("cur_step_num"), cb.get("batch_num"), cb.get("mode"),
                             cb.get("epoch_num"), cb.get("dataset_sink_mode")])
        return fn
    for name in _HOOKS:
        setattr(Probe, name, hook(name))
    return Probe()


def case_fit(ms):
    """The hooks and cb_params of fit, with History, LossMonitor and EarlyStopping on an evaluated metric."""
    model, _, _ = _model(ms, metrics={"acc": ms.train.Accuracy(), "loss": ms.train.Loss()})
    probe = _probe(ms)
    history = ms.train.History()
    stop = ms.train.EarlyStopping(monitor="acc", patience=1, min_delta=1.0)
    out = _capture(lambda: model.fit(2, _data(ms), _data(ms, batch=10, n=20),
                                     callbacks=[probe, history, ms.train.LossMonitor(), stop]))
    return {"hooks": probe.log, "printed": _printed(out), "epochs": history.epoch,
            "history": {k: [float(x) for x in v] for k, v in history.history.items()},
            "stopped": stop.stopped_epoch, "wait": stop.wait, "best": float(stop.best)}


def case_fit_valid_frequency(ms):
    model, _, _ = _model(ms, metrics={"acc"})
    seen = []
    cb = ms.train.LambdaCallback(on_train_epoch_end=lambda rc: seen.append(
        [rc.original_args().cur_epoch_num, sorted(rc.original_args().get("eval_results", {}))]))
    out = _capture(lambda: model.fit(3, _data(ms), _data(ms, batch=10, n=20), valid_frequency=[3],
                                     callbacks=[cb, ms.train.LossMonitor(2)]))
    return {"seen": seen, "printed": _printed(out)}


def case_eval_hooks(ms):
    model, _, _ = _model(ms, metrics={"acc"})
    probe = _probe(ms)
    model.eval(_data(ms, batch=10, n=20), callbacks=probe)
    return probe.log


def case_train_callbacks(ms):
    """Legacy hooks (train calls them, with a warning), a LambdaCallback, and request_stop at step 3."""
    class Legacy(ms.train.Callback):
        def __init__(self):
            super().__init__()
            self.log = []

        def begin(self, run_context):
            self.log.append("begin")

        def epoch_begin(self, run_context):
            self.log.append("epoch_begin")

        def step_end(self, run_context):
            self.log.append(f"step_end {run_context.original_args().cur_step_num}")

        def end(self, run_context):
            self.log.append("end")

    log = []

    def step_end(rc):
        log.append(["step", rc.original_args().cur_step_num])
        if rc.original_args().cur_step_num == 3:
            rc.request_stop()
    lam = ms.train.LambdaCallback(
        on_train_begin=lambda rc: log.append("train_begin"), on_train_step_end=step_end,
        on_train_epoch_end=lambda rc: log.append(["epoch", rc.original_args().cur_epoch_num]),
        on_train_end=lambda rc: log.append("train_end"))
    legacy = Legacy()
    model, net, _ = _model(ms)
    model.train(5, _data(ms), callbacks=[legacy, lam])
    return {"legacy": legacy.log, "lambda": log, "weights": [p.value() for p in net.trainable_params()]}


def case_fit_rejects_legacy_hooks(ms):
    class Legacy(ms.train.Callback):
        def step_end(self, run_context):
            pass
    model, _, _ = _model(ms, metrics={"acc"})
    model.fit(1, _data(ms), callbacks=[Legacy()])


def case_learning_rate_scheduler(ms):
    model, net, opt = _model(ms)
    seen = []

    def schedule(lr, step):
        seen.append([lr, step])
        return lr * 0.5 if step % 2 == 0 else lr
    model.train(3, _data(ms), callbacks=ms.train.LearningRateScheduler(schedule))
    return {"seen": seen, "lr": opt.learning_rate.value(), "weights": [p.value() for p in net.trainable_params()]}


def case_early_stopping_loss(ms):
    model, _, _ = _model(ms, lr=2.0)
    history = ms.train.History()
    stop = ms.train.EarlyStopping(monitor="loss", patience=1, verbose=True)
    out = _capture(lambda: model.train(8, _data(ms), callbacks=[history, stop]))
    return {"epochs": history.epoch["epoch"], "stopped": stop.stopped_epoch, "best": float(stop.best),
            "printed": out}


def case_reduce_lr_on_plateau(ms):
    model, _, opt = _model(ms, lr=2.0)
    reduce = ms.train.ReduceLROnPlateau(monitor="loss", factor=0.5, patience=1, verbose=True, min_lr=0.3)
    history = ms.train.History()
    out = _capture(lambda: model.train(6, _data(ms), callbacks=[history, reduce]))
    return {"lr": opt.learning_rate.value(), "printed": _printed(out),
            "losses": [float(x) for x in history.history["net_output"]]}


def case_run_context(ms):
    rc = ms.train.RunContext({"a": 1})
    before = rc.get_stop_requested()
    rc.request_stop()
    return [rc.original_args(), before, rc.get_stop_requested()]


def case_checkpoint_files(ms):
    directory = tempfile.mkdtemp()
    model, _, _ = _model(ms)
    config = ms.train.CheckpointConfig(save_checkpoint_steps=3, keep_checkpoint_max=2)
    ckpt = ms.train.ModelCheckpoint(prefix="net", directory=directory, config=config)
    model.train(4, _data(ms), callbacks=[ckpt])
    first = sorted(os.listdir(directory))
    again = ms.train.ModelCheckpoint(prefix="net", directory=directory, config=config)
    model.train(1, _data(ms), callbacks=[again])
    return {"first": first, "second": sorted(os.listdir(directory)),
            "latest": os.path.basename(again.latest_ckpt_file_name)}


def case_checkpoint_config(ms):
    c = ms.train.CheckpointConfig(save_checkpoint_steps=0, save_checkpoint_seconds=10, keep_checkpoint_max=0,
                                  keep_checkpoint_per_n_minutes=0, append_info=["epoch_num", {"a": 1}])
    d = ms.train.CheckpointConfig()
    return [c.get_checkpoint_policy(), c.append_dict, d.get_checkpoint_policy(), d.integrated_save, d.async_save,
            d.enc_mode, d.format]


# ---- metrics ---------------------------------------------------------------------------------------------
def _m(ms, metric, *batches):
    metric.clear()
    for batch in batches:
        metric.update(*[ms.Tensor(b) if isinstance(b, np.ndarray) else b for b in batch])
    return metric.eval()


def case_metric_accuracy(ms):
    t = ms.train
    return [_m(ms, t.Accuracy(), (LOGITS, LABELS), (LOGITS_B, LABELS_B)), _m(ms, t.Accuracy(), (LOGITS, ONE_HOT)),
            _m(ms, t.Accuracy("multilabel"), (ML_PRED, ML_TRUE)),
            t.Accuracy()(LOGITS.tolist(), LABELS.tolist()), t.Accuracy()(LOGITS, LABELS.astype(np.float32))]


def case_metric_precision_recall(ms):
    out = []
    for cls in (ms.train.Precision, ms.train.Recall):
        c, m = cls(), cls("multilabel")
        _m(ms, c, (LOGITS, LABELS), (LOGITS_B, LABELS_B))
        _m(ms, m, (ML_PRED, ML_TRUE), (ML_TRUE, ML_PRED))
        # (MindSpore's multilabel average is NaN here: a sample without positives divides 0 by 0 in float32.)
        out += [c.eval(), float(c.eval(average=True)), m.eval(), float(m.eval(True))]
    return out


def case_metric_fbeta(ms):
    f = ms.train.Fbeta(0.5)
    _m(ms, f, (LOGITS, LABELS), (LOGITS_B, ONE_HOT[:7]))
    return [f.eval(), f.eval(True), ms.train.F1()(LOGITS, LABELS)]


def case_metric_topk(ms):
    t = ms.train
    return [_m(ms, t.TopKCategoricalAccuracy(2), (LOGITS, LABELS), (LOGITS_B, LABELS_B)),
            t.Top1CategoricalAccuracy()(LOGITS, ONE_HOT),
            t.Top5CategoricalAccuracy()(LOGITS8, LABELS)]


def case_metric_errors_and_loss(ms):
    t = ms.train
    loss = t.Loss()
    _m(ms, loss, (LOSSES,), (np.array(0.25, np.float32),), (LOSSES[:2],))
    return [_m(ms, t.MAE(), (REG_PRED, REG_TRUE), (REG_PRED[:3], REG_TRUE[:3].reshape(-1))),
            _m(ms, t.MSE(), (REG_PRED, REG_TRUE)), loss.eval(),
            [type(x).__name__ for x in (t.MAE()(REG_PRED, REG_TRUE), loss.eval())]]


def case_metric_confusion_matrix(ms):
    out = []
    for norm in ("no_norm", "target", "prediction", "all"):
        out.append(_m(ms, ms.train.ConfusionMatrix(4, normalize=norm), (LOGITS, LABELS), (LOGITS_B, LABELS_B)))
    out.append(ms.train.ConfusionMatrix(2, threshold=0.3)(BIN_SCORE, BIN_LABEL))
    return out


def case_metric_dice_cosine_perplexity(ms):
    t = ms.train
    cos = [t.CosineSimilarity(similarity=s, reduction=r, zero_diagonal=z)(VECS)
           for s, r, z in (("cosine", "none", True), ("dot", "sum", False), ("cosine", "mean", True))]
    return [_m(ms, t.Dice(), (SEG_PRED, SEG_TRUE), (SEG_TRUE, SEG_TRUE)), *cos,
            t.Perplexity()(PROBS, PROB_LABELS), t.Perplexity(ignore_label=2)(PROBS, PROB_LABELS)]


def case_metric_roc_auc(ms):
    t = ms.train
    fpr, tpr, th = t.ROC(pos_label=1)(BIN_SCORE, BIN_LABEL)
    mfpr, mtpr, mth = t.ROC(class_num=4)(LOGITS, ROC_LABELS)
    return [fpr, tpr, th, t.auc(fpr, tpr), mfpr, mtpr, mth, t.auc(np.array([3.0, 2.0, 0.0]), np.array([1.0, 2, 3]))]


def case_metric_indexes(ms):
    acc = ms.train.Accuracy().set_indexes([2, 0])
    acc.update(ms.Tensor(LABELS), ms.Tensor(LOSSES), ms.Tensor(LOGITS))
    return [acc.eval(), acc.indexes]


def case_metric_names(ms):
    return [ms.train.names(), type(ms.train.get_metric_fn("precision", eval_type="multilabel")).__name__,
            ms.nn.Accuracy is ms.train.Accuracy, ms.nn.metrics.get_metrics({"acc", "mae"}).keys() == {"acc", "mae"}]


# ---- errors ----------------------------------------------------------------------------------------------
def case_err_metric_unknown(ms):
    ms.train.get_metric_fn("nope")


def case_err_metric_eval_type(ms):
    """The message names a set, whose order varies from run to run in MindSpore: compared sorted."""
    try:
        ms.train.Accuracy("binary")
    except TypeError as e:
        return sorted(str(e).translate(str.maketrans(",{}", "   ")).split())


def case_err_metric_empty(ms):
    ms.train.Accuracy().eval()


def case_err_metric_inputs(ms):
    ms.train.Precision().update(ms.Tensor(LOGITS))


def case_err_metric_shape(ms):
    ms.train.Accuracy().update(ms.Tensor(LOGITS), ms.Tensor(LABELS[:5]))


def case_err_metric_class_num(ms):
    acc = ms.train.Recall()
    acc.update(ms.Tensor(LOGITS), ms.Tensor(LABELS))
    acc.update(ms.Tensor(LOGITS[:, :3]), ms.Tensor(LABELS % 3))


def case_err_metric_multilabel_values(ms):
    ms.train.Accuracy("multilabel").update(ms.Tensor(REG_PRED), ms.Tensor(REG_TRUE))


def case_err_metric_type(ms):
    ms.train.MAE().update((1, 2), (1, 2))


def case_err_metric_average_type(ms):
    p = ms.train.Precision()
    p.update(ms.Tensor(LOGITS), ms.Tensor(LABELS))
    p.eval(1)


def case_err_metric_topk_k(ms):
    ms.train.TopKCategoricalAccuracy(0)


def case_err_metric_dict(ms):
    ms.train.Model(_net(ms), ms.nn.MSELoss(), metrics={"acc": 1})


def case_err_metric_list(ms):
    ms.train.Model(_net(ms), ms.nn.MSELoss(), metrics=["acc"])


def case_err_model_kwargs(ms):
    _model(ms, foo=1)


def case_err_model_optimizer_type(ms):
    ms.train.Model(_net(ms), ms.nn.MSELoss(), 1)


def case_err_model_network_type(ms):
    ms.train.Model(1, ms.nn.MSELoss())


def case_err_model_amp_level(ms):
    _model(ms, amp_level="O5")


def case_err_model_amp_level_type(ms):
    _model(ms, amp_level=2)


def case_err_model_boost_level(ms):
    _model(ms, boost_level="O5")


def case_err_model_amp_without_optimizer(ms):
    ms.train.Model(_net(ms), ms.nn.MSELoss(), amp_level="O2")


def case_err_model_metrics_without_loss(ms):
    ms.train.Model(_net(ms), metrics={"acc"})


def case_err_model_eval_indexes(ms):
    net = _net(ms)
    ms.train.Model(net, metrics={"acc"}, eval_network=net, eval_indexes=[0, 1])


def case_err_model_loss_scale_type(ms):
    _model(ms, loss_scale_manager=1)


def case_err_model_loss_scale_without_optimizer(ms):
    ms.train.Model(_net(ms), ms.nn.MSELoss(), loss_scale_manager=ms.train.FixedLossScaleManager())


def case_err_loss_scale_values(ms):
    out = []
    for make in (lambda: ms.train.FixedLossScaleManager(0.5), lambda: ms.train.DynamicLossScaleManager(0.5),
                 lambda: ms.train.DynamicLossScaleManager(scale_window=0),
                 lambda: ms.train.DynamicLossScaleManager(scale_factor=0)):
        try:
            make()
        except (TypeError, ValueError) as e:
            out.append(f"{type(e).__name__}: {e}")
    return out


def case_dynamic_loss_scale_manager_host_update(ms):
    m = ms.train.DynamicLossScaleManager(init_loss_scale=16, scale_factor=2, scale_window=3)
    seen = []
    for overflow in (False, False, True, False, False, False, True, True):
        m.update_loss_scale(overflow)
        seen.append(m.get_loss_scale())
    f = ms.train.FixedLossScaleManager(8.0)
    return [seen, m.get_drop_overflow_update(), f.get_loss_scale(), f.get_drop_overflow_update(),
            type(f.get_update_cell()).__name__, ms.train.FixedLossScaleManager(8.0, False).get_update_cell()]


def case_err_train_epoch(ms):
    model, _, _ = _model(ms)
    model.train(0, _data(ms))


def case_err_train_sink_mode_type(ms):
    model, _, _ = _model(ms)
    model.train(1, _data(ms), dataset_sink_mode=1)


def case_err_train_initial_epoch(ms):
    model, _, _ = _model(ms)
    model.train(2, _data(ms), initial_epoch=2)


def case_err_train_sink_size(ms):
    model, _, _ = _model(ms)
    model.train(2, _data(ms), sink_size=0)


def case_err_train_sink_size_type(ms):
    model, _, _ = _model(ms)
    model.train(2, _data(ms), sink_size=1.5)


def case_err_fit_valid_frequency(ms):
    model, _, _ = _model(ms, metrics={"acc"})
    model.fit(2, _data(ms), _data(ms), valid_frequency=1.5)


def case_err_fit_without_metrics(ms):
    model, _, _ = _model(ms)
    model.fit(2, _data(ms), _data(ms))


def case_err_eval_without_metrics(ms):
    model, _, _ = _model(ms)
    model.eval(_data(ms))


def case_err_dataset_reuse(ms):
    data = _data(ms)
    model = _model(ms)[0]
    model.train(1, data)
    ms.train.Model(model.train_network).train(1, data)


def case_err_callbacks_type(ms):
    model, _, _ = _model(ms)
    model.train(1, _data(ms), callbacks=[1])


def case_err_predict_input(ms):
    model, _, _ = _model(ms)
    model.predict(X)


def case_err_predict_empty(ms):
    model, _, _ = _model(ms)
    model.predict(ms.Tensor(np.zeros((0, 4), np.float32)))


def case_err_predict_backend(ms):
    model, _, _ = _model(ms)
    model.predict(ms.Tensor(X), backend="x")


def case_err_loss_monitor_nan(ms):
    model, _, _ = _model(ms, lr=1e30)
    _capture(lambda: model.train(3, _data(ms), callbacks=[ms.train.LossMonitor()]))


def case_err_callback_args(ms):
    t = ms.train
    out = []
    for make in (lambda: t.LossMonitor(-1), lambda: t.LossMonitor(1.5), lambda: t.TimeMonitor(data_time=1),
                 lambda: t.EarlyStopping(monitor=1), lambda: t.EarlyStopping(min_delta="a"),
                 lambda: t.EarlyStopping(patience=-1), lambda: t.EarlyStopping(mode="x"),
                 lambda: t.ReduceLROnPlateau(factor=1.0), lambda: t.ReduceLROnPlateau(factor=1),
                 lambda: t.ReduceLROnPlateau(min_lr="a"), lambda: t.ReduceLROnPlateau(verbose=1),
                 lambda: t.CheckpointConfig(save_checkpoint_steps=-1), lambda: t.CheckpointConfig(0, 0, 0, 0),
                 lambda: t.CheckpointConfig(enc_key="x"), lambda: t.CheckpointConfig(append_info="x"),
                 lambda: t.CheckpointConfig(append_info=["foo"]), lambda: t.CheckpointConfig(async_save=1),
                 lambda: t.CheckpointConfig(saved_network=1),
                 lambda: t.CheckpointConfig(format="safetensors", crc_check=True),
                 lambda: t.ModelCheckpoint(prefix="a/b"), lambda: t.ModelCheckpoint(config=1),
                 lambda: t.RunContext([1])):
        try:
            make()
            out.append("ok")
        except (TypeError, ValueError) as e:
            out.append(f"{type(e).__name__}: {e}")
    return out


def case_err_metric_args(ms):
    t = ms.train
    out = []
    for make in (lambda: t.Fbeta(0), lambda: t.TopKCategoricalAccuracy(1.5), lambda: t.ConfusionMatrix(2.0),
                 lambda: t.ConfusionMatrix(2, normalize="x"), lambda: t.ConfusionMatrix(2, threshold=1),
                 lambda: t.Dice(smooth=0.0), lambda: t.CosineSimilarity(similarity="x"),
                 lambda: t.CosineSimilarity(reduction=1), lambda: t.Perplexity(ignore_label=1.5),
                 lambda: t.ROC(class_num=1.5), lambda: t.Accuracy().set_indexes((0, 1)),
                 lambda: t.auc([1, 2], [1, 2]), lambda: t.auc(np.array([1.0, 3, 2]), np.array([1.0, 2, 3])),
                 lambda: t.auc(np.array([1.0]), np.array([1.0])),
                 lambda: t.Fbeta(1.0).update(ms.Tensor(LOGITS), ms.Tensor(LABELS + 3)),
                 lambda: t.Precision().update(ms.Tensor(LOGITS), ms.Tensor(LABELS + 3)),
                 lambda: t.Loss().update(ms.Tensor(REG_PRED)), lambda: t.ConfusionMatrix(2).eval(),
                 lambda: t.ROC().eval(), lambda: t.ROC(pos_label=1)(LOGITS, LABELS)):
        try:
            make()
            out.append("ok")
        except (TypeError, ValueError, RuntimeError) as e:
            out.append(f"{type(e).__name__}: {e}")
    return out
