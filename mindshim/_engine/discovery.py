"""Finding the state a function uses: the Parameters reachable from it, walking the objects it closes over.

Objects that own Parameters (MindSpore's Cells) join with :func:`register_owner`, as Flax NNX's graph nodes
do; the engine knows nothing of ``nn``. What this walk misses, the trace watch (``common._trace``) catches.
"""
import functools
import types

from ..common.parameter import Parameter, ParameterTuple

_OWNERS = {}  # type -> (parameters(obj), cells(obj))


def register_owner(cls, parameters, cells):
    """Make instances of ``cls`` state owners: ``parameters(obj)`` lists their Parameters (each once) and
    ``cells(obj)`` the owners they hold (themselves included), whose training flags a compiled call depends on."""
    _OWNERS[cls] = (parameters, cells)


def _owner(obj):
    for cls in type(obj).__mro__:
        found = _OWNERS.get(cls)
        if found is not None:
            return found
    return None


def discover(roots, cells=None, extra=lambda obj: ()):
    """The Parameters reachable from ``roots``: owners, Parameters, containers, and the closures, globals and
    defaults of functions (recursively, 6 levels deep). The owners met on the way (and the ones they hold) are
    appended to ``cells`` when given. ``extra(obj)`` names further objects to walk from ``obj`` (the engine's
    compiled calls: their function and weights)."""
    found, seen = [], set()

    def add(p):
        if id(p) not in seen:
            seen.add(id(p))
            found.append(p)

    def visit(obj, depth):
        if depth > 6 or id(obj) in seen:
            return
        if isinstance(obj, Parameter):
            add(obj)
            return
        seen.add(id(obj))
        owner = _owner(obj)
        if owner is not None:
            for p in owner[0](obj):
                add(p)
            if cells is not None:
                cells.extend(owner[1](obj))
            for v in obj.__dict__.values():
                if isinstance(v, (types.FunctionType, types.MethodType)) or extra(v) or _owner(v) is not None:
                    visit(v, depth + 1)
            return
        more = extra(obj)
        if more:
            for v in more:
                visit(v, depth + 1)
        elif isinstance(obj, (list, tuple, ParameterTuple)):
            for v in obj:
                visit(v, depth + 1)
        elif isinstance(obj, dict):
            for v in obj.values():
                visit(v, depth + 1)
        elif isinstance(obj, types.MethodType):
            visit(obj.__self__, depth + 1)
            visit(obj.__func__, depth + 1)
        elif isinstance(obj, functools.partial):
            visit(obj.func, depth + 1)
            visit(obj.args, depth + 1)
        elif isinstance(obj, types.FunctionType):
            for cell in obj.__closure__ or ():
                try:
                    visit(cell.cell_contents, depth + 1)
                except ValueError:  # an empty closure cell
                    pass
            for name in _global_names(obj.__code__):
                if name in obj.__globals__:
                    visit(obj.__globals__[name], depth + 1)
            visit(obj.__defaults__ or (), depth + 1)
            visit(getattr(obj, "__wrapped__", None), depth + 1)
    for root in roots:
        visit(root, 0)
    return found


def _global_names(code):
    names = set(code.co_names)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            names |= _global_names(const)
    return names
