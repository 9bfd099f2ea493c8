"""Golden cases for ``mindspore.experimental.optim``'s ASGD, Adadelta, Adagrad, Adamax, NAdam, RAdam, RMSprop and
Rprop (AdamW, Adam and SGD are in ``optimizers.py``).

Same style as ``optimizers.py`` (whose net, gradients and recording helpers are reused): 20 fixed gradient tuples
applied eagerly, every Parameter of the optimizer recorded after steps 1, 2, 5 and 20; plus the constructors' errors.
"""
from .optimizers import _eo, _error_case, _optimizer_case, _params

OPTIMIZERS = {
    "asgd": lambda ms, p: _eo(ms).ASGD(p, lr=0.05),
    "asgd_options": lambda ms, p: _eo(ms).ASGD(p, lr=0.02, lambd=1e-2, alpha=0.5, t0=3.0, weight_decay=0.1,
                                               maximize=True),
    "adadelta": lambda ms, p: _eo(ms).Adadelta(p),
    "adadelta_options": lambda ms, p: _eo(ms).Adadelta(p, lr=0.5, rho=0.8, eps=1e-4, weight_decay=0.01,
                                                       maximize=True),
    "adagrad": lambda ms, p: _eo(ms).Adagrad(p, lr=0.1),
    "adagrad_options": lambda ms, p: _eo(ms).Adagrad(p, lr=0.1, lr_decay=0.1, weight_decay=0.01,
                                                     initial_accumulator_value=0.1, eps=1e-6, maximize=True),
    "adamax": lambda ms, p: _eo(ms).Adamax(p),
    "adamax_options": lambda ms, p: _eo(ms).Adamax(p, lr=0.01, betas=(0.8, 0.9), eps=1e-4, weight_decay=0.01,
                                                   maximize=True),
    "nadam": lambda ms, p: _eo(ms).NAdam(p),
    "nadam_options": lambda ms, p: _eo(ms).NAdam(p, lr=0.01, betas=(0.8, 0.9), eps=1e-4, weight_decay=0.01,
                                                 momentum_decay=0.01),
    "radam": lambda ms, p: _eo(ms).RAdam(p),
    "radam_options": lambda ms, p: _eo(ms).RAdam(p, lr=0.01, betas=(0.8, 0.9), eps=1e-4, weight_decay=0.01),
    "rmsprop": lambda ms, p: _eo(ms).RMSprop(p),
    "rmsprop_momentum": lambda ms, p: _eo(ms).RMSprop(p, lr=0.01, alpha=0.9, eps=1e-4, momentum=0.9,
                                                      weight_decay=0.01),
    "rmsprop_centered_maximize": lambda ms, p: _eo(ms).RMSprop(p, lr=0.01, momentum=0.5, centered=True,
                                                               maximize=True),
    "rprop": lambda ms, p: _eo(ms).Rprop(p),
    "rprop_options": lambda ms, p: _eo(ms).Rprop(p, lr=0.05, etas=(0.3, 1.5), step_sizes=(1e-3, 0.08),
                                                 maximize=True),
    "rmsprop_groups": lambda ms, p: _eo(ms).RMSprop([{"params": p[:1], "lr": 0.05, "centered": True},
                                                     {"params": p[1:], "momentum": 0.5}], lr=0.01),
    "nadam_groups": lambda ms, p: _eo(ms).NAdam([{"params": p[:2], "lr": 0.05}, {"params": p[2:],
                                                                                  "weight_decay": 0.1}]),
}

for _name, _make in OPTIMIZERS.items():
    globals()[f"case_{_name}"] = _optimizer_case(_make)


CONSTRUCTOR_ERRORS = {
    "asgd_lr": lambda ms, p: _eo(ms).ASGD(p, lr=0.0),
    "asgd_lambd_type": lambda ms, p: _eo(ms).ASGD(p, lambd=1),
    "asgd_t0_type": lambda ms, p: _eo(ms).ASGD(p, t0=10),
    "asgd_wd": lambda ms, p: _eo(ms).ASGD(p, weight_decay=-0.1),
    "adadelta_eps": lambda ms, p: _eo(ms).Adadelta(p, eps=0.0),
    "adadelta_rho": lambda ms, p: _eo(ms).Adadelta(p, rho=1.5),
    "adagrad_lr_decay": lambda ms, p: _eo(ms).Adagrad(p, lr_decay=-0.1),
    "adagrad_initial_accumulator_value": lambda ms, p: _eo(ms).Adagrad(p, initial_accumulator_value=-1.0),
    "adamax_beta": lambda ms, p: _eo(ms).Adamax(p, betas=(1.0, 0.9)),
    "adamax_beta_type": lambda ms, p: _eo(ms).Adamax(p, betas=(0, 0.9)),
    "nadam_momentum_decay": lambda ms, p: _eo(ms).NAdam(p, momentum_decay=-1.0),
    "radam_eps": lambda ms, p: _eo(ms).RAdam(p, eps=-1.0),
    "rmsprop_alpha": lambda ms, p: _eo(ms).RMSprop(p, alpha=-0.1),
    "rmsprop_momentum": lambda ms, p: _eo(ms).RMSprop(p, momentum=-0.1),
    "rprop_etaplus": lambda ms, p: _eo(ms).Rprop(p, etas=(0.5, 1.0)),
    "rprop_etaminus": lambda ms, p: _eo(ms).Rprop(p, etas=(1.0, 1.2)),
}

for _name, _make in CONSTRUCTOR_ERRORS.items():
    globals()[f"case_err_{_name}"] = _error_case(_make)


def case_construction(ms):
    """Each optimizer's Parameters (names, initial values) and param_groups."""
    out = {}
    for name in ("ASGD", "Adadelta", "Adagrad", "Adamax", "NAdam", "RAdam", "RMSprop", "Rprop"):
        opt = getattr(_eo(ms), name)(_params(ms))
        out[name] = {"params": [x.name for x in opt.get_parameters()], "repr": repr(opt)}
    return out
