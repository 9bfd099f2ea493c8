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
import os
import re
import signal
import subprocess
import sys
import textwrap
import threading
import time

import numpy as np
import pytest
import safetensors.numpy

import mindshim as ms
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
