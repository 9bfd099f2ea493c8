"""The speed paths that must not change what a script computes: the compiled eager ``optimizer(grads)``, the
dataset's transfer of rows to the device, the initializers' draws without a compilation per shape, and the
persistent compilation cache's settings."""
import os
import subprocess
import sys

import jax
import jax.numpy as jnp
import numpy as np
import pytest
from test_optimizers import OPTIMIZERS, _grads, _params, _state

import mindshim as ms
from mindshim import nn
from mindshim.common import _draw

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


# mindspore.nn's optimizers (the experimental/mint ones, PyTorch-style, read Python values from param_groups that a
# script may change between calls, and run as written).
NN_OPTIMIZERS = sorted(name for name in OPTIMIZERS if not name.startswith(("experimental_", "mint_")))


@pytest.mark.parametrize("name", NN_OPTIMIZERS)
def test_compiled_optimizer_call_leaves_the_eager_state(name):
    """``optimizer(grads)`` outside a compiled step is one compiled program (traced once) that leaves the state the
    eager update leaves (to float32 rounding: XLA fuses the update's arithmetic), and returns what it returns."""
    eager, compiled = OPTIMIZERS[name](_params()), OPTIMIZERS[name](_params())
    object.__setattr__(eager, "_update_call", False)  # the update run op by op, as written
    for step in range(5):
        expected = eager(_grads(step))
        got = compiled(_grads(step))
        assert repr(got) == repr(expected)
    call = compiled.__dict__["_update_call"]
    assert isinstance(call, ms._engine.UpdateCall) and call.traces == 1
    state, expected = _state(compiled), _state(eager)
    assert state.keys() == expected.keys()
    for key in expected:
        np.testing.assert_allclose(state[key], expected[key], rtol=1e-5, atol=1e-6, err_msg=key)


def test_compiled_optimizer_call_keeps_eager_errors():
    # A list of learning rates runs out: MindSpore's Gather error at the first step past it, nothing changed.
    opt = nn.SGD(_params(), [0.1, 0.2])
    for step in range(2):
        opt(_grads(step))
    before = _state(opt)
    with pytest.raises(RuntimeError, match=r"For 'Gather', the 'input_indices' should be in the range \[0, 2\)"):
        opt(_grads(2))
    for key, value in _state(opt).items():
        np.testing.assert_array_equal(value, before[key])
    # A gradient of the wrong shape: the eager check's message, raised from the call.
    opt = nn.Momentum(_params(), 0.1, 0.9)
    bad = list(_grads(0))
    bad[1] = ms.Tensor(np.zeros((4,), np.float32))
    with pytest.raises(ValueError, match="the gradient of parameter 'bias' must have its shape"):
        opt(tuple(bad))


def test_optimizer_with_its_own_construct_runs_as_written():
    class Halve(nn.Optimizer):
        def construct(self, gradients):
            for p, g in zip(self.parameters, gradients):
                p.set_data(p - g * 0.5)
            self.calls = getattr(self, "calls", 0) + 1  # a Python side effect, every call
            return True
    opt = Halve(0.1, _params())
    opt(_grads(0))
    opt(_grads(1))
    assert opt.calls == 2 and opt.__dict__["_update_call"] is False


def test_optimizer_inside_a_compiled_step_is_part_of_it():
    net = nn.Dense(4, 3)
    opt = nn.Momentum(net.trainable_params(), 0.1, 0.9)
    step = nn.TrainOneStepCell(nn.WithLossCell(net, nn.MSELoss()), opt)
    step(ms.Tensor(np.ones((2, 4), np.float32)), ms.Tensor(np.zeros((2, 3), np.float32)))
    assert "_update_call" not in opt.__dict__


def test_dataset_rows_on_the_device():
    rng = np.random.RandomState(0)
    images = [rng.rand(2 + i % 11, 3).astype(np.float32) for i in range(22)]  # 11 shapes: beyond the compiled path
    data = ms.dataset.GeneratorDataset(lambda: ((im, np.int32(i)) for i, im in enumerate(images)), ["x", "y"])
    rows = list(data.create_tuple_iterator(num_epochs=1))
    assert len(rows) == 22
    for i, (x, y) in enumerate(rows):
        assert isinstance(x, ms.Tensor) and isinstance(x._data, jax.Array)
        np.testing.assert_array_equal(x.asnumpy(), images[i])
        assert int(y) == i and y.dtype == ms.int32


@pytest.mark.parametrize("shape", [(7,), (300, 257), (3, 5, 4096)])
def test_initializer_draws_are_jax_random(shape):
    key = jax.random.PRNGKey(11)
    np.testing.assert_array_equal(_draw.uniform(key, shape, -0.3, 0.7),
                                  jax.random.uniform(key, shape, jnp.float32, -0.3, 0.7))
    np.testing.assert_array_equal(_draw.normal(key, shape), jax.random.normal(key, shape, jnp.float32))
    np.testing.assert_array_equal(_draw.truncated_normal(key, shape, -2.0, 1.5),
                                  jax.random.truncated_normal(key, -2.0, 1.5, shape, jnp.float32))


def _cache_dir(env):
    out = subprocess.run([sys.executable, "-c", "import jax, mindshim; print(jax.config.jax_compilation_cache_dir)"],
                         env={**{k: v for k, v in os.environ.items() if not k.startswith(("MINDSHIM_CACHE", "JAX_COMP",
                                                                                          "XDG_CACHE"))}, **env},
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return out.stdout.strip().splitlines()[-1]


def test_compilation_cache_folder(tmp_path):
    assert _cache_dir({"XDG_CACHE_HOME": str(tmp_path)}) == str(tmp_path / "mindshim" / "jax")
    assert _cache_dir({"MINDSHIM_CACHE_DIR": str(tmp_path / "elsewhere")}) == str(tmp_path / "elsewhere")
    assert (tmp_path / "elsewhere").is_dir()
    assert _cache_dir({"MINDSHIM_CACHE_DIR": "off"}) == "None"
    assert _cache_dir({"JAX_COMPILATION_CACHE_DIR": str(tmp_path / "jax")}) == str(tmp_path / "jax")


def _step_hlo(compiled_call, *inputs):
    """The optimized HLO text of ``compiled_call``'s one program for ``inputs`` (Tensors)."""
    (program,) = compiled_call.programs.values()
    values = [p._value for p in program.params]
    return program.main.lower(values, [t._data for t in inputs], ms.common.seed.current_key()).compile().as_text()


def _copies(hlo):
    return sum(1 for line in hlo.splitlines() if " copy(" in line and "=" in line)


@pytest.mark.parametrize("optimizer", ["SGD", "Momentum"])
def test_training_step_state_updated_in_place(optimizer):
    """The 2.x @jit loop as MindSpore's tutorials write it (``nn.SGD`` with momentum or ``nn.Momentum``,
    ``nn.CrossEntropyLoss``, ``value_and_grad(..., has_aux=True)`` returning the logits): XLA updates the optimizer
    state in place, copying nothing but what a hand-written JAX + optax step copies (the weights the backward pass
    still reads when they are written: one per layer after the first)."""
    net = nn.SequentialCell([nn.Dense(16, 32), nn.ReLU(), nn.Dense(32, 32), nn.ReLU(), nn.Dense(32, 4)])
    loss_fn = nn.CrossEntropyLoss()
    opt = nn.SGD(net.trainable_params(), 1e-2, momentum=0.9) if optimizer == "SGD" else \
        nn.Momentum(net.trainable_params(), 1e-2, 0.9)

    def forward_fn(data, label):
        logits = net(data)
        return loss_fn(logits, label), logits
    grad_fn = ms.value_and_grad(forward_fn, None, opt.parameters, has_aux=True)

    @ms.jit
    def train_step(data, label):
        (loss, _), grads = grad_fn(data, label)
        opt(grads)
        return loss
    rng = np.random.RandomState(0)
    x, y = ms.Tensor(rng.randn(8, 16).astype(np.float32)), ms.Tensor(rng.randint(0, 4, 8).astype(np.int32))
    train_step(x, y)
    assert _copies(_step_hlo(train_step.compiled, x, y)) <= 3


def _compiles(caplog, fn):
    """The programs JAX compiles while ``fn()`` runs (its compile log)."""
    caplog.clear()
    with jax.log_compiles(True), caplog.at_level("WARNING"):
        fn()
    return [r.getMessage() for r in caplog.records if r.getMessage().startswith("Compiling ")]


def test_eager_ops_compile_once_per_shape(caplog):
    """PyNative ops reuse their compiled kernels: a second forward pass on new data of the same shapes compiles
    nothing, and two call sites of one op (two ReLU cells, two equal convolutions) share one program."""
    net = nn.SequentialCell([nn.Conv2d(3, 4, 3), nn.BatchNorm2d(4), nn.ReLU(), nn.Conv2d(4, 4, 3), nn.BatchNorm2d(4),
                             nn.ReLU(), nn.Flatten(), nn.Dense(4 * 8 * 8, 5), nn.Softmax()])
    net.set_train(False)
    rng = np.random.RandomState(0)
    first = _compiles(caplog, lambda: net(ms.Tensor(rng.randn(2, 3, 8, 8).astype(np.float32))).asnumpy())
    assert first, "the first pass compiles its ops"
    assert _compiles(caplog, lambda: net(ms.Tensor(rng.randn(2, 3, 8, 8).astype(np.float32))).asnumpy()) == []
    x = ms.Tensor(rng.randn(2, 4, 8, 8).astype(np.float32))
    _compiles(caplog, lambda: nn.ReLU()(nn.Conv2d(4, 4, 3, weight_init="ones")(x)).asnumpy())
    assert _compiles(caplog, lambda: nn.ReLU()(nn.Conv2d(4, 4, 3, weight_init="zeros")(x)).asnumpy()) == []


def test_compilation_cache_pruned_at_import_not_on_every_write(tmp_path):
    """The cache folder is cut back to its bound once, at import, the programs written longest ago first; JAX's own
    bound (a scan of the whole folder on every write) stays off."""
    for i, size in enumerate([300, 200, 100]):
        path = tmp_path / f"jit_f{i}-cache"
        path.write_bytes(b"x" * size)
        os.utime(path, (1000 + i, 1000 + i))
    ms._prune_cache(str(tmp_path), 350)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["jit_f1-cache", "jit_f2-cache"]
    ms._prune_cache(str(tmp_path), 350)
    assert len(list(tmp_path.iterdir())) == 2
    assert jax.config.jax_compilation_cache_max_size == -1
