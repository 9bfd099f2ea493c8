"""Mixed precision values: low-precision results stay close to float32 ones, and training runs under amp."""
import numpy as np
import pytest

import mindshim as ms
from mindshim import amp, nn

X = np.random.RandomState(0).randn(4, 8).astype(np.float32)


def _mlp():
    ms.set_seed(1)
    return nn.SequentialCell([nn.Dense(8, 16), nn.ReLU(), nn.Dense(16, 3)])


@pytest.mark.parametrize("level", ["O1", "O2", "O3", "auto"])
def test_low_precision_close_to_float32(level):
    ref = _mlp()(ms.Tensor(X)).asnumpy()
    net = amp.auto_mixed_precision(_mlp(), level)
    out = net(ms.Tensor(X))
    assert out.dtype == ms.float32
    np.testing.assert_allclose(out.asnumpy(), ref, rtol=2e-2, atol=2e-2)
    assert not np.array_equal(out.asnumpy(), ref)  # really computed in float16


@pytest.mark.parametrize("lists", [dict(white_list=[nn.Dense]), dict(white_list=[ms.ops.MatMul]),
                                   dict(black_list=[nn.ReLU])])
def test_custom_mixed_precision_close_to_float32(lists):
    ref = _mlp()(ms.Tensor(X)).asnumpy()
    out = amp.custom_mixed_precision(_mlp(), **lists)(ms.Tensor(X))
    assert out.dtype == ms.float32
    np.testing.assert_allclose(out.asnumpy(), ref, rtol=2e-2, atol=2e-2)
    assert not np.array_equal(out.asnumpy(), ref)  # really computed in float16


def test_bfloat16_and_to_float32():
    net = amp.auto_mixed_precision(_mlp(), "O3", dtype=ms.bfloat16)
    assert net(ms.Tensor(X)).dtype == ms.float32
    inner = _mlp().to_float(ms.bfloat16)
    assert inner(ms.Tensor(X)).dtype == ms.bfloat16
    inner.to_float(ms.float32)
    assert inner(ms.Tensor(X)).dtype == ms.float32


@pytest.mark.parametrize("level", ["O2", "auto"])
def test_build_train_network_trains(level):
    net = _mlp()
    opt = nn.Momentum(net.trainable_params(), 0.1, 0.9)
    step = amp.build_train_network(net, opt, nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean"),
                                   level=level)
    y = ms.Tensor(np.array([0, 1, 2, 1], np.int32))
    losses = [float(step(ms.Tensor(X), y).asnumpy()) for _ in range(10)]
    assert losses[-1] < losses[0]
    assert all(p.dtype == ms.float32 for p in net.get_parameters())  # master weights stay float32
