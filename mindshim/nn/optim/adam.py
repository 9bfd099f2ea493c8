"""``mindspore.nn.Adam``, ``AdamWeightDecay`` and ``AdamOffload``."""
import warnings

import numpy as np

from ... import _checkparam as validator
from ..._table import _optim_rules as _rules
from ...common import dtype as mstype
from ...common.parameter import Parameter
from ...common.tensor import Tensor
from .optimizer import Optimizer, opt_init_args_register

__all__ = ["Adam", "AdamWeightDecay", "AdamOffload"]


def _check_param_value(beta1, beta2, eps, prim_name):
    validator.check_value_type("beta1", beta1, [float], prim_name)
    validator.check_value_type("beta2", beta2, [float], prim_name)
    validator.check_value_type("eps", eps, [float], prim_name)
    validator.check_float_range(beta1, 0.0, 1.0, validator.INC_NEITHER, "beta1", prim_name)
    validator.check_float_range(beta2, 0.0, 1.0, validator.INC_NEITHER, "beta2", prim_name)
    validator.check_positive_float(eps, "eps", prim_name)


class _AdamBase(Optimizer):
    """Adam's moments ``moment1.<name>``/``moment2.<name>`` and the powers ``beta1_power``/``beta2_power``."""

    def _init_adam(self, beta1, beta2, eps, power_shape):
        self.beta1 = Tensor(beta1, mstype.float32)
        self.beta2 = Tensor(beta2, mstype.float32)
        self.beta1_power = Parameter(Tensor(np.ones(power_shape, np.float32)), name="beta1_power")
        self.beta2_power = Parameter(Tensor(np.ones(power_shape, np.float32)), name="beta2_power")
        self.eps = Tensor(eps, mstype.float32)
        self.moment1 = self._parameters.clone(prefix="moment1", init="zeros")
        self.moment2 = self._parameters.clone(prefix="moment2", init="zeros")

    def _adam_step(self, gradients, centralize, amsgrad=False):
        gradients = self.decay_weight(self._check_gradients(gradients))
        if centralize:
            gradients = self.gradients_centralization(gradients)
        gradients = self.scale_grad(gradients)
        lr = self.get_lr()
        self._advance()
        self.beta1_power.set_data(self.beta1_power * self.beta1)
        self.beta2_power.set_data(self.beta2_power * self.beta2)
        b1p, b2p = self.beta1_power._data, self.beta2_power._data
        beta1, beta2, eps, nesterov = self.beta1._data, self.beta2._data, self.eps._data, self.use_nesterov
        if amsgrad:
            def rule(lr, grad, var, m, v, vhat):
                return _rules.apply_adam_with_amsgrad(var, m, v, vhat, b1p, b2p, lr, beta1, beta2, eps, grad)
            return self._update_each(lr, gradients, (self.moment1, self.moment2, self.vhat), rule)

        def rule(lr, grad, var, m, v):
            return _rules.adam(var, m, v, b1p, b2p, lr, beta1, beta2, eps, grad, nesterov)
        return self._update_each(lr, gradients, (self.moment1, self.moment2), rule)


class Adam(_AdamBase):
    """Adam as MindSpore's ``Adam`` kernel: ``param -= lr * sqrt(1 - beta2^t) / (1 - beta1^t) * m / (sqrt(v) + eps)``
    (epsilon added to the uncorrected ``sqrt(v)``), or ``ApplyAdamWithAmsgradV2`` with ``use_amsgrad``.

    ``use_lazy`` and ``use_offload`` change only how sparse gradients or host memory are handled in MindSpore;
    mindshim's gradients are dense, so both give the plain Adam update.
    """

    @opt_init_args_register
    def __init__(self, params, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, use_locking=False,
                 use_nesterov=False, weight_decay=0.0, loss_scale=1.0, use_amsgrad=False, **kwargs):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        if set(kwargs) - {"use_lazy", "use_offload"}:
            raise KeyError("For 'Adam', invalid keys are passed as kwargs, supported keys are 'use_lazy' and"
                           f"'use_offload', but got {kwargs.keys()}.")
        use_lazy = kwargs.get("use_lazy", False)
        use_offload = kwargs.get("use_offload", False)
        name = self.cls_name
        _check_param_value(beta1, beta2, eps, name)
        validator.check_value_type("use_locking", use_locking, [bool], name)
        validator.check_value_type("use_nesterov", use_nesterov, [bool], name)
        validator.check_value_type("use_amsgrad", use_amsgrad, [bool], name)
        validator.check_value_type("use_lazy", use_lazy, [bool], name)
        validator.check_value_type("use_offload", use_offload, [bool], name)
        if use_lazy and use_offload:
            raise ValueError("For 'Adam', 'use_lazy' and 'use_offload' can not both be True.But got "
                             f"use_lazy={use_lazy}, use_offload={use_offload}.")
        if use_amsgrad and (use_lazy or use_offload):
            raise ValueError("For lazy Adam and Adam with offload, there is no parameter named 'use_amsgrad'.but got "
                             f"'use_amsgrad'={use_amsgrad}.")
        self._init_adam(beta1, beta2, eps, ())
        self.use_nesterov = use_nesterov
        self.use_locking = use_locking
        self.use_amsgrad = use_amsgrad
        self.use_lazy = use_lazy
        self.use_offload = use_offload
        if use_amsgrad:
            self.vhat = self._parameters.clone(prefix="vhat", init="zeros")

    def construct(self, gradients):
        return self._adam_step(gradients, not self.use_offload, self.use_amsgrad)


class AdamOffload(_AdamBase):
    """Deprecated MindSpore Adam variant that updates on the host; the same update as :class:`Adam` (``beta1_power``
    and ``beta2_power`` have shape ``(1,)``)."""

    def __init__(self, params, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, use_locking=False,
                 use_nesterov=False, weight_decay=0.0, loss_scale=1.0):
        warnings.warn("'AdamOffload' is deprecated from version 2.0 and will be removed in a future version, use "
                      "'nn.Adam' instead.", DeprecationWarning, stacklevel=2)
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        _check_param_value(beta1, beta2, eps, self.cls_name)
        validator.check_value_type("use_locking", use_locking, [bool], self.cls_name)
        validator.check_value_type("use_nesterov", use_nesterov, [bool], self.cls_name)
        self.params = self.parameters
        self.use_nesterov = use_nesterov
        self._init_adam(beta1, beta2, eps, (1,))

    def construct(self, gradients):
        return self._adam_step(gradients, centralize=False)


class _DecoupledDecay(Optimizer):
    """AdamWeightDecay's and Lamb's shared part: ``beta1``, ``beta2``, ``eps`` as shape-(1,) Float32 Tensors, the
    moments ``<prefix>_m.<name>`` and ``<prefix>_v.<name>``, and each parameter's weight decay."""

    def _init_moments(self, beta1, beta2, eps, prefix):
        _check_param_value(beta1, beta2, eps, self.cls_name)
        self.beta1 = Tensor(np.array([beta1]).astype(np.float32))
        self.beta2 = Tensor(np.array([beta2]).astype(np.float32))
        self.eps = Tensor(np.array([eps]).astype(np.float32))
        self.moments1 = self._parameters.clone(prefix=prefix + "_m", init="zeros")
        self.moments2 = self._parameters.clone(prefix=prefix + "_v", init="zeros")

    def _decays(self, weight_decay):
        """An iterator over the parameters' weight decays (``get_weight_decay``'s), 0.0 where ``decay_flags``
        exclude a parameter."""
        decays = weight_decay if self.is_group else (weight_decay,) * self.param_length
        return iter([d._data if flag else 0.0 for d, flag in zip(decays, self.decay_flags)])


class AdamWeightDecay(_DecoupledDecay):
    """Adam with decoupled weight decay, no bias correction (MindSpore's ``AdamWeightDecay`` kernel):
    ``param -= lr * (m / (sqrt(v) + eps) + weight_decay * param)``; no loss-scale division.

    State: ``adam_m.<name>`` and ``adam_v.<name>``. Parameters with 'beta' or 'gamma' in their names do not decay
    unless groups say otherwise.
    """
    _support_parallel_optimizer = True

    def __init__(self, params, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-6, weight_decay=0.0):
        super().__init__(learning_rate, params, weight_decay)
        self._init_moments(beta1, beta2, eps, "adam")

    def construct(self, gradients):
        gradients = self._check_gradients(gradients)
        weight_decay = self.get_weight_decay()
        lr = self.get_lr()
        self._advance()
        decays = self._decays(weight_decay)
        beta1, beta2, eps = self.beta1._data, self.beta2._data, self.eps._data

        def rule(lr, grad, var, m, v):
            return _rules.adam_weight_decay(var, m, v, lr, beta1, beta2, eps, next(decays), grad)
        return self._update_each(lr, gradients, (self.moments1, self.moments2), rule)
