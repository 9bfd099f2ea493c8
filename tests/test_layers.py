"""Dropout's randomness (mindshim's generator differs from MindSpore's, so no goldens): keep rate, scaling,
fresh masks per call, reproducibility with ``set_seed``, and consistency of the mask between value and gradient."""
import numpy as np

import mindshim as ms
from mindshim import nn, ops

X = np.random.RandomState(5).rand(200, 50).astype(np.float32) + 0.5


def _kept(out):
    return out.asnumpy() != 0


def test_dropout_primitive_keep_rate_and_scaling():
    out, mask = ops.Dropout(keep_prob=0.7)(ms.Tensor(X))
    kept = mask.asnumpy().astype(bool)
    assert mask.dtype == ms.float32 and set(np.unique(mask.asnumpy())) <= {0.0, 1.0}
    assert abs(kept.mean() - 0.7) < 0.02
    np.testing.assert_allclose(out.asnumpy()[kept], X[kept] / 0.7, rtol=1e-6)
    assert np.all(out.asnumpy()[~kept] == 0)


def test_dropout_layer_train_and_eval():
    layer = nn.Dropout(p=0.25)
    np.testing.assert_array_equal(layer(ms.Tensor(X)).asnumpy(), X)  # a new Cell is in inference mode
    layer.set_train(True)
    first, second = layer(ms.Tensor(X)), layer(ms.Tensor(X))
    assert abs(_kept(first).mean() - 0.75) < 0.02
    np.testing.assert_allclose(first.asnumpy()[_kept(first)], X[_kept(first)] / 0.75, rtol=1e-6)
    assert (_kept(first) != _kept(second)).any(), "each call draws a new mask"
    layer.set_train(False)
    np.testing.assert_array_equal(layer(ms.Tensor(X)).asnumpy(), X)


def test_dropout_functional():
    out = ops.dropout(ms.Tensor(X), p=0.4)
    assert abs(_kept(out).mean() - 0.6) < 0.02
    np.testing.assert_allclose(out.asnumpy()[_kept(out)], X[_kept(out)] / 0.6, rtol=1e-6)
    np.testing.assert_array_equal(ops.dropout(ms.Tensor(X), p=0.4, training=False).asnumpy(), X)


def test_dropout_reproducible_with_set_seed():
    ms.set_seed(7)
    a = ops.Dropout(0.5)(ms.Tensor(X))[1].asnumpy()
    ms.set_seed(7)
    b = ops.Dropout(0.5)(ms.Tensor(X))[1].asnumpy()
    np.testing.assert_array_equal(a, b)


def test_dropout_gradient_uses_the_forward_mask():
    class Net(nn.Cell):
        def __init__(self):
            super().__init__()
            self.dropout = nn.Dropout(p=0.5)

        def construct(self, x):
            return self.dropout(x)
    net = Net().set_train(True)
    out, grad = nn.ForwardValueAndGrad(net, get_all=True)(ms.Tensor(X))
    kept = _kept(out)
    assert abs(kept.mean() - 0.5) < 0.03
    np.testing.assert_allclose(grad[0].asnumpy(), kept / 0.5, rtol=1e-6)
    _, grad2 = nn.ForwardValueAndGrad(net, get_all=True)(ms.Tensor(X))
    assert (grad2[0].asnumpy() != grad[0].asnumpy()).any(), "a compiled step draws a new mask each call"


def test_rnn_dropout_between_layers_only_in_training():
    lstm = nn.LSTM(3, 4, num_layers=2, dropout=0.5)
    x = ms.Tensor(np.random.RandomState(1).randn(5, 2, 3).astype(np.float32))
    eval_a, eval_b = lstm(x)[0].asnumpy(), lstm(x)[0].asnumpy()
    np.testing.assert_array_equal(eval_a, eval_b)
    lstm.set_train(True)
    assert not np.array_equal(lstm(x)[0].asnumpy(), eval_a)
