"""``mindspore.nn.FTRL``."""
import warnings

from ... import _checkparam as validator
from ..._table import _optim_rules as _rules
from ...common import dtype as mstype
from .optimizer import Optimizer, opt_init_args_register

__all__ = ["FTRL"]


class FTRL(Optimizer):
    """FTRL-proximal as MindSpore's ``ApplyFtrl`` (``p`` is ``lr_power``): ``accum' = accum + grad^2``;
    ``linear += grad - (accum'^-p - accum^-p) / lr * param``; ``param = (sign(linear) * l1 - linear) /
    (accum'^-p / lr + 2 * l2)`` where ``|linear| > l1``, else 0.

    The learning rate must be a fixed positive float (no groups' rates, no schedule), and the parameters Float32 or
    Float64 (a step on Float16/BFloat16 ones raises TypeError, as in MindSpore 2.10). Without groups, weight decay
    applies to every parameter ('beta' and 'gamma' included). State: ``moments.<name>`` (``initial_accum``) and
    ``linear.<name>`` (zeros). Deprecated in MindSpore since 2.9.0.

    That is MindSpore's GPU/Ascend kernel. On CPU (``device_target``), MindSpore 2.10's ``ApplyFtrl`` takes
    ``sign(linear)`` as 1 (``param = (l1 - linear) / ...``, which matters where ``linear < -l1``), and so does
    mindshim.
    """

    @opt_init_args_register
    def __init__(self, params, initial_accum=0.1, learning_rate=0.001, lr_power=-0.5, l1=0.0, l2=0.0,
                 use_locking=False, loss_scale=1.0, weight_decay=0.0):
        warnings.warn("'FTRL' is deprecated from version 2.9.0 and will be removed in a future version.",
                      DeprecationWarning, stacklevel=3)
        super().__init__(learning_rate, params, weight_decay, loss_scale=loss_scale)
        if self.dynamic_lr or self.is_group_lr:
            raise ValueError(f"For 'FTRL', dynamic learning rate and group learning rate are currently not supported "
                             f"in FTRL, they should all be false, but got dynamic learning rate {self.dynamic_lr} and"
                             f" group learning rate {self.is_group_lr}.")
        name = self.cls_name
        validator.check_value_type("initial_accum", initial_accum, [float], name)
        validator.check_number("initial_accum", initial_accum, 0.0, ">=", name)
        validator.check_value_type("learning_rate", learning_rate, [float], name)
        validator.check_positive_float(learning_rate, "learning_rate", name)
        validator.check_value_type("lr_power", lr_power, [float], name)
        validator.check_number("lr_power", lr_power, 0.0, "<=", name)
        validator.check_value_type("l1", l1, [float], name)
        validator.check_number("l1", l1, 0.0, ">=", name)
        validator.check_value_type("l2", l2, [float], name)
        validator.check_number("l2", l2, 0.0, ">=", name)
        validator.check_value_type("use_locking", use_locking, [bool], name)
        self.moments = self._parameters.clone(prefix="moments", init=initial_accum)
        self.linear = self._parameters.clone(prefix="linear", init="zeros")
        self.l1 = l1
        self.l2 = l2
        self.lr = learning_rate
        self.lr_power = lr_power
        if not self.is_group:
            self.decay_flags = tuple(True for _ in self._parameters)
        self.use_locking = use_locking

    def construct(self, grads):
        for param in self._parameters:
            if param.dtype in (mstype.float16, mstype.bfloat16):
                raise TypeError("Data type conversion is not supported for a 'Parameter', nor for the input tensor of "
                                "an in-place operator, the argument[var]'s data type of primitive[ApplyFtrl] is "
                                f"{param.dtype}, which cannot be converted to data type Float32 automatically.")
        grads = self._prepare(grads)
        lr = self.get_lr()
        self._advance()
        l1, l2, lr_power, cpu = self.l1, self.l2, self.lr_power, self._cpu_kernel()
        return self._update_each(lr, grads, (self.moments, self.linear), lambda lr, grad, var, accum, linear: (
            _rules.apply_ftrl(var, accum, linear, grad, lr, l1, l2, lr_power, cpu)))
