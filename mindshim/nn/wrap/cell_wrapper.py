"""Wrapper cells (``mindspore.nn.wrap.cell_wrapper``): a network with its loss, and its gradients."""
from types import FunctionType, MethodType

from ... import _engine, ops
from ...common import dtype as mstype
from ...common.parameter import ParameterTuple
from ...common.tensor import Tensor
from ...ops.composite import grad_call
from ..cell import Cell


class WithLossCell(Cell):
    """``loss_fn(backbone(data), label)``; parameter names are the backbone's (``auto_prefix=False``)."""

    def __init__(self, backbone, loss_fn):
        super().__init__(auto_prefix=False)
        self._backbone = backbone
        self._loss_fn = loss_fn

    def construct(self, data, label):
        return self._loss_fn(self._backbone(data), label)

    @property
    def backbone_network(self):
        return self._backbone


class ForwardValueAndGrad(Cell):
    """``ForwardValueAndGrad(network, weights=None, get_all=False, get_by_list=False, sens_param=False)``.

    Calling it returns ``(network(*inputs), gradients)``, gradients structured as ``GradOperation``'s. The
    forward and backward pass run as one XLA program, compiled once per input signature.
    """

    def __init__(self, network, weights=None, get_all=False, get_by_list=False, sens_param=False):
        super().__init__(auto_prefix=False)
        if not isinstance(network, (Cell, FunctionType, MethodType)):
            raise TypeError("For 'ForwardValueAndGrad', the argument 'network' must be cell, function type or "
                            f"method type, but got '{type(network)}'")
        if not isinstance(get_all, bool):
            raise TypeError(f"For 'ForwardValueAndGrad', the type of 'get_all' must be bool, but got '{type(get_all)}'")
        if not isinstance(get_by_list, bool):
            raise TypeError("For 'ForwardValueAndGrad', the type of 'get_by_list' must be bool, but got "
                            f"'{type(get_by_list)}'")
        if get_by_list and not isinstance(weights, (ParameterTuple, tuple, list)):
            raise TypeError("For 'ForwardValueAndGrad', when 'get_by_list' is set to True, the argument 'weights' "
                            f"must be Parameters array, but got '{type(weights)}'")
        self.network = network
        self.weights = weights
        self.get_all = get_all
        self.get_by_list = get_by_list
        self.sens_param = sens_param
        self._grad = grad_call(network, weights, get_all, get_by_list, sens_param, return_value=True,
                               op_name="ForwardValueAndGrad")

    def construct(self, *inputs):
        return self._grad(*inputs)


class WithEvalCell(Cell):
    """``(loss_fn(network(data), label), network(data), label)`` for evaluation."""

    def __init__(self, network, loss_fn, add_cast_fp32=False):
        super().__init__(auto_prefix=False)
        self._network = network
        self._loss_fn = loss_fn
        self.add_cast_fp32 = add_cast_fp32

    def construct(self, data, label):
        outputs = self._network(data)
        if self.add_cast_fp32:
            label = ops.cast(label, mstype.float32)
            outputs = ops.cast(outputs, mstype.float32)
        return self._loss_fn(outputs, label), outputs, label


class TrainOneStepCell(Cell):
    """One training step, compiled whole: loss and gradients of ``network`` (gradients scaled by ``sens``),
    then ``optimizer(grads)``; returns the loss (and the gradients with ``return_grad``)."""
    _jit_call = True

    def __init__(self, network, optimizer, sens=None, return_grad=False):
        super().__init__(auto_prefix=False)
        self.network = network
        self.network.set_grad()
        self.optimizer = optimizer
        self.weights = self.optimizer.parameters
        self.sens = 1.0 if sens is None else sens
        self._sens = Tensor(self.sens, mstype.float32)
        self.return_grad = return_grad
        self.grad = grad_call(network, self.weights, False, True, "fill", return_value=True,
                              op_name="TrainOneStepCell")

    def grad_reducer(self, grads):
        """Data-parallel gradients are reduced by XLA over the mesh (means); MindSpore's ``gradients_mean=False``
        sums them, so they are scaled by the device count. Identity on one device."""
        scale = _engine.parallel.grad_scale()
        return grads if scale == 1.0 else tuple(g * scale for g in grads)

    def construct(self, *inputs):
        loss, grads = self.grad(*inputs, self._sens)
        grads = self.grad_reducer(grads)
        self.optimizer(grads)
        if self.return_grad:
            return loss, {w.name: g for w, g in zip(self.weights, grads)}
        return loss
