"""Training-step speed, compile time and memory: mindshim against hand-written JAX + optax, one run.

Models: a tiny MLP (32-64-10, batch 32), an MLP (784-512-512-10, batch 64) and LeNet-5 (1x32x32, batch 32), SGD
with momentum 0.9.
  (a) ``nn.TrainOneStepCell(WithLossCell(net, loss), nn.Momentum(...))``      (MindSpore 1.x loop)
  (b) ``value_and_grad`` + ``optimizer(grads)`` under ``@mindspore.jit``       (MindSpore 2.x loop)
  (c) ``jax.jit`` of ``jax.value_and_grad`` + ``optax.sgd(momentum=0.9)``       (hand-written JAX)
Prints medians of interleaved repetitions, the ratios (a)/(c) and (b)/(c) (target <= 1.10), the host time spent
issuing one step (on an accelerator, a step whose host time exceeds its device time is dispatch-bound), the first
call (trace + compile) of each, the cost of the index checks (the sparse labels' range check that (a) and (b)
carry: the same steps with ``mindshim.set_index_checks(False)``, target < 3%), and the eager 2.x loop (PyNative:
the compiled gradient call, then ``optimizer(grads)``) against (c) (target <= 1.5). Then data sink mode: (a)'s
training cell run N = 1, 10, 100 steps per call over N batches on the device (one compiled loop) against (c) called
per step over the same batches, per step (target <= 0.9 for the tiny MLP and LeNet, <= 1.0 for the batch-64 MLP).
Then ``Model.train`` on the tiny MLP over 200 batches in normal and sink mode against (c) looping over the same
NumPy batches (targets <= 1.3 and <= 0.9), and the host time per call of each compiled entry point
(``ForwardValueAndGrad``, ``TrainOneStepCell``, ``@mindspore.jit``, a GRAPH_MODE Cell) against ``jax.jit`` of the
same function on the spec's 2x2 network (target <= +10 us). With ``--memory``, the peak resident memory of a
whole process training a wide MLP (784-4096-4096-10) each way (target <= 1.15).

Run: ``python benchmarks/train_step.py [--memory] [--batch N] [--models tiny mlp lenet] [--parts ...] [--quick]``.
"""
import argparse
import functools
import os
import resource
import statistics
import subprocess
import sys
import time

import jax
import jax.numpy as jnp
import numpy as np
import optax

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _timing import compare, host_cpu_us, host_us, optax_step  # noqa: E402

import mindshim as ms  # noqa: E402
from mindshim import (  # noqa: E402
    _engine,  # noqa: E402
    nn,
)

LR, MOMENTUM = 0.01, 0.9


class MLP(nn.Cell):
    def __init__(self, sizes):
        super().__init__()
        layers = []
        for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:])):
            layers.append(nn.Dense(a, b))
            if i < len(sizes) - 2:
                layers.append(nn.ReLU())
        self.body = nn.SequentialCell(layers)

    def construct(self, x):
        return self.body(x)


class LeNet5(nn.Cell):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5, pad_mode="valid")
        self.conv2 = nn.Conv2d(6, 16, 5, pad_mode="valid")
        self.relu = nn.ReLU()
        self.pool = nn.MaxPool2d(kernel_size=2, stride=2)
        self.flatten = nn.Flatten()
        self.fc1 = nn.Dense(16 * 5 * 5, 120)
        self.fc2 = nn.Dense(120, 84)
        self.fc3 = nn.Dense(84, 10)

    def construct(self, x):
        x = self.pool(self.relu(self.conv1(x)))
        x = self.pool(self.relu(self.conv2(x)))
        x = self.flatten(x)
        return self.fc3(self.relu(self.fc2(self.relu(self.fc1(x)))))


def jax_mlp(params, x):
    n = len(params) // 2
    for i in range(n):
        x = x @ params[f"body.{2 * i}.weight"].T + params[f"body.{2 * i}.bias"]
        if i < n - 1:
            x = jax.nn.relu(x)
    return x


def jax_lenet(p, x):
    def conv(x, w, b):
        y = jax.lax.conv_general_dilated(x, w, (1, 1), "VALID", dimension_numbers=("NCHW", "OIHW", "NCHW"))
        return y + b[None, :, None, None] if b is not None else y

    def pool(x):
        return jax.lax.reduce_window(x, -jnp.inf, jax.lax.max, (1, 1, 2, 2), (1, 1, 2, 2), "VALID")
    x = pool(jax.nn.relu(conv(x, p["conv1.weight"], p.get("conv1.bias"))))
    x = pool(jax.nn.relu(conv(x, p["conv2.weight"], p.get("conv2.bias"))))
    x = x.reshape(x.shape[0], -1)
    x = jax.nn.relu(x @ p["fc1.weight"].T + p["fc1.bias"])
    x = jax.nn.relu(x @ p["fc2.weight"].T + p["fc2.bias"])
    return x @ p["fc3.weight"].T + p["fc3.bias"]


def mindshim_steps(make_net, x, y, kinds=("a", "b")):
    """``{kind: step}``: (a) TrainOneStepCell, (b) the 2.x loop under @jit, and "eager", the same 2.x loop without
    @jit (sharing (b)'s network); each kind asked for builds its own network and optimizer, and only those."""
    loss_fn = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
    steps = {}
    if "a" in kinds:
        net = make_net()
        step_a = nn.TrainOneStepCell(nn.WithLossCell(net, loss_fn), nn.Momentum(net.trainable_params(), LR, MOMENTUM))
        steps["a"], steps["net"] = (lambda: step_a(x, y)), net
    if "b" in kinds:
        net_b = make_net()
        opt_b = nn.Momentum(net_b.trainable_params(), LR, MOMENTUM)

        def forward_fn(data, label):
            logits = net_b(data)
            return loss_fn(logits, label), logits
        grad_fn = ms.value_and_grad(forward_fn, None, opt_b.parameters, has_aux=True)

        def train_step(data, label):
            (loss, _), grads = grad_fn(data, label)
            opt_b(grads)
            return loss
        step_b = ms.jit(train_step)
        steps["b"], steps["eager"] = (lambda: step_b(x, y)), (lambda: train_step(x, y))
        steps.setdefault("net", net_b)
    return steps


def jax_step(apply, params, x, y, compute_dtype=None):
    """Hand-written JAX + optax; ``compute_dtype`` (e.g. bfloat16) runs the model in low precision on float32
    master weights, as mixed precision does."""
    opt = optax.sgd(LR, momentum=MOMENTUM)
    state = {"params": params, "opt": opt.init(params)}

    def loss_fn(p, x, y):
        if compute_dtype is not None:
            p, x = jax.tree_util.tree_map(lambda a: a.astype(compute_dtype), (p, x))
        logits = apply(p, x).astype(jnp.float32)
        return optax.softmax_cross_entropy_with_integer_labels(logits, y).mean()

    step = optax_step(loss_fn, opt)

    def run():
        state["params"], state["opt"], loss = step(state["params"], state["opt"], x, y)
        return loss
    return run


def with_checks(fn, enabled):
    """``fn`` run with the index checks on or off (each setting keeps its own compiled program; setting the
    value it already has costs a dict lookup)."""
    def run():
        ms.set_index_checks(enabled)
        return fn()
    return run


def first_call_s(fn):
    start = time.perf_counter()
    jax.block_until_ready(getattr(fn(), "_data", None))
    return time.perf_counter() - start


def first_call_child(model, kind, batch):
    """In a fresh process (so no variant profits from another's warm caches): the first call's seconds."""
    make_net, apply, x_np, y_np = _model(model, batch)
    x, y = ms.Tensor(x_np), ms.Tensor(y_np)
    jax.block_until_ready(jnp.ones(2) + 1)  # the backend's own start-up is no variant's cost
    if kind == "c":
        net = make_net()
        params = {p.name: jnp.array(p.asnumpy()) for p in net.trainable_params()}
        run = jax_step(apply, params, jnp.asarray(x_np), jnp.asarray(y_np))
        print(first_call_s(lambda: ms.Tensor(run())))
    else:
        print(first_call_s(mindshim_steps(make_net, x, y, kinds=(kind,))[kind]))


def first_calls(model, batch):
    out = {}
    for kind in ("a", "b", "c"):
        proc = subprocess.run([sys.executable, __file__, "--first-call", model, kind, "--batch", str(batch)],
                              capture_output=True, text=True, check=True)
        out[kind] = float(proc.stdout.strip().split("\n")[-1])
    return out


PARTS = ["steps", "sink", "model", "host"]
MODELS = {"tiny": ("tiny MLP 32-64-10", 32), "mlp": ("MLP 784-512-512-10", 64), "lenet": ("LeNet-5", 32)}


def _model(model, batch, n=None):
    """``(make_net, jax apply, x, y)``; with ``n``, ``n`` batches stacked along a new first axis."""
    rng = np.random.RandomState(0)
    lead = (batch,) if n is None else (n, batch)
    labels = rng.randint(0, 10, lead).astype(np.int32)
    if model == "tiny":
        return lambda: MLP((32, 64, 10)), jax_mlp, rng.randn(*lead, 32).astype(np.float32), labels
    if model == "mlp":
        return lambda: MLP((784, 512, 512, 10)), jax_mlp, rng.randn(*lead, 784).astype(np.float32), labels
    return LeNet5, jax_lenet, rng.randn(*lead, 1, 32, 32).astype(np.float32), labels


def bench(model, batch, quick=False):
    make_net, apply, x_np, y_np = _model(model, batch)
    name = f"{MODELS[model][0]} batch {batch}"
    x, y = ms.Tensor(x_np), ms.Tensor(y_np)
    steps = mindshim_steps(make_net, x, y)
    a, b, eager, net = steps["a"], steps["b"], steps["eager"], steps["net"]
    params = {p.name: jnp.array(p.asnumpy()) for p in net.trainable_params()}
    c = jax_step(apply, params, jnp.asarray(x_np), jnp.asarray(y_np))
    first = None if quick else first_calls(model, batch)
    t = compare({"a": with_checks(a, True), "b": with_checks(b, True), "c": c, "eager": eager,
                 "a0": with_checks(a, False), "b0": with_checks(b, False)}, calls=20, repeats=5 if quick else 15,
                warmup=5)
    ms.set_index_checks(True)
    host = {k: host_us(f) for k, f in (("a", a), ("b", b), ("c", c))}
    print(f"{name}: step (a) TrainOneStepCell {t['a'] / 1e3:.3f} ms, (b) 2.x loop @jit {t['b'] / 1e3:.3f} ms, "
          f"(c) jax+optax {t['c'] / 1e3:.3f} ms; (a)/(c) {t['a'] / t['c']:.3f}, (b)/(c) {t['b'] / t['c']:.3f} "
          f"(target <= 1.10); host time issuing a step (a) {host['a']:.0f} us, (b) {host['b']:.0f} us, "
          f"(c) {host['c']:.0f} us")
    ratio = t["eager"] / t["c"]
    print(f"{name}: eager 2.x loop (PyNative) {t['eager'] / 1e3:.3f} ms/step, /(c) {ratio:.2f} (target <= 1.5) "
          f"{'ok' if ratio <= 1.5 else 'ABOVE TARGET'}")
    if first:
        print(f"{name}: first call (a) {first['a']:.2f} s, (b) {first['b']:.2f} s, (c) {first['c']:.2f} s; "
              f"(a)/(c) {first['a'] / first['c']:.2f}, (b)/(c) {first['b'] / first['c']:.2f} (target <= 1.5)")
    print(f"{name}: index checks: (a) {t['a'] / 1e3:.3f} ms with, {t['a0'] / 1e3:.3f} ms without "
          f"({100 * (t['a'] / t['a0'] - 1):+.1f}%), (b) {t['b'] / 1e3:.3f} ms with, {t['b0'] / 1e3:.3f} ms without "
          f"({100 * (t['b'] / t['b0'] - 1):+.1f}%) (target < +3%)")


def sink_steps(model, batch, sizes=(1, 10, 100), quick=False):
    """Sink mode: N steps per call of one compiled loop over N batches on the device, against (c) per step."""
    target = 1.0 if model == "mlp" else 0.9
    n_max = max(sizes)
    make_net, apply, x_np, y_np = _model(model, batch, n=n_max)
    net = make_net()
    loss_fn = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
    cell = nn.TrainOneStepCell(nn.WithLossCell(net, loss_fn), nn.Momentum(net.trainable_params(), LR, MOMENTUM))
    sink = _engine.SinkCall(cell, "TrainOneStepCell")
    stacks = {n: _engine.sink.place([x_np[:n], y_np[:n]]) for n in sizes}
    params = {p.name: jnp.array(p.asnumpy()) for p in net.trainable_params()}
    batches = [(jnp.asarray(x_np[i]), jnp.asarray(y_np[i])) for i in range(n_max)]
    hand = _hand_loop(apply, params)
    name = f"{MODELS[model][0]} batch {batch}"
    for n in sizes:  # each N in one interleaved run of its own, ~200 steps per sample
        t = compare({"sink": functools.partial(sink, stacks[n]), "hand": functools.partial(hand, batches[:n])},
                    calls=max(1, 200 // n), repeats=5 if quick else 15, warmup=3)
        ours, theirs = t["sink"] / n, t["hand"] / n
        ratio = ours / theirs
        print(f"{name}: sink mode N={n}: {ours:.1f} us/step, (c) per step {theirs:.1f} us/step, ratio {ratio:.2f} "
              f"(target <= {target}) {'ok' if ratio <= target else 'ABOVE TARGET'}")


def _hand_loop(apply, params):
    """(c) over a list of batches: one jitted step per batch; returns the last loss."""
    opt = optax.sgd(LR, momentum=MOMENTUM)
    state = {"params": params, "opt": opt.init(params)}

    def loss_fn(p, x, y):
        return optax.softmax_cross_entropy_with_integer_labels(apply(p, x), y).mean()

    step = optax_step(loss_fn, opt)

    def run(batches):
        loss = None
        for x, y in batches:
            state["params"], state["opt"], loss = step(state["params"], state["opt"], x, y)
        return loss
    return run


def model_train(quick=False, steps=200, batch=32):
    """``Model.train`` on the tiny MLP, one epoch of ``steps`` batches, normal and sink mode, against (c) looping
    over the same batches sliced from NumPy."""
    make_net, apply, x_np, y_np = _model("tiny", batch * steps)
    net = make_net()
    model = ms.train.Model(net, nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean"),
                           nn.Momentum(net.trainable_params(), LR, MOMENTUM))
    params = {p.name: jnp.array(p.asnumpy()) for p in net.trainable_params()}
    hand = _hand_loop(apply, params)
    batches = [(x_np[i * batch:(i + 1) * batch], y_np[i * batch:(i + 1) * batch]) for i in range(steps)]

    def train(sink):
        data = ms.dataset.NumpySlicesDataset((x_np, y_np), ["x", "y"], shuffle=False).batch(batch)
        model.train(1, data, dataset_sink_mode=sink)
        return net.trainable_params()[0]
    runs = {"normal": functools.partial(train, False), "sink": functools.partial(train, True),
            "hand": functools.partial(hand, batches)}
    for clock, what in ((time.perf_counter, "wall"), (time.process_time, "process CPU")):
        t = compare(runs, calls=1, repeats=5 if quick else 11, warmup=2, clock=clock)
        per = {k: v / steps for k, v in t.items()}
        print(f"Model.train tiny MLP batch {batch}, {steps} steps ({what}): normal {per['normal']:.1f} us/step, sink "
              f"{per['sink']:.1f} us/step, (c) loop over NumPy batches {per['hand']:.1f} us/step; normal/(c) "
              f"{per['normal'] / per['hand']:.2f} (target <= 1.3), sink/(c) {per['sink'] / per['hand']:.2f} "
              f"(target <= 0.9)")


class Tiny(nn.Cell):
    """The spec's network: a 2x2 MatMul (device work negligible: what is left is each call's host time)."""

    def __init__(self):
        super().__init__()
        self.weight = ms.Parameter(ms.Tensor(np.ones([2, 2]).astype(np.float32)), name="weight")

    def construct(self, x):
        return ms.ops.matmul(x, self.weight)


def _interleaved_host_us(candidates, rounds=15, calls=200):
    """Median over interleaved rounds of each candidate's host CPU µs per call (the calling thread's)."""
    samples = {name: [] for name in candidates}
    for _ in range(rounds):
        for name, fn in candidates.items():
            samples[name].append(host_cpu_us(fn, calls=calls))
    return {name: statistics.median(s) for name, s in samples.items()}


def host_overhead(quick=False):
    """Host µs per call of each compiled entry point on :class:`Tiny` against ``jax.jit`` of the same function
    (weights passed in; state written back and donated where the entry point writes it), target <= +10 µs:
    ``ForwardValueAndGrad`` vs ``jit(value_and_grad)``, ``TrainOneStepCell`` (Momentum) vs a jitted
    value_and_grad + optax momentum step, a ``@mindspore.jit`` forward and a GRAPH_MODE Cell vs ``jit`` of the
    forward."""
    x_np, y_np = np.ones([1, 2], np.float32), np.zeros([1, 2], np.float32)
    x, y = ms.Tensor(x_np), ms.Tensor(y_np)
    jx, jy = jnp.asarray(x_np), jnp.asarray(y_np)
    loss_fn = nn.SoftmaxCrossEntropyWithLogits()

    def jax_loss(w, x, y):
        return optax.softmax_cross_entropy(x @ w, y).mean()
    w = jnp.ones((2, 2), jnp.float32)
    vg = jax.jit(jax.value_and_grad(jax_loss, argnums=(0, 1)))
    opt = optax.sgd(LR, momentum=MOMENTUM)
    state = {"w": jnp.ones((2, 2), jnp.float32)}
    state["opt"] = opt.init(state["w"])

    jax_train = optax_step(jax_loss, opt)

    def hand_train():
        state["w"], state["opt"], loss = jax_train(state["w"], state["opt"], jx, jy)
        return loss
    forward = jax.jit(lambda w, x: x @ w)
    net = nn.WithLossCell(Tiny(), loss_fn)
    fvg = nn.ForwardValueAndGrad(net, weights=ms.ParameterTuple(net.trainable_params()), get_all=True,
                                 get_by_list=True)
    net_t = nn.WithLossCell(Tiny(), loss_fn)
    train = nn.TrainOneStepCell(net_t, nn.Momentum(net_t.trainable_params(), LR, MOMENTUM))
    jitted = ms.jit(Tiny())
    rounds = 7 if quick else 15
    pairs = {"ForwardValueAndGrad": ((lambda: fvg(x, y)), (lambda: vg(w, jx, jy))),
             "TrainOneStepCell": ((lambda: train(x, y)), hand_train),
             "@mindspore.jit": ((lambda: jitted(x)), (lambda: forward(w, jx)))}
    t = _interleaved_host_us({f"{k}/{side}": f for k, fs in pairs.items() for side, f in zip("mj", fs)}, rounds)
    graph = Tiny()
    ms.set_context(mode=ms.GRAPH_MODE)
    try:
        t.update(_interleaved_host_us({"GRAPH_MODE Cell/m": lambda: graph(x),
                                       "GRAPH_MODE Cell/j": lambda: forward(w, jx)}, rounds))
    finally:
        ms.set_context(mode=ms.PYNATIVE_MODE)
    for name in (*pairs, "GRAPH_MODE Cell"):
        ours, theirs = t[f"{name}/m"], t[f"{name}/j"]
        print(f"host CPU time per call, {name}: {ours:.1f} us, jax.jit {theirs:.1f} us, {ours - theirs:+.1f} us "
              f"(target <= +10) {'ok' if ours - theirs <= 10 else 'ABOVE TARGET'}")


def memory_child(kind, steps=5):
    """Train the wide MLP a few steps one way; print the process's peak RSS in MiB."""
    rng = np.random.RandomState(0)
    x_np, y_np = rng.randn(64, 784).astype(np.float32), rng.randint(0, 10, 64).astype(np.int32)
    sizes = (784, 4096, 4096, 10)
    if kind == "jax":
        keys = jax.random.split(jax.random.key(0), 3)
        params = {}
        for i, (k, (a, b)) in enumerate(zip(keys, zip(sizes[:-1], sizes[1:]))):
            params[f"body.{2 * i}.weight"] = jax.random.normal(k, (b, a), jnp.float32) * 0.01
            params[f"body.{2 * i}.bias"] = jnp.zeros((b,), jnp.float32)
        run = jax_step(jax_mlp, params, jnp.asarray(x_np), jnp.asarray(y_np))
    else:
        run = mindshim_steps(lambda: MLP(sizes), ms.Tensor(x_np), ms.Tensor(y_np), kinds=(kind,))[kind]
    for _ in range(steps):
        jax.block_until_ready(getattr(run(), "_data", None))
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def memory():
    peak = {}
    for kind in ("jax", "a", "b"):
        out = subprocess.run([sys.executable, __file__, "--memory-child", kind], capture_output=True, text=True,
                             check=True)
        peak[kind] = float(out.stdout.strip().split("\n")[-1])
    print(f"wide MLP 784-4096-4096-10 peak RSS: (a) {peak['a']:.0f} MiB, (b) {peak['b']:.0f} MiB, "
          f"(c) {peak['jax']:.0f} MiB; (a)/(c) {peak['a'] / peak['jax']:.3f}, (b)/(c) {peak['b'] / peak['jax']:.3f} "
          f"(target <= 1.15)")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--memory", action="store_true")
    parser.add_argument("--memory-child")
    parser.add_argument("--first-call", nargs=2, metavar=("MODEL", "KIND"))
    parser.add_argument("--batch", type=int, default=0, help="batch size for all models (default: each model's)")
    parser.add_argument("--models", nargs="*", default=list(MODELS))
    parser.add_argument("--quick", action="store_true", help="fewer repetitions, no first-call timings")
    parser.add_argument("--parts", nargs="*", default=PARTS, choices=PARTS, help="which tables (default: all)")
    args = parser.parse_args()
    if args.memory_child:
        return memory_child(args.memory_child)
    if args.first_call:
        return first_call_child(*args.first_call, args.batch)
    print(f"device: {jax.devices()[0].device_kind} ({jax.default_backend()}), jax {jax.__version__}")
    if "steps" in args.parts:
        for model in args.models:
            bench(model, args.batch or MODELS[model][1], args.quick)
    if "sink" in args.parts:
        for model in args.models:
            sink_steps(model, args.batch or MODELS[model][1], quick=args.quick)
    if "model" in args.parts:
        model_train(args.quick)
    if "host" in args.parts:
        host_overhead(args.quick)
    if args.memory:
        memory()


if __name__ == "__main__":
    main()
