"""One mindcv model family as a reproducible case: the same code runs under real MindSpore
(``tools/record_mindcv.py`` records it) and under mindshim (``tests/test_mindcv.py`` replays it).

A case builds ``mindcv.create_model(name, num_classes=10)``, overwrites its weights from a seeded numpy generator
(:func:`fill`: each parameter from its own name's seed, so no checkpoint needs to ship), then records

- ``logits``: eval-mode output on a seeded input batch;
- ``train_pynative`` / ``train_graph``: the losses of 3 ``TrainOneStepCell`` steps (``nn.Momentum``,
  ``SoftmaxCrossEntropyWithLogits(sparse=True, reduction='mean')``), each mode from the same filled weights;
- ``train_perturbed``: PyNative's again with the input scaled by ``1 + PERTURB``: the steps where MindSpore's own
  losses move beyond float32 tolerance under a rounding-sized change are not compared (``tests/test_mindcv.py``).

While training, dropout-like cells (class name containing ``Drop``) and BatchNorm cells stay in eval mode: random
masks cannot be the same in two frameworks, and BatchNorm's batch statistics over tiny batches (4 images, 1x1
maps in the last stages) amplify float32 rounding (1e-4 in the first gradients) into percent-level loss differences
by the third step; with the running statistics the three steps are a smooth function of the weights and agree
within float32 tolerance (the issue's "eval-mode statistics"; tolerances are not loosened).

Goldens live in ``tests/goldens/mindcv/<family>.json``.
"""
import json
import os
import zlib

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GOLDENS = os.path.join(ROOT, "tests", "goldens", "mindcv")
SEED = 20261207
BATCH = 4
STEPS = 3
NUM_CLASSES = 10
SIZES = (32, 64, 96, 128, 160, 224, 256, 299, 384)
# ``train_perturbed``: MindSpore's PyNative losses with the input scaled by 1 + PERTURB (a few float32 ulps).
PERTURB = 1e-6

# One model per family of mindcv 0.3.0's list_models(): the smallest of the family.
FAMILIES = {
    "bit": "BiT_resnet50", "cait": "cait_xxs24_224", "cmt": "cmt_tiny", "coat": "coat_lite_tiny",
    "convit": "convit_tiny", "convnext": "convnextv2_atto", "crossvit": "crossvit_9", "densenet": "densenet121",
    "dpn": "dpn92", "edgenext": "edgenext_xx_small", "efficientnet": "efficientnet_b0", "ghostnet": "ghostnet_050",
    "googlenet": "googlenet", "halonet": "halonet_50t", "hrnet": "hrnet_w32", "inceptionv3": "inception_v3",
    "inceptionv4": "inception_v4", "mae": "mae_b_16_224_finetune", "mixnet": "mixnet_s",
    "mlpmixer": "mlp_mixer_s_p32", "mnasnet": "mnasnet_050", "mobilenetv1": "mobilenet_v1_025",
    "mobilenetv2": "mobilenet_v2_035_96", "mobilenetv3": "mobilenet_v3_small_075",
    "mobilevit": "mobilevit_xx_small", "nasnet": "nasnet_a_4x1056", "pit": "pit_ti", "pnasnet": "pnasnet",
    "poolformer": "poolformer_s12", "pvt": "pvt_tiny", "pvtv2": "pvt_v2_b0", "regnet": "regnet_x_200mf",
    "repmlp": "repmlp_t224", "repvgg": "repvgg_a0", "res2net": "res2net50", "resnest": "resnest14",
    "resnet": "resnet18", "resnetv2": "resnetv2_50", "rexnet": "rexnet_09", "senet": "seresnet18",
    "shufflenetv1": "shufflenet_v1_g3_05", "shufflenetv2": "shufflenet_v2_x0_5", "sknet": "skresnet18",
    "squeezenet": "squeezenet1_1", "swintransformer": "swin_tiny", "swintransformerv2": "swinv2_tiny_window8",
    "vgg": "vgg11", "visformer": "visformer_tiny", "vit": "vit_b_32_224", "volo": "volo_d1",
    "xception": "xception", "xcit": "xcit_tiny_12_p16_224",
}


def _name_seed(name):
    return (SEED + zlib.crc32(name.encode())) % 2**32


def fill_value(name, shape):
    """The value :func:`fill` gives parameter ``name``: variance-scaled normal weights, norm scales and running
    variances near 1, small biases and running means."""
    rng = np.random.default_rng(_name_seed(name))
    leaf = name.rsplit(".", 1)[-1]
    if "moving_variance" in leaf:
        return (1.0 + 0.2 * rng.random(shape)).astype(np.float32)
    if len(shape) >= 2:
        fan_in = int(np.prod(shape[1:]))
        return (rng.standard_normal(shape) / np.sqrt(fan_in)).astype(np.float32)
    if leaf in ("gamma", "weight", "scale") or leaf.endswith("gamma"):
        return (1.0 + 0.1 * rng.standard_normal(shape)).astype(np.float32)
    return (0.1 * rng.standard_normal(shape)).astype(np.float32)


def fill(ms, net):
    """Overwrite every float trainable parameter and BatchNorm running statistic of ``net`` from its name's seed."""
    for param in net.get_parameters():
        if not np.issubdtype(param.asnumpy().dtype, np.floating):
            continue
        if param.requires_grad or "moving_" in param.name:
            value = fill_value(param.name, tuple(param.shape)).astype(param.asnumpy().dtype)
            param.set_data(ms.Tensor(value))


def inputs(size, batch=BATCH):
    """The seeded image batch (NCHW float32) and sparse labels (int32)."""
    rng = np.random.default_rng(SEED)
    x = rng.standard_normal((batch, 3, size, size)).astype(np.float32)
    y = rng.integers(0, NUM_CLASSES, batch).astype(np.int32)
    return x, y


def build(ms, mindcv, name):
    """``create_model(name, num_classes=10)`` with its weights filled (after a fixed ``set_seed``)."""
    ms.set_seed(SEED)
    net = mindcv.create_model(name, num_classes=NUM_CLASSES)
    fill(ms, net)
    return net


def logits(ms, net, size):
    net.set_train(False)
    x, _ = inputs(size)
    out = net(ms.Tensor(x))
    return (out[0] if isinstance(out, (tuple, list)) else out).asnumpy()


def train_losses(ms, net, size, steps=STEPS, scale=1.0):
    """The losses of ``steps`` TrainOneStepCell steps; dropout-like and BatchNorm cells stay in eval mode. ``scale``
    multiplies the input batch (:data:`PERTURB` measures how strongly the trajectory amplifies rounding)."""
    nn = ms.nn
    loss_fn = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
    opt = nn.Momentum(net.trainable_params(), learning_rate=0.01, momentum=0.9)
    step = nn.TrainOneStepCell(nn.WithLossCell(net, loss_fn), opt)
    step.set_train(True)
    for cell in net.cells_and_names():
        if any(kind in type(cell[1]).__name__ for kind in ("Drop", "BatchNorm")):
            cell[1].set_train(False)
    x, y = inputs(size)
    x, y = ms.Tensor(x * np.float32(scale)), ms.Tensor(y)
    return [float(step(x, y).asnumpy()) for _ in range(steps)]


def load_golden(family):
    with open(os.path.join(GOLDENS, f"{family}.json")) as f:
        return json.load(f)


def ckpt_dir():
    """Where the tool writes the checkpoints real MindSpore saved (``MINDSHIM_MINDCV_CKPT`` or the user cache)."""
    return os.environ.get("MINDSHIM_MINDCV_CKPT", os.path.join(os.path.expanduser("~"), ".cache", "mindshim",
                                                                 "mindcv"))
