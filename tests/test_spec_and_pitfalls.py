"""The spec example, running scripts unchanged, compilation caching, bad input, and the peers' pitfalls."""
import os
import subprocess
import sys

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import mindshim as ms
from mindshim import nn, ops

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SPEC = os.path.join(os.path.dirname(ROOT), "shared", "spec", "mindspore.nn.ForwardValueAndGrad.rst")
EXPECTED = """\
(Tensor(shape=[1], dtype=Float32, value=[0.00000000e+00]), ((Tensor(shape=[1, 2], dtype=Float32, value=
[[1.00000000e+00, 1.00000000e+00]]), Tensor(shape=[1, 2], dtype=Float32, value=
[[0.00000000e+00, 0.00000000e+00]])), (Tensor(shape=[2, 2], dtype=Float32, value=
[[5.00000000e-01, 5.00000000e-01],
 [5.00000000e-01, 5.00000000e-01]]),)))
"""


def _spec_output():
    """The output block of the spec page, when the spec is beside the checkout."""
    with open(SPEC, encoding="utf-8") as f:
        lines = f.read().split("\n")
    start = lines.index("    >>> print(result)") + 1
    return "".join(line[4:] + "\n" for line in lines[start:] if line.strip())


def test_expected_matches_spec_page():
    if not os.path.exists(SPEC):
        pytest.skip("the spec is not beside this checkout")
    assert _spec_output() == EXPECTED


@pytest.mark.parametrize("how", [["-m", "mindshim", "run"],
                                 ["-c", "from mindshim._install import main; main()", "run"]])
def test_example_prints_the_spec_output_exactly(how):
    out = subprocess.run([sys.executable, *how, os.path.join(ROOT, "examples", "forward_value_and_grad.py")],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout == EXPECTED


def test_install_resolves_mindspore_modules():
    code = ("import mindshim; mindshim.install()\n"
            "import mindspore, mindspore.nn, mindspore.ops, mindspore.common, mindspore.common.initializer\n"
            "import mindspore.context, mindspore.dtype, mindspore.common.dtype as mstype\n"
            "from mindspore import Tensor, context\n"
            "from mindspore.common.initializer import One\n"
            "assert mindspore.nn is mindshim.nn and mindspore.dtype is mindshim.common.dtype\n"
            "assert mstype.float32 is mindshim.float32 and Tensor is mindshim.Tensor\n"
            "try:\n    import mindspore.no_such_module\nexcept ModuleNotFoundError as e:\n    print(e)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "mindspore.no_such_module is not supported by mindshim yet" in out


def test_run_passes_arguments(tmp_path):
    script = tmp_path / "s.py"
    script.write_text("import sys, mindspore\nprint(sys.argv[1:], mindspore.Tensor(1).dtype, __name__)\n")
    out = subprocess.run([sys.executable, "-m", "mindshim", "run", str(script), "a", "--b"], capture_output=True,
                         text=True, check=True).stdout
    assert out.strip() == "['a', '--b'] Int64 __main__"


class _Net(nn.Cell):
    def __init__(self):
        super().__init__()
        self.weight = ms.Parameter(ms.Tensor(np.ones([2, 2], np.float32)), name="weight")
        self.matmul = ops.MatMul()

    def construct(self, x):
        return self.matmul(x, self.weight)


def _train_network(**flags):
    net = nn.WithLossCell(_Net(), nn.SoftmaxCrossEntropyWithLogits())
    return nn.ForwardValueAndGrad(net, weights=ms.ParameterTuple(net.trainable_params()), **flags)


def test_second_call_with_same_shapes_does_not_retrace():
    fvg = _train_network(get_all=True, get_by_list=True)
    x, y = ms.Tensor(np.ones([1, 2], np.float32)), ms.Tensor(np.zeros([1, 2], np.float32))
    fvg(x, y)
    fvg(ms.Tensor(np.full([1, 2], 3.0, np.float32)), y)
    assert fvg._grad.traces == 1
    fvg(ms.Tensor(np.ones([4, 2], np.float32)), ms.Tensor(np.zeros([4, 2], np.float32)))
    assert fvg._grad.traces == 2
    fvg.network.set_train(True)  # a mode change re-traces
    fvg(x, y)
    assert fvg._grad.traces == 3
    fvg.network.set_train(False)  # back to a mode already compiled: no new trace
    fvg(x, y)
    fvg.network.set_train(True)
    fvg(x, y)
    assert fvg._grad.traces == 3


def test_parameter_changes_are_seen_by_the_compiled_call():
    fvg = _train_network(get_by_list=True)
    x, y = ms.Tensor(np.ones([1, 2], np.float32)), ms.Tensor(np.array([[1.0, 0.0]], np.float32))
    loss1, _ = fvg(x, y)
    fvg.network._backbone.weight.set_data(ms.Tensor(np.array([[2.0, 0.0], [0.0, 0.0]], np.float32)))
    loss2, _ = fvg(x, y)
    assert loss1.asnumpy()[0] != loss2.asnumpy()[0]


def test_non_tensor_input_is_rejected():
    fvg = _train_network()
    with pytest.raises(TypeError, match="For 'ForwardValueAndGrad', the inputs must be Tensors, tuples of them, or "
                                        "hashable constants, but got ndarray."):
        fvg(np.ones([1, 2], np.float32), ms.Tensor(np.zeros([1, 2], np.float32)))
    with pytest.raises(TypeError, match="but got list"):
        fvg([1.0, 2.0], ms.Tensor(np.zeros([1, 2], np.float32)))


def test_wrong_sens_structure_and_shape():
    fvg = _train_network(get_by_list=True, sens_param=True)
    x, y = ms.Tensor(np.ones([1, 2], np.float32)), ms.Tensor(np.zeros([1, 2], np.float32))
    with pytest.raises(ValueError, match=r"For 'ForwardValueAndGrad', the shape of 'sens' must be the shape of the "
                                         r"network's output \[1\], but got \[3\]."):
        fvg(x, y, ms.Tensor(np.ones([3], np.float32)))
    with pytest.raises(ValueError, match="'sens' must have the structure of the network's output"):
        fvg(x, y, (ms.Tensor(np.ones([1], np.float32)), ms.Tensor(np.ones([1], np.float32))))
    with pytest.raises(TypeError, match="'sens_param' is True, so the inputs must end with 'sens'"):
        fvg()


def test_failed_call_changes_no_state():
    fvg = _train_network(get_by_list=True, sens_param=True)
    w = fvg.network._backbone.weight
    before = w.asnumpy().copy()
    with pytest.raises(ValueError):
        fvg(ms.Tensor(np.ones([1, 2], np.float32)), ms.Tensor(np.zeros([1, 2], np.float32)),
            ms.Tensor(np.ones([3], np.float32)))
    np.testing.assert_array_equal(w.asnumpy(), before)
    assert not isinstance(w._data, jax.core.Tracer)


def test_matmul_error_is_raised_by_the_call_that_caused_it():
    a, b = ms.Tensor(np.ones((2, 3), np.float32)), ms.Tensor(np.ones((2, 2), np.float32))
    with pytest.raises(ValueError, match=r"For 'MatMul', the input dimensions must be equal, but got 'x1_col': 3 "
                                         r"and 'x2_row': 2\."):
        ops.MatMul()(a, b)
    assert (a + 1).shape == (2, 3)  # the next call is unaffected
    with pytest.raises(ValueError, match="For 'Add', input1.shape and input2.shape need to broadcast"):
        a + b


# ---- the peers' pitfalls -------------------------------------------------------------------------------------
def test_int64_stays_int64_and_ints_stay_ints():
    big = ms.Tensor(np.array([2 ** 40], np.int64))
    assert big.dtype == ms.int64 and (big + 1).asnumpy()[0] == 2 ** 40 + 1
    assert ms.Tensor(1).dtype == ms.int64 and (ms.Tensor(3) * 2).dtype == ms.int64
    assert (ms.Tensor(np.array([3], np.int32)) // 2).dtype == ms.int32
    assert ms.Tensor(np.array([1, 2], np.int32)).sum().dtype == ms.int64


def test_float64_never_leaks_into_float32():
    x = ms.Tensor(np.ones((2, 2), np.float32))
    for y in (x + 1.5, 2.0 * x, x / 3, x - np.float32(1), ops.softmax(x), ops.mean(x), x.sum(),
              ms.Tensor(np.array([3], np.int32)) + 1.5, ms.Tensor(np.array([3], np.int64)) / ms.Tensor(2)):
        assert y.dtype == ms.float32, y
    assert ms.Tensor(np.ones(2)).dtype == ms.float64  # asked for: numpy float64 stays Float64
    fvg = _train_network(get_all=True, get_by_list=True)
    loss, grads = fvg(ms.Tensor(np.ones([1, 2], np.float32)), ms.Tensor(np.zeros([1, 2], np.float32)))
    assert {g.dtype for g in jax.tree_util.tree_leaves(grads)} == {np.dtype(np.float32)} and loss.dtype == ms.float32


def test_functionalize_is_pure_and_jax_transformable():
    net = _Net()
    params, apply = ms.functionalize(net)
    assert list(params) == ["weight"] and isinstance(params["weight"], jax.Array)
    x = jnp.ones((3, 2), jnp.float32)
    out = jax.jit(apply)(params, x)
    np.testing.assert_allclose(out, np.full((3, 2), 2.0))
    g = jax.grad(lambda p: apply(p, x).sum())(params)
    np.testing.assert_allclose(g["weight"], np.full((2, 2), 3.0))
    batched = jax.vmap(apply, in_axes=(None, 0))(params, jnp.ones((5, 1, 2), jnp.float32))
    assert batched.shape == (5, 1, 2)
    assert not isinstance(net.weight._data, jax.core.Tracer)  # nothing leaked into the Cell


def test_functionalize_refuses_to_drop_state():
    class Counter(nn.Cell):
        def __init__(self):
            super().__init__()
            self.count = ms.Parameter(ms.Tensor(np.zeros((), np.float32)), name="count", requires_grad=False)

        def construct(self, x):
            ops.assign_add(self.count, ms.Tensor(np.float32(1)))
            return x * 2

    params, apply = ms.functionalize(Counter())
    with pytest.raises(RuntimeError, match="wrote to Parameter"):
        apply(params, jnp.ones(2, jnp.float32))
    _, apply_state = ms.functionalize(Counter(), return_state=True)
    out, new = jax.jit(apply_state)(params, jnp.ones(2, jnp.float32))
    assert float(new["count"]) == 1.0


def test_state_written_in_a_compiled_call_is_written_back():
    class Counter(nn.Cell):
        def __init__(self):
            super().__init__()
            self.w = ms.Parameter(ms.Tensor(np.ones((2,), np.float32)), name="w")
            self.count = ms.Parameter(ms.Tensor(np.zeros((), np.float32)), name="count", requires_grad=False)

        def construct(self, x):
            ops.assign_add(self.count, ms.Tensor(np.float32(1)))
            return (x * self.w).sum()

    net = Counter()
    fvg = nn.ForwardValueAndGrad(net, weights=ms.ParameterTuple(net.trainable_params()), get_by_list=True)
    for _ in range(3):
        fvg(ms.Tensor(np.ones(2, np.float32)))
    assert float(net.count.asnumpy()) == 3.0 and fvg._grad.traces == 1


class _RawBN(nn.Cell):
    """BatchNorm written with the primitive itself, as MindSpore model code sometimes is."""

    def __init__(self):
        super().__init__()
        self.mean = ms.Parameter(ms.Tensor(np.zeros(3, np.float32)), name="mean", requires_grad=False)
        self.var = ms.Parameter(ms.Tensor(np.ones(3, np.float32)), name="var", requires_grad=False)
        self.gamma = ms.Parameter(ms.Tensor(np.ones(3, np.float32)), name="gamma")
        self.beta = ms.Parameter(ms.Tensor(np.zeros(3, np.float32)), name="beta")
        self.bn = ops.BatchNorm(is_training=True, momentum=0.1)

    def construct(self, x):
        return self.bn(x, self.gamma, self.beta, self.mean, self.var)[0].sum()


class _LayerBN(nn.Cell):
    def __init__(self):
        super().__init__()
        self.bn = nn.BatchNorm2d(3)

    def construct(self, x):
        return self.bn(x).sum()


@pytest.mark.parametrize("how", ["eager", "jit", "grad", "train_one_step"])
@pytest.mark.parametrize("make", [_RawBN, _LayerBN])
def test_batchnorm_moving_statistics_are_kept(how, make):
    """torchax computes BatchNorm's new running statistics and drops them; here every way of running a step
    writes them back, the same values as eager."""
    xs = [ms.Tensor(np.random.RandomState(i).randn(4, 3, 2, 2).astype(np.float32) * (i + 1)) for i in range(3)]

    def stats(net):
        return [p.asnumpy().copy() for p in net.untrainable_params()]

    reference = make().set_train()
    for x in xs:
        reference(x)
    net = make().set_train()
    if how == "eager":
        step = net
    elif how == "jit":
        step = ms.jit(lambda x: net(x))
    elif how == "grad":
        step = ms.value_and_grad(net, None, net.trainable_params())
    else:
        step = nn.TrainOneStepCell(net, nn.SGD(net.trainable_params(), 0.0))
    for x in xs:
        step(x)
    assert len(stats(net)) == 2
    for got, want, init in zip(stats(net), stats(reference), stats(make())):
        assert not np.allclose(got, init)
        np.testing.assert_allclose(got, want, rtol=1e-6)


def test_index_errors_are_mindspores_not_clamped():
    t = ms.Tensor(np.arange(12).reshape(3, 4).astype(np.float32))
    with pytest.raises(IndexError, match="index 3 is out of bounds for dimension with size 3"):
        t[3]
    with pytest.raises(IndexError, match="index 4 is out of bounds for dimension with size 4"):
        t[0, 4]
    with pytest.raises(IndexError, match="The tensor index must be int or bool type"):
        t[ms.Tensor(np.array([1.0], np.float32))]
    assert t[[0, 2]].shape == (2, 4) and float(t[-1, -1].asnumpy()) == 11.0
