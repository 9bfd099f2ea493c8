"""The engine: state discovery and write-back, retrace on missed state, RNG under traces, jit, grad APIs."""
import sys

import jax
import numpy as np
import pytest

import mindshim as ms
from mindshim import nn, ops
from mindshim._engine import state as engine_state
from mindshim.common import seed


class Scale(nn.Cell):
    def __init__(self):
        super().__init__()
        self.w = ms.Parameter(ms.Tensor(np.array([1.0, 2.0], np.float32)), name="w")

    def construct(self, x):
        return (x * self.w).sum()


def test_value_and_grad_structures():
    net = Scale()
    x = ms.Tensor(np.array([3.0, 4.0], np.float32))
    y = ms.Tensor(np.array([1.0, 1.0], np.float32))

    def f(a, b):
        return net(a) + (b * b).sum()
    v, g = ms.value_and_grad(f)(x, y)
    np.testing.assert_allclose(g.asnumpy(), [1.0, 2.0])
    _, (ga, gb) = ms.value_and_grad(f, (0, 1))(x, y)
    np.testing.assert_allclose(gb.asnumpy(), [2.0, 2.0])
    _, gw = ms.value_and_grad(f, None, net.trainable_params())(x, y)
    assert isinstance(gw, tuple) and len(gw) == 1
    np.testing.assert_allclose(gw[0].asnumpy(), [3.0, 4.0])
    _, (gx, gw) = ms.value_and_grad(f, 0, net.trainable_params())(x, y)
    np.testing.assert_allclose(gx.asnumpy(), [1.0, 2.0])
    assert float(v.asnumpy()) == 13.0
    np.testing.assert_allclose(ms.grad(f, 1)(x, y).asnumpy(), [2.0, 2.0])


def test_has_aux_differentiates_the_first_output_only():
    net = Scale()
    x = ms.Tensor(np.array([3.0, 4.0], np.float32))

    def f(a):
        out = net(a)
        return out, out * 100
    (loss, aux), g = ms.value_and_grad(f, 0, has_aux=True)(x)
    assert float(aux.asnumpy()) == 1100.0
    np.testing.assert_allclose(g.asnumpy(), [1.0, 2.0])
    g2, (aux2,) = ms.grad(f, 0, has_aux=True)(x)
    np.testing.assert_allclose(g2.asnumpy(), [1.0, 2.0])
    with pytest.raises(ValueError, match="when 'has_aux' is True, the function must return a tuple"):
        ms.value_and_grad(lambda a: net(a), 0, has_aux=True)(x)


def test_grad_api_errors():
    with pytest.raises(ValueError, match="can not be None at the same time"):
        ms.value_and_grad(lambda x: x, None, None)
    with pytest.raises(TypeError, match="'grad_position' must be int, tuple of int or None"):
        ms.grad(lambda x: x, "0")
    with pytest.raises(ValueError, match="out of range"):
        ms.grad(lambda x: x.sum(), 3)(ms.Tensor(np.ones(2, np.float32)))


def test_state_missed_by_discovery_is_found_by_the_watch():
    hidden = {"cell": Scale()}  # reachable only through an object the discovery does not walk

    class Holder:
        pass
    holder = Holder()
    holder.net = hidden["cell"]

    @ms.jit
    def step(x):
        loss = holder.net(x)
        ops.assign(holder.net.w, holder.net.w * 2)
        return loss
    x = ms.Tensor(np.array([1.0, 1.0], np.float32))
    assert float(step(x).asnumpy()) == 3.0
    assert float(step(x).asnumpy()) == 6.0  # the write was not dropped, the read is not a stale constant
    np.testing.assert_allclose(holder.net.w.asnumpy(), [4.0, 8.0])
    assert step.compiled.traces == 2  # traced, then traced again with the Parameter it missed; then cached
    step(x)
    assert step.compiled.traces == 2
    assert not isinstance(holder.net.w._data, jax.core.Tracer)


def test_jit_traces_once_per_signature_and_writes_state_back():
    net = Scale()

    @ms.jit
    def step(x):
        loss = net(x)
        ops.assign_add(net.w, ms.Tensor(np.ones(2, np.float32)))
        return loss
    for _ in range(3):
        step(ms.Tensor(np.ones(2, np.float32)))
    assert step.compiled.traces == 1
    np.testing.assert_allclose(net.w.asnumpy(), [4.0, 5.0])
    step(ms.Tensor(np.ones((3, 2), np.float32)))
    assert step.compiled.traces == 2


def test_training_flag_changes_reach_compiled_calls():
    """The training flag is part of a compiled call's key, however it is changed (``set_train`` or assigning
    ``cell.training``); going back to a mode already compiled re-uses its program."""
    net = nn.Dropout(p=0.5)
    step = ms.jit(lambda x: net(x))
    x = ms.Tensor(np.ones(1000, np.float32))
    net.set_train(True)
    assert (step(x).asnumpy() == 0).any()
    net.training = False
    assert (step(x).asnumpy() == 1).all()
    net.set_train()
    assert (step(x).asnumpy() == 0).any()
    net.set_train(False)
    assert (step(x).asnumpy() == 1).all() and step.compiled.traces == 2


def test_tracer_never_leaks_into_a_parameter_after_a_failed_trace():
    net = Scale()

    @ms.jit
    def bad(x):
        ops.assign(net.w, net.w * 3)
        raise RuntimeError("boom")
    with pytest.raises(RuntimeError, match="boom"):
        bad(ms.Tensor(np.ones(2, np.float32)))
    np.testing.assert_allclose(net.w.asnumpy(), [1.0, 2.0])


class Noisy(nn.Cell):
    def __init__(self):
        super().__init__()
        self.w = ms.Parameter(ms.Tensor(np.ones(3, np.float32)), name="w")

    def construct(self, x):
        noise = ms.Tensor(jax.random.normal(seed.next_key(), (3,), np.float32))
        return (x * self.w + noise).sum()


def test_random_numbers_are_fresh_each_compiled_step_and_reproducible():
    net = Noisy()
    fvg = nn.ForwardValueAndGrad(net)
    x = ms.Tensor(np.zeros(3, np.float32))

    def run():
        ms.set_seed(7)
        return [float(fvg(x)[0].asnumpy()) for _ in range(3)]
    first = run()
    assert len(set(first)) == 3  # a fresh key each step, not one baked into the program
    assert run() == first  # set_seed reproduces the run
    assert fvg._grad.traces == 1

    @ms.jit
    def step(x):
        return net(x)
    ms.set_seed(7)
    jitted = [float(step(x).asnumpy()) for _ in range(3)]
    assert len(set(jitted)) == 3 and step.compiled.traces == 1
    assert not isinstance(seed.current_key(), jax.core.Tracer)


def test_tuples_of_tensors_are_traced_not_baked_in():
    net = Scale()

    @ms.jit
    def apply(grads, scale):
        for g in grads:
            ops.assign(net.w, net.w - g * scale)
        return grads[0] * 1

    g1 = (ms.Tensor(np.array([1.0, 1.0], np.float32)),)
    apply(g1, 0.5)
    out = apply((ms.Tensor(np.array([2.0, 2.0], np.float32)),), 0.5)
    np.testing.assert_allclose(net.w.asnumpy(), [-0.5, 0.5])
    np.testing.assert_allclose(out.asnumpy(), [2.0, 2.0])
    assert apply.compiled.traces == 1


def test_donation_threshold_matches_this_pythons_reference_counts():
    """``donatable`` donates a state buffer only when its Parameter alone holds it, judged by ``sys.getrefcount``;
    this pins the count it assumes, so a Python that counts differently fails here instead of donating (deleting)
    a buffer that a user's Tensor still holds."""
    p = ms.Parameter(ms.Tensor(np.ones(3, np.float32)), name="p")
    values = [p._value]
    assert max(map(sys.getrefcount, values)) == engine_state.DONATE_REFS
    assert engine_state.donatable(values)[0] is values[0]  # private: donated as it is
    kept = ms.Tensor(p)  # shares the buffer
    shared = engine_state.donatable(values)[0]
    assert shared is not values[0] and kept._data is values[0]  # copied first, the user's Tensor keeps its own


def test_random_ops_under_a_users_jax_jit_need_a_key():
    """Under the user's own ``jax.jit`` with no key, a random op has nowhere to keep its advanced key: a clear error,
    never a tracer left in the global key; with ``key=`` it draws from it."""
    net = nn.SequentialCell([nn.Dense(3, 3), nn.Dropout(p=0.5)]).set_train()
    params, apply = ms.functionalize(net)
    x = jax.numpy.ones((2, 3), jax.numpy.float32)
    with pytest.raises(RuntimeError, match="no key to draw from"):
        jax.jit(apply)(params, x)
    assert not isinstance(seed.current_key(), jax.core.Tracer)
    out = jax.jit(lambda p, k: apply(p, x, key=k))(params, jax.random.PRNGKey(0))
    assert out.shape == (2, 3)


def test_numpy_left_operand_inside_a_trace_gives_a_tensor():
    """Eagerly ``np.float32(2) * t`` is an ndarray (as MindSpore's PyNative; foundation goldens); inside a compiled
    function it is computed by jax.numpy on the traced value and gives a Tensor, and gradients go through it."""
    x = ms.Tensor(np.array([1.0, 4.0], np.float32))

    def f(t):
        return (np.float32(2) * t + np.sqrt(t)).sum()
    assert isinstance(np.float32(2) * x, np.ndarray)
    out = ms.jit(f)(x)
    assert isinstance(out, ms.Tensor) and np.isclose(out.asnumpy(), 13.0)
    np.testing.assert_allclose(ms.grad(ms.jit(f))(x).asnumpy(), [2.5, 2.25], rtol=1e-6)
