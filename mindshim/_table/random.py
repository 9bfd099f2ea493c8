"""Op-table rows: MindSpore's random-sampling primitives (see ``mindshim._registry``).

Most draw their keys with :func:`mindshim.common.seed.next_key`, so they are reproducible after ``set_seed`` and
fresh on every call, eagerly and inside compiled calls; their ``seed``/``seed2`` attributes are accepted and do
not change the stream. ``randperm`` is the exception: MindSpore fixes it by its ``seed`` and ``offset``.
"""
import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

from .._registry import REQUIRED, register
from ..common import dtype as mstype
from ..common.seed import next_key
from ._checks import tname

_SEEDS = (("seed", 0), ("seed2", 0))


def _static_shape(op, shape):
    """A shape given as a tuple or an integer Tensor, as a tuple of ints."""
    if hasattr(shape, "shape") and jnp.issubdtype(shape.dtype, jnp.integer):
        shape = tuple(np.asarray(shape).tolist())
    if not isinstance(shape, tuple) or not all(isinstance(d, (int, np.integer)) for d in shape):
        raise TypeError(f"For '{op}', input must be a Int, a tuple, or a Tensor with all Int elements, but got: "
                        f"\n{shape}")
    if any(d < 0 for d in shape):
        raise ValueError(f"For primitive[{op}], the attribute[shape] should be a vector with all positive item. but "
                         f"got [{''.join(f'{d}, ' for d in shape)}].")
    return tuple(int(d) for d in shape)


@register("StandardNormal", attrs=_SEEDS)
def _standard_normal(shape, seed=0, seed2=0):
    """Float32 samples of N(0, 1)."""
    return jax.random.normal(next_key(), _static_shape("StandardNormal", shape), jnp.float32)


@register("StandardLaplace", attrs=_SEEDS)
def _standard_laplace(shape, seed=0, seed2=0):
    """Float32 samples of Laplace(0, 1)."""
    return jax.random.laplace(next_key(), _static_shape("StandardLaplace", shape), jnp.float32)


@register("UniformReal", attrs=_SEEDS)
def _uniform_real(shape, seed=0, seed2=0):
    """Float32 samples of U[0, 1)."""
    return jax.random.uniform(next_key(), _static_shape("UniformReal", shape), jnp.float32)


def _check_uniform_int(shape, minval, maxval, seed=0, seed2=0):
    for name, v in (("minval", minval), ("maxval", maxval)):
        if getattr(v, "dtype", None) != jnp.int32:
            raise TypeError(f"For primitive[UniformInt], the input argument[{name}] must be a type of "
                            f"{{Tensor[Int32]}}, but got {tname(v) if hasattr(v, 'dtype') else type(v).__name__}.")
    if not isinstance(minval, jax.core.Tracer) and not isinstance(maxval, jax.core.Tracer) and minval >= maxval:
        raise ValueError(f"For 'Random', invalid min/max values: ({int(minval)}/{int(maxval)})")


@register("UniformInt", attrs=_SEEDS, check=_check_uniform_int)
def _uniform_int(shape, minval, maxval, seed=0, seed2=0):
    """Int32 samples of the integers in ``[minval, maxval)``."""
    return jax.random.randint(next_key(), _static_shape("UniformInt", shape), minval, maxval, jnp.int32)


@register("RandomShuffle", attrs=_SEEDS)
def _random_shuffle(x, seed=0, seed2=0):
    """``x`` with its first axis randomly permuted."""
    return x if x.ndim == 0 else jax.random.permutation(next_key(), x, axis=0)


def _check_multinomial(x, num_samples, seed=0, seed2=0, dtype=mstype.int32):
    if x.ndim not in (1, 2):
        raise ValueError(f"For 'Multinomial', input[x] dimension must be 1 or 2, but got rank {x.ndim}.")


@register("Multinomial", attrs=_SEEDS + (("dtype", mstype.int32),), check=_check_multinomial)
def _multinomial(x, num_samples, seed=0, seed2=0, dtype=mstype.int32):
    """``num_samples`` class indices per row of the (unnormalized) probabilities ``x``, with replacement."""
    logits = jnp.log(x.astype(x.dtype if jnp.issubdtype(x.dtype, jnp.floating) else jnp.float32))
    draws = jax.random.categorical(next_key(), logits, axis=-1, shape=(int(num_samples),) + x.shape[:-1])
    return jnp.moveaxis(draws, 0, -1).astype(mstype.to_mstype(dtype).np_dtype)


@register("multinomial_without_replacement", primitive=False)
def _multinomial_without_replacement(x, num_samples):
    """MindSpore's sampling without replacement: the top ``num_samples`` of ``log(u) / (x + 1e-6)``, u ~ U[0, 1)
    (Int32 indices)."""
    u = jax.random.uniform(next_key(), x.shape, jnp.float32)
    _, idx = lax.top_k(jnp.log(u) / (x.astype(jnp.float32) + 1e-6), int(num_samples))
    return idx.astype(jnp.int32)


def _philox_uint32(seed, offset, n):
    """The first ``n`` words of MindSpore's ``MSPhiloxRandom(seed, offset)`` (Philox4x32-10: key ``seed``, the
    counter's high half ``offset``, its low half counting the blocks of four words)."""
    m32 = np.uint64(0xFFFFFFFF)
    block = np.arange((n + 3) // 4, dtype=np.uint64)
    c = [block & m32, block >> np.uint64(32), np.full_like(block, offset & 0xFFFFFFFF),
         np.full_like(block, (offset >> 32) & 0xFFFFFFFF)]
    k0, k1 = np.uint64(seed & 0xFFFFFFFF), np.uint64((seed >> 32) & 0xFFFFFFFF)
    for _ in range(10):
        p0, p1 = np.uint64(0xD2511F53) * c[0], np.uint64(0xCD9E8D57) * c[2]
        c = [(p1 >> np.uint64(32)) ^ c[1] ^ k0, p1 & m32, (p0 >> np.uint64(32)) ^ c[3] ^ k1, p0 & m32]
        k0, k1 = (k0 + np.uint64(0x9E3779B9)) & m32, (k1 + np.uint64(0xBB67AE85)) & m32
    return np.stack(c, 1).reshape(-1)[:n].astype(np.uint32)


def _check_multinomial_with_replacement(x, seed, offset, numsamples=REQUIRED, replacement=False):
    op = "MultinomialWithReplacement"
    if not isinstance(replacement, bool):
        raise TypeError(f"For '{op}', the type of 'replacement' should be 'bool', but got type "
                        f"'{type(replacement).__name__}'.")
    if not isinstance(numsamples, int) or isinstance(numsamples, bool):
        raise TypeError(f"For '{op}', the 'numsamples' must be int, but got '{type(numsamples).__name__}'")
    if numsamples < 0:
        raise ValueError(f"For '{op}', the 'numsamples' must be int and must >= 0, but got '{numsamples}' with type "
                         "'int'.")
    for name, v in (("seed", seed), ("offset", offset)):
        if not hasattr(v, "dtype"):
            if not isinstance(v, int):
                raise TypeError(f"For multinomial_with_replacement, the input[{name}] must be int, but got "
                                f"{type(v)}.")
        elif v.dtype != jnp.int64:
            raise TypeError(f"For primitive[{op}], the input argument[{name}_dtype] must be a type of "
                            f"{{Tensor[Int64]}}, but got {tname(v)}.")
    if str(mstype.to_mstype(x.dtype)) not in ("Float16", "Float32", "Float64"):
        raise TypeError(f"For primitive[{op}], the input argument[x_dtype] must be a type of {{Tensor[Float16], "
                        f"Tensor[Float32], Tensor[Float64]}}, but got {tname(x)}.")
    if x.ndim not in (1, 2):
        raise ValueError(f"For '{op}', 'x' must have a rank of 1 or 2, but got rank {x.ndim}.")
    if not replacement and numsamples > x.shape[-1]:
        raise ValueError(f"For '{op}', the value of numsamples must equal or less than x_shape[-1], but got "
                         f"{numsamples}.")
    if numsamples == 0:
        raise ValueError(f"For '{op}', 'numsamples' should be a nonnegative number, but got 0.")
    weights = np.asarray(x)
    if (weights < 0).any():
        raise ValueError(f"For '{op}' , each element of 'x' must be equal or greater than 0. ")
    if (weights.astype(np.float64).sum(-1) <= 0).any():
        raise ValueError(f"For '{op}' , the sum of each row of 'x' must be greater than 0. ")


@register("MultinomialWithReplacement", attrs=(("numsamples", REQUIRED), ("replacement", False)),
          check=_check_multinomial_with_replacement, functional=("multinomial_with_replacement",),
          inputs=("x", "seed", "offset", "numsamples", "replacement"))
def _multinomial_with_replacement(x, seed, offset, numsamples=REQUIRED, replacement=False):
    """``numsamples`` Int64 class indices per row of the weights ``x``, as MindSpore's CPU kernel draws them (on the
    host): one uniform per sample from the Philox stream of ``seed`` and ``offset`` (the global stream where both
    are 0), each picking the last class whose running total of the nonzero weights is the least one at or above
    ``u * total``; without replacement a drawn class's weight drops to 0, and the zero-weight classes come last."""
    seed, offset = int(np.asarray(seed)), int(np.asarray(offset))
    if seed == 0 and offset == 0:
        seed, offset = (int(v) for v in np.asarray(jax.random.bits(next_key(), (2,), jnp.uint64)))
    weights = np.asarray(x)
    rows = weights.reshape(-1, weights.shape[-1]).astype(np.float64)
    bits = _philox_uint32(seed % 2 ** 64, offset % 2 ** 64, rows.shape[0] * numsamples)
    uniform = (((bits & 0x7FFFFF) | (127 << 23)).view(np.float32) - np.float32(1)).astype(weights.dtype)
    uniform = uniform.astype(np.float64).reshape(rows.shape[0], numsamples)
    out = np.zeros(uniform.shape, np.int64)
    for i, w in enumerate(rows):
        zeros = np.flatnonzero(w == 0)
        for j in range(numsamples):
            if not replacement and j >= w.size - zeros.size:
                out[i, j] = zeros[j - w.size + zeros.size]
                continue
            cdf = np.where(w != 0, np.cumsum(w), 0.0)
            total = np.cumsum(w)[-1]
            least = np.min(cdf, where=cdf >= uniform[i, j] * total, initial=total)
            out[i, j] = np.flatnonzero(cdf == least)[-1]
            if not replacement:
                w[out[i, j]] = 0.0
    return jnp.asarray(out.reshape(weights.shape[:-1] + (numsamples,)))


@register("RandomGamma", attrs=_SEEDS)
def _random_gamma_row(shape, alpha, seed=0, seed2=0):
    """Samples of Gamma(``alpha``, 1) of shape ``shape + alpha.shape``."""
    shape = _static_shape("RandomGamma", shape) + alpha.shape
    return jax.random.gamma(next_key(), jnp.broadcast_to(alpha, shape), shape, alpha.dtype)


@register("RandomPoisson", attrs=_SEEDS + (("dtype", mstype.int64),))
def _random_poisson_row(shape, rate, seed=0, seed2=0, dtype=mstype.int64):
    """Samples of Poisson(``rate``) of shape ``shape + rate.shape`` in ``dtype``."""
    shape = _static_shape("RandomPoisson", shape) + rate.shape
    draws = jax.random.poisson(next_key(), jnp.broadcast_to(rate.astype(jnp.float32), shape), shape)
    return draws.astype(mstype.to_mstype(dtype).np_dtype)


@register("RandomCategorical", attrs=(("dtype", mstype.int64),))
def _random_categorical_row(logits, num_sample, seed=0, dtype=mstype.int64):
    """``num_sample`` class indices per row of the 2-D ``logits`` (the ``seed`` input does not change the
    stream)."""
    draws = jax.random.categorical(next_key(), logits, axis=-1, shape=(int(num_sample),) + logits.shape[:-1])
    return jnp.moveaxis(draws, 0, -1).astype(mstype.to_mstype(dtype).np_dtype)


@register("NonDeterministicInts", attrs=(("dtype", mstype.int64),))
def _non_deterministic_ints(shape, dtype=mstype.int64):
    """Uniform random integers over the whole range of ``dtype``."""
    np_dtype = mstype.to_mstype(dtype).np_dtype
    return jax.random.bits(next_key(), _static_shape("NonDeterministicInts", shape),
                           np.dtype(f"uint{np_dtype.itemsize * 8}")).view(np_dtype)


@register("LogNormalReverse", attrs=(("mean", 1.0), ("std", 2.0)))
def _log_normal_reverse(x, mean=1.0, std=2.0):
    """Samples of ``exp(N(mean, std))`` of ``x``'s shape and dtype (``x``'s values are not used)."""
    return jnp.exp(mean + std * jax.random.normal(next_key(), x.shape, jnp.float32)).astype(x.dtype)


@register("RandomChoiceWithMask", attrs=(("count", 256),) + _SEEDS)
def _random_choice_with_mask(x, count=256, seed=0, seed2=0):
    """``(indices, mask)``: ``count`` random positions of the True elements of the Bool ``x`` (Int32, padded with
    zeros beyond their number, which ``mask`` marks False)."""
    flat = x.reshape(-1)
    order = jax.random.permutation(next_key(), flat.size)
    ranked = order[jnp.argsort(~flat[order], stable=True)][:count]
    pad = max(count - flat.size, 0)
    mask = jnp.concatenate([flat[ranked], jnp.zeros((pad,), bool)])
    idx = jnp.stack(jnp.unravel_index(ranked, x.shape), -1).astype(jnp.int32)
    idx = jnp.concatenate([idx, jnp.zeros((pad, x.ndim), jnp.int32)])
    return jnp.where(mask[:, None], idx, 0), mask


@register("Bernoulli", attrs=(("seed", -1), ("offset", 0)))
def _bernoulli_row(x, p, seed=-1, offset=0):
    """1 with probability ``p`` (a Tensor broadcast to ``x``'s shape, or a float), else 0, in ``x``'s dtype."""
    return jax.random.bernoulli(next_key(), jnp.broadcast_to(jnp.asarray(p, jnp.float32), x.shape)).astype(x.dtype)


# ---- composites MindSpore builds from its random primitives (no Primitive class) ---------------------------------
def _bernoulli(input, p=0.5, seed=None):
    """1 with probability ``p`` (a float or a Tensor broadcast to ``input``), else 0, in ``input``'s dtype."""
    return jax.random.bernoulli(next_key(), p, jnp.shape(input)).astype(jnp.result_type(input))


def _laplace(shape, mean, lambda_param, seed=None):
    """Samples of Laplace(mean, lambda_param) of ``shape`` broadcast with the parameters."""
    shape = jnp.broadcast_shapes(_static_shape("laplace", tuple(shape)), jnp.shape(mean), jnp.shape(lambda_param))
    return (mean + lambda_param * _standard_laplace(shape)).astype(jnp.result_type(mean))


def _random_gamma(shape, alpha, seed=0):
    """Gamma(alpha) samples of shape ``shape + alpha.shape``."""
    shape = _static_shape("random_gamma", shape) + tuple(jnp.shape(alpha))
    return jax.random.gamma(next_key(), alpha, shape, jnp.result_type(alpha))


def _random_poisson(shape, rate, seed=0, dtype=mstype.float32):
    """Poisson(rate) samples of shape ``shape + rate.shape``, as ``dtype``."""
    shape = _static_shape("random_poisson", shape) + tuple(jnp.shape(rate))
    return jax.random.poisson(next_key(), rate, shape).astype(mstype.to_mstype(dtype).np_dtype)


def _gumbel_softmax(logits, tau=1.0, hard=False, dim=-1):
    """Softmax of ``(logits + Gumbel noise) / tau``; ``hard``: its one-hot argmax."""
    y = jax.nn.softmax((logits + jax.random.gumbel(next_key(), logits.shape, logits.dtype)) / tau, axis=dim)
    if hard:
        y = jax.nn.one_hot(jnp.argmax(y, axis=dim), y.shape[dim], axis=dim, dtype=y.dtype)
    return y


def _mt19937_below(bits, bound):
    """A uniform int in ``[0, bound)`` from the 32-bit stream ``bits``, as libstdc++'s (pre-GCC 11)
    ``uniform_int_distribution`` draws it: downscale by ``(2**32 - 1) // bound``, rejecting the remainder."""
    scaling = 0xFFFFFFFF // bound
    past = bound * scaling
    while (r := next(bits)) >= past:
        pass
    return r // scaling


def _randperm(n, seed=0, offset=0, dtype=mstype.int64):
    """A permutation of ``0 .. n-1`` fixed by ``seed`` and ``offset``, as MindSpore's CPU kernel makes it:
    ``std::shuffle`` driven by ``std::mt19937(offset or seed)``, so the same arguments give the same permutation
    whatever the global seed; ``seed=-1`` with ``offset=0`` draws from the global stream instead."""
    n, seed, offset = int(n), int(seed), int(offset)
    np_dtype = mstype.to_mstype(dtype).np_dtype
    if offset == 0 and seed == -1:
        return jax.random.permutation(next_key(), n).astype(np_dtype)
    key = [(offset or seed) & 0xFFFFFFFF]  # std::mt19937's integer seeding (init_genrand)
    for i in range(1, 624):
        key.append((1812433253 * (key[-1] ^ (key[-1] >> 30)) + i) & 0xFFFFFFFF)
    mt = np.random.MT19937()
    mt.state = {"bit_generator": "MT19937", "state": {"key": np.asarray(key, np.uint32), "pos": 624}}

    def draws():
        while True:
            yield from mt.random_raw(256).tolist()
    bits, perm = draws(), list(range(n))
    if n and 0xFFFFFFFF // n >= n:  # libstdc++ shuffles two positions per draw when n * n fits the generator
        i = 1
        if n % 2 == 0:
            j = _mt19937_below(bits, 2)
            perm[1], perm[j] = perm[j], perm[1]
            i = 2
        while i < n:
            x = _mt19937_below(bits, (i + 1) * (i + 2))
            for j in divmod(x, i + 2):
                perm[i], perm[j] = perm[j], perm[i]
                i += 1
    else:
        for i in range(1, n):
            j = _mt19937_below(bits, i + 1)
            perm[i], perm[j] = perm[j], perm[i]
    return jnp.asarray(np.asarray(perm, np_dtype))


def _rrelu(input, lower=1.0 / 8, upper=1.0 / 3):
    """Randomized leaky ReLU: each negative element times a slope drawn from U[lower, upper) (float32, then the
    input's dtype), positive ones kept, zeros zero."""
    for name, v in (("upper", upper), ("lower", lower)):
        if not isinstance(v, (float, int)):
            raise TypeError(f"For 'rrelu', '{name}' must be an int or a float, but got {type(v)}")
    if lower > upper:
        raise ValueError(f"For 'rrelu', the value of 'upper' must be greater than or equal to 'lower', but got upper: "
                         f"{upper}, lower: {lower}. ")
    if not isinstance(input, jax.Array):
        raise TypeError(f"For 'rrelu', the 'input' must be a Tensor but got {type(input)}.")
    slope = jax.random.uniform(next_key(), input.shape, jnp.float32, lower, upper).astype(input.dtype)
    return jnp.where(input < 0, input * slope, jnp.where(input > 0, input, jnp.zeros_like(input)))


_COMPOSITES = {  # name: (lowering, input names)
    "bernoulli": (_bernoulli, ("input", "p", "seed")),
    "laplace": (_laplace, ("shape", "mean", "lambda_param", "seed")),
    "random_gamma": (_random_gamma, ("shape", "alpha", "seed")),
    "random_poisson": (_random_poisson, ("shape", "rate", "seed", "dtype")),
    "random_categorical": (_random_categorical_row, ("logits", "num_sample", "seed", "dtype")),
    "gumbel_softmax": (_gumbel_softmax, ("logits", "tau", "hard", "dim")),
    "randperm": (_randperm, ("n", "seed", "offset", "dtype")),
    "rrelu": (_rrelu, ("input", "lower", "upper")),
}
for _name, (_fn, _inputs) in _COMPOSITES.items():
    register(_name, functional=(_name,), inputs=_inputs, primitive=False)(_fn)


def _choice_with_mask(input_x, count=256, seed=0, seed2=0):
    """``count`` random coordinates (Int32) of the True elements of ``input_x``, padded with zeros, and a mask of
    which are real (computed on the host: the number of True elements depends on the values)."""
    positions = np.argwhere(np.asarray(input_x))
    order = np.asarray(jax.random.permutation(next_key(), len(positions)))[:count]
    picked = np.zeros((count, input_x.ndim), np.int32)
    picked[:len(order)] = positions[order]
    mask = np.arange(count) < len(order)
    return jnp.asarray(picked), jnp.asarray(mask)


def _uniform_candidate_sampler(true_classes, num_true=REQUIRED, num_sampled=REQUIRED, unique=REQUIRED,
                               range_max=REQUIRED, seed=0, remove_accidental_hits=False):
    """``num_sampled`` classes drawn uniformly from ``[0, range_max)`` (without repeats if ``unique``), with the
    expected counts of the true and the sampled classes."""
    key = next_key()
    if unique:
        sampled = jax.random.permutation(key, range_max)[:num_sampled]
        expected = -jnp.expm1(num_sampled * jnp.log1p(-1.0 / range_max))
    else:
        sampled = jax.random.randint(key, (num_sampled,), 0, range_max)
        expected = jnp.asarray(num_sampled / range_max)
    expected = expected.astype(jnp.float32)
    return (sampled.astype(true_classes.dtype), jnp.full(true_classes.shape, expected),
            jnp.full((num_sampled,), expected))


register("choice_with_mask", functional=("choice_with_mask",), inputs=("input_x", "count", "seed", "seed2"),
         primitive=False)(_choice_with_mask)
register("UniformCandidateSampler", attrs=(("num_true", REQUIRED), ("num_sampled", REQUIRED), ("unique", REQUIRED),
                                          ("range_max", REQUIRED), ("seed", 0), ("remove_accidental_hits", False)),
         functional=("uniform_candidate_sampler",),
         inputs=("true_classes", "num_true", "num_sampled", "unique", "range_max", "seed", "remove_accidental_hits"))(
    _uniform_candidate_sampler)
