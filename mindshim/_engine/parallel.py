"""Data parallelism on JAX's own sharding (``set_auto_parallel_context(parallel_mode=DATA_PARALLEL)``).

One process drives all of its host's devices: a compiled step runs over a ``jax.sharding.Mesh`` of them with
the batch sharded along axis 0 and the state replicated, and XLA inserts the gradient all-reduce. Because
the loss is computed on the whole (sharded) batch, gradients are already means over devices
(``gradients_mean=True``); with ``gradients_mean=False`` the training cells scale them by the device count,
MindSpore's sum. BatchNorm, too, normalizes with the whole batch's statistics, as on one device (MindSpore's
data-parallel BatchNorm uses each device's part of the batch; its SyncBatchNorm is what mindshim computes).

Across hosts, ``communication.init()`` calls ``jax.distributed.initialize()``; the mesh then spans every
device of every host, each host reads its own shard of the data (``get_rank()``/``get_group_size()`` count
hosts) and passes its local batch, and the step trains on the hosts' batches together (the global batch is
their concatenation in host order). Every host runs the same script, as MindSpore's ranks do; a compiled
call's batch-shaped outputs come back as the host's rows. On several hosts every Tensor argument of a compiled
call whose first dimension splits evenly over the devices is taken as this host's part of a batch: keep other
state in Parameters (as MindSpore models do), not in Tensor arguments.
"""
import jax
import numpy as np
from jax.experimental import multihost_utils
from jax.sharding import NamedSharding, PartitionSpec

from .. import _state

_context = _state.parallel


def mesh():
    """The data-parallel mesh, or None when running on one device."""
    return _state.mesh["mesh"]


def grad_scale():
    """What the training cells multiply gradients by: the device count for MindSpore's summed gradients."""
    if _state.mesh["mesh"] is not None and not _context["gradients_mean"]:
        return float(_context["device_num"])
    return 1.0


def place(params, values, arrays):
    """State replicated (or laid out by its ``Cell.shard`` plan) and batch-shaped inputs sharded along axis 0
    over the mesh. On several hosts each host's inputs are its part of the global batch, and state is laid
    out from each host's (equal) copy."""
    m = _state.mesh["mesh"]
    replicated = NamedSharding(m, PartitionSpec())
    batch = NamedSharding(m, PartitionSpec("data"))
    hosts = jax.process_count()
    n = m.devices.size
    if hosts == 1:
        values = [jax.device_put(v, _param_sharding(m, p, replicated)) for p, v in zip(params, values)]
        arrays = [jax.device_put(a, batch if a.ndim and a.shape[0] % n == 0 else replicated) for a in arrays]
        return values, arrays
    values = [_global(v, _param_sharding(m, p, replicated)) for p, v in zip(params, values)]
    arrays = [a if not a.is_fully_addressable else jax.make_array_from_process_local_data(
        batch if a.ndim and a.shape[0] * hosts % n == 0 else replicated, a) for a in arrays]
    return values, arrays


def local_outputs(tree):
    """On several hosts, a compiled call's batch-sharded outputs as this host's rows, as each MindSpore rank sees
    its own. Replicated outputs (losses, gradients) stay global: every host can read them, and passed to the next
    compiled call (``optimizer(grads)``) they are not mistaken for a host's part of a batch."""
    if jax.process_count() == 1:
        return tree
    m = _state.mesh["mesh"]

    def local(a):
        if not isinstance(a, jax.Array) or a.is_fully_addressable or a.sharding.is_fully_replicated:
            return a
        return multihost_utils.global_array_to_host_local_array(a, m, PartitionSpec("data"))
    return jax.tree_util.tree_map(local, tree)


def host_value(array):
    """``array`` readable on this host. One laid out over several hosts' devices (a ``Cell.shard`` plan) is
    gathered: a collective, so every host must ask, as for MindSpore's integrated checkpoint save."""
    if isinstance(array, jax.Array) and not array.is_fully_addressable and not array.sharding.is_fully_replicated:
        return multihost_utils.process_allgather(array, tiled=True)
    return array


def _global(value, sharding):
    """``value`` (the same on every host) laid out by ``sharding`` across the hosts' devices."""
    if value.sharding == sharding:
        return value
    if not value.is_fully_addressable:
        return jax.device_put(value, sharding)
    local = np.asarray(value)
    return jax.make_array_from_callback(local.shape, sharding, lambda index: local[index])


def _param_sharding(m, param, replicated):
    plan = param.__dict__.get("_layout")
    if plan is None:
        return replicated
    if any(c not in (1, m.devices.size) for c in plan):
        raise ValueError(f"For 'Cell.shard', the layout {plan} of '{param.name}' splits a dimension into a number of "
                         f"parts other than the {m.devices.size} devices of the data-parallel mesh.")
    return NamedSharding(m, PartitionSpec(*("data" if c > 1 else None for c in plan)))


def set_layout(cell, parameter_plan):
    """Record ``Cell.shard``'s ``parameter_plan``: ``{name: split counts per dimension}``.

    Layout rules: one int per dimension of the Parameter; 1 keeps the dimension whole, ``N`` splits it into
    ``N`` parts over the data-parallel mesh (``N`` must be the mesh's device count, and at most one
    dimension is split). Under ``DATA_PARALLEL`` such a Parameter (and its new values) is stored sharded
    across the devices, and XLA gathers it where it is used, so a model larger than one device's memory
    trains; values are the same as unsharded. Without a mesh the plan is kept and has no effect.
    """
    by_name = {p.name: p for p in cell.get_parameters()}
    by_path = dict(cell.parameters_and_names())
    for name, layout in parameter_plan.items():
        key = name[len("self."):] if name.startswith("self.") else name
        param = by_path[key] if key in by_path else by_name.get(key)
        if param is None:
            raise ValueError(f"For 'Cell.shard', the parameter '{name}' in 'parameter_plan' is not in the cell.")
        layout = tuple(layout)
        if len(layout) != len(param.shape) or any(not isinstance(c, int) or c < 1 for c in layout):
            raise ValueError(f"For 'Cell.shard', the layout of '{name}' must be one positive int per dimension of "
                             f"its shape {tuple(param.shape)}, but got {layout}.")
        if sum(c > 1 for c in layout) > 1:
            raise ValueError(f"For 'Cell.shard', the layout of '{name}' may split one dimension, but got {layout}.")
        param.__dict__["_layout"] = layout
    _state.invalidate()
