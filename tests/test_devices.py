"""Device targets, hal, and that a compiled training step makes no host round trip."""
import jax
import numpy as np
import pytest

import mindshim as ms
from mindshim import nn


def test_targets_map_to_jax_devices():
    ms.set_context(device_target="CPU")
    assert ms.get_context("device_target") == "CPU"
    assert ms.hal.device_count("CPU") == len(jax.devices("cpu"))
    assert ms.hal.is_available("CPU") and not ms.hal.is_available("Ascend")
    with pytest.raises(ValueError, match="must be one of \\['CPU', 'GPU', 'Ascend'\\]"):
        ms.set_context(device_target="TPUv9")
    with pytest.raises(ValueError, match="'device_id' must be in"):
        ms.set_device("CPU", 999)
    if not ms.hal.is_available("GPU"):
        with pytest.raises(RuntimeError, match="Unsupported device target GPU"):
            ms.set_context(device_target="GPU")
        assert ms.get_context("device_target") == "CPU"  # a failed call changes nothing


def test_ascend_maps_to_the_default_backend_with_a_warning():
    with pytest.warns(UserWarning, match="'Ascend' is not available to JAX"):
        ms.set_device("Ascend")
    ms.set_device("CPU")


def test_move_to_and_hal_memory():
    t = ms.Tensor(np.ones(3, np.float32)).move_to("CPU")
    assert t.asnumpy().tolist() == [1.0, 1.0, 1.0]
    assert isinstance(ms.hal.memory_allocated(), int)
    ms.hal.synchronize()


def test_runtime_is_hal_under_its_2x_name():
    """Scripts written for MindSpore 2.3+ call ``mindspore.runtime``; streams and allocators raise clearly."""
    out = ms.ops.matmul(ms.Tensor(np.ones((64, 64), np.float32)), ms.Tensor(np.ones((64, 64), np.float32)))
    ms.runtime.launch_blocking()
    ms.runtime.synchronize()
    assert out._data.is_ready() and isinstance(ms.runtime.memory_stats(), dict)
    assert ms.runtime.memory_allocated is ms.hal.memory_allocated
    for module, name in ((ms.runtime, "Stream"), (ms.runtime, "set_memory"), (ms.hal, "Event")):
        with pytest.raises(NotImplementedError, match=f"mindspore.{module.__name__[9:]}.{name} is not supported"):
            getattr(module, name)


def test_compiled_step_makes_no_host_round_trip():
    net = nn.Dense(4, 3)
    step = nn.TrainOneStepCell(nn.WithLossCell(net, nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")),
                               nn.Momentum(net.trainable_params(), 0.1, 0.9))
    x, y = ms.Tensor(np.ones((2, 4), np.float32)), ms.Tensor(np.array([0, 2], np.int32))
    step(x, y)  # compile outside the guard
    with jax.transfer_guard("disallow"):
        for _ in range(3):
            loss = step(x, y)
    assert np.isfinite(float(loss.asnumpy()))
