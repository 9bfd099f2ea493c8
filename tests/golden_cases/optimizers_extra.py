"""Golden cases for the less common optimizers: ``nn.Adadelta``, ``AdaFactor``, ``AdaMax``, ``FTRL``,
``ProximalAdagrad``, ``Rprop``, ``ASGD``, ``LazyAdam`` and the ``LARS`` wrapper.

Same style as ``optimizers.py`` (whose net, gradients and recording helpers are reused): 20 fixed gradient tuples
applied eagerly, every Parameter of the optimizer recorded after steps 1, 2, 5 and 20. ``LARS`` cannot step on
MindSpore 2.10's CPU (its ``LARSUpdate`` kernel is GPU/Ascend only), so only its construction and errors are recorded
here (``optimizers_checked.py`` steps it with a ``lars_filter`` that selects nothing); ``FTRL`` with ``l1 > 0`` is in
``optimizers_checked.py``. ``tests/test_optimizers.py`` checks LARSUpdate against the kernel's formula.
"""
import numpy as np

from .optimizers import GRADS, LR_LIST, _copy, _error_case, _groups, _optimizer_case, _params

LR_LIST = LR_LIST + [0.01]  # long enough for get_lr() after the 20th step

OPTIMIZERS = {
    "adadelta": lambda ms, p: ms.nn.Adadelta(p),
    "adadelta_options": lambda ms, p: ms.nn.Adadelta(p, 0.5, rho=0.5, epsilon=1e-4, weight_decay=0.01,
                                                     loss_scale=4.0),
    "adadelta_rho_bounds": lambda ms, p: ms.nn.Adadelta(p, 0.5, rho=1.0, epsilon=0.0),
    "adadelta_lr_list": lambda ms, p: ms.nn.Adadelta(p, LR_LIST),
    "adadelta_groups": lambda ms, p: ms.nn.Adadelta(
        _groups(p, ([0], {"lr": 0.5, "weight_decay": 0.1}), ([1, 2], {})), 1.0, rho=0.8),
    "adafactor": lambda ms, p: ms.nn.AdaFactor(p),
    "adafactor_manual_lr": lambda ms, p: ms.nn.AdaFactor(p, 0.05, relative_step=False, weight_decay=0.1),
    "adafactor_options": lambda ms, p: ms.nn.AdaFactor(p, 0.02, eps=(1e-20, 1e-2), clip_threshold=0.5, decay_rate=0.5,
                                                       beta1=None, scale_parameter=False, relative_step=False),
    "adafactor_warmup": lambda ms, p: ms.nn.AdaFactor(p, warmup_init=True, beta1=0.5),
    "adafactor_groups": lambda ms, p: ms.nn.AdaFactor(_groups(p, ([0], {}), ([1, 2], {})), 0.1, relative_step=False),
    "adamax": lambda ms, p: ms.nn.AdaMax(p, 0.01),
    "adamax_options": lambda ms, p: ms.nn.AdaMax(p, 0.02, beta1=0.8, beta2=0.9, eps=1e-4, weight_decay=0.01,
                                                 loss_scale=8.0),
    "adamax_schedule_dynamic_wd": lambda ms, p: ms.nn.AdaMax(p, ms.nn.ExponentialDecayLR(0.01, 0.9, 4),
                                                             weight_decay=ms.nn.WarmUpLR(0.1, 4)),
    "adamax_groups": lambda ms, p: ms.nn.AdaMax(_groups(p, ([0], {"lr": LR_LIST}), ([1], {"lr": 0.02}), ([2], {})),
                                                0.01),
    "ftrl": lambda ms, p: ms.nn.FTRL(p, learning_rate=0.1),
    "ftrl_options": lambda ms, p: ms.nn.FTRL(p, initial_accum=0.5, learning_rate=0.1, lr_power=-0.3, l2=0.02,
                                             weight_decay=0.01, loss_scale=2.0),
    "ftrl_fixed_lr": lambda ms, p: ms.nn.FTRL(p, learning_rate=0.05, lr_power=0.0, l2=0.1),
    "ftrl_groups": lambda ms, p: ms.nn.FTRL(_groups(p, ([0], {"weight_decay": 0.1}), ([1, 2], {})), learning_rate=0.1),
    "proximal_adagrad": lambda ms, p: ms.nn.ProximalAdagrad(p, learning_rate=0.1),
    "proximal_adagrad_options": lambda ms, p: ms.nn.ProximalAdagrad(p, accum=0.5, learning_rate=0.2, l1=0.05, l2=0.1,
                                                                    weight_decay=0.01, loss_scale=2.0),
    "proximal_adagrad_schedule": lambda ms, p: ms.nn.ProximalAdagrad(
        p, learning_rate=ms.nn.InverseDecayLR(0.1, 0.5, 3), l1=0.01),
    "proximal_adagrad_groups": lambda ms, p: ms.nn.ProximalAdagrad(
        _groups(p, ([0, 1], {"lr": 0.05}), ([2], {"weight_decay": 0.2})), learning_rate=0.1, l2=0.01),
    "rprop": lambda ms, p: ms.nn.Rprop(p),
    "rprop_options": lambda ms, p: ms.nn.Rprop(p, 0.05, etas=(0.3, 1.5), step_sizes=(0.01, 0.2), weight_decay=0.1),
    "rprop_lr_list": lambda ms, p: ms.nn.Rprop(p, LR_LIST),
    "rprop_groups": lambda ms, p: ms.nn.Rprop(_groups(p, ([0], {"lr": 0.02}), ([1, 2], {"weight_decay": 0.1})), 0.1),
    "asgd": lambda ms, p: ms.nn.ASGD(p),
    "asgd_averaging": lambda ms, p: ms.nn.ASGD(p, 0.05, lambd=0.01, alpha=0.5, t0=5.0, weight_decay=0.01),
    "asgd_lr_list": lambda ms, p: ms.nn.ASGD(p, LR_LIST, lambd=0.1, t0=2.0),
    "asgd_groups": lambda ms, p: ms.nn.ASGD(
        _groups(p, ([0], {"lr": 0.02}), ([1, 2], {"weight_decay": 0.1})), 0.1, lambd=0.05, t0=10.0),
    "lazy_adam": lambda ms, p: ms.nn.LazyAdam(p, 0.01),
    "lazy_adam_options": lambda ms, p: ms.nn.LazyAdam(p, 0.02, beta1=0.8, beta2=0.9, eps=1e-6, use_nesterov=True,
                                                      weight_decay=0.01, loss_scale=4.0),
    "lazy_adam_groups": lambda ms, p: ms.nn.LazyAdam(
        _groups(p, ([0], {"lr": LR_LIST}), ([1, 2], {"weight_decay": 0.1})), ms.nn.WarmUpLR(0.01, 4)),
}


for _name, _make in OPTIMIZERS.items():
    globals()[f"case_{_name}"] = _optimizer_case(_make)


def case_adadelta_grads_list(ms):
    opt = ms.nn.Adadelta(_params(ms))
    return opt([ms.Tensor(g) for g in GRADS[0]])


def case_adafactor_3d(ms):
    """A parameter of rank 3: its row and column statistics over the last two axes."""
    rng = np.random.RandomState(1)
    p = ms.Parameter(ms.Tensor(rng.randn(2, 3, 4).astype(np.float32)), name="w3")
    opt = ms.nn.AdaFactor([p], 0.1, relative_step=False)
    for _ in range(3):
        opt((ms.Tensor(rng.randn(2, 3, 4).astype(np.float32)),))
    return {q.name: q for q in opt.get_parameters()}


def _lars_state(ms, lars):
    inner = lars.opt
    return {"params": [x.name for x in lars.get_parameters()],
            "trainable": [x.name for x in lars.trainable_params()],
            "parameters": [x.name for x in lars.parameters], "lars_flag": list(lars.lars_flag),
            "decay_flags": list(lars.decay_flags), "weight_decay": lars.weight_decay, "is_group": lars.is_group,
            "need_scale": lars.need_scale, "loss_scale": lars.loss_scale, "reciprocal_scale": lars.reciprocal_scale,
            "learning_rate": repr(lars.learning_rate), "same_global_step": lars.global_step is inner.global_step,
            "inner_decay_flags": list(inner.decay_flags), "inner_exec_weight_decay": inner.exec_weight_decay,
            "inner_dynamic_weight_decay": inner.dynamic_weight_decay, "inner_reciprocal_scale": inner.reciprocal_scale,
            "inner_need_scale": inner.need_scale, "init_args": sorted(lars.init_args),
            "init_params": [x.name if hasattr(x, "name") else sorted(x) for x in lars.init_params["params"]]}


def case_lars_construction(ms):
    return _lars_state(ms, ms.nn.LARS(ms.nn.Momentum(_params(ms), 0.1, 0.9, weight_decay=0.01, loss_scale=4.0)))


def case_lars_construction_groups_clip(ms):
    p = _params(ms)
    inner = ms.nn.Momentum(_groups(p, ([0], {"lr": 0.05, "weight_decay": 0.1}), ([1, 2], {})), 0.1, 0.9)
    lars = ms.nn.LARS(inner, epsilon=1e-8, coefficient=0.02, use_clip=True, lars_filter=lambda x: x.name != "gamma")
    out = _lars_state(ms, lars)
    out.update(is_group_lr=lars.is_group_lr, dynamic_lr=lars.dynamic_lr,
               origin_learning_rate=[repr(x) for x in lars.origin_learning_rate])
    return out


def case_lars_construction_dynamic(ms):
    inner = ms.nn.Momentum(_params(ms), ms.nn.WarmUpLR(0.1, 4), 0.9, weight_decay=ms.nn.WarmUpLR(0.01, 2))
    lars = ms.nn.LARS(inner, use_clip=True)
    return {"dynamic_lr": lars.dynamic_lr, "dynamic_weight_decay": lars.dynamic_weight_decay,
            "inner_dynamic_weight_decay": inner.dynamic_weight_decay, "params": [x.name for x in lars.get_parameters()],
            "inner_lr": _copy(ms, inner.get_lr())}


CONSTRUCTOR_ERRORS = {
    "adadelta_rho": lambda ms, p: ms.nn.Adadelta(p, rho=1.5),
    "adadelta_rho_type": lambda ms, p: ms.nn.Adadelta(p, rho=1),
    "adadelta_epsilon": lambda ms, p: ms.nn.Adadelta(p, epsilon=-1e-6),
    "adadelta_lr": lambda ms, p: ms.nn.Adadelta(p, -1.0),
    "adafactor_lr_and_relative_step": lambda ms, p: ms.nn.AdaFactor(p, 0.1),
    "adafactor_warmup_not_relative": lambda ms, p: ms.nn.AdaFactor(p, 0.1, warmup_init=True, relative_step=False),
    "adafactor_no_lr": lambda ms, p: ms.nn.AdaFactor(p, relative_step=False),
    "adafactor_eps_len": lambda ms, p: ms.nn.AdaFactor(p, eps=(1e-30,)),
    "adafactor_eps_type": lambda ms, p: ms.nn.AdaFactor(p, eps=(1, 1e-3)),
    "adafactor_clip_type": lambda ms, p: ms.nn.AdaFactor(p, clip_threshold=1),
    "adafactor_decay_rate": lambda ms, p: ms.nn.AdaFactor(p, decay_rate=1.0),
    "adafactor_weight_decay": lambda ms, p: ms.nn.AdaFactor(p, weight_decay=1.0),
    "adafactor_beta1": lambda ms, p: ms.nn.AdaFactor(p, beta1=-0.1),
    "adafactor_scale_parameter_type": lambda ms, p: ms.nn.AdaFactor(p, scale_parameter=1),
    "adamax_beta1": lambda ms, p: ms.nn.AdaMax(p, beta1=1.0),
    "adamax_beta2_type": lambda ms, p: ms.nn.AdaMax(p, beta2=1),
    "adamax_eps": lambda ms, p: ms.nn.AdaMax(p, eps=0.0),
    "ftrl_lr_list": lambda ms, p: ms.nn.FTRL(p, learning_rate=[0.1, 0.2]),
    "ftrl_group_lr": lambda ms, p: ms.nn.FTRL(_groups(p, ([0], {"lr": 0.05}), ([1, 2], {}))),
    "ftrl_lr_int": lambda ms, p: ms.nn.FTRL(p, learning_rate=1),
    "ftrl_lr_zero": lambda ms, p: ms.nn.FTRL(p, learning_rate=0.0),
    "ftrl_lr_tensor": lambda ms, p: ms.nn.FTRL(p, learning_rate=ms.Tensor(0.1, ms.float32)),
    "ftrl_lr_power": lambda ms, p: ms.nn.FTRL(p, lr_power=0.5),
    "ftrl_lr_power_type": lambda ms, p: ms.nn.FTRL(p, lr_power=-1),
    "ftrl_initial_accum": lambda ms, p: ms.nn.FTRL(p, initial_accum=-0.1),
    "ftrl_l1": lambda ms, p: ms.nn.FTRL(p, l1=-0.1),
    "ftrl_l2_type": lambda ms, p: ms.nn.FTRL(p, l2=0),
    "ftrl_locking": lambda ms, p: ms.nn.FTRL(p, use_locking=1),
    "proximal_adagrad_accum": lambda ms, p: ms.nn.ProximalAdagrad(p, accum=-0.1),
    "proximal_adagrad_l1_type": lambda ms, p: ms.nn.ProximalAdagrad(p, l1=0),
    "proximal_adagrad_l2": lambda ms, p: ms.nn.ProximalAdagrad(p, l2=-1.0),
    "proximal_adagrad_locking": lambda ms, p: ms.nn.ProximalAdagrad(p, use_locking=None),
    "rprop_etas_list": lambda ms, p: ms.nn.Rprop(p, etas=[0.5, 1.2]),
    "rprop_etas_len": lambda ms, p: ms.nn.Rprop(p, etas=(0.5, 1.2, 2.0)),
    "rprop_step_sizes_list": lambda ms, p: ms.nn.Rprop(p, step_sizes=[1e-6, 50.0]),
    "rprop_step_sizes_len": lambda ms, p: ms.nn.Rprop(p, step_sizes=(1e-6,)),
    "rprop_step_sizes_order": lambda ms, p: ms.nn.Rprop(p, step_sizes=(1.0, 0.1)),
    "rprop_etaminus": lambda ms, p: ms.nn.Rprop(p, etas=(1.0, 1.2)),
    "rprop_etaminus_type": lambda ms, p: ms.nn.Rprop(p, etas=(1, 1.2)),
    "rprop_etaplus_type": lambda ms, p: ms.nn.Rprop(p, etas=(0.5, 2)),
    "rprop_etaplus": lambda ms, p: ms.nn.Rprop(p, etas=(0.5, 1.0)),
    "rprop_min_step_type": lambda ms, p: ms.nn.Rprop(p, step_sizes=(0, 50.0)),
    "rprop_max_step_type": lambda ms, p: ms.nn.Rprop(p, step_sizes=(1e-6, 50)),
    "asgd_lambd_type": lambda ms, p: ms.nn.ASGD(p, lambd=0),
    "asgd_alpha_type": lambda ms, p: ms.nn.ASGD(p, alpha=1),
    "asgd_t0_type": lambda ms, p: ms.nn.ASGD(p, t0=100),
    "lazy_adam_weight_decay_int": lambda ms, p: ms.nn.LazyAdam(p, weight_decay=0),
    "lazy_adam_dynamic_weight_decay": lambda ms, p: ms.nn.LazyAdam(p, weight_decay=ms.nn.WarmUpLR(0.1, 2)),
    "lazy_adam_beta1": lambda ms, p: ms.nn.LazyAdam(p, beta1=0.0),
    "lazy_adam_nesterov_type": lambda ms, p: ms.nn.LazyAdam(p, use_nesterov=1),
    "lars_not_optimizer": lambda ms, p: ms.nn.LARS(None),
    "lars_epsilon_type": lambda ms, p: ms.nn.LARS(ms.nn.Momentum(p, 0.1, 0.9), epsilon=1),
    "lars_coefficient_type": lambda ms, p: ms.nn.LARS(ms.nn.Momentum(p, 0.1, 0.9), coefficient=None),
    "lars_clip_type": lambda ms, p: ms.nn.LARS(ms.nn.Momentum(p, 0.1, 0.9), use_clip=1),
    "lars_clip_dynamic_group_lr": lambda ms, p: ms.nn.LARS(ms.nn.Momentum(
        _groups(p, ([0], {"lr": [0.1, 0.2]}), ([1, 2], {})), [0.3, 0.4], 0.9), use_clip=True),
}


for _name, _make in CONSTRUCTOR_ERRORS.items():
    globals()[f"case_err_{_name}"] = _error_case(_make)
