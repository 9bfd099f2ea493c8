"""``mindspore.nn.LazyAdam``."""
import warnings

from ... import _checkparam as validator
from .adam import _AdamBase, _check_param_value
from .optimizer import opt_init_args_register

__all__ = ["LazyAdam"]


class LazyAdam(_AdamBase):
    """Adam that, for sparse gradients, updates only the rows they hold. mindshim's gradients are dense, for which
    MindSpore runs its ``Adam`` kernel: the update of :class:`Adam` (``beta1_power``/``beta2_power`` of shape
    ``(1,)``). ``weight_decay`` must be a float. Deprecated in MindSpore since 2.0 (use ``nn.Adam``).
    """

    @opt_init_args_register
    def __init__(self, params, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, use_locking=False,
                 use_nesterov=False, weight_decay=0.0, loss_scale=1.0):
        warnings.warn("'LazyAdam' is deprecated from version 2.0 and will be removed in a future version, use "
                      "'nn.Adam' instead.", DeprecationWarning, stacklevel=3)
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        name = self.cls_name
        _check_param_value(beta1, beta2, eps, name)
        validator.check_value_type("weight_dacay", weight_decay, [float], name)  # sic: MindSpore's message
        validator.check_non_negative_float(weight_decay, "weight_decay", name)
        validator.check_value_type("use_locking", use_locking, [bool], name)
        validator.check_value_type("use_nesterov", use_nesterov, [bool], name)
        self._init_adam(beta1, beta2, eps, (1,))
        self.use_nesterov = use_nesterov
        self.use_locking = use_locking

    def construct(self, gradients):
        return self._adam_step(gradients, centralize=True)
