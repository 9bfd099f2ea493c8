"""``mindspore.parallel._cost_model_context``: settings of MindSpore's sharding-search cost model. mindshim has no
sharding search, so they are recorded only (as ``set_algo_parameters``)."""
from .. import _state


def _set_multi_subgraphs(multi_subgraph=True):
    _state.cost_model["multi_subgraphs"] = multi_subgraph


def _get_multi_subgraphs():
    return _state.cost_model["multi_subgraphs"]


def _set_rp_matmul_mem_coef(coef):
    _state.cost_model["rp_matmul_mem_coef"] = coef


def _get_rp_matmul_mem_coef():
    return _state.cost_model["rp_matmul_mem_coef"]
