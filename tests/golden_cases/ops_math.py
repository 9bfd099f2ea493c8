"""Golden cases for MindSpore's math ops: element-wise, comparison/logic, reductions, arg-reductions,
cumulative ops, norms, their dtype rules, gradients, errors, and the matching Tensor methods.

Left out because MindSpore 2.10 on CPU crashes or is wrong there: ``ops.round`` with ``decimals != 0``
(kernel refuses it), ``Tensor.repeat`` (not supported on CPU), the ``std``/``var`` method overloads
with ``dim``/``correction`` (no CPU kernel), the gradient of a full ``ReduceProd``
over a Tensor holding zeros (MindSpore returns all ones), integer division/modulo by zero (garbage).
"""
import numpy as np

from ._helpers import deviates
from ._helpers import grads as _grads
from ._helpers import raises as _raises
from ._helpers import t as _t

RNG = np.random.RandomState(7)
X = RNG.randn(3, 4).astype(np.float32)
Y = RNG.randn(3, 4).astype(np.float32)
POS = (np.abs(RNG.randn(3, 4)) + 0.1).astype(np.float32)
UNIT = RNG.uniform(-0.9, 0.9, (3, 4)).astype(np.float32)
ROW = RNG.randn(4).astype(np.float32)
X64 = RNG.randn(2, 3)
X16 = RNG.randn(2, 3).astype(np.float16)
I32 = RNG.randint(-5, 6, (3, 4)).astype(np.int32)
J32 = RNG.randint(1, 4, (3, 4)).astype(np.int32)
I64 = RNG.randint(-5, 6, (3, 4)).astype(np.int64)
B = RNG.rand(3, 4) > 0.5
X3 = RNG.randn(2, 3, 4).astype(np.float32)
TIES = np.array([[1.0, 3.0, 3.0, 0.5], [2.0, 2.0, -1.0, 2.0], [0.0, 0.0, 0.0, 0.0]], np.float32)
NANS = np.array([[1.0, np.nan, 3.0, 0.0], [np.nan, 2.0, 0.0, 1.0], [1.0, 2.0, np.nan, -1.0]], np.float32)
SPECIAL = np.array([0.0, -0.0, 0.5, 1.5, 2.5, -0.5, -1.5, np.nan, np.inf, -np.inf, 3.7, -2.2], np.float32)








# ---- element-wise unary: value, dtype, gradient (functional and primitive) ---------------------------------
UNARY = {  # functional name: (primitive, input)
    "exp": ("Exp", X), "log": ("Log", POS), "log1p": ("Log1p", POS), "expm1": ("Expm1", X), "sqrt": ("Sqrt", POS),
    "rsqrt": ("Rsqrt", POS), "reciprocal": ("Reciprocal", POS), "square": ("Square", X), "sin": ("Sin", X),
    "cos": ("Cos", X), "tan": ("Tan", UNIT), "asin": ("Asin", UNIT), "acos": ("ACos", UNIT), "atan": ("Atan", X),
    "sinh": ("Sinh", X), "cosh": ("Cosh", X), "erf": ("Erf", X), "erfc": ("Erfc", X),
    "floor": ("Floor", X * 3), "ceil": ("Ceil", X * 3), "trunc": ("Trunc", X * 3), "sign": ("Sign", X),
    "neg": ("Neg", X), "abs": ("Abs", X), "round": ("Round", X * 3),
}


def _unary_case(fname, prim, data):
    def case(ms):
        f = getattr(ms.ops, fname)
        x = ms.Tensor(data)
        return [f(x), getattr(ms.ops, prim)()(x)]
    return case


for _f, (_p, _d) in UNARY.items():
    globals()[f"case_unary_{_f}"] = _unary_case(_f, _p, _d)


def case_unary_grads(ms):
    return _grads(ms, *[(getattr(ms.ops, f), d) for f, (_, d) in UNARY.items()])


def case_unary_predicates(ms):
    x = ms.Tensor(SPECIAL)
    P = ms.ops
    return [P.isnan(x), P.isfinite(x), P.isinf(x), P.logical_not(x), P.IsNan()(x), P.IsFinite()(x),
            P.LogicalNot()(ms.Tensor(B)), P.isnan(ms.Tensor(I32)), P.isfinite(ms.Tensor(I32))]


def case_unary_special_values(ms):
    x = ms.Tensor(SPECIAL)
    P = ms.ops
    return [P.sign(x), P.round(x), P.floor(x), P.ceil(x), P.trunc(x), P.abs(x), P.neg(x), P.square(x), P.exp(x),
            P.sqrt(x), P.rsqrt(x), P.log(x), P.reciprocal(x), P.erf(x), P.atan(x)]


def case_unary_special_grads(ms):
    data = np.array([0.0, 0.25, 1.0, 4.0], np.float32)
    neg_zero = np.array([-0.0, 0.0, -2.0], np.float32)
    P = ms.ops
    return _grads(ms, *[(f, data) for f in (P.abs, P.sign, P.round, P.floor, P.ceil, P.sqrt, P.rsqrt, P.log,
                                              P.square)], *[(f, neg_zero) for f in (P.abs, P.rsqrt, P.sqrt)])


def case_unary_int_inputs(ms):
    P = ms.ops
    i32, i64, b = _t(ms, I32, I64, B)
    return [P.sqrt(i32), P.sqrt(b), P.reciprocal(i64), P.square(i32), P.square(i64), P.neg(i32), P.abs(i64),
            P.abs(b), P.sign(i32), P.sign(i64), P.round(i32), P.trunc(i32), P.trunc(b)]


def case_unary_float64_float16(ms):
    P = ms.ops
    x64, x16 = _t(ms, X64, X16)
    p16 = ms.Tensor(POS.astype(np.float16))
    return [P.exp(x64), P.sqrt(P.abs(x64)), P.sin(x64), P.erf(x64), P.sign(x64), P.abs(x16), P.neg(x16),
            P.floor(x16), P.square(x16), P.sign(x16), P.exp(x16), P.sin(x16), P.cos(x16), P.erf(x16), P.log(p16),
            P.sqrt(p16), P.rsqrt(p16), P.log1p(p16), P.reciprocal(p16)]


UNARY_ERRORS = {
    "exp_int32": ("exp", I32), "exp_int64": ("exp", I64), "log_int32": ("log", I32), "sin_int64": ("sin", I64),
    "erf_bool": ("erf", B), "floor_int32": ("floor", I32), "ceil_int32": ("ceil", I32), "asin_int32": ("asin", I32),
    "sign_int8": ("sign", I32.astype(np.int8)), "sign_bool": ("sign", B), "square_bool": ("square", B),
    "neg_bool": ("neg", B), "round_int8": ("round", I32.astype(np.int8)), "rsqrt_int32": ("rsqrt", I32),
    "isinf_int32": ("isinf", I32),
}


def _unary_error_case(fname, data):
    def case(ms):
        return _raises(ms, lambda: getattr(ms.ops, fname)(ms.Tensor(data)))
    return case


for _n, (_f, _d) in UNARY_ERRORS.items():
    globals()[f"case_err_unary_{_n}"] = _unary_error_case(_f, _d)


def case_err_round_decimals(ms):
    return _raises(ms, lambda: ms.ops.Round()(ms.Tensor(X), 1))


# ---- element-wise binary -------------------------------------------------------------------------------------
BINARY = {  # functional name: primitive (None: functional only)
    "maximum": "Maximum", "minimum": "Minimum", "div": "Div", "true_divide": None, "floor_mod": "FloorMod",
    "fmod": None, "remainder": None, "atan2": "Atan2",
}


def _binary_case(fname, prim):
    def case(ms):
        f = getattr(ms.ops, fname)
        x, y, row = _t(ms, X, Y, ROW)
        out = [f(x, y), f(x, row), _grads(ms, (f, X, Y), (f, X, ROW))]
        if prim:
            out.append(getattr(ms.ops, prim)()(x, y))
        return out
    return case


for _f, _p in BINARY.items():
    globals()[f"case_binary_{_f}"] = _binary_case(_f, _p)


def case_binary_mod(ms):
    x = np.array([-7.5, 7.5, -8.0, 5.0, 2.5, -5.0], np.float32)
    y = np.array([3.0, -3.0, 3.0, 2.0, -2.0, 3.0], np.float32)
    P = ms.ops
    a, b = _t(ms, x, y)
    i, j = _t(ms, np.array([-7, 7, -8, 5], np.int32), np.array([3, -3, 3, 2], np.int32))
    return [P.Mod()(a, b), P.Mod()(i, j), P.Mod()(a, 2), P.fmod(a, b), P.fmod(i, j), P.remainder(a, b),
            P.remainder(i, j), P.floor_mod(i, j),
            _grads(ms, (P.Mod(), x, y), (P.fmod, x, y), (P.remainder, x, y), (P.floor_mod, x, y))]


def case_binary_div_dtypes(ms):
    P = ms.ops
    i, j, x = _t(ms, I32, J32, X)
    return [P.div(i, j), P.Div()(i, j), P.Div()(i, 2), P.div(x, 2), P.true_divide(i, j),
            P.div(ms.Tensor(B), ms.Tensor(B))]


def case_real_div_dtypes(ms):
    """The RealDiv primitive keeps integer types and truncates toward zero; ``/`` gives Float32."""
    P = ms.ops
    i, j = _t(ms, np.array([7, -7, 5, 0, -9], np.int32), np.array([2, 2, -3, 3, 4], np.int32))
    k = ms.Tensor(np.array([7, -7], np.int64))
    return [P.RealDiv()(i, j), P.RealDiv()(k, ms.Tensor(np.array([2, -4], np.int64))), i / j, k / 2, 2 / i,
            P.RealDiv()(i, ms.Tensor(np.full(5, 2, np.float32))), P.RealDiv()(ms.Tensor(X), ms.Tensor(X + 2))]


def case_err_real_div_bool(ms):
    return ms.ops.RealDiv()(ms.Tensor(B), ms.Tensor(B))


def case_binary_extreme_ties(ms):
    x = np.array([1.0, 2.0, 3.0, 0.0, -0.0, 5.0], np.float32)
    y = np.array([1.0, 1.0, 4.0, -0.0, 0.0, 5.0], np.float32)
    P = ms.ops
    return [P.maximum(*_t(ms, x, y)),
            _grads(ms, (P.maximum, x, y), (P.minimum, x, y), (P.Maximum(), TIES, np.array([2.0], np.float32)),
                   (lambda a: P.maximum(a, a), x))]


def case_binary_extreme_nan(ms):
    x = np.array([np.nan, 1.0, np.nan, 2.0], np.float32)
    y = np.array([1.0, np.nan, np.nan, 3.0], np.float32)
    P = ms.ops
    a, b = _t(ms, x, y)
    return [P.maximum(a, b), P.minimum(a, b), _grads(ms, (P.maximum, x, y), (P.minimum, x, y))]


def case_binary_extreme_dtypes(ms):
    P = ms.ops
    i, x, b = _t(ms, I32, X, B)
    return [P.maximum(i, x), P.maximum(i, 2.5), P.minimum(i, 2), P.Maximum()(b, b),
            P.Maximum()(ms.Tensor(I32.astype(np.int8)), ms.Tensor(I32.astype(np.uint8))),
            P.minimum(ms.Tensor(X16), 0.5), P.maximum(ms.Tensor(X64[0]), ms.Tensor(X[0, :3]))]


def case_binary_pow_grads(ms):
    x = np.array([0.0, 0.0, 0.0, 0.0, 0.0, 0.0, -1.0, -1.0, -2.0, 1.0, 2.0, 3.0], np.float32)
    y = np.array([0.0, 1.0, 2.0, -1.0, -2.0, 0.5, 0.0, 1.0, 3.0, np.nan, 0.5, 2.0], np.float32)
    P = ms.ops
    return [P.pow(*_t(ms, x, y)), _grads(ms, (P.pow, x, y), (P.Pow(), x, y), (lambda a: P.pow(a, 2), x),
                                         (lambda a: P.pow(a, 0.5), POS), (lambda a: P.pow(2.0, a), x))]


def case_binary_pow_dtypes(ms):
    P = ms.ops
    i, x = _t(ms, I32, X)
    return [P.pow(i, 2), P.pow(i, 2.0), P.pow(x, 2), P.pow(2.0, x), P.pow(ms.Tensor(J32), ms.Tensor(J32))]


def case_nextafter(ms):
    """MindSpore's CPU kernel steps in float64 and rounds back: a Float32 input mostly comes back unchanged."""
    a = np.array([1.0, 2.0, 0.0, 0.0, 3.4028235e38, np.inf, np.nan, 1.0, -1.0], np.float32)
    b = np.array([2.0, 1.0, 1.0, -1.0, np.inf, 0, 1, np.nan, -1.0], np.float32)
    x, y = _t(ms, a, b)
    return [ms.ops.nextafter(x, y), x.nextafter(y),
            ms.ops.nextafter(*_t(ms, a.astype(np.float64), b.astype(np.float64)))]


def case_err_nextafter_float16(ms):
    return _raises(ms, lambda: ms.ops.nextafter(*_t(ms, np.ones(2, np.float16), np.zeros(2, np.float16))))


def case_err_nextafter_mixed(ms):
    return _raises(ms, lambda: ms.ops.nextafter(*_t(ms, np.ones(2, np.float32), np.zeros(2, np.float64))))


def case_svd(ms):
    """MindSpore's CPU kernel (Eigen's JacobiSVD below 16 columns) fixes the signs of the singular vectors: tall,
    wide, square, batched, float64, zero and identity matrices, thin and full; the gradient through ``u`` and ``s``;
    ``Svd(compute_uv=False)`` gives ``[0]`` for ``u`` and ``v``."""
    rng = np.random.RandomState(7)
    mats = [m.astype(np.float32) for m in (rng.randn(5, 3), rng.randn(3, 5), rng.randn(4, 4), rng.randn(2, 3, 4, 3),
                                           np.zeros((2, 3)), np.eye(3))] + [rng.randn(8, 15)]
    out = [ms.ops.svd(ms.Tensor(m), full_matrices=full) for m in mats for full in (False, True)]
    x = ms.Tensor(rng.randn(4, 3).astype(np.float32))
    return out + [ms.ops.Svd(compute_uv=False)(x), ms.ops.svd(x, compute_uv=False),
                  ms.ops.GradOperation()(lambda x: ms.ops.svd(x)[1].sum() + ms.ops.svd(x)[0].sum())(x)]


def case_err_svd_int(ms):
    return _raises(ms, lambda: ms.ops.svd(ms.Tensor(np.ones((2, 2), np.int32))))


def case_err_svd_float16(ms):
    return _raises(ms, lambda: ms.ops.svd(ms.Tensor(np.ones((2, 2), np.float16))))


def case_err_svd_rank1(ms):
    return _raises(ms, lambda: ms.ops.svd(ms.Tensor(np.ones((3,), np.float32))))


def case_matrix_logarithm(ms):
    x = np.array([[[2, 1], [0.5, 3]], [[1 + 2j, 2 + 1j], [4 + 1j, 5 + 2j]]], np.complex128)
    logs = [ms.ops.MatrixLogarithm()(ms.Tensor(x)), ms.ops.MatrixLogarithm()(ms.Tensor(x.astype(np.complex64)))]
    return [part(y) for y in logs for part in (ms.ops.real, ms.ops.imag)]


def case_err_matrix_logarithm_float(ms):
    return _raises(ms, lambda: ms.ops.MatrixLogarithm()(ms.Tensor(np.eye(2, dtype=np.float32))))


def case_err_matrix_logarithm_not_square(ms):
    return _raises(ms, lambda: ms.ops.MatrixLogarithm()(ms.Tensor(np.ones((2, 3), np.complex64))))


def case_logic(ms):
    P = ms.ops
    b, c, i, x = _t(ms, B, B[::-1].copy(), I32, X)
    return [P.logical_and(b, c), P.logical_or(b, c), P.logical_xor(b, c), P.logical_and(i, b), P.logical_or(x, i),
            P.LogicalAnd()(b, c), P.LogicalOr()(b, c), P.logical_and(b, True), P.logical_and(b, b[0]),
            P.LogicalNot()(x), P.SquaredDifference()(x, x[::-1]), _grads(ms, (P.SquaredDifference(), X, ROW))]


def case_comparisons(ms):
    P = ms.ops
    x, y, i, row = _t(ms, X, Y, I32, ROW)
    return [P.equal(x, y), P.ne(x, y), P.not_equal(i, 0), P.greater(x, y), P.gt(i, 0.5), P.greater_equal(x, row),
            P.ge(2, x), P.less(x, y), P.lt(i, i), P.less_equal(x, 0.0), P.le(i, 1), P.eq(x, x),
            P.Equal()(i, i), P.NotEqual()(x, y), P.Greater()(x, y), P.GreaterEqual()(x, y), P.Less()(x, row),
            P.LessEqual()(i, ms.Tensor(J32)), P.equal(x, i), P.greater(ms.Tensor(B), ms.Tensor(B))]


def case_addn(ms):
    P = ms.ops
    x, y, i = _t(ms, X, Y, I32)
    return [P.addn([x, y, x]), P.AddN()((x, y)), P.addn([i, i]), P.addn([ms.Tensor(B), ms.Tensor(B)]),
            _grads(ms, (lambda a, b: P.addn([a, b, a]), X, Y))]


def case_err_addn_types(ms):
    return _raises(ms, lambda: ms.ops.addn([ms.Tensor(X), ms.Tensor(I32)]))


def case_err_addn_shapes(ms):
    return _raises(ms, lambda: ms.ops.addn([ms.Tensor(X), ms.Tensor(ROW)]))


def case_err_mod_bool(ms):
    return _raises(ms, lambda: ms.ops.Mod()(ms.Tensor(B), ms.Tensor(B)))


@deviates(
    "2.10 names an off-by-two axis index ([3]) for these shapes; mindshim names the real axis",
    "ValueError",
    "For 'Maximum', input1.shape and input2.shape need to broadcast. The value of input1.shape[1] or "
    "input2.shape[1] must be 1 or -1 when they are not the same, but got input1.shape = [3, 4] and "
    "input2.shape = [3, 3]")
def case_err_maximum_broadcast(ms):
    return _raises(ms, lambda: ms.ops.Maximum()(ms.Tensor(X), ms.Tensor(X[:, :3].copy())))


# ---- select and clipping ---------------------------------------------------------------------------------------
def case_select_where(ms):
    P = ms.ops
    b, x, y, i = _t(ms, B, X, Y, I32)
    return [P.where(b, x, y), P.where(b, x, 0.0), P.where(b[0], x, ms.Tensor(np.zeros((3, 1), np.float32))),
            P.where(b, x, i), P.select(b, x, 1.0), P.Select()(b, x, y), P.Select()(b[0], x, y),
            _grads(ms, (lambda a, c: P.where(b, a, c), X, Y))]


def case_err_where_int_condition(ms):
    return _raises(ms, lambda: ms.ops.where(ms.Tensor(I32), ms.Tensor(X), ms.Tensor(Y)))


def case_clip_by_value(ms):
    P = ms.ops
    x, i = _t(ms, X, I32)
    lo, hi = ms.Tensor(np.float32(-0.5)), ms.Tensor(np.float32(0.5))
    edge = np.array([0.0, 0.5, 1.0, 2.0, -1.0], np.float32)
    return [P.clip_by_value(x, -0.5, 0.5), P.clip_by_value(x, lo, hi), P.clip_by_value(x, clip_value_max=0.0),
            P.clip_by_value(i, 1.5, 2), P.clip_by_value(x, ms.Tensor(ROW), hi), P.clip_by_value([x, x], -1, 1),
            P.clip_by_value(x, 0.5, -0.5),
            _grads(ms, (lambda a: P.clip_by_value(a, ms.Tensor(np.float32(0)), ms.Tensor(np.float32(1))), edge),
                   (lambda a: P.clip_by_value(a, 0, 1), edge))]


def case_clamp(ms):
    P = ms.ops
    x, i = _t(ms, X, I32)
    edge = np.array([0.0, 0.5, 1.0, 2.0, -1.0], np.float32)
    return [P.clamp(x, -0.5, 0.5), P.clamp(i, 0.5, 2.5), P.clamp(i, 1, 2), P.clamp(x, 0.5, -0.5),
            P.clamp(x, ms.Tensor(ROW), None), P.clamp(x, None, 0.0), P.clip(x, -1.0, 1.0),
            _grads(ms, (lambda a: P.clamp(a, 0.0, 1.0), edge)), x.clip(-0.2, 0.3), x.clamp(max=0.1)]


def case_err_clip_by_value_none(ms):
    return _raises(ms, lambda: ms.ops.clip_by_value(ms.Tensor(X)))


# ---- reductions -------------------------------------------------------------------------------------------------
REDUCE = ("ReduceMax", "ReduceMin", "ReduceProd", "ReduceAll", "ReduceAny", "ReduceSum", "ReduceMean")


def _reduce_case(prim):
    def case(ms):
        op, opk = getattr(ms.ops, prim)(), getattr(ms.ops, prim)(keep_dims=True)
        x = ms.Tensor(X3)
        return [op(x), op(x, -1), opk(x, (0, 2)), op(x, [0, 1])]
    return case


for _p in REDUCE:
    globals()[f"case_reduce_{_p}"] = _reduce_case(_p)


def case_reduce_grads(ms):
    P = ms.ops
    specs = []
    for prim in ("ReduceMax", "ReduceMin", "ReduceProd", "ReduceSum", "ReduceMean"):
        op, opk = getattr(P, prim)(), getattr(P, prim)(keep_dims=True)
        specs += [(lambda a, op=op: op(a, -1), X3), (lambda a, opk=opk: opk(a, (0, 2)), X3)]
    return _grads(ms, *specs)


def case_reduce_ties_grads(ms):
    P = ms.ops
    return _grads(ms, (P.ReduceMax(), TIES), (lambda a: P.ReduceMax()(a, 1), TIES),
                  (lambda a: P.ReduceMin()(a, 0), TIES), (lambda a: P.amax(a, 1), TIES),
                  (lambda a: P.max(a, 1)[0], TIES), (lambda a: P.min(a, 0)[0], TIES), (lambda a: P.max(a)[0], TIES),
                  (lambda a: P.ArgMaxWithValue(axis=1)(a)[1], TIES),
                  (lambda a: P.ArgMinWithValue(axis=0, keep_dims=True)(a)[1], TIES),
                  (lambda a: P.amax(a, 1, initial=2.0), TIES), (lambda a: P.max(a, 1, initial=2.0)[0], TIES))


def case_reduce_nan(ms):
    P = ms.ops
    x = ms.Tensor(NANS)
    return [P.ReduceMax()(x, 1), P.ReduceMin()(x, 1), P.ReduceMax()(x, 0), P.ReduceMax()(x), P.amax(x, 1),
            P.max(x, 1), P.min(x, 0), P.argmax(x, 1), P.Argmax()(x), P.Argmin(axis=0)(x),
            P.ArgMaxWithValue(1)(x), x.max(), x.min(1),
            _grads(ms, (lambda a: P.ReduceMax()(a, 1), NANS), (lambda a: P.ReduceMin(True)(a, 0), NANS),
                   (P.ReduceMax(), NANS))]


def case_reduce_int_bool(ms):
    P = ms.ops
    i, b = _t(ms, I32, B)
    i8 = ms.Tensor(I32.astype(np.int8))
    return [P.ReduceMax()(i), P.ReduceMin(True)(i, 1), P.ReduceProd()(i, 0), P.ReduceProd()(i8), P.ReduceProd()(b),
            P.ReduceAll()(b), P.ReduceAll()(ms.Tensor(X)), P.ReduceAll(True)(b, 1), P.ReduceAny()(i),
            P.ReduceAny()(b, 0), P.ReduceMean()(i), P.ReduceSum()(b)]


def case_reduce_prod_grads(ms):
    data = np.array([[1.0, 0.0, 3.0], [2.0, 2.0, 5.0], [0.0, 0.0, 1.0]], np.float32)
    P = ms.ops
    return _grads(ms, (lambda a: P.ReduceProd()(a, 1), data), (lambda a: P.ReduceProd()(a, (0, 1)), POS),
                  (lambda a: P.prod(a, 0), data))


def case_max_min_functional(ms):
    P = ms.ops
    x, i = _t(ms, X, I32)
    w = ms.Tensor(np.array([True, False, True, False]))
    return [P.max(x), P.max(x, 1), P.max(x, 0, True), P.max(x, 1, initial=0.5), P.max(x, 1, initial=0.0, where=w),
            P.min(x, 1), P.min(i, 0, keepdims=True), P.min(x, -1, initial=-0.1), P.max(ms.Tensor(np.float32(2.0))),
            P.amax(x), P.amax(x, 1, True), P.amax(x, (0, 1)), P.amax(i, 0), P.amin(x, -1), P.amin(x, 0, initial=-0.5),
            P.reduce_max(x, 1), P.reduce_min(x)]


def case_argmax_argmin(ms):
    P = ms.ops
    x, i = _t(ms, X3, I32)
    return [P.argmax(x), P.argmax(x, 1), P.argmax(x, -1, True), P.argmax(ms.Tensor(B), 1), P.argmin(x),
            P.argmin(x, 2), P.argmin(x, 0, True), P.argmin(i, 1), P.Argmax()(x), P.Argmax(0, ms.int64)(x),
            P.Argmin(1)(x), P.Argmin(output_type=ms.int64)(i), P.Argmax()(ms.Tensor(X16)),
            P.ArgMaxWithValue()(x), P.ArgMaxWithValue(2, True)(x), P.ArgMinWithValue(-1)(i),
            P.argmax(ms.Tensor(np.float32(1.0)))]


def case_prod_all_any(ms):
    P = ms.ops
    x, i, b = _t(ms, X, I32, B)
    return [P.prod(x), P.prod(x, 1), P.prod(x, 0, True), P.prod(i), P.prod(i, 1), P.prod(b, 1),
            P.prod(i, 1, dtype=ms.float32), P.prod(i, (0, 1)), P.prod(x, [1]), P.all(b), P.all(b, 1),
            P.all(x, 1), P.all(b, (0, 1), True), P.any(i), P.any(b, 0, True)]


def case_cumsum_cumprod(ms):
    P = ms.ops
    x, i = _t(ms, X, I32)
    return [P.cumsum(x, 0), P.cumsum(x, -1), P.cumsum(i, 1), P.cumsum(ms.Tensor(I32.astype(np.int8)), 0),
            P.cumsum(i, 0, dtype=ms.float32), P.CumSum()(x, 1), P.CumSum(exclusive=True)(x, 1),
            P.CumSum(reverse=True)(x, 0), P.CumSum(True, True)(i, 1), P.CumProd()(x, 1),
            P.CumProd(True, True)(x, 0), P.cumprod(x, 1),
            _grads(ms, (lambda a: P.cumsum(a, 1), X), (lambda a: P.CumSum(True, True)(a, 1), X),
                   (lambda a: P.cumprod(a, 0), X))]


def case_err_cumsum_bool(ms):
    return _raises(ms, lambda: ms.ops.cumsum(ms.Tensor(B), 0))


def case_std_var(ms):
    P = ms.ops
    x = ms.Tensor(X3)
    return [P.std(x), P.std(x, 1), P.std(x, (0, 2), ddof=1), P.std(x, -1, keepdims=True), P.var(x), P.var(x, 0, 1),
            P.var(x, 1, ddof=2), P.std(x, 2, ddof=3), P.var_mean(x, 1), P.std_mean(x, (1, 2), 1, True),
            _grads(ms, (lambda a: P.std(a, 1), X3), (lambda a: P.var(a, 0, 1), X3),
                   (lambda a: P.var(a, 1, ddof=2), X3))]


def case_norm(ms):
    P = ms.ops
    x, v = _t(ms, X, ROW)
    inf = float("inf")
    return [P.norm(x), P.norm(v), P.norm(x, "fro"), P.norm(x, dim=1), P.norm(x, 1, 1), P.norm(x, 3, 0),
            P.norm(v, inf), P.norm(v, -inf), P.norm(v, 0), P.norm(v, -1), P.norm(x, 2.5, 1, True), P.norm(x, 1),
            P.norm(x, -inf), P.norm(x, "nuc"), P.norm(x, 2), P.norm(x, -2), P.norm(x, keepdim=True),
            P.norm(x, inf, (1, 0), True)]


def case_norm_grads(ms):
    P = ms.ops
    inf = float("inf")
    ties = np.array([4.0, -4.0, 1.0, 0.0], np.float32)
    return _grads(ms, (P.norm, X), (lambda a: P.norm(a, 1, 1), X), (lambda a: P.norm(a, inf), ties),
                  (lambda a: P.norm(a, 3, 0), X), (lambda a: P.norm(a, dim=1), X), (lambda a: P.norm(a, -1), ROW),
                  (lambda a: P.norm(a, 1), ties), (lambda a: P.norm(a, 1), X), (lambda a: P.norm(a, "nuc"), X))


AXIS_ERRORS = {
    "reduce_max": lambda ms, x: ms.ops.ReduceMax()(x, 2), "reduce_min": lambda ms, x: ms.ops.ReduceMin()(x, -3),
    "reduce_prod": lambda ms, x: ms.ops.ReduceProd()(x, 2), "reduce_all": lambda ms, x: ms.ops.ReduceAll()(x > 0, 2),
    "reduce_any": lambda ms, x: ms.ops.ReduceAny()(x, (0, 5)), "argmax_prim": lambda ms, x: ms.ops.Argmax(2)(x),
    "argmax": lambda ms, x: ms.ops.argmax(x, 2), "argmin": lambda ms, x: ms.ops.argmin(x, -3),
    "argmax_with_value": lambda ms, x: ms.ops.ArgMaxWithValue(2)(x), "max": lambda ms, x: ms.ops.max(x, 2),
    "cumsum": lambda ms, x: ms.ops.cumsum(x, 2), "cumsum_prim": lambda ms, x: ms.ops.CumSum()(x, -3),
    "amax": lambda ms, x: ms.ops.amax(x, 3),
}


def _axis_error_case(fn):
    def case(ms):
        return _raises(ms, lambda: fn(ms, ms.Tensor(X)))
    return case


for _n, _fn in AXIS_ERRORS.items():
    globals()[f"case_err_axis_{_n}"] = _axis_error_case(_fn)


def case_err_argmax_bool(ms):
    return _raises(ms, lambda: ms.ops.Argmax()(ms.Tensor(B)))


def case_err_reduce_max_bool(ms):
    return _raises(ms, lambda: ms.ops.ReduceMax()(ms.Tensor(B)))


def case_err_norm_str_vector(ms):
    return _raises(ms, lambda: ms.ops.norm(ms.Tensor(ROW), "fro", 0))


# ---- promotion with Python scalars and mixed Tensors (the property tests' rules) ----------------------------------
def case_promotion_functional(ms):
    P = ms.ops
    i32, i64, f16, f32, b = _t(ms, I32, I64, X.astype(np.float16), X, B)
    u8 = ms.Tensor(I32.astype(np.uint8))
    i8 = ms.Tensor(I32.astype(np.int8))
    bf = ms.Tensor(Y, ms.bfloat16)
    outs = [P.add(i32, 1.5), P.mul(i32, 2), P.sub(i64, 1.5), P.add(f16, 2.5), P.add(f16, ms.Tensor(np.float32(0.25))),
            P.mul(u8, i8), P.add(u8, i64), P.add(b, f16), P.maximum(i32, i64), P.minimum(i32, f16),
            P.add(f16, bf), P.div(i32, 2), P.div(f16, 2), P.sub(i32, f32[:, :1]), P.mul(b, 1.5)]
    return [(str(o.dtype), o) for o in outs]


# ---- Tensor methods ------------------------------------------------------------------------------------------------
def case_methods_unary(ms):
    x, p, i = _t(ms, X, POS, I32)
    return [x.exp(), p.log(), p.sqrt(), p.rsqrt(), x.square(), x.sin(), x.tanh(), x.sigmoid(), x.erf(), x.floor(),
            x.round(), i.sign(), x.isnan(), x.isfinite(), x.neg(), i.square(), x.logical_not()]


def case_methods_binary(ms):
    x, y, i = _t(ms, X, Y, I32)
    return [x.maximum(y), i.maximum(2.5), x.minimum(0.0), x.equal(y), i.pow(2), x.pow(2.0), x.ne(y), x.gt(0),
            x.le(y), x.add(y), x.sub(1), x.mul(y), x.div(y), i.div(ms.Tensor(J32)), x.fmod(y), x.remainder(y),
            i.floor_divide(ms.Tensor(J32)), x.logical_and(y)]


def case_methods_max_min(ms):
    x, i = _t(ms, X, I32)
    return [x.max(), x.max(0), x.max(1, True), x.max(dim=0), x.max(axis=0), x.max(axis=1, keepdims=True),
            x.max(axis=(0, 1)), x.max((0, 1)), x.max(axis=0, initial=0.5), x.max(axis=0, return_indices=True),
            i.max(), i.max(0), x.min(), x.min(1), x.min(axis=0), x.min(dim=1, keepdim=True), i.min(axis=1),
            x.amax(), x.amax(1), x.amin(0, True)]


def case_methods_arg(ms):
    x, i = _t(ms, X, I32)
    return [x.argmax(), x.argmax(1), x.argmax(1, True), x.argmax(axis=1, keepdims=True), x.argmax(dim=0),
            i.argmax(), i.argmax(axis=0), x.argmin(), x.argmin(0), x.argmin(dim=0), x.argmin(axis=1, keepdims=True),
            i.argmin(1)]


def case_methods_reductions(ms):
    x, i, b = _t(ms, X, I32, B)
    return [x.prod(), x.prod(1), x.prod(1, True), i.prod(), b.prod(), i.prod(dtype=ms.float32),
            b.all(), b.all(1), x.all(), i.any(1), b.any(axis=0, keep_dims=True), b.all(dim=1, keepdim=True),
            x.std(), x.std(0), x.std(ddof=1), x.var(), x.var(1), x.var(1, 1, True), i.var(), x.norm(), x.norm(1),
            x.norm(dim=0),
            x.mean(), x.mean(0), x.mean(dim=1, keepdim=True), i.mean(), x.mean(axis=1, keep_dims=True)]


def case_methods_cumsum(ms):
    x, i, b = _t(ms, X, I32, B)
    return [x.cumsum(0), x.cumsum(), x.cumsum(dim=1), x.cumsum(axis=1), i.cumsum(1), b.cumsum(1),
            i.cumsum(0, dtype=ms.float32), x.cumprod(1)]


def case_methods_values(ms):
    x, i = _t(ms, X, I32)
    xv = x[0, 0]
    return [x.fill(2), i.fill(2.5), x.copy(), xv.item(), i[1, 1].item(), x[0:1, 0:1].item(), i.tolist(),
            ms.Tensor(B[0]).tolist(), x.clip(-0.5, 0.5), i.clip(1, 2), i.clip(2.5, 4), x.clip(None, 0.0)]


def case_err_item_many(ms):
    return _raises(ms, lambda: ms.Tensor(X).item())


def case_method_grads(ms):
    return _grads(ms, (lambda a: a.max(1)[0], TIES), (lambda a: a.max(), TIES), (lambda a: a.max(axis=1), TIES),
                  (lambda a: a.max(axis=(0, 1)), TIES), (lambda a: a.clip(0.0, 2.0), TIES), (lambda a: a.std(1), X),
                  (lambda a: a.prod(1), POS), (lambda a: a.norm(), X),
                  (lambda a, b: a.maximum(b), TIES, TIES[::-1].copy()),
                  (lambda a: a.cumsum(1), X), (lambda a: a.var(0), X))


def case_methods_functional(ms):
    """Tensor methods that are the functional op of the same name on the Tensor (MindSpore's system tests call
    them as methods)."""
    x, p, i = _t(ms, UNIT, POS, I32)
    sq = ms.Tensor(UNIT[:3, :3])
    return [sq.triu(1), sq.tril(-1), x.arctanh(), x.arcsin(), x.arccos(), x.arctan(), (p + 1).arccosh(),
            x.arcsinh(), x.hardshrink(0.3), x.positive(), x.swapdims(0, 1), x.subtract(p, alpha=2),
            ms.Tensor(ROW).diagflat(1), x.masked_select(x > 0), x.msort(), p.logit(0.1), sq.cross(sq, 1),
            x.cummax(0), i.cummin(1), i.invert(), x.softmax(1), x.unbind(1), x.multiply(p),
            x.select_scatter(ms.Tensor(ROW[:3]), 1, 2), x.gather_elements(1, ms.Tensor(np.array([[0], [3], [1]])))]
