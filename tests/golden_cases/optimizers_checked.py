"""Golden cases for the optimizer options whose formulas once came from MindSpore's documentation because its CPU
was thought not to run them; each of these does run on MindSpore 2.10's CPU.

- ``Momentum(use_nesterov=True)``: the CPU ``ApplyMomentum`` kernel ignores ``use_nesterov`` (the reported case:
  ``Dense(3, 2)`` trained 3 steps with ``TrainOneStepCell``, and the usual 20 fixed gradient tuples).
- ``Adagrad(update_slots=False)``: the CPU ``ApplyAdagrad`` kernel updates ``accum`` anyway.
- ``FTRL`` with ``l1 > 0``: the CPU ``ApplyFtrl`` kernel takes ``sign(linear)`` as 1.
- ``ProximalAdagrad`` with an ``l1`` large enough to zero weights.
- Gradient centralization on gradients it leaves alone (fewer than 2 dimensions, or a second dimension that is not
  a multiple of 16); on the others MindSpore's CPU has no ``Centralization`` kernel.
- ``LARS`` whose ``lars_filter`` selects no parameter (the CPU has no ``LARSUpdate`` kernel).
- ``mint.optim.Adam`` and ``SGD`` in GRAPH_MODE (in PyNative, 2.10's in-place ``Tensor.add_`` leaves the
  parameters unchanged).

Same recording as ``optimizers.py``: every Parameter of the optimizer after steps 1, 2, 5 and 20.
"""
import numpy as np

from .optimizers import _groups, _mo, _optimizer_case, _train

OPTIMIZERS = {
    "momentum_nesterov": lambda ms, p: ms.nn.Momentum(p, 0.1, 0.9, use_nesterov=True),
    "momentum_nesterov_wd_loss_scale": lambda ms, p: ms.nn.Momentum(p, 0.05, 0.8, weight_decay=0.1, loss_scale=64.0,
                                                                    use_nesterov=True),
    "momentum_nesterov_groups": lambda ms, p: ms.nn.Momentum(
        _groups(p, ([0], {"lr": [0.1 * 0.9 ** i for i in range(21)], "weight_decay": 0.05}), ([1, 2], {})), 0.05, 0.9,
        use_nesterov=True),
    "adagrad_no_update_slots": lambda ms, p: ms.nn.Adagrad(p, accum=0.5, learning_rate=0.1, update_slots=False),
    "adagrad_no_update_slots_wd": lambda ms, p: ms.nn.Adagrad(p, learning_rate=0.05, update_slots=False,
                                                              weight_decay=0.1, loss_scale=2.0),
    "ftrl_l1": lambda ms, p: ms.nn.FTRL(p, learning_rate=0.1, l1=0.05),
    "ftrl_l1_l2_power": lambda ms, p: ms.nn.FTRL(p, initial_accum=0.5, learning_rate=0.2, lr_power=-0.3, l1=0.5,
                                                 l2=0.02, weight_decay=0.01, loss_scale=2.0),
    "ftrl_l1_fixed_lr": lambda ms, p: ms.nn.FTRL(p, learning_rate=0.05, lr_power=0.0, l1=1.0),
    "proximal_adagrad_strong_l1": lambda ms, p: ms.nn.ProximalAdagrad(p, learning_rate=0.5, l1=1.0, l2=0.05),
    "momentum_grad_centralization": lambda ms, p: ms.nn.Momentum(
        _groups(p, ([0, 1], {"grad_centralization": True}), ([2], {})), 0.1, 0.9),
    "sgd_grad_centralization": lambda ms, p: ms.nn.SGD(
        [{"params": p, "grad_centralization": True, "weight_decay": 0.01}], 0.1, momentum=0.5),
    "adam_grad_centralization": lambda ms, p: ms.nn.Adam(
        [{"params": p[:1], "grad_centralization": True}, {"params": p[1:], "lr": 0.02}], 0.01),
    "lars_no_parameter_selected": lambda ms, p: ms.nn.LARS(
        ms.nn.Momentum(p, 0.1, 0.9, weight_decay=0.05, loss_scale=4.0), lars_filter=lambda x: False),
    "lars_clip_no_parameter_selected": lambda ms, p: ms.nn.LARS(
        ms.nn.SGD(_groups(p, ([0], {"lr": 0.05, "weight_decay": 0.1}), ([1, 2], {})), 0.1, momentum=0.9),
        use_clip=True, lars_filter=lambda x: False),
}

for _name, _make in OPTIMIZERS.items():
    globals()[f"case_{_name}"] = _optimizer_case(_make)


def case_momentum_nesterov_train_one_step(ms):
    """The reported case: losses and every Parameter after each of 3 ``TrainOneStepCell`` steps."""
    net = ms.nn.Dense(3, 2, weight_init="ones", bias_init="zeros")
    opt = ms.nn.Momentum(net.trainable_params(), 0.1, 0.9, use_nesterov=True)
    step = ms.nn.TrainOneStepCell(ms.nn.WithLossCell(net, ms.nn.MSELoss()), opt)
    x = ms.Tensor(np.arange(6).reshape(2, 3).astype(np.float32))
    y = ms.Tensor(np.zeros((2, 2), np.float32))
    out = []
    for _ in range(3):
        loss = step(x, y)
        out.append({"loss": loss, **{p.name: ms.Tensor(p.asnumpy()) for p in opt.get_parameters()}})
    return out


def case_ftrl_float16_step_raises(ms):
    """A step on a Float16 or BFloat16 parameter raises before any state changes."""
    out = []
    for dtype in (ms.float16, ms.bfloat16):
        params = [ms.Parameter(ms.Tensor(np.ones((3,), np.float32)), name="b"),
                  ms.Parameter(ms.Tensor(np.ones((3, 4), np.float32), dtype), name="w")]
        opt = ms.nn.FTRL(params, learning_rate=0.1)
        try:
            opt((ms.Tensor(np.full((3,), 0.5, np.float32)), ms.Tensor(np.full((3, 4), 0.5, np.float32), dtype)))
        except TypeError as e:
            out.append(str(e).splitlines()[0])
        out.append({p.name: ms.Tensor(p.asnumpy()) if p.dtype != ms.bfloat16 else p.astype(ms.float32)
                    for p in opt.get_parameters()})
    return out


MINT_GRAPH = {
    "adam": lambda mo, p: mo.Adam(p, lr=0.01),
    "adam_amsgrad_wd_maximize": lambda mo, p: mo.Adam(p, lr=0.02, betas=(0.8, 0.95), eps=1e-6, weight_decay=0.1,
                                                      amsgrad=True, maximize=True),
    "adam_groups": lambda mo, p: mo.Adam([{"params": p[:1], "lr": 0.05, "amsgrad": True},
                                          {"params": p[1:], "betas": (0.5, 0.9), "weight_decay": 0.2}], lr=0.01),
    "sgd": lambda mo, p: mo.SGD(p, lr=0.1),
    "sgd_momentum_dampening_wd": lambda mo, p: mo.SGD(p, lr=0.05, momentum=0.9, dampening=0.3, weight_decay=0.01),
    "sgd_nesterov_maximize": lambda mo, p: mo.SGD(p, lr=0.05, momentum=0.8, nesterov=True, maximize=True),
    "sgd_groups": lambda mo, p: mo.SGD([{"params": p[:1], "lr": 0.2, "momentum": 0.5},
                                        {"params": p[1:], "weight_decay": 0.1}], lr=0.05, momentum=0.9),
}


def _graph_mode_case(make):
    def case(ms):
        mode = ms.get_context("mode")
        ms.set_context(mode=ms.GRAPH_MODE)
        try:
            out = _train(ms, lambda params: make(_mo(ms), params))
        finally:
            ms.set_context(mode=mode)
        # MindSpore's graph returns the Python ``True`` of ``construct``; mindshim's compiled call returns every
        # output as a Tensor (its engine's concern, not the optimizers').
        del out["returns"]
        return out
    return case


for _name, _make in MINT_GRAPH.items():
    globals()[f"case_mint_graph_{_name}"] = _graph_mode_case(_make)
