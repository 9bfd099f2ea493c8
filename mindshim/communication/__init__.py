"""``mindspore.communication``: process groups, on JAX.

mindshim runs one process per host, driving all of the host's devices with XLA's collectives; ranks here
are hosts (``jax.process_index()``/``jax.process_count()``), so per-rank dataset sharding
(``num_shards=get_group_size(), shard_id=get_rank()``) gives each host its own data. No communication layer
of mindshim's own: collectives are XLA's, inserted by the data-parallel compiled step.
"""
import os

import jax

GlobalComm = type("GlobalComm", (), {"WORLD_COMM_GROUP": "hccl_world_group", "INITED": False})
HCCL_WORLD_COMM_GROUP = "hccl_world_group"
NCCL_WORLD_COMM_GROUP = "nccl_world_group"
MCCL_WORLD_COMM_GROUP = "mccl_world_group"

__all__ = ["init", "release", "get_rank", "get_group_size", "get_local_rank", "get_local_rank_size",
           "GlobalComm", "HCCL_WORLD_COMM_GROUP", "NCCL_WORLD_COMM_GROUP", "MCCL_WORLD_COMM_GROUP"]


def init(backend_name=None):
    """Join the job: across hosts (``JAX_COORDINATOR_ADDRESS`` / cluster environment set) this is
    ``jax.distributed.initialize()``; on one host there is nothing to connect."""
    if GlobalComm.INITED:
        return
    if os.environ.get("JAX_COORDINATOR_ADDRESS") or os.environ.get("SLURM_JOB_ID") or \
            os.environ.get("OMPI_COMM_WORLD_SIZE"):
        jax.distributed.initialize()
    GlobalComm.INITED = True


def release():
    GlobalComm.INITED = False


def _check_group(group):
    if group not in (None, HCCL_WORLD_COMM_GROUP, NCCL_WORLD_COMM_GROUP, MCCL_WORLD_COMM_GROUP):
        raise NotImplementedError(f"mindspore.communication groups other than the world group ('{group}') are "
                                  "not supported by mindshim yet.")


def get_rank(group=None):
    _check_group(group)
    return jax.process_index()


def get_group_size(group=None):
    _check_group(group)
    return jax.process_count()


def get_local_rank(group=None):
    _check_group(group)
    return 0


def get_local_rank_size(group=None):
    _check_group(group)
    return 1
