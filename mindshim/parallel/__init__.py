"""``mindspore.parallel``: MindSpore's parallel package. mindshim trains data-parallel across the devices JAX sees
(``set_auto_parallel_context(parallel_mode=DATA_PARALLEL)``) and has none of MindSpore's sharding search, pipeline
stages or layout-driven placement: the context queries here report that truthfully (stand-alone or data-parallel, one
pipeline stage), and ``Layout`` describes layouts without placing anything by them."""
from ..context import get_algo_parameters, reset_algo_parameters, set_algo_parameters
from .shard import Layout

__all__ = ["Layout", "set_algo_parameters", "get_algo_parameters", "reset_algo_parameters"]
