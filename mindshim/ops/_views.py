"""The plain views of the op table, built from the rows' declarations (``mindshim._registry``): functional ops
(``ops.abs``), Tensor methods (``Tensor.abs``) and Python operators (``Tensor.__abs__``). Each is nothing but
:func:`~mindshim._registry.dispatch` of its row on its inputs; overloads and composites are written by hand
in ``ops.function`` and ``ops._tensor_methods``.
"""
import inspect

from .. import _registry, _table  # noqa: F401  (importing _table fills the registry)
from .._registry import dispatch

_DEFAULT_INPUTS = {1: ("input",), 2: ("input", "other"), 3: ("input", "x", "y")}


def input_names(row):
    """The names of a row's inputs in its views: declared on the row, else ``input``/``other`` by arity."""
    if row.inputs is not None:
        return tuple(n for n in row.inputs if n not in row.attrs)
    impl = row.impl
    n = getattr(impl, "nin", None)  # a jnp ufunc
    if n is None:
        n = sum(1 for p in inspect.signature(impl).parameters.values()
                if p.default is p.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD))
    return _DEFAULT_INPUTS[n]


def _defaults(row, names):
    """The defaults the lowering gives some of the view's inputs (``axis=None``, by position): those may be left
    out."""
    try:
        params = list(inspect.signature(row.impl).parameters.values())
    except (TypeError, ValueError):  # a builtin without a signature
        return {}
    return {n: p.default for n, p in zip(names, params) if p.default is not p.empty}


def _bind(name, names, args, kwargs, defaults=None):
    """Positional and keyword arguments as the tuple of inputs, with Python's errors."""
    if len(args) > len(names):
        raise TypeError(f"{name}() takes {len(names)} positional arguments but {len(args)} were given")
    values = dict(zip(names, args))
    for k, v in kwargs.items():
        if k not in names:
            raise TypeError(f"{name}() got an unexpected keyword argument '{k}'")
        if k in values:
            raise TypeError(f"{name}() got multiple values for argument '{k}'")
        values[k] = v
    for k, v in (defaults or {}).items():
        values.setdefault(k, v)
    missing = [n for n in names if n not in values]
    if missing:
        raise TypeError(f"{name}() missing required argument: '{missing[0]}'")
    return tuple(values[n] for n in names)


def _doc(row, view):
    return f"``{view}``: MindSpore's ``{row.name}``. " + (row.impl.__doc__ or "")


def functional(row, name):
    """``ops.<name>(*inputs, *attributes)``: the row on its inputs, with the attributes named among the row's
    declared ``inputs`` (``celu(x, alpha=1.0)``) taken after them, defaulting to the row's."""
    names = input_names(row)
    attrs = tuple(n for n in row.inputs or () if n in row.attrs)
    params, n = names + attrs, len(names)
    defaults = _defaults(row, names)
    defaults.update((a, row.attrs[a]) for a in attrs if row.attrs[a] is not _registry.REQUIRED)

    if attrs:
        def view(*args, **kwargs):
            args = _bind(name, params, args, kwargs, defaults)
            return dispatch(row, args[:n], dict(zip(attrs, args[n:])))
    else:
        def view(*args, **kwargs):
            if kwargs or len(args) != n:
                args = _bind(name, names, args, kwargs, defaults)
            return dispatch(row, args)
    view.__name__ = view.__qualname__ = name
    view.__doc__ = _doc(row, f"ops.{name}")
    view.__signature__ = inspect.Signature([inspect.Parameter(p, inspect.Parameter.POSITIONAL_OR_KEYWORD,
                                                              default=defaults.get(p, inspect.Parameter.empty))
                                            for p in params])
    return view


def method(row, name):
    """``Tensor.<name>(*other inputs)``: the row with the Tensor as its first input."""
    names = input_names(row)[1:]
    n = len(names)
    defaults = _defaults(row, names)

    def view(self, *args, **kwargs):
        if kwargs or len(args) != n:
            args = _bind(name, names, args, kwargs, defaults)
        return dispatch(row, (self, *args))
    view.__name__ = view.__qualname__ = name
    view.__doc__ = _doc(row, f"Tensor.{name}")
    return view


def operator(row, name):
    """A Python operator (``__add__``, reflected ``__radd__``, unary ``__neg__``) over the row."""
    if len(input_names(row)) == 1:
        def view(self):
            return dispatch(row, (self,))
    elif name.startswith("__r") and name != "__rshift__":
        def view(self, other):
            return dispatch(row, (other, self))
    else:
        def view(self, other):
            return dispatch(row, (self, other))
    view.__name__ = view.__qualname__ = name
    view.__doc__ = _doc(row, name)
    return view


def functionals(*families):
    """``{name: view}`` of the functional ops declared by the rows of the table ``families`` (``math``, ...)."""
    return {name: functional(row, name) for row in _registry.REGISTRY.values() if row.family in families
            for name in row.functional}


def attach(cls):
    """Install every row's Tensor methods and operators on ``cls`` (the Tensor class)."""
    for row in _registry.REGISTRY.values():
        for name in row.method:
            setattr(cls, name, method(row, name))
        for name in row.operator:
            setattr(cls, name, operator(row, name))
