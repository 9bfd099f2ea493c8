"""Shared timing for the benchmarks: interleaved repetitions, medians, ratios against hand-written JAX."""
import functools
import statistics
import time

import jax
import optax


def per_call_us(fn, calls, block, clock=time.perf_counter):
    """Microseconds per call of ``fn()`` over ``calls`` calls, waiting for the last result."""
    start = clock()
    out = None
    for _ in range(calls):
        out = fn()
    block(out)
    return (clock() - start) / calls * 1e6


def compare(candidates, calls=200, repeats=25, warmup=20, clock=time.perf_counter):
    """Median µs/call of each ``name -> fn``; repetitions interleaved so machine noise hits all alike. ``clock``:
    ``time.process_time`` measures the CPU time of the whole process (all its threads) instead of wall time."""
    block = jax.block_until_ready
    for fn in candidates.values():
        for _ in range(warmup):
            block(_leaves(fn()))
    samples = {name: [] for name in candidates}
    for _ in range(repeats):
        for name, fn in candidates.items():
            samples[name].append(per_call_us(fn, calls, lambda out: block(_leaves(out)), clock))
    return {name: statistics.median(s) for name, s in samples.items()}


def host_us(fn, calls=50, repeats=9):
    """Median µs per call spent issuing ``fn()`` (not waiting for the device): with asynchronous dispatch, a step
    whose host time exceeds its device time is bound by Python and dispatch, not by the accelerator."""
    block = jax.block_until_ready
    samples = []
    for _ in range(repeats):
        block(_leaves(fn()))
        start = time.perf_counter()
        for _ in range(calls):
            out = fn()
        samples.append((time.perf_counter() - start) / calls * 1e6)
        block(_leaves(out))
    return statistics.median(samples)


def host_cpu_us(fn, calls=200):
    """CPU µs per call of ``fn()`` on the calling thread (``time.thread_time``): the host's work issuing it, which
    other processes on a busy machine inflate far less than wall time."""
    block = jax.block_until_ready
    block(_leaves(fn()))
    start = time.thread_time()
    for _ in range(calls):
        out = fn()
    elapsed = time.thread_time() - start
    block(_leaves(out))
    return elapsed / calls * 1e6


def _leaves(out):
    return [getattr(x, "_data", x) for x in jax.tree_util.tree_leaves(out, is_leaf=lambda t: hasattr(t, "_data"))]


def report(title, ours, theirs, target):
    ratio = ours / theirs
    flag = "ok" if ratio <= target else "ABOVE TARGET"
    print(f"{title}: mindshim {ours:.2f} us, jax {theirs:.2f} us, ratio {ratio:.2f} (target <= {target}) {flag}")
    return ratio


def optax_step(loss_fn, opt):
    """The hand-written JAX + optax step the benchmarks compare against: ``step(params, opt_state, *batch)`` ->
    ``(params, opt_state, loss)``, jitted, with the parameters and optimizer state donated."""
    @functools.partial(jax.jit, donate_argnums=(0, 1))
    def step(params, opt_state, *batch):
        loss, grads = jax.value_and_grad(loss_fn)(params, *batch)
        updates, opt_state = opt.update(grads, opt_state, params)
        return optax.apply_updates(params, updates), opt_state, loss
    return step
