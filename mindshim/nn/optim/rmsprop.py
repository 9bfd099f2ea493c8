"""``mindspore.nn.RMSProp``."""
from ... import _checkparam as validator
from ..._table import _optim_rules as _rules
from .optimizer import Optimizer, opt_init_args_register

__all__ = ["RMSProp"]


class RMSProp(Optimizer):
    """RMSProp as MindSpore's ``ApplyRMSProp`` / ``ApplyCenteredRMSProp`` (epsilon inside the square root).

    State: ``mean_square.<name>`` (ones), ``moment.<name>`` (zeros) and, if ``centered``, ``mean_grad.<name>``.
    """

    @opt_init_args_register
    def __init__(self, params, learning_rate=0.1, decay=0.9, momentum=0.0, epsilon=1e-10, use_locking=False,
                 centered=False, loss_scale=1.0, weight_decay=0.0):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        name = self.cls_name
        validator.check_value_type("decay", decay, [float], name)
        validator.check_non_negative_float(decay, "decay", name)
        validator.check_value_type("momentum", momentum, [float], name)
        validator.check_non_negative_float(momentum, "momentum", name)
        validator.check_value_type("epsilon", epsilon, [float], name)
        validator.check_positive_float(epsilon, "epsilon", name)
        validator.check_value_type("use_locking", use_locking, [bool], name)
        validator.check_value_type("centered", centered, [bool], name)
        self.centered = centered
        if centered:
            self.mg = self._parameters.clone(prefix="mean_grad", init="zeros")
        self.momentum = momentum
        self.ms = self._parameters.clone(prefix="mean_square", init="ones")
        self.moment = self._parameters.clone(prefix="moment", init="zeros")
        self.epsilon = epsilon
        self.decay = decay

    def construct(self, gradients):
        gradients = self._prepare(gradients)
        lr = self.get_lr()
        self._advance()
        decay, momentum, epsilon = self.decay, self.momentum, self.epsilon
        if self.centered:
            def rule(lr, grad, var, mg, ms, mom):
                return _rules.apply_centered_rms_prop(var, mg, ms, mom, grad, lr, decay, momentum, epsilon)
            return self._update_each(lr, gradients, (self.mg, self.ms, self.moment), rule)

        def rule(lr, grad, var, ms, mom):
            return _rules.apply_rms_prop(var, ms, mom, lr, grad, decay, momentum, epsilon)
        return self._update_each(lr, gradients, (self.ms, self.moment), rule)
