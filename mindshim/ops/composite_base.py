"""MindSpore's Python-level composites: ``MultitypeFuncGraph`` (functions chosen by their inputs' types), ``HyperMap``
and ``Map`` (a function over the leaves or elements of nested tuples and lists), ``Partial``, and the loop
primitives ``ForiLoop``, ``WhileLoop`` and ``Scan``.

They run as Python: the loops unroll when traced into a compiled call (MindSpore compiles them to graph loops), so
their bounds and conditions must be Python values there.
"""
import functools

from ..common._hooks import grad_tap
from ..common.tensor import Tensor
from .primitive import Primitive

# The type names a MultitypeFuncGraph signature may give for an input of each Python type.
_TYPE_NAMES = ((Tensor, ("tensor",)), (bool, ("bool", "number")), (int, ("int", "int64", "number")),
               (float, ("float", "float32", "number")), (str, ("string", "str")), (tuple, ("tuple",)),
               (list, ("list",)), (dict, ("dictionary", "dict")), (type(None), ("none",)))


def _names(value):
    for cls, names in _TYPE_NAMES:
        if isinstance(value, cls):
            return names
    return ("function",) if callable(value) else ()


def _name(type_name):
    return str(type_name).lower().rsplit(".", 1)[-1].rstrip("_")


class MultitypeFuncGraph:
    """``MultitypeFuncGraph(name)``: functions registered for type signatures (``@f.register("Tensor", "Number")``);
    a call runs the first one whose signature matches its inputs' types."""

    def __init__(self, name, read_value=False):
        self.name = name
        self.read_value = read_value
        self.entries = []

    def register(self, *type_names):
        def deco(fn):
            self.entries.append((tuple(_name(t) for t in type_names), fn))
            return fn
        return deco

    def __call__(self, *args):
        for sig, fn in self.entries:
            if len(sig) == len(args) and all(t in _names(a) for t, a in zip(sig, args)):
                return fn(*args)
        got = tuple(_names(a)[0] if _names(a) else type(a).__name__ for a in args)
        raise ValueError(f"For 'MultitypeFuncGraph', cannot find fn match given args. Got (sigs, fn): "
                         f"{[(sig, fn) for sig, fn in self.entries]}, and (dtype, args): {got}.")


def _each(fn, args, deep, reverse):
    """``fn`` over the elements of the tuples/lists ``args`` (recursively if ``deep``), else on ``args``."""
    first = args[0]
    if not isinstance(first, (tuple, list)):
        return fn(*args)
    for a in args[1:]:
        if not isinstance(a, (tuple, list)) or len(a) != len(first):
            raise ValueError(f"The length of tuples/lists in HyperMap or Map must be the same, but got {len(first)} "
                             f"and {len(a) if isinstance(a, (tuple, list)) else a}.")
    run = (lambda *xs: _each(fn, xs, True, reverse)) if deep else fn
    items = list(zip(*args))
    out = [run(*xs) for xs in (reversed(items) if reverse else items)]
    return (list if isinstance(first, list) else tuple)(reversed(out) if reverse else out)  # a ParameterTuple too


class HyperMap:
    """``HyperMap(ops=None, reverse=False)``: ``ops`` (or the first argument) on the leaves of nested tuples/lists."""
    _deep = True

    def __init__(self, ops=None, reverse=False):
        self.ops, self.reverse = ops, reverse

    def __call__(self, *args):
        fn, args = (self.ops, args) if self.ops is not None else (args[0], args[1:])
        return _each(fn, args, self._deep, self.reverse)


class Map(HyperMap):
    """``Map(ops=None, reverse=False)``: ``ops`` (or the first argument) on the elements of tuples/lists."""
    _deep = False


class Partial(Primitive):
    """``Partial()(fn, *args, **kwargs)``: ``fn`` with its first arguments (and these keyword arguments) fixed."""

    def __init__(self):
        Primitive.__init__(self, "Partial")

    def __call__(self, fn, *args, **kwargs):
        return functools.partial(fn, *args, **kwargs)


class HookBackward(Primitive):
    """``HookBackward(hook_fn)(*inputs)``: the inputs as they are; their gradient goes to ``hook_fn(grads)`` (a
    tuple of Tensors, on the host with their values) and what it returns other than None replaces it."""

    def __init__(self, hook_fn, cell_id=""):
        if not callable(hook_fn):
            raise TypeError(f"For 'HookBackward', the type of 'hook_fn' should be python function, but got "
                            f"{type(hook_fn)}.")
        Primitive.__init__(self, "HookBackward")
        self.hook_fn = hook_fn

    def __call__(self, *inputs):
        def on_grads(grads):
            ret = self.hook_fn(grads)
            return grads if ret is None else (ret if isinstance(ret, tuple) else (ret,))
        out = grad_tap(inputs, on_grads)
        return out[0] if len(out) == 1 else out


class InsertGradientOf(Primitive):
    """``InsertGradientOf(f)(x)``: ``x`` as it is; its gradient ``dx`` becomes ``f(dx)`` (run on the host with the
    gradient's value, so ``f`` may branch on it)."""

    def __init__(self, f):
        Primitive.__init__(self, "InsertGradientOf")
        self.f = f

    def __call__(self, x):
        return grad_tap((x,), lambda grads: (self.f(grads[0]),))[0]


#: ``ops.partial``: MindSpore's instance of the ``Partial`` primitive.
partial = Partial()


def _int(value):
    return int(value.asnumpy()) if isinstance(value, Tensor) else int(value)


class ForiLoop(Primitive):
    """``ForiLoop()(lower, upper, loop_func, init_val, unroll=True)``: ``val = loop_func(i, val)`` for ``i`` from
    ``lower`` to ``upper - 1``."""

    def __init__(self):
        Primitive.__init__(self, "ForiLoop")

    def __call__(self, lower, upper, loop_func, init_val, unroll=True):
        val = init_val
        for i in range(_int(lower), _int(upper)):
            val = loop_func(i, val)
        return val


class WhileLoop(Primitive):
    """``WhileLoop()(cond_func, loop_func, init_val)``: ``val = loop_func(val)`` while ``cond_func(val)``."""

    def __init__(self):
        Primitive.__init__(self, "WhileLoop")

    def __call__(self, cond_func, loop_func, init_val):
        val = init_val
        while cond_func(val):
            val = loop_func(val)
        return val


class Scan(Primitive):
    """``Scan()(loop_func, init, xs, length=None, unroll=True, reverse=False)``: ``carry, y = loop_func(carry, x)``
    over ``xs`` (``length`` times ``None`` if ``xs`` is None); returns ``(carry, [ys])``."""

    def __init__(self):
        Primitive.__init__(self, "Scan")

    def __call__(self, loop_func, init, xs, length=None, unroll=True, reverse=False):
        items = list(xs) if xs is not None else [None] * _int(length)
        carry, ys = init, []
        for x in (reversed(items) if reverse else items):
            carry, y = loop_func(carry, x)
            ys.append(y)
        return carry, ys[::-1] if reverse else ys
