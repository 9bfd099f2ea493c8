"""Per-call cost of mindshim against hand-written JAX, measured in the same run.

1. The spec's network through ``nn.ForwardValueAndGrad`` vs ``jax.jit(jax.value_and_grad(...))`` of the same
   function (target ratio <= 1.3: mindshim's Python overhead per compiled call).
2. Eager (PyNative) dispatch: ``Tensor + Tensor`` and ``ops.matmul`` vs the bare ``jnp`` call (target <= 1.5).

Run: ``python benchmarks/forward_value_and_grad.py``. Prints medians of interleaved repetitions and ratios.
"""
import os
import sys

import jax
import jax.numpy as jnp
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _timing import compare, report  # noqa: E402

import mindshim as ms  # noqa: E402
from mindshim import nn, ops  # noqa: E402


class Net(nn.Cell):
    def __init__(self):
        super().__init__()
        self.weight = ms.Parameter(ms.Tensor(np.ones([2, 2]).astype(np.float32)), name="weight")
        self.matmul = ops.MatMul()

    def construct(self, x):
        return self.matmul(x, self.weight)


def hand_written():
    """The same loss and gradients (MindSpore's softmax cross-entropy rule) written directly in JAX."""
    @jax.custom_vjp
    def softmax_ce(logits, labels):
        return jnp.sum(-labels * jax.nn.log_softmax(logits), axis=-1)

    def fwd(logits, labels):
        return softmax_ce(logits, labels), (jax.nn.softmax(logits) - labels, labels)

    def bwd(res, g):
        back, labels = res
        return g[..., None] * back, jnp.zeros_like(labels)
    softmax_ce.defvjp(fwd, bwd)

    def loss(w, x, y):
        return softmax_ce(x @ w, y)

    @jax.jit
    def step(w, x, y):
        out, vjp = jax.vjp(loss, w, x, y)
        return out, vjp(jnp.ones_like(out))
    return step


def main():
    x_np, y_np = np.ones([1, 2], np.float32), np.zeros([1, 2], np.float32)
    net = nn.WithLossCell(Net(), nn.SoftmaxCrossEntropyWithLogits())
    fvg = nn.ForwardValueAndGrad(net, weights=ms.ParameterTuple(net.trainable_params()), get_all=True,
                                 get_by_list=True)
    x, y = ms.Tensor(x_np), ms.Tensor(y_np)
    step = hand_written()
    w, jx, jy = jnp.ones((2, 2), jnp.float32), jnp.asarray(x_np), jnp.asarray(y_np)
    print(f"device: {jax.devices()[0].device_kind} ({jax.default_backend()}), jax {jax.__version__}")
    t = compare({"mindshim": lambda: fvg(x, y), "jax": lambda: step(w, jx, jy)})
    r1 = report("ForwardValueAndGrad, spec network, per call", t["mindshim"], t["jax"], 1.3)

    a_np = np.random.RandomState(0).randn(4, 4).astype(np.float32)
    a, b = ms.Tensor(a_np), ms.Tensor(a_np + 1)
    ja, jb = jnp.asarray(a_np), jnp.asarray(a_np + 1)
    t = compare({"mindshim": lambda: a + b, "jax": lambda: jnp.add(ja, jb)}, calls=500)
    r2 = report("eager Tensor + Tensor (4x4)", t["mindshim"], t["jax"], 1.5)
    t = compare({"mindshim": lambda: ops.matmul(a, b), "jax": lambda: jnp.matmul(ja, jb)}, calls=500)
    r3 = report("eager ops.matmul (4x4)", t["mindshim"], t["jax"], 1.5)
    return r1, r2, r3


if __name__ == "__main__":
    main()
