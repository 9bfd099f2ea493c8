"""``mindspore.nn.AdaFactor``."""
import logging

import jax.numpy as jnp

from ... import _checkparam as validator
from ..._table import _optim_rules as _rules
from ...common import dtype as mstype
from ...common.initializer import initializer
from ...common.parameter import Parameter, ParameterTuple
from ...common.tensor import Tensor
from .optimizer import Optimizer, opt_init_args_register

__all__ = ["AdaFactor"]


class AdaFactor(Optimizer):
    """AdaFactor (Shazeer and Stern, 2018) as MindSpore 2.10: its CPU kernel ``FusedAdaFactor``, whose row's rule
    (``_optim_rules.fused_ada_factor``) is the step. Each step ``afactor_step`` advances; with ``relative_step``
    (and a number as the learning rate) the rate is ``min(1e-2, 1 / sqrt(step))`` (``min(1e-6 * step, ...)`` with
    ``warmup_init``), and ``beta2t = 1 - step^-decay_rate``. MindSpore applies neither the base class's weight
    decay nor its loss scale here: ``weight_decay`` enters the rule, ``loss_scale`` is kept only.

    State: ``exp_avg.<name>`` (a single 0-d Parameter shared by all when ``beta1`` is 0 or None),
    ``exp_avg_sq_row_<name>``/``exp_avg_sq_col_<name>`` (a matrix's row and column statistics, shape ``(1,)``
    for a vector) and ``exp_avg_sq_<name>`` (a vector's statistics, float16 with ``compression``; ``(1,)`` for
    a matrix).
    """

    @opt_init_args_register
    def __init__(self, params, learning_rate=None, eps=(1e-30, 1e-3), clip_threshold=1.0, decay_rate=0.8,
                 beta1=0.9, weight_decay=0.0, scale_parameter=True, relative_step=True, warmup_init=False,
                 compression=False, loss_scale=1.0):
        if learning_rate is not None and relative_step:
            raise ValueError("Cannot combine manual lr and relative_step options", learning_rate)
        if warmup_init and not relative_step:
            raise ValueError("warmup_init requires relative_step=True")
        if learning_rate is None and not relative_step:
            raise ValueError("Cannot learning_rate is None and relative_step=False")
        learning_rate = 0.0 if learning_rate is None else learning_rate
        beta1 = 0.0 if beta1 is None else beta1
        self.scale_lr = isinstance(learning_rate, (float, int))
        if not self.scale_lr and (relative_step or scale_parameter):
            logging.warning("When learning_rate is learning scheduler, it not support update learning rate!")
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        name = self.cls_name
        validator.check_value_type("eps", eps, [list, tuple], name)
        if len(eps) != 2:
            raise ValueError("eps must have 2 value: (eps1, eps2).")
        for i, ele in enumerate(eps):
            validator.check_value_type(f"eps{i}", ele, [float], name)
            validator.check_non_negative_float(ele, f"eps{i}", name)
        validator.check_value_type("clip_threshold", clip_threshold, [float], name)
        validator.check_non_negative_float(clip_threshold, "clip_threshold", name)
        validator.check_value_type("decay_rate", decay_rate, [float], name)
        validator.check_float_range(decay_rate, 0, 1, validator.INC_NEITHER, "decay_rate", name)
        validator.check_float_range(weight_decay, 0, 1, validator.INC_LEFT, "weight_decay", name)
        validator.check_value_type("scale_parameter", scale_parameter, [bool], name)
        validator.check_value_type("relative_step", relative_step, [bool], name)
        validator.check_value_type("compression", compression, [bool], name)
        validator.check_value_type("beta1", beta1, [int, float], name)
        validator.check_non_negative_float(float(beta1), "beta1", name)
        self.eps, self.clip_threshold, self.decay_rate = tuple(eps), clip_threshold, decay_rate
        self.beta1, self.adafactor_weight_decay = beta1, weight_decay
        self.scale_parameter = scale_parameter and self.scale_lr
        self.relative_step, self.warmup_init, self.compression = relative_step, warmup_init, compression
        self.use_first_moment = beta1 > 0
        if self.use_first_moment:
            self.exp_avg = self._parameters.clone(prefix="exp_avg", init="zeros")
        else:
            self.exp_avg = ParameterTuple([Parameter(Tensor(0.0))] * len(self._parameters))
        rows, cols, sqs = [], [], []
        for param in self._parameters:
            shape, dtype = param.shape, param.dtype
            matrix = len(shape) > 1
            rows.append(Parameter(initializer(0, shape[:-1] if matrix else (1,), dtype),
                                  name=f"exp_avg_sq_row_{param.name}"))
            cols.append(Parameter(initializer(0, shape[:-2] + shape[-1:] if matrix else (1,), dtype),
                                  name=f"exp_avg_sq_col_{param.name}"))
            sqs.append(Parameter(initializer(0, (1,) if matrix else shape,
                                             mstype.float16 if compression and not matrix else dtype),
                                 name=f"exp_avg_sq_{param.name}"))
        self.exp_avg_sq_row, self.exp_avg_sq_col = ParameterTuple(rows), ParameterTuple(cols)
        self.exp_avg_sq = ParameterTuple(sqs)
        self.step = Parameter(initializer(0, [1], mstype.float32), name="afactor_step")

    def construct(self, gradients):
        gradients = self._check_gradients(gradients)
        lr = self.get_lr()
        self._advance()
        self.step.set_data(self.step + 1)
        step = self.step._data.reshape(())
        if self.scale_lr and self.relative_step:
            min_step = 1e-6 * step if self.warmup_init else jnp.float32(1e-2)
            lr = Tensor(jnp.minimum(min_step, 1.0 / jnp.sqrt(step)))
        beta2t = 1.0 - jnp.power(step, jnp.float32(-self.decay_rate))
        eps, clip, beta1, wd = self.eps, self.clip_threshold, self.beta1, self.adafactor_weight_decay
        scale, first = self.scale_parameter, self.use_first_moment
        def step_one(lr, grad, var, *state):  # the FusedAdaFactor row's rule, each result in its state's dtype
            _, *new = _rules.fused_ada_factor(eps, clip, beta1, beta2t, wd, lr, grad, var, *state,
                                              enable_scale_parameter=scale, enable_first_moment=first,
                                              enable_weight_decay=bool(wd))
            return [n.astype(old.dtype) for n, old in zip(new, (var, *state))]
        return self._update_each(lr, gradients, (self.exp_avg, self.exp_avg_sq_row, self.exp_avg_sq_col,
                                                 self.exp_avg_sq), step_one)
