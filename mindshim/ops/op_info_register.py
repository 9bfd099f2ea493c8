"""``mindspore.ops.op_info_register``: the builders of kernel registration info (``TBERegOp``, ``AiCPURegOp``,
``CustomRegOp``, ...), ``DataType`` and the decorators that register it.

The info describes device kernels (TBE, AiCPU, AKG binaries) to MindSpore's kernel library. mindshim builds and
validates the same dicts (``get_op_info()`` gives what MindSpore's gives) and keeps what ``op_info_register``
registers in :data:`OP_INFO`, by op name; no kernel it describes runs here (``ops.Custom`` runs ``pyfunc`` and
``hybrid`` functions on the host).
"""
import functools
import json

from .._checkparam import check_value_type

__all__ = ["op_info_register", "custom_info_register", "RegOp", "CpuRegOp", "AiCPURegOp", "AkgGpuRegOp",
           "AkgAscendRegOp", "TBERegOp", "CustomRegOp", "DataType"]

OP_INFO = {}  # op name -> the registered info (a dict), as MindSpore's Oplib holds it


def op_info_register(op_info):
    """Decorator registering ``op_info`` (a JSON string or a dict) for the op it names; the function is kept."""
    def register_decorator(func):
        info = json.dumps(op_info) if isinstance(op_info, dict) else op_info
        check_value_type("op_info", info, [str])
        parsed = json.loads(info)
        name = parsed.get("op_name") if isinstance(parsed, dict) else None
        if not name:
            raise ValueError(f"Invalid op info {func.__code__.co_filename}:\n{info}\n")
        OP_INFO[name] = parsed

        @functools.wraps(func)
        def wrapped_function(*args, **kwargs):
            return func(*args, **kwargs)
        return wrapped_function
    return register_decorator


def custom_info_register(*reg_info):
    """Decorator binding registration info to a ``Custom`` op's function (its ``reg_info`` attribute)."""
    def decorator(func):
        func.reg_info = reg_info

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            return func(*args, **kwargs)
        return wrapper
    return decorator


def _is(kind, name):
    def check(value):
        if not isinstance(value, kind):
            raise TypeError(f"{value} value must be {name}")
        return True
    return check


_STR, _INT, _BOOL, _LIST = _is(str, "str"), _is(int, "int"), _is(bool, "bool"), _is(list, "list")


class RegOp:
    """The base builder: each method records one piece of info and returns the builder. Attributes ending in
    ``_`` are what :meth:`get_op_info` reports (without the ``_``)."""
    # The arguments of input()/output()/attr(): (positional names, the keys they get in the info, their checks).
    _INPUT = (("index", "name", "param_type"), ("index", "name", "paramType"), (_INT, _STR, _STR))
    _OUTPUT = _INPUT
    _ATTR = (("name", "value_type", "value"), ("name", "type", "value"), (_STR,))
    _RENAMED = {"dynamic_shape_support": "dynamicShapeSupport", "dynamic_rank_support": "dynamicRankSupport",
                "dynamic_compile_static": "dynamicCompileStatic", "need_check_support": "needCheckSupport",
                "dynamic_format": "dynamicFormat"}

    def __init__(self, op_name=""):
        if not isinstance(op_name, str):
            raise ValueError("op name value must be string")
        if not op_name.strip():
            raise ValueError("op name is empty")
        self.op_name = op_name
        self.inputs = []
        self.outputs = []
        self.attr_ = []
        self.fusion_type_ = ""
        self.dtype_format_ = []

    @staticmethod
    def _record(spec, args, kwargs):
        names, keys, checks = spec
        values = dict(zip(names, args))
        values.update((n, kwargs.pop(n)) for n in names if n in kwargs)
        out = {}
        for i, (name, key) in enumerate(zip(names, keys)):
            value = values.get(name)
            if value is not None:
                checks[i if len(checks) > 1 else 0](value)
                out[key] = value
        out.update(kwargs)
        return out

    def input(self, *args, **kwargs):
        self.inputs.append(self._record(self._INPUT, args, kwargs))
        return self

    def output(self, *args, **kwargs):
        self.outputs.append(self._record(self._OUTPUT, args, kwargs))
        return self

    def attr(self, *args, **kwargs):
        self.attr_.append(self._record(self._ATTR, args, kwargs))
        return self

    def fusion_type(self, fusion_type):
        _STR(fusion_type)
        self.fusion_type_ = fusion_type
        return self

    def dtype_format(self, *args):
        """One supported combination: a ``DataType`` pair (dtype, format) per input, then per output."""
        if len(self.inputs) + len(self.outputs) != len(args):
            raise ValueError("input size add output size must be equal to dtype format size")
        for arg in args:
            if not isinstance(arg, tuple) or len(arg) not in (2, 3):
                raise ValueError("dtype and format value must be tuple of two or three elements")
            for item in arg:
                _STR(item)
        self.dtype_format_.append(tuple(args))
        return self

    def get_op_info(self):
        """All the recorded info as a dict (MindSpore's keys)."""
        return {(self._RENAMED.get(k.rstrip("_"), k.rstrip("_")) if k.endswith("_") else k): v
                for k, v in self.__dict__.items()}


class CpuRegOp(RegOp):
    """Info of a CPU kernel."""
    def __init__(self, op_name):
        super().__init__(op_name)
        self.imply_type = "CPU"


class AiCPURegOp(CpuRegOp):
    """Info of an Ascend AiCPU kernel."""
    def __init__(self, op_name):
        super().__init__(op_name)
        self.imply_type = "AiCPU"


class _AkgRegOp(RegOp):
    _OUTPUT = (("index", "name"), ("index", "name"), (_INT, _STR))
    _ATTR = (("name", "param_type", "value_type"), ("name", "paramType", "type"), (_STR,))
    _PROCESSOR = None

    def __init__(self, op_name):
        super().__init__(op_name)
        self.imply_type = "AKG"
        self.processor = self._PROCESSOR


class AkgGpuRegOp(_AkgRegOp):
    """Info of an AKG kernel for GPU."""
    _PROCESSOR = "CUDA"


class AkgAscendRegOp(_AkgRegOp):
    """Info of an AKG kernel for Ascend."""
    _PROCESSOR = "AiCore"


def _setter(attr, check, default=None):
    def method(self, value=default):
        check(value)
        setattr(self, attr, value)
        return self
    return method


class TBERegOp(RegOp):
    """Info of an Ascend TBE kernel."""
    _INPUT = (("index", "name", "need_compile", "param_type", "shape", "value_depend"),
              ("index", "name", "needCompile", "paramType", "shape", "valueDepend"),
              (_INT, _STR, _BOOL, _STR, _STR, _STR))
    _OUTPUT = (("index", "name", "need_compile", "param_type", "shape"),
               ("index", "name", "need_compile", "paramType", "shape"), (_INT, _STR, _BOOL, _STR, _STR))
    _ATTR = (("name", "param_type", "value_type", "value", "default_value"),
             ("name", "paramType", "type", "value", "defaultValue"), (_STR,))

    def __init__(self, op_name):
        super().__init__(op_name)
        self.imply_type = "TBE"
        self.async_flag_ = False
        self.binfile_ = ""
        self.compute_cost_ = 10
        self.kernel_ = ""
        self.partial_flag_ = False
        self.reshape_type_ = ""
        self.dynamic_rank_support_ = False
        self.dynamic_shape_support_ = False
        self.dynamic_compile_static_ = False
        self.need_check_support_ = False
        self.dynamic_format_ = False
        self.op_pattern_ = ""
        self.real_input_index_ = []
        self.input_to_attr_index_ = []
        self.unknown_shape_formats_ = []

    async_flag = _setter("async_flag_", _BOOL, False)
    binfile_name = _setter("binfile_", _STR)
    compute_cost = _setter("compute_cost_", _INT, 10)
    kernel_name = _setter("kernel_", _STR)
    partial_flag = _setter("partial_flag_", _BOOL, True)
    reshape_type = _setter("reshape_type_", _STR)
    dynamic_shape = _setter("dynamic_shape_support_", _BOOL, False)
    dynamic_rank_support = _setter("dynamic_rank_support_", _BOOL)
    dynamic_compile_static = _setter("dynamic_compile_static_", _BOOL, False)
    need_check_supported = _setter("need_check_support_", _BOOL, False)
    is_dynamic_format = _setter("dynamic_format_", _BOOL, False)
    real_input_index = _setter("real_input_index_", _LIST)
    input_to_attr_index = _setter("input_to_attr_index_", _LIST)

    def unknown_shape_formats(self, unknown_shape_formats):
        _LIST(unknown_shape_formats)
        self.unknown_shape_formats_.append(unknown_shape_formats)
        return self

    def op_pattern(self, pattern=None):
        if pattern is not None and _STR(pattern):
            self.op_pattern_ = pattern
        return self

    def input(self, *args, **kwargs):
        info = self._record(self._INPUT, args, kwargs)
        depend = info.get("valueDepend")
        if depend and depend.lower() not in ("ignored", "optional", "required"):
            raise ValueError(f"Operator {self.op_name} input{info.get('index')}'s value_depend's value ({depend}) "
                             "is not in ('ignored', 'optional', 'required').")
        self.inputs.append(info)
        return self


class CustomRegOp(RegOp):
    """Info of a ``Custom`` op's kernel: its inputs, outputs, attributes, dtype/format combinations and target."""
    _ATTR = (("name", "param_type", "value_type", "default_value"), ("name", "paramType", "type", "defaultValue"),
             (_STR,))

    def __init__(self, op_name="Custom"):
        super().__init__(op_name)
        self.target_ = "UnKnown"

    def input(self, index=None, name=None, param_type="required", **kwargs):
        return super().input(index, name, param_type, **kwargs)

    def output(self, index=None, name=None, param_type="required", **kwargs):
        return super().output(index, name, param_type, **kwargs)

    def dtype_format(self, *args):
        io_nums = len(self.inputs) + len(self.outputs)
        if len(args) != io_nums:
            raise ValueError("The size of 'args' must be equal to the sum of input tensors and output tensors, but "
                             f"got {len(args)} vs {io_nums}")
        return super().dtype_format(*args)

    def target(self, target=None):
        if target is not None:
            _STR(target)
        self.target_ = target
        return self

    def get_op_info(self):
        return {(k.rstrip("_") if k.endswith("_") else k): v for k, v in self.__dict__.items()}


class DataType:
    """``(dtype, format)`` pairs by name, as ``dtype_format`` takes them: ``F32_Default`` is
    ``("float32", "DefaultFormat")``, ``I8_None`` ``("int8", "")``, ``F16_Default_Tuple`` adds ``"tuple"``."""
    None_None = ("", "")
    None_Default = ("", "DefaultFormat")


_FORMATS = {"None": "", "Default": "DefaultFormat", "5HD": "NC1HWC0", "FracZ": "FRACTAL_Z",
            "FracNZ": "FRACTAL_NZ", "C1HWNCoC0": "C1HWNCoC0", "NCHW": "NCHW", "NHWC": "NHWC", "HWCN": "HWCN",
            "NDHWC": "NDHWC", "NCDHW": "NCDHW", "DHWCN": "DHWCN", "NDC1HWC0": "NDC1HWC0", "NC1HWC0": "NC1HWC0",
            "FRACTAL_Z_3D": "FRACTAL_Z_3D", "FracZNLSTM": "FRACTAL_ZN_LSTM", "FracZNRNN": "FRACTAL_ZN_RNN",
            "ND_RNNBIAS": "ND_RNN_BIAS", "ChannelLast": "ChannelLast"}
# The formats MindSpore 2.10 names for every dtype, and those it names for some only; each dtype also has the
# "_Tuple"/"_List" variants of DefaultFormat (complex: Default and its Tuple only).
_COMMON = ("None", "Default", "5HD", "FracZ", "FracNZ", "C1HWNCoC0", "NCHW", "NHWC", "HWCN", "NDHWC", "ChannelLast")
_FLOAT_EXTRA = ("NCDHW", "DHWCN", "NDC1HWC0", "FRACTAL_Z_3D", "FracZNLSTM", "FracZNRNN", "ND_RNNBIAS")
_DTYPES = {"BOOL": ("bool", ()), "I8": ("int8", ("NCDHW", "NDC1HWC0", "NC1HWC0")),
           "U8": ("uint8", ("NCDHW", "NDC1HWC0", "NC1HWC0")), "I16": ("int16", ()), "U16": ("uint16", ()),
           "I32": ("int32", ("NDC1HWC0", "NCDHW")), "U32": ("uint32", ()), "I64": ("int64", ()),
           "U64": ("uint64", ()), "F16": ("float16", _FLOAT_EXTRA), "F32": ("float32", _FLOAT_EXTRA),
           "F64": ("float64", ()), "BF16": ("bfloat16", _FLOAT_EXTRA)}
for _prefix, (_dtype, _extra) in _DTYPES.items():
    for _fmt in _COMMON + _extra:
        setattr(DataType, f"{_prefix}_{_fmt}", (_dtype, _FORMATS[_fmt]))
    setattr(DataType, f"{_prefix}_Default_Tuple", (_dtype, "DefaultFormat", "tuple"))
    setattr(DataType, f"{_prefix}_Default_List", (_dtype, "DefaultFormat", "list"))
for _prefix, _dtype in (("C64", "complex64"), ("C128", "complex128")):
    setattr(DataType, f"{_prefix}_Default", (_dtype, "DefaultFormat"))
    setattr(DataType, f"{_prefix}_Default_Tuple", (_dtype, "DefaultFormat", "tuple"))
