"""One mindformers 2.1.0 language model as a reproducible case: the same code runs under real MindSpore
(``tools/record_mindformers.py`` records it) and under mindshim (``tests/test_mindformers.py`` replays it).

A case builds a tiny legacy mindformers model (2 layers, hidden 64, vocabulary 32, sequence 8, float32
throughout, no flash attention, ``use_rope_slice=True``, no fused RMSNorm kernel), overwrites its weights from a
seeded numpy generator (``mindcv_case.fill``'s rule: each parameter from its own name's seed), then records

- ``logits``: eval-mode logits ``(batch, seq, vocab)`` on seeded token ids;
- ``train_pynative`` / ``train_graph``: the losses of 2 ``TrainOneStepCell`` steps (``nn.Momentum``) on the
  model's own loss (mindformers' models return their cross-entropy loss in train mode), each mode from the same
  filled weights.

ChatGLM2 uses LayerNorm (``rmsnorm=False``): off Ascend 910A its RMSNorm is MindSpore's fused ``RmsNorm``
kernel, which real MindSpore's CPU build lacks. Goldens live in ``tests/goldens/mindformers/<model>.json``.
"""
import json
import os
import zlib

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GOLDENS = os.path.join(ROOT, "tests", "goldens", "mindformers")
SEED = 20261207
BATCH, SEQ, VOCAB, STEPS = 2, 8, 32, 2
_COMMON = {"batch_size": BATCH, "seq_length": SEQ, "num_layers": 2, "hidden_size": 64, "compute_dtype": "float32",
           "layernorm_compute_type": "float32", "param_init_type": "float32", "rotary_dtype": "float32",
           "use_flash_attention": False, "use_past": False}
_LLAMA = dict(_COMMON, num_heads=4, vocab_size=VOCAB, intermediate_size=128, softmax_compute_type="float32",
              use_rope_slice=True, fused_rms_norm=False)
# name: (module, config class, model class, config arguments)
MODELS = {
    "llama": ("mindformers.models.llama", "LlamaConfig", "LlamaForCausalLM", _LLAMA),
    "llama_gqa": ("mindformers.models.llama", "LlamaConfig", "LlamaForCausalLM", dict(_LLAMA, n_kv_heads=2)),
    "glm2": ("mindformers.models.glm2", "ChatGLM2Config", "ChatGLM2ForConditionalGeneration",
             dict(_COMMON, ffn_hidden_size=128, kv_channels=16, num_attention_heads=4, multi_query_attention=True,
                  multi_query_group_num=2, padded_vocab_size=VOCAB, vocab_size=VOCAB, rmsnorm=False,
                  hidden_dropout=0.0, attention_dropout=0.0)),
}


def _name_seed(name):
    return (SEED + zlib.crc32(name.encode())) % 2**32


def fill_value(name, shape):
    """Variance-scaled normal matrices, norm scales near 1, small vectors."""
    rng = np.random.default_rng(_name_seed(name))
    leaf = name.rsplit(".", 1)[-1]
    if len(shape) >= 2:
        return (rng.standard_normal(shape) / np.sqrt(shape[-1])).astype(np.float32)
    if leaf in ("gamma", "weight"):
        return (1.0 + 0.1 * rng.standard_normal(shape)).astype(np.float32)
    return (0.1 * rng.standard_normal(shape)).astype(np.float32)


def build(ms, name):
    """The model ``name`` of :data:`MODELS`, its trainable weights filled (after a fixed ``set_seed``)."""
    import importlib
    module, config_cls, model_cls, kwargs = MODELS[name]
    module = importlib.import_module(module)
    ms.set_seed(SEED)
    net = getattr(module, model_cls)(getattr(module, config_cls)(**kwargs))
    for param in net.trainable_params():
        param.set_data(ms.Tensor(fill_value(param.name, tuple(param.shape))))
    return net


def token_ids():
    """Seeded token ids ``(batch, seq + 1)`` (int32)."""
    return np.random.default_rng(SEED).integers(0, VOCAB, (BATCH, SEQ + 1)).astype(np.int32)


def logits(ms, net):
    net.set_train(False)
    out = net(ms.Tensor(token_ids()[:, :SEQ]))
    return (out[0] if isinstance(out, (tuple, list)) else out).asnumpy().reshape(BATCH, SEQ, VOCAB)


def train_inputs(ms, name):
    """What the model's train-mode call takes: LLaMA shifts ``seq + 1`` ids itself; ChatGLM2 takes ids and labels."""
    ids = token_ids()
    if name.startswith("glm2"):
        return ms.Tensor(ids[:, :SEQ]), ms.Tensor(ids[:, 1:])
    return (ms.Tensor(ids),)


def train_losses(ms, net, name, steps=STEPS):
    """The losses of ``steps`` TrainOneStepCell steps on the model's own loss."""
    nn = ms.nn
    step = nn.TrainOneStepCell(net, nn.Momentum(net.trainable_params(), learning_rate=0.01, momentum=0.9))
    step.set_train(True)
    inputs = train_inputs(ms, name)
    return [float(step(*inputs).asnumpy().reshape(())) for _ in range(steps)]


def load_golden(name):
    with open(os.path.join(GOLDENS, f"{name}.json")) as f:
        return json.load(f)


def ckpt_dir():
    """Where the tool writes the checkpoints real MindSpore saved (``MINDSHIM_MINDFORMERS_CKPT`` or the user
    cache)."""
    return os.environ.get("MINDSHIM_MINDFORMERS_CKPT",
                          os.path.join(os.path.expanduser("~"), ".cache", "mindshim", "mindformers"))
