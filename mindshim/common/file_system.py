"""``mindspore.common.file_system``: MindSpore's MindIO checkpoint storage hooks. mindshim writes checkpoints with
Python's file I/O only, as MindSpore does when the MindIO package is absent."""
from .. import _checkparam as validator

#: The MindIO server settings ``set_mindio_server_info`` recorded.
mindio_server_info = {}


def set_mindio_server_info(data_block_pool_capacity_in_gb=100):
    validator.check_positive_int(data_block_pool_capacity_in_gb, "data_block_pool_capacity_in_gb")
    mindio_server_info["memfs.data_block_pool_capacity_in_gb"] = str(data_block_pool_capacity_in_gb)


def mindio_preload(ckpt_file_name):
    """Preload a checkpoint into MindIO's memory: ``False`` (not preloaded), as MindSpore without MindIO."""
    validator.check_value_type("ckpt_file_name", ckpt_file_name, str, "mindio_preload")
    return False
