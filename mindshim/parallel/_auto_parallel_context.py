"""``mindspore.parallel._auto_parallel_context``: the getters MindSpore's parallel internals read, over
``set_auto_parallel_context``'s settings; what mindshim cannot set has its one value (one pipeline stage, no
parallel optimizer, no sharding propagation)."""
from .. import _state


class _AutoParallelContext:
    def get_parallel_mode(self):
        return _state.parallel["parallel_mode"]

    def get_device_num(self):
        return _state.parallel["device_num"]

    def get_global_rank(self):
        return _state.parallel["global_rank"]

    def get_gradients_mean(self):
        return _state.parallel["gradients_mean"]

    def get_full_batch(self):
        return _state.parallel["full_batch"]

    def get_parameter_broadcast(self):
        return _state.parallel["parameter_broadcast"]

    def get_pipeline_stages(self):
        return 1

    def get_enable_parallel_optimizer(self):
        return False

    def get_strategy_search_mode(self):
        return "dynamic_programming"

    def get_sharding_propagation(self):
        return False


_CONTEXT = _AutoParallelContext()


def auto_parallel_context():
    return _CONTEXT
