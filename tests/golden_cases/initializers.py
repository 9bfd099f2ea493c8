"""Golden cases for initializers and random ops: everything deterministic (constant initializers, names, shapes,
dtypes, errors). Their distributions are tested statistically in ``tests/test_random.py``."""
import numpy as np

from ._helpers import deviates

RNG = np.random.RandomState(11)
INIT = RNG.randn(2, 3).astype(np.float32)
PROBS = np.array([[0.1, 0.2, 0.7], [0.5, 0.5, 0.0]], np.float32)


def _ini(ms):
    return ms.common.initializer


def _meta(t):
    """What is deterministic about a random Tensor."""
    return [str(t.dtype), list(t.shape)]


# ---- deterministic initializers --------------------------------------------------------------------------------
def case_init_constant_kinds(ms):
    ini = _ini(ms)
    return [ini.initializer(ini.One(), (2, 3)), ini.initializer(ini.Zero(), [2, 3], ms.int32),
            ini.initializer(ini.Constant(2.5), (3,), ms.float16), ini.initializer(ini.Constant(-3), (2, 2), ms.int64),
            ini.initializer(ini.Constant(0.7), (2,), ms.int32), ini.initializer(ini.One(), (2,), ms.bool_),
            ini.initializer(ini.Constant(1.5), (2, 2), ms.float64), ini.initializer(4, 3),
            ini.initializer(2.5, (2,), ms.float16), ini.initializer(True, (2,), ms.int32)]


def case_init_names(ms):
    ini = _ini(ms)
    return [ini.initializer(name, (2, 2), ms.float32) for name in ("ones", "one", "zeros", "zero", "ONES", "Zeros")] + \
        [ini.initializer("identity", (2, 3)), ini.initializer("Identity", (3, 2), ms.int32)]


def case_init_random_names_meta(ms):
    ini = _ini(ms)
    names = ("normal", "uniform", "truncatednormal", "xavier_uniform", "xavieruniform", "xavier_normal",
             "xaviernormal", "he_uniform", "heuniform", "he_normal", "henormal", "orthogonal", "variancescaling",
             "Normal", "HeUniform")
    return [_meta(ini.initializer(name, (2, 3), ms.float32)) for name in names] + \
        [_meta(ini.initializer(ini.Normal(), (2, 3), ms.float16)), _meta(ini.initializer(ini.Uniform(), 6)),
         _meta(ini.initializer(ini.HeNormal(), (2, 3), ms.float64)), _meta(ini.initializer("normal", [2, 3], ms.int32))]


def case_init_identity_dirac(ms):
    ini = _ini(ms)
    return [ini.initializer(ini.Identity(), (3, 4)), ini.initializer(ini.Dirac(), (2, 3, 3)),
            ini.initializer(ini.Dirac(groups=2), (4, 2, 3, 3)), ini.initializer(ini.Dirac(), (2, 2, 1, 3, 3), ms.int32)]


def case_init_tensor_passthrough(ms):
    ini = _ini(ms)
    t = ms.Tensor(INIT)
    out = ini.initializer(t, (2, 3), ms.float16)
    return [out, out is t, ini.initializer(t, [2, 3])]


def case_init_call_on_numpy(ms):
    ini = _ini(ms)
    a, b, c = np.zeros((2, 3), np.float32), np.zeros((2, 2), np.float64), np.zeros((3, 3), np.int32)
    ini.One()(a)
    ini.Constant(0.25)(b)
    ini.Identity()(c)
    return [a, b, c]


def case_init_user_subclass(ms):
    ini = _ini(ms)

    class Arange(ini.Initializer):
        def __init__(self, start):
            super().__init__(start=start)
            self.start = start

        def _initialize(self, arr):
            arr[...] = np.arange(arr.size).reshape(arr.shape) + self.start

    return [ini.initializer(Arange(2), (2, 3)), ini.initializer(Arange(1), (3,), ms.int32),
            ms.Parameter(ini.initializer(Arange(0), (2, 2)), name="w").asnumpy()]


def case_init_tensor_init_arg(ms):
    ini = _ini(ms)
    return [ms.Tensor(shape=(2, 3), dtype=ms.float32, init=ini.One()),
            ms.Tensor(shape=[2], dtype=ms.int32, init=ini.Constant(7)),
            _meta(ms.Tensor(shape=(3, 4), dtype=ms.float16, init=ini.Normal()))]


def case_init_parameter(ms):
    ini = _ini(ms)
    p = ms.Parameter(ini.initializer("ones", (2, 2), ms.float32), name="p")
    return [repr(p), p.asnumpy(), _meta(ms.Parameter(ini.initializer(ini.XavierUniform(), (3, 2)), name="q"))]


def case_init_kwargs(ms):
    ini = _ini(ms)
    objs = [ini.Normal(0.2, 1.0), ini.Uniform(0.5), ini.TruncatedNormal(0.1, 0.0, -1.0, 1.0), ini.XavierUniform(2),
            ini.HeUniform(0.1, "fan_out", "relu"), ini.HeNormal(), ini.Constant(3), ini.Orthogonal(0.5),
            ini.VarianceScaling(2.0, "fan_avg", "uniform")]
    return [sorted(o._kwargs.items()) for o in objs]


# ---- initializer errors ------------------------------------------------------------------------------------------
def case_err_init_type(ms):
    return _ini(ms).initializer([1, 2], (2,))


def case_err_init_name(ms):
    return _ini(ms).initializer("kaiming", (2, 2))


def case_err_init_shape_zero(ms):
    return _ini(ms).initializer("ones", (2, 0))


def case_err_init_shape_negative(ms):
    return _ini(ms).initializer("ones", [-1, 2])


def case_err_init_shape_float(ms):
    return _ini(ms).initializer("ones", (2.0, 2))


def case_err_init_tensor_shape(ms):
    return _ini(ms).initializer(ms.Tensor(INIT), (3, 2))


def case_err_init_tensor_no_shape(ms):
    return _ini(ms).initializer(ms.Tensor(INIT))


def case_err_init_xavier_1d(ms):
    return _ini(ms).initializer(_ini(ms).XavierUniform(), (3,)).asnumpy()


def case_err_init_he_mode(ms):
    return _ini(ms).initializer(_ini(ms).HeUniform(mode="fan_avg"), (3, 2)).asnumpy()


def case_err_init_he_nonlinearity(ms):
    return _ini(ms).initializer(_ini(ms).HeNormal(nonlinearity="gelu"), (3, 2)).asnumpy()


def case_err_init_he_slope(ms):
    return _ini(ms).initializer(_ini(ms).HeUniform(negative_slope="0.1"), (3, 2)).asnumpy()


def case_err_init_normal_sigma(ms):
    return _ini(ms).initializer(_ini(ms).Normal(sigma=-1.0), (3, 2)).asnumpy()


def case_err_init_identity_3d(ms):
    return _ini(ms).initializer(_ini(ms).Identity(), (2, 2, 2)).asnumpy()


def case_err_init_dirac_2d(ms):
    return _ini(ms).initializer(_ini(ms).Dirac(), (2, 2)).asnumpy()


def case_err_init_dirac_groups(ms):
    return _ini(ms).initializer(_ini(ms).Dirac(groups=2), (3, 2, 3)).asnumpy()


def case_err_init_orthogonal_1d(ms):
    return _ini(ms).initializer(_ini(ms).Orthogonal(), (4,)).asnumpy()


def case_err_init_sparse_3d(ms):
    return _ini(ms).initializer(_ini(ms).Sparse(0.5), (2, 2, 2)).asnumpy()


def case_err_init_variance_scale(ms):
    return _ini(ms).VarianceScaling(scale=0.0)


def case_err_init_variance_mode(ms):
    return _ini(ms).VarianceScaling(mode="avg")


def case_err_init_variance_distribution(ms):
    return _ini(ms).VarianceScaling(distribution="normal")


def case_err_init_base_initialize(ms):
    return _ini(ms).initializer(_ini(ms).Initializer(), (2,)).asnumpy()


# ---- random ops: shapes, dtypes and errors ------------------------------------------------------------------------
def case_random_meta(ms):
    ops, T = ms.ops, ms.Tensor
    i32, p2 = T(np.zeros((2, 3), np.int32)), T(PROBS)
    outs = [ops.standard_normal((2, 3)), ops.standard_normal((2, 3), seed=3), ops.standard_laplace((2, 3)),
            ops.uniform((2, 3), T(1.0), T(2.0)), ops.uniform((2, 3), T(1, ms.int32), T(5, ms.int32), dtype=ms.int32),
            ops.normal((2, 3), 1.0, 2.0), ops.normal((2, 3), T(np.zeros(3, np.float32)), T(1.0)),
            ops.rand(2, 3), ops.rand((2, 3)), ops.rand([2, 3]), ops.rand(), ops.rand(2, 3, dtype=ms.float16),
            ops.randn(2, 3), ops.randn(2, 3, dtype=ms.float64), ops.rand_like(T(np.zeros((2, 3), np.float16))),
            ops.randn_like(T(np.zeros((2, 3), np.float64))), ops.randn_like(i32), ops.rand_like(i32, dtype=ms.float32),
            ops.randint(0, 5, (2, 3)), ops.randint(0, 5, (2, 3), dtype=ms.int32), ops.randint_like(i32, 0, 5),
            ops.randint_like(T(np.zeros((2, 3), np.float32)), 0, 5, dtype=ms.int16),
            ops.shuffle(T(np.arange(6).reshape(2, 3))), ops.shuffle(T(3.0)),
            ops.multinomial(p2, 3), ops.multinomial(p2, 2, replacement=False), ops.multinomial(T(PROBS[0]), 3),
            ops.multinomial(T(PROBS.astype(np.float64)), 3), ops.Multinomial()(p2, 3),
            ops.Multinomial(dtype=ms.int64)(p2, 3), ops.Multinomial()(T(np.array([[1, 2, 0]] * 2, np.int32)), 3),
            ops.Multinomial()(p2, 0), ops.StandardNormal(seed=2)((2, 3)), ops.StandardNormal()(T(np.array([2, 3]))),
            ops.StandardNormal()((2, 0)), ops.UniformReal()((2, 3)),
            ops.UniformInt()((2, 3), T(0, ms.int32), T(4, ms.int32)), ops.RandomShuffle()(T(np.arange(6)))]
    return [_meta(o) for o in outs]


def case_random_value_facts(ms):
    """Deterministic facts about random draws: bounds, and a shuffle is a permutation of the rows."""
    ops, T = ms.ops, ms.Tensor
    u = ops.uniform((200,), T(1.0), T(2.0)).asnumpy()
    i = ops.randint(3, 6, (200,)).asnumpy()
    s = ops.shuffle(T(np.arange(12).reshape(6, 2))).asnumpy()
    m = ops.multinomial(T(np.array([0.0, 1.0, 0.0], np.float32)), 5).asnumpy()
    nr = np.sort(ops.multinomial(T(np.array([0.3, 0.3, 0.4], np.float32)), 3, replacement=False).asnumpy())
    return [bool(u.min() >= 1.0 and u.max() < 2.0), sorted(set(i.tolist())), sorted(s[:, 0].tolist()),
            bool((s[:, 1] == s[:, 0] + 1).all()), m.tolist(), nr.tolist()]


def case_err_uniform_bounds_not_tensor(ms):
    return ms.ops.uniform((2,), 1.0, ms.Tensor(2.0))


def case_err_uniform_dtype(ms):
    return ms.ops.uniform((2,), ms.Tensor(1.0), ms.Tensor(2.0), dtype=ms.float16)


def case_err_uniform_bounds_dtype(ms):
    return ms.ops.uniform((2,), ms.Tensor(1, ms.int32), ms.Tensor(2, ms.int32))


def case_err_rand_dtype(ms):
    return ms.ops.rand(2, 3, dtype=ms.int32)


def case_err_randn_shape(ms):
    return ms.ops.randn(2, 3.0)


def case_err_rand_shape_type(ms):
    return ms.ops.rand("2")


def case_err_randint_size(ms):
    return ms.ops.randint(0, 5, [2, 3])


def case_err_randint_dtype(ms):
    return ms.ops.randint(0, 5, (2,), dtype=ms.float32)


def case_err_randint_low(ms):
    return ms.ops.randint(0.0, 5, (2,))


def case_err_rand_like_not_tensor(ms):
    return ms.ops.rand_like(np.zeros(2, np.float32))


def case_err_randint_like_dtype(ms):
    return ms.ops.randint_like(ms.Tensor(np.zeros(2, np.float32)), 0, 5)


def case_err_normal_shape(ms):
    return ms.ops.normal([2, 2], 0.0, 1.0)


def case_err_normal_shape_zero(ms):
    return ms.ops.normal((2, 0), 0.0, 1.0)


def case_err_normal_mean_type(ms):
    return ms.ops.normal((2,), "0", 1.0)


def case_err_multinomial_rank(ms):
    return ms.ops.multinomial(ms.Tensor(np.ones((2, 2, 2), np.float32)), 2)


def case_err_multinomial_too_many(ms):
    return ms.ops.multinomial(ms.Tensor(PROBS), 4, replacement=False)


@deviates(
    "2.10's random kernel raises RuntimeError for empty integer ranges; mindshim's check raises "
    "ValueError",
    "ValueError")
def case_err_uniform_int_bounds(ms):
    return ms.ops.UniformInt()((3,), ms.Tensor(4, ms.int32), ms.Tensor(4, ms.int32))


def case_err_uniform_int_dtype(ms):
    return ms.ops.UniformInt()((3,), ms.Tensor(4, ms.int64), ms.Tensor(5, ms.int64))


@deviates(
    "2.10's random kernel raises RuntimeError for empty integer ranges; mindshim's check raises "
    "ValueError",
    "ValueError")
def case_err_randint_bounds(ms):
    return ms.ops.randint(5, 2, (3,))


def case_err_standard_normal_list(ms):
    return ms.ops.StandardNormal()([2, 3])


def case_err_standard_normal_negative(ms):
    return ms.ops.StandardNormal()((2, -1))


def case_err_multinomial_prim_rank(ms):
    return ms.ops.Multinomial()(ms.Tensor(np.ones((2, 2, 2), np.float32)), 2)
