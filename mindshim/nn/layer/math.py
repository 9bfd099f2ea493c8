"""Math layers (``mindspore.nn.layer.math``): ReduceLogSumExp, MatMul, LGamma, DiGamma, LBeta, IGamma.

LGamma, DiGamma and LBeta compose MindSpore's Lanczos approximation (g = 7, 8 terms) from ops as MindSpore does, so
their values are MindSpore's (``lgamma(2)`` is ``-1.19e-07``, not 0).
"""
import math

import numpy as np

from ... import _checkparam as validator
from ... import ops
from ...common import dtype as mstype
from ..cell import Cell

__all__ = ["ReduceLogSumExp", "MatMul", "LGamma", "DiGamma", "LBeta", "IGamma"]

_LANCZOS_GAMMA = 7
_BASE_LANCZOS_COEFF = 0.9999999999998099
_LANCZOS_COEFFICIENTS = [676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406,
                         12.507343278686905, -0.13857109526572012, 9.984369578019572e-06, 1.5056327351493116e-07]
_GAMMA_PLUS_HALF = _LANCZOS_GAMMA + 0.5
_LOG_GAMMA_PLUS_HALF = math.log(_GAMMA_PLUS_HALF)


class ReduceLogSumExp(Cell):
    """``log(sum(exp(x - max), axis)) + max`` with ``max`` the maximum of the whole input (MindSpore's)."""

    def __init__(self, axis, keep_dims=False):
        super().__init__()
        validator.check_value_type("axis", axis, [int, list, tuple], "ReduceLogSumExp")
        validator.check_value_type("keep_dims", keep_dims, [bool], "ReduceLogSumExp")
        self.axis = axis
        self.sum = ops.ReduceSum(keep_dims)

    def construct(self, x):
        x_max = ops.ReduceMax()(x)
        return ops.log(self.sum(ops.exp(x - x_max), self.axis)) + x_max


class MatMul(Cell):
    """Broadcasting matrix product (``ops.matmul``) after transposing the last two axes of ``x1``/``x2`` on request;
    1-D operands take part as a row/column and their axis is removed."""

    def __init__(self, transpose_x1=False, transpose_x2=False):
        super().__init__()
        validator.check_value_type("transpose_x1", transpose_x1, [bool], "MatMul")
        validator.check_value_type("transpose_x2", transpose_x2, [bool], "MatMul")
        self.transpose_x1 = transpose_x1
        self.transpose_x2 = transpose_x2

    def construct(self, x1, x2):
        if self.transpose_x1 and x1.ndim > 1:
            x1 = ops.swapaxes(x1, -1, -2)
        if self.transpose_x2 and x2.ndim > 1:
            x2 = ops.swapaxes(x2, -1, -2)
        k1, k2 = x1.shape[-1], x2.shape[0] if x2.ndim == 1 else x2.shape[-2]
        if k1 != k2:
            raise ValueError(f"For 'MatMul', the input dimensions must be equal, but got 'x1_col': {k1} and "
                             f"'x2_row': {k2}.")
        return ops.matmul(x1, x2)


def _check_half_or_float(cls, x):
    if x.dtype not in (mstype.float16, mstype.float32):
        raise TypeError(f"For '{cls}', the 'x' should be one of [mindspore.float16, mindspore.float32], but got "
                        f"'mindspore.{str(x.dtype).lower()}'.")


def _lanczos_z(x):
    """``(reflect, z, t, log_t)``: ``z = -x`` where ``x < 0.5`` (reflected), else ``x - 1``."""
    reflect = x < 0.5
    z = ops.select(reflect, -x, x - 1)
    t = z + _GAMMA_PLUS_HALF
    log_t = ops.log1p(z / _GAMMA_PLUS_HALF) + _LOG_GAMMA_PLUS_HALF
    return reflect, z, t, log_t


class LGamma(Cell):
    """``log |Gamma(x)|`` (Float16/Float32); ``inf`` at the non-positive integers."""

    def construct(self, x):
        _check_half_or_float("LGamma", x)
        infinity = ops.fill(x.dtype, x.shape, np.inf)
        reflect, z, t, log_t = _lanczos_z(x)
        series = _BASE_LANCZOS_COEFF
        for i, c in enumerate(_LANCZOS_COEFFICIENTS):
            series = c / (z + i + 1) + series
        log_y = ops.log(series) + (z + 0.5 - t / log_t) * log_t + (math.log(2) + math.log(math.pi)) / 2
        abs_frac = ops.abs(x) - ops.floor(ops.abs(x))
        x = ops.select(x <= 0.0, ops.select(abs_frac == 0.0, infinity, x), x)
        reduced = ops.select(abs_frac > 0.5, 1 - abs_frac, abs_frac)
        denom = ops.log(ops.sin(math.pi * reduced))
        reflection = ops.select(ops.isfinite(denom), -denom - log_y + math.log(math.pi), -denom)
        return ops.select(ops.isfinite(x), ops.select(reflect, reflection, log_y), infinity)


class DiGamma(Cell):
    """``d/dx log Gamma(x)`` (Float16/Float32); NaN at the non-positive integers."""

    def construct(self, x):
        _check_half_or_float("DiGamma", x)
        reflect, z, t, log_t = _lanczos_z(x)
        num, denom = 0, _BASE_LANCZOS_COEFF
        for i, c in enumerate(_LANCZOS_COEFFICIENTS):
            j = z + i + 1
            num = num - c / (j * j)
            denom = denom + c / j
        y = log_t + num / denom - _LANCZOS_GAMMA / t
        reduced = x + ops.abs(ops.floor(x + 0.5))
        reflection = y - math.pi * ops.cos(math.pi * reduced) / ops.sin(math.pi * reduced)
        result = ops.select(reflect, reflection, y)
        nan = ops.fill(x.dtype, x.shape, np.nan)
        return ops.select(ops.logical_and(x < 0, x == ops.floor(x)), nan, result)


class IGamma(Cell):
    """The regularized lower incomplete gamma function ``P(a, x)`` of Float32 ``a`` and ``x`` (broadcast), by
    ``ops.igamma``. MindSpore's sums its own series in float32, so the last digits can differ (about 1e-6)."""

    def construct(self, a, x):
        for name, value in (("a", a), ("x", x)):
            if value.dtype != mstype.float32:
                raise TypeError(f"For 'IGamma', the '{name}' should be Float32, but got "
                                f"'mindspore.{str(value.dtype).lower()}'.")
        return ops.igamma(a, x)


_MINIMAX_COEFF = [-0.165322962780713e-02, 0.837308034031215e-03, -0.595202931351870e-03, 0.793650666825390e-03,
                  -0.277777777760991e-02, 0.833333333333333e-01]


def _log_gamma_correction(x):
    """The minimax correction of Stirling's series for ``log Gamma`` at large ``x``."""
    inverse = 1. / x
    inverse_sq = inverse * inverse
    accum = _MINIMAX_COEFF[0]
    for c in _MINIMAX_COEFF[1:]:
        accum = accum * inverse_sq + c
    return accum * inverse


class LBeta(Cell):
    """``log |Beta(x, y)|`` (Float16/Float32) as MindSpore computes it: LGamma sums below 8, Stirling-corrected
    forms when one or both arguments are 8 or more."""

    def __init__(self):
        super().__init__()
        self.lgamma = LGamma()

    def construct(self, x, y):
        _check_half_or_float("LBeta", x)
        if y.dtype != x.dtype:
            raise TypeError(f"For 'LBeta', the 'y' should be {x.dtype}, but got 'mindspore.{str(y.dtype).lower()}'.")
        x_plus_y = x + y
        x, y = ops.broadcast_to(x, x_plus_y.shape), ops.broadcast_to(y, x_plus_y.shape)
        less = x < y
        x_min, y_max = ops.select(less, x, y), ops.select(less, y, x)
        corr_x, corr_y = _log_gamma_correction(x_min), _log_gamma_correction(y_max)
        corr_xy = _log_gamma_correction(x_plus_y)
        two_large = (0.5 * math.log(2 * math.pi) - 0.5 * ops.log(y_max) + corr_x + corr_y - corr_xy
                     + (x_min - 0.5) * ops.log(x_min / (x_min + y_max)) - y_max * ops.log1p(x_min / y_max))
        cancelled_stirling = (-1 * (x_min + y_max - 0.5) * ops.log1p(x_min / y_max) - x_min * ops.log(y_max)
                              + x_min)
        one_large = self.lgamma(x_min) + (corr_y - corr_xy + cancelled_stirling)
        small = self.lgamma(x_min) + self.lgamma(y_max) - self.lgamma(x_min + y_max)
        return ops.select(x_min < 8, ops.select(y_max < 8, small, one_large), two_large)
