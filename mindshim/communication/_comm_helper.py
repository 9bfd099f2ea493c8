"""``mindspore.communication._comm_helper``: the queries MindSpore's libraries make of its collective manager.
mindshim has one group, the world (``create_group`` is unsupported), so the map of user-created groups is empty."""
from . import GlobalComm


def _is_initialized():
    return GlobalComm.INITED


def _get_group_map():
    """``{group name: ranks}`` of the groups ``create_group`` made: none."""
    return {}


def _remove_group_info(group_name):
    """Forget a user-created group: there are none."""
