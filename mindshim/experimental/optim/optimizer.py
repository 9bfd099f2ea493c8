"""``mindspore.experimental.optim.Optimizer``: the PyTorch-style base with ``param_groups``.

Each group is a dict of the optimizer's ``defaults`` overridden by the group's own keys; its ``lr`` becomes a
Parameter ``learning_rate_group_<i>`` (kept in ``lrs``, not among the Cell's parameters, as in MindSpore) and
its ``weight_decay`` a float. ``parameters`` holds all groups' Parameters in order; ``group_start_id`` marks
where each group starts.
"""
from collections import defaultdict

from ... import _checkparam as validator
from ...common import dtype as mstype
from ...common.parameter import Parameter, ParameterTuple
from ...common.tensor import Tensor, _wrap
from ...nn.cell import Cell
from ...nn.optim.optimizer import Optimizer as _NNOptimizer
from ...nn.optim.optimizer import checked_gradients

__all__ = ["Optimizer"]


class Optimizer(Cell):
    """``Optimizer(params, defaults)``: ``params`` is an iterable of Parameters or of group dicts."""

    def __init__(self, params, defaults):
        super().__init__(auto_prefix=False)
        param_groups = _NNOptimizer._parameters_base_check(params, "params")
        self.defaults = defaults
        self.state = defaultdict(dict)
        self.param_groups = []
        self.parameters = []
        self.lrs = []
        self.group_start_id = [0]
        if not isinstance(param_groups[0], dict):
            param_groups = [{"params": param_groups}]
        for param_group in param_groups:
            self.add_param_group(param_group)
        self.parameters = ParameterTuple(self.parameters)

    @property
    def cls_name(self):
        return type(self).__name__

    def __repr__(self):
        text = type(self).__name__ + " ("
        for i, group in enumerate(self.param_groups):
            text += f"\nParameter Group {i}\n"
            for key in sorted(group.keys()):
                if key != "params":
                    value = group[key].value() if key == "lr" and isinstance(group[key], Parameter) else group[key]
                    text += f"    {key}: {value}\n"
        return text + ")"

    __str__ = __repr__

    def add_param_group(self, param_group):
        """Add a group: its missing keys come from ``defaults``; ``lr`` becomes a Parameter."""
        group_id = len(self.param_groups)
        param_group = self._preprocess_param_group(param_group)
        self.parameters += tuple(param_group.get("params"))
        for name, default in self.defaults.items():
            param_group.setdefault(name, default)
        lr = self._build_single_lr(param_group.get("lr"), "learning_rate_group_" + str(group_id))
        weight_decay = self._preprocess_weight_decay(param_group.get("weight_decay", 0.0))
        self.lrs.append(lr)
        param_group["lr"] = lr
        param_group["weight_decay"] = weight_decay
        if param_group.get("amsgrad") and hasattr(self, "max_v_group"):
            param_group["max_exp_avg_sq"] = ParameterTuple(param_group["params"]).clone(prefix="max_exp_avg_sq",
                                                                                         init="zeros")
        self.param_groups.append(param_group)
        self.group_start_id.append(self.group_start_id[-1] + len(param_group["params"]))

    def _preprocess_param_group(self, param_group):
        if not isinstance(param_group, dict):
            raise TypeError("Param group must be a dict.")
        params = param_group["params"]
        if isinstance(params, Parameter):
            param_group["params"] = [params]
        elif isinstance(params, set):
            raise TypeError("Optimizer parameters need to be organized in ordered collections, but the ordering of "
                            "tensors in sets will change between runs. Please use a list instead.")
        else:
            param_group["params"] = list(params)
        for param in param_group["params"]:
            if not isinstance(param, Parameter):
                # MindSpore adds a type to a str here, so what it raises is Python's own TypeError.
                raise TypeError('can only concatenate str (not "type") to str')
        seen = {id(p) for group in self.param_groups for p in group["params"]}
        if any(id(p) in seen for p in param_group["params"]):
            raise ValueError("some parameters appear in more than one parameter group.")
        return param_group

    def _build_single_lr(self, learning_rate, name):
        if isinstance(learning_rate, (float, int)):
            learning_rate = float(learning_rate)
            validator.check_non_negative_float(learning_rate, "learning rate", self.cls_name)
            return Parameter(Tensor(learning_rate, mstype.float32), name)
        if isinstance(learning_rate, Tensor):
            if learning_rate.ndim == 0:
                return Parameter(learning_rate.astype(mstype.float32), name)
            raise ValueError("For 'Optimizer', if 'learning_rate' is a Tensor, then it should be scalar Tensor")
        raise TypeError("For 'Optimizer', the argument 'learning_rate' must be int, float or Tensor, but got "
                        f"{type(learning_rate)}.")

    def _preprocess_weight_decay(self, weight_decay):
        if isinstance(weight_decay, (float, int)):
            weight_decay = float(weight_decay)
            validator.check_non_negative_float(weight_decay, "weight_decay", self.cls_name)
            return weight_decay
        raise TypeError("For 'Optimizer', the argument 'Weight_decay' must be int or float.but got "
                        f"{type(weight_decay)}")

    def _decay_weight(self, weight_decay, params, gradients):
        """``gradient + weight_decay * parameter`` (L2 penalty) if ``weight_decay`` is not 0."""
        if weight_decay == 0.0:
            return gradients
        return tuple(_wrap(p._data * Tensor(weight_decay, mstype.float32)._data.astype(p._data.dtype) + g._data)
                     for p, g in zip(params, gradients))

    def construct(self, *hyper_params):
        raise NotImplementedError

    # ---- helpers of mindshim's optimizers ------------------------------------------------------------
    def _init_step(self):
        """MindSpore's step counter: ``step_t`` (Int32, 0-d), advanced by ``_advance_step``."""
        self.step_t = Parameter(Tensor(0, mstype.int32), "step_t")
        self.increase_tensor = Tensor(1, mstype.int32)

    def _advance_step(self):
        self.step_t.set_data(self.step_t + self.increase_tensor)
        return self.step_t._data

    def _update_groups(self, gradients, states, group_rule, weight_decay=True):
        """Check ``gradients``; then per group, with its gradients (negated where it maximizes; plus L2 weight decay
        if ``weight_decay``), ``update_each`` over its Parameters and its part of each of ``states`` with the rule
        ``group_rule(group, lr)``."""
        for group, lr, params, grads, start in self._checked_groups(gradients):
            if weight_decay:
                grads = self._decay_weight(group["weight_decay"], params, grads)
            end = start + len(params)
            update_each(params, grads, tuple(state[start:end] for state in states), group_rule(group, lr))

    def _checked_groups(self, gradients):
        """Check ``gradients`` (before any state changes), then ``(group, lr, params, grads, start)`` per group, the
        gradients negated where the group maximizes."""
        gradients = checked_gradients(self.cls_name, self.parameters, gradients)
        out = []
        for group_id, group in enumerate(self.param_groups):
            start, end = self.group_start_id[group_id], self.group_start_id[group_id + 1]
            lr = group["lr"]
            lr = Tensor(lr, mstype.float32) if isinstance(lr, float) else self.lrs[group_id]
            grads = gradients[start:end]
            if group.get("maximize"):
                grads = tuple(-g for g in grads)
            out.append((group, lr._data, self.parameters[start:end], grads, start))
        return out


def check_not_less_than(arg_value, arg_name, prim, value=0.0):
    if arg_value < value:
        raise ValueError(f"For {prim}, the {arg_name} must be greater than or equal to {value}, but got {arg_value}.")


def check_not_less_than_without_equal(arg_value, arg_name, prim, value=0.0):
    if arg_value <= value:
        raise ValueError(f"For {prim}, the {arg_name} must be greater than {value}, but got {arg_value}.")


def update_each(params, grads, states, rule):
    """For each parameter: ``rule(grad, param, *state)`` gives the new param and state, written back."""
    for i, (param, grad) in enumerate(zip(params, grads)):
        owners = (param,) + tuple(state[i] for state in states)
        for owner, value in zip(owners, rule(grad._data, *(owner._data for owner in owners))):
            owner.set_data(_wrap(value))
