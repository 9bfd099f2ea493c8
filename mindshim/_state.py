"""mindshim's process-wide state, in one place: MindSpore's context, parallel context, seed, printing style,
dataset configuration and the version that invalidates compiled programs.

Each entry is a dict owned (read and written) by one public module, which documents it; the dicts are never
replaced, so owners may hold them. :func:`reset` puts every one back to its defaults (the tests call it
between tests). A leaf module: it imports nothing of mindshim.
"""
import os

import jax


def _defaults():
    return {
        # mindshim.context: set_context's settings.
        "context": {"mode": 1, "device_id": 0, "deterministic": "OFF"},
        # mindshim._device: the MindSpore device target in use (None: JAX's default backend).
        "device": {"target": None, "device_id": 0},
        # mindshim._engine.parallel: set_auto_parallel_context's settings and the data-parallel mesh.
        "parallel": {"parallel_mode": "stand_alone", "gradients_mean": False, "device_num": 1, "global_rank": 0,
                     "parameter_broadcast": False, "full_batch": False, "dataset_strategy": "data_parallel"},
        # mindshim.context: set_algo_parameters' settings (MindSpore's sharding search; recorded only).
        "algo": {"fully_use_devices": False, "elementwise_op_strategy_follow": False, "enable_algo_approxi": False,
                 "algo_approxi_epsilon": 0.1, "tensor_slice_align_enable": False, "tensor_slice_align_size": 16},
        # mindshim.context: set_ps_context's settings (MindSpore's parameter server mode; recorded only).
        "ps": {"enable_ps": False, "config_file_path": "", "enable_ssl": False},
        # mindshim.parallel._cost_model_context: MindSpore's sharding-search cost model (recorded only).
        "cost_model": {"multi_subgraphs": False, "rp_matmul_mem_coef": 0.1},
        "mesh": {"mesh": None},
        # mindshim.common.seed: set_seed's seed and the global PRNG key.
        "rng": {"seed": None, "key": None},
        # mindshim.common._printing: how repr(Tensor) prints.
        "printing": {"style": os.environ.get("MINDSHIM_REPR_STYLE", "spec")},
        # mindshim.dataset.config.
        "dataset": {"seed": None, "prefetch_size": 16, "num_parallel_workers": min(8, os.cpu_count() or 1),
                    "numa_enable": False, "enable_shared_mem": True, "callback_timeout": 60,
                    "monitor_sampling_interval": 1000, "auto_num_workers": False,
                    "multiprocessing_timeout_interval": 300, "debug_mode": False, "debug_hooks": []},
        # mindshim.common._checks: whether compiled programs check index values (MINDSHIM_CHECK_INDICES=0: no).
        "checks": {"indices": os.environ.get("MINDSHIM_CHECK_INDICES", "1") != "0"},
        # What compiled programs depend on besides their inputs: ``settings`` moves when a setting a trace reads
        # changes (amp policy, layouts, parallel context); ``modes`` also when a Cell's training flag changes.
        "versions": {"settings": 0, "modes": 0},
    }


_initial = _defaults()
context = _initial["context"]
device = _initial["device"]
parallel = _initial["parallel"]
mesh = _initial["mesh"]
algo = _initial["algo"]
ps = _initial["ps"]
cost_model = _initial["cost_model"]
rng = _initial["rng"]
printing = _initial["printing"]
dataset = _initial["dataset"]
checks = _initial["checks"]
versions = _initial["versions"]


def invalidate():
    """A setting that traces depend on changed: every compiled call traces again on its next use."""
    versions["settings"] += 1
    versions["modes"] += 1


def modes_changed():
    """A Cell's training flag changed: compiled calls look at their Cells' flags again."""
    versions["modes"] += 1


def defaults(name):
    """A fresh copy of entry ``name``'s defaults."""
    return _defaults()[name]


def reset(*names):
    """The entries ``names`` (default: all) back to their defaults, as in a fresh process. Compiled calls trace
    again if a setting their traces read (the parallel context, the mesh) changed."""
    defaults = _defaults()
    changed = False
    for name in names or [n for n in _initial if n != "versions"]:
        if _initial[name] == defaults[name]:
            continue
        if name == "device":
            jax.config.update("jax_default_device", None)
        changed |= name in ("parallel", "mesh")
        _initial[name].clear()
        _initial[name].update(defaults[name])
    if changed:
        invalidate()
