"""Write the MindSpore 2.10 checkpoint fixtures that ``tests/test_checkpoint.py`` reads (``tests/data/ckpt/``).

    python tools/make_ckpt_fixtures.py  # where mindspore==2.10.0 is installed (CPU, Python 3.11, numpy<2)

The networks, their weights (fixed numpy draws) and the scenarios are defined once, as functions of the
``mindspore`` module, in ``tests/golden_cases/_checkpoints.py``; the tests build the same ones on mindshim. Files
written (each ``.npz`` holds what real MindSpore reads back, BFloat16 as float32):

- ``dense.ckpt``, ``dense_crc.ckpt`` (``crc_check=True``), ``dense.safetensors``; ``dense.npz``;
- ``cnn.ckpt`` (Conv2d + BatchNorm2d + Dense); ``cnn.npz`` with ``param/<name>`` and ``eval_output``;
- ``momentum.ckpt``, ``adam.ckpt``: a ``TrainOneStepCell`` (Dense, MSELoss) after two steps, network and
  optimizer state; ``.npz`` with ``param/<name>``, and ``next_loss`` and ``next/<name>`` after a third step;
- ``dtypes.ckpt``: every dtype, 0-d and ``(1,)`` shapes, and an ``append_dict``; ``dtypes.npz``;
- ``scenarios.json``: what each ``scenario_*`` below returns or raises on real MindSpore (paths as ``<DIR>``).
"""
import json
import os
import sys

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "tests", "data", "ckpt")
sys.path.insert(0, os.path.join(ROOT, "tests"))
from golden_cases._checkpoints import (  # noqa: E402
    APPEND,
    IMAGE,
    SCENARIOS,
    X,
    Y,
    as_numpy,
    cnn,
    dense,
    dtype_params,
    run_scenario,
    train_step,
)


def _params_npz(ms, path, prefix="param/"):
    return {prefix + k: as_numpy(v) if not isinstance(v, str) else np.array(v)
            for k, v in ms.train.load_checkpoint(path, format=path.rsplit(".", 1)[1]).items()}


def _fresh(path):
    if os.path.exists(path):
        os.chmod(path, 0o600)
        os.remove(path)
    return path


def _train_fixture(ms, optimizer):
    step = train_step(ms, optimizer)
    x, y = ms.Tensor(X), ms.Tensor(Y)
    step(x, y)
    step(x, y)
    path = os.path.join(DATA, f"{optimizer}.ckpt")
    ms.train.save_checkpoint(step, path)
    expected = _params_npz(ms, path)
    expected["next_loss"] = step(x, y).asnumpy()
    expected.update({"next/" + p.name: p.asnumpy() for p in step.get_parameters()})
    np.savez(_fresh(os.path.join(DATA, f"{optimizer}.npz")), **expected)


def main():
    import mindspore as ms
    ms.set_context(mode=ms.PYNATIVE_MODE, device_target="CPU")
    os.makedirs(DATA, exist_ok=True)
    ms.train.save_checkpoint(dense(ms), os.path.join(DATA, "dense.ckpt"))
    ms.train.save_checkpoint(dense(ms), os.path.join(DATA, "dense_crc.ckpt"), crc_check=True)
    ms.train.save_checkpoint(dense(ms), os.path.join(DATA, "dense.safetensors"), format="safetensors")
    np.savez(_fresh(os.path.join(DATA, "dense.npz")), **_params_npz(ms, os.path.join(DATA, "dense.ckpt"), ""))
    net = cnn(ms)
    ms.train.save_checkpoint(net, os.path.join(DATA, "cnn.ckpt"))
    expected = _params_npz(ms, os.path.join(DATA, "cnn.ckpt"))
    expected["eval_output"] = net.set_train(False)(ms.Tensor(IMAGE)).asnumpy()
    np.savez(_fresh(os.path.join(DATA, "cnn.npz")), **expected)
    _train_fixture(ms, "momentum")
    _train_fixture(ms, "adam")
    ms.train.save_checkpoint(dtype_params(ms), os.path.join(DATA, "dtypes.ckpt"), append_dict=APPEND)
    np.savez(_fresh(os.path.join(DATA, "dtypes.npz")), **_params_npz(ms, os.path.join(DATA, "dtypes.ckpt"), ""))
    scenarios = {"mindspore": ms.__version__,
                 "scenarios": {name: run_scenario(ms, fn) for name, fn in SCENARIOS.items()}}
    with open(os.path.join(DATA, "scenarios.json"), "w") as f:
        json.dump(scenarios, f, indent=1, sort_keys=True)
        f.write("\n")
    for name in sorted(os.listdir(DATA)):
        os.chmod(os.path.join(DATA, name), 0o644)  # saved read-only, as MindSpore does; fixtures stay plain data
        print(name, os.path.getsize(os.path.join(DATA, name)))


if __name__ == "__main__":
    sys.exit(main())
