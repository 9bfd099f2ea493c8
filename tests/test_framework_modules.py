"""MindSpore's framework modules that libraries built on it import (mindformers): ``mindspore.log``,
``device_context``, ``parallel`` internals, ``communication.management``, ``mint.distributed``, ``_checkparam``'s
``args_type_check``, ``Layout``, ``DeviceCtx``, the primitives mindshim lacks. Expected values are real MindSpore
2.10's (CPU, stand-alone)."""
import numpy as np
import pytest

import mindshim as ms
from mindshim import _checkparam, communication, device_context, log, parallel
from mindshim.communication import management
from mindshim.ops import auto_generate
from mindshim.parallel import _cost_model_context, _utils


def test_parallel_queries_report_stand_alone():
    assert (_utils._get_device_num(), _utils._get_pipeline_stages(), _utils._get_enable_parallel_optimizer(),
            _utils._is_sharding_propagation(), _utils._get_parallel_mode()) == (1, 1, False, False, "stand_alone")
    assert (_cost_model_context._get_multi_subgraphs(), _cost_model_context._get_rp_matmul_mem_coef()) == (False, 0.1)
    assert ms.get_auto_parallel_context("pipeline_scheduler") == "1f1b"


def test_device_context():
    assert device_context.cpu.is_available() and device_context.cpu.device_count() == 1
    assert device_context.ascend.is_available() is False
    with pytest.raises(RuntimeError, match="Device Ascend not exist."):
        device_context.ascend.device_count()
    device_context.ascend.op_precision.precision_mode("force_fp16")  # off Ascend: logged and ignored


def test_log_level_and_communication():
    assert log.get_level() == "2"
    assert management.get_rank() == 0 and management.get_group_size() == 1
    with pytest.raises(NotImplementedError, match="create_group"):
        communication.create_group("g", [0])


def test_args_type_check():
    @_checkparam.args_type_check(a=int)
    def f(a, b=1):
        return a
    assert f(None) is None and f(3) == 3
    with pytest.raises(TypeError, match="The parameter 'a' must be <class 'int'>, but got <class 'str'>"):
        f("x")


def test_layout_to_dict():
    layout = parallel.Layout((1, 4, 1, 2), ("dp", "cp", "rep", "mp"))
    assert layout("dp", ("cp", "mp"), "None").to_dict() == {
        "device_matrix": (1, 4, 1, 2), "tensor_map": (3, (2, 0), -1), "interleaved_parallel": False,
        "alias_name": ("dp", "cp", "rep", "mp"), "rank_list": list(range(8))}
    with pytest.raises(ValueError, match="The axis xx is not found"):
        layout("xx")


def test_device_ctx_places_new_tensors():
    with ms.DeviceCtx("CPU"):
        assert ms.Tensor([1.0]).asnumpy().tolist() == [1.0]
    with pytest.raises(ValueError, match="the name must be one of"):
        ms.DeviceCtx("TPU").__enter__()


def test_mindspore_primitives_mindshim_lacks_construct_and_raise_when_called():
    prim = auto_generate.ReshapeAndCache()
    with pytest.raises(NotImplementedError, match="ReshapeAndCache is not supported by mindshim"):
        prim(ms.Tensor([1.0]))
    with pytest.raises(ImportError):
        from mindshim.ops.auto_generate import NotAMindSporePrimitive  # noqa: F401


def test_split_with_size():
    x = ms.Tensor(np.arange(12, dtype=np.float32).reshape(2, 6))
    a, b = auto_generate.SplitWithSize()(x, (2, 4), 1)
    assert a.asnumpy().tolist() == [[0, 1], [6, 7]] and b.shape == (2, 4)
    with pytest.raises(ValueError, match=r"the sum of split_size should be equal to 6\(input.shape\[1\]\)"):
        auto_generate.SplitWithSize()(x, (2, 3), 1)


def test_pynative_executor_sync_and_async_flag():
    """``mindspore.common.api._pynative_executor``, as mindformers uses it: ``sync()`` waits for queued work."""
    executor = ms.common.api._pynative_executor
    x = ms.Tensor(np.ones(3, np.float32)) * 2
    executor.sync()
    executor.set_async_for_graph(False)
    assert executor.async_for_graph is False
    executor.set_async_for_graph(True)
    np.testing.assert_array_equal(x.asnumpy(), [2, 2, 2])
