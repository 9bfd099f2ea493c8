"""Random ops and initializers: reproducibility under ``set_seed``, fresh draws otherwise (eagerly and inside
compiled, differentiated calls), and their distributions against the formulas in MindSpore's source."""
import math

import numpy as np
import pytest

import mindshim as ms
from mindshim import nn, ops
from mindshim.common import initializer as ini

N = 20000  # samples for the statistical checks: 5-sigma bounds below keep them deterministic in practice
SHAPE = (200, 100)  # N samples; fan_in 100, fan_out 200 (one compiled sampler per shape serves every check)
P = ms.Tensor(np.array([0.1, 0.2, 0.7], np.float32))

# Draws of shape (2, 3), as in the golden cases (one compiled sampler per shape serves them all).
I23 = ms.Tensor(np.zeros((2, 3), np.int32))
P23 = ms.Tensor(np.array([[0.1, 0.2, 0.7], [0.5, 0.5, 0.0]], np.float32))
DRAWS = {
    "standard_normal": lambda: ops.standard_normal((2, 3)),
    "uniform": lambda: ops.uniform((2, 3), ms.Tensor(-1.0), ms.Tensor(3.0)),
    "uniform_int": lambda: ops.uniform((2, 3), ms.Tensor(0, ms.int32), ms.Tensor(1000, ms.int32), dtype=ms.int32),
    "normal": lambda: ops.normal((2, 3), 2.0, 0.5),
    "rand": lambda: ops.rand(2, 3),
    "rand_like": lambda: ops.rand_like(ms.Tensor(np.zeros((2, 3), np.float16))),
    "randn": lambda: ops.randn(2, 3),
    "randn_like": lambda: ops.randn_like(I23),
    "randint": lambda: ops.randint(0, 1000, (2, 3)),
    "randint_like": lambda: ops.randint_like(I23, 0, 1000),
    "shuffle": lambda: ops.shuffle(ms.Tensor(np.arange(20))),
    "multinomial": lambda: ops.multinomial(P23, 3),
    "multinomial_no_replacement": lambda: ops.multinomial(ms.Tensor(np.ones((2, 6), np.float32)), 6, False),
    "StandardNormal": lambda: ops.StandardNormal()((2, 3)),
    "initializer_normal": lambda: ini.initializer("normal", (2, 3)),
    "initializer_orthogonal": lambda: ini.initializer(ini.Orthogonal(), (2, 3)),
}


@pytest.mark.parametrize("name", sorted(DRAWS))
def test_seeded_draws_repeat_and_unseeded_draws_differ(name):
    draw = DRAWS[name]
    ms.set_seed(1)
    first = [draw().asnumpy() for _ in range(2)]
    ms.set_seed(1)
    again = [draw().asnumpy() for _ in range(2)]
    for a, b in zip(first, again):
        np.testing.assert_array_equal(a, b)
    assert not np.array_equal(first[0], first[1]), "two draws without reseeding gave the same numbers"
    ms.set_seed(2)
    assert not np.array_equal(draw().asnumpy(), first[0]), "another seed gave the same numbers"


def test_draws_in_a_compiled_differentiated_call():
    """The engine threads the key through compiled calls: fresh noise per step, reproducible with set_seed."""
    class Noisy(nn.Cell):
        def __init__(self):
            super().__init__()
            self.w = ms.Parameter(ms.Tensor(np.ones(4, np.float32)), name="w")

        def construct(self, x):
            return (x * self.w * ops.standard_normal((4,))).sum() + ops.rand(4).sum()

    net = Noisy()
    fvg = nn.ForwardValueAndGrad(net, weights=ms.ParameterTuple(net.trainable_params()), get_by_list=True)
    x = ms.Tensor(np.full(4, 2.0, np.float32))

    def steps():
        out = []
        for _ in range(2):
            loss, (gw,) = fvg(x)
            out.append((float(loss), gw.asnumpy()))
        return out

    ms.set_seed(3)
    first = steps()
    ms.set_seed(3)
    second = steps()
    assert not np.array_equal(first[0][1], first[1][1]), "two compiled calls drew the same numbers"
    for (la, ga), (lb, gb) in zip(first, second):
        assert la == lb
        np.testing.assert_array_equal(ga, gb)
    # the gradient of x * w * z with respect to w is x * z: the noise the forward pass used
    assert np.all(np.abs(first[0][1] / 2.0) < 6)


def test_eager_and_compiled_draws_share_the_stream():
    ms.set_seed(4)
    a = ops.randn(3).asnumpy()
    grad = ops.GradOperation()(_NoiseScale())
    g1 = grad(ms.Tensor(np.ones(3, np.float32))).asnumpy()
    b = ops.randn(3).asnumpy()
    ms.set_seed(4)
    np.testing.assert_array_equal(ops.randn(3).asnumpy(), a)
    np.testing.assert_array_equal(grad(ms.Tensor(np.ones(3, np.float32))).asnumpy(), g1)
    np.testing.assert_array_equal(ops.randn(3).asnumpy(), b)


class _NoiseScale(nn.Cell):
    def construct(self, x):
        return (x * ops.standard_normal((3,))).sum()


# ---- distributions ------------------------------------------------------------------------------------------------
def _moments(t, mean, std, tol=5.0):
    x = t.asnumpy().astype(np.float64).ravel()
    n = x.size
    assert abs(x.mean() - mean) < tol * std / math.sqrt(n), f"mean {x.mean()} vs {mean}"
    # the sample std's standard error is about std / sqrt(2 n) (normal); 3x covers uniform/laplace tails
    assert abs(x.std() - std) < tol * 3 * std / math.sqrt(2 * n), f"std {x.std()} vs {std}"
    return x


def test_standard_distributions():
    ms.set_seed(5)
    _moments(ops.standard_normal(SHAPE), 0.0, 1.0)
    _moments(ops.randn(*SHAPE), 0.0, 1.0)
    _moments(ops.standard_laplace(SHAPE), 0.0, math.sqrt(2.0))
    x = _moments(ops.uniform(SHAPE, ms.Tensor(-1.0), ms.Tensor(3.0)), 1.0, 4 / math.sqrt(12))
    assert x.min() >= -1.0 and x.max() < 3.0
    x = _moments(ops.rand(*SHAPE), 0.5, 1 / math.sqrt(12))
    assert x.min() >= 0.0 and x.max() < 1.0
    _moments(ops.normal(SHAPE, 2.0, 0.5), 2.0, 0.5)
    _moments(ops.normal(SHAPE, ms.Tensor(np.float32(-1.0)), ms.Tensor(np.float32(3.0))), -1.0, 3.0)


def test_integer_distributions():
    ms.set_seed(6)
    for draw in (lambda: ops.randint(3, 9, SHAPE), lambda: ops.randint_like(ms.Tensor(np.zeros(SHAPE, np.int16)), 3, 9),
                 lambda: ops.uniform(SHAPE, ms.Tensor(3, ms.int32), ms.Tensor(9, ms.int32), dtype=ms.int32)):
        x = draw().asnumpy().ravel()
        assert set(np.unique(x).tolist()) == set(range(3, 9))
        counts = np.bincount(x - 3) / N
        assert np.all(np.abs(counts - 1 / 6) < 5 * math.sqrt(1 / 6 * 5 / 6 / N))


def test_multinomial_and_shuffle():
    ms.set_seed(7)
    probs = np.array([[0.1, 0.2, 0.7], [0.5, 0.0, 0.5]])
    x = ops.multinomial(ms.Tensor(probs.astype(np.float32)), N).asnumpy()
    assert x.shape == (2, N)
    for row, p in zip(x, probs):
        freq = np.bincount(row, minlength=3) / N
        assert np.all(np.abs(freq - p) < 5 * np.sqrt(p * (1 - p) / N) + 1e-12)
    # unnormalized weights work too; without replacement the indices are distinct
    y = ops.multinomial(ms.Tensor(np.array([[1.0, 3.0]] * 2, np.float32)), N).asnumpy()
    assert abs(y.mean() - 0.75) < 5 * math.sqrt(0.75 * 0.25 / N / 2)
    z = ops.multinomial(ms.Tensor(np.tile(np.array([1.0, 1.0, 8.0], np.float32), (400, 1))), 3, False).asnumpy()
    assert all(sorted(r) == [0, 1, 2] for r in z)
    assert 0.6 < np.mean(z[:, 0] == 2) < 0.95
    s = ops.shuffle(ms.Tensor(np.arange(12).reshape(6, 2))).asnumpy()
    assert sorted(s[:, 0].tolist()) == list(range(0, 12, 2)) and np.all(s[:, 1] == s[:, 0] + 1)


# ---- initializers -------------------------------------------------------------------------------------------------
def test_initializer_distributions():
    ms.set_seed(8)
    shape = SHAPE
    _moments(ini.initializer(ini.Normal(), shape), 0.0, 0.01)
    _moments(ini.initializer(ini.Normal(sigma=2.0, mean=-1.0), shape), -1.0, 2.0)
    x = _moments(ini.initializer(ini.Uniform(0.5), shape), 0.0, 1 / math.sqrt(12))
    assert x.min() >= -0.5 and x.max() < 0.5
    bound = math.sqrt(6.0 / 300)
    x = _moments(ini.initializer(ini.XavierUniform(), shape), 0.0, 2 * bound / math.sqrt(12))
    assert x.min() >= -bound and x.max() < bound
    _moments(ini.initializer(ini.XavierNormal(gain=2), shape), 0.0, 2 * math.sqrt(2.0 / 300))
    # HeUniform's default negative_slope=0 with leaky_relu gives gain sqrt(2), as MindSpore computes it
    bound = math.sqrt(3.0) * math.sqrt(2.0) / math.sqrt(100)
    x = _moments(ini.initializer(ini.HeUniform(), shape), 0.0, 2 * bound / math.sqrt(12))
    assert x.min() >= -bound and x.max() < bound
    _moments(ini.initializer(ini.HeUniform(math.sqrt(5)), shape), 0.0, math.sqrt(2.0 / 6) / 10)
    _moments(ini.initializer(ini.HeNormal(mode="fan_out", nonlinearity="tanh"), shape), 0.0, 5.0 / 3 / math.sqrt(200))
    # 4-D: fan_in = in_channels * receptive field = 5 * 4 * 4
    _moments(ini.initializer(ini.HeNormal(nonlinearity="relu"), (250, 5, 4, 4)), 0.0, math.sqrt(2.0) / math.sqrt(80))


def _truncated_moments(mean, sigma, a, b):
    alpha, beta = (a - mean) / sigma, (b - mean) / sigma
    pdf = lambda z: math.exp(-z * z / 2) / math.sqrt(2 * math.pi)  # noqa: E731
    cdf = lambda z: 0.5 * (1 + math.erf(z / math.sqrt(2)))  # noqa: E731
    z = cdf(beta) - cdf(alpha)
    m = (pdf(alpha) - pdf(beta)) / z
    var = 1 + (alpha * pdf(alpha) - beta * pdf(beta)) / z - m * m
    return mean + sigma * m, sigma * math.sqrt(var)


def test_truncated_normal_has_absolute_bounds():
    ms.set_seed(9)
    shape = SHAPE
    x = _moments(ini.initializer(ini.TruncatedNormal(sigma=1.0, mean=0.5, a=-0.5, b=1.0), shape),
                 *_truncated_moments(0.5, 1.0, -0.5, 1.0))
    assert x.min() >= -0.5 and x.max() <= 1.0
    x = _moments(ini.initializer(ini.TruncatedNormal(sigma=2.0, mean=1.0), shape), *_truncated_moments(1.0, 2.0, -2, 2))
    assert x.min() >= -2.0 and x.max() <= 2.0
    _moments(ini.initializer("truncatednormal", shape), 0.0, 0.01)


def test_variance_scaling():
    ms.set_seed(10)
    shape = SHAPE
    # MindSpore 2.10 draws the uniform distribution for its default distribution='truncated_normal'
    limit = math.sqrt(3.0 / 100)
    x = _moments(ini.initializer(ini.VarianceScaling(), shape), 0.0, 2 * limit / math.sqrt(12))
    assert x.min() >= -limit and x.max() < limit
    _moments(ini.initializer(ini.VarianceScaling(2.0, "fan_out", "untruncated_normal"), shape), 0.0,
             math.sqrt(2.0 / 200))
    limit = math.sqrt(3.0 / 150)
    x = ini.initializer(ini.VarianceScaling(mode="fan_avg", distribution="uniform"), shape).asnumpy()
    assert x.min() >= -limit and x.max() < limit and x.max() > 0.95 * limit


def test_orthogonal_and_sparse():
    ms.set_seed(11)
    for shape, gain in (((2, 3), 2.0), ((4, 3), 0.5)):
        q = ini.initializer(ini.Orthogonal(gain), shape).asnumpy().reshape(shape[0], -1)
        small = q @ q.T if q.shape[0] <= q.shape[1] else q.T @ q
        np.testing.assert_allclose(small, gain * gain * np.eye(small.shape[0]), atol=1e-5)
    s = ini.initializer(ini.Sparse(0.3, sigma=2.0), SHAPE).asnumpy()
    assert np.all((s == 0).sum(axis=0) == 60)
    nonzero = s[s != 0]
    assert abs(nonzero.std() - 2.0) < 0.1


def test_initializer_dtypes_follow_the_float32_draw():
    ms.set_seed(12)
    x = ini.initializer(ini.Normal(sigma=3.0), SHAPE, ms.int32)
    assert str(x.dtype) == "Int32" and np.abs(x.asnumpy()).max() > 0
    assert str(ini.initializer("xavier_uniform", (2, 3), ms.float16).dtype) == "Float16"
    assert str(ini.initializer(ini.HeNormal(), (2, 3), ms.bfloat16).dtype) == "BFloat16"
