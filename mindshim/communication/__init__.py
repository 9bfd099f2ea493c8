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
           "create_group", "destroy_group", "GlobalComm",
           "HCCL_WORLD_COMM_GROUP", "NCCL_WORLD_COMM_GROUP", "MCCL_WORLD_COMM_GROUP"]


def init(backend_name=None):
    """Join the job, before any computation (as MindSpore scripts call it first). Across hosts this is
    ``jax.distributed.initialize()``: in a cluster JAX detects (SLURM, Open MPI, ...), or with
    ``JAX_COORDINATOR_ADDRESS`` (host:port of process 0), ``JAX_NUM_PROCESSES`` and ``JAX_PROCESS_ID`` set;
    CPU hosts use XLA's gloo collectives. On one host there is nothing to connect."""
    if GlobalComm.INITED:
        return
    env = os.environ
    if env.get("JAX_COORDINATOR_ADDRESS") or env.get("SLURM_JOB_ID") or env.get("OMPI_COMM_WORLD_SIZE"):
        jax.config.update("jax_cpu_collectives_implementation", "gloo")
        ids = {}
        if env.get("JAX_NUM_PROCESSES"):
            ids = {"num_processes": int(env["JAX_NUM_PROCESSES"]), "process_id": int(env["JAX_PROCESS_ID"])}
        jax.distributed.initialize(**ids)
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


def create_group(group, rank_ids, options=None):
    """Groups of some ranks are MindSpore's own communicators; mindshim's collectives are XLA's over all devices."""
    raise NotImplementedError("mindspore.communication.create_group is not supported by mindshim yet: only the "
                              "world group exists.")


def destroy_group(group):
    raise NotImplementedError("mindspore.communication.destroy_group is not supported by mindshim yet: only the "
                              "world group exists.")
