"""``mindspore.nn.Optimizer``: parameters, parameter groups, learning rates, weight decay and loss scale.

As in MindSpore, an optimizer is a Cell holding the Parameters it updates, its ``global_step`` (Int32,
shape ``(1,)``), its learning rate (a Parameter ``learning_rate``, or a schedule Cell for a dynamic one) and
its state, Parameters named ``<state>.<parameter name>`` (``moments.weight``, ``moment1.bias`` ...) so that
checkpoints hold them. ``optimizer(gradients)`` checks the gradients, then writes the new values with
``Parameter.set_data``; the update is pure JAX, so a training step that calls the optimizer compiles with
``jax.jit`` (the engine turns the writes into new state).
"""
import functools
import inspect
from collections.abc import Iterable

import jax
import jax.numpy as jnp
import numpy as np

from ... import _checkparam as validator
from ... import _engine, context
from ...common import _trace
from ...common import dtype as mstype
from ...common.parameter import Parameter, ParameterTuple
from ...common.tensor import Tensor, _wrap
from ..cell import Cell
from ..layer.container import CellList
from ..learning_rate_schedule import LearningRateSchedule

__all__ = ["Optimizer", "opt_init_args_register"]

_GROUP_KEYS = ["params", "lr", "weight_decay", "order_params", "grad_centralization"]


def opt_init_args_register(fn):
    """Record an optimizer's constructor arguments as ``init_params``, ``init_learning_rate`` and ``init_args``."""
    @functools.wraps(fn)
    def deco(self, *args, **kwargs):
        bound = inspect.signature(fn).bind(self, *args, **kwargs)
        bound.apply_defaults()
        arguments = dict(bound.arguments)
        arguments.pop("self")
        if "params" in arguments:
            self.init_params = {"params": arguments.pop("params")}
        if "optimizer" in arguments:
            self.init_params = {"params": arguments.pop("optimizer").init_params["params"]}
        if "learning_rate" in arguments:
            lr = arguments.pop("learning_rate")
            if isinstance(lr, Tensor):
                lr = lr.asnumpy().tolist()
            self.init_learning_rate = None if isinstance(lr, Cell) else lr
        self.init_args = arguments
        fn(self, *args, **kwargs)
    return deco


def _arr(x):
    return x._data if isinstance(x, Tensor) else x


class Optimizer(Cell):
    """Base class of optimizers: ``Optimizer(learning_rate, parameters, weight_decay=0.0, loss_scale=1.0)``.

    ``learning_rate`` is a number, a 0-d Tensor (fixed), a list or 1-d Tensor (the i-th value at step i) or a
    ``LearningRateSchedule``. ``parameters`` is a list of Parameters or of group dicts with keys ``params``,
    ``lr``, ``weight_decay``, ``grad_centralization`` and ``order_params``. Without groups, weight decay skips
    parameters whose names contain 'beta' or 'gamma'. Subclasses implement ``construct(gradients)``.
    """
    _support_parallel_optimizer = False

    def __init__(self, learning_rate, parameters, weight_decay=0.0, loss_scale=1.0):
        super().__init__(auto_prefix=False)
        parameters = self._parameters_base_check(parameters, "parameters")
        if not all(isinstance(x, Parameter) for x in parameters) and not all(isinstance(x, dict) for x in parameters):
            raise TypeError("For 'Optimizer', all elements of the argument 'parameters' must be 'Parameter' or 'dict',"
                            " please check the 'parameters'.")
        if isinstance(loss_scale, int):
            loss_scale = float(loss_scale)
        validator.check_value_type("loss_scale", loss_scale, [float], self.cls_name)
        validator.check_positive_float(loss_scale, "loss_scale", self.cls_name)
        self.loss_scale = loss_scale
        self.dynamic_weight_decay = False
        self.grad_centralization = False
        self._unique = True
        self._target = context.get_context("device_target")
        self.dynamic_lr = False
        self.global_step = Parameter(Tensor(np.zeros((1,), np.int32)), name="global_step")
        self.is_group = False
        self.is_group_lr = False
        self.is_group_params_ordered = False
        learning_rate = self._preprocess_single_lr(learning_rate)
        if isinstance(parameters[0], dict):
            self.is_group = True
            self.group_params = []
            self.group_lr = []
            self.group_weight_decay = []
            self.group_grad_centralization = []
            self._init_group_params(parameters, learning_rate, weight_decay, self.grad_centralization)
        self._init_opt_attrs(learning_rate, parameters, weight_decay)

    @property
    def cls_name(self):
        return type(self).__name__

    # ---- construction ------------------------------------------------------------------------------
    def _init_opt_attrs(self, learning_rate, parameters, weight_decay):
        weight_decay = self._preprocess_weight_decay(weight_decay)
        if self.is_group_lr:
            if self.dynamic_lr:
                self.learning_rate = CellList(self.group_lr, auto_prefix=False)
            else:
                self.learning_rate = ParameterTuple(self.group_lr)
        else:
            self.learning_rate = self._build_single_lr(learning_rate, "learning_rate")
        if self.is_group:
            self.parameters = ParameterTuple(self.group_params)
            self.decay_flags = tuple(isinstance(x, Cell) or x > 0 for x in self.group_weight_decay)
            self.dynamic_decay_flags = tuple(isinstance(x, Cell) for x in self.group_weight_decay)
            self.weight_decay = tuple(x if flag else Tensor(x, mstype.float32)
                                      for x, flag in zip(self.group_weight_decay, self.dynamic_decay_flags))
            self.exec_weight_decay = any(self.decay_flags)
            self.grad_centralization_flags = tuple(self.group_grad_centralization)
        else:
            self.parameters = ParameterTuple(parameters)
            self.decay_flags = tuple("beta" not in x.name and "gamma" not in x.name for x in self.parameters)
            self.dynamic_decay_flags = isinstance(weight_decay, Cell)
            self.exec_weight_decay = isinstance(weight_decay, Cell) or weight_decay > 0
            self.weight_decay = weight_decay if self.dynamic_decay_flags else Tensor(weight_decay, mstype.float32)
        object.__setattr__(self, "_parameters", self.parameters)
        self.reciprocal_scale = Tensor(1.0 / self.loss_scale, mstype.float32)
        self.need_scale = self.loss_scale != 1.0
        self.global_step_increase_tensor = Tensor([1], mstype.int32)
        self.param_length = len(self._parameters)

    @staticmethod
    def _parameters_base_check(parameters, param_info):
        if parameters is None:
            raise ValueError(f"For 'Optimizer', the argument {param_info} can not be None.")
        if not isinstance(parameters, Iterable):
            raise TypeError(f"For 'Optimizer', the argument {param_info} must be Iterable type, but got "
                            f"{type(parameters)}.")
        parameters = list(parameters)
        if not parameters:
            raise ValueError(f"For 'Optimizer', the argument {param_info} must not be empty.")
        return parameters

    def _preprocess_weight_decay(self, weight_decay):
        """A number (scaled by ``loss_scale``, as the gradients still are when it is added) or a schedule Cell."""
        if isinstance(weight_decay, (float, int)):
            weight_decay = float(weight_decay)
            validator.check_non_negative_float(weight_decay, "weight_decay", self.cls_name)
            return weight_decay * self.loss_scale
        if isinstance(weight_decay, Cell):
            self.dynamic_weight_decay = True
            return _WrappedWeightDecay(weight_decay, self.loss_scale)
        raise TypeError("For 'Optimizer', the argument 'Weight_decay' must be int, float or Cell.but got "
                        f"{type(weight_decay)}")

    @staticmethod
    def _preprocess_grad_centralization(grad_centralization):
        if not isinstance(grad_centralization, bool):
            raise TypeError("For 'Optimizer', the 'gradients_centralization' must be bool type, but got "
                            f"{type(grad_centralization)}.")
        return grad_centralization

    def _preprocess_single_lr(self, learning_rate):
        """A float, a Float32 Tensor (0-d fixed, 1-d dynamic) or a LearningRateSchedule."""
        if isinstance(learning_rate, (float, int)):
            learning_rate = float(learning_rate)
            validator.check_non_negative_float(learning_rate, "learning rate", self.cls_name)
            return learning_rate
        if isinstance(learning_rate, Tensor) and learning_rate.ndim == 0:
            return Tensor(learning_rate.asnumpy(), dtype=mstype.float32)
        self.dynamic_lr = True
        if isinstance(learning_rate, LearningRateSchedule):
            return learning_rate
        if isinstance(learning_rate, Tensor):
            if learning_rate.ndim > 1:
                raise ValueError("For 'Optimizer', if 'learning_rate' is Tensor type, then the dimension of it should "
                                 f"be 0 or 1, but got {learning_rate.ndim}.")
            return Tensor(learning_rate.asnumpy(), dtype=mstype.float32)
        if isinstance(learning_rate, Iterable):
            return Tensor(np.array(list(learning_rate)).astype(np.float32))
        raise TypeError("For 'Optimizer', the argument 'learning_rate' must be int, float, Tensor, Iterable or "
                        f"LearningRateSchedule, but got {type(learning_rate)}.")

    def _build_single_lr(self, learning_rate, name):
        """A fixed rate as a Parameter ``name`` (a Cell when groups mix fixed and dynamic rates), a 1-d one as a
        Cell."""
        if isinstance(learning_rate, float):
            learning_rate = Tensor(learning_rate, mstype.float32)
        if isinstance(learning_rate, Tensor) and learning_rate.ndim == 0:
            learning_rate = Parameter(learning_rate, name)
            return _ConvertToCell(learning_rate) if self.is_group_lr and self.dynamic_lr else learning_rate
        if isinstance(learning_rate, Tensor) and learning_rate.ndim == 1:
            return _IteratorLearningRate(learning_rate, name)
        return learning_rate

    def _check_group_params(self, parameters):
        for group_param in parameters:
            invalid_key = [k for k in group_param.keys() if k not in _GROUP_KEYS]
            if invalid_key:
                raise KeyError(f"For 'Optimizer', the key in group params must be one of in {_GROUP_KEYS}, but got "
                               f"{invalid_key}.")
            if "order_params" in group_param.keys():
                self._check_order_params(group_param)
                continue
            group = self._parameters_base_check(group_param["params"], "group `params`")
            for index, param in enumerate(group):
                if not isinstance(param, Parameter):
                    raise TypeError("For 'Optimizer', the element in group parameters must be Parameter type, but got "
                                    f"{type(param)} at index {index}.")

    @staticmethod
    def _check_order_params(group_param):
        if len(group_param.keys()) > 1:
            raise ValueError("For 'Optimizer', the order params dict in group parameters should only include the "
                             f"'order_params' key, but got {group_param.keys()}.")
        if not isinstance(group_param["order_params"], Iterable):
            raise TypeError("For 'Optimizer', the value of 'order_params' in group parameters should be Iterable type, "
                            f"but got {type(group_param['order_params'])}.")

    def _parse_group_params(self, parameters, learning_rate):
        self._check_group_params(parameters)
        tensor_lr_length = learning_rate.size if isinstance(learning_rate, Tensor) and learning_rate.ndim == 1 else 0
        for group_param in parameters:
            if "order_params" in group_param.keys():
                self.is_group_params_ordered = True
                continue
            if "lr" in group_param.keys():
                self.is_group_lr = True
                group_lr = self._preprocess_single_lr(group_param["lr"])
                if isinstance(group_lr, Tensor) and group_lr.ndim == 1:
                    if tensor_lr_length == 0:
                        tensor_lr_length = group_lr.size
                    elif group_lr.size != tensor_lr_length:
                        raise ValueError("For 'Optimizer', the Tensor type dynamic learning rate in group must be the "
                                         "same size as the argument 'learning_rate'.")

    def _init_group_params(self, parameters, learning_rate, weight_decay, grad_centralization):
        self._parse_group_params(parameters, learning_rate)
        default_lr = self._build_single_lr(learning_rate, "learning_rate")
        params_store = []
        ordered_parameters = []
        for group_num, group_param in enumerate(parameters):
            if "order_params" in group_param.keys():
                ordered_parameters = group_param["order_params"]
                continue
            self.group_params += group_param["params"]
            if "lr" in group_param.keys():
                lr = self._preprocess_single_lr(group_param["lr"])
                lr = self._build_single_lr(lr, "learning_rate_group_" + str(group_num))
            else:
                lr = default_lr
            weight_decay_ = self._preprocess_weight_decay(group_param.get("weight_decay", weight_decay))
            if "grad_centralization" in group_param.keys():
                self.grad_centralization = self._preprocess_grad_centralization(group_param["grad_centralization"])
                grad_centralization_ = self.grad_centralization
            else:
                grad_centralization_ = grad_centralization
            for param in group_param["params"]:
                validator.check_value_type("parameter", param, [Parameter], self.cls_name)
                if param.name in params_store:
                    raise RuntimeError(f"For 'Optimizer', the {param.name} parameter already exists, it does not "
                                       "support repeated setting. Please check whether the optimizer parameter has "
                                       "been set multiple times.")
                params_store.append(param.name)
                self.group_lr.append(lr)
                self.group_weight_decay.append(weight_decay_)
                self.group_grad_centralization.append(grad_centralization_)
        if self.is_group_params_ordered and ordered_parameters:
            self._order_and_adjust_group_params(list(ordered_parameters))

    def _order_and_adjust_group_params(self, ordered_parameters):
        if len(ordered_parameters) != len(self.group_params):
            raise ValueError("For 'Optimizer',the length of order parameters must be the same as the length of group "
                             f"parameters, but got order parameters' length {len(ordered_parameters)}, group "
                             f"parameters' length {len(self.group_params)}.")
        names = [param.name for param in ordered_parameters]
        order = [names.index(param.name) for param in self.group_params]
        for attr in ("group_params", "group_lr", "group_weight_decay", "group_grad_centralization"):
            values = getattr(self, attr)
            ordered = [None] * len(values)
            for index, value in zip(order, values):
                ordered[index] = value
            setattr(self, attr, ordered)

    # ---- properties --------------------------------------------------------------------------------
    @property
    def unique(self):
        """Whether sparse gradients are de-duplicated (mindshim's gradients are always dense)."""
        return self._unique

    @unique.setter
    def unique(self, value):
        if not isinstance(value, bool):
            raise TypeError(f"For 'Optimizer', the property 'unique' must be bool, but got {type(value)}")
        self._unique = value

    @property
    def target(self):
        """The device the update runs on: the context's ``device_target``."""
        return self._target

    @target.setter
    def target(self, value):
        raise NotImplementedError

    # ---- the steps of an update, for subclasses and user-defined optimizers ------------------------
    def _is_dynamic_lr_or_weight_decay(self):
        """Whether the learning rate or the weight decay is a schedule."""
        return self.dynamic_lr or self.dynamic_weight_decay

    def _grad_sparse_indices_deduplicate(self, gradients):
        """``gradients`` unchanged: MindSpore merges repeated indices of sparse gradients off CPU only, and
        mindshim's gradients are dense."""
        return gradients

    def get_lr(self):
        """The learning rate of the current step: the Parameter (or, with groups, a tuple per parameter), or
        for a dynamic rate the schedule's value at ``global_step`` as a 0-d Tensor."""
        lr = self.learning_rate
        if self.dynamic_lr:
            if self.is_group_lr:
                return tuple(cell(self.global_step).reshape(()) for cell in self.learning_rate)
            return self.learning_rate(self.global_step).reshape(())
        return lr

    def get_weight_decay(self):
        """The weight decay of the current step (a tuple per parameter with groups)."""
        if self.dynamic_weight_decay:
            if self.is_group:
                return tuple(wd(self.global_step) if flag else wd
                             for wd, flag in zip(self.weight_decay, self.dynamic_decay_flags))
            return self.weight_decay(self.global_step)
        return self.weight_decay

    def get_lr_parameter(self, param):
        """The learning rate (Parameter, or schedule Cell if dynamic) of ``param`` or of each in a list."""
        if isinstance(param, Parameter):
            param_list = [param]
        elif isinstance(param, list):
            param_list = param
        else:
            raise TypeError(f"For 'get_lr_parameter', the 'param' must be 'Parameter' or 'list' type, but got "
                            f"{type(param)}.")
        ids = [id(p) for p in self._parameters]
        lr = []
        for p in param_list:
            validator.check_value_type("parameter", p, [Parameter], self.cls_name)
            if id(p) not in ids:
                raise ValueError(f"For 'get_lr_parameter', the parameter {p.name} is not in optimizer, please check "
                                 "whether the argument 'param' is correct.")
            value = self.learning_rate[ids.index(id(p))] if self.is_group_lr else self.learning_rate
            lr.append(value.learning_rate if isinstance(value, (_ConvertToCell, _IteratorLearningRate)) else value)
        return lr if isinstance(param, list) else lr[0]

    def decay_weight(self, gradients):
        """``gradient + weight_decay * parameter`` for the parameters that decay."""
        if not self.exec_weight_decay:
            return gradients
        weight_decay = self.get_weight_decay()
        decays = weight_decay if self.is_group else (weight_decay,) * self.param_length
        return tuple(_apply_decay(wd, flag, param, grad)
                     for wd, flag, param, grad in zip(decays, self.decay_flags, self._parameters, gradients))

    def gradients_centralization(self, gradients):
        """Centralized gradients (minus their mean over all but the first axis) for the groups that ask for it,
        where the gradient has 2+ dimensions and its second is a multiple of 16. MindSpore 2.10's CPU cannot
        centralize ("RuntimeError: Kernel select failed: Unsupported op [Centralization] on CPU"); mindshim does it
        everywhere, as its GPU/Ascend kernels do."""
        if not self.is_group:
            return gradients
        return tuple(_centralize(grad) if flag else grad
                     for flag, grad in zip(self.grad_centralization_flags, gradients))

    def scale_grad(self, gradients):
        """Gradients divided by ``loss_scale``."""
        if not self.need_scale:
            return gradients
        scale = self.reciprocal_scale  # a Tensor, or the number 1.0 that LARS leaves in the optimizer it wraps
        scale = scale._data if isinstance(scale, Tensor) else np.float32(scale)
        return tuple(_wrap(_arr(g) * scale.astype(_arr(g).dtype)) for g in gradients)

    def _cpu_kernel(self):
        """Whether MindSpore runs this optimizer's kernels on CPU (its ``target``), where some differ from the
        GPU/Ascend ones: ``ApplyMomentum`` ignores ``use_nesterov``, ``ApplyAdagrad`` ignores ``update_slots``,
        ``ApplyFtrl`` takes ``sign(linear)`` as 1."""
        return self._target == "CPU"

    def flatten_gradients(self, gradients):
        return gradients

    def construct(self, *hyper_params):
        raise NotImplementedError

    def __call__(self, *args, **kwargs):
        """``optimizer(gradients)``. Called outside a compiled step (PyNative's 2.x loop), where MindSpore runs the
        update op by op, mindshim's optimizers compile it whole: one program per gradient signature (learning-rate
        schedule, weight decay, loss scale, the update rule and ``global_step``), the replaced buffers of the
        Parameters and of the optimizer's state donated, and the same results and errors as the eager update. An
        optimizer whose ``construct`` is the user's own runs it as written."""
        call = self.__dict__.get("_update_call")
        if (call is False or kwargs or _trace.active() or self._amp_policy is not None
                or isinstance(self.global_step._value, jax.core.Tracer)):  # inside a trace of plain jax.jit
            return super().__call__(*args, **kwargs)
        if call is None:
            call = _engine.UpdateCall(self, self.cls_name) if type(self).construct.__module__.startswith(
                "mindshim.") else False
            object.__setattr__(self, "_update_call", call)
            object.__setattr__(self, "_lr_tables", _lr_tables(self))
            if call is False:
                return super().__call__(*args)
        for table, owner in self._lr_tables:
            table.check_step(owner.global_step._data)
        traces = call.traces
        try:
            return call(*args)
        except Exception:  # noqa: BLE001 - a failed trace changed nothing: the eager update raises or runs
            if call.traces == traces:
                raise
        out = super().__call__(*args)
        object.__setattr__(self, "_update_call", False)  # runs eagerly but does not trace: eager from now on
        return out

    # ---- helpers of mindshim's optimizers ------------------------------------------------------------
    def _check_gradients(self, gradients):
        return checked_gradients(self.cls_name, self._parameters, gradients)

    def _prepare(self, gradients):
        """Checked gradients after weight decay, centralization and loss scale (MindSpore's order)."""
        gradients = self.decay_weight(self._check_gradients(gradients))
        return self.scale_grad(self.gradients_centralization(gradients))

    def _advance(self):
        self.global_step.set_data(self.global_step + self.global_step_increase_tensor)

    def _lr_of_each(self, lr):
        return tuple(lr) if self.is_group_lr else (lr,) * self.param_length

    def _update_each(self, lr, gradients, states, rule):
        """For each parameter: ``rule(lr, grad, param, *state)`` gives the new param and state, written back."""
        for i, (param, grad, lr_i) in enumerate(zip(self._parameters, gradients, self._lr_of_each(lr))):
            owners = (param,) + tuple(state[i] for state in states)
            new = rule(_arr(lr_i), _arr(grad), *(owner._data for owner in owners))
            for owner, value in zip(owners, new):
                owner.set_data(_wrap(value))
        return (True,) * self.param_length


def _lr_tables(optimizer):
    """``(rates, owner)`` for each list of learning rates indexed by the global step of an optimizer in
    ``optimizer`` (itself, or the one LARS wraps)."""
    out = []
    for _, cell in optimizer.cells_and_names():
        if isinstance(cell, Optimizer):
            rates = cell.learning_rate
            for lr in rates if isinstance(rates, CellList) else (rates,):
                if isinstance(lr, _IteratorLearningRate):
                    out.append((lr, cell))
    return out


def checked_gradients(name, params, gradients):
    """``gradients`` as a tuple of Tensors in their parameters' dtypes; a wrong count or shape raises ValueError
    naming the parameter (before the caller changes any state)."""
    if not isinstance(gradients, (tuple, list)):
        raise TypeError(f"For '{name}', the 'gradients' must be a tuple of Tensors, but got "
                        f"{type(gradients).__name__}.")
    if len(gradients) != len(params):
        raise ValueError(f"For '{name}', the number of gradients must equal the number of parameters {len(params)}, "
                         f"but got {len(gradients)}.")
    for param, grad in zip(params, gradients):
        if not isinstance(grad, Tensor):
            raise TypeError(f"For '{name}', the gradient of parameter '{param.name}' must be a Tensor, but got "
                            f"{type(grad).__name__}.")
        if tuple(grad.shape) != tuple(param.shape):
            raise ValueError(f"For '{name}', the gradient of parameter '{param.name}' must have its shape "
                             f"{tuple(param.shape)}, but got {tuple(grad.shape)}.")
    return tuple(_wrap(g._data.astype(p._data.dtype)) for p, g in zip(params, gradients))


def _apply_decay(weight_decay, if_apply, weight, gradient):
    if not if_apply:
        return gradient
    w = weight._data
    return _wrap(w * _arr(weight_decay).astype(w.dtype) + _arr(gradient))


def _centralize(gradient):
    g = _arr(gradient)
    if g.ndim < 2 or g.shape[1] % 16 != 0:
        return gradient
    return _wrap(g - jnp.mean(g, axis=tuple(range(1, g.ndim)), keepdims=True))


class _ConvertToCell(LearningRateSchedule):
    """A fixed learning rate as a schedule (MindSpore returns ``lr + 1.0 - 1.0``, rounding included)."""

    def __init__(self, learning_rate):
        super().__init__()
        if not isinstance(learning_rate, Parameter):
            raise TypeError(f"For 'Optimizer', the argument 'learning_rate' must be Parameter, but got "
                            f"{type(learning_rate)}.")
        self.learning_rate = learning_rate

    def construct(self, global_step):
        return self.learning_rate + 1.0 - 1.0


class _IteratorLearningRate(LearningRateSchedule):
    """A 1-d Tensor of learning rates, indexed by the global step."""

    def __init__(self, learning_rate, name):
        super().__init__()
        if not isinstance(learning_rate, Tensor):
            raise TypeError(f"For 'Optimizer', the argument 'learning_rate' must be Tensor, but got "
                            f"{type(learning_rate)}.")
        if learning_rate.ndim != 1:
            raise ValueError(f"For 'Optimizer', the dimension of the argument 'learning_rate' should be 1, but got "
                             f"{learning_rate.ndim}.")
        self.learning_rate = Parameter(learning_rate, name)

    def construct(self, global_step):
        """``learning_rate[global_step]``; past the end MindSpore's Gather raises (NaN inside a compiled step)."""
        table, step = self.learning_rate._data, _arr(global_step)
        if not isinstance(step, jax.core.Tracer):
            self.check_step(step)
        return _wrap(jnp.take(table, step, axis=0, mode="fill", fill_value=jnp.nan))

    def check_step(self, step):
        """MindSpore's Gather error for a step past the end of the rates (reads the step from the device)."""
        size = self.learning_rate.shape[0]
        for index in np.asarray(step).reshape(-1).tolist():
            if not 0 <= index < size:
                raise RuntimeError(f"For 'Gather', the 'input_indices' should be in the range [0, {size}), but "
                                   f"got {index}, error_code[58]")


class _WrappedWeightDecay(Cell):
    """A weight-decay schedule times the loss scale."""

    def __init__(self, weight_decay, loss_scale=1.0):
        super().__init__()
        self.weight_decay = weight_decay
        self.loss_scale = Tensor(loss_scale, mstype.float32)

    def construct(self, global_step):
        return self.weight_decay(global_step) * self.loss_scale
