"""Data parallelism on 8 (simulated CPU) devices, and across 2 processes (hosts) of 2 devices each, gives the same
training run as one device."""
import json
import os
import socket
import subprocess
import sys

import numpy as np
import pytest

import mindshim as ms

SCRIPT = os.path.join(os.path.dirname(__file__), "scripts", "data_parallel.py")
MULTI_HOST = os.path.join(os.path.dirname(__file__), "scripts", "multi_host.py")


@pytest.fixture(scope="module")
def runs():
    env = dict(os.environ, XLA_FLAGS="--xla_force_host_platform_device_count=8")
    out = subprocess.run([sys.executable, SCRIPT], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().split("\n")[-1])


@pytest.mark.slow
def test_eight_devices(runs):
    assert runs["devices"] == 8


@pytest.mark.slow
@pytest.mark.parametrize("model", ["mlp", "cnn"])
def test_data_parallel_matches_one_device(runs, model):
    np.testing.assert_allclose(runs[f"{model}_parallel"], runs[f"{model}_single"], rtol=1e-5)


@pytest.mark.slow
def test_parameter_sharded_model_matches_unsharded(runs):
    np.testing.assert_allclose(runs["mlp_sharded"], runs["mlp_single"], rtol=1e-5)
    assert runs["sharded_weight_shards"] == 2  # each device holds 16 / 8 rows of the (16, 6) weight


def test_shard_plan_validation():
    net = ms.nn.Dense(4, 8)
    with pytest.raises(ValueError, match="one positive int per dimension"):
        net.shard(parameter_plan={"weight": (8,)})
    with pytest.raises(ValueError, match="is not in the cell"):
        net.shard(parameter_plan={"nope": (1, 1)})
    with pytest.raises(NotImplementedError, match="in_strategy"):
        net.shard(((1, 1),))


@pytest.mark.slow
def test_gradients_sum_when_not_averaged(runs):
    # MindSpore's gradients_mean=False sums the devices' gradients: 8x the step, a different run.
    assert runs["mlp_sum"][0] == pytest.approx(runs["mlp_single"][0], rel=1e-6)
    assert not np.allclose(runs["mlp_sum"][1:], runs["mlp_single"][1:], rtol=1e-3)


def test_parallel_context_validation():
    with pytest.raises(ValueError, match="'parallel_mode' must be one of"):
        ms.set_auto_parallel_context(parallel_mode="everything")
    with pytest.raises(NotImplementedError, match="semi_auto_parallel"):
        ms.set_auto_parallel_context(parallel_mode=ms.ParallelMode.SEMI_AUTO_PARALLEL)
    assert ms.get_auto_parallel_context("parallel_mode") == "stand_alone"
    from mindshim.communication import get_group_size, get_rank, init
    init()
    assert (get_rank(), get_group_size()) == (0, 1)


@pytest.mark.slow
def test_data_parallel_across_hosts_matches_one_device(tmp_path):
    """Two processes joined by ``communication.init()`` (jax.distributed, gloo on CPU), each with 2 devices and its
    own shard of the dataset, train as one device does on the hosts' batches together; compiled outputs come back
    as each host's part."""
    with socket.socket() as sock:
        sock.bind(("localhost", 0))
        port = sock.getsockname()[1]
    workers = [subprocess.Popen([sys.executable, MULTI_HOST, "worker", str(tmp_path / f"rank{i}.ckpt")],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, env=dict(os.environ, XLA_FLAGS="--xla_force_host_platform_device_count=2",
                                                    JAX_COORDINATOR_ADDRESS=f"localhost:{port}", JAX_NUM_PROCESSES="2",
                                                    JAX_PROCESS_ID=str(i)))
               for i in range(2)]
    reference = subprocess.run([sys.executable, MULTI_HOST, "reference", "2"], capture_output=True, text=True,
                               check=True, timeout=300)
    expected = json.loads(reference.stdout.strip().split("\n")[-1])
    for rank, worker in enumerate(workers):
        stdout, stderr = worker.communicate(timeout=300)
        assert worker.returncode == 0, stderr[-2000:]
        got = json.loads(stdout.strip().split("\n")[-1])
        assert (got["rank"], got["group_size"], got["device_num"]) == (rank, 2, 4)
        # a weight split over both hosts' devices trains the same and is saved whole
        np.testing.assert_allclose(got["mlp_sharded"], expected["mlp"], rtol=1e-5)
        assert got["mlp_sharded_saved"] == pytest.approx(expected["mlp_weight"], rel=1e-5)
        for mode in (ms.PYNATIVE_MODE, ms.GRAPH_MODE):  # the 2.x loop without @jit
            np.testing.assert_allclose(got[f"mlp_2x_{mode}"], expected["mlp_2x"], rtol=1e-5)
        for model in ("mlp", "cnn"):
            np.testing.assert_allclose(got[model], expected[model], rtol=1e-5)
            assert got[f"{model}_weight"] == pytest.approx(expected[f"{model}_weight"], rel=1e-5)
            # a compiled call's batch-shaped output is each host's own rows, as MindSpore's ranks see theirs
            rows = len(got[f"{model}_predict"])
            mine = expected[f"{model}_predict"][rank * rows:(rank + 1) * rows]
            np.testing.assert_allclose(got[f"{model}_predict"], mine, rtol=1e-5, atol=1e-6)
