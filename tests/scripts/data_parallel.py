"""Train an MLP and a CNN with BatchNorm for 20 steps, on 1 device and data-parallel on all devices.

Run with XLA_FLAGS=--xla_force_host_platform_device_count=8; prints one JSON line of losses.
"""
import json
import sys

import jax
import numpy as np

import mindshim as ms
from mindshim import nn

rng = np.random.RandomState(0)
INIT = rng.randn(20000).astype(np.float32)


def init(net):
    offset = 0
    for p in net.trainable_params():
        n = int(np.prod(p.shape))
        p.set_data(ms.Tensor((INIT[offset:offset + n].reshape(p.shape) * 0.3).astype(np.float32)))
        offset += n
    return net


def mlp():
    return init(nn.SequentialCell([nn.Dense(6, 16), nn.ReLU(), nn.Dense(16, 3)])), (16, 6)


def cnn():
    net = nn.SequentialCell([nn.Conv2d(1, 4, 3, pad_mode="same"), nn.BatchNorm2d(4), nn.ReLU(),
                             nn.MaxPool2d(kernel_size=2, stride=2), nn.Flatten(), nn.Dense(64, 3)])
    return init(net), (16, 1, 8, 8)


def sharded_mlp():
    net, shape = mlp()
    net.shard(parameter_plan={"0.weight": (8, 1), "2.weight": (1, 8)})
    return net, shape


def train(make):
    net, shape = make()
    net.set_train(True)
    loss = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
    step = nn.TrainOneStepCell(nn.WithLossCell(net, loss), nn.Momentum(net.trainable_params(), 0.05, 0.9))
    data = np.random.RandomState(1)
    losses = []
    for _ in range(20):
        x = ms.Tensor(data.randn(*shape).astype(np.float32))
        y = ms.Tensor(data.randint(0, 3, shape[0]).astype(np.int32))
        losses.append(float(step(x, y).asnumpy()))
    return losses


def main():
    out = {"devices": jax.local_device_count()}
    for name, make in (("mlp", mlp), ("cnn", cnn)):
        out[f"{name}_single"] = train(make)
    ms.set_auto_parallel_context(parallel_mode=ms.ParallelMode.DATA_PARALLEL, gradients_mean=True)
    for name, make in (("mlp", mlp), ("cnn", cnn)):
        out[f"{name}_parallel"] = train(make)
    out["mlp_sharded"] = train(sharded_mlp)
    net, shape = sharded_mlp()
    step = nn.TrainOneStepCell(nn.WithLossCell(net, nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")),
                               nn.Momentum(net.trainable_params(), 0.05, 0.9))
    step(ms.Tensor(np.ones(shape, np.float32)), ms.Tensor(np.zeros(shape[0], np.int32)))
    out["sharded_weight_shards"] = len(net[0].weight._data.addressable_shards[0].data)
    ms.set_auto_parallel_context(gradients_mean=False)
    out["mlp_sum"] = train(mlp)
    ms.reset_auto_parallel_context()
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
