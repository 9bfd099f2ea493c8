"""Data parallel across hosts: ``python multi_host.py worker CKPT`` as each of N processes (the environment sets
``JAX_COORDINATOR_ADDRESS``/``JAX_NUM_PROCESSES``/``JAX_PROCESS_ID`` and the devices per process), or
``python multi_host.py reference N`` as one process on one device. Prints one JSON line.

Each worker reads its shard of the dataset (``num_shards=get_group_size(), shard_id=get_rank()``) and trains
an MLP and a CNN with BatchNorm for 10 steps; the reference trains the same networks on the global batches
(the shards' batches concatenated in rank order), so the losses must match.
"""
import json
import sys

import numpy as np
from data_parallel import init as init_params  # the same fixed weights as the one-host data-parallel script

import mindshim as ms
from mindshim import nn
from mindshim.communication import get_group_size, get_rank, init

STEPS, LOCAL_BATCH = 10, 8


MODELS = {
    "mlp": (lambda: nn.SequentialCell([nn.Dense(6, 16), nn.ReLU(), nn.Dense(16, 3)]), (6,)),
    "cnn": (lambda: nn.SequentialCell([nn.Conv2d(1, 4, 3, pad_mode="same"), nn.BatchNorm2d(4), nn.ReLU(),
                                       nn.MaxPool2d(kernel_size=2, stride=2), nn.Flatten(), nn.Dense(64, 3)]),
            (1, 8, 8)),
}


def shard_batches(shape, shards, shard_id):
    """This shard's batches of a fixed dataset, through MindSpore's dataset sharding."""
    data = np.random.RandomState(1)
    rows = STEPS * LOCAL_BATCH * shards
    x, y = data.randn(rows, *shape).astype(np.float32), data.randint(0, 3, rows).astype(np.int32)
    ds = ms.dataset.NumpySlicesDataset((x, y), column_names=["x", "y"], shuffle=False, num_shards=shards,
                                       shard_id=shard_id).batch(LOCAL_BATCH)
    return [(bx.asnumpy(), by.asnumpy()) for bx, by in ds.create_tuple_iterator()]


def train(name, batches, plan=None, save_to=None):
    """Losses, a weight's size after training, and the trained network's compiled outputs for the last batch
    (on several hosts: this host's rows). ``plan``: a ``Cell.shard`` parameter plan; then the weight is read
    from a checkpoint saved to ``save_to`` (every host takes part)."""
    make, _ = MODELS[name]
    net = init_params(make()).set_train(True)
    if plan:
        net.shard(parameter_plan=plan)
    loss = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
    step = nn.TrainOneStepCell(nn.WithLossCell(net, loss), nn.Momentum(net.trainable_params(), 0.05, 0.9))
    losses = [float(step(ms.Tensor(x), ms.Tensor(y)).asnumpy()) for x, y in batches]
    predict = ms.jit(lambda x: net(x))
    net.set_train(False)
    if plan:
        ms.save_checkpoint(net, save_to)
        weight = ms.load_checkpoint(save_to)["0.weight"].asnumpy()
    else:
        weight = net.trainable_params()[0].asnumpy()
    weight = float(np.abs(weight).sum())
    return losses, weight, predict(ms.Tensor(batches[-1][0])).asnumpy().tolist()


def train_2x(batches, mode):
    """The MLP through the 2.x loop without ``@jit``: ``value_and_grad`` (compiled) then ``optimizer(grads)``, which
    runs eagerly in PYNATIVE_MODE and compiled on its own in GRAPH_MODE."""
    ms.set_context(mode=mode)
    net = init_params(MODELS["mlp"][0]()).set_train(True)
    loss_fn = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
    opt = nn.Momentum(net.trainable_params(), 0.05, 0.9)
    grad_fn = ms.value_and_grad(lambda x, y: loss_fn(net(x), y), None, opt.parameters)
    losses = []
    for x, y in batches:
        loss, grads = grad_fn(ms.Tensor(x), ms.Tensor(y))
        opt(grads)
        losses.append(float(loss.asnumpy()))
    ms.set_context(mode=ms.PYNATIVE_MODE)
    return losses


def main():
    out = {}
    if sys.argv[1] == "worker":
        init()
        ms.set_auto_parallel_context(parallel_mode=ms.ParallelMode.DATA_PARALLEL, gradients_mean=True)
        out["rank"], out["group_size"] = get_rank(), get_group_size()
        out["device_num"] = ms.get_auto_parallel_context("device_num")
        for name, (_, shape) in MODELS.items():
            out[name], out[f"{name}_weight"], out[f"{name}_predict"] = train(
                name, shard_batches(shape, get_group_size(), get_rank()))
        # the first weight split over the 4 devices of both hosts, then saved: gathered from them
        out["mlp_sharded"], out["mlp_sharded_saved"], _ = train(
            "mlp", shard_batches(MODELS["mlp"][1], get_group_size(), get_rank()), plan={"0.weight": (4, 1)},
            save_to=sys.argv[2])
        for mode in (ms.PYNATIVE_MODE, ms.GRAPH_MODE):
            out[f"mlp_2x_{mode}"] = train_2x(shard_batches(MODELS["mlp"][1], get_group_size(), get_rank()), mode)
    else:
        hosts = int(sys.argv[2])
        for name, (_, shape) in MODELS.items():
            per_shard = [shard_batches(shape, hosts, i) for i in range(hosts)]
            batches = [tuple(np.concatenate(parts) for parts in zip(*step)) for step in zip(*per_shard)]
            out[name], out[f"{name}_weight"], out[f"{name}_predict"] = train(name, batches)
            if name == "mlp":
                out["mlp_2x"] = train_2x(batches, ms.PYNATIVE_MODE)
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
