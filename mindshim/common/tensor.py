"""``mindspore.Tensor`` on JAX: a thin wrapper over a ``jax.Array``, registered as a JAX pytree.

This module holds the data side of a Tensor: construction with MindSpore's dtype defaults, conversions,
indexing and in-place writes. Its arithmetic, operators and op methods are views of the op table that
``mindshim.ops`` attaches (MindSpore's ``tensor_operator_registry`` pattern), so the core never imports the
ops. ``repr`` prints MindSpore's format (``mindshim.common._printing``), ``str`` numpy's, as MindSpore does.
"""
import numbers
import sys

import jax
import jax.numpy as jnp
import numpy as np
from jax._src import core as _jax_core  # to_concrete_value: a tracer's value where it has one (no public name)

from . import _printing
from . import dtype as mstype
from ._checks import check_gather_indices

_BY_NP = mstype._BY_NP
_new = object.__new__


def _default_np(data):
    """numpy data for Python lists/scalars with MindSpore's defaults: int -> Int64, float -> Float32."""
    try:
        arr = np.asarray(_unwrap_nested(data))
    except (ValueError, TypeError, OverflowError):  # ragged
        arr = None
    if arr is None or arr.dtype.kind in "OUSVMm":
        raise TypeError(f"For Tensor, the input_data is {data} that contain unsupported element.")
    if isinstance(data, np.generic):
        return arr
    if arr.dtype == np.float64:
        return arr.astype(np.float32)
    if arr.dtype.kind in "iu" and arr.dtype != np.int64:
        return arr.astype(np.int64)
    return arr


def _concrete(data):
    """``data``, or its value where a tracer has one: a value being differentiated op by op (an eager gradient, a
    compiled call run eagerly) converts to numpy, Python numbers and text as its value, taken as a constant, as
    MindSpore's PyNative mode does; a compiled trace's tracer stays (converting it raises JAX's error)."""
    if isinstance(data, jax.core.Tracer):
        value = _jax_core.to_concrete_value(data)
        return data if value is None else value
    return data


class Tensor:
    """``Tensor(input_data=None, dtype=None, shape=None, init=None)`` as in MindSpore.

    ``input_data`` may be a Tensor, a numpy array, a ``jax.Array``, a list/tuple or a Python scalar. Python
    floats give Float32, ints Int64, bools Bool; numpy arrays keep their dtype (float64 stays Float64).

    Host memory shared with numpy, as MindSpore's on CPU: ``asnumpy()``, ``np.asarray(t)`` and ``from_numpy(a)``
    give the Tensor a host buffer (``_np``) that the returned (or given) array shares; while it has one, every read
    of the data uploads the buffer's values then (a copy, so earlier results keep theirs). ``__setitem__`` writes
    into the buffer too, as MindSpore's does. Any other write gives the Tensor a new array and ends the sharing: as
    MindSpore's ``assign_value`` and ``+=`` do, but where MindSpore's in-place kernels and a training step's
    parameter updates write into the same memory (the array would see them), mindshim's arrays are immutable.
    Once nothing else can reach the buffer (no array sharing it is alive) the Tensor lets it go, and reads are free
    again.

    A numpy array or scalar on the left of an operator (``np.ones(2) + t``, ``np.float32(2) * t``,
    ``np.ones(2) == t``) and numpy's ufuncs (``np.sqrt(t)``) compute in numpy and give an ndarray, as MindSpore's
    Tensor does in PyNative mode; inside a compiled function (``jit``, GRAPH_MODE) they give a Tensor, as
    MindSpore's graph compiler folds them (see ``__array_ufunc__``).
    """
    __slots__ = ("_value", "_np", "_pending_init", "_init_flag", "_const_arg", "_offload_path", "_host", "__weakref__")
    #: ``initializer(init, shape, dtype)`` for ``Tensor(init=...)``; ``mindshim.common.initializer`` sets it.
    _initializer = None

    def __init__(self, input_data=None, dtype=None, shape=None, init=None, internal=False, const_arg=False,
                 device=None):
        if dtype is not None and not isinstance(dtype, mstype.Type):
            raise _dtype_error(dtype)
        if input_data is not None and shape is not None:
            raise ValueError("When initializing a tensor with 'input_data', 'shape' should be set to None.But got "
                             f"shape: {shape}.")
        if init is not None:
            if shape is None or dtype is None:
                raise ValueError("For 'Tensor', when 'init' is given, 'shape' and 'dtype' must be given too.")
            input_data = Tensor._initializer(init, shape, dtype)
            self._pending_init = True
        if input_data is None:
            if dtype is None:
                raise _input_type_error(input_data)
            np_dtype = mstype.to_mstype(dtype).np_dtype
            if shape is None or any(not isinstance(d, numbers.Integral) for d in shape):
                self._data = _UnknownShape(shape, np_dtype)
            else:
                self._data = jnp.zeros(tuple(shape), np_dtype)
            return
        if isinstance(input_data, Tensor):
            data = input_data._data
        elif isinstance(input_data, jax.Array):
            data = input_data
        elif isinstance(input_data, np.ndarray):
            data = jnp.asarray(_check_np(input_data))
        elif isinstance(input_data, (bool, numbers.Number, list, tuple, np.generic)):
            data = jnp.asarray(_default_np(input_data))
        else:
            raise _input_type_error(input_data)
        if dtype is not None:
            data = data.astype(mstype.to_mstype(dtype).np_dtype)
        self._data = data
        if isinstance(input_data, Tensor) and dtype is None:  # MindSpore's Tensor(t) shares t's memory
            self._np, self._host = input_data._np, getattr(input_data, "_host", False)
        if const_arg:
            self.set_const_arg(const_arg)

    # ---- the wrapped array -------------------------------------------------------------------------
    @property
    def _data(self):
        """The array: ``_value``, or where the Tensor shares a host buffer, the buffer's values now."""
        return self._value if self._np is None else self._from_host()

    @_data.setter
    def _data(self, value):
        """A write: the Tensor holds ``value``, in device memory, and shares no host buffer any more."""
        self._value, self._np, self._host = value, None, False

    def _from_host(self):
        """The host buffer's values, uploaded where the data was (a copy: the buffer may change again; a concrete
        array even inside a trace; copied on the host first, as ``jnp.array`` keeps the buffer in garbage until a
        collection). The buffer is let go once its memory is only the Tensor's: the owning ndarray referenced by nothing
        else (sys.getrefcount: the buffer's base link or the slot, the local names, the call's argument)."""
        host = self._np
        with jax.ensure_compile_time_eval():
            self._value = value = jax.device_put(np.array(host), self._value.sharding)
        owner = host if host.base is None else host.base  # (the buffer itself in a copied or unpickled Tensor)
        if isinstance(owner, np.ndarray) and owner.base is None and sys.getrefcount(owner) <= 3 + (owner is host):
            self._np = None
        return value

    @property
    def shape(self):
        return self._value.shape

    @property
    def dtype(self):
        return _BY_NP[self._value.dtype]

    @property
    def ndim(self):
        return self._value.ndim

    @property
    def size(self):
        return self._value.size

    @property
    def itemsize(self):
        return self._value.dtype.itemsize

    @property
    def nbytes(self):
        return self._value.nbytes

    @property
    def T(self):
        return _wrap(self._data.T)

    @property
    def H(self):
        """The conjugate transpose of a 2-D Tensor."""
        if self._data.ndim != 2:
            raise ValueError(f"For tensor.H, only 2-D Tensor is supported, but got {self._data.ndim}-D.")
        return _wrap(jnp.conj(self._data.T) if self._data.dtype.kind == "c" else self._data.T)

    @property
    def mT(self):
        """The last two axes swapped."""
        return _wrap(self._last_two_swapped())

    @property
    def mH(self):
        """The last two axes swapped, conjugated."""
        out = self._last_two_swapped()
        return _wrap(jnp.conj(out) if out.dtype.kind == "c" else out)

    def _last_two_swapped(self):
        n = self._data.ndim
        if n < 2:
            raise ValueError(f"The 'axis' must be in the range of [-{max(n, 1)}, {max(n, 1)}), but got -2.")
        return jnp.swapaxes(self._data, -1, -2)

    # ---- storage: a mindshim Tensor is always one dense, C-ordered array of its own --------------------------
    @property
    def strides(self):
        """Bytes from one element to the next along each axis (C order)."""
        return tuple(d * self._data.dtype.itemsize for d in self.stride())

    def stride(self, dim=None):
        """Elements from one element to the next along each axis (or along ``dim``)."""
        out, step = [], 1
        for n in reversed(self._data.shape):
            out.append(step)
            step *= n
        out.reverse()
        return out if dim is None else out[dim]

    def storage_offset(self):
        """0: no mindshim Tensor is a view into another one's storage."""
        return 0

    def is_contiguous(self):
        """True: every mindshim op makes a new dense array (MindSpore's views of a transpose are not
        contiguous; mindshim has no views)."""
        return True

    def contiguous(self):
        return self

    def is_pinned(self):
        """False: mindshim never pins host memory."""
        return False

    def is_shared(self):
        """False: mindshim never places a Tensor in shared memory."""
        return False

    def data_ptr(self):
        """The address of the data in device memory (of the array the Tensor holds now: a write gives a new one)."""
        return self._data.unsafe_buffer_pointer()

    def offload(self, file_path, offload_async=False):
        """Write the data's bytes to ``file_path`` and return True. MindSpore then frees the device memory;
        mindshim keeps the array too, so the Tensor stays usable."""
        with open(file_path, "wb") as f:
            f.write(np.asarray(self._data).tobytes())
        self._offload_path = file_path
        return True

    def offload_file_path(self):
        """The file of the last ``offload`` ('' if none)."""
        return getattr(self, "_offload_path", "")

    def flush_from_cache(self):
        """None: mindshim keeps no embedding cache to flush."""
        return None

    def get_bytes(self):
        """The data's bytes, C order."""
        return np.asarray(self._data).tobytes()

    @staticmethod
    def convert_bytes_to_tensor(bytes_data, shape, dtype):
        """A Tensor of ``shape`` and ``dtype`` read from ``bytes_data``."""
        np_dtype = mstype.to_mstype(dtype).np_dtype
        return Tensor(np.frombuffer(bytes_data, np_dtype).reshape(shape))

    @staticmethod
    def from_numpy(array):
        """A Tensor sharing the memory of the numpy array ``array``, as MindSpore's: writing into ``array`` changes
        the Tensor and ``__setitem__`` on the Tensor changes ``array`` (see the class docstring). As in MindSpore, an
        array that is not C-contiguous is copied instead. Its repr prints MindSpore's host-memory format."""
        if not isinstance(array, np.ndarray):
            raise TypeError("Expected a NumPy array.")
        t = Tensor(array)
        if array.flags.c_contiguous:
            t._np = array.view()
        t._host = True
        return t

    # ---- initialization and graph flags --------------------------------------------------------------
    @property
    def has_init(self):
        """True for a Tensor made with ``init=`` until ``init_data()`` (mindshim fills it at once)."""
        return getattr(self, "_pending_init", False)

    def init_data(self, slice_index=None, shape=None, opt_shape=None):
        """This Tensor, its ``init`` now counted as applied (mindshim filled it when it was made). MindSpore fills
        it in host memory then, so its repr prints the host-memory format until it is next written."""
        if not self.has_init:
            raise TypeError("init_data must be set Tensor.init, init can't be None")
        self._pending_init = False
        self._host = True
        return self

    def is_init(self):
        return getattr(self, "_init_flag", False)

    def set_init_flag(self, flag):
        self._init_flag = flag

    @property
    def const_arg(self):
        return getattr(self, "_const_arg", False)

    def set_const_arg(self, const_arg=True):
        """Mark the Tensor as a constant of compiled calls (mindshim's compiled calls trace every Tensor);
        returns self."""
        if not isinstance(const_arg, bool):
            raise TypeError("For 'set_const_arg', the type of 'const_arg' should be 'bool', but got type "
                            f"'{type(const_arg).__name__}'.")
        self._const_arg = const_arg
        return self

    def set_dtype(self, dtype):
        """Cast the data to ``dtype`` in place; returns ``dtype``."""
        write(self, self._data.astype(mstype.to_mstype(dtype).np_dtype), "Tensor.set_dtype")
        return dtype

    def value(self):
        return self

    def asnumpy(self):
        """The data as a writable numpy array sharing the Tensor's host buffer, as MindSpore's on CPU: writing into
        it changes the Tensor until the Tensor is next written (see the class docstring). A traced value (inside
        an eager gradient) gives a copy."""
        if self._np is None:
            if not isinstance(self._value, jax.Array) or isinstance(self._value, jax.core.Tracer):
                return np.array(_concrete(self._value))
            self._np = np.array(self._value).view()
        return self._np.view()

    def numpy(self):
        return self.asnumpy()

    def __jax_array__(self):
        return self._data

    def __array__(self, dtype=None, copy=None):
        """``np.asarray(t)``: ``asnumpy()``'s shared array (a copy when ``copy`` or another ``dtype`` is asked)."""
        arr = self.asnumpy()
        if dtype is not None and np.dtype(dtype) != arr.dtype:
            return arr.astype(dtype)
        return arr.copy() if copy else arr

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        """A numpy ufunc over Tensors (also ``ndarray + Tensor``): computed in numpy on their values (an ndarray,
        as in MindSpore's PyNative mode), or, where a Tensor holds a traced value, by ``jax.numpy``'s function of
        the same name (a Tensor, as in MindSpore's graph mode)."""
        arrays = [x._data if isinstance(x, Tensor) else x for x in inputs]
        if any(isinstance(a, jax.core.Tracer) for a in arrays):
            fn = getattr(jnp, ufunc.__name__, None)
            if method != "__call__" or fn is None or kwargs:
                return NotImplemented
            return _wrap(fn(*arrays))
        return getattr(ufunc, method)(*(np.asarray(x) if isinstance(x, Tensor) else x for x in inputs), **kwargs)

    def tolist(self):
        return _concrete(self._data).tolist()

    def __len__(self):
        if not self._data.ndim:
            raise TypeError("len() of unsized object")
        return self._data.shape[0]

    def __iter__(self):
        if not self._data.ndim:
            raise TypeError("iteration over a 0-d tensor")
        return (self[i] for i in range(self._data.shape[0]))

    def __bool__(self):
        return bool(_concrete(self._data))

    def __int__(self):
        return int(self._scalar())

    def __float__(self):
        return float(self._scalar())

    def _scalar(self):
        """The value of a one-element Tensor of any shape (MindSpore converts ``Tensor([2.5])`` too)."""
        data = _concrete(self._data)
        if data.ndim == 0:
            return data
        if data.size != 1:
            raise ValueError("Only one element tensors can be converted to Python scalars")
        return data.reshape(())

    def __index__(self):
        if self._data.dtype.kind not in "iu":
            raise TypeError("only integer tensors of a single element can be converted to an index")
        return int(_concrete(self._data))

    __hash__ = object.__hash__

    def __repr__(self):
        data = _concrete(self._data)
        if isinstance(data, jax.core.Tracer):
            return f"Tensor(shape={list(data.shape)}, dtype={self.dtype}, value=<traced>)"
        if isinstance(data, _UnknownShape):
            return _printing.tensor_repr(data, self.dtype)
        if getattr(self, "_host", False):  # in host memory: from a dataset iterator, from_numpy, init_data
            return _printing.host_tensor_repr(np.asarray(data), self.dtype)
        return _printing.tensor_repr(np.asarray(data), self.dtype)

    def __str__(self):
        data = _concrete(self._data)
        if isinstance(data, jax.core.Tracer):
            return repr(self)
        return _printing.tensor_str(np.asarray(data))

    # ---- conversions -------------------------------------------------------------------------------
    def astype(self, dtype, copy=True):
        return _wrap(self._data.astype(mstype.to_mstype(dtype).np_dtype))

    def to(self, dtype):
        return self.astype(dtype)

    def move_to(self, to, blocking=True):
        """A copy on device target ``to`` ('CPU', 'GPU'; 'Ascend' is JAX's default backend)."""
        from .. import _device
        _device._check_target(to, "Tensor.move_to")
        found = _device.devices(to)
        if not found:
            raise ValueError(f"For 'Tensor.move_to', the device target '{to}' is not available.")
        out = jax.device_put(self._data, found[0])
        if blocking:
            out.block_until_ready()
        return _wrap(out)

    def type(self, dtype=None):
        """The dtype's name (``'Float32'``) without ``dtype``; else a copy cast to ``dtype`` (a mindspore dtype
        or its name, ``'int32'``)."""
        return str(self.dtype) if dtype is None else self.astype(dtype)

    def type_as(self, other):
        return self.astype(other.dtype)

    def is_complex(self):
        return self._data.dtype.kind == "c"

    def is_signed(self):
        return self._data.dtype.kind in "fic" or self.dtype == mstype.bfloat16

    def is_floating_point(self):
        return self.dtype.kind == "f"

    def copy(self):
        return _wrap(self._data)

    # ---- indexing ------------------------------------------------------------------------------------
    def __getitem__(self, index):
        return _wrap(self._data[_index(index, self._data.shape)])

    def assign_value(self, value):
        """Make this Tensor hold ``value``'s data (its shape and dtype too), in place; returns self."""
        write(self, value._data if isinstance(value, Tensor) else Tensor(value)._data, "Tensor.assign_value")
        return self

    def __setitem__(self, index, value):
        """In-place update, as in MindSpore: the Tensor now wraps the updated array; a host buffer it shares
        (``asnumpy``, ``from_numpy``) gets the new values too, and its repr keeps its format."""
        value = value._data if isinstance(value, Tensor) else value
        host, fmt = self._np, getattr(self, "_host", False)
        new = self._data.at[_index(index, self._value.shape)].set(jnp.asarray(value, self._value.dtype))
        write(self, new, "Tensor.__setitem__")
        self._host = fmt
        if host is not None and host.flags.writeable:  # (a read-only array given to from_numpy: sharing ends)
            host[...] = np.asarray(new)
            self._np = host


def tensor(input_data=None, dtype=None, shape=None, init=None, const_arg=False, device=None):
    """``mindspore.tensor``: a new Tensor, as ``Tensor(...)`` (MindSpore's form for creating Tensors inside compiled
    code, where it also types the result; in mindshim both are the same everywhere)."""
    return Tensor(input_data, dtype, shape, init, const_arg=const_arg, device=device)


def from_numpy(array):
    """``mindspore.from_numpy``: ``Tensor.from_numpy(array)``."""
    return Tensor.from_numpy(array)


def frombuffer(buffer, dtype, count=-1, offset=0):
    """A 1-D Tensor of ``dtype`` read from a bytes-like ``buffer`` (``count`` items from byte ``offset``; a copy)."""
    return Tensor(np.frombuffer(buffer, mstype.to_mstype(dtype).np_dtype, count, offset).copy())


def write(tensor, new, op):
    """An in-place write of the array ``new`` into ``tensor`` (by ``op``). Inside a trace every Tensor made there
    holds a tracer: one holding a concrete array comes from outside, and a traced value written into it would
    leak out of the trace (Parameters are state: the engine takes their writes as new values)."""
    if type(tensor) is Tensor and isinstance(new, jax.core.Tracer) and not isinstance(tensor._data, jax.core.Tracer):
        raise RuntimeError(f"For '{op}', writing a traced value into a Tensor from outside the compiled "
                           "call would leak it out of the trace: keep that state in a Parameter (ops.assign), or "
                           "return the new value.")
    tensor._data = new


def _index(index, shape=None):
    """An index for the wrapped array, checked as MindSpore checks it (JAX would clamp an out-of-range int)."""
    items = index if isinstance(index, tuple) else (index,)
    out, dim = [], 0
    for i in items:
        if isinstance(i, Tensor):
            if i._data.dtype.kind not in "biu":
                raise IndexError(f"The tensor index must be int or bool type, but got {i}.")
            i = i._data
            if shape is not None and dim is not None and dim < len(shape) and i.dtype.kind in "iu":
                check_gather_indices(i, shape[dim])  # the kernel MindSpore runs checks the values
        elif isinstance(i, list):
            i = np.asarray(i)
            if shape is not None and dim is not None and dim < len(shape) and i.dtype.kind in "iu":
                bad = (i < -shape[dim]) | (i >= shape[dim])
                if bad.any():
                    raise IndexError(f"index {i[bad][0]} out of bounds for dimension with size {shape[dim]}")
        if i is Ellipsis:
            dim = None  # later positions count from the end: not checked
        elif shape is not None and dim is not None and isinstance(i, (int, np.integer)) and not isinstance(i, bool):
            if dim >= len(shape):
                raise IndexError(f"too many indices for tensor of dimension {len(shape)}")
            if not -shape[dim] <= i < shape[dim]:
                raise IndexError(f"index {i} is out of bounds for dimension with size {shape[dim]}")
        if getattr(i, "dtype", None) == np.bool_ and np.ndim(i) != 1:
            dim = None  # a mask covers several dimensions: later positions are not checked
        elif dim is not None and i is not None:
            dim += 1
        out.append(i)
    return tuple(out) if isinstance(index, tuple) else out[0]


_INPUT_TYPES = "['TensorPy', 'Tensor', 'ndarray', 'str_', 'list', 'tuple', 'float', 'int', 'bool', 'complex', 'bytes']"
_DTYPES = ("[mindspore.int8, mindspore.int16, mindspore.int32, mindspore.int64, mindspore.uint8, mindspore.uint16, "
           "mindspore.uint32, mindspore.uint64, mindspore.float16, mindspore.float32, mindspore.float64, "
           "mindspore.bfloat16, mindspore.complex64, mindspore.complex128, mindspore.int4, mindspore.float8_e4m3fn, "
           "mindspore.float8_e5m2, mindspore.hifloat8, mindspore.bool, mindspore.string_]")


class _UnknownShape:
    """The data of ``Tensor(shape=[3, None], dtype=...)`` (a ``None`` or ``Symbol`` dimension is -1; no shape at
    all is ``(-2,)``, an unknown rank), as ``Cell.set_inputs`` and ``enable_dynamic`` take it: a shape and a dtype
    without values, whose use raises MindSpore's ValueError."""
    __slots__ = ("shape", "dtype")

    def __init__(self, shape, dtype):
        self.shape = (-2,) if shape is None else tuple(int(d) if isinstance(d, numbers.Integral) else -1 for d in shape)
        self.dtype = np.dtype(dtype)

    @property
    def ndim(self):
        return len(self.shape)

    def __array__(self, *args, **kwargs):
        raise ValueError("negative dimensions are not allowed")


def _input_type_error(value):
    """MindSpore's error for ``input_data`` of a type Tensor cannot hold (its list names types mindshim does not
    take either: strings and bytes)."""
    return TypeError(f"For 'Tensor', the type of 'input_data' should be one of '{_INPUT_TYPES}', but got type "
                     f"'{type(value).__name__}'.")


def _dtype_error(dtype):
    """MindSpore's error for a ``dtype`` that is not a mindspore dtype (a string, a numpy type, ...)."""
    if isinstance(dtype, str):
        got = f"'{dtype}'"
    else:
        try:
            got = np.dtype(dtype).name
        except TypeError:
            got = dtype
    return TypeError(f"For 'Tensor', the 'dtype' should be one of {_DTYPES}, but got '{got}'.")


def _check_np(arr):
    """``arr`` when Tensor can hold it: numbers and bools. An object array is MindSpore's TypeError (naming the
    first element that is not a number, if any); strings are not supported by mindshim."""
    if arr.dtype.kind in "US":
        raise NotImplementedError("mindspore.Tensor of strings is not supported by mindshim.")
    if arr.dtype.kind in "OVMm" and arr.dtype not in mstype._BY_NP:  # (bfloat16 is a 'V' numpy dtype)
        odd = [v for v in arr.flat if not isinstance(v, (numbers.Number, list, tuple, np.ndarray))][:1]
        if not odd and arr.dtype.kind == "O":
            raise TypeError(f"initializing tensor by numpy array failed, numpy array: {arr}, data type: object.")
        raise TypeError(f"initializing tensor by numpy array failed, because the element type '{type(odd[0])}' of "
                        "array is not supported.")
    return arr


def _cast_method(name, dtype):
    """``Tensor.<name>()``: a copy cast to ``dtype``."""
    def method(self):
        return self.astype(dtype)
    method.__name__, method.__qualname__, method.__doc__ = name, f"Tensor.{name}", f"A copy cast to {dtype}."
    return method


for _name, _dtype in (("float", mstype.float32), ("half", mstype.float16), ("double", mstype.float64),
                      ("bfloat16", mstype.bfloat16), ("int", mstype.int32), ("long", mstype.int64),
                      ("short", mstype.int16), ("byte", mstype.uint8), ("bool", mstype.bool_)):
    setattr(Tensor, _name, _cast_method(_name, _dtype))


def _unwrap_nested(data):
    if isinstance(data, (list, tuple)):
        return [_unwrap_nested(d) for d in data]
    if isinstance(data, Tensor):
        return np.asarray(data._data)
    return data


def _wrap(array):
    """A Tensor around ``array`` without the constructor's checks (the hot path of every op)."""
    t = _new(Tensor)
    t._value, t._np = array, None
    return t


jax.tree_util.register_pytree_node(Tensor, lambda t: ((t._data,), None), lambda _, c: _wrap(c[0]))
