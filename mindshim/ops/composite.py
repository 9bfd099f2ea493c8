"""``mindspore.ops.GradOperation``: gradients in MindSpore's structure, computed by the engine."""
import functools

from .._engine import GradCall


def grad_call(fn, weights, get_all, get_by_list, sens_param, return_value=False, op_name="GradOperation"):
    """The engine's GradCall for GradOperation's flags."""
    positions = "all" if get_all else (None if get_by_list else (0,))
    return GradCall(fn, weights if get_by_list else None, positions, single=not get_all, sens_param=sens_param,
                    return_value=return_value, op_name=op_name)


class GradOperation:
    """``GradOperation(get_all=False, get_by_list=False, sens_param=False)``.

    ``GradOperation(...)(net, weights)`` returns a function of the network's inputs (and ``sens`` last when
    ``sens_param``) giving: the first input's gradient (both flags False), a tuple of all input gradients
    (``get_all``), a tuple of the weights' gradients (``get_by_list``), or ``((inputs), (weights))`` (both).
    """

    def __init__(self, get_all=False, get_by_list=False, sens_param=False):
        for name, value in (("get_all", get_all), ("get_by_list", get_by_list), ("sens_param", sens_param)):
            if not isinstance(value, bool):
                raise TypeError(f"For 'GradOperation', the type of '{name}' must be bool, but got "
                                f"'{type(value)}'")
        self.get_all, self.get_by_list, self.sens_param = get_all, get_by_list, sens_param
        self._cache = {}

    def __call__(self, fn, weights=None):
        if self.get_by_list and weights is None:
            raise TypeError("For 'GradOperation', when 'get_by_list' is set to True, the argument 'weights' must "
                            "be Parameters array, but got '<class 'NoneType'>'")
        key = (id(fn), id(weights))
        entry = self._cache.get(key)
        if entry is None or entry[0] is not fn or entry[1] is not weights:
            ws = [weights] if weights is not None and not isinstance(weights, (tuple, list)) else weights
            entry = self._cache[key] = (fn, weights, grad_call(fn, ws, self.get_all, self.get_by_list,
                                                               self.sens_param))
        return entry[2]


def _positions(grad_position, op):
    if grad_position is None:
        return None, False
    if isinstance(grad_position, int) and not isinstance(grad_position, bool):
        return (grad_position,), True
    if isinstance(grad_position, (tuple, list)) and grad_position and all(isinstance(p, int) for p in grad_position):
        return tuple(grad_position), False
    raise TypeError(f"For '{op}', the 'grad_position' must be int, tuple of int or None, but got {grad_position}.")


def _weights(weights, op):
    from ..common.parameter import Parameter
    if weights is None:
        return None
    if isinstance(weights, Parameter):
        return [weights]
    if isinstance(weights, (tuple, list)) and all(isinstance(w, Parameter) for w in weights):
        return list(weights)
    raise TypeError(f"For '{op}', the 'weights' must be a Parameter, a list or tuple of Parameters, or None, but "
                    f"got {type(weights).__name__}.")


def value_and_grad(fn, grad_position=0, weights=None, has_aux=False, return_ids=False):
    """``mindspore.value_and_grad``: a function returning ``(fn(*inputs), gradients)``.

    Gradients are those of the inputs at ``grad_position`` (an int gives one Tensor, a tuple a tuple) and/or
    of ``weights`` (a tuple): ``(input grads, weight grads)`` when both are asked for. With ``has_aux``,
    ``fn`` returns ``(loss, aux...)`` and only ``loss`` is differentiated. Forward and backward run as one
    compiled program; Python side effects in ``fn`` happen when it is traced (once per input signature).
    """
    if return_ids:
        raise NotImplementedError("mindspore.value_and_grad(return_ids=True) is not supported by mindshim yet.")
    if grad_position is None and weights is None:
        raise ValueError("For 'value_and_grad', 'grad_position' and 'weights' can not be None at the same time.")
    positions, single = _positions(grad_position, "value_and_grad")
    call = GradCall(fn, _weights(weights, "value_and_grad"), positions, single=single, return_value=True,
                    has_aux=has_aux, op_name="value_and_grad")

    @functools.wraps(fn)
    def value_and_grad_fn(*args):
        return call(*args)
    value_and_grad_fn.grad_call = call
    return value_and_grad_fn


def grad(fn, grad_position=0, weights=None, has_aux=False, return_ids=False):
    """``mindspore.grad``: like :func:`value_and_grad` but returns the gradients alone (``(grads, aux)`` with
    ``has_aux``)."""
    if return_ids:
        raise NotImplementedError("mindspore.grad(return_ids=True) is not supported by mindshim yet.")
    if grad_position is None and weights is None:
        raise ValueError("For 'grad', 'grad_position' and 'weights' can not be None at the same time.")
    positions, single = _positions(grad_position, "grad")
    call = GradCall(fn, _weights(weights, "grad"), positions, single=single, return_value=True, has_aux=has_aux,
                    op_name="grad")

    @functools.wraps(fn)
    def grad_fn(*args):
        out, grads = call(*args)
        return (grads, tuple(out[1:])) if has_aux else grads
    grad_fn.grad_call = call
    return grad_fn
