"""A short MindSpore training run: an MLP learns a synthetic 3-class problem.

Plain MindSpore code (run it with ``mindshim run examples/train.py``): ``nn.ForwardValueAndGrad`` computes
loss and gradients in one compiled step, and the weights are updated in place with ``ops.assign``.
"""
import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops

ms.set_seed(0)
rng = np.random.RandomState(0)
centers = rng.randn(3, 8).astype(np.float32) * 2
labels_np = rng.randint(0, 3, size=256).astype(np.int32)
data_np = (centers[labels_np] + rng.randn(256, 8)).astype(np.float32)


class MLP(nn.Cell):
    def __init__(self):
        super().__init__()
        self.body = nn.SequentialCell([nn.Dense(8, 32), nn.ReLU(), nn.Dense(32, 3)])

    def construct(self, x):
        return self.body(x)


net = MLP()
loss_net = nn.WithLossCell(net, nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean"))
weights = ms.ParameterTuple(net.trainable_params())
train_step = nn.ForwardValueAndGrad(loss_net, weights=weights, get_by_list=True)
lr = Tensor(0.1, ms.float32)

for epoch in range(5):
    losses = []
    for start in range(0, 256, 32):
        x, y = Tensor(data_np[start:start + 32]), Tensor(labels_np[start:start + 32])
        loss, grads = train_step(x, y)
        for w, g in zip(weights, grads):
            ops.assign(w, w - lr * g)
        losses.append(float(loss.asnumpy()))
    print(f"epoch: {epoch + 1} loss: {np.mean(losses):.6f}")

pred = net(Tensor(data_np)).asnumpy().argmax(axis=1)
print(f"train accuracy: {(pred == labels_np).mean():.3f}")
