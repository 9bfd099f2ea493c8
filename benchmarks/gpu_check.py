"""One short GPU run (under 5 minutes): the train-step benchmark's models on the accelerator.

MLP 784-512-512-10 and LeNet-5 at batch 1024, float32: mindshim (TrainOneStepCell, and the 2.x loop under
@jit) against hand-written JAX + optax on the same GPU (target ratio <= 1.05), and data sink mode (N = 10 and
100 steps per compiled loop) against the hand-written step called per step. Then mixed precision on a
large MLP (784-4096-4096-10, batch 1024): mindshim float32 vs mindshim AMP O2/O3 (float16 and bfloat16),
and hand-written JAX bf16, expecting AMP faster than float32.

Run: ``python benchmarks/gpu_check.py [--batch N] [--quick]`` (prints the device; works on CPU too, slowly:
``--batch 32 --quick`` checks the script there).
"""
import argparse
import os
import sys

import jax
import jax.numpy as jnp
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _timing import compare  # noqa: E402
from train_step import LR, MLP, MOMENTUM, bench, jax_mlp, jax_step, sink_steps  # noqa: E402

import mindshim as ms  # noqa: E402
from mindshim import amp, nn  # noqa: E402


def amp_step(make_net, level, dtype, x, y):
    net = make_net()
    opt = nn.Momentum(net.trainable_params(), LR, MOMENTUM)
    loss = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
    step = amp.build_train_network(net, opt, loss, level=level) if dtype is None else \
        nn.TrainOneStepCell(nn.WithLossCell(amp.auto_mixed_precision(net, level, dtype=dtype), loss), opt)
    return lambda: step(x, y), net


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch", type=int, default=1024)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (a check that the script runs)")
    args = parser.parse_args()
    print(f"device: {jax.devices()[0].device_kind} ({jax.default_backend()}), jax {jax.__version__}")
    n = args.batch
    for model in ("mlp", "lenet"):
        bench(model, n, quick=args.quick)
        sink_steps(model, n, sizes=(10, 100), quick=args.quick)
    rng = np.random.RandomState(0)

    x_np, y_np = rng.randn(n, 784).astype(np.float32), rng.randint(0, 10, n).astype(np.int32)
    x, y = ms.Tensor(x_np), ms.Tensor(y_np)
    wide = (784, 4096, 4096, 10)
    candidates = {}
    for name, level, dtype in (("float32", "O0", None), ("O2 float16", "O2", ms.float16),
                               ("O3 float16", "O3", ms.float16), ("O3 bfloat16", "O3", ms.bfloat16)):
        candidates[name], net = amp_step(lambda: MLP(wide), level, dtype, x, y)
    params = {p.name: jnp.array(p.asnumpy()) for p in net.trainable_params()}
    candidates["jax bfloat16"] = jax_step(jax_mlp, params, jnp.asarray(x_np), jnp.asarray(y_np), jnp.bfloat16)
    reps = dict(calls=2, repeats=3, warmup=1) if args.quick else dict(calls=10, repeats=9, warmup=3)
    t = compare(candidates, **reps)
    base = t["float32"]
    print("wide MLP 784-4096-4096-10 batch 1024, ms/step: " +
          ", ".join(f"{k} {v / 1e3:.3f} (x{base / v:.2f} vs float32)" for k, v in t.items()))


if __name__ == "__main__":
    main()
