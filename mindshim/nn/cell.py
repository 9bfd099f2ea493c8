"""``mindspore.nn.Cell``: MindSpore's module class.

Attribute assignment registers Parameters and sub-Cells in order; a sub-Cell's parameter names get its
attribute path as prefix (``block.0.weight``) unless the parent was made with ``auto_prefix=False`` (as
MindSpore's wrapper cells are). Calling a Cell runs ``construct`` eagerly (PyNative); differentiation and
compilation go through ``mindshim._engine``, which sees a Cell as a pure function of its parameters.
"""
import inspect
import itertools
import threading
from collections import OrderedDict, namedtuple
from collections.abc import Mapping

import jax

from .. import _checkparam, _device, _engine, _state, context
from ..common import _amp, _trace
from ..common import dtype as mstype
from ..common._hooks import grad_tap
from ..common.parameter import Parameter, ParameterTuple, is_generated_name
from ..common.tensor import Tensor


def _addindent(s, n):
    lines = s.split("\n")
    if len(lines) == 1:
        return s
    return lines[0] + "\n" + "\n".join(" " * n + line for line in lines[1:])


class _ParameterForwardHooks(threading.local):
    """The Cells running in this thread (outermost first), kept once a parameter forward hook is registered
    (``registered``, process-wide), and the Parameter a running Cell reads (``Cell.register_parameter_forward_hook``).
    """
    registered = False

    def __init__(self):
        self.running = []

    def run(self, cell, args, kwargs):
        self.running.append(cell)
        try:  # Cell's own __call__: a subclass's (an optimizer's) ran already
            return Cell.__call__(cell, *args, **kwargs)
        finally:
            self.running.pop()

    def read(self, param):
        """``param``, or its hook's result in a call MindSpore compiles as a graph."""
        if param is None or not (_trace.in_graph() or context._context["mode"] == context.GRAPH_MODE):
            return param
        hook = param.__dict__.get("__parameter_forward_hook__")
        for cell in reversed(self.running):
            if hook is not None:
                break
            hook = cell.__dict__.get("__parameter_forward_hook__")
        return param if hook is None else hook(param)


_param_hooks = _ParameterForwardHooks()


class Cell:
    """Base class of all networks. Subclasses define ``construct``.

    Calling a Cell runs ``construct`` eagerly (PyNative) unless the context is ``GRAPH_MODE`` or the class
    sets ``_jit_call`` (training-step cells, optimizers): then the outermost call is compiled with
    ``mindshim.jit``, and Cells called inside it run as part of that one program.
    """
    _jit_call = False
    _amp_policy = None

    def __init__(self, auto_prefix=True, flags=None):
        object.__setattr__(self, "_params", OrderedDict())
        object.__setattr__(self, "_cells", OrderedDict())
        object.__setattr__(self, "_auto_prefix", auto_prefix)
        object.__setattr__(self, "training", False)
        object.__setattr__(self, "phase", "train")  # MindSpore's graph phase name: set_train makes it train/predict
        object.__setattr__(self, "requires_grad", False)
        object.__setattr__(self, "_id", 1)
        object.__setattr__(self, "_made_in", _trace.local.frames[-1] if _trace.local.frames else None)
        object.__setattr__(self, "_buffers", OrderedDict())
        object.__setattr__(self, "_non_persistent_buffers_set", set())
        object.__setattr__(self, "_state_dict_pre_hooks", OrderedDict())
        object.__setattr__(self, "_forward_pre_hook", OrderedDict())
        object.__setattr__(self, "_forward_hook", OrderedDict())
        object.__setattr__(self, "_backward_pre_hook", OrderedDict())
        object.__setattr__(self, "_backward_hook", OrderedDict())
        object.__setattr__(self, "_hooks_with_kwargs", set())
        if flags:
            self.add_flags(**flags)

    # ---- registration ------------------------------------------------------------------------------
    def __setattr__(self, name, value):
        params = self.__dict__.get("_params")
        if isinstance(value, Parameter):
            if params is None:
                raise AttributeError("Please call Cell.__init__() before assigning a Parameter.")
            self.__dict__.pop(name, None)
            self.insert_param_to_cell(name, value)
        elif isinstance(value, ParameterTuple):
            names, seen = set(), set()
            for p in value:
                if id(p) in seen:  # the same Parameter twice is registered once
                    continue
                seen.add(id(p))
                if is_generated_name(p.name):
                    p.name = "Parameter$" + str(self._id)
                    object.__setattr__(self, "_id", self._id + 1)
                if p.name in names:
                    raise ValueError(f"The value {p} , its name '{p.name}' already exists. Please set a unique "
                                     "name for the parameter.")
                names.add(p.name)
                self.insert_param_to_cell(p.name, p, check_name_contain_dot=False)
            object.__setattr__(self, name, value)
        elif isinstance(value, Cell):
            if self.__dict__.get("_cells") is None:
                raise AttributeError("Please call Cell.__init__() before assigning a sub-cell.")
            self.__dict__.pop(name, None)
            if self._auto_prefix:
                value.update_parameters_name(name + ".")
            self._cells[name] = value
        elif params is not None and name in params:
            if isinstance(value, Tensor) and params[name] is not None:
                params[name].set_data(value)
            elif value is None:
                params[name] = None
            else:
                raise TypeError(f"Parameter '{name}' already exists in network, can not assign this type: "
                                f"'{type(value)}' as a parameter.")
        elif name in self.__dict__.get("_cells", ()):
            if value is not None:
                raise TypeError(f"Sub cell '{name}' already exists in network, can not assign this type: "
                                f"'{type(value)}' as a cell.")
            self._cells[name] = None
        elif name in self.__dict__.get("_buffers", ()):
            if value is not None:
                raise TypeError(f"Buffer '{name}' already exists in network, can not assign this type: "
                                f"'{type(value)}' as a buffer.")
            self._buffers[name] = None
        else:
            frames = _trace.local.frames
            if (frames and isinstance(value, Tensor) and isinstance(value._data, jax.core.Tracer)
                    and self.__dict__.get("_made_in") is not frames[-1]):  # a Cell made in this trace dies with it
                raise RuntimeError(f"For '{type(self).__name__}', assigning a traced Tensor to the attribute '{name}' "
                                   "inside a compiled call would leak it out of the trace: return it, or keep it in "
                                   "a Parameter (ops.assign).")
            object.__setattr__(self, name, value)
            if name == "training":
                _state.modes_changed()

    def __getattr__(self, name):
        d = self.__dict__
        if "_params" in d and name in d["_params"]:
            return _param_hooks.read(d["_params"][name]) if _param_hooks.running else d["_params"][name]
        if "_buffers" in d and name in d["_buffers"]:
            return d["_buffers"][name]
        if "_cells" in d and name in d["_cells"]:
            return d["_cells"][name]
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'.")

    def __delattr__(self, name):
        if name in self._params:
            del self._params[name]
        elif name in self._buffers:
            del self._buffers[name]
        elif name in self._cells:
            del self._cells[name]
        else:
            object.__delattr__(self, name)

    def insert_param_to_cell(self, param_name, param, check_name_contain_dot=True):
        if not param_name:
            raise KeyError("For 'insert_param_to_cell', the argument 'param_name' should not be None.")
        if check_name_contain_dot and "." in param_name:
            raise KeyError("For 'insert_param_to_cell', the argument 'param_name' should not contain'.' ")
        if param is not None and not isinstance(param, Parameter):
            raise TypeError("For 'insert_param_to_cell', the argument 'param' must be 'Parameter' if not None, "
                            f"but got {type(param)}.")
        if isinstance(param, Parameter) and is_generated_name(param.name):
            param.name = param_name
        self._params[param_name] = param

    def insert_child_to_cell(self, child_name, child_cell):
        if not isinstance(child_name, str) or not child_name or "." in child_name:
            raise KeyError("For 'insert_child_to_cell', the argument 'child_name' must be a non-empty str "
                           "without '.'.")
        if child_cell is not None and not isinstance(child_cell, Cell):
            raise TypeError("For 'insert_child_to_cell', the argument 'child_cell' must be 'Cell' if not None, "
                            f"but got {type(child_cell)}.")
        self._cells[child_name] = child_cell

    def register_buffer(self, name, tensor, persistent=True):
        """Keep ``tensor`` as the buffer ``name``: state that is not a Parameter (part of ``state_dict`` unless
        ``persistent=False``), reached as an attribute."""
        if not isinstance(name, str):
            raise TypeError(f"buffer name should be a string.But got this type: {type(name)}")
        if "." in name:
            raise KeyError('buffer name can\'t contain "."')
        if name == "":
            raise KeyError('buffer name can\'t be empty string ""')
        if hasattr(self, name) and name not in self._buffers:
            raise KeyError(f"attribute '{name}' already exists")
        if tensor is not None and not isinstance(tensor, Tensor):
            raise TypeError(f"cannot assign '{type(tensor)}' object to buffer '{name}' (mindspore Tensor or None "
                            "required)")
        self._buffers[name] = tensor
        if persistent:
            self._non_persistent_buffers_set.discard(name)
        else:
            self._non_persistent_buffers_set.add(name)

    def get_buffer(self, target):
        """The buffer at the dotted path ``target`` (``'net_b.buffer_b'``)."""
        cell_path, _, buffer_name = target.rpartition(".")
        cell = self.get_sub_cell(cell_path)
        if not hasattr(cell, buffer_name):
            raise AttributeError(cell._get_name() + " has no attribute `" + buffer_name + "`")
        if buffer_name not in cell._buffers:
            raise AttributeError("`" + buffer_name + "` is not a buffer")
        return getattr(cell, buffer_name)

    def named_buffers(self, prefix="", recurse=True, remove_duplicate=True):
        """``(dotted name, buffer)`` of this Cell's buffers, then its sub-Cells' (``recurse``)."""
        seen = set()
        cells = self.cells_and_names(name_prefix=prefix) if recurse else [(prefix, self)]
        for cell_prefix, cell in cells:
            for name, buf in cell._buffers.items():
                if buf is None or id(buf) in seen:
                    continue
                if remove_duplicate:
                    seen.add(id(buf))
                yield cell_prefix + ("." if cell_prefix else "") + name, buf

    def buffers(self, recurse=True):
        for _, buf in self.named_buffers(recurse=recurse):
            yield buf

    def get_sub_cell(self, target):
        """The sub-Cell at the dotted path ``target`` (``''``: this Cell)."""
        if target == "":
            return self
        cell = self
        for item in target.split("."):
            if not hasattr(cell, item):
                raise AttributeError(cell._get_name() + " has no attribute `" + item + "`")
            cell = getattr(cell, item)
            if not isinstance(cell, Cell):
                raise AttributeError("`" + item + "` is not an nn.Cell")
        return cell

    def update_parameters_name(self, prefix="", recurse=True):
        """Name every parameter ``prefix`` + its path in this Cell (MindSpore's rule)."""
        for name, param in self.parameters_and_names(expand=recurse):
            param.name = prefix + name

    # ---- traversal ---------------------------------------------------------------------------------
    def cells_and_names(self, cells=None, name_prefix=""):
        seen = cells if cells else set()
        if self in seen:
            return
        seen.add(self)
        yield name_prefix, self
        for name, cell in self._cells.items():
            if cell is not None:
                yield from cell.cells_and_names(seen, f"{name_prefix}.{name}" if name_prefix else name)

    def parameters_and_names(self, name_prefix="", expand=True):
        cells = self.cells_and_names(name_prefix=name_prefix) if expand else [(name_prefix, self)]
        seen = set()
        for cell_name, cell in cells:
            for par_name, par in cell._params.items():
                if par is not None and id(par) not in seen:
                    seen.add(id(par))
                    yield (f"{cell_name}.{par_name}" if cell_name else par_name), par

    def get_parameters(self, expand=True):
        for _, param in self.parameters_and_names(expand=expand):
            yield param

    def trainable_params(self, recurse=True):
        return [p for p in self.get_parameters(expand=recurse) if p.requires_grad]

    def untrainable_params(self, recurse=True):
        return [p for p in self.get_parameters(expand=recurse) if not p.requires_grad]

    def parameters_dict(self, recurse=True):
        return OrderedDict((p.name, p) for p in self.get_parameters(expand=recurse))

    def name_cells(self):
        seen, out = set(), OrderedDict()
        for name, cell in self._cells.items():
            if cell is not None and cell not in seen:
                seen.add(cell)
                out[name] = cell
        return out

    def cells(self):
        return self.name_cells().values()

    def apply(self, fn):
        for cell in self.cells():
            cell.apply(fn)
        fn(self)
        return self

    def update_cell_prefix(self):
        """Set every Cell's ``param_prefix`` to its path in this Cell."""
        for cell_name, cell in self.cells_and_names():
            object.__setattr__(cell, "_param_prefix", cell_name)

    @property
    def param_prefix(self):
        """This Cell's path, as set by ``update_cell_prefix`` ('' before)."""
        return self.__dict__.get("_param_prefix", "")

    def init_parameters_data(self, auto_parallel_mode=False):
        """``{parameter: parameter}``: mindshim's Parameters hold their data from the start (no lazy init)."""
        return {p: p.init_data() for _, p in self.parameters_and_names()}

    # ---- state dict --------------------------------------------------------------------------------
    def register_state_dict_pre_hook(self, hook):
        """Run ``hook(cell, prefix, keep_vars)`` before each ``state_dict``; returns a handle to remove it."""
        return HookHandle(self._state_dict_pre_hooks, hook)

    def _save_to_state_dict(self, destination, prefix, keep_vars):
        for name, param in self._params.items():
            if param is not None:
                destination[prefix + name] = param
        for name, buf in self._buffers.items():
            if buf is not None and name not in self._non_persistent_buffers_set:
                destination[prefix + name] = buf

    def state_dict(self, *args, destination=None, prefix="", keep_vars=False):
        """An OrderedDict of the Parameters and persistent buffers by dotted name (references, not copies)."""
        if args:
            destination = args[0] if destination is None else destination
            prefix = args[1] if len(args) > 1 and prefix == "" else prefix
            keep_vars = args[2] if len(args) > 2 and keep_vars is False else keep_vars
        if destination is not None and not isinstance(destination, dict):
            raise TypeError(f"The type of destination must be OrderedDict, but got {type(destination)}")
        if not isinstance(prefix, str):
            raise TypeError(f"The type of prefix must be string, but got {type(prefix)}")
        if not isinstance(keep_vars, bool):
            raise TypeError(f"The type of keep_vars must be bool, but got {type(keep_vars)}")
        destination = OrderedDict() if destination is None else destination
        for hook in self._state_dict_pre_hooks.values():
            hook(self, prefix, keep_vars)
        self._save_to_state_dict(destination, prefix, keep_vars)
        for name, cell in self._cells.items():
            if cell is not None:
                cell.state_dict(destination=destination, prefix=prefix + name + ".", keep_vars=keep_vars)
        return destination

    def _load_from_state_dict(self, state_dict, prefix, strict, missing_keys, unexpected_keys, error_msgs):
        persistent = {k: v for k, v in self._buffers.items() if k not in self._non_persistent_buffers_set}
        local_state = {k: v for k, v in itertools.chain(self._params.items(), persistent.items()) if v is not None}
        for name, param in local_state.items():
            key = prefix + name
            if key not in state_dict:
                if strict:
                    missing_keys.append(key)
                continue
            value = state_dict[key]
            if not isinstance(value, Tensor):
                error_msgs.append(f'While copying the parameter named "{key}", expected Tensor or Tensor-like '
                                  f"object from checkpoint but received {type(value)}")
            elif value.shape != param.shape:
                error_msgs.append(f"size mismatch for {key}: copying a param with shape {value.shape} from "
                                  f"checkpoint, the shape in current model is {param.shape}.")
            else:
                param._data = value.astype(param.dtype)._data
        if strict:
            for key in state_dict:
                if key.startswith(prefix):
                    head = key[len(prefix):].split(".", 1)
                    if head[0] not in (self._cells if len(head) > 1 else local_state):
                        unexpected_keys.append(key)

    def load_state_dict(self, state_dict, strict=True):
        """Copy ``state_dict``'s values into the Parameters and persistent buffers of the same dotted names;
        returns ``(missing_keys, unexpected_keys)``, and raises RuntimeError on a mismatch when ``strict``."""
        if not isinstance(state_dict, Mapping):
            raise TypeError(f"Expected state_dict to be dict-like, got {type(state_dict)}.")
        missing_keys, unexpected_keys, error_msgs = [], [], []

        def load(cell, local_state_dict, prefix=""):
            cell._load_from_state_dict(local_state_dict, prefix, strict, missing_keys, unexpected_keys, error_msgs)
            for name, child in cell._cells.items():
                if child is not None:
                    child_prefix = prefix + name + "."
                    load(child, {k: v for k, v in local_state_dict.items() if k.startswith(child_prefix)},
                         child_prefix)

        load(self, OrderedDict(state_dict))
        if strict and unexpected_keys:
            error_msgs.insert(0, "Unexpected key(s) in state_dict: {}. ".format(
                ", ".join(f'"{k}"' for k in unexpected_keys)))
        if strict and missing_keys:
            error_msgs.insert(0, "Missing key(s) in state_dict: {}. ".format(
                ", ".join(f'"{k}"' for k in missing_keys)))
        if error_msgs:
            raise RuntimeError("Error(s) in loading state_dict for {}:\n\t{}".format(
                type(self).__name__, "\n\t".join(error_msgs)))
        _state.invalidate()
        return _IncompatibleKeys(missing_keys, unexpected_keys)

    # ---- flags -------------------------------------------------------------------------------------
    def add_flags(self, **flags):
        """Set ``flags`` as attributes of this Cell (and record them for ``get_flags``); returns self."""
        self.__dict__.setdefault("_func_graph_flags", {}).update(flags)
        self.__dict__.update(flags)
        return self

    def set_comm_fusion(self, fusion_type, recurse=True):
        """Set ``comm_fusion`` of the trainable Parameters (of sub-Cells too with ``recurse``); returns self."""
        _checkparam.check_non_negative_int(fusion_type)
        for param in self.trainable_params(recurse):
            param.comm_fusion = fusion_type
        return self

    def offload(self, backward_prefetch="Auto"):
        """MindSpore's activation offload for this Cell's ops (their forward results moved to the host and
        prefetched ``backward_prefetch`` ops ahead of the backward pass): checked and recorded; under mindshim what
        the backward pass keeps is XLA's choice."""
        if isinstance(backward_prefetch, str):
            _checkparam.check_string(backward_prefetch, ["Auto"], "backward_prefetch", self.cls_name)
        else:
            _checkparam.check_non_negative_int(backward_prefetch)
        object.__setattr__(self, "_offload_backward_prefetch", backward_prefetch)

    def add_flags_recursive(self, **flags):
        """``add_flags`` on this Cell and every sub-Cell; returns self."""
        self.add_flags(**flags)
        for cell in self.cells():
            cell.add_flags_recursive(**flags)
        return self

    @property
    def cls_name(self):
        """The Cell's class name."""
        return type(self).__name__

    def get_flags(self):
        return self.__dict__.setdefault("_func_graph_flags", {})

    # ---- modes -------------------------------------------------------------------------------------
    def set_train(self, mode=True):
        """Training (True) or inference (False) mode, for this Cell and all sub-Cells; returns self. This Cell's
        ``phase`` becomes "train" or "predict" (the sub-Cells' stay as they are, as in MindSpore)."""
        object.__setattr__(self, "phase", "train" if mode else "predict")
        for _, cell in self.cells_and_names():
            object.__setattr__(cell, "training", mode)
        _state.modes_changed()
        return self

    def set_jit_config(self, jit_config):
        """Keep ``jit_config``'s options (a JitConfig) for this Cell's compiled calls; set once, as in MindSpore.
        Their effect under mindshim is XLA's."""
        if not getattr(self, "_jit_config_dict", None):
            object.__setattr__(self, "_jit_config_dict", jit_config.jit_config_dict)

    def set_inputs(self, *inputs, **kwargs):
        """Declare the inputs MindSpore compiles this Cell for (``Tensor(shape=[3, None], dtype=...)`` for unknown
        dimensions), in order or by ``construct``'s argument names; ``get_inputs`` returns them. mindshim compiles
        once per input shape, so they are kept and change nothing."""
        if kwargs and inputs:
            raise ValueError(f"For Cell, set_inputs should only set inputs or kwargs(inputs: {inputs}, kwargs: "
                             f"{kwargs})!")
        if kwargs:
            names = list(inspect.signature(self.construct).parameters)
            for name in kwargs:
                if name not in names:
                    raise ValueError(f"For dict mode, valid key is {names}, but got {name}!")
            inputs = {"arg_specified_infos": [[names.index(k), v] for k, v in kwargs.items()],
                      "total_arg_length": len(names)}
        object.__setattr__(self, "_dynamic_shape_inputs", inputs)

    def get_inputs(self):
        """What ``set_inputs`` declared (None if nothing)."""
        return self.__dict__.get("_dynamic_shape_inputs")

    def set_grad(self, requires_grad=True):
        object.__setattr__(self, "requires_grad", requires_grad)
        return self

    # ---- running -----------------------------------------------------------------------------------
    def construct(self, *inputs, **kwargs):
        raise NotImplementedError(f"For '{type(self).__name__}', the method 'construct' must be defined.")

    def __call__(self, *args, **kwargs):
        if _param_hooks.registered and not (_param_hooks.running and _param_hooks.running[-1] is self):
            return _param_hooks.run(self, args, kwargs)
        if self._amp_policy is not None and not (self._jit_call and not _trace.local.frames):
            return self._call_mixed(args, kwargs)
        compile_it = self._jit_call or context._context["mode"] == context.GRAPH_MODE
        if compile_it and not _trace.local.frames and not kwargs:
            compiled = self.__dict__.get("_compiled_call")
            if compiled is None:
                compiled = _engine.JitCall(self, type(self).__name__)
                object.__setattr__(self, "_compiled_call", compiled)
            return compiled(*args)
        if self._backward_pre_hook or self._backward_hook:
            return self._run_with_backward_hooks(args, kwargs)
        if self._forward_pre_hook or self._forward_hook:
            return self._run_construct(args, kwargs)
        return self.construct(*args, **kwargs)

    # ---- hooks -------------------------------------------------------------------------------------
    def register_forward_pre_hook(self, hook_fn, *, prepend=False, with_kwargs=False):
        """Call ``hook_fn(cell, args)`` (``hook_fn(cell, args, kwargs)`` with ``with_kwargs``) before each
        ``construct``; what it returns other than None replaces the inputs. Returns a handle to remove it."""
        return self._add_hook(self._forward_pre_hook, hook_fn, prepend, with_kwargs)

    def register_forward_hook(self, hook_fn, *, prepend=False, with_kwargs=False, always_call=False):
        """Call ``hook_fn(cell, args, output)`` (``hook_fn(cell, args, kwargs, output)`` with ``with_kwargs``) after
        each ``construct``; what it returns other than None replaces the output. Returns a handle to remove it."""
        if always_call:
            raise NotImplementedError("mindspore.nn.Cell.register_forward_hook(always_call=True) is not supported by "
                                      "mindshim yet.")
        return self._add_hook(self._forward_hook, hook_fn, prepend, with_kwargs)

    def register_backward_pre_hook(self, hook_fn):
        """Call ``hook_fn(cell, grad_output)`` when the gradient reaches this Cell's outputs (a tuple of Tensors);
        a tuple it returns replaces them. Returns a handle to remove it. The hook runs on the host with the
        gradient's values (a JAX callback), inside compiled gradients too."""
        return self._add_hook(self._backward_pre_hook, hook_fn, False, False)

    def register_backward_hook(self, hook_fn):
        """Call ``hook_fn(cell, grad_input, grad_output)`` when the gradient leaves this Cell: ``grad_input`` for
        its floating Tensor inputs, ``grad_output`` for its outputs (tuples of Tensors); a tuple it returns replaces
        ``grad_input``. Returns a handle to remove it. Runs on the host as ``register_backward_pre_hook``'s."""
        return self._add_hook(self._backward_hook, hook_fn, False, False)

    def register_parameter_forward_hook(self, hook):
        """In calls MindSpore compiles as graphs (``jit``, GRAPH_MODE), a Parameter read inside this Cell's
        ``construct`` (its sub-Cells' included) is ``hook(parameter)``, differentiated through. ``hook``: a
        callable for every Parameter, or ``[{"params": [Parameter, ...], "hook": callable}, ...]`` for those
        Parameters (wherever they are read in a running Cell). A Parameter's own hook comes first, then the
        innermost running Cell's. As in MindSpore, PyNative calls leave Parameters as they are."""
        if isinstance(hook, list):
            for item in hook:
                if not isinstance(item, dict):
                    raise TypeError(f"Each item in the hook list must be a dictionary, but got {type(item)}.")
                if not ("params" in item and "hook" in item):
                    raise ValueError("Each dictionary in the hook list must contain both params and hook keys.")
                if not callable(item["hook"]):
                    raise TypeError(f"The hook value must be callable, but got {type(item['hook'])}.")
                for param in item["params"]:
                    if not isinstance(param, Parameter):
                        raise TypeError(f"All items in params must be of type 'Parameter', but got {type(param)}.")
                    param.__parameter_forward_hook__ = item["hook"]
        elif callable(hook):
            object.__setattr__(self, "__parameter_forward_hook__", hook)
        else:
            raise TypeError(f"Hook must be a callable function or a list of dictionaries, but got {type(hook)}.")
        object.__setattr__(self, "__no_parameter_forward_hook__", False)
        _ParameterForwardHooks.registered = True

    def _run_with_backward_hooks(self, args, kwargs):
        """``construct`` between identities whose gradients run the backward hooks."""
        grad_output = []

        def at_outputs(grads):
            for hook_fn in list(self._backward_pre_hook.values()):
                ret = hook_fn(self, grads)
                grads = grads if ret is None else (ret if isinstance(ret, tuple) else (ret,))
            grad_output[:] = [grads]
            return grads

        def at_inputs(grads):
            for hook_fn in list(self._backward_hook.values()):
                ret = hook_fn(self, grads, grad_output[0] if grad_output else ())
                grads = grads if ret is None else (ret if isinstance(ret, tuple) else (ret,))
            return grads

        args = grad_tap(args, at_inputs)
        out = self._run_construct(args, kwargs) if self._forward_pre_hook or self._forward_hook else \
            self.construct(*args, **kwargs)
        outs = grad_tap(out if isinstance(out, tuple) else (out,), at_outputs)
        return outs if isinstance(out, tuple) else outs[0]

    def _add_hook(self, hooks, hook_fn, prepend, with_kwargs):
        if not callable(hook_fn):
            raise TypeError(f"Expected a callable hook function, but got {type(hook_fn).__name__}.")
        if isinstance(getattr(hook_fn, "compiled", None), _engine.JitCall):  # made by mindspore.jit
            raise TypeError(f"Decorating hook function {hook_fn.__name__} with '@jit' is not supported.")
        handle = HookHandle(hooks, hook_fn)
        if prepend:
            hooks.move_to_end(handle.handle_id, last=False)
        if with_kwargs:
            self._hooks_with_kwargs.add(handle.handle_id)
        return handle

    def _run_construct(self, args, kwargs):
        """``construct`` between the forward hooks. They see Tensor values, as in MindSpore's PyNative mode: in a
        compiled call's trace they make the call run eagerly (``_trace.NeedsValues``)."""
        if _trace.tracing():
            raise _trace.NeedsValues(f"runs a forward hook of '{type(self).__name__}', which sees Tensor values")
        for hook_id, hook_fn in list(self._forward_pre_hook.items()):
            if hook_id in self._hooks_with_kwargs:
                ret = hook_fn(self, args, kwargs)
                if ret is not None:
                    if not (isinstance(ret, tuple) and len(ret) == 2):
                        raise RuntimeError("forward pre hook with kwargs must return None or a tuple of (new_args, "
                                           f"new_kwargs), but got {ret}")
                    args, kwargs = ret
            else:
                ret = hook_fn(self, args)
                if ret is not None:
                    args = ret if isinstance(ret, tuple) else (ret,)
        output = self.construct(*args, **kwargs)
        for hook_id, hook_fn in list(self._forward_hook.items()):
            ret = hook_fn(self, args, kwargs, output) if hook_id in self._hooks_with_kwargs else \
                hook_fn(self, args, output)
            if ret is not None:
                output = ret
        return output

    # ---- parallelism --------------------------------------------------------------------------------
    def shard(self, in_strategy=None, out_strategy=None, parameter_plan=None):
        """Lay Parameters out across the data-parallel mesh: ``parameter_plan={'dense.weight': (8, 1)}`` splits
        that weight's first dimension over 8 devices (see ``mindshim._engine.parallel.set_layout`` for the rules).
        Input/output strategies (MindSpore's semi-auto parallel) are not supported."""
        if in_strategy is not None or out_strategy is not None:
            raise NotImplementedError("mindspore.nn.Cell.shard with in_strategy/out_strategy (semi-auto parallel) is "
                                      "not supported by mindshim yet; use parameter_plan.")
        _engine.parallel.set_layout(self, parameter_plan or {})
        return self

    def set_data_parallel(self):
        """MindSpore makes the ops of this Cell data-parallel under auto-parallel search; mindshim has no strategy
        search and already lays every op out data-parallel, so nothing changes."""

    # ---- mixed precision ----------------------------------------------------------------------------
    def to_float(self, dst_type):
        """Run this Cell and its sub-Cells in ``dst_type``: every op inside casts its floating inputs (data,
        Parameters, Tensors) to it. Returns self."""
        if dst_type not in (mstype.float16, mstype.float32, mstype.bfloat16):
            raise ValueError("For 'to_float', the argument 'dst_type' must be mstype.float32, mstype.float16 or "
                             f"mstype.bfloat16, but got type: {type(dst_type)} and value: {dst_type}.")
        policy = (dst_type.np_dtype, "all")
        for _, cell in self.cells_and_names():
            object.__setattr__(cell, "_amp_policy", policy)
        _state.invalidate()
        return self

    def to(self, *args, **kwargs):
        """Cast the floating Parameters and buffers of this Cell and its sub-Cells to ``dtype`` (``to(dtype)``,
        ``to(device=None, dtype=None)`` or ``to(tensor)``, whose dtype is taken); returns self. mindshim keeps
        everything on the current device: another ``device`` raises NotImplementedError."""
        device, dtype = _to_args(*args, **kwargs)
        if device is not None and device not in ("CPU", _device.current_target()):
            raise NotImplementedError(f"mindspore.nn.Cell.to(device='{device}') is not supported by mindshim: "
                                      "everything stays on the current device.")
        if dtype is not None and dtype.kind not in "fc":
            raise TypeError(f"Cell.to only accepts floating point or complex dtypes, but got desired dtype={dtype}")
        if dtype is None:
            return self
        for _, cell in self.cells_and_names():
            for name, buf in cell._buffers.items():
                if buf is not None and buf.dtype.kind in "fc":
                    cell._buffers[name] = buf.astype(dtype)
        for _, param in self.parameters_and_names():
            if param.dtype.kind in "fc":
                param._data = param._data.astype(dtype.np_dtype)
        _state.invalidate()
        return self

    def _call_mixed(self, args, kwargs):
        dtype, mode = self._amp_policy
        if mode == "all":
            args = tuple(a.astype(dtype) if isinstance(a, Tensor) and a.dtype.kind == "f" else a for a in args)
        _amp.local.stack.append(self._amp_policy)
        try:
            return self.construct(*args, **kwargs)
        finally:
            _amp.local.stack.pop()

    # ---- printing ----------------------------------------------------------------------------------
    def extend_repr(self):
        """Extra information in ``repr``; override in your own Cells."""
        return ""

    def _get_name(self):
        return type(self).__name__

    def __repr__(self):
        extra = self.extend_repr()
        extra_lines = extra.split("\n") if extra else []
        child_lines = [f"({key}): {_addindent(repr(cell), 2)}" for key, cell in self._cells.items()]
        lines = extra_lines + child_lines
        main = self._get_name() + "("
        if lines:
            if len(extra_lines) == 1 and not child_lines:
                main += extra_lines[0]
            else:
                main += "\n  " + "\n  ".join(lines) + "\n"
        return main + ")"

    __str__ = __repr__


def _to_args(device=None, dtype=None, non_blocking=False, **kwargs):
    """``Cell.to``'s overloads as ``(device, dtype)``."""
    if kwargs:
        raise TypeError(f"Cell.to() got unexpected keyword arguments {list(kwargs)}")
    if isinstance(device, Tensor):
        return None, device.dtype
    if isinstance(device, mstype.Type):
        return None, device
    return device, dtype


class HookHandle:
    """The handle of a registered hook: ``remove()`` unregisters it (``mindspore.common.hook_handle``)."""
    unique_id = 0

    def __init__(self, hooks, hook):
        self.handle_id = HookHandle.unique_id
        HookHandle.unique_id += 1
        self._hooks = hooks
        hooks[self.handle_id] = hook

    def remove(self):
        self._hooks.pop(self.handle_id, None)


class _IncompatibleKeys(namedtuple("IncompatibleKeys", ["missing_keys", "unexpected_keys"])):
    def __repr__(self):
        if not self.missing_keys and not self.unexpected_keys:
            return "<All keys matched successfully>"
        return super().__repr__()

    __str__ = __repr__


def _unique_params(cell):
    seen, out = set(), []
    for p in cell.get_parameters():
        if id(p) not in seen:
            seen.add(id(p))
            out.append(p)
    return out


_engine.register_owner(Cell, _unique_params, lambda cell: [c for _, c in cell.cells_and_names()])
