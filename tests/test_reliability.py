"""Faults (issue 13): a checkpoint save that fails or is killed part-way loses nothing, a bad checkpoint file is a
clear error naming it, and ``mindshim run`` behaves like ``python``. Each test makes one fault happen, checks the
exception's type and message, that the files on disk (and the network) are as before, and that the next good
call gives what a twin that never saw the fault gets.

MindSpore 2.10, for comparison: a failed save deletes the old checkpoint and any user's ``<name>.tmp`` first and
leaves a partial ``<name>.tmp``; a failed ``async_save`` only prints the thread's
traceback; ``ModelCheckpoint`` removes its oldest file before it writes the new one; an empty ``.ckpt`` is
blamed on ``filter_prefix``; a foreign or truncated one is "may be corrupted" without saying which.
"""
import errno
import json
import os
import re
import signal
import subprocess
import sys
import textwrap
import threading
import time
import warnings

import jax
import numpy as np
import pytest
import safetensors.numpy

import mindshim as ms
from mindshim import _registry, nn, ops
from mindshim._engine import compiled
from mindshim.common import seed
from mindshim.train import serialization
from mindshim.train.callback._callback import _InternalCallbackParam

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WEIGHT = np.arange(6, dtype=np.float32).reshape(2, 3) / 7
BIAS = np.array([0.5, -0.25], np.float32)


def _net(scale=1.0):
    net = ms.nn.Dense(3, 2)
    net.weight.set_data(ms.Tensor(WEIGHT * scale))
    net.bias.set_data(ms.Tensor(BIAS * scale))
    return net


def _files(folder):
    """Every file in ``folder`` (hidden ones too): name -> (bytes, permission bits)."""
    out = {}
    for name in os.listdir(folder):
        with open(os.path.join(folder, name), "rb") as f:
            out[name] = (f.read(), os.stat(os.path.join(folder, name)).st_mode & 0o777)
    return out


def _values(param_dict):
    return {k: v.asnumpy() for k, v in param_dict.items()}


def _assert_same_values(got, want):
    assert sorted(got) == sorted(want)
    for name in want:
        np.testing.assert_array_equal(got[name], want[name], err_msg=name)


def _fail_half_way(monkeypatch):
    """The ``.ckpt`` writer stops with a full disk after its first record."""
    real = serialization._records

    def records(name, value):
        yield next(real(name, value))
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(serialization, "_records", records)


def _fail_safetensors_half_way(monkeypatch):
    real = safetensors.numpy.save_file

    def save_file(tensors, path, metadata=None):
        real(tensors, path, metadata=metadata)
        with open(path, "r+b") as f:
            f.truncate(os.path.getsize(path) // 2)
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(safetensors.numpy, "save_file", save_file)


def _run_python(code, *args, timeout=60):
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code), *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=timeout, check=False)


# ---- item 1: a failed save keeps the old checkpoint ------------------------------------------------------------
@pytest.mark.parametrize("format", ["ckpt", "safetensors"])
def test_failed_save_keeps_the_old_file_and_the_users_tmp(tmp_path, monkeypatch, format):
    path = str(tmp_path / f"w.{format}")
    ms.save_checkpoint(_net(), path, format=format)
    (tmp_path / "w.tmp").write_text("the user's own file")
    before = _files(tmp_path)
    assert before[f"w.{format}"][1] == 0o400  # read-only, as MindSpore leaves it
    with monkeypatch.context() as patch:
        (_fail_half_way if format == "ckpt" else _fail_safetensors_half_way)(patch)
        with pytest.raises(OSError, match=r"\[Errno 28\] No space left on device"):
            ms.save_checkpoint(_net(2.0), path, format=format)
    assert _files(tmp_path) == before
    _assert_same_values(_values(ms.load_checkpoint(path, format=format)), {"weight": WEIGHT, "bias": BIAS})
    ms.save_checkpoint(_net(2.0), path, format=format)
    twin = str(tmp_path / f"twin.{format}")
    ms.save_checkpoint(_net(2.0), twin, format=format)
    after = _files(tmp_path)
    assert sorted(after) == sorted([*before, f"twin.{format}"])
    assert after[f"w.{format}"] == after[f"twin.{format}"] and after["w.tmp"] == before["w.tmp"]


def test_file_size_limit_keeps_the_old_file(tmp_path):
    """A real short write: the process may write at most 4 KiB per file (RLIMIT_FSIZE) and saves 40 KB."""
    path = str(tmp_path / "w.ckpt")
    ms.save_checkpoint(_net(), path)
    before = _files(tmp_path)
    out = _run_python("""
        import resource, signal, sys
        import numpy as np
        import mindshim as ms
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
        try:
            ms.save_checkpoint({"weight": np.ones(10000, np.float32)}, sys.argv[1])
        except OSError as e:
            print(type(e).__name__, e.errno)
        """, path)
    assert out.stdout.split() == ["OSError", str(errno.EFBIG)], out.stderr
    assert f"Failed to save the checkpoint file {path}" in out.stderr
    assert _files(tmp_path) == before
    _assert_same_values(_values(ms.load_checkpoint(path)), {"weight": WEIGHT, "bias": BIAS})


def test_sigkill_mid_write_keeps_the_old_file(tmp_path):
    """A process killed while it writes a 192 MB checkpoint leaves the old file whole (and its temporary file)."""
    path = str(tmp_path / "w.ckpt")
    ms.save_checkpoint(_net(), path)
    before = _files(tmp_path)
    child = subprocess.Popen([sys.executable, "-c", textwrap.dedent("""
        import sys
        import numpy as np
        import mindshim as ms
        params = {f"p{i}": np.full(1_000_000, i, np.float32) for i in range(48)}
        print("ready", flush=True)
        ms.save_checkpoint(params, sys.argv[1])
        print("done", flush=True)
        """), path], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert child.stdout.readline() == "ready\n"
        deadline = time.time() + 30
        while time.time() < deadline:
            partial = [n for n in os.listdir(tmp_path) if n.startswith(".w.ckpt.") and n.endswith(".tmp")]
            if partial and os.path.getsize(tmp_path / partial[0]) > 0:
                child.send_signal(signal.SIGKILL)
                break
            time.sleep(0.001)
    finally:
        child.kill()
        rest = child.communicate()[0]
    assert child.returncode == -signal.SIGKILL and "done" not in rest
    after = _files(tmp_path)
    assert after.pop("w.ckpt") == before["w.ckpt"]
    assert list(after) == partial and os.path.getsize(tmp_path / partial[0]) < 192_000_000
    _assert_same_values(_values(ms.load_checkpoint(path)), {"weight": WEIGHT, "bias": BIAS})


def test_keyboard_interrupt_mid_write_removes_only_its_temporary_file(tmp_path, monkeypatch):
    path = str(tmp_path / "w.ckpt")
    ms.save_checkpoint(_net(), path)
    before = _files(tmp_path)

    def records(name, value):
        yield from ()
        raise KeyboardInterrupt
    monkeypatch.setattr(serialization, "_records", records)
    with pytest.raises(KeyboardInterrupt):
        ms.save_checkpoint(_net(2.0), path)
    assert _files(tmp_path) == before


def test_conversion_that_fails_keeps_the_old_target(tmp_path, monkeypatch):
    src = str(tmp_path / "n.ckpt")
    ms.save_checkpoint(_net(2.0), src)
    ms.save_checkpoint(_net(), str(tmp_path / "n.safetensors"), format="safetensors")
    before = _files(tmp_path)
    with monkeypatch.context() as patch:
        _fail_safetensors_half_way(patch)
        with pytest.raises(OSError, match="No space left on device"):
            ms.ckpt_to_safetensors(src)
    assert _files(tmp_path) == before
    ms.ckpt_to_safetensors(src)
    _assert_same_values(_values(ms.load_checkpoint(str(tmp_path / "n.safetensors"), format="safetensors")),
                        {"weight": WEIGHT * 2, "bias": BIAS * 2})


# ---- item 1: async_save writes in the background; a failure is reported, not lost ------------------------------
@pytest.fixture
def writer_gate(monkeypatch):
    """The ``.ckpt`` writer waits before its first record while ``gate`` is clear, and then raises a full disk
    while ``fail`` is set."""
    gate, fail = threading.Event(), threading.Event()
    gate.set()
    real = serialization._records

    def records(name, value):
        assert gate.wait(30)
        if fail.is_set():
            raise OSError(errno.ENOSPC, "No space left on device")
        yield from real(name, value)
    monkeypatch.setattr(serialization, "_records", records)
    yield gate, fail
    gate.set()
    fail.clear()
    serialization._background.wait()


def test_async_save_writes_a_copy_in_the_background(tmp_path, writer_gate):
    gate, _ = writer_gate
    path = str(tmp_path / "a.ckpt")
    net = _net()
    gate.clear()
    ms.save_checkpoint(net, path, async_save=True)
    assert ms.async_ckpt_thread_status() is True and os.listdir(tmp_path) != ["a.ckpt"]
    net.weight.set_data(ms.Tensor(WEIGHT * 3))  # training goes on; the file keeps the values of the call
    gate.set()
    _assert_same_values(_values(ms.load_checkpoint(path)), {"weight": WEIGHT, "bias": BIAS})  # waits for it
    assert ms.async_ckpt_thread_status() is False and os.listdir(tmp_path) == ["a.ckpt"]


def _poll_until_done():
    while ms.async_ckpt_thread_status():
        time.sleep(0.01)


@pytest.mark.parametrize("reporter", ["save_checkpoint", "load_checkpoint", "async_ckpt_thread_status"])
def test_failed_async_save_is_raised_by_the_next_call(tmp_path, writer_gate, reporter):
    _, fail = writer_gate
    path, other = str(tmp_path / "a.ckpt"), str(tmp_path / "b.ckpt")
    ms.save_checkpoint(_net(), path)
    before = _files(tmp_path)
    fail.set()
    ms.save_checkpoint(_net(2.0), path, async_save=True)
    call = {"save_checkpoint": lambda: ms.save_checkpoint(_net(), other),
            "load_checkpoint": lambda: ms.load_checkpoint(path),
            "async_ckpt_thread_status": _poll_until_done}[reporter]
    with pytest.raises(RuntimeError, match=f"the asynchronous save of the checkpoint file {path} failed: OSError: "
                                           r"\[Errno 28\] No space left on device\. The file there before") as info:
        call()
    assert isinstance(info.value.__cause__, OSError)
    assert _files(tmp_path) == before  # the old file, and nothing from the failed call that raised
    fail.clear()
    call()  # told once: the next call works
    ms.save_checkpoint(_net(2.0), path, async_save=True)
    ms.save_checkpoint(_net(2.0), str(tmp_path / "twin.ckpt"))
    assert ms.async_ckpt_thread_status() is False
    after = _files(tmp_path)
    assert after["a.ckpt"] == after["twin.ckpt"]


def test_failed_async_save_is_printed_at_exit(tmp_path):
    path = str(tmp_path / "a.ckpt")
    out = _run_python("""
        import resource, signal, sys
        import numpy as np
        import mindshim as ms
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
        ms.save_checkpoint({"weight": np.ones(10000, np.float32)}, sys.argv[1], async_save=True)
        print("returned")
        """, path)
    assert out.stdout == "returned\n"
    assert (f"mindshim: For 'save_checkpoint', the asynchronous save of the checkpoint file {path} failed: OSError: "
            "[Errno 27] File too large. The file there before, if any, is unchanged.") in out.stderr
    assert os.listdir(tmp_path) == []


# ---- item 1: ModelCheckpoint removes old files only after the new one is written --------------------------------
def _step(ckpt, net, step):
    params = _InternalCallbackParam(cur_step_num=step, cur_epoch_num=1, batch_num=10, train_network=net)
    ckpt.step_end(ms.train.RunContext(params))


def _checkpointer(folder, **config):
    config = ms.train.CheckpointConfig(save_checkpoint_steps=1, keep_checkpoint_max=2, **config)
    return ms.train.ModelCheckpoint(prefix="net", directory=str(folder), config=config)


def test_model_checkpoint_rotation_with_a_failing_write_keeps_the_old_files(tmp_path, monkeypatch):
    ckpt, twin = _checkpointer(tmp_path / "a"), _checkpointer(tmp_path / "twin")
    for step in (1, 2):
        _step(ckpt, _net(step), step)
        _step(twin, _net(step), step)
        os.utime(tmp_path / "a" / f"net-1_{step}.ckpt", (step, step))
        os.utime(tmp_path / "twin" / f"net-1_{step}.ckpt", (step, step))
    before = _files(tmp_path / "a")
    with monkeypatch.context() as patch:
        _fail_half_way(patch)
        with pytest.raises(OSError, match="No space left on device"):
            _step(ckpt, _net(3), 3)
    assert _files(tmp_path / "a") == before and ckpt.latest_ckpt_file_name.endswith("net-1_2.ckpt")
    _step(ckpt, _net(3), 3)
    _step(twin, _net(3), 3)
    assert sorted(os.listdir(tmp_path / "a")) == ["net-1_2.ckpt", "net-1_3.ckpt"]
    assert _files(tmp_path / "a") == _files(tmp_path / "twin")


def test_model_checkpoint_async_failure_keeps_the_old_files(tmp_path, writer_gate):
    _, fail = writer_gate
    ckpt = _checkpointer(tmp_path, async_save=True)
    for step in (1, 2):
        _step(ckpt, _net(step), step)
        serialization._background.wait()
        os.utime(tmp_path / f"net-1_{step}.ckpt", (step, step))
    before = _files(tmp_path)
    fail.set()
    _step(ckpt, _net(3), 3)  # returns; the write fails in the background, and the oldest file stays
    with pytest.raises(RuntimeError, match="asynchronous save of the checkpoint file .*net-1_3.ckpt failed"):
        _step(ckpt, _net(4), 4)
    assert _files(tmp_path) == before
    fail.clear()
    _step(ckpt, _net(4), 4)
    serialization._background.wait()
    assert sorted(os.listdir(tmp_path)) == ["net-1_2.ckpt", "net-1_4.ckpt"]


# ---- item 4: a bad checkpoint file is a clear error naming it ---------------------------------------------------
def _good_ckpt():
    return serialization._records("weight", WEIGHT).__next__() + serialization._records("bias", BIAS).__next__()


def _good_safetensors():
    return safetensors.numpy.save({"bias": BIAS, "weight": WEIGHT}, metadata={"format": "ms"})


_NOT_PARSED = r"Failed to read the checkpoint file {}\. The file may be corrupted, and the content cannot be parsed\. "
_NOT_SAFETENSORS = r"Fail to parse the input safetensors: '{}'\. Please check the correctness of the file\. "
# name, content, format, message (a regex; {} is the file's path), type of __cause__
BAD_FILES = [
    ("empty.ckpt", lambda: b"", "ckpt",
     r"For 'load_checkpoint', the checkpoint file {} is empty: it holds no parameters\.$", type(None)),
    ("random.ckpt", lambda: np.random.RandomState(0).bytes(1000), "ckpt",
     _NOT_PARSED + r"It is not a MindSpore checkpoint\.$", serialization.DecodeError),
    ("text.ckpt", lambda: b"hello world, this is not a checkpoint\n", "ckpt",
     _NOT_PARSED + r"It is not a MindSpore checkpoint\.$", serialization.DecodeError),
    ("safetensors.ckpt", _good_safetensors, "ckpt",
     _NOT_PARSED + (r"It is a safetensors file, not a MindSpore checkpoint in the 'ckpt' format: load it from a "
                    r"file name ending with '\.safetensors' with format='safetensors'\.$"), serialization.DecodeError),
    ("cut.ckpt", lambda: _good_ckpt()[:-5], "ckpt",
     _NOT_PARSED + r"It is truncated: its record at byte 51 runs past the end of the file \(77 bytes\)\.$",
     serialization.DecodeError),
    ("cut_crc.ckpt", lambda: (_good_ckpt() + b"crc_num" + bytes(10))[:-4], "ckpt",
     _NOT_PARSED + r"It is truncated: the file ends inside its CRC trailer\.$", serialization.DecodeError),
    ("nothing.ckpt", lambda: b"crc_num" + bytes(10), "ckpt",
     r"For 'load_checkpoint', the checkpoint file {} holds no parameters\.$", type(None)),
    ("empty.safetensors", lambda: b"", "safetensors",
     r"For 'load_checkpoint', the checkpoint file {} is empty: it holds no parameters\.$", type(None)),
    ("ckpt.safetensors", _good_ckpt, "safetensors",
     _NOT_SAFETENSORS + (r"It is a MindSpore checkpoint in the 'ckpt' format, not safetensors: load it from a file "
                         r"name ending with '\.ckpt' with format='ckpt'\.$"), safetensors.SafetensorError),
    ("cut.safetensors", lambda: _good_safetensors()[:-5], "safetensors",
     _NOT_SAFETENSORS + r"It is truncated: its tensors need 192 bytes, the file has 187\.$",
     safetensors.SafetensorError),
    ("text.safetensors", lambda: b"hello world, this is not a checkpoint\n", "safetensors",
     _NOT_SAFETENSORS + r"It is not a safetensors file\.$", safetensors.SafetensorError),
    ("nothing.safetensors", lambda: safetensors.numpy.save({}), "safetensors",
     r"For 'load_checkpoint', the checkpoint file {} holds no parameters\.$", type(None)),
]


@pytest.mark.parametrize("name, content, format, message, cause", BAD_FILES, ids=[case[0] for case in BAD_FILES])
def test_bad_file_is_a_clear_error(tmp_path, name, content, format, message, cause):
    path = str(tmp_path / name)
    with open(path, "wb") as f:
        f.write(content())
    good = str(tmp_path / f"good.{format}")
    with open(good, "wb") as f:
        f.write(_good_ckpt() if format == "ckpt" else _good_safetensors())
    before = _files(tmp_path)
    net, twin = _net(2.0), _net(2.0)
    with pytest.raises(ValueError, match=message.format(re.escape(path))) as info:
        ms.load_checkpoint(path, net=net, format=format)
    assert type(info.value.__cause__) is cause
    assert _files(tmp_path) == before
    _assert_same_values(_values(dict(net.parameters_and_names())), _values(dict(twin.parameters_and_names())))
    ms.load_checkpoint(good, net=net, format=format)
    ms.load_checkpoint(good, net=twin, format=format)
    _assert_same_values(_values(dict(net.parameters_and_names())), {"weight": WEIGHT, "bias": BIAS})
    _assert_same_values(_values(dict(twin.parameters_and_names())), {"weight": WEIGHT, "bias": BIAS})


def test_everything_filtered_out_keeps_mindspores_message(tmp_path):
    path = str(tmp_path / "n.ckpt")
    ms.save_checkpoint(_net(), path)
    with pytest.raises(ValueError, match="The loaded parameter dict is empty after filter or specify"):
        ms.load_checkpoint(path, filter_prefix=["weight", "bias"])


# ---- item 5: mindshim run behaves like python ------------------------------------------------------------------
@pytest.fixture
def project(tmp_path):
    """A two-file project: ``train.py`` imports ``src/net.py`` beside it."""
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "__init__.py").write_text("")
    (tmp_path / "src" / "net.py").write_text(textwrap.dedent("""
        import mindspore.nn as nn

        class LeNet(nn.Cell):
            pass

        def boom():
            raise ValueError("boom in src.net")
        """))
    (tmp_path / "train.py").write_text(textwrap.dedent("""
        import sys
        from src.net import LeNet, boom
        print(sys.argv, sys.path[0], __name__, LeNet.__module__)
        if sys.argv[1:] == ["fail"]:
            boom()
        if sys.argv[1:] == ["exit"]:
            sys.exit(3)
        """))
    return tmp_path


def _mindshim(*args, how=("-m", "mindshim")):
    return subprocess.run([sys.executable, *how, "run", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=60, check=False)


@pytest.mark.parametrize("how", [("-m", "mindshim"),
                                 ("-c", "import sys; from mindshim._install import main; sys.exit(main())")])
def test_run_imports_the_scripts_own_modules(project, how):
    script = str(project / "train.py")
    out = _mindshim(script, "a", how=how)
    assert out.returncode == 0, out.stderr
    assert out.stdout == f"{[script, 'a']} {project} __main__ src.net\n"


def test_run_traceback_starts_at_the_script(project):
    out = _mindshim(str(project / "train.py"), "fail")
    assert out.returncode == 1
    assert out.stderr == (f'Traceback (most recent call last):\n  File "{project / "train.py"}", line 6, in <module>\n'
                          f'    boom()\n  File "{project / "src" / "net.py"}", line 8, in boom\n'
                          '    raise ValueError("boom in src.net")\nValueError: boom in src.net\n')


def test_run_passes_the_exit_status(project):
    assert _mindshim(str(project / "train.py"), "exit").returncode == 3


def test_run_missing_script_is_one_line_and_status_2(tmp_path):
    out = _mindshim(str(tmp_path / "missing.py"))
    assert (out.returncode, out.stdout) == (2, "")
    assert out.stderr == f"mindshim: can't open file '{tmp_path / 'missing.py'}': [Errno 2] No such file or directory\n"


def test_run_code():
    out = _mindshim("-c", "import sys, mindspore; print(sys.argv, repr(sys.path[0]), mindspore.Tensor(1).dtype); 1/0",
                    "x")
    assert out.returncode == 1 and out.stdout == "['-c', 'x'] '' Int64\n"
    assert out.stderr == ('Traceback (most recent call last):\n  File "<string>", line 1, in <module>\n'
                          "ZeroDivisionError: division by zero\n")


def test_run_module(project):
    out = subprocess.run([sys.executable, "-m", "mindshim", "run", "-m", "train", "b"], capture_output=True, text=True,
                         cwd=project, env=dict(os.environ, PYTHONPATH=ROOT), timeout=60, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout == f"{[str(project / 'train.py'), 'b']} {project} __main__ src.net\n"


# ---- item 2: index values are checked inside compiled calls too ------------------------------------------------
# MindSpore 2.10's kernels check class labels and ids when they run; its messages are the goldens of
# tests/golden_cases/bad_input.py (there a RuntimeError from the kernel, here mindshim's ValueError).
with open(os.path.join(ROOT, "tests", "goldens", "bad_input.json")) as _f:
    GOLDEN = {name: case.get("message") for name, case in json.load(_f)["cases"].items()}
RNG = np.random.RandomState(5)
XS = RNG.randn(3, 6).astype(np.float32)
LOGITS4 = RNG.randn(3, 4).astype(np.float32)
GOOD = np.array([0, 2, 3], np.int32)


class Classifier(nn.Cell):
    """Dense -> BatchNorm -> ReLU -> Dropout -> Dense: weights, moving statistics and the PRNG key are all state."""

    def __init__(self, log_probs=False):
        super().__init__()
        self.fc1, self.bn, self.fc2 = nn.Dense(6, 8), nn.BatchNorm1d(8), nn.Dense(8, 4)
        self.drop = nn.Dropout(p=0.25)
        self.log_probs = log_probs

    def construct(self, x):
        y = self.fc2(self.drop(ops.relu(self.bn(self.fc1(x)))))
        return ops.log_softmax(y, 1) if self.log_probs else y


def _classifier(log_probs=False):
    ms.set_seed(3)
    net = Classifier(log_probs)
    for i, p in enumerate(net.get_parameters()):
        p.set_data(ms.Tensor(np.random.RandomState(i).randn(*p.shape).astype(np.float32) * 0.3))
    net.set_train()
    return net


LOSSES = {  # name: (loss cell, labels, golden case with its message)
    "sparse_softmax_ce": (lambda: nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean"), [0, 5, 1],
                          "sparse_ce_label_too_big"),
    "sparse_softmax_ce_negative": (lambda: nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean"),
                                   [0, -1, 1], "sparse_ce_label_negative"),
    "cross_entropy": (lambda: nn.CrossEntropyLoss(), [0, 4, 1], "cross_entropy_loss_label"),
    "cross_entropy_weight": (lambda: nn.CrossEntropyLoss(weight=ms.Tensor(np.ones(4, np.float32))), [0, 7, 1],
                             "cross_entropy_loss_weight_label"),
    "nll": (lambda: nn.NLLLoss(), [0, -5, 1], "nll_loss_cell_label"),
}


def _state(*owners):
    """Every Parameter of the Cells and optimizers, and the global PRNG key, as numpy."""
    out = {"rng key": np.asarray(seed.current_key())}
    for owner in owners:
        for p in owner.get_parameters() if isinstance(owner, nn.Cell) else owner:
            out[p.name] = p.asnumpy()
    return out


def _assert_state(got, want):
    assert sorted(got) == sorted(want)
    for name in want:
        np.testing.assert_array_equal(got[name], want[name], err_msg=name)


def _train_step(loss_name, labels_of=None):
    """A TrainOneStepCell over the classifier (Momentum: moments are state) and the named loss; ``labels_of``
    computes the labels inside the step from the labels given."""
    make_loss, _, _ = LOSSES[loss_name]
    net = _classifier(log_probs=loss_name == "nll")
    loss = make_loss()

    class WithLoss(nn.Cell):
        def __init__(self):
            super().__init__()
            self.net, self.loss = net, loss

        def construct(self, x, y):
            return self.loss(self.net(x), y if labels_of is None else labels_of(y))
    opt = nn.Momentum(net.trainable_params(), 0.1, 0.9)
    return net, opt, nn.TrainOneStepCell(WithLoss(), opt)


def _same_start(*steps_and_inputs):
    """Run each ``(step, inputs)`` from the same PRNG key."""
    outs = []
    for step, inputs in steps_and_inputs:
        ms.set_seed(7)
        outs.append(step(*inputs))
    return outs


@pytest.mark.parametrize("loss_name", sorted(LOSSES))
def test_bad_label_in_a_training_step(loss_name):
    """TrainOneStepCell (compiled, in PyNative): the bad step raises MindSpore's message and changes nothing (weights,
    moments, BatchNorm statistics, PRNG key); the next good step gives what a twin that never saw it gives."""
    _, bad, golden = LOSSES[loss_name]
    x, good = ms.Tensor(XS), ms.Tensor(GOOD)
    net, opt, step = _train_step(loss_name)
    twin_net, twin_opt, twin = _train_step(loss_name)
    _same_start((step, (x, good)), (twin, (x, good)))
    before = _state(net, opt.parameters)
    with pytest.raises(ValueError) as info:
        step(x, ms.Tensor(np.array(bad, np.int32)))
    assert str(info.value) == GOLDEN[golden]
    _assert_state(_state(net, opt.parameters), before)
    out, twin_out = _same_start((step, (x, good)), (twin, (x, good)))
    np.testing.assert_array_equal(out.asnumpy(), twin_out.asnumpy())
    _assert_state(_state(net, opt.parameters), _state(twin_net, twin_opt.parameters))
    assert step._compiled_call.traces == 1


def _program(compiled):
    (program,) = compiled.programs.values()
    return program


@pytest.mark.parametrize("with_print", [False, True])
def test_bad_label_computed_inside_the_step(with_print, capfd):
    """Labels computed in the step cannot be checked before it: the step's guard program computes the check (and
    the step runs under lax.cond on it, so that the donated state comes back); with ``ops.Print`` in the step (an
    effect the guard would repeat) the step runs on copies of the state instead."""
    def labels_of(y):
        if with_print:
            ops.Print()("labels", y)
        return y + 1
    x, good = ms.Tensor(XS), ms.Tensor(GOOD - 1 + (GOOD == 0))
    net, opt, step = _train_step("sparse_softmax_ce", labels_of)
    twin_net, twin_opt, twin = _train_step("sparse_softmax_ce", labels_of)
    _same_start((step, (x, good)), (twin, (x, good)))
    program = _program(step._compiled_call)
    assert program.guard is True if with_print else callable(program.guard) and program.main is not program.jitted
    before = _state(net, opt.parameters)
    capfd.readouterr()
    with pytest.raises(ValueError) as info:
        step(x, ms.Tensor(np.array([-1, 4, 0], np.int32)))
    assert str(info.value) == GOLDEN["sparse_ce_label_too_big"]
    _assert_state(_state(net, opt.parameters), before)
    out, twin_out = _same_start((step, (x, good)), (twin, (x, good)))
    np.testing.assert_array_equal(out.asnumpy(), twin_out.asnumpy())
    _assert_state(_state(net, opt.parameters), _state(twin_net, twin_opt.parameters))
    if with_print:  # each step printed once: the failed one, and the two good ones
        assert capfd.readouterr().out.count("labels") == 3


def test_guarded_step_at_each_batch_size_is_its_own_program():
    """A guarded step (labels computed inside it) called with batches of two sizes, as an epoch's last partial
    batch: each size runs its own traced program under the guard, giving the losses and state of the same step
    with the checks off."""
    def run(checks):
        ms.set_index_checks(checks)
        try:
            net, opt, step = _train_step("sparse_softmax_ce", lambda y: y + 0)
            ms.set_seed(7)
            losses = [step(ms.Tensor(XS[:n]), ms.Tensor(GOOD[:n])).asnumpy() for n in (3, 2, 3, 2)]
            return losses, _state(net, opt.parameters), _program(step._compiled_call)
        finally:
            ms.set_index_checks(True)
    losses, state, program = run(True)
    want_losses, want_state, _ = run(False)
    assert callable(program.guard)
    np.testing.assert_array_equal(losses, want_losses)
    _assert_state(state, want_state)


def test_bad_id_in_jit_and_gradients():
    """Embedding ids: under mindspore.jit, through value_and_grad and ForwardValueAndGrad, as an input or computed."""
    ms.set_seed(1)
    emb = nn.Embedding(10, 3)
    table = emb.embedding_table.asnumpy().copy()
    ids, bad = ms.Tensor(np.array([[1, 2]], np.int32)), ms.Tensor(np.array([[1, -11]], np.int32))

    def loss(i):
        return emb(i).sum()
    calls = {"jit": ms.jit(loss), "jit computed": ms.jit(lambda i: loss(i * 1)),
             "value_and_grad": ms.value_and_grad(loss, None, emb.trainable_params()),
             "value_and_grad computed": ms.value_and_grad(lambda i: loss(i * 1), None, emb.trainable_params()),
             "ForwardValueAndGrad": nn.ForwardValueAndGrad(nn.Embedding(10, 3), emb.trainable_params(),
                                                           get_by_list=True)}
    for name, call in calls.items():
        good = call(ids)
        with pytest.raises(ValueError) as info:
            call(bad)
        assert str(info.value) == GOLDEN["embedding_id_negative"], name
        np.testing.assert_array_equal(emb.embedding_table.asnumpy(), table)
        for a, b in zip(jax.tree_util.tree_leaves(call(ids)), jax.tree_util.tree_leaves(good)):
            np.testing.assert_array_equal(np.asarray(a), np.asarray(b), err_msg=name)


def _error(fn, *args):
    with pytest.raises(ValueError) as info:
        fn(*args)
    return str(info.value)


@pytest.mark.parametrize("op", ["Gather", "GatherD", "GatherNd", "ScatterNd", "Tensor[]", "NLLLoss"])
def test_index_ops_in_a_compiled_call(op):
    """The index checks of the ops, with indices computed inside mindspore.jit: the compiled call raises what the
    eager call raises (whose messages the goldens hold), and computes what it computes on good indices."""
    x = ms.Tensor(np.arange(12, dtype=np.float32).reshape(4, 3))
    fn = {"Gather": lambda i: ops.gather(x, i * 1, 0),
          "GatherD": lambda i: ops.gather_elements(x, 0, (i * 1).reshape(-1, 1)),
          "GatherNd": lambda i: ops.gather_nd(x, ops.stack([i * 1, i * 0], 1)),
          "ScatterNd": lambda i: ops.scatter_nd((i * 1).reshape(-1, 1), ops.ones((2, 3), ms.float32), (4, 3)),
          "Tensor[]": lambda i: x[i * 1],
          "NLLLoss": lambda i: ops.NLLLoss()(x, ops.zeros((4,), ms.int32) + i, ms.Tensor(np.ones(3, np.float32)))[0],
          }[op]
    compiled = ms.jit(fn)
    good, bad = ms.Tensor(np.array([2, 1], np.int32)), ms.Tensor(np.array([1, 7], np.int32))
    if op == "NLLLoss":
        good, bad = ms.Tensor(np.array(1, np.int32)), ms.Tensor(np.array(5, np.int32))
    assert _error(compiled, bad) == _error(fn, bad)
    np.testing.assert_array_equal(compiled(good).asnumpy(), fn(good).asnumpy())
    assert callable(_program(compiled.compiled).guard)  # the indices are computed: the guard program checked them


def test_index_checks_switch(monkeypatch):
    """``set_index_checks(False)``: compiled calls no longer check (the step trains on the bad batch, its loss NaN as
    JAX computes it); eager calls still do; each setting keeps its own program. ``MINDSHIM_CHECK_INDICES=0`` starts
    with them off."""
    x, bad = ms.Tensor(XS), ms.Tensor(np.array([0, 5, 1], np.int32))
    net, opt, step = _train_step("sparse_softmax_ce")
    step(x, ms.Tensor(GOOD))
    before = net.fc1.weight.asnumpy()
    try:
        ms.set_index_checks(False)
        assert np.isnan(step(x, bad).asnumpy())
        assert not np.array_equal(net.fc1.weight.asnumpy(), before)
        with pytest.raises(ValueError, match="label"):
            nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")(ms.Tensor(LOGITS4), bad)
        ms.set_index_checks(True)
        with pytest.raises(ValueError, match="label"):
            step(x, bad)
        ms.set_index_checks(False)
        step(x, bad)
        assert step._compiled_call.traces == 2
    finally:
        ms.set_index_checks(True)
    with pytest.raises(TypeError, match="must be bool"):
        ms.set_index_checks(0)
    out = _run_python("""
        import numpy as np, mindshim as ms
        emb = ms.nn.Embedding(3, 2)
        print(ms.jit(lambda i: emb(i))(ms.Tensor(np.array([5], np.int32))).shape)
        """)
    assert "ValueError: For 'Gather'" in out.stderr
    out = subprocess.run([sys.executable, "-c", "import numpy as np, mindshim as ms; emb = ms.nn.Embedding(3, 2); "
                          "print(ms.jit(lambda i: emb(i))(ms.Tensor(np.array([5], np.int32))).shape)"],
                         capture_output=True, text=True, cwd=ROOT, timeout=60, check=False,
                         env=dict(os.environ, MINDSHIM_CHECK_INDICES="0"))
    assert out.stdout == "(1, 2)\n", out.stderr


# ---- item 3: Python control flow on Tensor values ------------------------------------------------------------
class Branchy(Classifier):
    """The classifier with Python control flow on Tensor values in ``construct``."""

    def __init__(self, how):
        super().__init__()
        self.how = how

    def construct(self, x):
        y = super().construct(x)
        if self.how == "if":
            if y.sum() > 0:  # the user's line
                y = y * 2
        elif self.how == "while":
            while ops.abs(y).max() > 1.0:  # the user's line
                y = y / 2
        elif self.how == "float":
            y = y * float(y.mean())  # the user's line
        elif self.how == "item":
            y = y + y.max().item()  # the user's line
        elif self.how == "asnumpy":
            y = y * ms.Tensor(np.sign(y.asnumpy()))  # the user's line
        return y


def _branchy(how):
    ms.set_seed(3)
    net = Branchy(how)
    for i, p in enumerate(net.get_parameters()):
        p.set_data(ms.Tensor(np.random.RandomState(i).randn(*p.shape).astype(np.float32) * 0.3))
    net.set_train()
    opt = nn.Adam(net.trainable_params(), 0.01)
    loss = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
    return net, opt, nn.TrainOneStepCell(nn.WithLossCell(net, loss), opt), nn.WithLossCell(net, loss)


def _user_line(how):
    with open(__file__) as f:
        lines = f.read().split("\n")
    return next(i + 1 for i, line in enumerate(lines) if "# the user's line" in line and
                lines[i - 1].strip().startswith(f'{"if" if how == "if" else "elif"} self.how == "{how}"'))


@pytest.mark.parametrize("how", ["if", "while"])
def test_control_flow_in_a_training_step_runs_eagerly(how, monkeypatch):
    """PyNative: the step whose trace needs a Tensor's value runs eagerly instead, warning once with the line; after
    3 steps the state (weights, Adam moments, BatchNorm statistics, PRNG key) equals an eager twin's (value_and_grad
    and the optimizer, uncompiled), and the step was traced once."""
    monkeypatch.setattr(compiled, "_WARNED", set())
    x, y = ms.Tensor(XS), ms.Tensor(GOOD)
    net, opt, step, _ = _branchy(how)
    twin_net, twin_opt, _, twin_loss = _branchy(how)
    grad = ms.value_and_grad(twin_loss, None, twin_opt.parameters)
    with pytest.warns(UserWarning) as warned:
        ms.set_seed(7)
        losses = [step(x, y).asnumpy() for _ in range(3)]
    messages = [str(w.message) for w in warned if "runs eagerly" in str(w.message)]
    assert len(messages) == 1 and f"{__file__}:{_user_line(how)}" in messages[0]
    assert (warned[0].filename, warned[0].lineno) == (__file__, _user_line(how))
    ms.set_seed(7)
    twin_losses = []
    for _ in range(3):
        loss, grads = grad(x, y)
        twin_opt.construct(grads)  # op by op, as the eager step runs it (``twin_opt(grads)`` is one fused program)
        twin_losses.append(loss.asnumpy())
    np.testing.assert_allclose(losses, twin_losses, rtol=1e-6)
    got, want = _state(net, opt.parameters), _state(twin_net, twin_opt.parameters)
    assert sorted(got) == sorted(want)
    for name in want:
        np.testing.assert_allclose(got[name], want[name], rtol=1e-5, atol=1e-7, err_msg=name)
    assert step._compiled_call.traces == 1
    assert all(not isinstance(p._data, jax.core.Tracer) for p in net.get_parameters())


@pytest.mark.parametrize("jit", [False, True])
def test_control_flow_in_value_and_grad_gives_gradients(jit, monkeypatch):
    """GradCall's eager run still differentiates (jax.vjp of the function run op by op), also of a jit function
    that runs eagerly."""
    monkeypatch.setattr(compiled, "_WARNED", set())
    w = ms.Parameter(ms.Tensor(np.array([1.5, -2.0], np.float32)), name="w")

    def f(x):
        y = (w * x).sum()
        return y * y if y > 0 else -y
    grad = ms.value_and_grad(ms.jit(f) if jit else f, None, [w])
    with pytest.warns(UserWarning, match="runs eagerly"):
        # y = w.x = 0.5 > 0: f = y^2, df/dw = 2 y x; y = -0.5: f = -y, df/dw = -x
        for x, want_value, want_grad in (([1.0, 0.5], 0.25, [1.0, 0.5]), ([1.0, 1.0], 0.5, [-1.0, -1.0])):
            value, (g,) = grad(ms.Tensor(np.array(x, np.float32)))
            np.testing.assert_allclose(value.asnumpy(), want_value, rtol=1e-6)
            np.testing.assert_allclose(g.asnumpy(), want_grad, rtol=1e-6)


class _GuardedStep(nn.Cell):
    """The tutorials' training step (advanced_mixed_precision, gradient_accumulation): value_and_grad, a step
    counter, then the optimizer only ``if`` the gradients are finite, a Tensor's value."""

    def __init__(self):
        super().__init__()
        self.net = _classifier()
        self.opt = nn.Momentum(self.net.trainable_params(), 0.01, 0.9)
        loss = nn.WithLossCell(self.net, nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean"))
        self.grad = ms.value_and_grad(loss, None, self.opt.parameters)
        self.counter = ms.Parameter(ms.Tensor(0, ms.int32), name="counter")

    def construct(self, x, y):
        loss, grads = self.grad(x, y)
        ops.assign_add(self.counter, ms.Tensor(1, ms.int32))
        if ms.amp.all_finite(grads):  # the step's control flow
            self.opt(grads)
        return loss


@pytest.mark.parametrize("where", ["GRAPH_MODE", "jit"])
def test_control_flow_in_graph_mode_and_jit_runs_eagerly(where, monkeypatch):
    """GRAPH_MODE and mindspore.jit, where MindSpore compiles the control flow into its graph: the step whose trace
    needs a Tensor's value runs eagerly (warning once, naming the line), traced once; after 3 steps its losses and
    state (weights, moments, BatchNorm statistics, the counter, PRNG key) are those of the same step run in
    PyNative without jit: the abandoned trace wrote nothing (the counter counts 3, the key advanced 3 times)."""
    monkeypatch.setattr(compiled, "_WARNED", set())
    x, y = ms.Tensor(XS), ms.Tensor(GOOD)
    cell, twin = _GuardedStep(), _GuardedStep()
    step = cell if where == "GRAPH_MODE" else ms.jit(cell.construct)
    try:
        if where == "GRAPH_MODE":
            ms.set_context(mode=ms.GRAPH_MODE)
        with pytest.warns(UserWarning) as warned:
            ms.set_seed(7)
            losses = [step(x, y).asnumpy() for _ in range(3)]
    finally:
        ms.set_context(mode=ms.PYNATIVE_MODE)
    messages = [str(w.message) for w in warned if "runs eagerly" in str(w.message)]
    line = next(i + 1 for i, text in enumerate(open(__file__).read().split("\n")) if "# the step's control" in text)
    assert len(messages) == 1 and f"{__file__}:{line}" in messages[0], messages
    assert (cell._compiled_call if where == "GRAPH_MODE" else step.compiled).traces == 1
    assert all(not isinstance(p._data, jax.core.Tracer) for p in cell.get_parameters())
    ms.set_seed(7)
    twin_losses = [twin(x, y).asnumpy() for _ in range(3)]
    np.testing.assert_allclose(losses, twin_losses, rtol=1e-6)
    got, want = _state(cell, cell.opt.parameters), _state(twin, twin.opt.parameters)
    assert got["counter"] == 3
    assert sorted(got) == sorted(want)
    for name in want:
        np.testing.assert_allclose(got[name], want[name], rtol=1e-6, atol=1e-7, err_msg=name)


def test_an_abandoned_trace_prints_nothing(monkeypatch, capsys):
    """What a jit function prints before its control flow is printed once by the call that runs it eagerly (the
    trace it abandoned printed nothing), as MindSpore prints it."""
    monkeypatch.setattr(compiled, "_WARNED", set())

    @ms.jit
    def f(x):
        print("in f")
        if x.sum() > 0:
            x = x * 2
        return x
    with pytest.warns(UserWarning, match="runs eagerly"):
        outs = [f(ms.Tensor(np.ones(2, np.float32))).asnumpy().tolist() for _ in range(2)]
    assert outs == [[2.0, 2.0]] * 2 and capsys.readouterr().out == "in f\n" * 2


def test_control_flow_logged_with_log_compiles(monkeypatch, capsys):
    monkeypatch.setattr(compiled, "LOG_COMPILES", True)
    monkeypatch.setattr(compiled, "_WARNED", set())
    _, _, step, _ = _branchy("if")
    with pytest.warns(UserWarning, match="runs eagerly"):
        step(ms.Tensor(XS), ms.Tensor(GOOD))
        step(ms.Tensor(XS), ms.Tensor(GOOD))
    out = capsys.readouterr().out
    assert out.count("runs eagerly") == 1 and f"{__file__}:{_user_line('if')}" in out


@pytest.mark.parametrize("how", ["float", "item", "asnumpy"])
def test_python_values_in_a_jit_call_run_eagerly(how, monkeypatch):
    """float(t), t.item(), t.asnumpy() in a compiled call without gradients (a training cell's forward under a
    _jit_call Cell): it runs eagerly, with the eager call's results and state (BatchNorm statistics, PRNG key)."""
    monkeypatch.setattr(compiled, "_WARNED", set())
    x = ms.Tensor(XS)
    net, _, _, _ = _branchy(how)
    twin, _, _, _ = _branchy(how)
    net._jit_call = True  # compiled when called at top level, as training cells are
    with pytest.warns(UserWarning, match="runs eagerly"):
        ms.set_seed(7)
        outs = [net(x).asnumpy() for _ in range(2)]
    ms.set_seed(7)
    twin_outs = [twin(x).asnumpy() for _ in range(2)]
    np.testing.assert_allclose(outs, twin_outs, rtol=1e-6)
    _assert_state(_state(net), _state(twin))
    assert net._compiled_call.traces == 1


@pytest.mark.parametrize("how", ["float", "item", "asnumpy"])
def test_python_values_of_differentiated_tensors_are_constants(how, monkeypatch):
    """The same inside the differentiated forward of a training step: the step runs eagerly and the value is a
    constant of the gradient, as in MindSpore; the state equals an eager twin's, as with ``if``."""
    test_control_flow_in_a_training_step_runs_eagerly(how, monkeypatch)


@pytest.mark.parametrize("convert", [lambda x: float(x.mean()), lambda x: x.mean().item(),
                                     lambda x: ms.Tensor(x.asnumpy())], ids=["float", "item", "asnumpy"])
def test_a_differentiated_value_converted_to_python_is_a_constant(convert):
    """d/dx (x * c(x)) with c(x) a Python number or numpy array made from x: c(x), as MindSpore 2.10 gives."""
    x = ms.Tensor(np.array([1.0, 2.0, 4.0], np.float32))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        grad = ms.grad(lambda t: t * convert(t))(x)
    want = [1.0, 2.0, 4.0] if np.shape(convert(x)) else [7 / 3] * 3
    np.testing.assert_allclose(grad.asnumpy(), want, rtol=1e-6)


# ---- item 4: MindSpore's words instead of JAX's; out of memory -----------------------------------------------
# The messages are the goldens of tests/golden_cases/bad_input.py (run by tests/test_goldens.py).
def test_an_error_from_inside_a_lowering_is_reworded_with_the_original_as_cause(monkeypatch):
    with pytest.raises(TypeError) as info:
        ops.relu([1.0, -1.0])
    assert str(info.value) == 'Failed calling ReLU with "ReLU()(input=List<float, float>)".'
    assert isinstance(info.value.__cause__, AttributeError)
    # All inputs Tensors (a value problem): the op's name before the library's words. A lowering is made to fail
    # the way a JAX call fails on a bad value.
    row = _registry.get("Abs")
    monkeypatch.setattr(row, "plain", lambda x: np.reshape(np.asarray(x), (7,)))
    with pytest.raises(ValueError) as info:
        ops.abs(ms.Tensor(np.ones((2, 3), np.float32)))
    assert str(info.value) == "For 'Abs', cannot reshape array of size 6 into shape (7,)"
    assert type(info.value.__cause__) is ValueError


def test_out_of_memory_is_jax_resource_exhausted_and_the_interpreter_goes_on():
    """With the address space limited to 6 GB: an eager 4 TB Tensor and a compiled step needing 48 GB raise JAX's
    RESOURCE_EXHAUSTED (the step's, whose state was donated, when its result is read); Python goes on, and a new
    network trains."""
    out = _run_python("""
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (6 << 30, 6 << 30))
        import numpy as np
        import mindshim as ms
        from mindshim import nn, ops
        try:
            ops.zeros((2 ** 20, 2 ** 20), ms.float32)
        except Exception as e:
            print("eager", type(e).__name__, str(e).split(":")[0])

        class Big(nn.Cell):
            def __init__(self):
                super().__init__()
                self.fc = nn.Dense(2, 2)

            def construct(self, x):
                y = self.fc(x).sum()
                big = ops.broadcast_to(y, (2 ** 16, 2 ** 16))
                return ops.matmul(big, big).sum() * 0 + y
        net = Big()
        step = nn.TrainOneStepCell(net, nn.Momentum(net.trainable_params(), 0.1, 0.9))
        try:
            float(step(ms.Tensor(np.ones((1, 2), np.float32))))
        except Exception as e:
            print("step", type(e).__name__, str(e).split(":")[0])
        net = nn.Dense(2, 1)
        step = nn.TrainOneStepCell(nn.WithLossCell(net, nn.MSELoss()), nn.SGD(net.trainable_params(), 0.1))
        x, y = ms.Tensor(np.ones((4, 2), np.float32)), ms.Tensor(np.zeros((4, 1), np.float32))
        print("trains", float(step(x, y)) > float(step(x, y)))
        """, timeout=300)
    assert out.stdout.split("\n")[:3] == ["eager JaxRuntimeError RESOURCE_EXHAUSTED",
                                          "step JaxRuntimeError RESOURCE_EXHAUSTED", "trains True"], out.stderr
