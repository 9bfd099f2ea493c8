"""Optimizers beyond the goldens: every optimizer's update is the same eager, under ``mindshim.jit``, under
``jax.jit`` and in a ``TrainOneStepCell``, and failed calls change nothing; what MindSpore 2.10 cannot run on CPU
(Lamb, gradient centralization of 2+-d gradients whose second dimension is a multiple of 16, ``mint.optim.AdamW``,
``LARSUpdate``) or runs there with kernels that differ from the GPU/Ascend ones (Momentum's Nesterov, Adagrad's
``update_slots=False``, FTRL's ``l1``: mindshim follows the kernel of the optimizer's ``target``) is checked against
the kernels' formulas in numpy."""
import jax
import numpy as np
import pytest

import mindshim as ms
from mindshim import _engine, nn
from mindshim.experimental import optim as eo
from mindshim.mint import optim as mo

RNG = np.random.RandomState(5)
SHAPES = {"weight": (3, 4), "bias": (3,), "gamma": (2, 16)}
INIT = {name: RNG.randn(*shape).astype(np.float32) for name, shape in SHAPES.items()}
GRADS = [{name: RNG.randn(*shape).astype(np.float32) for name, shape in SHAPES.items()} for _ in range(6)]


def _params():
    return [ms.Parameter(ms.Tensor(INIT[name]), name=name) for name in SHAPES]


def _grads(step, scale=1.0):
    return tuple(ms.Tensor(GRADS[step][name] * np.float32(scale)) for name in SHAPES)


def _state(opt):
    return {p.name: p.asnumpy() for p in opt.get_parameters()}


OPTIMIZERS = {
    "sgd": lambda p: nn.SGD(p, 0.1, momentum=0.9, nesterov=True, weight_decay=0.01),
    "momentum_groups": lambda p: nn.Momentum([{"params": p[:1], "lr": [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]},
                                              {"params": p[1:], "weight_decay": 0.1}], 0.1, 0.9),
    "momentum_schedule": lambda p: nn.Momentum(p, nn.CosineDecayLR(0.01, 0.1, 4), 0.9, loss_scale=4.0,
                                               weight_decay=nn.WarmUpLR(0.1, 3)),
    "adam": lambda p: nn.Adam(p, [0.01, 0.02, 0.03, 0.02, 0.01, 0.005], use_nesterov=True),
    "adam_amsgrad": lambda p: nn.Adam(p, 0.01, use_amsgrad=True, weight_decay=0.1),
    "adam_weight_decay": lambda p: nn.AdamWeightDecay(p, nn.ExponentialDecayLR(0.01, 0.9, 2), weight_decay=0.1),
    "adam_offload": lambda p: nn.AdamOffload(p, 0.01, use_nesterov=True),
    "rmsprop_centered": lambda p: nn.RMSProp(p, 0.01, momentum=0.9, centered=True),
    "adagrad": lambda p: nn.Adagrad(p, learning_rate=nn.PolynomialDecayLR(0.1, 0.01, 3, 2.0)),
    "lamb": lambda p: nn.Lamb(p, 0.01, weight_decay=0.1),
    "experimental_adamw": lambda p: eo.AdamW([{"params": p[:1], "amsgrad": True}, {"params": p[1:]}], lr=0.01),
    "experimental_adam": lambda p: eo.Adam(p, lr=0.01, weight_decay=0.1, maximize=True),
    "experimental_sgd": lambda p: eo.SGD(p, lr=0.1, momentum=0.9, weight_decay=0.1),
    "mint_adamw": lambda p: mo.AdamW(p, lr=0.01, amsgrad=True),
    "mint_adam": lambda p: mo.Adam(p, lr=0.01, weight_decay=0.1),
    "mint_sgd": lambda p: mo.SGD(p, lr=0.1, momentum=0.9, nesterov=True),
    "mint_fused_adamw": lambda p: mo.FusedAdamW(p, lr=0.01, amsgrad=True),
}
# The less common optimizers: their updates are also checked under mindshim.jit and in a TrainOneStepCell.
LESS_COMMON = {
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
ALL = {**OPTIMIZERS, **LESS_COMMON}


def assert_bad_gradients_change_nothing(opt):
    opt(_grads(0))
    before = _state(opt)
    good = _grads(1)
    bad = {"too few": good[:2], "too many": good + good[:1],
           "wrong shape": (good[0], ms.Tensor(np.zeros((4,), np.float32)), good[2]),
           "not a Tensor": (good[0], np.zeros((3,), np.float32), good[2])}
    for label, grads in bad.items():
        with pytest.raises((ValueError, TypeError)) as info:
            opt(grads)
        if label == "wrong shape":
            assert "'bias'" in str(info.value)
        after = _state(opt)
        for key, value in before.items():
            np.testing.assert_array_equal(after[key], value, err_msg=f"{label}: {key} changed")


@pytest.mark.parametrize("name", sorted(ALL))
def test_bad_gradients_raise_before_any_change(name):
    assert_bad_gradients_change_nothing(ALL[name](_params()))


def jax_jit_state(opt, steps=4):
    """``optimizer(grads)`` traced by ``jax.jit`` (Parameters holding tracers) for ``steps`` steps: the state after."""
    params = list(opt.get_parameters())

    @jax.jit
    def train_step(values, grads):
        _, new = _engine.call_with_params(lambda *g: opt(g), params, values, grads)
        return new

    values = [p._data for p in params]
    for step in range(steps):
        values = train_step(values, [g._data for g in _grads(step)])
    return {p.name: np.asarray(v) for p, v in zip(params, values)}


def _run(opt, steps, scale=1.0):
    for step in range(steps):
        opt(_grads(step, scale))
    return _state(opt)


def test_lamb_matches_kernel_formula():
    """MindSpore's GPU ``Lamb`` kernel: bias-corrected Adam step plus decay, scaled by ||w|| / ||update||."""
    params = _params()
    opt = nn.Lamb(params, 0.05, beta1=0.8, beta2=0.9, eps=1e-6, weight_decay=0.1)
    state = _run(opt, 5)
    for name in SHAPES:
        w, m, v = INIT[name].astype(np.float64), 0.0, 0.0
        decay = 0.0 if name == "gamma" else 0.1
        for t in range(1, 6):
            g = GRADS[t - 1][name]
            m, v = 0.8 * m + 0.2 * g, 0.9 * v + 0.1 * g * g
            update = (m / (1 - 0.8 ** t)) / (np.sqrt(v / (1 - 0.9 ** t)) + 1e-6) + decay * w
            w = w - np.linalg.norm(w) / np.linalg.norm(update) * 0.05 * update
        np.testing.assert_allclose(state[name], w, rtol=1e-5, atol=1e-6)
        np.testing.assert_allclose(state["lamb_m." + name], m, rtol=1e-5, atol=1e-6)
    assert state["global_step"].tolist() == [5]


def test_lamb_trust_ratio_is_one_for_zero_weights():
    param = ms.Parameter(ms.Tensor(np.zeros((2, 2), np.float32)), name="w")
    opt = nn.Lamb([param], 0.1)
    opt((ms.Tensor(np.ones((2, 2), np.float32)),))
    # m_hat = g, v_hat = g^2: update = 1 / (1 + eps), applied with ratio 1.
    np.testing.assert_allclose(param.asnumpy(), -0.1 / (1 + 1e-6), rtol=1e-6)


def on_target(opt, target):
    """``opt`` as if built with ``device_target=target`` (the kernels MindSpore would pick there)."""
    assert opt.target == "CPU"
    object.__setattr__(opt, "_target", target)
    return opt


@pytest.mark.parametrize("target", ["CPU", "GPU"])
def test_momentum_nesterov_formula(target):
    """GPU/Ascend: ``p -= lr * (g + momentum * v)``; MindSpore's CPU kernel ignores ``use_nesterov``."""
    state = _run(on_target(nn.Momentum(_params(), 0.1, 0.9, use_nesterov=True), target), 3)
    for name in SHAPES:
        w, v = INIT[name].astype(np.float64), 0.0
        for t in range(3):
            g = GRADS[t][name]
            v = 0.9 * v + g
            w = w - 0.1 * (g + 0.9 * v if target == "GPU" else v)
        np.testing.assert_allclose(state[name], w, rtol=1e-5, atol=1e-6)
        np.testing.assert_allclose(state["moments." + name], v, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("target", ["CPU", "GPU"])
def test_adagrad_without_update_slots(target):
    """GPU/Ascend: ``update_slots=False`` leaves ``accum`` as initialised; MindSpore's CPU kernel updates it."""
    state = _run(on_target(nn.Adagrad(_params(), accum=0.5, learning_rate=0.1, update_slots=False), target), 3)
    for name in SHAPES:
        w, accum = INIT[name].astype(np.float64), np.full(SHAPES[name], 0.5)
        for t in range(3):
            g = GRADS[t][name]
            if target == "CPU":
                accum = accum + g * g
            w = w - 0.1 * g / np.sqrt(accum)
        np.testing.assert_allclose(state["accum." + name], accum, rtol=1e-6)
        np.testing.assert_allclose(state[name], w, rtol=1e-5, atol=1e-6)


def test_gradient_centralization():
    """Groups with ``grad_centralization``: 2+-d gradients whose second dimension is a multiple of 16 lose their
    mean over all but the first axis; others are unchanged."""
    params = _params()
    opt = nn.SGD([{"params": params, "grad_centralization": True}], 0.1)
    opt(_grads(0))
    for name, param in zip(SHAPES, params):
        g = GRADS[0][name]
        if name == "gamma":
            g = g - g.mean(axis=1, keepdims=True)
        np.testing.assert_allclose(param.asnumpy(), INIT[name] - 0.1 * g, rtol=1e-6, atol=1e-7)


def _torch_adam(name, steps, lr, betas, eps, weight_decay, decoupled, amsgrad=False):
    w, m, v, vmax = INIT[name].astype(np.float64), 0.0, 0.0, 0.0
    for t in range(1, steps + 1):
        g = GRADS[t - 1][name].astype(np.float64)
        if decoupled:
            w = w * (1 - lr * weight_decay)
        else:
            g = g + weight_decay * w
        m = betas[0] * m + (1 - betas[0]) * g
        v = betas[1] * v + (1 - betas[1]) * g * g
        vmax = np.maximum(vmax, v)
        denom = np.sqrt(vmax if amsgrad else v) / np.sqrt(1 - betas[1] ** t) + eps
        w = w - lr / (1 - betas[0] ** t) * m / denom
    return w


@pytest.mark.parametrize("amsgrad", [False, True])
def test_mint_adamw_and_adam_follow_pytorch(amsgrad):
    """PyTorch's rules; ``mint.optim.Adam`` never updates ``max_exp_avg_sq`` (MindSpore 2.10), so its ``amsgrad``
    is plain Adam."""
    for cls, decoupled in ((mo.AdamW, True), (mo.FusedAdamW, True), (mo.Adam, False)):
        opt = cls(_params(), lr=0.02, betas=(0.8, 0.95), eps=1e-6, weight_decay=0.1, amsgrad=amsgrad)
        state = _run(opt, 4)
        for name in SHAPES:
            expected = _torch_adam(name, 4, 0.02, (0.8, 0.95), 1e-6, 0.1, decoupled, amsgrad and decoupled)
            np.testing.assert_allclose(state[name], expected, rtol=2e-5, atol=1e-6, err_msg=f"{cls.__name__} {name}")
        assert state["state_step"].tolist() == ([3.0] if cls is not mo.Adam else [4.0])


def test_mint_adamw_matches_experimental_adamw():
    ours = _run(mo.AdamW(_params(), lr=0.01, weight_decay=0.05), 5)
    reference = _run(eo.AdamW(_params(), lr=0.01, weight_decay=0.05), 5)
    for name in SHAPES:
        np.testing.assert_allclose(ours[name], reference[name], rtol=1e-6, atol=1e-7)


@pytest.mark.parametrize("nesterov,dampening", [(False, 0.3), (True, 0.0)])
def test_mint_sgd_follows_pytorch(nesterov, dampening):
    state = _run(mo.SGD(_params(), lr=0.1, momentum=0.9, dampening=dampening, weight_decay=0.01, nesterov=nesterov,
                        maximize=True), 4)
    for name in SHAPES:
        w, buf = INIT[name].astype(np.float64), None
        for t in range(4):
            g = -GRADS[t][name] + 0.01 * w
            buf = g if buf is None else 0.9 * buf + (1 - dampening) * g
            w = w - 0.1 * (g + 0.9 * buf if nesterov else buf)
        np.testing.assert_allclose(state[name], w, rtol=1e-5, atol=1e-6)
    assert state["step_t"].tolist() == 4


@pytest.mark.parametrize("dtype", [np.float64, np.float16])
def test_adam_keeps_parameter_dtype(dtype):
    param = ms.Parameter(ms.Tensor(INIT["weight"].astype(dtype)), name="w")
    opt = nn.Adam([param], 0.01, weight_decay=0.1)
    opt((ms.Tensor(GRADS[0]["weight"].astype(dtype)),))
    for p in opt.get_parameters():
        if p.name in ("w", "moment1.w", "moment2.w"):
            assert p.asnumpy().dtype == dtype, p.name
    assert opt.beta1_power.asnumpy().dtype == np.float32


def _eager(name, steps=4):
    opt = ALL[name](_params())
    for step in range(steps):
        opt(_grads(step))
    return _state(opt)


def _assert_state(state, expected):
    assert state.keys() == expected.keys()
    for key, value in expected.items():
        assert state[key].dtype == value.dtype, key
        np.testing.assert_allclose(state[key], value, rtol=1e-5, atol=1e-6, err_msg=key)


@pytest.mark.parametrize("name", sorted(LESS_COMMON))
def test_mindshim_jit_step_matches_eager(name):
    opt = LESS_COMMON[name](_params())
    step = ms.jit(lambda *grads: opt(grads))
    for i in range(4):
        step(*_grads(i))
    _assert_state(_state(opt), _eager(name))


@pytest.mark.parametrize("name", sorted(ALL))
def test_jax_jit_step_matches_eager(name):
    """``optimizer(grads)`` traced by ``jax.jit`` (Parameters holding tracers) gives the eager updates."""
    _assert_state(jax_jit_state(ALL[name](_params())), _eager(name))


class _Net(nn.Cell):
    def __init__(self):
        super().__init__()
        self.weight = ms.Parameter(ms.Tensor(INIT["weight"]), name="weight")
        self.bias = ms.Parameter(ms.Tensor(INIT["bias"]), name="bias")
        self.gamma = ms.Parameter(ms.Tensor(INIT["gamma"]), name="gamma")

    def construct(self, x):
        y = ms.ops.matmul(x, self.weight.T) + self.bias
        return (y * y).sum() + (self.gamma * self.gamma * x.sum()).sum()


@pytest.mark.parametrize("name", sorted(LESS_COMMON))
def test_train_one_step_cell_matches_eager(name):
    rng = np.random.RandomState(7)
    xs = [ms.Tensor(rng.randn(5, 4).astype(np.float32)) for _ in range(3)]
    net = _Net()
    opt = LESS_COMMON[name](net.trainable_params())
    step = nn.TrainOneStepCell(net, opt)
    for x in xs:
        step(x)
    eager_net = _Net()
    eager_opt = LESS_COMMON[name](eager_net.trainable_params())
    grad_fn = ms.value_and_grad(eager_net, None, eager_opt.parameters)
    for x in xs:
        _, grads = grad_fn(x)
        eager_opt(tuple(grads))
    _assert_state(_state(opt), _state(eager_opt))


@pytest.mark.parametrize("target", ["CPU", "GPU"])
def test_ftrl_l1_follows_the_kernel(target):
    """FTRL with ``l1``: ``sign(linear)`` on GPU/Ascend, as documented; 2.10's CPU kernel takes it as 1."""
    lr, l1, l2, power = 0.1, 0.05, 0.01, -0.3
    state = _state(_steps(on_target(nn.FTRL(_params(), learning_rate=lr, l1=l1, l2=l2, lr_power=power), target), 4))
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


def _steps(opt, steps, scale=1.0):
    for step in range(steps):
        opt(_grads(step, scale))
    return opt


@pytest.mark.parametrize("use_clip", [False, True])
def test_lars_matches_kernel_formula(use_clip):
    """LARS(Momentum) on loss-scaled gradients: ``LARSUpdate`` on the unscaled gradient for the filtered
    parameters (not 'bias'), weight decay for those Momentum decays (not 'gamma'), then Momentum without decay."""
    lr, momentum, wd, eps, coef, scale = 0.1, 0.9, 0.01, 1e-5, 0.02, 4.0
    inner = nn.Momentum(_params(), lr, momentum, weight_decay=wd, loss_scale=scale)
    lars = _steps(nn.LARS(inner, epsilon=eps, coefficient=coef, use_clip=use_clip), 4, scale)
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
    lars = _steps(nn.LARS(nn.Momentum(_params(), 0.1, 0.9, weight_decay=nn.WarmUpLR(0.1, 3))), 2)
    assert lars.global_step.asnumpy().tolist() == [4]


@pytest.mark.parametrize("name", ["rprop", "asgd"])
@pytest.mark.parametrize("dtype", [np.float16, np.float64])
def test_less_common_optimizers_keep_parameter_dtype(name, dtype):
    params = [ms.Parameter(ms.Tensor(INIT["weight"].astype(dtype)), name="w")]
    opt = LESS_COMMON[name](params) if name == "asgd" else nn.Rprop(params, 0.1)
    for step in range(3):
        opt((ms.Tensor(GRADS[step]["weight"].astype(dtype)),))
    for p in opt.get_parameters():
        if p.name in ("w", "prev.w", "step_size.w", "ax_.w"):
            assert p.asnumpy().dtype == dtype, p.name
        elif p.name in ("mu_w", "eta_w"):
            assert p.asnumpy().dtype == np.float32, p.name
