"""Op-table rows: MindSpore's optimizer primitives (``ApplyMomentum``, ``SGD``, ``Adam``, the other ``Apply*``, and
the sparse ``FusedSparse*``/``SparseApply*``), see ``mindshim._registry``.

Each writes its new variable and optimizer state into its inputs (Parameters or Tensors) by the row's ``effect``,
and returns what MindSpore's returns (the new variable alone, or the new variable and state). The update rules are
``_optim_rules``, shared with ``nn.optim``'s optimizers. As on MindSpore's CPU, ``ApplyMomentum`` ignores
``use_nesterov`` and ``gradient_scale``, and ``ApplyFtrl`` takes ``sign(linear)`` as 1. The sparse rows update the
rows of their first inputs named by ``indices``, skipping indices out of range as MindSpore's CPU kernels do:
``FusedSparse*`` sum the gradients of repeated indices first, ``SparseApply*`` apply one update per index in turn.
"""
import jax.numpy as jnp
from jax import lax

from .. import _device
from .._registry import REQUIRED, register
from . import _optim_rules as rules


def _apply_row(name, rule, written, returns=None, attrs=(), rule_attrs=None):
    """The row of optimizer primitive ``name``: ``rule(*inputs, **rule_attrs(**attrs))`` gives new arrays, which
    the effect writes into the inputs at positions ``written`` (None: an output that is no input's new value);
    the primitive returns the first ``returns`` of them (default all; one: that Tensor alone)."""
    def impl(*inputs, **attrs):
        new = rule(*inputs, **(rule_attrs(**attrs) if rule_attrs else {}))
        return tuple(n if i is None else n.astype(inputs[i].dtype) for n, i in zip(new, written))

    def effect(inputs, out, **_):
        return {i: o for i, o in zip(written, out) if i is not None}
    impl.__doc__ = rule.__doc__
    register(name, attrs=attrs, effect=effect, outputs=len(written) if returns is None else returns)(impl)


def _same(**attrs):
    return attrs


def _nesterov(use_nesterov, **_):
    return {"use_nesterov": use_nesterov}


def _cpu_ftrl(**_):
    return {"cpu_kernel": _device.current_target() == "CPU"}


_LOCKING = (("use_locking", False),)
_ADAM_ATTRS = (("use_locking", False), ("use_nesterov", False))
_apply_row("ApplyMomentum", rules.apply_momentum, (0, 1), 1,
           (("use_nesterov", False), ("use_locking", False), ("gradient_scale", 1.0)),
           lambda use_nesterov, **_: _nesterov(use_nesterov and _device.current_target() != "CPU"))
_apply_row("SGD", rules.sgd, (0, 3, 5), 1, (("dampening", 0.0), ("weight_decay", 0.0), ("nesterov", False)), _same)
_apply_row("Adam", rules.adam, (0, 1, 2), attrs=_ADAM_ATTRS, rule_attrs=_nesterov)
_apply_row("AdamNoUpdateParam", lambda m, v, *rest, **k: rules.adam(jnp.zeros_like(m), m, v, *rest, **k),
           (None, 0, 1), 1, _ADAM_ATTRS, _nesterov)
_apply_row("AdamWeightDecay", rules.adam_weight_decay, (0, 1, 2), attrs=_LOCKING)
_ADA_FACTOR = (("enable_scale_parameter", False), ("enable_first_moment", False), ("enable_weight_decay", False))
_apply_row("FusedAdaFactor", rules.fused_ada_factor, (None, 7, 8, 9, 10, 11), 1, _ADA_FACTOR, _same)
_apply_row("FusedAdaFactorWithGlobalNorm", rules.fused_ada_factor, (None, 7, 8, 9, 10, 11), 1, _ADA_FACTOR, _same)
_apply_row("FusedCastAdamWeightDecay", rules.fused_cast_adam_weight_decay, (0, 1, 2), attrs=_LOCKING)
_apply_row("ApplyAdamWithAmsgradV2", rules.apply_adam_with_amsgrad, (0, 1, 2, 3), attrs=_LOCKING)
_apply_row("ApplyAdaMax", rules.apply_ada_max, (0, 1, 2))
_apply_row("ApplyAdadelta", rules.apply_adadelta, (0, 1, 2))
_apply_row("ApplyAdagrad", rules.apply_adagrad, (0, 1), attrs=(("update_slots", True),),
           rule_attrs=lambda update_slots: {"update_slots": update_slots or _device.current_target() == "CPU"})
_apply_row("ApplyAdagradV2", rules.apply_adagrad_v2, (0, 1), attrs=(("epsilon", REQUIRED), ("update_slots", True)),
           rule_attrs=_same)
_apply_row("ApplyAdagradDA", rules.apply_adagrad_da, (0, 1, 2), 1, _LOCKING)
_apply_row("ApplyAddSign", rules.apply_add_sign, (0, 1))
_apply_row("ApplyPowerSign", rules.apply_power_sign, (0, 1))
_apply_row("ApplyRMSProp", rules.apply_rms_prop, (0, 1, 2), 1, _LOCKING)
_apply_row("ApplyCenteredRMSProp", rules.apply_centered_rms_prop, (0, 1, 2, 3), 1, _LOCKING)
_apply_row("ApplyFtrl", rules.apply_ftrl, (0, 1, 2), 1, _LOCKING, _cpu_ftrl)
_apply_row("ApplyProximalAdagrad", rules.apply_proximal_adagrad, (0, 1), attrs=_LOCKING)
_apply_row("ApplyProximalGradientDescent", rules.apply_proximal_gradient_descent, (0,))
_apply_row("ApplyGradientDescent", rules.apply_gradient_descent, (0,))


# ---- sparse ---------------------------------------------------------------------------------------------------
def _sparse_row(name, n_state, update, mode, attrs=()):
    """The row of a sparse optimizer primitive whose inputs are ``(*state, *hyper, grad, indices)``:
    ``update(state, grad, hyper, **attrs)`` is the dense rule on the rows of the state that ``indices`` names.
    ``mode``: ``"all"`` updates every row with the summed gradients scattered (zeros elsewhere: FusedSparseAdam),
    ``"summed"`` only the named rows, ``"each"`` one update per index in turn."""
    def rule(*inputs, **attrs):
        n = len(inputs[0])
        state, hyper, grad, indices = inputs[:n_state], inputs[n_state:-2], inputs[-2], inputs[-1].reshape(-1)
        if mode != "each":
            dense = jnp.zeros_like(state[0]).at[indices].add(grad.astype(state[0].dtype), mode="drop")
            new = update(state, dense, hyper, **attrs)
            if mode == "all":
                return new
            mask = jnp.zeros((n,), bool).at[indices].set(True, mode="drop").reshape((n,) + (1,) * (grad.ndim - 1))
            return tuple(jnp.where(mask, a, s) for a, s in zip(new, state))

        def one(i, state):
            k = jnp.clip(indices[i], 0, n - 1)
            new = update(tuple(s[k] for s in state), grad[i].astype(state[0].dtype), hyper, **attrs)
            inside = (indices[i] >= 0) & (indices[i] < n)
            return tuple(s.at[k].set(jnp.where(inside, a, s[k])) for s, a in zip(state, new))
        return lax.fori_loop(0, indices.shape[0], one, tuple(state))
    rule.__doc__ = f"MindSpore's ``{name}`` (see the module docstring)."
    _apply_row(name, rule, tuple(range(n_state)), attrs=attrs, rule_attrs=_same)


def _sparse_adam(state, grad, hyper, use_nesterov=False, **_):
    return rules.adam(*state, *hyper, grad, use_nesterov)


def _sparse_ftrl(state, grad, hyper, lr, l1, l2, lr_power, **_):
    return rules.apply_ftrl(*state, grad, lr, l1, l2, lr_power, **_cpu_ftrl())


_FTRL_ATTRS = (("lr", REQUIRED), ("l1", REQUIRED), ("l2", REQUIRED), ("lr_power", REQUIRED), ("use_locking", False))
_sparse_row("FusedSparseAdam", 3, _sparse_adam, "all", _ADAM_ATTRS)
_sparse_row("FusedSparseLazyAdam", 3, _sparse_adam, "summed", _ADAM_ATTRS)
_sparse_row("FusedSparseFtrl", 3, _sparse_ftrl, "summed", _FTRL_ATTRS)
_sparse_row("FusedSparseProximalAdagrad", 2,
            lambda state, grad, hyper, **_: rules.apply_proximal_adagrad(*state, *hyper, grad), "summed", _LOCKING)
_sparse_row("SparseApplyFtrl", 3, _sparse_ftrl, "each", _FTRL_ATTRS)
_sparse_row("SparseApplyAdagradV2", 2,
            lambda state, grad, hyper, lr, epsilon, update_slots, **_: rules.apply_adagrad_v2(
                *state, lr, grad, epsilon, update_slots), "each",
            (("lr", REQUIRED), ("epsilon", REQUIRED), ("use_locking", False), ("update_slots", True)))
