"""mindshim: the MindSpore API on JAX.

``import mindshim as mindspore`` (or ``mindshim.install()`` then ``import mindspore``) runs MindSpore code
on JAX. mindshim turns on JAX's 64-bit types at import so that Int64/Float64 exist as in MindSpore; every
op passes explicit dtypes, so Float32 code stays Float32. The switch is process-wide: a program that mixes
mindshim with JAX code that wants 32-bit defaults sets ``MINDSHIM_X64=0`` before importing mindshim; then
Int64 and Float64 Tensors are stored as Int32 and Float32 (JAX's own rule), and everything else is unchanged.
"""
import os
import sys
import types

import jax

if os.environ.get("MINDSHIM_X64", "1") != "0":
    jax.config.update("jax_enable_x64", True)


_CACHE_LIMIT = 2 << 30


def _prune_cache(folder, limit):
    """Delete the programs written longest ago of the cache ``folder`` until it holds at most ``limit``
    bytes: one scan per process, at import. (JAX's own bound, ``jax_compilation_cache_max_size``, scans the whole
    folder under a file lock on every program it writes: quadratic in the programs a process compiles.)"""
    try:
        stats = [(e.path, e.stat()) for e in os.scandir(folder) if e.is_file()]
    except OSError:
        return
    entries = [(st.st_mtime, st.st_size, path) for path, st in stats]
    size = sum(s for _, s, _ in entries)
    for _, s, path in sorted(entries):
        if size <= limit:
            break
        try:
            os.remove(path)
        except OSError:  # another process removed it
            pass
        size -= s


def _compilation_cache():
    """JAX's persistent compilation cache, on by default: compiled programs are kept on disk and a later run (of
    the same program on the same JAX and device) loads them instead of compiling again. The folder is
    ``$MINDSHIM_CACHE_DIR``, by default ``$XDG_CACHE_HOME/mindshim/jax`` (``~/.cache/mindshim/jax``), cut back to
    2 GiB at import (oldest programs first, :func:`_prune_cache`); ``MINDSHIM_CACHE_DIR=off`` turns the cache
    off, and a cache folder set through JAX's own configuration (``JAX_COMPILATION_CACHE_DIR``) is left as it is."""
    folder = os.environ.get("MINDSHIM_CACHE_DIR")
    if jax.config.jax_compilation_cache_dir is not None or (folder is not None and folder.lower() in ("", "off")):
        return
    if folder is None:
        root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = os.path.join(root, "mindshim", "jax")
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:  # a read-only home: run without the cache
        return
    _prune_cache(folder, _CACHE_LIMIT)
    jax.config.update("jax_compilation_cache_dir", folder)
    # Every program, however quick to compile: a PyNative script compiles hundreds of small ones.
    jax.config.update("jax_persistent_cache_min_compile_time_secs", 0)


_compilation_cache()

# (numpy is not in __all__, as in MindSpore: ``from mindspore import *`` keeps the user's numpy)
from . import (  # noqa: E402
    _api,
    amp,
    boost,
    common,
    communication,
    context,
    dataset,
    device_context,
    hal,
    log,
    mint,
    nn,
    numpy,
    ops,
    parallel,
    profiler,
    runtime,
    train,
)
from ._api import JitConfig, enable_dynamic, jit, jit_class, lazy_inline, mutable, no_inline, recompute  # noqa: E402
from ._engine import functionalize, load_params  # noqa: E402
from ._install import install, run  # noqa: E402
from .common import dtype  # noqa: E402
from .common._checks import set_index_checks  # noqa: E402
from .common._printing import get_repr_style, set_repr_style  # noqa: E402
from .common.device import DeviceCtx  # noqa: E402
from .common.dtype import *  # noqa: E402,F401,F403
from .common.parameter import Parameter, ParameterTuple  # noqa: E402
from .common.seed import get_rng_state, get_seed, set_rng_state, set_seed  # noqa: E402
from .common.sparse_tensor import COOTensor, CSRTensor, RowTensor, SparseTensor  # noqa: E402
from .common.symbol import Symbol  # noqa: E402
from .common.tensor import Tensor, from_numpy, frombuffer, tensor  # noqa: E402
from .context import (  # noqa: E402
    COMPATIBLE,
    GRAPH_MODE,
    LAX,
    PYNATIVE_MODE,
    STRICT,
    ParallelMode,
    get_algo_parameters,
    get_auto_parallel_context,
    get_context,
    get_level,
    get_ps_context,
    ms_memory_recycle,
    reset_algo_parameters,
    reset_auto_parallel_context,
    set_algo_parameters,
    set_auto_parallel_context,
    set_context,
    set_deterministic,
    set_device,
    set_ps_context,
    set_recursion_limit,
)
from .log import get_log_config  # noqa: E402
from .ops.composite import constexpr, get_grad, grad, jacfwd, jacrev, jvp, value_and_grad, vjp, vmap  # noqa: E402
from .ops.function.core_func import is_tensor  # noqa: E402
from .parallel import Layout  # noqa: E402
from .profiler import Profiler  # noqa: E402
from .train import *  # noqa: E402,F401,F403  (MindSpore exports mindspore.train at the top level too)
from .train.serialization import (  # noqa: E402
    async_ckpt_thread_status,
    ckpt_to_safetensors,
    get_ckpt_path_with_strategy,
    load_checkpoint,
    load_checkpoint_async,
    load_param_into_net,
    safetensors_to_ckpt,
    save_checkpoint,
)


def _lend(home, **values):
    """Publish ``values`` on ``home`` where MindSpore has them, though ``home`` (a package of a lower layer) cannot
    import them: imports go only downward. A module among them imports as ``home.<name>`` too."""
    for name, value in values.items():
        setattr(home, name, value)
        if isinstance(value, types.ModuleType):
            sys.modules[f"{home.__name__}.{name}"] = value
        elif name not in home.__all__:
            home.__all__.append(name)


_lend(common, api=_api, jit=_api.jit)
_lend(nn, metrics=train.metrics, get_metrics=train.metrics.get_metrics,
      **{name: getattr(train.metrics, name) for name in train.metrics.__all__})
_lend(amp, **{name: getattr(train, name) for name in ("LossScaleManager", "FixedLossScaleManager",
                                                      "DynamicLossScaleManager")})

__version__ = "0.1.0"


def run_check():
    """MindSpore's installation check: prints the version (mindshim's) and, after a multiplication of two Tensors on
    the context's device, the device target; or that the check failed and why."""
    try:
        print("MindSpore version: ", __version__)
        ops.Mul()(Tensor([1.0, 2.0, 3.0], dtype.float32), Tensor([4.0, 5.0, 6.0], dtype.float32)).asnumpy()
        print("The result of multiplication calculation is correct, MindSpore has been installed on platform "
              f"[{get_context('device_target')}] successfully!")
    except Exception as e:  # noqa: BLE001 - reported as MindSpore reports it
        print("MindSpore running check failed.")
        print(str(e))
__all__ = ["amp", "common", "context", "mint", "nn", "ops", "dtype", "jit", "grad", "value_and_grad", "Tensor",
           "tensor", "COOTensor", "CSRTensor", "RowTensor", "SparseTensor", "Parameter", "ParameterTuple",
           "functionalize", "load_params",
           "install", "run", "set_repr_style", "get_repr_style", "set_index_checks",
           "set_seed", "get_seed", "set_context",
           "get_context", "set_device", "hal", "communication", "ParallelMode", "set_auto_parallel_context",
           "get_auto_parallel_context", "reset_auto_parallel_context",
           "save_checkpoint", "load_checkpoint", "load_param_into_net", "ckpt_to_safetensors", "safetensors_to_ckpt",
           "async_ckpt_thread_status", "GRAPH_MODE", "PYNATIVE_MODE", "STRICT", "COMPATIBLE", "LAX",
           "JitConfig", "enable_dynamic", "jit_class",
           "mutable", "no_inline", "lazy_inline", "recompute", "get_rng_state", "set_rng_state", "from_numpy",
           "frombuffer", "get_algo_parameters", "set_algo_parameters", "reset_algo_parameters", "get_level",
           "ms_memory_recycle", "set_recursion_limit", "set_deterministic", "is_tensor",
           "get_ps_context", "set_ps_context", "get_log_config", "run_check",
           "get_grad", "jacfwd", "jacrev", "jvp", "vjp", "vmap", "constexpr", "profiler", "Profiler", "Symbol"]
__all__ += common.dtype.__all__ + train.__all__

from ._unsupported import module_getattr as _module_getattr  # noqa: E402

__getattr__ = _module_getattr(__name__)
