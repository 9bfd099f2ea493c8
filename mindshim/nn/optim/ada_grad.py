"""``mindspore.nn.Adagrad``."""
from ... import _checkparam as validator
from ..._table import _optim_rules as _rules
from .optimizer import Optimizer, opt_init_args_register

__all__ = ["Adagrad"]


class Adagrad(Optimizer):
    """``accum += grad ** 2``; ``param -= lr * grad / sqrt(accum)`` (no epsilon, as MindSpore's ``ApplyAdagrad``).
    ``update_slots=False`` leaves ``accum`` unchanged on GPU/Ascend; on CPU (``device_target``), MindSpore 2.10's
    kernel ignores it, and so does mindshim.

    State: ``accum.<name>``, initialised to ``accum`` (0.1).
    """

    @opt_init_args_register
    def __init__(self, params, accum=0.1, learning_rate=0.001, update_slots=True, loss_scale=1.0, weight_decay=0.0):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        validator.check_value_type("accum", accum, [float], self.cls_name)
        validator.check_value_type("update_slots", update_slots, [bool], self.cls_name)
        validator.check_non_negative_float(accum, "accum", self.cls_name)
        self.accum = self._parameters.clone(prefix="accum", init=accum)
        self.update_slots = update_slots

    def construct(self, grads):
        grads = self._prepare(grads)
        lr = self.get_lr()
        self._advance()
        update_slots = self.update_slots or self._cpu_kernel()
        return self._update_each(lr, grads, (self.accum,), lambda lr, grad, var, accum: _rules.apply_adagrad(
            var, accum, lr, grad, update_slots))
