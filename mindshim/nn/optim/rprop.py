"""``mindspore.nn.Rprop``."""
from ... import _checkparam as validator
from ..._table import _optim_rules as _rules
from .optimizer import Optimizer, opt_init_args_register

__all__ = ["Rprop"]


class Rprop(Optimizer):
    """Resilient backpropagation as MindSpore's ``nn.Rprop``: each element's step size (``lr`` at the first step)
    is multiplied by ``etaplus`` where ``grad * prev_grad > 0`` and by ``etaminus`` where it is ``< 0`` (that
    gradient then counts as 0), clipped to ``step_sizes``; ``param -= sign(grad) * step_size``. Computed in Float32
    (Float16/BFloat16 parameters in their own dtype). No ``loss_scale``.

    State: ``prev.<name>`` and ``step_size.<name>`` (zeros).
    """

    @opt_init_args_register
    def __init__(self, params, learning_rate=0.1, etas=(0.5, 1.2), step_sizes=(1e-6, 50.), weight_decay=0.):
        super().__init__(learning_rate, params, weight_decay)
        if not isinstance(etas, tuple):
            raise TypeError("For Rprop, etas must be a tuple, but got {}.".format(type(etas)))
        if len(etas) != 2:
            raise ValueError("For Rprop, etas must be a tuple with the size of 2, but got {}.".format(len(etas)))
        if not isinstance(step_sizes, tuple):  # MindSpore's message names type(etas)
            raise TypeError("For Rprop, step_sizes must be a tuple, but got {}.".format(type(etas)))
        if len(step_sizes) != 2:
            raise ValueError("For Rprop, step_sizes must be a tuple with the size of 2, "
                             "but got {}.".format(len(step_sizes)))
        if step_sizes[0] > step_sizes[1]:
            raise ValueError("For Rprop, maximal step size should not be less than minimal step size, "
                             "but got {} > {}.".format(step_sizes[0], step_sizes[1]))
        validator.check_float_range(etas[0], 0.0, 1.0, validator.INC_NEITHER, "etaminus", self.cls_name)
        validator.check_value_type("etaplus", etas[1], [float], self.cls_name)
        if etas[1] <= 1.0:
            raise ValueError("For Rprop, etaplus must be greater than 1.0, but got etaplus {}.".format(etas[1]))
        validator.check_value_type("min_step_sizes", step_sizes[0], [float], self.cls_name)
        validator.check_value_type("max_step_sizes", step_sizes[1], [float], self.cls_name)
        self.etaminus, self.etaplus = etas
        self.step_size_min, self.step_size_max = step_sizes
        self.prev = self._parameters.clone(prefix="prev", init="zeros")
        self.step_size = self._parameters.clone(prefix="step_size", init="zeros")

    def construct(self, gradients):
        gradients = self._prepare(gradients)
        lr = self.get_lr()
        self._advance()
        first = self.global_step._data.reshape(()) == 1
        hyper = (self.etaminus, self.etaplus, self.step_size_min, self.step_size_max)
        self._update_each(lr, gradients, (self.prev, self.step_size), lambda lr, grad, var, prev, step_size: (
            _rules.rprop(var, prev, step_size, grad, lr, first, *hyper)))
        return True
