"""mindformers 2.1.0's tiny legacy language models (LLaMA with and without grouped-query attention, ChatGLM2),
unchanged, on mindshim: against goldens from real MindSpore 2.10 (``tools/record_mindformers.py``; the procedure is
``tests/mindformers_case.py``): build, eval logits, 2 training steps in PyNative and GRAPH_MODE, and loading the
checkpoint MindSpore saved (needs the tool's cache; skipped without it).

PyNative training runs op by op (about 10 s per model on 2 cores): CI runs it for ``llama`` only, the others with
``MINDSHIM_MINDFORMERS_ALL=1`` (and the ``slow`` marker). ``KNOWN_FAILURES`` lists what does not work yet, as strict
xfails with the reason. mindformers installs with ``--no-deps``; what its import needs besides: pyyaml, deprecated,
regex, requests, jieba, rouge_chinese, datasets, tokenizers, sentencepiece, tiktoken, tensorboardX, astunparse,
pillow and ``mindpet --no-deps``.
"""
import importlib.util
import os

import pytest

import mindshim

if importlib.util.find_spec("mindformers") is None:
    pytest.skip("mindformers 2.1.0 is not installed (pip install --no-deps mindformers==2.1.0, see .ci/run)",
                allow_module_level=True)
mindshim.install()

import mindformers_case as case  # noqa: E402
import mindspore as ms  # noqa: E402  (mindshim, through install())
import model_zoo as zoo  # noqa: E402

KEYS = ("build", "logits", "train_pynative", "train_graph", "load")
KNOWN_FAILURES = {}  # (model, key): reason, run as strict xfails
CI_PYNATIVE = ("llama",)


@pytest.fixture(scope="module")
def mindformers():
    """The package, imported once: mindformers reads ``PIL.Image`` without importing it (real MindSpore's
    ``import mindspore`` imports it), so it is imported first."""
    import PIL.Image  # noqa: F401,I001
    import mindformers
    return mindformers


def _params(keys):
    params = []
    for model in sorted(case.MODELS):
        for key in keys:
            marks = []
            if key == "train_pynative" and model not in CI_PYNATIVE:
                marks += [pytest.mark.slow, pytest.mark.skipif(
                    os.environ.get("MINDSHIM_MINDFORMERS_ALL") != "1",
                    reason="outside the CI subset: MINDSHIM_MINDFORMERS_ALL=1")]
            if (model, key) in KNOWN_FAILURES:
                marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_FAILURES[model, key]))
            params.append(pytest.param(model, key, id=f"{model}-{key}", marks=marks))
    return params


def _golden(model, key):
    golden = case.load_golden(model)
    if key not in golden:
        pytest.skip(golden.get(key + "_skip", f"no {key} recorded"))
    return golden



@pytest.mark.parametrize("model,key", _params(["build"]))
def test_build(mindformers, model, key):
    golden = _golden(model, "logits")
    net = case.build(ms, model)
    assert sum(p.size for p in net.trainable_params()) == golden["num_params"]


@pytest.mark.parametrize("model,key", _params(["logits"]))
def test_logits(mindformers, model, key):
    golden = _golden(model, key)
    zoo.close(case.logits(ms, case.build(ms, model)), golden["logits"])


@pytest.mark.parametrize("model,key", _params(["train_pynative", "train_graph"]))
def test_train(mindformers, model, key):
    golden = _golden(model, key)
    ms.set_context(mode=ms.GRAPH_MODE if key == "train_graph" else ms.PYNATIVE_MODE)
    zoo.close(case.train_losses(ms, case.build(ms, model), model), golden[key])


@pytest.mark.parametrize("model,key", _params(["load"]))
def test_load_mindspore_checkpoint(mindformers, model, key):
    """The .ckpt real MindSpore saved for the filled model loads into a freshly built (unfilled) one and gives the
    recorded logits."""
    golden = _golden(model, "logits")
    path = os.path.join(case.ckpt_dir(), f"{model}.ckpt")
    if not os.path.exists(path):
        pytest.skip(f"no checkpoint at {path}: run tools/record_mindformers.py under MindSpore")
    module, config_cls, model_cls, kwargs = case.MODELS[model]
    module = __import__(module, fromlist=[model_cls])
    net = getattr(module, model_cls)(getattr(module, config_cls)(**kwargs))
    not_loaded = ms.load_param_into_net(net, ms.load_checkpoint(path))
    assert not any(not_loaded)
    zoo.close(case.logits(ms, net), golden["logits"])
