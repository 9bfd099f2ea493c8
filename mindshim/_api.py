"""``mindspore.jit`` and the rest of ``mindspore.common.api``: compile a function or a Cell's ``construct`` into one
XLA program. It sits above the engine, so outside ``common`` (core); the package publishes it as ``common.api``."""
import functools
import inspect

import jax

from ._engine import JitCall
from .common import _trace
from .common.tensor import Tensor
from .hal import synchronize


def jit(function=None, *, capture_mode="ast", jit_level="O0", dynamic=0, fullgraph=False, backend="", **options):
    """Compile ``function`` with ``jax.jit``: the Parameters it reads and writes (those of the Cells and
    optimizers it closes over or takes as arguments) and the PRNG key become inputs and outputs of one
    program, compiled once per input signature and written back after each call.

    Usable as ``@jit``, ``@jit(...)`` or ``jit(fn)``, on functions and on ``construct``. MindSpore's compile
    options are accepted; their effect is XLA's. Python control flow on a Tensor's value (``if x > 0:``), which
    MindSpore compiles into graph control flow, makes mindshim run the function eagerly instead (op by op, with
    a warning naming the line; see ``_engine.compiled``).
    """
    def decorate(fn):
        compiled = JitCall(fn, "jit")

        @functools.wraps(fn)
        def jitted(*args):
            _trace.local.graph += 1
            try:
                return compiled(*args)
            finally:
                _trace.local.graph -= 1
        jitted.compiled = compiled
        return jitted
    return decorate(function) if function is not None else decorate


def jit_class(cls):
    """Mark a user class as usable inside compiled code; returns it (mindshim traces Python objects as they are).
    Raises MindSpore's TypeError for a non-class or a Cell."""
    if not isinstance(cls, type):
        raise TypeError(f"Decorator jit_class can only be used for class type, but got {cls}.")
    if any(c.__name__ == "Cell" and c.__module__.endswith("nn.cell") for c in cls.__mro__):
        raise TypeError(f"Decorator jit_class is used for user-defined classes and cannot be used for nn.Cell: {cls}.")
    cls.__ms_class__ = True
    return cls


def no_inline(fn=None):
    """MindSpore's hint to compile ``fn`` as a reusable subgraph; returns it (XLA decides what to inline)."""
    return fn if fn is not None else no_inline


def lazy_inline(fn=None, attrs=None, policy=None):
    """MindSpore's hint, on a Cell's ``__init__``, to compile the Cell's graph once and reuse it for every instance;
    the decorated ``__init__`` runs as it is (XLA decides what to inline). Raises MindSpore's ValueError on a class,
    another function, or a ``policy`` other than None and 'front'."""
    def wrap(init):
        if inspect.isclass(init):
            raise ValueError(f"The lazy_inline should decorate the __init__ function, not the class {init.__name__}. "
                             f"File: {inspect.getfile(init)}")
        if init.__name__ != "__init__":
            raise ValueError(f"The lazy_inline should decorate the __init__ function, not the function: "
                             f"{init.__name__}. line: {init.__code__.co_firstlineno} in {init.__code__.co_filename}")

        @functools.wraps(init)
        def lazy_init(self, *args, **kwargs):
            init(self, *args, **kwargs)
            if policy is not None and policy != "front":
                raise ValueError("policy must be None or 'front'")
        return lazy_init
    return wrap(fn) if fn is not None else wrap


def enable_dynamic(**kwargs):
    """MindSpore's declaration of which arguments of a compiled function have dynamic shapes; returns the function
    as it is (mindshim compiles once per input shape)."""
    def decorate(fn):
        return fn
    return decorate


class _Tuple(tuple):
    """A tuple made mutable: an input gradients can be taken with respect to."""
    __ms_mutable__, __ms_dynamic_len__ = True, False


class _List(list):
    """A list made mutable (see :class:`_Tuple`)."""
    __ms_mutable__, __ms_dynamic_len__ = True, False


class _Dict(dict):
    """A dict made mutable (see :class:`_Tuple`)."""
    __ms_mutable__, __ms_dynamic_len__ = True, False


for _cls in (_Tuple, _List):  # pytrees, so compiled calls take their Tensors as inputs
    jax.tree_util.register_pytree_node(_cls, lambda seq: (list(seq), None), lambda _, items, c=_cls: c(items))
jax.tree_util.register_pytree_node(_Dict, lambda d: (list(d.values()), tuple(d)),
                                   lambda keys, values: _Dict(zip(keys, values)))


def _mutable_element(value, seen):
    if id(value) in seen:
        return False
    if isinstance(value, (tuple, list, dict)):
        items = value.values() if isinstance(value, dict) else value
        return all(_mutable_element(v, seen | {id(value)}) for v in items)
    return isinstance(value, (Tensor, int, float))


def mutable(input_data, dynamic_len=False):
    """``input_data`` (a Tensor, scalar, or tuple/list/dict of them) marked as a variable input of compiled calls.
    A tuple, list or dict comes back as MindSpore's subclass marked ``__ms_mutable__``: gradient functions
    (``GradOperation``, ``grad``) differentiate such an input, returning gradients in its structure (MindSpore
    does so in GRAPH mode; in PyNative mode it skips the input). Scalars come back as they are, and every Tensor is
    an input of mindshim's compiled calls already (``dynamic_len`` is recorded only: mindshim compiles once per
    length)."""
    if not _mutable_element(input_data, frozenset()):
        raise TypeError(f"For 'mutable', the 'input_data' should be one of (bool, int, float, Tensor, tuple, list, "
                        f"dict) or their nested structures with no self-reference, but got "
                        f"{type(input_data).__name__}: {input_data}.")
    if not isinstance(dynamic_len, bool):
        raise TypeError(f"For 'mutable', the second input should be bool, but got: {type(input_data).__name__}")
    if dynamic_len and not isinstance(input_data, (tuple, list)):
        raise TypeError(f"For 'mutable', when the variable_len is True, the first input should be list or tuple, "
                        f"but got: {type(input_data).__name__}")
    if isinstance(input_data, Tensor):
        input_data.set_const_arg(False)
        return input_data
    for base, cls in ((tuple, _Tuple), (list, _List), (dict, _Dict)):
        if isinstance(input_data, base):
            out = cls(input_data)
            if dynamic_len:
                out.__ms_dynamic_len__ = True
            return out
    return input_data


def recompute(block, *args, use_reentrant=True, output_recompute=False, **kwargs):
    """``block(*args, **kwargs)``, whose activations MindSpore recomputes in the backward pass instead of keeping
    them: the same values and gradients; under mindshim XLA decides what to keep."""
    return block(*args, **kwargs)


class JitConfig:
    """MindSpore's compile options (``jit_level``, ``exc_mode``, ``jit_syntax_level``, ...), kept in
    ``jit_config_dict``; their effect under mindshim is XLA's."""

    def __init__(self, jit_level="", exc_mode="auto", jit_syntax_level="", debug_level="RELEASE",
                 infer_boost="off", **kwargs):
        if jit_level not in ("", "O0", "O1", "O2"):
            raise ValueError(f"For 'jit_level' must be one of ['O0', 'O1', 'O2'], but got {jit_level}.")
        self.jit_config_dict = dict(jit_level=jit_level, exc_mode=exc_mode, jit_syntax_level=jit_syntax_level,
                                    debug_level=debug_level, infer_boost=infer_boost, **kwargs)


__all__ = ["jit", "jit_class", "no_inline", "lazy_inline", "enable_dynamic", "mutable", "JitConfig", "recompute"]


def flops_collection(phase="train"):
    """MindSpore's FLOP counts of the graph compiled for ``phase``."""
    raise NotImplementedError("mindspore.common.api.flops_collection is not supported by mindshim yet.")


class _PynativeExecutor:
    """MindSpore's PyNative executor, as its libraries use it: ``sync()`` waits for the queued device work
    (``mindspore.hal.synchronize``); ``set_async_for_graph`` chooses whether graphs launch asynchronously, which
    in mindshim they always do (JAX's dispatch), so it is recorded only."""

    def __init__(self):
        self.async_for_graph = True

    def sync(self):
        synchronize()

    def set_async_for_graph(self, flag):
        self.async_for_graph = flag


_pynative_executor = _PynativeExecutor()
