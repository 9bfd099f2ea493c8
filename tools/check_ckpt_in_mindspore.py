"""Load checkpoints that mindshim wrote into real MindSpore and compare names, dtypes, values and bytes.

    python tools/check_ckpt_in_mindspore.py [--mindshim-python PATH]  # where mindspore==2.10.0 is installed

Run with a Python that has MindSpore 2.10; it starts mindshim's Python (default ``.venv/bin/python`` of this
repository) with ``--write DIR`` to save the networks of ``tests/golden_cases/_checkpoints.py`` (the Dense, the CNN,
every dtype with an ``append_dict``, CRC and safetensors files, and Momentum and Adam ``TrainOneStepCell``
state after two steps), then reads every file with MindSpore: names, dtypes and values must equal what
mindshim saved, the networks load with ``strict_load=True``, the CNN's output and the third training step
must match mindshim's, and the bytes must equal MindSpore's own file for the same network.
Prints one line per check and exits non-zero if any fails.
"""
import os
import subprocess
import sys
import tempfile

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests"))
import golden_cases._checkpoints as fx  # noqa: E402

RTOL, ATOL = 1e-5, 1e-6
# file -> (what to save, save_checkpoint keywords)
FILES = {"dense.ckpt": ("dense", {}), "dense_crc.ckpt": ("dense", {"crc_check": True}),
         "dense.safetensors": ("dense", {"format": "safetensors"}), "cnn.ckpt": ("cnn", {}),
         "dtypes.ckpt": ("dtypes", {"append_dict": fx.APPEND}),
         "dtypes.safetensors": ("dtypes", {"format": "safetensors"})}


def _build(ms, what):
    return {"dense": lambda: fx.dense(ms), "cnn": lambda: fx.cnn(ms), "dtypes": lambda: fx.dtype_params(ms)}[what]()


def _saved_values(obj):
    items = [(p.name, p) for p in obj.get_parameters()] if hasattr(obj, "get_parameters") else \
        [(i["name"], i["data"]) for i in obj]
    return {name: fx.as_numpy(value) for name, value in items}


def write(out):
    """mindshim's side: save every file under ``out`` with what it holds in ``<file>.npz``."""
    sys.path.insert(0, ROOT)
    import mindshim as ms
    for name, (what, kwargs) in FILES.items():
        obj = _build(ms, what)
        ms.train.save_checkpoint(obj, os.path.join(out, name), **kwargs)
        values = _saved_values(obj)
        if "append_dict" in kwargs:
            values.update({k: np.array(v) if isinstance(v, str) else fx.as_numpy(ms.Tensor(v))
                           for k, v in kwargs["append_dict"].items()})
        np.savez(os.path.join(out, name + ".npz"), **values)
    net = fx.cnn(ms)
    np.save(os.path.join(out, "cnn_eval_output.npy"), net.set_train(False)(ms.Tensor(fx.IMAGE)).asnumpy())
    for optimizer in ("momentum", "adam"):
        step = fx.train_step(ms, optimizer)
        for _ in range(2):
            step(ms.Tensor(fx.X), ms.Tensor(fx.Y))
        ms.train.save_checkpoint(step, os.path.join(out, f"{optimizer}.ckpt"))
        values = {"param/" + k: v for k, v in _saved_values(step).items()}
        values["next_loss"] = step(ms.Tensor(fx.X), ms.Tensor(fx.Y)).asnumpy()
        values.update({"next/" + k: v for k, v in _saved_values(step).items()})
        np.savez(os.path.join(out, f"{optimizer}.ckpt.npz"), **values)


class _Report:
    def __init__(self):
        self.failed = 0

    def check(self, label, ok, detail=""):
        print(f"{'ok  ' if ok else 'FAIL'} {label}{'' if ok else ': ' + detail}")
        self.failed += not ok


def _equal(a, b):
    return a.shape == b.shape and a.dtype == b.dtype and np.array_equal(a, b)


def check(out):
    """MindSpore's side."""
    import mindspore as ms
    ms.set_context(mode=ms.PYNATIVE_MODE, device_target="CPU")
    report = _Report()
    own = tempfile.mkdtemp(prefix="ms_ckpt_")
    for name, (what, kwargs) in FILES.items():
        path, fmt = os.path.join(out, name), name.rsplit(".", 1)[1]
        with np.load(path + ".npz") as f:
            expected = {k: f[k] for k in f.files}
        loaded = ms.load_checkpoint(path, format=fmt, crc_check=bool(kwargs.get("crc_check")))
        report.check(f"{name}: names", sorted(loaded) == sorted(expected), f"{sorted(loaded)} != {sorted(expected)}")
        if fmt == "ckpt":
            report.check(f"{name}: Parameter names", all(isinstance(v, str) or v.name == k for k, v in loaded.items()))
            order = [n for n in expected if not n.startswith("param/")]
            report.check(f"{name}: order", list(loaded) == order, f"{list(loaded)} != {order}")
        for key, value in loaded.items():
            got = np.array(value) if isinstance(value, str) else fx.as_numpy(value)
            want = expected.get(key)
            report.check(f"{name}: {key} {getattr(value, 'dtype', 'str')} {list(got.shape)}",
                         want is not None and _equal(got, want), f"{got!r} != {want!r}")
        ms.save_checkpoint(_build(ms, what), os.path.join(own, name), **kwargs)
        with open(path, "rb") as a, open(os.path.join(own, name), "rb") as b:
            report.check(f"{name}: same bytes as MindSpore's own file", a.read() == b.read())
    net = fx.dense(ms, fx.DENSE_B)
    report.check("dense.ckpt into Dense (strict)",
                 ms.load_param_into_net(net, ms.load_checkpoint(os.path.join(out, "dense.ckpt")), True) == ([], []))
    net = fx.cnn(ms)
    report.check("cnn.ckpt into CNN (strict)",
                 ms.load_param_into_net(net, ms.load_checkpoint(os.path.join(out, "cnn.ckpt")), True) == ([], []))
    output = net.set_train(False)(ms.Tensor(fx.IMAGE)).asnumpy()
    want = np.load(os.path.join(out, "cnn_eval_output.npy"))
    report.check("cnn eval output equals mindshim's", np.allclose(output, want, rtol=RTOL, atol=ATOL),
                 f"{output} != {want}")
    for optimizer in ("momentum", "adam"):
        with np.load(os.path.join(out, f"{optimizer}.ckpt.npz")) as f:
            expected = {k: f[k] for k in f.files}
        step = fx.train_step(ms, optimizer)
        result = ms.load_param_into_net(step, ms.load_checkpoint(os.path.join(out, f"{optimizer}.ckpt")), True)
        report.check(f"{optimizer}.ckpt into TrainOneStepCell (strict)", result == ([], []), str(result))
        for p in step.get_parameters():
            report.check(f"{optimizer}: {p.name}", _equal(p.asnumpy(), expected["param/" + p.name]))
        loss = step(ms.Tensor(fx.X), ms.Tensor(fx.Y)).asnumpy()
        want = expected["next_loss"]
        report.check(f"{optimizer}: third step loss equals mindshim's",
                     np.allclose(loss, want, rtol=RTOL, atol=ATOL), f"{loss} != {want}")
        for p in step.get_parameters():
            report.check(f"{optimizer}: {p.name} after the third step",
                         np.allclose(p.asnumpy(), expected["next/" + p.name], rtol=RTOL, atol=ATOL))
    print(f"{report.failed} failed")
    return 1 if report.failed else 0


def main(argv):
    if argv[:1] == ["--write"]:
        write(argv[1])
        return 0
    python = argv[argv.index("--mindshim-python") + 1] if "--mindshim-python" in argv else \
        os.path.join(ROOT, ".venv", "bin", "python")
    out = tempfile.mkdtemp(prefix="mindshim_ckpt_")
    subprocess.run([python, os.path.abspath(__file__), "--write", out], check=True)
    return check(out)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
