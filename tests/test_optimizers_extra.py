"""The less common optimizers (Adadelta, AdaMax, FTRL, ProximalAdagrad, Rprop, ASGD, LazyAdam, LARS) beyond the
goldens: compiled steps (``mindshim.jit``, ``jax.jit``, ``nn.TrainOneStepCell``) give the eager updates, bad
gradients change nothing, and what MindSpore 2.10 cannot run on CPU (``LARSUpdate``) or runs there with a kernel
that differs from the GPU/Ascend one (FTRL's ``l1``) against the kernels' formulas in numpy."""
import numpy as np
import pytest

import mindshim as ms
from mindshim import nn
from test_optimizers import (GRADS, INIT, SHAPES, _grads, _params, _state, assert_bad_gradients_change_nothing,
                             jax_jit_state, on_target)

OPTIMIZERS = {
    "adadelta": lambda p: nn.Adadelta([{"params": p[:1], "lr": [0.5, 0.4, 0.3, 0.2]}, {"params": p[1:]}],
                                      [1.0, 0.9, 0.8, 0.7], weight_decay=0.1, loss_scale=2.0),
    "adamax": lambda p: nn.AdaMax(p, nn.CosineDecayLR(0.01, 0.1, 3), weight_decay=nn.WarmUpLR(0.1, 2)),
    "ftrl": lambda p: nn.FTRL(p, learning_rate=0.1, l1=0.05, l2=0.01, lr_power=-0.3, weight_decay=0.01),
    "proximal_adagrad": lambda p: nn.ProximalAdagrad(p, learning_rate=0.1, l1=0.01, l2=0.02, loss_scale=4.0),
    "rprop": lambda p: nn.Rprop([{"params": p[:1], "lr": 0.02}, {"params": p[1:]}], [0.1, 0.2, 0.3, 0.4],
                                step_sizes=(0.01, 0.15)),
    "asgd": lambda p: nn.ASGD(p, nn.InverseDecayLR(0.1, 0.5, 2), lambd=0.01, t0=2.0, weight_decay=0.01),
    "lazy_adam": lambda p: nn.LazyAdam(p, 0.01, use_nesterov=True, weight_decay=0.1, loss_scale=2.0),
    "lars": lambda p: nn.LARS(nn.Momentum(p, 0.1, 0.9, weight_decay=0.01, loss_scale=2.0), coefficient=0.02),
    "lars_clip_groups": lambda p: nn.LARS(nn.Momentum([{"params": p[:1], "lr": 0.05, "weight_decay": 0.1},
                                                       {"params": p[1:]}], 0.1, 0.9), use_clip=True),
    "lars_dynamic_weight_decay": lambda p: nn.LARS(nn.Momentum(p, 0.1, 0.9, weight_decay=nn.WarmUpLR(0.1, 3)),
                                                   use_clip=True),
}


def _eager(name, steps=4):
    opt = OPTIMIZERS[name](_params())
    for step in range(steps):
        opt(_grads(step))
    return _state(opt)


def _assert_state(state, expected):
    assert state.keys() == expected.keys()
    for key, value in expected.items():
        assert state[key].dtype == value.dtype, key
        np.testing.assert_allclose(state[key], value, rtol=1e-5, atol=1e-6, err_msg=key)


@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
def test_mindshim_jit_step_matches_eager(name):
    opt = OPTIMIZERS[name](_params())
    step = ms.jit(lambda *grads: opt(grads))
    for i in range(4):
        step(*_grads(i))
    _assert_state(_state(opt), _eager(name))


@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
def test_jax_jit_step_matches_eager(name):
    """``optimizer(grads)`` traced by ``jax.jit`` (Parameters holding tracers) gives the eager updates."""
    _assert_state(jax_jit_state(OPTIMIZERS[name](_params())), _eager(name))


class _Net(nn.Cell):
    def __init__(self):
        super().__init__()
        self.weight = ms.Parameter(ms.Tensor(INIT["weight"]), name="weight")
        self.bias = ms.Parameter(ms.Tensor(INIT["bias"]), name="bias")
        self.gamma = ms.Parameter(ms.Tensor(INIT["gamma"]), name="gamma")

    def construct(self, x):
        y = ms.ops.matmul(x, self.weight.T) + self.bias
        return (y * y).sum() + (self.gamma * self.gamma * x.sum()).sum()


@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
def test_train_one_step_cell_matches_eager(name):
    rng = np.random.RandomState(7)
    xs = [ms.Tensor(rng.randn(5, 4).astype(np.float32)) for _ in range(3)]
    net = _Net()
    opt = OPTIMIZERS[name](net.trainable_params())
    step = nn.TrainOneStepCell(net, opt)
    for x in xs:
        step(x)
    eager_net = _Net()
    eager_opt = OPTIMIZERS[name](eager_net.trainable_params())
    grad_fn = ms.value_and_grad(eager_net, None, eager_opt.parameters)
    for x in xs:
        _, grads = grad_fn(x)
        eager_opt(tuple(grads))
    _assert_state(_state(opt), _state(eager_opt))


@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
def test_bad_gradients_raise_before_any_change(name):
    assert_bad_gradients_change_nothing(OPTIMIZERS[name](_params()))


@pytest.mark.parametrize("target", ["CPU", "GPU"])
def test_ftrl_l1_follows_the_kernel(target):
    """FTRL with ``l1``: ``sign(linear)`` on GPU/Ascend, as documented; 2.10's CPU kernel takes it as 1."""
    lr, l1, l2, power = 0.1, 0.05, 0.01, -0.3
    state = _state(_run(on_target(nn.FTRL(_params(), learning_rate=lr, l1=l1, l2=l2, lr_power=power), target), 4))
    sign = np.sign if target == "GPU" else np.ones_like
    for name in SHAPES:
        w, accum, linear = INIT[name].astype(np.float64), np.full(SHAPES[name], 0.1), np.zeros(SHAPES[name])
        for step in range(4):
            g = GRADS[step][name].astype(np.float64)
            new_accum = accum + g * g
            linear = linear + g - (new_accum ** -power - accum ** -power) / lr * w
            w = np.where(np.abs(linear) > l1, (sign(linear) * l1 - linear) / (new_accum ** -power / lr + 2 * l2), 0)
            accum = new_accum
        np.testing.assert_allclose(state[name], w, rtol=1e-4, atol=1e-6)
        np.testing.assert_allclose(state[f"linear.{name}"], linear, rtol=1e-4, atol=1e-6)


def _run(opt, steps, scale=1.0):
    for step in range(steps):
        opt(_grads(step, scale))
    return opt


@pytest.mark.parametrize("use_clip", [False, True])
def test_lars_matches_kernel_formula(use_clip):
    """LARS(Momentum) on loss-scaled gradients: ``LARSUpdate`` on the unscaled gradient for the filtered
    parameters (not 'bias'), weight decay for those Momentum decays (not 'gamma'), then Momentum without decay."""
    lr, momentum, wd, eps, coef, scale = 0.1, 0.9, 0.01, 1e-5, 0.02, 4.0
    inner = nn.Momentum(_params(), lr, momentum, weight_decay=wd, loss_scale=scale)
    lars = _run(nn.LARS(inner, epsilon=eps, coefficient=coef, use_clip=use_clip), 4, scale)
    state = _state(lars)
    assert state["global_step"].tolist() == [4]
    for name in SHAPES:
        w, accum = INIT[name].astype(np.float64), np.zeros(SHAPES[name])
        decay = wd if name != "gamma" else 0.0
        for step in range(4):
            g = GRADS[step][name].astype(np.float64)
            if name != "bias":
                w_norm, g_norm = np.linalg.norm(w), np.linalg.norm(g)
                coeff = coef * w_norm / (g_norm + decay * w_norm + eps)
                if use_clip:
                    coeff = np.clip(coeff / lr, 0, 1)
                g = coeff * (g + decay * w)
            accum = momentum * accum + g
            w = w - lr * accum
        np.testing.assert_allclose(state[name], w, rtol=1e-5, atol=1e-6, err_msg=name)


def test_lars_with_dynamic_weight_decay_advances_global_step_twice():
    """As in MindSpore: the wrapped optimizer advances ``global_step`` and so does LARS, whose optimizer had a
    dynamic weight decay (now turned off in it)."""
    lars = _run(nn.LARS(nn.Momentum(_params(), 0.1, 0.9, weight_decay=nn.WarmUpLR(0.1, 3))), 2)
    assert lars.global_step.asnumpy().tolist() == [4]


@pytest.mark.parametrize("name", ["rprop", "asgd"])
@pytest.mark.parametrize("dtype", [np.float16, np.float64])
def test_state_keeps_parameter_dtype(name, dtype):
    params = [ms.Parameter(ms.Tensor(INIT["weight"].astype(dtype)), name="w")]
    opt = OPTIMIZERS[name](params) if name == "asgd" else nn.Rprop(params, 0.1)
    for step in range(3):
        opt((ms.Tensor(GRADS[step]["weight"].astype(dtype)),))
    for p in opt.get_parameters():
        if p.name in ("w", "prev.w", "step_size.w", "ax_.w"):
            assert p.asnumpy().dtype == dtype, p.name
        elif p.name in ("mu_w", "eta_w"):
            assert p.asnumpy().dtype == np.float32, p.name
