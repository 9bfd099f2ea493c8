"""LeNet-5 training-step cost: mindshim against the same network written in plain JAX, in the same run.

MindSpore's model-zoo LeNet5 (conv 6@5x5 valid, ReLU, max-pool 2, conv 16@5x5 valid, ReLU, max-pool 2, flatten,
dense 120, 84, 10) on a batch of 32 1x32x32 images: forward and backward through ``nn.ForwardValueAndGrad`` over
``WithLossCell(net, SoftmaxCrossEntropyWithLogits(sparse=True, reduction='mean'))``, against
``jax.jit(jax.value_and_grad(...))`` of the same function (``lax.conv_general_dilated``, ``lax.reduce_window``)
with the same weights. Target ratio mindshim/JAX <= 1.05.

Run: ``python benchmarks/lenet.py``. Prints medians (ms/step) of interleaved repetitions, then one summary line.
"""
import os
import sys

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _timing import compare  # noqa: E402

import mindshim as ms  # noqa: E402
from mindshim import nn  # noqa: E402
from mindshim.common.initializer import Normal  # noqa: E402

BATCH = 32


class LeNet5(nn.Cell):
    """MindSpore model zoo's LeNet5."""

    def __init__(self, num_class=10, num_channel=1):
        super().__init__()
        self.conv1 = nn.Conv2d(num_channel, 6, 5, pad_mode="valid")
        self.conv2 = nn.Conv2d(6, 16, 5, pad_mode="valid")
        self.relu = nn.ReLU()
        self.max_pool2d = nn.MaxPool2d(kernel_size=2, stride=2)
        self.flatten = nn.Flatten()
        self.fc1 = nn.Dense(16 * 5 * 5, 120, weight_init=Normal(0.02))
        self.fc2 = nn.Dense(120, 84, weight_init=Normal(0.02))
        self.fc3 = nn.Dense(84, num_class, weight_init=Normal(0.02))

    def construct(self, x):
        x = self.max_pool2d(self.relu(self.conv1(x)))
        x = self.max_pool2d(self.relu(self.conv2(x)))
        x = self.flatten(x)
        x = self.relu(self.fc1(x))
        x = self.relu(self.fc2(x))
        return self.fc3(x)


def jax_lenet(params, x):
    """The same network in plain JAX (NCHW, OIHW weights, dense weights ``(out, in)``)."""
    def conv(x, w):
        return lax.conv_general_dilated(x, w, (1, 1), "VALID", dimension_numbers=("NCHW", "OIHW", "NCHW"))

    def pool(x):
        return lax.reduce_window(x, -jnp.inf, lax.max, (1, 1, 2, 2), (1, 1, 2, 2), "VALID")
    x = pool(jax.nn.relu(conv(x, params["conv1.weight"])))
    x = pool(jax.nn.relu(conv(x, params["conv2.weight"])))
    x = x.reshape(x.shape[0], -1)
    for i in (1, 2, 3):
        x = x @ params[f"fc{i}.weight"].T + params[f"fc{i}.bias"]
        x = jax.nn.relu(x) if i < 3 else x
    return x


def jax_loss(params, x, labels):
    logp = jax.nn.log_softmax(jax_lenet(params, x), axis=-1)
    return -jnp.mean(jnp.take_along_axis(logp, labels[:, None], axis=-1))


def main():
    rng = np.random.RandomState(0)
    x_np = rng.rand(BATCH, 1, 32, 32).astype(np.float32)
    y_np = rng.randint(0, 10, BATCH).astype(np.int32)

    net = LeNet5()
    loss_net = nn.WithLossCell(net, nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean"))
    weights = ms.ParameterTuple(net.trainable_params())
    step = nn.ForwardValueAndGrad(loss_net, weights=weights, get_by_list=True)
    x, y = ms.Tensor(x_np), ms.Tensor(y_np)

    params = {p.name: jnp.asarray(p.asnumpy()) for p in net.trainable_params()}
    jax_step = jax.jit(jax.value_and_grad(jax_loss))
    jx, jy = jnp.asarray(x_np), jnp.asarray(y_np)

    loss, grads = step(x, y)
    jloss, jgrads = jax_step(params, jx, jy)
    np.testing.assert_allclose(loss.asnumpy(), np.asarray(jloss), rtol=1e-5)
    for p, g in zip(net.trainable_params(), grads):
        np.testing.assert_allclose(g.asnumpy(), np.asarray(jgrads[p.name]), rtol=1e-4, atol=1e-6)

    print(f"device: {jax.devices()[0].device_kind} ({jax.default_backend()}), jax {jax.__version__}")
    t = compare({"mindshim": lambda: step(x, y), "jax": lambda: jax_step(params, jx, jy)}, calls=20, repeats=15)
    ours, theirs = t["mindshim"] / 1e3, t["jax"] / 1e3
    ratio = ours / theirs
    print(f"lenet5 fwd+bwd batch{BATCH}: mindshim {ours:.2f} ms, jax {theirs:.2f} ms, ratio {ratio:.2f}"
          f" (target <= 1.05{'' if ratio <= 1.05 else ', ABOVE TARGET'})")
    return ratio


if __name__ == "__main__":
    main()
