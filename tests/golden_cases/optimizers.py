"""Golden cases for optimizers (``nn.SGD``, ``nn.Adam``, ...), learning-rate schedules and dynamic learning rates.

Each optimizer case builds the parameters of a small net (``Dense(4, 3)`` with numpy weights, plus a ``gamma``
Parameter, which default weight decay skips), applies 20 fixed gradient tuples eagerly and records every
Parameter of the optimizer (weights, state, ``global_step``, learning rate) and ``get_lr()`` after steps 1, 2,
5 and 20. Left out because MindSpore 2.10 cannot run them on CPU: ``nn.Lamb`` and gradient centralization of
gradients it changes (kernels ``Lamb`` and ``Centralization`` are GPU/Ascend only); ``tests/test_optimizers.py``
checks those against reference formulas instead. ``Momentum(use_nesterov=True)``, ``Adagrad(update_slots=False)``
and ``mint.optim`` are in ``optimizers_checked.py``.
"""
import importlib

import numpy as np

from ._helpers import deviates

RNG = np.random.RandomState(20)
W0 = RNG.randn(3, 4).astype(np.float32)
B0 = RNG.randn(3).astype(np.float32)
G0 = (1 + 0.1 * RNG.randn(3)).astype(np.float32)
GRADS = [(RNG.randn(3, 4).astype(np.float32), RNG.randn(3).astype(np.float32), RNG.randn(3).astype(np.float32))
         for _ in range(20)]
RECORD_AT = (1, 2, 5, 20)
LR_LIST = [0.1 * 0.9 ** i for i in range(20)]


def _params(ms):
    net = ms.nn.Dense(4, 3, weight_init=ms.Tensor(W0), bias_init=ms.Tensor(B0))
    return net.trainable_params() + [ms.Parameter(ms.Tensor(G0), name="gamma")]


def _copy(ms, value):
    if isinstance(value, tuple):
        return tuple(_copy(ms, v) for v in value)
    return ms.Tensor(value.asnumpy())


def _snapshot(ms, opt):
    state = {p.name: _copy(ms, p) for p in opt.get_parameters()}
    if hasattr(opt, "get_lr"):
        state["get_lr()"] = _copy(ms, opt.get_lr())
    return state


def _train(ms, make, grads=GRADS, steps=20):
    """``make(params)`` builds the optimizer; returns snapshots after the steps in ``RECORD_AT``."""
    opt = make(_params(ms))
    out = {"params": [p.name for p in opt.get_parameters()], "before": _snapshot(ms, opt)}
    for i in range(steps):
        result = opt(tuple(ms.Tensor(g) for g in grads[i]))
        if i == 0:
            out["returns"] = repr(result)
        if i + 1 in RECORD_AT:
            out[f"step{i + 1}"] = _snapshot(ms, opt)
    return out


def _groups(params, *groups):
    """Parameter groups: each of ``groups`` is ``(indices, options)``; ``("order", indices)`` adds order_params."""
    out = []
    for indices, options in groups:
        if indices == "order":
            out.append({"order_params": [params[i] for i in options]})
        else:
            out.append(dict(params=[params[i] for i in indices], **options))
    return out


OPTIMIZERS = {
    "sgd": lambda ms, p: ms.nn.SGD(p),
    "sgd_momentum": lambda ms, p: ms.nn.SGD(p, 0.05, momentum=0.9),
    "sgd_dampening_wd": lambda ms, p: ms.nn.SGD(p, 0.05, momentum=0.8, dampening=0.3, weight_decay=0.01),
    "sgd_nesterov_loss_scale": lambda ms, p: ms.nn.SGD(p, 0.05, momentum=0.9, nesterov=True, loss_scale=8.0),
    "momentum": lambda ms, p: ms.nn.Momentum(p, 0.1, 0.9),
    "momentum_loss_scale_wd": lambda ms, p: ms.nn.Momentum(p, 0.1, 0.9, weight_decay=0.05, loss_scale=128),
    "momentum_lr_tensor0": lambda ms, p: ms.nn.Momentum(p, ms.Tensor(np.array(0.05, np.float64)), 0.5),
    "momentum_int_lr": lambda ms, p: ms.nn.Momentum(p, 1, 0.5),
    "adam": lambda ms, p: ms.nn.Adam(p, 0.01),
    "adam_nesterov_wd": lambda ms, p: ms.nn.Adam(p, 0.01, use_nesterov=True, weight_decay=0.01),
    "adam_amsgrad": lambda ms, p: ms.nn.Adam(p, 0.02, beta1=0.8, beta2=0.9, eps=1e-6, use_amsgrad=True),
    "adam_lazy": lambda ms, p: ms.nn.Adam(p, 0.01, use_lazy=True),
    "adam_offload": lambda ms, p: ms.nn.Adam(p, 0.01, use_offload=True, loss_scale=4.0),
    "adam_weight_decay": lambda ms, p: ms.nn.AdamWeightDecay(p, 0.01, weight_decay=0.1),
    "adam_weight_decay_default": lambda ms, p: ms.nn.AdamWeightDecay(p),
    "rmsprop": lambda ms, p: ms.nn.RMSProp(p, 0.01),
    "rmsprop_momentum_wd": lambda ms, p: ms.nn.RMSProp(p, 0.01, decay=0.8, momentum=0.9, epsilon=1e-6,
                                                       weight_decay=0.01),
    "rmsprop_centered": lambda ms, p: ms.nn.RMSProp(p, 0.01, momentum=0.5, centered=True, epsilon=1e-4),
    "adagrad": lambda ms, p: ms.nn.Adagrad(p, learning_rate=0.1),
    "adagrad_accum_wd": lambda ms, p: ms.nn.Adagrad(p, accum=0.5, learning_rate=0.1, weight_decay=0.1),
    # dynamic learning rates
    "sgd_lr_list": lambda ms, p: ms.nn.SGD(p, LR_LIST, momentum=0.5),
    "momentum_lr_tensor1": lambda ms, p: ms.nn.Momentum(p, ms.Tensor(np.array(LR_LIST)), 0.9),
    "momentum_piecewise": lambda ms, p: ms.nn.Momentum(p, ms.nn.piecewise_constant_lr([3, 10, 20], [0.1, 0.05, 0.01]),
                                                       0.9),
    "momentum_cosine_schedule": lambda ms, p: ms.nn.Momentum(p, ms.nn.CosineDecayLR(0.01, 0.1, 10), 0.9),
    "adam_warmup_schedule": lambda ms, p: ms.nn.Adam(p, ms.nn.WarmUpLR(0.01, 5)),
    "adam_exponential_schedule": lambda ms, p: ms.nn.Adam(p, ms.nn.ExponentialDecayLR(0.01, 0.9, 4, True)),
    "rmsprop_polynomial_schedule": lambda ms, p: ms.nn.RMSProp(p, ms.nn.PolynomialDecayLR(0.01, 0.001, 8, 0.5)),
    "adagrad_inverse_schedule": lambda ms, p: ms.nn.Adagrad(p, learning_rate=ms.nn.InverseDecayLR(0.1, 0.5, 3)),
    "adamwd_natural_schedule": lambda ms, p: ms.nn.AdamWeightDecay(p, ms.nn.NaturalExpDecayLR(0.01, 0.1, 2), 0.1),
    "momentum_dynamic_weight_decay": lambda ms, p: ms.nn.Momentum(p, 0.1, 0.9, ms.nn.ExponentialDecayLR(0.1, 0.5, 3),
                                                                  loss_scale=2.0),
    "adamwd_dynamic_weight_decay": lambda ms, p: ms.nn.AdamWeightDecay(p, 0.01, weight_decay=ms.nn.WarmUpLR(0.1, 4)),
    # parameter groups
    "momentum_groups": lambda ms, p: ms.nn.Momentum(
        _groups(p, ([0], {"lr": 0.05, "weight_decay": 0.1}), ([1, 2], {})), 0.1, 0.9, weight_decay=0.01),
    "sgd_groups_order": lambda ms, p: ms.nn.SGD(
        _groups(p, ([2], {"lr": 0.2}), ([0, 1], {"weight_decay": 0.05}), ("order", [0, 1, 2])), 0.1, momentum=0.9),
    "adam_groups_dynamic": lambda ms, p: ms.nn.Adam(
        _groups(p, ([0], {"lr": LR_LIST}), ([1], {"lr": 0.02}), ([2], {})), 0.01),
    "adam_groups_schedule_lr": lambda ms, p: ms.nn.Adam(
        _groups(p, ([0, 2], {"lr": ms.nn.CosineDecayLR(0.001, 0.01, 6)}), ([1], {"weight_decay": 0.1})),
        ms.nn.WarmUpLR(0.01, 3)),
    "adamwd_groups": lambda ms, p: ms.nn.AdamWeightDecay(
        _groups(p, ([0, 1], {"weight_decay": 0.2}), ([2], {"lr": 0.05})), 0.01, weight_decay=0.0),
    "rmsprop_groups_dynamic_wd": lambda ms, p: ms.nn.RMSProp(
        _groups(p, ([0], {"weight_decay": ms.nn.WarmUpLR(0.1, 4)}), ([1, 2], {"weight_decay": 0.1})), 0.01),
}


def _optimizer_case(make):
    def case(ms):
        return _train(ms, lambda params: make(ms, params))
    return case


for _name, _make in OPTIMIZERS.items():
    globals()[f"case_{_name}"] = _optimizer_case(_make)


def case_sgd_lr_list_runs_out(ms):
    """A dynamic learning rate shorter than training: MindSpore's Gather raises at the first step past it."""
    opt = ms.nn.SGD(_params(ms), [0.1, 0.2])
    for i in range(2):
        opt(tuple(ms.Tensor(g) for g in GRADS[i]))
    return opt.get_lr()


def case_get_lr_parameter(ms):
    p = _params(ms)
    opt = ms.nn.Momentum(_groups(p, ([0], {"lr": 0.5}), ([1, 2], {})), 0.1, 0.9)
    dyn = ms.nn.Momentum(_groups(p, ([0], {"lr": [0.5, 0.4]}), ([1, 2], {})), 0.1, 0.9)
    return [repr(opt.get_lr_parameter(p[0])), repr(opt.get_lr_parameter([p[1], p[2]])),
            type(dyn.get_lr_parameter(p[0])).__name__, repr(dyn.get_lr_parameter(p[0]))]


def case_unnamed_parameters(ms):
    params = [ms.Parameter(ms.Tensor(W0)), ms.Parameter(ms.Tensor(B0))]
    opt = ms.nn.Adam(params, 0.01)
    opt(tuple(ms.Tensor(g) for g in GRADS[0][:2]))
    return {p.name: _copy(ms, p) for p in opt.get_parameters()}


def case_optimizer_attributes(ms):
    opt = ms.nn.Adam(_params(ms), 0.01, weight_decay=0.1, loss_scale=2.0)
    return {"decay_flags": list(opt.decay_flags), "exec_weight_decay": opt.exec_weight_decay,
            "weight_decay": opt.weight_decay, "get_weight_decay": opt.get_weight_decay(),
            "is_group": opt.is_group, "dynamic_lr": opt.dynamic_lr, "unique": opt.unique,
            "loss_scale": opt.loss_scale, "need_scale": opt.need_scale, "reciprocal_scale": opt.reciprocal_scale,
            "parameters": [p.name for p in opt.parameters], "learning_rate": repr(opt.learning_rate),
            "global_step": repr(opt.global_step), "init_args": sorted(opt.init_args)}


def case_base_optimizer_steps(ms):
    """The base class's helpers, as a user-defined optimizer calls them."""
    params = _params(ms)
    opt = ms.nn.Momentum(_groups(params, ([0], {"lr": [0.3, 0.2], "weight_decay": 0.5}), ([1, 2], {})), 0.1, 0.9,
                         loss_scale=4.0)
    grads = tuple(ms.Tensor(g) for g in GRADS[0])
    return {"decay_weight": opt.decay_weight(grads), "scale_grad": opt.scale_grad(grads),
            "gradients_centralization": opt.gradients_centralization(grads), "get_lr": opt.get_lr(),
            "flatten_gradients": opt.flatten_gradients(grads)}


# ---- learning-rate schedules --------------------------------------------------------------------------
SCHEDULES = {
    "exponential": lambda ms: ms.nn.ExponentialDecayLR(0.1, 0.9, 4),
    "exponential_stair": lambda ms: ms.nn.ExponentialDecayLR(0.1, 0.9, 4, is_stair=True),
    "natural_exp": lambda ms: ms.nn.NaturalExpDecayLR(0.1, 0.3, 4),
    "natural_exp_stair": lambda ms: ms.nn.NaturalExpDecayLR(0.1, 0.3, 4, True),
    "inverse": lambda ms: ms.nn.InverseDecayLR(0.1, 0.5, 3),
    "inverse_stair": lambda ms: ms.nn.InverseDecayLR(0.1, 0.5, 3, True),
    "cosine": lambda ms: ms.nn.CosineDecayLR(0.01, 0.1, 7),
    "polynomial": lambda ms: ms.nn.PolynomialDecayLR(0.1, 0.01, 6, 0.5),
    "polynomial_update": lambda ms: ms.nn.PolynomialDecayLR(0.1, 0.01, 4, 2.0, update_decay_steps=True),
    "warmup": lambda ms: ms.nn.WarmUpLR(0.1, 6),
}


def _schedule_case(make):
    def case(ms):
        sched = make(ms)
        steps = [sched(ms.Tensor(np.array([i], np.int32))) for i in range(12)]
        return {"steps": steps, "scalar_step": sched(ms.Tensor(np.array(5, np.int32))), "repr": repr(sched),
                "is_schedule": isinstance(sched, ms.nn.learning_rate_schedule.LearningRateSchedule)}
    return case


for _name, _make in SCHEDULES.items():
    globals()[f"case_schedule_{_name}"] = _schedule_case(_make)


DYNAMIC_LR = {
    "piecewise_constant": lambda ms: ms.nn.piecewise_constant_lr([2, 5, 10], [0.1, 0.05, 0.01]),
    "exponential": lambda ms: ms.nn.exponential_decay_lr(0.1, 0.9, 12, 2, 3),
    "exponential_stair": lambda ms: ms.nn.exponential_decay_lr(0.1, 0.9, 12, 2, 3, True),
    "natural_exp": lambda ms: ms.nn.natural_exp_decay_lr(0.1, 0.5, 12, 2, 2),
    "natural_exp_stair": lambda ms: ms.nn.natural_exp_decay_lr(0.1, 0.5, 12, 2, 2, True),
    "inverse": lambda ms: ms.nn.inverse_decay_lr(0.1, 0.5, 12, 2, 3),
    "inverse_stair": lambda ms: ms.nn.inverse_decay_lr(0.1, 0.5, 12, 2, 3, is_stair=True),
    "cosine": lambda ms: ms.nn.cosine_decay_lr(0.01, 0.1, 12, 2, 4),
    "polynomial": lambda ms: ms.nn.polynomial_decay_lr(0.1, 0.01, 12, 2, 4, 0.5),
    "polynomial_update": lambda ms: ms.nn.polynomial_decay_lr(0.1, 0.01, 12, 2, 2, 2.0, True),
    "warmup": lambda ms: ms.nn.warmup_lr(0.1, 12, 2, 3),
}


def _dynamic_case(make):
    def case(ms):
        return make(ms)
    return case


for _name, _make in DYNAMIC_LR.items():
    globals()[f"case_dynamic_lr_{_name}"] = _dynamic_case(_make)


# ---- errors ---------------------------------------------------------------------------------------------
def _bad_call(ms, grads):
    opt = ms.nn.Momentum(_params(ms), 0.1, 0.9)
    return opt(grads)


@deviates(
    "2.10 fails deep in graph compilation (HyperMap) on a gradient tuple of the wrong length; mindshim "
    "checks first",
    "ValueError",
    "For 'Momentum', the number of gradients must equal the number of parameters 3, but got 2.")
def case_err_grads_too_few(ms):
    return _bad_call(ms, tuple(ms.Tensor(g) for g in GRADS[0][:2]))


@deviates(
    "2.10 fails deep in graph compilation (HyperMap) on a gradient tuple of the wrong length; mindshim "
    "checks first",
    "ValueError",
    "For 'Momentum', the number of gradients must equal the number of parameters 3, but got 4.")
def case_err_grads_too_many(ms):
    return _bad_call(ms, tuple(ms.Tensor(g) for g in GRADS[0] + GRADS[1][:1]))


@deviates(
    "2.10 names the kernel's shapes for a wrong gradient shape; mindshim names the parameter",
    "ValueError",
    "For 'Momentum', the gradient of parameter 'bias' must have its shape (3,), but got (3, 3).")
def case_err_grad_shape(ms):
    return _bad_call(ms, (ms.Tensor(GRADS[0][0]), ms.Tensor(GRADS[0][0][:, :3]), ms.Tensor(GRADS[0][2])))


def case_err_param_twice(ms):
    p = _params(ms)
    return ms.nn.Momentum([p[0], p[1], p[0]], 0.1, 0.9)


def case_err_param_twice_adam(ms):
    p = _params(ms)
    return ms.nn.Adam([p[1], p[1]], 0.1)


def case_err_param_twice_groups(ms):
    p = _params(ms)
    return ms.nn.SGD(_groups(p, ([0, 1], {}), ([1, 2], {"lr": 0.1})))


CONSTRUCTOR_ERRORS = {
    "empty_params": lambda ms, p: ms.nn.Momentum([], 0.1, 0.9),
    "none_params": lambda ms, p: ms.nn.Momentum(None, 0.1, 0.9),
    "mixed_params": lambda ms, p: ms.nn.Momentum([p[0], {"params": [p[1]]}], 0.1, 0.9),
    "negative_lr": lambda ms, p: ms.nn.Momentum(p, -0.1, 0.9),
    "lr_2d": lambda ms, p: ms.nn.Momentum(p, ms.Tensor(np.ones((2, 2), np.float32)), 0.9),
    "lr_type": lambda ms, p: ms.nn.Momentum(p, None, 0.9),
    "negative_weight_decay": lambda ms, p: ms.nn.Momentum(p, 0.1, 0.9, weight_decay=-1.0),
    "weight_decay_type": lambda ms, p: ms.nn.Momentum(p, 0.1, 0.9, weight_decay="a"),
    "loss_scale_zero": lambda ms, p: ms.nn.Momentum(p, 0.1, 0.9, loss_scale=0.0),
    "loss_scale_type": lambda ms, p: ms.nn.Momentum(p, 0.1, 0.9, loss_scale="1"),
    "momentum_int": lambda ms, p: ms.nn.Momentum(p, 0.1, 1),
    "momentum_negative": lambda ms, p: ms.nn.Momentum(p, 0.1, -0.5),
    "nesterov_type": lambda ms, p: ms.nn.Momentum(p, 0.1, 0.9, use_nesterov=1),
    "group_bad_key": lambda ms, p: ms.nn.Momentum([{"params": p, "foo": 1}], 0.1, 0.9),
    "group_order_extra_key": lambda ms, p: ms.nn.Momentum([{"params": p}, {"order_params": p, "lr": 0.1}], 0.1, 0.9),
    "group_not_parameter": lambda ms, p: ms.nn.Momentum([{"params": [p[0], 3]}], 0.1, 0.9),
    "group_lr_sizes": lambda ms, p: ms.nn.Momentum(_groups(p, ([0], {"lr": [0.1, 0.2]}), ([1, 2], {})), [0.1, 0.2, 0.3],
                                                   0.9),
    "group_order_length": lambda ms, p: ms.nn.Momentum(_groups(p, ([0, 1, 2], {}), ("order", [0, 1])), 0.1, 0.9),
    "group_gc_type": lambda ms, p: ms.nn.Momentum([{"params": p, "grad_centralization": 1}], 0.1, 0.9),
    "adam_beta1": lambda ms, p: ms.nn.Adam(p, beta1=1.0),
    "adam_beta2_type": lambda ms, p: ms.nn.Adam(p, beta2=1),
    "adam_eps": lambda ms, p: ms.nn.Adam(p, eps=0.0),
    "adam_kwargs": lambda ms, p: ms.nn.Adam(p, foo=1),
    "adam_lazy_offload": lambda ms, p: ms.nn.Adam(p, use_lazy=True, use_offload=True),
    "adam_amsgrad_lazy": lambda ms, p: ms.nn.Adam(p, use_lazy=True, use_amsgrad=True),
    "adam_nesterov_type": lambda ms, p: ms.nn.Adam(p, use_nesterov=0),
    "adamwd_beta1": lambda ms, p: ms.nn.AdamWeightDecay(p, beta1=0.0),
    "sgd_nesterov": lambda ms, p: ms.nn.SGD(p, nesterov=True),
    "sgd_momentum_negative": lambda ms, p: ms.nn.SGD(p, momentum=-1.0),
    "sgd_momentum_type": lambda ms, p: ms.nn.SGD(p, momentum="0.9"),
    "sgd_dampening": lambda ms, p: ms.nn.SGD(p, dampening=-0.1),
    "sgd_dynamic_weight_decay": lambda ms, p: ms.nn.SGD(p, weight_decay=ms.nn.WarmUpLR(0.1, 2)),
    "rmsprop_centered_type": lambda ms, p: ms.nn.RMSProp(p, centered=1),
    "rmsprop_epsilon": lambda ms, p: ms.nn.RMSProp(p, epsilon=0.0),
    "rmsprop_decay": lambda ms, p: ms.nn.RMSProp(p, decay=-0.5),
    "rmsprop_momentum_type": lambda ms, p: ms.nn.RMSProp(p, momentum=1),
    "adagrad_accum": lambda ms, p: ms.nn.Adagrad(p, accum=-0.1),
    "adagrad_accum_type": lambda ms, p: ms.nn.Adagrad(p, accum=1),
    "adagrad_slots_type": lambda ms, p: ms.nn.Adagrad(p, update_slots=None),
    "lamb_beta2": lambda ms, p: ms.nn.Lamb(p, 0.1, beta2=1.5),
    "lamb_lr_missing": lambda ms, p: ms.nn.Lamb(p),
    # schedules and dynamic learning rates
    "exponential_decay_steps": lambda ms, p: ms.nn.ExponentialDecayLR(0.1, 0.9, 0),
    "exponential_lr_int": lambda ms, p: ms.nn.ExponentialDecayLR(1, 0.9, 2),
    "exponential_stair_type": lambda ms, p: ms.nn.ExponentialDecayLR(0.1, 0.9, 2, 1),
    "natural_exp_rate": lambda ms, p: ms.nn.NaturalExpDecayLR(0.1, -0.9, 2),
    "cosine_min_type": lambda ms, p: ms.nn.CosineDecayLR(0, 0.1, 2),
    "cosine_order": lambda ms, p: ms.nn.CosineDecayLR(0.2, 0.1, 2),
    "polynomial_end_type": lambda ms, p: ms.nn.PolynomialDecayLR(0.1, 0, 2, 1.0),
    "polynomial_power": lambda ms, p: ms.nn.PolynomialDecayLR(0.1, 0.01, 2, 0.0),
    "polynomial_lr": lambda ms, p: ms.nn.PolynomialDecayLR(-0.1, 0.01, 2, 1.0),
    "warmup_lr_type": lambda ms, p: ms.nn.WarmUpLR(1, 2),
    "warmup_steps": lambda ms, p: ms.nn.WarmUpLR(0.1, 0),
    "piecewise_sizes": lambda ms, p: ms.nn.piecewise_constant_lr([1, 2], [0.1]),
    "piecewise_order": lambda ms, p: ms.nn.piecewise_constant_lr([3, 2], [0.1, 0.2]),
    "piecewise_lr_type": lambda ms, p: ms.nn.piecewise_constant_lr([1, 2], [0.1, 1]),
    "piecewise_type": lambda ms, p: ms.nn.piecewise_constant_lr(3, [0.1]),
    "exponential_decay_lr_total": lambda ms, p: ms.nn.exponential_decay_lr(0.1, 0.9, 0, 1, 1),
    "exponential_decay_lr_rate": lambda ms, p: ms.nn.exponential_decay_lr(0.1, 1, 3, 1, 1),
    "cosine_decay_lr_min": lambda ms, p: ms.nn.cosine_decay_lr(1, 2.0, 3, 1, 1),
    "cosine_decay_lr_order": lambda ms, p: ms.nn.cosine_decay_lr(0.5, 0.1, 3, 1, 1),
    "polynomial_decay_lr_power": lambda ms, p: ms.nn.polynomial_decay_lr(0.1, 0.01, 3, 1, 1, -1.0),
    "polynomial_decay_lr_update": lambda ms, p: ms.nn.polynomial_decay_lr(0.1, 0.01, 3, 1, 1, 1.0, 1),
    "warmup_lr_epoch": lambda ms, p: ms.nn.warmup_lr(0.1, 3, 1, 0),
    "warmup_lr_negative": lambda ms, p: ms.nn.warmup_lr(-0.1, 3, 1, 1),
}


def _error_case(make):
    def case(ms):
        return make(ms, _params(ms))
    return case


for _name, _make in CONSTRUCTOR_ERRORS.items():
    globals()[f"case_err_{_name}"] = _error_case(_make)


# ---- mindspore.experimental.optim (PyTorch-style param_groups) ------------------------------------------
def _eo(ms):
    return importlib.import_module(ms.__name__ + ".experimental.optim")


def _mo(ms):
    return importlib.import_module(ms.__name__ + ".mint.optim")


EXPERIMENTAL = {
    "adamw": lambda ms, p: _eo(ms).AdamW(p, lr=0.01),
    "adamw_amsgrad_maximize": lambda ms, p: _eo(ms).AdamW(p, lr=0.01, betas=(0.8, 0.95), eps=1e-6, weight_decay=0.1,
                                                          amsgrad=True, maximize=True),
    "adamw_groups": lambda ms, p: _eo(ms).AdamW(
        [{"params": p[:1], "lr": 0.05, "weight_decay": 0.0}, {"params": p[1:], "betas": (0.5, 0.9)}], lr=0.01),
    "adamw_tensor_lr": lambda ms, p: _eo(ms).AdamW(p, lr=ms.Tensor(np.array(0.02, np.float64))),
    "adam": lambda ms, p: _eo(ms).Adam(p, lr=0.01),
    "adam_wd_maximize_amsgrad": lambda ms, p: _eo(ms).Adam(p, lr=0.01, weight_decay=0.1, maximize=True, amsgrad=True),
    "adam_groups": lambda ms, p: _eo(ms).Adam([{"params": p[:2], "lr": 0.02}, {"params": p[2:], "weight_decay": 0.2}],
                                              lr=0.01),
    "sgd": lambda ms, p: _eo(ms).SGD(p, lr=0.1),
    "sgd_momentum_wd": lambda ms, p: _eo(ms).SGD(p, lr=0.05, momentum=0.9, dampening=0.2, weight_decay=0.01),
    "sgd_nesterov_maximize": lambda ms, p: _eo(ms).SGD(p, lr=0.05, momentum=0.9, nesterov=True, maximize=True),
    "sgd_groups": lambda ms, p: _eo(ms).SGD([{"params": p[:1], "lr": 0.2, "momentum": 0.5}, {"params": p[1:]}],
                                            lr=0.05, momentum=0.9),
}


def _experimental_case(make):
    def case(ms):
        return _train(ms, lambda params: make(ms, params))
    return case


for _name, _make in EXPERIMENTAL.items():
    globals()[f"case_experimental_{_name}"] = _experimental_case(_make)


def case_experimental_param_groups(ms):
    p = _params(ms)
    opt = _eo(ms).AdamW([{"params": p[:1], "lr": 0.05}, {"params": p[1:], "amsgrad": True}], lr=0.01)
    groups = [{k: (repr(v) if k in ("params", "lr") else v) for k, v in g.items()} for g in opt.param_groups]
    return {"groups": groups, "repr": repr(opt), "str": str(opt), "lrs": [repr(x) for x in opt.lrs],
            "group_start_id": opt.group_start_id, "defaults": opt.defaults,
            "params": [x.name for x in opt.get_parameters()]}


def case_mint_construction(ms):
    """Construction of ``mint.optim`` (MindSpore 2.10 cannot step AdamW on CPU; ``optimizers_checked.py`` steps Adam
    and SGD in GRAPH_MODE). (Building a FusedAdamW over a group of several Parameters fails on CPU in 2.10.)"""
    mo = _mo(ms)
    out = {}
    for name, make in {"AdamW": lambda p: mo.AdamW(p), "Adam": lambda p: mo.Adam(p, amsgrad=True),
                       "SGD": lambda p: mo.SGD(p, 0.1, momentum=0.9)}.items():
        opt = make(_params(ms))
        out[name] = {"params": [x.name for x in opt.get_parameters()], "repr": repr(opt),
                     "state": {x.name: _copy(ms, x) for x in opt.get_parameters() if "." not in x.name
                               and x.name not in ("weight", "bias", "gamma")}}
    return out


TORCH_ERRORS = {
    "experimental_adamw_lr": lambda ms, p: _eo(ms).AdamW(p, lr=-0.1),
    "experimental_adamw_beta": lambda ms, p: _eo(ms).AdamW(p, betas=(1.0, 0.9)),
    "experimental_adamw_beta2": lambda ms, p: _eo(ms).AdamW(p, betas=(0.9, -0.1)),
    "experimental_adamw_eps": lambda ms, p: _eo(ms).AdamW(p, eps=-1.0),
    "experimental_adamw_wd": lambda ms, p: _eo(ms).AdamW(p, weight_decay=-1.0),
    "experimental_adam_group_lr": lambda ms, p: _eo(ms).Adam([{"params": p, "lr": -1.0}]),
    "experimental_adam_group_lr_type": lambda ms, p: _eo(ms).Adam([{"params": p, "lr": "a"}]),
    "experimental_adam_group_lr_1d": lambda ms, p: _eo(ms).Adam([{"params": p, "lr": ms.Tensor(np.ones(2))}]),
    "experimental_adam_group_wd": lambda ms, p: _eo(ms).Adam([{"params": p, "weight_decay": None}]),
    "experimental_overlap": lambda ms, p: _eo(ms).AdamW([{"params": p[:2]}, {"params": p[1:]}]),
    "experimental_set": lambda ms, p: _eo(ms).AdamW([{"params": set(p)}]),
    "experimental_not_dict": lambda ms, p: _eo(ms).AdamW([{"params": p[:1]}, p[1]]),
    "experimental_not_parameter": lambda ms, p: _eo(ms).AdamW([{"params": [p[0], 1.0]}]),
    "experimental_empty": lambda ms, p: _eo(ms).SGD([], lr=0.1),
    "experimental_sgd_lr_type": lambda ms, p: _eo(ms).SGD(p, lr="0.1"),
    "experimental_sgd_lr": lambda ms, p: _eo(ms).SGD(p, lr=-0.1),
    "experimental_sgd_momentum": lambda ms, p: _eo(ms).SGD(p, lr=0.1, momentum=-0.9),
    "experimental_sgd_nesterov": lambda ms, p: _eo(ms).SGD(p, lr=0.1, nesterov=True),
    "experimental_sgd_dampening_type": lambda ms, p: _eo(ms).SGD(p, lr=0.1, dampening="0"),
    "experimental_sgd_maximize_type": lambda ms, p: _eo(ms).SGD(p, lr=0.1, maximize=1),
    "mint_adamw_betas_size": lambda ms, p: _mo(ms).AdamW(p, betas=(0.9, 0.99, 0.9)),
    "mint_adamw_betas_type": lambda ms, p: _mo(ms).AdamW(p, betas=[0.9, 0.99]),
    "mint_adamw_lr_type": lambda ms, p: _mo(ms).AdamW(p, lr=1),
    "mint_adamw_lr": lambda ms, p: _mo(ms).AdamW(p, lr=-1.0),
    "mint_adam_wd_type": lambda ms, p: _mo(ms).Adam(p, weight_decay=0),
    "mint_adam_amsgrad_type": lambda ms, p: _mo(ms).Adam(p, amsgrad=0),
    "mint_sgd_lr_type": lambda ms, p: _mo(ms).SGD(p, lr="a"),
    "mint_sgd_momentum": lambda ms, p: _mo(ms).SGD(p, lr=0.1, momentum=-1),
    "mint_sgd_nesterov": lambda ms, p: _mo(ms).SGD(p, lr=0.1, nesterov=True),
    "mint_fused_mixed_amsgrad": lambda ms, p: _mo(ms).FusedAdamW([{"params": p[:1], "amsgrad": True},
                                                                  {"params": p[1:]}]),
}

for _name, _make in TORCH_ERRORS.items():
    globals()[f"case_err_{_name}"] = _error_case(_make)
