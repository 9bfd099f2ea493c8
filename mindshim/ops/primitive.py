"""``mindspore.ops.Primitive``: the base of primitive op classes, each a view of one op-table row, and
``prim_attr_register``."""
import copy
import functools
import inspect

from .. import _registry
from .._registry import dispatch


class Primitive:
    """A MindSpore primitive: constructor arguments are attributes, calling it runs the op (``add_prim_attr``
    records more attributes, as MindSpore's, which the lowering does not take)."""
    _row = None

    def __init__(self, name=None):
        self.name = name or type(self).__name__
        self.attrs = {}

    def add_prim_attr(self, name, value):
        self.__dict__[name] = value
        self.attrs[name] = value
        return self

    def del_prim_attr(self, name):
        self.__dict__.pop(name, None)
        self.attrs.pop(name, None)
        return self

    def init_prim_io_names(self, inputs, outputs):
        """Record the names of the inputs and outputs (attributes ``input_names``/``output_names``)."""
        self.add_prim_attr("input_names", inputs)
        self.add_prim_attr("output_names", outputs)

    def set_prim_instance_name(self, name):
        self.instance_name = name
        return self

    def shard(self, in_strategy=None, out_strategy=None, **kwargs):
        """The sharding strategy MindSpore's semi-auto parallel mode gives this primitive (attributes
        ``in_strategy``/``out_strategy``); other modes ignore it, as mindshim, whose placement follows ``Cell.shard``
        and data parallelism, always does. Returns self."""
        self.add_prim_attr("in_strategy", in_strategy)
        if out_strategy is not None:
            self.add_prim_attr("out_strategy", out_strategy)
        return self

    def set_device(self, device_target):
        """The device MindSpore would run this primitive on (attribute ``primitive_target``); mindshim runs every
        op on the context's device."""
        return self.add_prim_attr("primitive_target", device_target)

    def set_stage(self, stage):
        """The pipeline stage (attribute ``stage``); mindshim has no pipeline parallelism, the attribute is kept."""
        return self.add_prim_attr("stage", stage)

    def recompute(self, mode=True):
        """Mark the output for recomputation in the backward pass (attribute ``recompute``): a memory setting that
        does not change values; mindshim keeps the attribute."""
        return self.add_prim_attr("recompute", mode)

    def place(self, role, rank_id):
        """The role and rank of the process that would run this primitive in a parameter-server job (attributes
        ``ms_role``/``rank_id``)."""
        self.add_prim_attr("ms_role", role)
        self.add_prim_attr("rank_id", rank_id)

    def check_elim(self, *args):
        """Whether the primitive can be eliminated for these inputs, and its value then: ``(False, None)``."""
        return (False, None)

    def __call__(self, *inputs):
        if self._row is None:
            raise NotImplementedError(f"mindspore.ops.{self.name} is not supported by mindshim yet.")
        return dispatch(self._row, inputs, self._call_attrs, self._fn)

    def __deepcopy__(self, memo):
        """A copy with its own attribute dict; the bound lowering (immutable) is shared."""
        new = copy.copy(self)
        new.attrs = copy.deepcopy(self.attrs, memo)
        return new

    def __repr__(self):
        attrs = ", ".join(f"{k}={v}" for k, v in self.attrs.items() if k not in ("input_names", "output_names"))
        return f"Prim[{self.name}]" + (f"<{attrs}>" if attrs else "")


PrimitiveWithInfer = PrimitiveWithCheck = Primitive


def prim_attr_register(init):
    """Decorator of a Primitive subclass's ``__init__``: its arguments become the primitive's attributes (and its
    ``init_attrs``)."""
    sig = inspect.signature(init)

    @functools.wraps(init)
    def wrapper(self, *args, **kwargs):
        Primitive.__init__(self, type(self).__name__)
        bound = sig.bind(self, *args, **kwargs)
        bound.apply_defaults()
        self.init_attrs = dict(list(bound.arguments.items())[1:])
        for name, value in self.init_attrs.items():
            self.add_prim_attr(name, value)
        init(self, *args, **kwargs)
    wrapper.decorated_func = init
    return wrapper


# MindSpore's decorator for built-in primitives whose arguments feed the kernel as inputs: the same record here.
prim_arg_register = prim_attr_register


def primitive_class(name):
    """The primitive class of table row ``name``: its ``__init__`` takes the row's attributes in order."""
    row = _registry.get(name)
    params = [inspect.Parameter(k, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=v) for k, v in row.attrs.items()]

    def __init__(self, *args, **kwargs):
        Primitive.__init__(self, name)
        bound = sig.bind(*args, **kwargs)
        bound.apply_defaults()
        self._call_attrs = dict(bound.arguments)
        self.attrs = dict(self._call_attrs)
        self._fn = row.bind(**self._call_attrs)
        for k, v in self.attrs.items():
            setattr(self, k, v)
    sig = inspect.Signature(params)
    __init__.__signature__ = inspect.Signature([inspect.Parameter("self", inspect.Parameter.POSITIONAL_ONLY)] + params)
    return type(name, (Primitive,), {"__init__": __init__, "_row": row, "__doc__": row.impl.__doc__,
                                     "__module__": "mindshim.ops.operations"})


def constexpr(fn=None, get_instance=True, reuse_result=True, check=True):
    """``@constexpr``: MindSpore evaluates ``fn`` while compiling; mindshim traces Python, so ``fn`` runs as is."""
    return fn if fn is not None else (lambda f: f)


def _primexpr(fn=None, get_instance=True, name=None, reuse_result=True):
    """MindSpore's internal ``@_primexpr`` (``constexpr`` that compiles when given variables): runs ``fn`` as is."""
    return constexpr(fn)


def add_flags(fn=None, **flags):
    """``@add_flags(has_effect=True)``: record graph-compiler flags on ``fn`` (``fn._func_graph_flags``, as
    MindSpore); mindshim's compiler, XLA, reads none of them."""
    def deco(fn):
        flags_dict = getattr(fn, "_func_graph_flags", None)
        if flags_dict is None:
            fn._func_graph_flags = flags_dict = {}
        flags_dict.update(flags)
        return fn
    return deco(fn) if fn is not None else deco
