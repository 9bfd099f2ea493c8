"""The checkpoint fixtures' definitions: networks, weights (fixed numpy draws) and scenarios, as functions of the
``mindspore`` module, so that ``tools/make_ckpt_fixtures.py`` runs them on real MindSpore 2.10 (writing
``tests/data/ckpt/``), ``tests/test_checkpoint.py`` builds the same ones on mindshim, and
``tools/check_ckpt_in_mindspore.py`` loads mindshim's files into MindSpore.

Not a golden case module (its name starts with '_'): the fixtures are files, written by the tool.
"""
import io
import json
import os
import shutil
import tempfile

import numpy as np

_rng = np.random.RandomState(2024)
X = _rng.randn(4, 3).astype(np.float32)
Y = _rng.randn(4, 2).astype(np.float32)
IMAGE = _rng.randn(2, 1, 6, 6).astype(np.float32)
DENSE = {"weight": (0.5 * _rng.randn(2, 3)).astype(np.float32), "bias": (0.1 * _rng.randn(2)).astype(np.float32)}
DENSE_B = {"weight": (0.5 * _rng.randn(2, 3)).astype(np.float32), "bias": (0.1 * _rng.randn(2)).astype(np.float32)}
CNN_WEIGHTS = {"conv.weight": (0.3 * _rng.randn(2, 1, 3, 3)).astype(np.float32),
       "conv.bias": (0.1 * _rng.randn(2)).astype(np.float32),
       "bn.moving_mean": (0.2 * _rng.randn(2)).astype(np.float32),
       "bn.moving_variance": (0.5 + _rng.rand(2)).astype(np.float32),
       "bn.gamma": (1.0 + 0.1 * _rng.randn(2)).astype(np.float32),
       "bn.beta": (0.1 * _rng.randn(2)).astype(np.float32),
       "fc.weight": (0.2 * _rng.randn(3, 32)).astype(np.float32),
       "fc.bias": (0.1 * _rng.randn(3)).astype(np.float32)}
# name -> (MindSpore dtype attribute, values); BFloat16 values are exact in bfloat16.
DTYPES = {"f16": ("float16", np.array([[1.5, -2.25, 3.0]])),
          "f32": ("float32", _rng.randn(2, 3, 4)),
          "f64": ("float64", np.array([0.1, -1e-300, 1e300])),
          "bf16": ("bfloat16", np.array([[0.5, -4.0], [1.25, 96.0]])),
          "i8": ("int8", np.array([-128, 0, 127])),
          "i16": ("int16", np.array([-30000, 7])),
          "i32": ("int32", np.array([[1, -2], [2 ** 31 - 1, 0]])),
          "i64": ("int64", np.array([2 ** 40, -3])),
          "u8": ("uint8", np.array([0, 200, 255])),
          "b": ("bool_", np.array([True, False, True])),
          "scalar_f32": ("float32", np.array(2.5)),
          "scalar_i64": ("int64", np.array(-7)),
          "one": ("float32", np.array([4.0]))}
APPEND = {"epoch": 3, "lr": 0.5, "flag": True, "note": "hello"}


# ---- networks ------------------------------------------------------------------------------------------
def set_weights(ms, net, values):
    for param in net.get_parameters():
        param.set_data(ms.Tensor(values[param.name]))
    return net


def dense(ms, values=DENSE):
    return set_weights(ms, ms.nn.Dense(3, 2), values)


def cnn(ms):
    class CNN(ms.nn.Cell):
        def __init__(self):
            super().__init__()
            self.conv = ms.nn.Conv2d(1, 2, 3, pad_mode="valid", has_bias=True)
            self.bn = ms.nn.BatchNorm2d(2)
            self.flat = ms.nn.Flatten()
            self.fc = ms.nn.Dense(32, 3)

        def construct(self, x):
            return self.fc(self.flat(self.bn(self.conv(x))))
    return set_weights(ms, CNN(), CNN_WEIGHTS)


def train_step(ms, optimizer):
    """A ``TrainOneStepCell`` over ``dense`` and MSELoss with ``optimizer`` ('momentum' or 'adam')."""
    net = dense(ms)
    params = net.trainable_params()
    opt = (ms.nn.Momentum(params, learning_rate=0.1, momentum=0.9) if optimizer == "momentum"
           else ms.nn.Adam(params, learning_rate=0.01))
    step = ms.nn.TrainOneStepCell(ms.nn.WithLossCell(net, ms.nn.MSELoss()), opt)
    step.set_train()
    return step


def dtype_params(ms):
    return [{"name": name, "data": ms.Parameter(ms.Tensor(values, getattr(ms, dtype)), name=name)}
            for name, (dtype, values) in DTYPES.items()]


def as_numpy(tensor):
    """A numpy copy; BFloat16 as float32 (numpy has no bfloat16 of its own)."""
    return (tensor.float() if str(tensor.dtype) == "BFloat16" else tensor).asnumpy()


# ---- scenarios: run on both frameworks, compared by tests/test_checkpoint.py ---------------------------
def plain(value):
    """JSON-able form of a scenario's result."""
    if hasattr(value, "asnumpy"):
        arr = as_numpy(value)
        values = arr.tolist() if arr.dtype.kind in "biu" else arr.astype(np.float64).tolist()
        return {"dtype": str(value.dtype), "shape": list(value.shape), "value": values}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def _save(ms, d, name, obj=None, **kwargs):
    path = os.path.join(d, name)
    ms.train.save_checkpoint(dense(ms) if obj is None else obj, path, **kwargs)
    return path


def _summary(param_dict):
    return {k: [v.name, str(v.dtype), list(v.shape), v.requires_grad] if not isinstance(v, str) else v
            for k, v in param_dict.items()}


def scenario_file_names_and_modes(ms, d):
    for name, kwargs in (("a", {}), ("b.ckp", {}), ("xckpt", {}), ("c", {"format": "safetensors"}),
                         ("e.safetensors", {"format": "safetensors"})):
        _save(ms, d, name, **kwargs)
    return {name: oct(os.stat(os.path.join(d, name)).st_mode & 0o777) for name in sorted(os.listdir(d))}


def scenario_overwrite_read_only(ms, d):
    _save(ms, d, "w.ckpt")
    _save(ms, d, "w.ckpt")
    _save(ms, d, "w.ckpt", dense(ms, DENSE_B))
    return [sorted(os.listdir(d)), ms.train.load_checkpoint(os.path.join(d, "w.ckpt"))]


def scenario_load_summary(ms, d):
    return _summary(ms.train.load_checkpoint(_save(ms, d, "n.ckpt")))


def scenario_append_dict(ms, d):
    extra = dict(APPEND, t=ms.Tensor(np.arange(3, dtype=np.int32)), p=ms.Parameter(ms.Tensor([1.0, 2.0]), name="q"))
    loaded = ms.train.load_checkpoint(_save(ms, d, "n.ckpt", append_dict=extra))
    return [_summary(loaded), loaded]


def scenario_dtypes_round_trip(ms, d):
    loaded = ms.train.load_checkpoint(_save(ms, d, "t.ckpt", dtype_params(ms)))
    return [_summary(loaded), loaded]


def scenario_empty_tensor_dropped(ms, d):
    obj = [{"name": "e", "data": ms.Tensor(np.zeros((0, 3), np.float32))}, {"name": "a", "data": ms.Tensor([1.0])}]
    return list(ms.train.load_checkpoint(_save(ms, d, "e.ckpt", obj)))


def scenario_save_objects(ms, d):
    net = dense(ms)
    out = {"params": ms.train.load_checkpoint(_save(ms, d, "l.ckpt", net.trainable_params())),
           "dicts": ms.train.load_checkpoint(_save(ms, d, "m.ckpt", [{"name": "z", "data": ms.Tensor([1, 2])}]))}
    out["loaded"] = ms.train.load_checkpoint(_save(ms, d, "o.ckpt", out["params"]))
    out["numpy"] = ms.train.load_checkpoint(_save(ms, d, "p.ckpt", {"a": np.ones(2), "s": "text"}))
    out["choice"] = list(ms.train.load_checkpoint(_save(ms, d, "q.ckpt", choice_func=lambda n: n == "bias")))
    return out


def scenario_load_selection(ms, d):
    path = _save(ms, d, "s.ckpt", train_step(ms, "momentum"))
    load = ms.train.load_checkpoint
    return {"filter": list(load(path, filter_prefix="moments")),
            "filter_list": list(load(path, filter_prefix=["moments", "weight"])),
            "specify": list(load(path, specify_prefix=("moments", "bias"))),
            "both": list(load(path, specify_prefix="moments", filter_prefix="moments.b")),
            "choice": list(load(path, choice_func=lambda n: "ment" in n)),
            "prefix_wins": list(load(path, specify_prefix="bias", choice_func=lambda n: False))}


def _errors(cases):
    out = {}
    for name, fn in cases:
        try:
            fn()
            out[name] = None
        except Exception as e:  # noqa: BLE001  (the scenario records every error)
            out[name] = [type(e).__name__, str(e)]
    return out


def scenario_load_errors(ms, d):
    path = _save(ms, d, "n.ckpt")
    with open(path, "rb") as f:
        content = f.read()
    for name, data in (("trunc.ckpt", content[:len(content) // 2]), ("garbage.ckpt", b"\xff\xfe\x00garbage" * 5),
                       ("empty.ckpt", b"")):
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)
    _save(ms, d, "c.ckpt", [{"name": "c", "data": ms.Tensor(np.ones(2, np.complex64))}])
    load = ms.train.load_checkpoint
    return _errors([
        ("trunc", lambda: load(os.path.join(d, "trunc.ckpt"))),
        ("garbage", lambda: load(os.path.join(d, "garbage.ckpt"))),
        ("empty", lambda: load(os.path.join(d, "empty.ckpt"))),
        ("missing", lambda: load(os.path.join(d, "nope.ckpt"))),
        ("suffix", lambda: load(os.path.join(d, "n.bin"))),
        ("format", lambda: load(path, format="pt")),
        ("not_str", lambda: load(3)),
        ("bytes_io", lambda: load(io.BytesIO(content))),
        ("complex", lambda: load(os.path.join(d, "c.ckpt"))),
        ("filter_all", lambda: load(path, filter_prefix=["weight", "bias"])),
        ("prefix_type", lambda: load(path, filter_prefix=3)),
        ("prefix_empty", lambda: load(path, specify_prefix=[])),
        ("prefix_blank", lambda: load(path, filter_prefix=[""])),
        ("prefix_item", lambda: load(path, filter_prefix=["a", 1])),
        ("dec_key_type", lambda: load(path, dec_key="k")),
        ("crc_type", lambda: load(path, crc_check=1)),
        ("sf_dec_key", lambda: load(path.replace(".ckpt", ".safetensors"), format="safetensors", dec_key=b"k" * 16)),
    ])


def scenario_save_errors(ms, d):
    net = dense(ms)
    save = ms.train.save_checkpoint
    p = os.path.join(d, "x")
    return _errors([
        ("obj", lambda: save(3, p)),
        ("name", lambda: save(net, 3)),
        ("format", lambda: save(net, p, format="pt")),
        ("directory", lambda: save(net, d)),
        ("append_value", lambda: save(net, p, append_dict={"a": [1]})),
        ("append_type", lambda: save(net, p, append_dict=[1])),
        ("list_dict_name", lambda: save([{"name": 1, "data": ms.Tensor([1.0])}], p)),
        ("list_dict_data", lambda: save([{"name": "a", "data": np.ones(2)}], p)),
        ("list_dict_keys", lambda: save([{"name": "a", "data": ms.Tensor([1.0])}, {"x": 1}], p)),
        ("list_item", lambda: save([np.ones(2)], p)),
        ("dict_key", lambda: save({1: "s"}, p)),
        ("async", lambda: save(net, p, async_save="x")),
        ("async_type", lambda: save(net, p, async_save=1)),
        ("integrated", lambda: save(net, p, integrated_save=1)),
        ("enc_key_type", lambda: save(net, p, enc_key="k")),
        ("crc_type", lambda: save(net, p, crc_check=1)),
        ("redundancy_type", lambda: save(net, p, remove_redundancy=1)),
        ("sf_enc_key", lambda: save(net, p, format="safetensors", enc_key=b"k" * 16)),
        ("sf_incremental", lambda: save(net, p, format="safetensors", incremental=True)),
    ])


def scenario_load_into_net(ms, d):
    pd = ms.train.load_checkpoint(_save(ms, d, "n.ckpt"))
    f16 = {"weight": ms.Parameter(pd["weight"].astype(ms.float16), name="weight"), "bias": pd["bias"]}
    i32 = {"weight": ms.Parameter(ms.Tensor(np.ones((2, 3), np.int32)), name="weight"), "bias": pd["bias"]}
    out = {}
    for name, make_net, param_dict, strict in (
            ("same", lambda: dense(ms, DENSE_B), pd, False),
            ("missing", lambda: dense(ms, DENSE_B), {"weight": pd["weight"], "extra": pd["bias"]}, False),
            ("missing_strict", lambda: dense(ms, DENSE_B), {"weight": pd["weight"]}, True),
            ("f16_into_f32", lambda: dense(ms, DENSE_B), f16, False),
            ("f16_into_f32_strict", lambda: dense(ms, DENSE_B), f16, True),
            ("int_into_float", lambda: dense(ms, DENSE_B), i32, False),
            ("prefix", lambda: dense(ms, DENSE_B), {"net.weight": pd["weight"], "net.bias": pd["bias"]}, False),
            ("prefix_strict", lambda: dense(ms, DENSE_B), {"net.weight": pd["weight"], "net.bias": pd["bias"]}, True),
            ("string_value", lambda: dense(ms, DENSE_B), {"weight": pd["weight"], "bias": "text"}, False),
            ("shape", lambda: ms.nn.Dense(3, 4), pd, False),
            ("shape_strict", lambda: ms.nn.Dense(3, 4), pd, True),
            ("not_cell", lambda: 3, pd, False),
            ("not_dict", lambda: dense(ms), [1], False),
            ("bad_value", lambda: dense(ms), {"weight": 3}, False),
            ("strict_type", lambda: dense(ms), pd, 1)):
        net = make_net()
        try:
            result = ms.train.load_param_into_net(net, param_dict, strict_load=strict)
            out[name] = [result, {p.name: p for p in net.get_parameters()}]
        except Exception as e:  # noqa: BLE001
            out[name] = [type(e).__name__, str(e)]
    return out


def scenario_load_checkpoint_into_net(ms, d):
    path = _save(ms, d, "n.ckpt", train_step(ms, "momentum"))
    net = dense(ms, DENSE_B)
    loaded = ms.train.load_checkpoint(path, net=net, choice_func=lambda n: not n.startswith("moments"))
    return [sorted(loaded), {p.name: p for p in net.get_parameters()}]


def scenario_redundancy(ms, d):
    return _errors([("redundancy", lambda: ms.train.load_param_into_net(dense(ms), {}, remove_redundancy=True)),
                    ("redundancy_type", lambda: ms.train.load_param_into_net(dense(ms), {}, remove_redundancy=1))])


def scenario_crc(ms, d):
    path = _save(ms, d, "crc.ckpt", crc_check=True)
    with open(path, "rb") as f:
        content = bytearray(f.read())
    content[-18] ^= 1
    bad = os.path.join(d, "bad.ckpt")
    with open(bad, "wb") as f:
        f.write(bytes(content))
    out = {"trailer": list(content[-17:-10]), "good": ms.train.load_checkpoint(path, crc_check=True),
           "no_check": ms.train.load_checkpoint(bad)}
    out.update(_errors([("bad", lambda: ms.train.load_checkpoint(bad, crc_check=True))]))
    return out


def scenario_safetensors(ms, d):
    path = _save(ms, d, "s", format="safetensors", append_dict={"epoch": 3}) + ".safetensors"
    crc_path = _save(ms, d, "c", format="safetensors", crc_check=True) + ".safetensors"
    with open(path, "rb") as f:
        content = f.read()
    with open(os.path.join(d, "trunc.safetensors"), "wb") as f:
        f.write(content[: len(content) // 2])
    load = ms.train.load_checkpoint
    out = {"values": load(path, format="safetensors"),
           "bytes_io": list(load(io.BytesIO(content), format="safetensors")),
           "choice": list(load(path, format="safetensors", choice_func=lambda n: n != "bias")),
           "crc": list(load(crc_path, format="safetensors", crc_check=True))}
    out.update(_errors([("trunc", lambda: load(os.path.join(d, "trunc.safetensors"), format="safetensors")),
                        ("trunc_io", lambda: load(io.BytesIO(content[:20]), format="safetensors")),
                        ("string", lambda: _save(ms, d, "t", format="safetensors", append_dict={"s": "x"}))]))
    return out


def scenario_conversion(ms, d):
    _save(ms, d, "n.ckpt")
    ms.train.ckpt_to_safetensors(os.path.join(d, "n.ckpt"))
    ms.train.ckpt_to_safetensors(os.path.join(d, "n.ckpt"), os.path.join(d, "out"), name_map={"bias": "b"})
    os.makedirs(os.path.join(d, "tree", "rank_0"))
    _save(ms, d, os.path.join("tree", "rank_0", "m.ckpt"))
    ms.train.ckpt_to_safetensors(os.path.join(d, "tree"))
    ms.train.safetensors_to_ckpt(os.path.join(d, "n.safetensors"), os.path.join(d, "back"))
    files = sorted(os.path.relpath(os.path.join(r, f), d) for r, _, fs in os.walk(d) for f in fs)
    return {"files": files,
            "renamed": ms.train.load_checkpoint(os.path.join(d, "out", "n.safetensors"), format="safetensors"),
            "back": ms.train.load_checkpoint(os.path.join(d, "back", "n.ckpt"))}


SCENARIOS = {name[len("scenario_"):]: fn for name, fn in sorted(globals().items()) if name.startswith("scenario_")}


def run_scenario(ms, fn):
    """``fn``'s result (``plain``) or error, in a fresh directory written as ``<DIR>``."""
    d = os.path.realpath(tempfile.mkdtemp(prefix="ckpt_scenario_"))
    try:
        try:
            out = {"result": plain(fn(ms, d))}
        except Exception as e:  # noqa: BLE001
            out = {"error": [type(e).__name__, str(e)]}
        return json.loads(json.dumps(out).replace(d, "<DIR>").replace("mindshim", "mindspore"))
    finally:
        for root, dirs, files in os.walk(d):
            for name in dirs + files:
                os.chmod(os.path.join(root, name), 0o700)
        shutil.rmtree(d)


# ---- fixture files -------------------------------------------------------------------------------------
