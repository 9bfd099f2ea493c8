"""Wrapper cells (``mindspore.nn.wrap.cell_wrapper``): a network with its loss, and its gradients; micro-batch
wrappers (MicroBatchInterleaved, PipelineCell, GradAccumulationCell), which on one device run the network on each
slice of the batch and add the outputs; VirtualDatasetCellTriple and ParameterUpdate."""
from types import FunctionType, MethodType

from ... import _engine, ops
from ...common import dtype as mstype
from ...common.parameter import Parameter, ParameterTuple
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


def _micro_batch(i, micro_size, inputs):
    """Slice ``i`` of ``micro_size`` equal slices of each input's first axis."""
    out = []
    for x in inputs:
        if x.shape[0] % micro_size != 0:
            raise ValueError(f"For micro batch initialization, the 0th dimension shape of input({x.shape[0]}) must be "
                             f"divided by micro size({micro_size})")
        size = x.shape[0] // micro_size
        out.append(x[size * i:size * (i + 1)])
    return out


class _MicroBatchCell(Cell):
    """The sum of ``network`` over ``micro_size`` slices of the batch (axis 0 of every input)."""
    _name, _size_arg = "", ""

    def __init__(self, network, micro_size):
        super().__init__(auto_prefix=False)
        if self._name != "MicroBatchInterleaved" and not isinstance(network, Cell):
            raise TypeError(f"For '{self._name}', the argument 'network' must cell type, but got the type : "
                            f"{type(network)}.")
        if not isinstance(micro_size, int):
            raise TypeError(f"For '{self._name}', the argument '{self._size_arg}' must be integer, but got the type : "
                            f"{type(micro_size)}.")
        if micro_size <= 0:
            raise ValueError(f"For '{self._name}', the argument '{self._size_arg}' must be large than 0, but got "
                             f"{micro_size}.")
        self.network = network
        self._micro = micro_size

    def construct(self, *inputs):
        ret = None
        for i in range(self._micro):
            out = self.network(*_micro_batch(i, self._micro, inputs))
            ret = out if ret is None else ret + out
        return ret


class MicroBatchInterleaved(_MicroBatchCell):
    """Runs ``network`` on ``interleave_num`` slices of the batch and adds the outputs (MindSpore interleaves their
    communication with computation in model parallel)."""
    _name, _size_arg = "MicroBatchInterleaved", "interleave_num"

    def __init__(self, network, interleave_num=2):
        super().__init__(network, interleave_num)
        self.interleave_num = interleave_num


class PipelineCell(_MicroBatchCell):
    """Runs ``network`` on ``micro_size`` micro-batches and adds the outputs (MindSpore runs them as pipeline
    stages across devices); ``stage_config``/``segment_config`` are not supported."""
    _name, _size_arg = "PipelineCell", "micro_size"

    def __init__(self, network, micro_size, stage_config=None, segment_config=None):
        if stage_config is not None or segment_config is not None:
            raise NotImplementedError("mindspore.nn.PipelineCell with stage_config/segment_config is not supported "
                                      "by mindshim yet.")
        super().__init__(network, micro_size)
        self.micro_size = micro_size


class GradAccumulationCell(_MicroBatchCell):
    """Runs ``network`` on ``micro_size`` micro-batches and adds the outputs, so that their gradients accumulate."""
    _name, _size_arg = "GradAccumulationCell", "micro_size"

    def __init__(self, network, micro_size):
        super().__init__(network, micro_size)
        self.micro_size = micro_size


class _MicroBatch(Cell):
    """MindSpore's internal cell: ``micro(i, *inputs)`` is slice ``i`` of ``micro_size`` of every input's batch."""

    def __init__(self, micro_size):
        super().__init__()
        self.micro_size = micro_size

    def construct(self, i, *inputs):
        return tuple(_micro_batch(i, self.micro_size, inputs))


class _VirtualDatasetCell(Cell):
    """``backbone(*inputs)`` (MindSpore marks the inputs as the dataset for semi-auto parallel)."""

    def __init__(self, backbone):
        super().__init__(auto_prefix=False)
        self._backbone = backbone

    def construct(self, *inputs):
        return self._backbone(*inputs)


class VirtualDatasetCellTriple(Cell):
    """``backbone(a, b, c)`` (MindSpore marks the three inputs as the dataset for semi-auto parallel)."""

    def __init__(self, backbone):
        super().__init__(auto_prefix=False)
        self._backbone = backbone

    def construct(self, a, b, c):
        return self._backbone(a, b, c)


class ParameterUpdate(Cell):
    """Assign ``x`` to ``param`` and return ``x``."""

    def __init__(self, param):
        super().__init__(auto_prefix=False)
        if not isinstance(param, Parameter):
            raise TypeError(f"For 'ParameterUpdate', 'param' must be 'Parameter', but got {type(param)}.")
        self._param = param

    def construct(self, x):
        ops.assign(self._param, x)
        return x
