"""A clear error for MindSpore APIs mindshim does not have yet.

``mindspore.nn.Foo`` that mindshim lacks raises :class:`Unsupported`, a ``NotImplementedError`` that is also an
``AttributeError``, so ``hasattr``/``getattr(..., default)`` still work as for a missing attribute.
"""


class Unsupported(NotImplementedError, AttributeError):
    pass


def module_getattr(module_name):
    """A module-level ``__getattr__`` for ``mindshim.X`` naming the missing ``mindspore.X.name``."""
    public = "mindspore" + module_name[len("mindshim"):]

    def __getattr__(name):
        if name.startswith("_"):
            raise AttributeError(f"module '{module_name}' has no attribute '{name}'")
        raise Unsupported(f"{public}.{name} is not supported by mindshim yet.")
    return __getattr__


def unsupported_class(public, base=object):
    """A class standing for MindSpore's ``public`` (``mindspore.nn.AdaFactor``) where mindshim lacks it: importing it
    works, constructing it raises NotImplementedError naming it."""
    def __init__(self, *args, **kwargs):
        raise NotImplementedError(f"{public} is not supported by mindshim yet.")
    module, name = public.rsplit(".", 1)
    return type(name, (base,), {"__init__": __init__, "__module__": module,
                                "__doc__": f"MindSpore's ``{public}`` (not supported by mindshim yet: constructing it "
                                           "raises NotImplementedError)."})
