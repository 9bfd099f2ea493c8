"""``mindspore.amp``: automatic mixed precision and loss scaling.

Levels as MindSpore 2.10: ``O0`` unchanged; ``O1`` the white-listed ops (convolutions, MatMul/Dense,
BatchMatMul, ReLU, ...) compute in ``dtype`` and return float32; ``O2`` the network runs in ``dtype`` except
the black-listed cells (BatchNorm, LayerNorm), which compute in float32 and hand ``dtype`` on; ``O3`` the
whole network runs in ``dtype``. O2 and O3 cast the network's outputs back to float32. ``auto`` (a Cell or a
function): while it runs, matrix products and convolutions compute in ``dtype``, precision-sensitive ops
(exp, log, softmax, norms, most losses) in float32, and the rest in the types they are given; its outputs
may stay in ``dtype`` (the training builders cast them to float32 for the loss). MindSpore implements O1 by
rewriting the network's source; mindshim applies the same white list at op level.
"""
import functools
import inspect

import jax.numpy as jnp

from . import _state, nn, ops
from .common import _amp
from .common import dtype as mstype
from .common.parameter import Parameter
from .common.tensor import Tensor, _wrap
from .nn.layer import normalization

# and train's loss scale managers (LossScaleManager, ...), which the package publishes here: amp sits below train
__all__ = ["auto_mixed_precision", "custom_mixed_precision", "build_train_network", "get_white_list", "get_black_list",
           "all_finite",
           "LossScaler", "StaticLossScaler", "DynamicLossScaler"]

_BLACK_LIST = (normalization.BatchNorm1d, normalization.BatchNorm2d, normalization.BatchNorm3d, normalization.LayerNorm)


def get_white_list():
    """MindSpore's O1 white list, a new list of the Cell and Primitive classes computing in low precision (mindshim's
    O1 applies it as the op-table rows ``common._amp.WHITE_LIST``); ``custom_mixed_precision`` takes such lists."""
    return [nn.Conv1d, nn.Conv2d, nn.Conv3d, nn.Conv1dTranspose, nn.Conv2dTranspose, nn.Conv3dTranspose, nn.Dense,
            nn.LSTMCell, nn.RNNCell, nn.GRUCell, ops.Conv2D, ops.Conv3D, ops.Conv2DTranspose, ops.Conv3DTranspose,
            ops.Conv2DBackpropInput, ops.MatMul, ops.BatchMatMul, ops.PReLU, ops.ReLU, ops.Ger]


def get_black_list():
    """The cells kept in float32 under O2."""
    return list(_BLACK_LIST)


def _cast_tree(out, dtype):
    if isinstance(out, (tuple, list)):
        return type(out)(_cast_tree(o, dtype) for o in out)
    if isinstance(out, Tensor) and out.dtype.kind == "f":
        return out.astype(dtype)
    return out


class _OutputTo32(nn.Cell):
    """The network with its floating outputs cast to float32."""

    def __init__(self, backbone):
        super().__init__(auto_prefix=False)
        self._backbone = backbone

    def construct(self, *args, **kwargs):
        return _cast_tree(self._backbone(*args, **kwargs), mstype.float32)


class _OutputTo16(nn.Cell):
    """A float32 cell inside a low-precision network, its outputs cast to the network's dtype."""

    def __init__(self, backbone, dtype=mstype.float16):
        super().__init__(auto_prefix=False)
        self._backbone = backbone
        self.dtype = dtype

    def construct(self, *args, **kwargs):
        return _cast_tree(self._backbone(*args, **kwargs), self.dtype)


def _black_list(network, dtype, black_list=_BLACK_LIST):
    network.to_float(dtype)
    for name, cell in list(network.name_cells().items()):
        if isinstance(cell, black_list):
            network._cells[name] = _OutputTo16(cell.to_float(mstype.float32), dtype)
        else:
            _black_list(cell, dtype, black_list)
    _relist(network)
    return network


def _relist(network):
    """A SequentialCell runs its ``cell_list``: the replaced sub-Cells go there too (as MindSpore's amp does)."""
    if isinstance(network, nn.SequentialCell):
        network.cell_list = list(network.cells())


def _white_cells(network, white_list, dtype):
    """The sub-Cells of the ``white_list`` classes compute in ``dtype`` (all their ops) and return float32."""
    for name, cell in list(network.name_cells().items()):
        if isinstance(cell, white_list):
            for _, inner in cell.cells_and_names():
                object.__setattr__(inner, "_amp_policy", (dtype.np_dtype, "all"))
            network._cells[name] = _OutputTo32(cell)
        else:
            _white_cells(cell, white_list, dtype)
    _relist(network)


def _list_check(custom_list, list_name):
    if not isinstance(custom_list, list):
        raise TypeError(f"The type of {list_name} should be list, but got {type(custom_list)}")
    for elem in custom_list:
        if not isinstance(elem, type):
            raise TypeError(f"The element in {list_name} should be a class, but got {elem}")
        if list_name == "white_list" and not issubclass(elem, (nn.Cell, ops.Primitive)):
            raise TypeError(f"The subclass of element in {list_name} should be one of 'Cell' and 'Primitive', "
                            f"but got {elem}")
        if list_name == "black_list" and not issubclass(elem, nn.Cell):
            raise TypeError(f"The subclass of element in {list_name} should be one of 'Cell', but got {elem}")


def custom_mixed_precision(network, *, white_list=None, black_list=None, dtype=mstype.float16):
    """Mixed precision with your own list of classes. ``white_list``: the Primitives of those classes compute in
    ``dtype`` and return float32, as under O1 (op level), and the sub-Cells of those classes compute wholly in
    ``dtype`` and return float32 (MindSpore inserts the casts by rewriting the network's source; mindshim casts at
    run time, so the network stays the same object). ``black_list`` (Cells): the network runs in ``dtype`` except
    those sub-Cells, which compute in float32 and hand ``dtype`` on, and its outputs return as float32 (O2's rule)."""
    if not isinstance(network, nn.Cell):
        raise TypeError("The network type should be Cell.")
    if white_list is None and black_list is None:
        raise ValueError("For custom_mixed_precision, one of white_list and black_list must be provided.")
    if white_list is not None and black_list is not None:
        raise ValueError("For custom_mixed_precision, the white_list or black_list cannot be provided "
                         "at the same time, please provide one or the other.")
    if dtype not in (mstype.float16, mstype.bfloat16):
        raise ValueError(f"The dtype should be one of (mstype.float16, mstype.bfloat16), but got {dtype}.")
    if black_list is not None:
        _list_check(black_list, "black_list")
        return _OutputTo32(_black_list(network, dtype, tuple(black_list)))
    _list_check(white_list, "white_list")
    rows = frozenset(c._row.name for c in white_list if issubclass(c, ops.Primitive) and hasattr(c, "_row"))
    for _, cell in network.cells_and_names():
        object.__setattr__(cell, "_amp_policy", (dtype.np_dtype, rows))
    _white_cells(network, tuple(c for c in white_list if issubclass(c, nn.Cell)), dtype)
    _state.invalidate()
    return network


def auto_mixed_precision(network, amp_level="O0", dtype=mstype.float16):
    """Convert ``network`` to mixed precision at ``amp_level`` ('O0', 'O1', 'O2', 'O3', 'auto')."""
    if not isinstance(network, nn.Cell):
        if amp_level != "auto":
            raise TypeError(f"For amp_level '{amp_level}', the network type should be Cell.")
        if not inspect.isfunction(network) and not inspect.ismethod(network):
            raise TypeError("For amp_level 'auto', the network type should be Cell or function.")
    if dtype not in (mstype.float16, mstype.bfloat16):
        raise ValueError(f"The dtype should be one of (mstype.float16, mstype.bfloat16), but got {dtype}.")
    if amp_level == "O0":
        return network
    if amp_level == "O1":
        policy = (dtype.np_dtype, "white")
        for _, cell in network.cells_and_names():
            object.__setattr__(cell, "_amp_policy", policy)
        _state.invalidate()
        return network
    if amp_level == "auto":
        return _auto(network, (dtype.np_dtype, "auto"))
    if amp_level == "O2":
        return _OutputTo32(_black_list(network, dtype))
    if amp_level == "O3":
        return _OutputTo32(network.to_float(dtype))
    raise ValueError(f"The amp level {amp_level} is not supported")


def _auto(network, policy):
    """Level "auto": the policy holds while ``network`` (its ``construct``, or the function) runs."""
    if isinstance(network, nn.Cell):
        object.__setattr__(network, "_amp_policy", policy)
        _state.invalidate()
        return network

    @functools.wraps(network)
    def mixed(*args, **kwargs):
        _amp.local.stack.append(policy)
        try:
            return network(*args, **kwargs)
        finally:
            _amp.local.stack.pop()
    return mixed


def with_loss(network, loss_fn, level):
    """``network`` at amp ``level`` with ``loss_fn`` after it, computed in float32 (as MindSpore's training
    builders do: O2/O3 networks already return float32, an "auto" one may not)."""
    network = auto_mixed_precision(network, level)
    if level == "auto":
        network = _OutputTo32(network)
    return nn.WithLossCell(network, loss_fn) if loss_fn is not None else network


def build_train_network(network, optimizer, loss_fn=None, level="O0", boost_level="O0", **kwargs):
    """A ``TrainOneStepCell`` (or, with a loss scale manager, ``TrainOneStepWithLossScaleCell``) over
    ``network`` + ``loss_fn`` at amp ``level``; the loss runs in float32."""
    if level not in ("O0", "O1", "O2", "O3", "auto"):
        raise ValueError(f"The amp level {level} is not supported.")
    network = with_loss(network, loss_fn, level)
    manager = kwargs.get("loss_scale_manager")
    if manager is not None and hasattr(manager, "get_update_cell") and manager.get_update_cell() is not None:
        return nn.TrainOneStepWithLossScaleCell(network, optimizer, scale_sense=manager.get_update_cell())
    sens = manager.get_loss_scale() if manager is not None else 1.0
    return nn.TrainOneStepCell(network, optimizer, sens=sens)


def all_finite(inputs):
    """True when every Tensor in ``inputs`` holds only finite values."""
    finite = [jnp.all(jnp.isfinite(t._data)) for t in inputs]
    return _wrap(jnp.all(jnp.stack(finite))) if finite else Tensor(True)


def _map(inputs, fn):
    if isinstance(inputs, (tuple, list)):
        return type(inputs)(_map(x, fn) for x in inputs)
    return fn(inputs)


def _grad_scale_map(scale_value, inputs):
    """Each Tensor of ``inputs`` (nested tuples and lists) times ``scale_value`` cast to its dtype."""
    return _map(inputs, lambda x: x * ops.cast(scale_value, x.dtype))


def _grad_unscale_map(scale_value, inputs):
    """Each Tensor of ``inputs`` times ``1 / scale_value`` cast to its dtype."""
    return _map(inputs, lambda x: x * ops.cast(ops.reciprocal(scale_value), x.dtype))


class LossScaler:
    """Base of the 2.x loss scalers: ``scale``, ``unscale``, ``adjust``."""

    def scale(self, inputs):
        raise NotImplementedError

    def unscale(self, inputs):
        raise NotImplementedError

    def adjust(self, grads_finite):
        raise NotImplementedError


def _check_scale(scale_value):
    if not isinstance(scale_value, (int, float)) or isinstance(scale_value, bool):
        raise TypeError(f"The argument 'scale_value' must be float or int, but got {type(scale_value).__name__}.")
    if scale_value < 1.0:
        raise ValueError(f"The argument 'scale_value' must be > 1, but got {scale_value}")


class StaticLossScaler(LossScaler):
    def __init__(self, scale_value):
        _check_scale(scale_value)
        self.scale_value = Parameter(Tensor(scale_value, dtype=mstype.float32), name="scale_value")

    def scale(self, inputs):
        return _grad_scale_map(self.scale_value, inputs)

    def unscale(self, inputs):
        return _grad_unscale_map(self.scale_value, inputs)

    def adjust(self, grads_finite):
        return False


class DynamicLossScaler(StaticLossScaler):
    """Multiply the scale by ``scale_factor`` after ``scale_window`` finite steps; divide it (not below 1) on
    overflow."""

    def __init__(self, scale_value, scale_factor, scale_window):
        super().__init__(scale_value)
        for name, v in (("scale_window", scale_window), ("scale_factor", scale_factor)):
            if not isinstance(v, int) or isinstance(v, bool) or v <= 0:
                raise ValueError(f"The argument '{name}' must be a positive int, but got {v}.")
        self.scale_window, self.scale_factor = scale_window, scale_factor
        self.counter = Parameter(Tensor(0, dtype=mstype.int32), name="counter")

    def adjust(self, grads_finite):
        finite = grads_finite._data
        value, counter = self.scale_value._data, self.counter._data
        grown = value * self.scale_factor
        up = jnp.where(counter == self.scale_window - 1, jnp.where(jnp.isfinite(grown), grown, value), value)
        new = jnp.where(finite, up, jnp.maximum(jnp.ones((), value.dtype), value / self.scale_factor))
        self.scale_value.set_data(_wrap(new))
        self.counter.set_data(_wrap((counter + 1) % self.scale_window * finite.astype(counter.dtype)))
        return True
