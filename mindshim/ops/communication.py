"""``mindspore.ops.communication`` (also ``mindspore.mint.distributed``): torch-style collectives over the
process group (see ``mindspore.communication``: mindshim's ranks are JAX processes). With one process, as on a
single host, each collective is the identity MindSpore computes for a group of one; across several processes they
raise NotImplementedError (mindshim's collectives are XLA's, inside compiled steps)."""
import jax

from .. import communication

__all__ = ["get_rank", "get_world_size", "is_available", "is_initialized", "barrier", "all_reduce",
           "all_to_all_single", "all_gather_object", "gather_object", "scatter_object_list"]


def _one_process(api, needs_init=False):
    if needs_init and not communication.GlobalComm.INITED:
        raise RuntimeError("Distributed Communication has not been inited.You can't invoke this interface yet. "
                           "Please call `init()` method first.")
    if jax.process_count() > 1:
        raise NotImplementedError(f"mindspore.mint.distributed.{api} across {jax.process_count()} processes is not "
                                  "supported by mindshim yet.")


def is_available():
    return True


def is_initialized():
    return communication.GlobalComm.INITED


def get_rank(group=None):
    return communication.get_rank(group)


def get_world_size(group=None):
    return communication.get_group_size(group)


def barrier(group=None, async_op=False, device_ids=None):
    """Wait for every process of the group: nothing to wait for in one process."""
    _one_process("barrier")


def all_reduce(tensor, op="sum", group=None, async_op=False):
    """Reduce ``tensor`` over the group, in place: a group of one leaves it as it is."""
    _one_process("all_reduce")


def all_to_all_single(output, input, output_split_sizes=None, input_split_sizes=None, group=None, async_op=False):
    """Exchange slices of ``input`` between the group's ranks into ``output``: in a group of one, ``output``
    becomes ``input``."""
    _one_process("all_to_all_single")
    output.assign_value(input)


def all_gather_object(object_list, obj, group=None):
    """``object_list[rank] = obj`` of every rank."""
    _one_process("all_gather_object", needs_init=True)
    object_list[0] = obj


def gather_object(obj, object_gather_list=None, dst=0, group=None):
    """``object_gather_list[rank] = obj`` of every rank, on rank ``dst``."""
    _one_process("gather_object", needs_init=True)
    object_gather_list[0] = obj


def scatter_object_list(scatter_object_output_list, scatter_object_input_list, src=0, group=None):
    """``scatter_object_output_list[0]`` = rank's entry of ``scatter_object_input_list`` on rank ``src``."""
    _one_process("scatter_object_list", needs_init=True)
    scatter_object_output_list[0] = scatter_object_input_list[0]
