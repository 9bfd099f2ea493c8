"""``mindspore.ops._grad_experimental.grad_comm_ops``: the accumulator of squared local gradient norms MindSpore's
collectives fill when ``dump_device_local_norm`` is set, which mindshim's parallel context never is."""
from ...context import get_auto_parallel_context


def get_squared_device_local_norm_param():
    """MindSpore's ``_squared_device_local_norm`` Parameter, which exists only with ``dump_device_local_norm``:
    MindSpore's ValueError."""
    if not get_auto_parallel_context("dump_device_local_norm"):
        raise ValueError("The parallel config 'dump_device_local_norm' is False.")
