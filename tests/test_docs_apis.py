"""APIs that MindSpore's documented examples use: the Profiler over jax.profiler, MindSpore's class paths under
``install()``, Tensors of unknown shape with ``Symbol`` and ``Cell.set_inputs``, Taylor mode (``ops.jet``,
``ops.derivative``) and ``ops.stft``. Expected values were recorded from MindSpore 2.10 on CPU."""
import json
import os

import numpy as np
import pytest

import mindshim as ms
from mindshim import nn, ops
from mindshim.profiler import schedule, tensorboard_trace_handler


def _traces(path):
    return [f for _, _, files in os.walk(path) for f in files if f.endswith(".xplane.pb")]


def test_profiler_writes_a_trace_and_metadata(tmp_path):
    prof = ms.Profiler(output_path=str(tmp_path))
    prof.add_metadata("k", "v")
    prof.add_metadata_json("j", json.dumps({"a": 1}))
    (ms.Tensor(np.ones(3, np.float32)) + 1).asnumpy()
    prof.stop()
    assert _traces(tmp_path)
    assert json.loads((tmp_path / "profiler_metadata.json").read_text()) == {"k": "v", "j": {"a": 1}}


def test_profiler_schedule_records_the_active_steps(tmp_path):
    sched = schedule(wait=1, warmup=1, active=2, repeat=1, skip_first=2)
    assert [sched(i) for i in range(8)] == ["NONE", "NONE", "NONE", "WARM_UP", "RECORD", "RECORD_AND_SAVE", "NONE",
                                            "NONE"]
    saved = []
    with ms.Profiler(output_path=str(tmp_path), schedule=sched, on_trace_ready=lambda p: saved.append(p.step_num)) \
            as prof:
        for _ in range(10):
            ops.add(ms.Tensor([1.0]), 1)
            prof.step()
    assert saved == [6] and _traces(tmp_path)


def test_profiler_trace_handler_picks_the_folder(tmp_path):
    prof = ms.Profiler(on_trace_ready=tensorboard_trace_handler(str(tmp_path / "tb")), start_profile=False)
    prof.start()
    prof.stop()
    assert _traces(tmp_path / "tb")


def test_install_names_classes_by_mindspore_paths():
    ms.install()
    import mindspore
    assert str(type(mindspore.Tensor([1]))) == "<class 'mindspore.common.tensor.Tensor'>"
    assert str(nn.Dense) == "<class 'mindspore.nn.layer.basic.Dense'>"


def test_unknown_shape_tensor_and_set_inputs():
    t = ms.Tensor(shape=[3, None], dtype=ms.float32)
    assert t.shape == (3, -1) and t.dtype == ms.float32
    assert repr(t) == "Tensor(shape=[3, -1], dtype=Float32, value=\n)"
    assert ms.Tensor(shape=(None, ms.Symbol(divisor=8)), dtype=ms.int32).shape == (-1, -1)
    assert ms.Tensor(dtype=ms.float32).shape == (-2,)
    with pytest.raises(ValueError, match="negative dimensions are not allowed"):
        t.asnumpy()

    class Net(nn.Cell):
        def construct(self, x):
            return x * 2
    net = Net()
    assert net.get_inputs() is None
    net.set_inputs(t)
    assert net.get_inputs() == (t,)
    assert net(ms.Tensor(np.ones((3, 4), np.float32))).shape == (3, 4)
    net.set_inputs(x=t)
    assert net.get_inputs() == {"arg_specified_infos": [[0, t]], "total_arg_length": 1}
    with pytest.raises(ValueError, match=r"For dict mode, valid key is \['x'\], but got y!"):
        net.set_inputs(y=t)


def test_symbol_checks_and_prints():
    assert str(ms.Symbol(max=32, min=2, divisor=8, remainder=1)) == "{'max': 32, 'divisor': 8, 'remainder': 1}"
    with pytest.raises(ValueError, match=r"'remainder' value should be in the range '\[0, 2\)', but got 2"):
        ms.Symbol(divisor=2, remainder=2)
    with pytest.raises(TypeError, match="'max' must be int"):
        ms.Symbol(max=1.5)


def test_jet_and_derivative_match_mindspore():
    def f(x, y):
        return x * ops.sin(y)
    out, series = ops.jet(f, (ms.tensor([0.5, 1.0]), ms.tensor([1.0, 2.0])),
                          (ms.tensor([[1.0, 1.0], [0.0, 0.0]]), ms.tensor([[0.0, 1.0], [1.0, 0.0]])))
    np.testing.assert_allclose(out.asnumpy(), [0.42073548, 0.9092974], rtol=1e-6)
    np.testing.assert_allclose(series.asnumpy(), [[0.84147096, 0.49315056], [0.27015114, -1.7415911]], rtol=1e-5)
    out, second = ops.derivative(ops.exp, ms.tensor([0, 1], ms.int32), 2)  # int inputs compute in float32
    np.testing.assert_allclose(second.asnumpy(), [1.0, 2.7182798], rtol=1e-6)
    with pytest.raises(ValueError, match="value of order should not be less than 1"):
        ops.derivative(ops.exp, ms.tensor([0.0]), 0)


def test_stft_centres_and_pads_as_mindspore():
    out = ops.stft(ms.Tensor(np.arange(12, dtype=np.float32)), 4, hop_length=2, return_complex=True).asnumpy()
    assert out.shape == (3, 7) and out.dtype == np.complex64
    np.testing.assert_allclose(out[0].real, [4, 6, 14, 22, 30, 38, 40], rtol=1e-6)
    np.testing.assert_allclose(out[1], [2, -2 + 2j, -2 + 2j, -2 + 2j, -2 + 2j, -2 + 2j, -2j], atol=1e-5)


def test_fractional_max_pool_cells_and_primitives():
    x = ms.Tensor(np.arange(1, 17, dtype=np.float32).reshape(1, 1, 2, 2, 4))
    samples = ms.Tensor(np.full((1, 1, 3), 0.7, np.float32))
    y, argmax = ops.FractionalMaxPool3DWithFixedKsize((1, 1, 1), (1, 1, 2))(x, samples)
    assert y.asnumpy().ravel().tolist() == [13.0, 16.0] and argmax.asnumpy().ravel().tolist() == [12, 15]
    y, argmax = nn.FractionalMaxPool3d((1, 1, 1), output_size=(1, 1, 3), _random_samples=samples,
                                       return_indices=True)(x)
    assert y.asnumpy().ravel().tolist() == [13.0, 14.0, 16.0] and argmax.asnumpy().ravel().tolist() == [12, 13, 15]
    x2 = ms.Tensor(np.arange(25, dtype=np.float32).reshape(1, 1, 5, 5))
    y = nn.FractionalMaxPool2d(2, output_ratio=(0.5, 0.5), _random_samples=ms.Tensor([[[0.8, 0.8]]]))(x2)
    assert y.shape == (1, 1, 2, 2)
    with pytest.raises(ValueError, match="can not be None at the same time"):
        nn.FractionalMaxPool2d(2)


def test_backward_hooks_see_values_and_replace_gradients():
    seen = []

    class Net(nn.Cell):
        def __init__(self):
            super().__init__()
            self.relu = nn.ReLU()
            self.handle = self.relu.register_backward_hook(
                lambda cell, grad_in, grad_out: seen.append((grad_in[0].asnumpy(), grad_out[0].asnumpy())))
            self.relu.register_backward_pre_hook(lambda cell, grad_out: (grad_out[0] * 3,))

        def construct(self, x):
            return self.relu(x + x) * 2
    net = Net()
    x = ms.Tensor(np.array([1.0, -1.0], np.float32))
    np.testing.assert_allclose(ms.grad(net)(x).asnumpy(), [12.0, 0.0])  # as MindSpore 2.10
    np.testing.assert_allclose(seen[0][1], [6.0, 6.0])
    np.testing.assert_allclose(seen[0][0], [6.0, 0.0])
    net.handle.remove()
    np.testing.assert_allclose(ms.grad(net)(x).asnumpy(), [12.0, 0.0])
    assert len(seen) == 1
    np.testing.assert_allclose(net(x).asnumpy(), [4.0, 0.0])


@pytest.mark.filterwarnings("ignore:mindshim.*runs eagerly")
def test_forward_hooks_see_values_under_grad_and_jit(capsys):
    """Forward hooks in a differentiated or compiled call see and print values, as in MindSpore's PyNative mode
    (the call runs eagerly); what they return replaces the inputs and output, in the gradient too."""
    seen = []

    class Net(nn.Cell):
        def __init__(self):
            super().__init__()
            self.relu = nn.ReLU()
            self.relu.register_forward_pre_hook(lambda cell, inputs: (inputs[0] * 3,))
            self.relu.register_forward_hook(
                lambda cell, inputs, out: seen.append((inputs[0].asnumpy(), out.asnumpy())) or print(out) or out * out)

        def construct(self, x):
            return self.relu(x + x)
    net = Net()
    x = ms.Tensor(np.array([1.0, -1.0, 2.0], np.float32))
    np.testing.assert_allclose(ms.grad(net)(x).asnumpy(), [72.0, 0.0, 144.0])  # as MindSpore 2.10
    np.testing.assert_allclose(seen[0][0], [6.0, -6.0, 12.0])
    np.testing.assert_allclose(seen[0][1], [6.0, 0.0, 12.0])
    np.testing.assert_allclose(ms.jit(net)(x).asnumpy(), [36.0, 0.0, 144.0])
    assert len(seen) == 2 and capsys.readouterr().out == "[ 6.  0. 12.]\n" * 2


def test_tensor_offload_writes_the_bytes(tmp_path):
    data = ms.Tensor(np.arange(4, dtype=np.float32).reshape(2, 2))
    assert data.offload_file_path() == ""
    path = str(tmp_path / "t.data")
    assert data.offload(path) is True and data.offload_file_path() == path
    np.testing.assert_array_equal(np.fromfile(path, np.float32), [0, 1, 2, 3])
    assert (data + 1).asnumpy().sum() == 10


def test_hook_backward_and_insert_gradient_of():
    seen = []
    hook = ops.HookBackward(lambda grads: seen.append(grads[0].asnumpy()))

    def f(x, y):
        return hook(x * y) * y
    grads = ops.GradOperation(get_all=True)(f)(ms.Tensor(1.0), ms.Tensor(2.0))
    assert [g.asnumpy() for g in grads] == [4.0, 4.0] and seen == [2.0]  # as MindSpore 2.10

    def clip_gradient(dx):  # branches on the gradient's value
        return ms.Tensor([1.0]) if dx > 1.0 else (ms.Tensor([0.2]) if dx < 0.2 else dx)
    clip = ops.InsertGradientOf(clip_gradient)
    grads = ops.GradOperation(get_all=True)(lambda x, y: clip(x) * clip(y))(ms.Tensor([1.1]), ms.Tensor([0.1]))
    np.testing.assert_allclose([g.asnumpy()[0] for g in grads], [0.2, 1.0])


def test_functional_partial_is_ops_partial():
    """mindcv's GradientAccumulation reaches ``Partial``'s instance as ``ops.functional.partial``."""
    from mindshim.ops import functional as F
    assert F.partial is ops.partial
    assert F.partial(lambda a, b: a - b, 5)(2) == 3
