"""Eigen's ``JacobiSVD`` in numpy: the decomposition MindSpore's CPU ``Svd`` kernel returns for matrices of fewer
than 16 columns (its ``BDCSVD`` hands those to ``JacobiSVD``), so that mindshim's singular vectors have MindSpore's
signs. Eigen's steps, in the input's dtype: scale by the largest magnitude; a column-pivoting Householder QR to a
square triangular matrix (of the transpose where there are more columns than rows); two-sided Jacobi sweeps until
every off-diagonal entry is below ``2 eps`` of the largest diagonal one; signs moved from the diagonal into ``u``;
columns sorted by decreasing singular value.
"""
import numpy as np


def _householder_qr(a):
    """Eigen's ``ColPivHouseholderQR`` of ``a`` (rows >= cols): the square ``R``, the full ``Q`` and the column
    permutation as a matrix ``P`` (``a @ P = Q @ R``)."""
    a = a.copy()
    rows, cols = a.shape
    dt = a.dtype.type
    norms = np.sqrt((a * a).sum(0))
    direct = norms.copy()
    downdate = np.sqrt(dt(np.finfo(dt).eps))
    taus, perm = np.zeros(cols, dt), np.arange(cols)
    for k in range(cols):
        big = k + int(np.argmax(norms[k:]))
        for arr in (a.T, norms, direct, perm):
            arr[[k, big]] = arr[[big, k]]
        c0, tail = a[k, k], a[k + 1:, k]
        tail_sq = (tail * tail).sum(dtype=dt)
        if tail_sq <= np.finfo(dt).tiny:
            a[k + 1:, k] = 0
        else:
            beta = np.sqrt(c0 * c0 + tail_sq)
            beta = -beta if c0 >= 0 else beta
            a[k + 1:, k] = tail / (c0 - beta)
            a[k, k], taus[k] = beta, (beta - c0) / beta
        v = np.concatenate([np.ones(1, dt), a[k + 1:, k]])
        a[k:, k + 1:] -= taus[k] * np.outer(v, v @ a[k:, k + 1:])
        for j in range(k + 1, cols):
            if norms[j] != 0:
                t = abs(a[k, j]) / norms[j]
                t = max((1 + t) * (1 - t), dt(0))
                if t * (norms[j] / direct[j]) ** 2 <= downdate:
                    norms[j] = direct[j] = np.sqrt((a[k + 1:, j] ** 2).sum(dtype=dt))
                else:
                    norms[j] *= np.sqrt(t)
    q = np.eye(rows, dtype=dt)
    for k in reversed(range(cols)):
        v = np.concatenate([np.ones(1, dt), a[k + 1:, k]])
        q[k:] -= taus[k] * np.outer(v, v @ q[k:])
    p = np.zeros((cols, cols), dt)
    p[perm, np.arange(cols)] = 1
    return np.triu(a[:cols]), q, p


def _rotate(m, p, q, c, s, axis):
    """Eigen's ``applyOnTheLeft(p, q, J)`` (rows, ``axis=0``) or ``applyOnTheRight(p, q, J^T)`` (columns) of the
    rotation ``J = [[c, s], [-s, c]]``."""
    mp, mq = np.take(m, p, axis), np.take(m, q, axis)
    idx = (slice(None),) * axis
    m[idx + (p,)], m[idx + (q,)] = c * mp + s * mq, c * mq - s * mp


def _jacobi_2x2(w, p, q, tiny):
    """Eigen's ``real_2x2_jacobi_svd``: the left and right rotations ``(c, s)`` diagonalising rows/columns p, q."""
    m00, m01, m10, m11 = w[p, p], w[p, q], w[q, p], w[q, q]
    one, zero = w.dtype.type(1), w.dtype.type(0)
    d = m10 - m01
    if abs(d) < tiny:
        c1, s1 = one, zero
    else:
        u = (m00 + m11) / d
        c1, s1 = u / np.sqrt(1 + u * u), 1 / np.sqrt(1 + u * u)
    n00, n01, n11 = c1 * m00 + s1 * m10, c1 * m01 + s1 * m11, c1 * m11 - s1 * m01
    if 2 * abs(n01) < tiny:
        cr, sr = one, zero
    else:
        tau = (n00 - n11) / (2 * abs(n01))
        root = np.sqrt(tau * tau + 1)
        t = 1 / (tau + root) if tau > 0 else 1 / (tau - root)
        cr = 1 / np.sqrt(t * t + 1)
        sr = -np.sign(t) * np.sign(n01) * abs(t) * cr
    return (c1 * cr + s1 * sr, s1 * cr - c1 * sr), (cr, sr)


def jacobi_svd(x, full_matrices):
    """``(s, u, v)`` of one real matrix ``x`` (``x = u @ diag(s) @ v.T``) as Eigen's ``JacobiSVD`` computes them."""
    rows, cols = x.shape
    n = min(rows, cols)
    dt = x.dtype.type
    scale = np.abs(x).max() if x.size else dt(0)
    scaled = x / (scale if scale else dt(1))
    if rows > cols:
        w, u, v = _householder_qr(scaled)
        u = u if full_matrices else u[:, :n]
    elif cols > rows:
        r, v, u = _householder_qr(scaled.T)
        w, v = r.T.copy(), v if full_matrices else v[:, :n]
    else:
        w, u, v = scaled.copy(), np.eye(rows, dtype=dt), np.eye(cols, dtype=dt)
    tiny, precision = np.finfo(dt).tiny, dt(2 * np.finfo(dt).eps)
    biggest = np.abs(np.diag(w)).max(initial=0)
    finished = False
    while not finished:
        finished = True
        for p in range(1, n):
            for q in range(p):
                threshold = max(tiny, precision * biggest)
                if abs(w[p, q]) > threshold or abs(w[q, p]) > threshold:
                    finished = False
                    (cl, sl), (cr, sr) = _jacobi_2x2(w, p, q, tiny)
                    _rotate(w, p, q, cl, sl, 0)
                    _rotate(u, p, q, cl, sl, 1)
                    _rotate(w, p, q, cr, -sr, 1)
                    _rotate(v, p, q, cr, -sr, 1)
                    biggest = max(biggest, abs(w[p, p]), abs(w[q, q]))
    diag = np.diag(w)
    u[:, :n] *= np.where(diag < 0, dt(-1), dt(1))
    s = np.abs(diag) * (scale if scale else dt(1))
    for i in range(n):
        pos = i + int(np.argmax(s[i:]))
        if s[pos] == 0:
            break
        for arr in (s, u.T, v.T):
            arr[[i, pos]] = arr[[pos, i]]
    return s, u, v


def batched(x, full_matrices):
    """:func:`jacobi_svd` of each matrix in the last two axes of ``x``."""
    x = np.asarray(x)
    outs = [jacobi_svd(m, full_matrices) for m in x.reshape((-1,) + x.shape[-2:])]
    return tuple(np.stack(parts).reshape(x.shape[:-2] + parts[0].shape) for parts in zip(*outs))
