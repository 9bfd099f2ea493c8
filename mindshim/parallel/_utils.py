"""``mindspore.parallel._utils``: the parallel-mode queries MindSpore's libraries import (see
``_auto_parallel_context``)."""
from ..context import ParallelMode
from ._auto_parallel_context import auto_parallel_context


def _get_parallel_mode():
    return auto_parallel_context().get_parallel_mode()


def _is_sharding_propagation():
    context = auto_parallel_context()
    return context.get_strategy_search_mode() == "sharding_propagation" or context.get_sharding_propagation()


def _is_in_auto_parallel_mode():
    return _get_parallel_mode() in (ParallelMode.SEMI_AUTO_PARALLEL, ParallelMode.AUTO_PARALLEL)


def _get_device_num():
    return 1 if _get_parallel_mode() == ParallelMode.STAND_ALONE else auto_parallel_context().get_device_num()


def _get_global_rank():
    return 0 if _get_parallel_mode() == ParallelMode.STAND_ALONE else auto_parallel_context().get_global_rank()


def _get_pipeline_stages():
    return auto_parallel_context().get_pipeline_stages()


def _get_enable_parallel_optimizer():
    return auto_parallel_context().get_enable_parallel_optimizer()


def _get_gradients_mean():
    return auto_parallel_context().get_gradients_mean()


def _get_full_batch():
    return auto_parallel_context().get_full_batch()
