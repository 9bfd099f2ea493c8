"""``mindspore.ops.GradOperation``, ``grad``, ``value_and_grad``: gradients in MindSpore's structure, computed by
the engine; ``jvp``, ``vjp``, ``jacfwd``, ``jacrev``, ``linearize``, ``vmap``, ``jet``, ``derivative``: JAX's
transformations of the function over Tensors, made pure by ``functionalize`` (its Parameters fixed at their
current values)."""
import contextlib
import functools

import jax

from .. import _registry
from .._engine import GradCall, functionalize
from .._engine.state import to_tensors
from .composite_base import HyperMap, Map, MultitypeFuncGraph  # noqa: F401  (MindSpore's composite holds them)
from .primitive import add_flags, constexpr  # noqa: F401  (MindSpore exports them here too)


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
    """``(positions, single)``: an int, or a tuple of one, gives its gradient alone (as MindSpore)."""
    if grad_position is None:
        return None, False
    if isinstance(grad_position, int) and not isinstance(grad_position, bool):
        return (grad_position,), True
    if isinstance(grad_position, (tuple, list)) and grad_position and all(isinstance(p, int) for p in grad_position):
        return tuple(grad_position), len(grad_position) == 1
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


def _arrange(positions, single, weights, single_weight, return_ids, grads):
    """MindSpore's structure of GradCall's ``grads``: a single Parameter's gradient alone (a list or tuple of
    Parameters gives a tuple); with ``return_ids`` each gradient paired with its input position or its
    Parameter's name."""
    gx, gw = grads if positions is not None and weights is not None else \
        (grads, None) if weights is None else (None, grads)
    parts = []
    if positions is not None:
        parts.append(((positions[0], gx) if single else tuple(zip(positions, gx))) if return_ids else gx)
    if weights is not None:
        names = [w.name for w in weights]
        if single_weight:
            parts.append((names[0], gw[0]) if return_ids else gw[0])
        else:
            parts.append(tuple(zip(names, gw)) if return_ids else gw)
    return tuple(parts) if len(parts) == 2 else parts[0]


def get_grad(gradients, identifier):
    """The gradient paired with ``identifier`` (an input position or a Parameter) in ``return_ids`` gradients."""
    key = getattr(identifier, "name", identifier)
    stack = [gradients]
    while stack:
        item = stack.pop()
        if isinstance(item, tuple) and len(item) == 2 and not isinstance(item[0], tuple) and item[0] == key:
            return item[1]
        if isinstance(item, tuple):
            stack.extend(reversed(item))
    raise ValueError(f"For 'get_grad', the identifier {identifier} is not found in the gradients.")


def _grad_call(fn, grad_position, weights, has_aux, sens_param, return_ids, op):
    """``(GradCall, arrange)`` of ``grad``/``value_and_grad`` (``op``), its arguments checked: ``arrange`` gives
    the call's gradients MindSpore's structure."""
    from ..common.parameter import Parameter
    if grad_position is None and weights is None:
        raise ValueError(f"For '{op}', 'grad_position' and 'weights' can not be None at the same time.")
    positions, single = _positions(grad_position, op)
    single_weight = isinstance(weights, Parameter)
    weights = _weights(weights, op)
    call = GradCall(fn, weights, positions, single=single, sens_param=sens_param, return_value=True,
                    has_aux=has_aux, op_name=op)
    return call, functools.partial(_arrange, positions, single, weights, single_weight, return_ids)


def value_and_grad(fn, grad_position=0, weights=None, has_aux=False, return_ids=False, sens_param=False):
    """``mindspore.value_and_grad``: a function returning ``(fn(*inputs), gradients)``.

    Gradients are those of the inputs at ``grad_position`` (an int, or a tuple of one, gives one Tensor, a longer
    tuple a tuple) and/or of ``weights`` (a Parameter gives one Tensor, a list or tuple a tuple): ``(input grads,
    weight grads)`` when both are asked for. With ``has_aux``, ``fn`` returns ``(loss, aux...)`` and only
    ``loss`` is differentiated. Forward and backward run as one compiled program; Python side effects in ``fn``
    happen when it is traced (once per input signature).
    """
    call, arrange = _grad_call(fn, grad_position, weights, has_aux, sens_param, return_ids, "value_and_grad")

    @functools.wraps(fn)
    def value_and_grad_fn(*args):
        out, grads = call(*args)
        return out, arrange(grads)
    value_and_grad_fn.grad_call = call
    return value_and_grad_fn


def grad(fn, grad_position=0, weights=None, has_aux=False, return_ids=False, sens_param=False):
    """``mindspore.grad``: like :func:`value_and_grad` but returns the gradients alone (``(grads, aux)`` with
    ``has_aux``)."""
    call, arrange = _grad_call(fn, grad_position, weights, has_aux, sens_param, return_ids, "grad")

    @functools.wraps(fn)
    def grad_fn(*args):
        out, grads = call(*args)
        grads = arrange(grads)
        return (grads, tuple(out[1:])) if has_aux else grads
    grad_fn.grad_call = call
    return grad_fn


# ---- forward-mode and batching transformations ---------------------------------------------------------------------
def _pure(fn):
    """``fn`` over Tensors as a pure function of arrays (its Parameters fixed at their current values)."""
    params, apply = functionalize(fn)
    return functools.partial(apply, params)


def _arrays(values):
    values = values if isinstance(values, (tuple, list)) else (values,)
    return tuple(v._data for v in values)


def _split_aux(f):
    """``f`` returning ``(first output, aux)``: aux is the second output, or the tuple of the rest."""
    def split(*arrays):
        out = f(*arrays)
        return out[0], (out[1] if len(out) == 2 else tuple(out[1:]))
    return split


def jvp(fn, inputs, v, has_aux=False):
    """``(fn(*inputs), J @ v)`` (and the aux outputs with ``has_aux``): the Jacobian-vector product at ``inputs``."""
    f = _pure(fn)
    with _registry.forward_mode():
        if has_aux:
            out, tangent, aux = jax.jvp(_split_aux(f), _arrays(inputs), _arrays(v), has_aux=True)
            return to_tensors(out), to_tensors(tangent), to_tensors(aux)
        out, tangent = jax.jvp(f, _arrays(inputs), _arrays(v))
    return to_tensors(out), to_tensors(tangent)


def vjp(fn, *inputs, weights=None, has_aux=False):
    """``(fn(*inputs), vjp_fn)`` (and the aux outputs with ``has_aux``); ``vjp_fn(v)`` gives ``v @ J`` for each
    input, as a tuple."""
    if weights is not None:
        raise NotImplementedError("mindspore.vjp with weights is not supported by mindshim yet.")
    f = _pure(fn)
    if has_aux:
        out, pullback, aux = jax.vjp(_split_aux(f), *_arrays(inputs), has_aux=True)
    else:
        out, pullback = jax.vjp(f, *_arrays(inputs))

    def vjp_fn(*v):
        return to_tensors(tuple(pullback(v[0]._data if len(v) == 1 else _arrays(v))))  # a tuple, one input too
    return (to_tensors(out), vjp_fn, to_tensors(aux)) if has_aux else (to_tensors(out), vjp_fn)


def _jacobian(transform, name, forward):
    def jacobian(fn, grad_position=0, has_aux=False):
        """The Jacobian of ``fn`` with respect to the inputs at ``grad_position`` (with ``has_aux``: of the first
        output, returned with the others as ``(jacobian, aux)``)."""
        f = _pure(fn)
        jac = transform(_split_aux(f) if has_aux else f, argnums=grad_position, has_aux=has_aux)

        def jac_fn(*inputs):
            with _registry.forward_mode() if forward else contextlib.nullcontext():
                return to_tensors(jac(*_arrays(inputs)))
        return jac_fn
    jacobian.__name__ = jacobian.__qualname__ = name
    return jacobian


jacfwd = _jacobian(jax.jacfwd, "jacfwd", True)
jacrev = _jacobian(jax.jacrev, "jacrev", False)


def linearize(fn, inputs):
    """``(fn(*inputs), jvp_fn)``: ``jvp_fn(v)`` gives ``J @ v`` at ``inputs`` without evaluating ``fn`` again."""
    with _registry.forward_mode():
        out, f_jvp = jax.linearize(_pure(fn), *_arrays(inputs))

    def jvp_fn(v):
        return to_tensors(f_jvp(*_arrays(v)))
    return to_tensors(out), jvp_fn


_TAYLOR_DTYPES = ("int32", "int64", "float32", "float64")


def _taylor_input(x, what, series=None):
    """``x`` (and its ``series``) as Taylor mode takes them: int32/int64 become float32."""
    if str(x._data.dtype) not in _TAYLOR_DTYPES or (series is not None and series._data.dtype != x._data.dtype):
        raise TypeError(what)
    cast = (lambda a: a.astype("float32")) if x._data.dtype.kind == "i" else (lambda a: a)
    return cast(x._data), (None if series is None else cast(series._data))


def _taylor(fn, primals, series):
    """``fn`` along the curve through ``primals`` whose 1st, 2nd, ... derivatives are ``series`` (one array per
    order for each primal): its value, and the derivatives of its value along the curve (stacked per output)."""
    from jax.experimental import jet as jax_jet

    with _registry.forward_mode():
        out, terms = jax_jet.jet(_pure(fn), tuple(primals), tuple(list(s) for s in series))
    if isinstance(out, (tuple, list)):
        return [to_tensors(o) for o in out], [to_tensors(jax.numpy.stack(t)) for t in terms]
    return to_tensors(out), to_tensors(jax.numpy.stack(terms))


def jet(fn, primals, series):
    """Taylor-mode derivatives (``jax.experimental.jet``): ``series[i]`` is the ``(i+1)``-th derivative of the
    input along a curve (a Tensor with a leading order axis, or a tuple of them for a tuple of ``primals``);
    returns ``(fn(primals), out_series)``, ``out_series[i]`` the ``(i+1)``-th derivative of the output along it
    (lists of them for several outputs)."""
    from ..common.tensor import Tensor

    if not (isinstance(primals, Tensor) and isinstance(series, Tensor)) and \
            not (isinstance(primals, tuple) and isinstance(series, tuple)):
        raise TypeError("For 'F.jet', the 'primals' and `series` must be both Tensor or tuple.")
    what = ("For `F.jet`, the elements' types of primals and series must be the same and belong to "
            "`mstype.int32, mstype.int64, mstype.float32, mstype.float64`, but got other dtype.")
    if isinstance(primals, Tensor):
        if primals.shape == series.shape:
            series = series.expand_dims(0)
        elif primals.shape != series.shape[1:]:
            raise ValueError("In series, the shape of each element must be the same as the primals.")
        primals, series = (primals,), (series,)
    elif len(primals) != len(series):
        raise ValueError("The lengths of primals and series must be the same.")
    pairs = [_taylor_input(p, what, s) for p, s in zip(primals, series)]
    return _taylor(fn, [p for p, _ in pairs], [s for _, s in pairs])


def derivative(fn, primals, order):
    """The ``order``-th derivative of ``fn`` along the direction of ones from ``primals`` (a Tensor or a tuple of
    them): ``(fn(primals), that derivative)`` (lists of them for several outputs)."""
    if not isinstance(order, int):
        raise TypeError("For `F.derivative`, the type of order must be int.")
    if order < 1:
        raise ValueError(f"For `F.derivative`, value of order should not be less than 1, but got {order}.")
    what = ("For `F.derivative`, the elements of primals must belong to `mstype.int32, mstype.int64, mstype.float32, "
            "mstype.float64`, but got other dtype.")
    arrays = [_taylor_input(p, what)[0] for p in (primals if isinstance(primals, tuple) else (primals,))]
    series = [[jax.numpy.ones_like(a)] + [jax.numpy.zeros_like(a)] * (order - 1) for a in arrays]
    out, terms = _taylor(fn, arrays, [jax.numpy.stack(s) for s in series])
    return out, ([t[-1] for t in terms] if isinstance(terms, list) else terms[-1])


def vmap(fn, in_axes=0, out_axes=0):
    """``fn`` mapped over the axes ``in_axes`` of its inputs (None: not mapped), the results stacked at
    ``out_axes``."""
    f = jax.vmap(_pure(fn), in_axes=in_axes, out_axes=out_axes)

    def mapped(*inputs):
        return to_tensors(f(*_arrays(inputs)))
    return mapped


# ---- graph-building helpers, run as Python ----------------------------------------------------------------------
