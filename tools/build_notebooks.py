"""Write and execute the notebooks in ``notebooks/`` (run from the repository root, in the project's venv).

    python tools/build_notebooks.py

Each notebook is defined here as cells, executed top to bottom with nbclient, and saved with its outputs,
so the committed notebooks are readable as they are. ``tests/test_notebooks.py`` executes them again.
"""
import os
import sys

import nbformat
from nbclient import NotebookClient

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

PORTING = [
    ("md", """# Porting MindSpore code to JAX with mindshim

MindSpore's own example for `nn.ForwardValueAndGrad`, unchanged. The only difference from running it under
MindSpore is the first cell: `mindshim.install()` makes `import mindspore` resolve to mindshim."""),
    ("code", "import mindshim\nmindshim.install()"),
    ("md", "From here on this is MindSpore code, exactly as on MindSpore's API page."),
    ("code", open(os.path.join(ROOT, "examples", "forward_value_and_grad.py"), encoding="utf-8").read().strip()),
    ("md", """The gradients are MindSpore's: `SoftmaxCrossEntropyWithLogits` back-propagates `softmax(logits) - labels`
to the logits (the textbook gradient would be zero here, since the labels are all zero).

Tensors display in MindSpore's format:"""),
    ("code", "result[1][1][0]"),
    ("md", """## What runs underneath

The forward and backward pass ran as one XLA program, compiled on the first call and reused for the same
input shapes. The same network is also available as a pure JAX function of its parameters:"""),
    ("code", """import jax, jax.numpy as jnp
params, apply = mindshim.functionalize(net)
print({name: value.shape for name, value in params.items()})
print(jax.jit(apply)(params, jnp.ones((3, 2), jnp.float32)))"""),
]

TRAINING = [
    ("md", """# Training a small CNN with `Model.train`

A MindSpore training script as MindSpore users write it (dataset pipeline, `Model`, callbacks, metrics),
running on JAX. Every training step is one compiled XLA program that updates the weights, the optimizer's
momentum and the BatchNorm statistics in place."""),
    ("code", """import mindshim
mindshim.install()

import numpy as np
import mindspore as ms
import mindspore.dataset as ds
from mindspore import nn
from mindspore.train import Model, LossMonitor, Callback
ms.set_seed(0)"""),
    ("md", "A synthetic image task: 16x16 images that hold either a horizontal or a vertical bar, plus noise."),
    ("code", """rng = np.random.RandomState(0)

def make_images(n):
    labels = rng.randint(0, 2, n).astype(np.int32)
    images = rng.randn(n, 1, 16, 16).astype(np.float32)
    pos = rng.randint(2, 14, n)
    for i, (label, p) in enumerate(zip(labels, pos)):
        if label == 0:
            images[i, 0, p, :] += 2.0
        else:
            images[i, 0, :, p] += 2.0
    return images, labels

train_x, train_y = make_images(512)
test_x, test_y = make_images(128)
train_set = ds.NumpySlicesDataset({"image": train_x, "label": train_y}, shuffle=True).batch(32)
test_set = ds.NumpySlicesDataset({"image": test_x, "label": test_y}, shuffle=False).batch(32)
print(train_set.get_dataset_size(), "batches of", train_set.get_batch_size())"""),
    ("code", """class SmallCNN(nn.Cell):
    def __init__(self):
        super().__init__()
        self.features = nn.SequentialCell([
            nn.Conv2d(1, 8, 3, pad_mode="same"), nn.BatchNorm2d(8), nn.ReLU(), nn.MaxPool2d(2, 2),
            nn.Conv2d(8, 16, 3, pad_mode="same"), nn.ReLU(), nn.MaxPool2d(2, 2)])
        self.classifier = nn.SequentialCell([nn.Flatten(), nn.Dense(16 * 4 * 4, 32), nn.ReLU(), nn.Dense(32, 2)])

    def construct(self, x):
        return self.classifier(self.features(x))

net = SmallCNN()
net"""),
    ("code", """class StepLosses(Callback):
    # keeps every step's loss for the plot
    def __init__(self):
        super().__init__()
        self.losses = []

    def on_train_step_end(self, run_context):
        self.losses.append(float(run_context.original_args().net_outputs.asnumpy()))

loss_fn = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
optimizer = nn.Momentum(net.trainable_params(), learning_rate=0.05, momentum=0.9)
model = Model(net, loss_fn, optimizer, metrics={"accuracy"})
history = StepLosses()
model.train(3, train_set, callbacks=[LossMonitor(16), history])"""),
    ("code", """import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
%matplotlib inline

plt.figure(figsize=(6, 3))
plt.plot(history.losses)
plt.xlabel("step")
plt.ylabel("loss")
plt.title("SmallCNN on JAX via mindshim")
plt.show()"""),
    ("code", "model.eval(test_set)"),
    ("md", """The BatchNorm layer's moving statistics were updated by the compiled steps, and `Model.eval` switched the
network to inference mode, where they are used:"""),
    ("code", "net.features[1].moving_mean.asnumpy()"),
]


def build(name, cells):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_markdown_cell(src) if kind == "md" else nbformat.v4.new_code_cell(src)
                for kind, src in cells]
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": ROOT}}).execute()
    path = os.path.join(ROOT, "notebooks", name)
    nbformat.write(nb, path)
    print(f"wrote {path}")


NOTEBOOKS = {"01_porting_forward_value_and_grad.ipynb": PORTING, "02_train_cnn_with_model.ipynb": TRAINING}

if __name__ == "__main__":
    for nb_name in sys.argv[1:] or NOTEBOOKS:
        build(nb_name, NOTEBOOKS[nb_name])
