"""``mindspore.nn.LARS``."""
import warnings

from ... import _checkparam as validator
from ..._table import _optim_rules as _rules
from ...common import dtype as mstype
from ...common.parameter import Parameter
from ...common.tensor import Tensor, _wrap
from .optimizer import Optimizer, checked_gradients, opt_init_args_register

__all__ = ["LARS"]


class LARS(Optimizer):
    """Layer-wise adaptive rate scaling around another optimizer: ``LARS(Momentum(...))``.

    Each step divides the gradients by the wrapped optimizer's loss scale and, for the parameters ``lars_filter``
    selects (default: names without 'LayerNorm' or 'bias'), replaces them with MindSpore's ``LARSUpdate``
    ``coeff * (grad + wd * param)``, ``coeff = coefficient * ||param|| / (||grad|| + wd * ||param|| + epsilon)``
    (``wd`` the optimizer's weight decay where it decays the parameter, else 0; with ``use_clip`` the coefficient is
    ``clip(coeff / lr, 0, 1)``), then calls the wrapped optimizer, whose own weight decay and loss scale it turns off.
    MindSpore 2.10 runs ``LARSUpdate`` on GPU/Ascend only (on CPU, unless ``lars_filter`` selects no parameter:
    "RuntimeError: Kernel select failed: Unsupported op [LARSUpdate] on CPU"); mindshim runs it everywhere.
    Deprecated in MindSpore since 2.9.0.
    """

    @opt_init_args_register
    def __init__(self, optimizer, epsilon=1e-05, coefficient=0.001, use_clip=False,
                 lars_filter=lambda x: 'LayerNorm' not in x.name and 'bias' not in x.name):
        warnings.warn("'LARS' is deprecated from version 2.9.0 and will be removed in a future version.",
                      DeprecationWarning, stacklevel=3)
        super().__init__(0.0, [Parameter(Tensor(0.0), name="fake_param")])
        name = self.cls_name
        validator.check_value_type("optimizer", optimizer, [Optimizer], name)
        validator.check_value_type("epsilon", epsilon, [float], name)
        validator.check_value_type("coefficient", coefficient, [float], name)
        validator.check_value_type("use_clip", use_clip, [bool], name)
        self.opt = optimizer
        self.dynamic_decay_flags = optimizer.dynamic_decay_flags
        self.dynamic_weight_decay = optimizer.dynamic_weight_decay
        self.weight_decay = optimizer.weight_decay
        self.global_step = optimizer.global_step
        self.parameters = optimizer.parameters
        self.use_clip = use_clip
        self.lars_flag = tuple(lars_filter(x) for x in self.parameters)
        self.is_group = optimizer.is_group
        self.learning_rate = Parameter(Tensor(0.0, dtype=mstype.float32), name="fake_lr")
        self.decay_flags = optimizer.decay_flags
        self.reciprocal_scale = optimizer.reciprocal_scale
        self.need_scale = optimizer.need_scale
        self.epsilon, self.coefficient = epsilon, coefficient
        self.loss_scale = optimizer.loss_scale
        if use_clip:
            self.is_group_lr = optimizer.is_group_lr
            self.dynamic_lr = optimizer.dynamic_lr
            self.origin_learning_rate = optimizer.learning_rate
            if self.is_group_lr and self.dynamic_lr:
                raise ValueError("For 'LARS', if the argument 'use_clip' is set to True, then the dynamic "
                                 "learning rate and group learning rate cannot both be true.")
        if self.is_group:
            optimizer.dynamic_decay_flags = tuple(False for _ in self.dynamic_decay_flags)
        else:
            optimizer.dynamic_decay_flags = False
        optimizer.decay_flags = tuple(False for _ in self.decay_flags)
        optimizer.dynamic_weight_decay = False
        optimizer.reciprocal_scale = 1.0
        optimizer.exec_weight_decay = False

    def _get_lr(self):
        """The wrapped optimizer's learning rate of this step (a tuple per parameter with groups' rates)."""
        lr = self.origin_learning_rate
        if self.dynamic_lr:
            if self.is_group_lr:
                return tuple(cell(self.global_step) for cell in lr)
            return lr(self.global_step)
        return lr

    def construct(self, gradients):
        gradients = checked_gradients(self.cls_name, self.parameters, gradients)
        lr = self._get_lr() if self.use_clip else self.learning_rate
        weight_decay = self.get_weight_decay()
        gradients = self.scale_grad(gradients)
        count = len(self.parameters)
        lrs = lr if self.use_clip and self.is_group_lr else (lr,) * count
        decays = weight_decay if self.is_group else (weight_decay,) * count
        new = []
        for grad, param, lr_i, wd, decay_flag, lars_flag in zip(gradients, self.parameters, lrs, decays,
                                                                 self.decay_flags, self.lars_flag):
            if lars_flag:
                wd = wd._data / self.loss_scale if decay_flag else 0.0
                grad = _wrap(_rules.lars_update(param._data, grad._data, wd, lr_i._data, self.epsilon,
                                                self.coefficient, self.use_clip))
            new.append(grad)
        success = self.opt(tuple(new))
        if (self.dynamic_lr or self.dynamic_weight_decay) and not self.opt.dynamic_lr \
                and not self.opt.dynamic_weight_decay:
            self._advance()
        return success
