"""``mindspore._extends``: ``cell_attr_register``, the decorator of a Cell's ``__init__`` that records its
construction arguments as ``cell_init_args`` (``"ClassName" + str(arguments)``), as MindSpore's."""
import functools
import inspect

__all__ = ["cell_attr_register"]


def cell_attr_register(fn=None, attrs=None):
    """Decorate ``__init__`` so that the Cell records ``cell_init_args``: the bound arguments, or the values of the
    attributes ``attrs`` (a name or a list of names) after ``__init__`` ran."""
    def wrap_cell(fn):
        @functools.wraps(fn)
        def deco(self, *args, **kwargs):
            arguments = []
            if attrs is None:
                arguments = inspect.signature(fn).bind(self, *args, **kwargs).arguments
                del arguments["self"]
                arguments = arguments.values()
            fn(self, *args, **kwargs)
            if isinstance(attrs, list):
                for item in attrs:
                    if not isinstance(item, str):
                        raise ValueError("attr must be a string")
                    if hasattr(self, item):
                        arguments.append(getattr(self, item))
            elif isinstance(attrs, str):
                arguments = getattr(self, attrs, arguments)
            elif attrs is not None:
                raise ValueError("attrs must be list or string")
            self.cell_init_args = type(self).__name__ + str(arguments)
        return deco
    return wrap_cell(fn) if fn is not None else wrap_cell
