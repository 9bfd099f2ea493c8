"""``mindspore.nn.ASGD``."""
from ... import _checkparam as validator
from ..._table import _optim_rules as _rules
from ...common import dtype as mstype
from ...common.parameter import Parameter, ParameterTuple
from ...common.tensor import Tensor
from .optimizer import Optimizer, opt_init_args_register

__all__ = ["ASGD"]


class ASGD(Optimizer):
    """Averaged SGD as MindSpore's ``nn.ASGD`` (``t`` counts steps from 1; ``eta`` is ``lr`` at the first step):
    ``param = param * (1 - lambd * eta) - eta * grad``; ``ax += (param - ax) * mu`` (``ax = param`` while
    ``mu == 1``); then ``eta = lr / (1 + lambd * lr * t)^alpha`` and ``mu = 1 / max(1, t - t0)``. Computed in
    Float32. No ``loss_scale``.

    State: the Float32 scalars ``mu_<name>`` (1) and ``eta_<name>`` (0), and ``ax_.<name>`` (zeros).
    """

    @opt_init_args_register
    def __init__(self, params, learning_rate=0.1, lambd=1e-4, alpha=0.75, t0=1e6, weight_decay=0.0):
        super().__init__(learning_rate, params, weight_decay)
        validator.check_value_type("lambd", lambd, [float], self.cls_name)
        validator.check_value_type("alpha", alpha, [float], self.cls_name)
        validator.check_value_type("t0", t0, [float], self.cls_name)
        self.lambd = lambd
        self.alpha = alpha
        self.t0 = Tensor([t0], dtype=mstype.float32)
        self.lens = len(self._parameters)
        self.mu = ParameterTuple(Parameter(Tensor(1., dtype=mstype.float32), name="mu_" + p.name)
                                 for p in self._parameters)
        self.eta = ParameterTuple(Parameter(Tensor(0., dtype=mstype.float32), name="eta_" + p.name)
                                  for p in self._parameters)
        self.ax = self._parameters.clone(prefix="ax_", init="zeros")

    def construct(self, gradients):
        gradients = self._prepare(gradients)
        lr = self.get_lr()
        self._advance()
        step, t0, lambd, alpha = self.global_step._data, self.t0._data, self.lambd, self.alpha
        self._update_each(lr, gradients, (self.ax, self.mu, self.eta), lambda lr, grad, var, ax, mu, eta: (
            _rules.asgd(var, ax, mu, eta, grad, lr, step, lambd, alpha, t0)))
        return True
