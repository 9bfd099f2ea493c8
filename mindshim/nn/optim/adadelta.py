"""``mindspore.nn.Adadelta``."""
from ... import _checkparam as validator
from ..._table import _optim_rules as _rules
from ...common.tensor import Tensor
from .optimizer import Optimizer, opt_init_args_register

__all__ = ["Adadelta"]


class Adadelta(Optimizer):
    """Adadelta as MindSpore's ``ApplyAdadelta``: ``accum = rho * accum + (1 - rho) * grad^2``;
    ``update = sqrt(accum_update + eps) * grad / sqrt(accum + eps)``;
    ``accum_update = rho * accum_update + (1 - rho) * update^2``; ``param -= lr * update``.

    State: ``accum.<name>`` and ``accum_update.<name>`` (zeros).
    """

    @opt_init_args_register
    def __init__(self, params, learning_rate=1.0, rho=0.9, epsilon=1e-6, loss_scale=1.0, weight_decay=0.0):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        name = self.cls_name
        validator.check_value_type("rho", rho, [float], name)
        validator.check_value_type("epsilon", epsilon, [float], name)
        validator.check_float_range(rho, 0.0, 1.0, validator.INC_BOTH, "rho", name)
        validator.check_non_negative_float(epsilon, "epsilon", name)
        self.accum = self._parameters.clone(prefix="accum", init=0)
        self.accum_update = self._parameters.clone(prefix="accum_update", init=0)
        self.rho = rho
        self.epsilon = epsilon

    def construct(self, grads):
        if not isinstance(grads, tuple) or not grads or not isinstance(grads[0], Tensor):
            raise TypeError("For 'Adadelta', the 'grads' must be a tuple of Tensor.")
        grads = self._prepare(grads)
        lr = self.get_lr()
        self._advance()
        rho, epsilon = self.rho, self.epsilon
        return self._update_each(lr, grads, (self.accum, self.accum_update), lambda lr, grad, var, acc, acc_up: (
            _rules.apply_adadelta(var, acc, acc_up, lr, rho, epsilon, grad)))
