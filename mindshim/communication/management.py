"""``mindspore.communication.management``: where MindSpore defines the process-group API that
``mindspore.communication`` re-exports; the same functions."""
from . import (
               HCCL_WORLD_COMM_GROUP,
               MCCL_WORLD_COMM_GROUP,
               NCCL_WORLD_COMM_GROUP,
               GlobalComm,
               create_group,
               destroy_group,
               get_group_size,
               get_local_rank,
               get_local_rank_size,
               get_rank,
               init,
               release,
)

__all__ = ["init", "release", "get_rank", "get_group_size", "get_local_rank", "get_local_rank_size", "create_group",
           "destroy_group", "GlobalComm", "HCCL_WORLD_COMM_GROUP", "NCCL_WORLD_COMM_GROUP", "MCCL_WORLD_COMM_GROUP"]
