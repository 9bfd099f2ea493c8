"""An epoch of ``Model.train`` against a hand-written JAX loop over the same batches, one run.

Data: 60,000 synthetic MNIST-shaped samples (784 float32 features, 10 classes) in batches of 64 (the last
partial batch dropped: 937 steps). Model: the MLP 784-512-512-10, SGD with momentum 0.9, softmax
cross-entropy.
  (a) ``Model(net, loss, nn.Momentum).train(1, NumpySlicesDataset(...).batch(64, drop_remainder=True))``
  (b) ``jax.jit`` of ``jax.value_and_grad`` + ``optax.sgd(momentum=0.9)``, batches sliced from the NumPy arrays
      and put on the device one at a time
  (c) for reference, (b)'s step over batches already on the device (no input pipeline at all)
Each epoch ends by waiting for its last step. Prints the median epoch time of each (repetitions
interleaved, after one warm-up epoch each that compiles), the steps per second, and the ratio (a)/(b)
(target <= 1.15). The dataset behind (a) prepares batches in a background thread, while (b) copies each
batch in the loop; (c) bounds what any input pipeline can reach.

Run: ``python benchmarks/model_train.py [--samples N] [--repeats R]``.
"""
import argparse
import statistics
import time

import jax
import jax.numpy as jnp
import numpy as np
import optax
from _timing import optax_step

import mindshim as ms
from mindshim import nn

LR, MOMENTUM, BATCH = 0.01, 0.9, 64


class MLP(nn.Cell):
    def __init__(self):
        super().__init__()
        self.body = nn.SequentialCell([nn.Dense(784, 512), nn.ReLU(), nn.Dense(512, 512), nn.ReLU(),
                                       nn.Dense(512, 10)])

    def construct(self, x):
        return self.body(x)


def jax_mlp(params, x):
    for i in range(3):
        x = x @ params[f"body.{2 * i}.weight"].T + params[f"body.{2 * i}.bias"]
        if i < 2:
            x = jax.nn.relu(x)
    return x


def mindshim_epoch(x, y):
    """One ``Model.train`` epoch per call; returns the run function and the network (for its start weights)."""
    net = MLP()
    model = ms.train.Model(net, nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean"),
                           nn.Momentum(net.trainable_params(), LR, MOMENTUM))
    last = []

    def run():
        data = ms.dataset.NumpySlicesDataset((x, y), column_names=["image", "label"], shuffle=False)
        data = data.batch(BATCH, drop_remainder=True)
        model.train(1, data, callbacks=ms.train.LambdaCallback(
            on_train_end=lambda rc: last.append(rc.original_args().net_outputs)))
        jax.block_until_ready(last.pop()._data)
    return run, net


def jax_epoch(params, x, y, staged=False):
    opt = optax.sgd(LR, momentum=MOMENTUM)
    params = jax.tree_util.tree_map(jnp.array, params)  # a copy: each loop donates its own buffers
    state = {"params": params, "opt": opt.init(params)}

    def loss_fn(p, xb, yb):
        return optax.softmax_cross_entropy_with_integer_labels(jax_mlp(p, xb), yb).mean()

    step = optax_step(loss_fn, opt)

    def batches():
        for i in range(len(x) // BATCH):
            yield jax.device_put(x[i * BATCH:(i + 1) * BATCH]), jax.device_put(y[i * BATCH:(i + 1) * BATCH])
    on_device = list(batches()) if staged else None

    def run():
        loss = None
        for xb, yb in on_device or batches():
            state["params"], state["opt"], loss = step(state["params"], state["opt"], xb, yb)
        jax.block_until_ready(loss)
    return run


def timed(fn):
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=60000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    print(f"device: {jax.devices()[0].device_kind} ({jax.default_backend()}), jax {jax.__version__}")
    rng = np.random.RandomState(0)
    x = rng.rand(args.samples, 784).astype(np.float32)
    y = rng.randint(0, 10, args.samples).astype(np.int32)
    ours, net = mindshim_epoch(x, y)
    params = {p.name: jnp.array(p.asnumpy()) for p in net.trainable_params()}
    runs = {"a": ours, "b": jax_epoch(params, x, y), "c": jax_epoch(params, x, y, staged=True)}
    first = {name: timed(fn) for name, fn in runs.items()}
    samples = {name: [] for name in runs}
    for _ in range(args.repeats):
        for name, fn in runs.items():
            samples[name].append(timed(fn))
    a, b, c = (statistics.median(samples[name]) for name in "abc")
    steps = args.samples // BATCH
    ratio = a / b
    print(f"MLP 784-512-512-10, {steps} steps of batch {BATCH}: epoch (a) Model.train {a:.3f} s "
          f"({steps / a:.0f} steps/s), (b) jax+optax loop {b:.3f} s ({steps / b:.0f} steps/s); "
          f"(a)/(b) {ratio:.3f} (target <= 1.15) {'ok' if ratio <= 1.15 else 'ABOVE TARGET'}")
    print(f"(c) jax+optax over batches already on the device {c:.3f} s ({steps / c:.0f} steps/s); (a)/(c) {a / c:.3f}")
    print(f"first epoch (with compilation): (a) {first['a']:.2f} s, (b) {first['b']:.2f} s")


if __name__ == "__main__":
    main()
