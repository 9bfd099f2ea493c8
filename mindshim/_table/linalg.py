"""Op-table rows: MindSpore's linear-algebra primitives (see ``mindshim._registry``): factorizations (Cholesky, Qr,
Eig, LuUnpack, Orgqr), solves (MatrixSolve, MatrixTriangularSolve, CholeskySolve, LuSolve, Lstsq, MatrixSolveLs),
inverses and determinants, and the structured matrices (MatrixBandPart, Tril, DiagPart, TrilIndices/TriuIndices,
Ger, Cross, TridiagonalMatMul). All work on the last two axes, batched over the others. Values follow LAPACK's
conventions as MindSpore's CPU kernels do (the signs of Qr's factors).
"""
import jax
import jax.numpy as jnp
import jax.scipy.linalg as jsl
import numpy as np

from .._registry import REQUIRED, register
from ..common import dtype as mstype
from ..common._checks import check


def _adjoint(x):
    return jnp.conj(jnp.swapaxes(x, -1, -2))


@register("Cholesky", attrs=(("upper", False),))
def _cholesky(x, upper=False):
    """The lower factor ``L`` of ``x = L L^H`` (``upper``: ``U = L^H``, ``x = U^H U``)."""
    low = jnp.linalg.cholesky(x)
    check(low, lambda xp, v: (xp.any(xp.isnan(v)).reshape(1), lambda: RuntimeError(
        "Cholesky expects symmetric positive definite matrices as inputs."), ()))
    return _adjoint(low) if upper else low


@register("CholeskySolve", attrs=(("upper", False),))
def _cholesky_solve(b, factor, upper=False):
    """``X`` with ``A X = b`` where ``A = L L^H`` for the lower Cholesky factor ``factor`` (``upper``: ``U^H U``)."""
    return jsl.cho_solve((factor, not upper), b)


@register("MatrixInverse", attrs=(("adjoint", False),), functional=("inverse",), method=("inverse",))
def _matrix_inverse(x, adjoint=False):
    """The inverse of ``x`` (of its conjugate transpose if ``adjoint``)."""
    return jnp.linalg.inv(_adjoint(x) if adjoint else x)


register("MatrixDeterminant", functional=("det",), method=("det",))(jnp.linalg.det)
register("LogMatrixDeterminant", functional=("slogdet",), method=("slogdet",))(lambda x: tuple(jnp.linalg.slogdet(x)))


@register("MatrixSolve", attrs=(("adjoint", False),))
def _matrix_solve(matrix, rhs, adjoint=False):
    """``X`` with ``matrix X = rhs`` (``matrix^H`` if ``adjoint``)."""
    return jnp.linalg.solve(_adjoint(matrix) if adjoint else matrix, rhs)


@register("MatrixTriangularSolve", attrs=(("lower", True), ("adjoint", False)))
def _matrix_triangular_solve(matrix, rhs, lower=True, adjoint=False):
    """``X`` with ``matrix X = rhs`` for a lower (``lower``) or upper triangular ``matrix`` (``matrix^H`` if
    ``adjoint``)."""
    return jsl.solve_triangular(matrix, rhs, lower=lower, trans="C" if adjoint else 0)


@register("Qr", attrs=(("full_matrices", False),))
def _qr(x, full_matrices=False):
    """``(Q, R)`` with ``x = Q R`` (``full_matrices``: square ``Q``), LAPACK's signs."""
    return tuple(jnp.linalg.qr(x, mode="complete" if full_matrices else "reduced"))


@register("Eig", attrs=(("compute_v", False),))
def _eig(x, compute_v=False):
    """``(eigenvalues, eigenvectors)`` of a square ``x`` as complex numbers (``compute_v=False``: the
    eigenvectors are not computed, a complex 0 in their place)."""
    if compute_v:
        return tuple(jnp.linalg.eig(x))
    return jnp.linalg.eigvals(x), jnp.zeros((), jnp.complex64 if x.dtype in (jnp.float32, jnp.complex64)
                                           else jnp.complex128)


def _least_squares(a, b, l2):
    """``argmin_X ||a X - b||^2 + l2 ||X||^2`` (the normal equations where ``l2 > 0``)."""
    if isinstance(l2, (int, float)) and l2 == 0:
        return jnp.linalg.lstsq(a, b)[0]
    ah = _adjoint(a)
    eye = jnp.eye(a.shape[-1], dtype=a.dtype)
    return jnp.linalg.solve(ah @ a + jnp.asarray(l2, a.dtype) * eye, ah @ b)


@register("Lstsq", attrs=(("fast", True), ("l2_regularizer", 0.0)))
def _lstsq(x, a, fast=True, l2_regularizer=0.0):
    """The least-squares solution of ``x @ out = a`` (ridge with ``l2_regularizer``)."""
    return _least_squares(x, a, l2_regularizer)


@register("MatrixSolveLs", attrs=(("fast", True),))
def _matrix_solve_ls(matrix, rhs, l2, fast=True):
    """The least-squares solution of ``matrix @ out = rhs`` with the ridge term ``l2``."""
    return _least_squares(matrix, rhs, float(l2) if not isinstance(l2, jax.core.Tracer) else l2)


@register("LuSolve")
def _lu_solve(b, lu_data, lu_pivots):
    """``X`` with ``A X = b`` for ``A``'s packed LU factors and 1-based pivots (as ``torch.linalg.lu_factor``)."""
    return jsl.lu_solve((lu_data, (lu_pivots - 1).astype(jnp.int32)), b)


@register("LuUnpack", attrs=(("unpack_data", True), ("unpack_pivots", True)))
def _lu_unpack(lu_data, lu_pivots, unpack_data=True, unpack_pivots=True):
    """``(P, L, U)`` with ``A = P L U`` from packed LU factors and 1-based pivots."""
    m, n = lu_data.shape[-2:]
    k = min(m, n)
    perm = jax.lax.linalg.lu_pivots_to_permutation((lu_pivots - 1).astype(jnp.int32), m)
    p = jnp.swapaxes(jnp.eye(m, dtype=lu_data.dtype)[perm], -1, -2)
    low = jnp.tril(lu_data[..., :, :k], -1) + jnp.eye(m, k, dtype=lu_data.dtype)
    return p, low, jnp.triu(lu_data[..., :k, :])


@register("Orgqr")
def _orgqr(x, tau):
    """The ``Q`` of a QR factorization from its Householder reflectors (LAPACK's ``geqrf`` layout)."""
    return jax.lax.linalg.householder_product(x, tau)


def _check_matrix_logarithm(x):
    op = "MatrixLogarithm"
    if x.dtype not in (jnp.complex64, jnp.complex128):
        raise TypeError(f"For primitive[{op}], the input argument[x] must be a type of {{Tensor[Complex128], "
                        f"Tensor[Complex64]}}, but got Tensor[{mstype.to_mstype(x.dtype)}].")
    if x.ndim < 2:
        raise ValueError(f"For primitive[{op}], the x rank must be greater than or equal to 2, but got {x.ndim}.")
    if x.shape[-1] != x.shape[-2]:
        raise ValueError(f"For {op}, the last two dimensions of input 'x' must be equal, but got x.shape = "
                         f"{tuple(x.shape)}.")


@register("MatrixLogarithm", check=_check_matrix_logarithm)
def _matrix_logarithm(x):
    """The principal logarithm of each complex square matrix in the last two axes, from its eigendecomposition
    (``V diag(log w) V^-1``; JAX's ``eig`` runs on CPU only)."""
    w, v = jnp.linalg.eig(x)
    return (v * jnp.log(w)[..., None, :]) @ jnp.linalg.inv(v)


register("MatrixPower", attrs=(("n", REQUIRED),))(lambda x, n: jnp.linalg.matrix_power(x, n))


@register("MatrixBandPart")
def _matrix_band_part(x, lower, upper):
    """``x`` kept within ``lower`` diagonals below and ``upper`` above the main one (negative: all)."""
    m, n = x.shape[-2:]
    i, j = jnp.arange(m)[:, None], jnp.arange(n)[None, :]
    keep = ((lower < 0) | (i - j <= lower)) & ((upper < 0) | (j - i <= upper))
    return jnp.where(keep, x, jnp.zeros((), x.dtype))


register("Ger", functional=("ger",), inputs=("input", "vec2"))(jnp.outer)
register("Tril", attrs=(("diagonal", 0),))(lambda x, diagonal=0: jnp.tril(x, diagonal))
register("ConjugateTranspose")(lambda x, perm: jnp.conj(jnp.transpose(x, perm)))


@register("Cross", attrs=(("dim", -65530),))
def _cross(x1, x2, dim=-65530):
    """The cross product along ``dim`` (default: the first axis of size 3)."""
    if dim == -65530:
        dim = next(i for i, d in enumerate(np.broadcast_shapes(x1.shape, x2.shape)) if d == 3)
    return jnp.cross(x1, x2, axis=dim)


@register("DiagPart")
def _diag_part(x):
    """The diagonal of ``x`` of shape ``(d1, ..., dk, d1, ..., dk)``, of shape ``(d1, ..., dk)``."""
    half = x.shape[:x.ndim // 2]
    n = int(np.prod(half))
    return jnp.diagonal(x.reshape(n, n)).reshape(half)


def _tri_indices(tri):
    def impl(row, col, offset=0, dtype=mstype.int32):
        """The ``(2, N)`` row and column indices of the lower (upper) triangle of a ``row x col`` matrix."""
        return jnp.stack(tri(row, offset, col)).astype(mstype.to_mstype(dtype).np_dtype)
    return impl


_TRI_ATTRS = (("row", REQUIRED), ("col", REQUIRED), ("offset", 0), ("dtype", mstype.int32))
register("TrilIndices", attrs=_TRI_ATTRS)(_tri_indices(jnp.tril_indices))
register("TriuIndices", attrs=_TRI_ATTRS)(_tri_indices(jnp.triu_indices))


@register("TridiagonalMatMul")
def _tridiagonal_matmul(superdiag, maindiag, subdiag, rhs):
    """The tridiagonal matrix of the three diagonals (``(..., 1, M)``; ``superdiag``'s last and ``subdiag``'s first
    entries unused) times ``rhs`` (``(..., M, N)``)."""
    sup, main, sub = (jnp.swapaxes(d, -1, -2) for d in (superdiag, maindiag, subdiag))
    zero = jnp.zeros_like(rhs[..., :1, :])
    below = jnp.concatenate([rhs[..., 1:, :], zero], -2)
    above = jnp.concatenate([zero, rhs[..., :-1, :]], -2)
    return main * rhs + sup * below + sub * above


# ---- diagonals (TensorFlow's MatrixDiag*V3) ---------------------------------------------------------------------
def _band(k):
    k = [int(v) for v in np.asarray(k).reshape(-1)]
    return (k[0], k[0]) if len(k) == 1 else (k[0], k[1])


def _diag_layout(m, n, k, align):
    """For an ``m x n`` matrix and the diagonals ``k = (low, high)``: the longest diagonal's length, and for each
    diagonal ``d`` its length and the offset of its first element in its row of the packed form. ``align``'s first
    part places the superdiagonals, its second the subdiagonals (``RIGHT``: padding first)."""
    low, high = k
    lengths = {d: min(m + min(0, d), n - max(0, d)) for d in range(low, high + 1)}
    max_len = max(lengths.values())
    sup_left, sub_left = (part == "LEFT" for part in align.split("_"))
    offsets = {d: 0 if (d >= 0 and sup_left) or (d <= 0 and sub_left) else max_len - length
               for d, length in lengths.items()}
    return max_len, lengths, offsets


def _from_packed(diagonals, k, m, n, align, base):
    """The ``m x n`` matrices with the band ``k`` from the packed ``diagonals`` (without their diagonal axis when
    ``k`` names one diagonal) and elsewhere ``base``."""
    _, _, offsets = _diag_layout(m, n, k, align)
    i, j = np.meshgrid(np.arange(m), np.arange(n), indexing="ij")
    d = j - i
    inside = (d >= k[0]) & (d <= k[1])
    rows = np.where(inside, k[1] - d, 0)
    pos = np.where(inside, np.where(d >= 0, i, j) + np.vectorize(lambda v: offsets.get(v, 0))(d), 0)
    packed = diagonals[..., None, :] if k[0] == k[1] else diagonals
    return jnp.where(inside, packed[..., rows, pos], base)


@register("MatrixDiagV3", attrs=(("align", "RIGHT_LEFT"),))
def _matrix_diag_v3(x, k, num_rows, num_cols, padding_value, align="RIGHT_LEFT"):
    """Matrices with the packed diagonals ``x`` on the band ``k`` and ``padding_value`` elsewhere
    (``num_rows``/``num_cols`` -1: the smallest that fit, square if both are -1)."""
    k = _band(k)
    max_len = x.shape[-1]
    m, n = int(num_rows), int(num_cols)
    least_m, least_n = max_len - min(k[1], 0), max_len + max(k[0], 0)
    if m == n == -1:
        m = n = max(least_m, least_n)
    m, n = least_m if m == -1 else m, least_n if n == -1 else n
    return _from_packed(x, k, m, n, align, padding_value.astype(x.dtype))


@register("MatrixSetDiagV3", attrs=(("align", "RIGHT_LEFT"),))
def _matrix_set_diag_v3(x, diagonal, k, align="RIGHT_LEFT"):
    """``x`` with the band ``k`` replaced by the packed ``diagonal``."""
    return _from_packed(diagonal, _band(k), x.shape[-2], x.shape[-1], align, x)


@register("MatrixDiagPartV3", attrs=(("align", "RIGHT_LEFT"),))
def _matrix_diag_part_v3(x, k, padding_value, align="RIGHT_LEFT"):
    """The diagonals ``k`` of ``x`` packed row by row (from ``k[1]`` down), aligned by ``align`` and padded with
    ``padding_value``."""
    k = _band(k)
    m, n = x.shape[-2:]
    max_len, lengths, offsets = _diag_layout(m, n, k, align)
    rows = []
    for d in range(k[1], k[0] - 1, -1):
        j = np.arange(max_len) - offsets[d]
        valid = (j >= 0) & (j < lengths[d])
        i, jj = (j, j + d) if d >= 0 else (j - d, j)
        values = x[..., np.clip(i, 0, m - 1), np.clip(jj, 0, n - 1)]
        rows.append(jnp.where(valid, values, padding_value.astype(x.dtype)))
    out = jnp.stack(rows, -2)
    return out[..., 0, :] if k[0] == k[1] else out
