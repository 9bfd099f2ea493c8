"""Replay every golden case (``tests/golden_cases``) on mindshim and compare with real MindSpore 2.10."""
import json
import math
import os

import numpy as np
import pytest

import golden_cases
import mindshim
from mindshim.common import _printing

GOLDENS = os.path.join(os.path.dirname(__file__), "goldens")

# Where mindshim deliberately differs from the recorded error: (type, message) mindshim gives instead.
ERROR_DEVIATIONS = {
    # The project's brief writes MindSpore's usual "For 'MatMul'," form; 2.10 drops the comma here.
    ("foundation", "err_matmul_dims"): ("ValueError", "For 'MatMul', the input dimensions must be equal, but got "
                                                      "'x1_col': 3 and 'x2_row': 2."),
    # 2.10 raises RuntimeError from its kernel; a shape mismatch is a ValueError in mindshim.
    ("foundation", "err_matmul_ext"): ("ValueError", "For 'MatMulExt' op, shape1[-1] must be equal to shape2[-2], "
                                                     "but got 3 and 2."),
    # 2.10 names an off-by-two axis index ([3]) for these [2, 3] and [2, 2] shapes; mindshim names the real axis.
    ("foundation", "err_add_broadcast"): ("ValueError", "For 'Add', input1.shape and input2.shape need to broadcast. "
                                                        "The value of input1.shape[1] or input2.shape[1] must be 1 "
                                                        "or -1 when they are not the same, but got input1.shape = "
                                                        "[2, 3] and input2.shape = [2, 2]"),
    # MindSpore 2.10 fails deep in graph compilation (HyperMap) on a gradient tuple of the wrong length, and names
    # the kernel's shapes for a wrong gradient shape; mindshim checks first and names the parameter.
    ("optimizers", "err_grads_too_few"): ("ValueError", "For 'Momentum', the number of gradients must equal the "
                                                        "number of parameters 3, but got 2."),
    ("optimizers", "err_grads_too_many"): ("ValueError", "For 'Momentum', the number of gradients must equal the "
                                                         "number of parameters 3, but got 4."),
    ("optimizers", "err_grad_shape"): ("ValueError", "For 'Momentum', the gradient of parameter 'bias' must have its "
                                                     "shape (3,), but got (3, 3)."),
    # losses: 2.10's NLLLoss and SmoothL1Loss kernels raise RuntimeError for bad shapes and beta; mindshim's checks
    # raise ValueError, with the same message.
    **{("losses", name): ("ValueError", message) for name, message in (
        ("err_nll_label_shape", "For 'NLLLoss', logits_shape[0] should be equal to labels_shape[0], logits_shape[1] "
                                "should be equal to weight_shape[kIndex0], but got logits_shape: [const vector]"
                                "{3, 4}, labels_shape: [const vector]{2}, weight_shape: [const vector]{4}."),
        ("err_nll_weight_shape", "For 'NLLLoss', logits_shape[0] should be equal to labels_shape[0], logits_shape[1] "
                                 "should be equal to weight_shape[kIndex0], but got logits_shape: [const vector]"
                                 "{3, 4}, labels_shape: [const vector]{3}, weight_shape: [const vector]{3}."),
        ("err_nll_rank", "For 'NLLLoss', the dimension of 'logits' should be 2, but got: 3"),
        ("err_smooth_l1_beta", "For 'SmoothL1Loss', the values for beta not support negative values, but got -1."))},
    # 2.10 names its CPU kernel selection ("Select CPU operator[NLLLoss] fail! Unsupported data type!"); mindshim names
    # the argument and the types it takes.
    ("losses", "err_nll_float_labels"): ("TypeError", "For primitive[NLLLoss], the input argument[target] must be a "
                                                      "type of {Tensor[Int32], Tensor[Int64]}, but got "
                                                      "Tensor[Float32]."),
    # 2.10 names its internal type objects ('<class ...TensorType>', 'External'); mindshim names the Python types.
    ("losses", "err_nn_mse_not_tensor"): ("TypeError", "For 'MSELoss', the 'logits' must be 'Tensor', but got "
                                                       "'ndarray'."),
    # 2.10's random kernel raises RuntimeError for empty integer ranges; mindshim's check raises ValueError.
    ("initializers", "err_uniform_int_bounds"): ("ValueError", "For 'Random', invalid min/max values: (4/4)"),
    ("initializers", "err_randint_bounds"): ("ValueError", "For 'Random', invalid min/max values: (5/2)"),
    # The message names the dtype's Python class, which is MindSpore's C++ type there.
    ("amp", "to_float_bad_dtype"): ("ValueError", "For 'to_float', the argument 'dst_type' must be mstype.float32, "
                                                  "mstype.float16 or mstype.bfloat16, but got type: <class "
                                                  "'mindshim.common.dtype.Type'> and value: Int32."),
    # ops_math: the same off-by-two axis index in 2.10's broadcast message ([3] for axis 1 of [3, 4] and [3, 3]).
    ("ops_math", "err_maximum_broadcast"): ("ValueError", "For 'Maximum', input1.shape and input2.shape need to "
                                                          "broadcast. The value of input1.shape[1] or "
                                                          "input2.shape[1] must be 1 or -1 when they are not the "
                                                          "same, but got input1.shape = [3, 4] and input2.shape = "
                                                          "[3, 3]"),
    # 2.10 checks Tensor-index values on other axes inside a GatherNd kernel and names its coordinates; mindshim
    # checks the index against its own axis, with Gather's message.
    ("ops_array", "err_getitem_tensor_index_axis1"): ("ValueError", "For 'Gather', the 'input_indices' should be in "
                                                                    "the range [0, 4), but got 4, error_code[58]"),
}
# Index values: 2.10's Gather/GatherD/GatherNd/ScatterNd kernels raise RuntimeError at run time; mindshim checks them in the
# call (eager) and raises ValueError with the same message.
KERNEL_INDEX_ERRORS = {("ops_array", f"err_{name}") for name in (
    "embedding_index", "gather_batch_index_value", "gather_d_index_value", "gather_elements_index_negative",
    "gather_index_axis1", "gather_index_negative", "gather_index_value", "gather_nd_index_negative",
    "gather_nd_index_value", "getitem_tensor_index", "getitem_tensor_index_negative", "scatter_nd_index_negative",
    "scatter_nd_index_value")} | {("bad_input", name) for name in (
    "cross_entropy_fn_1d_label", "cross_entropy_loss_label", "cross_entropy_loss_label_negative",
    "cross_entropy_loss_weight_label", "embedding_id_negative", "nll_loss_cell_label", "nll_loss_fn_label",
    "sparse_ce_label_negative", "sparse_ce_label_too_big")}
# Numerics: float32 results within this relative tolerance (absolute for values near zero).
RTOL, ATOL = 1e-5, 1e-6


def _load():
    params = []
    for module in golden_cases.MODULES:
        path = os.path.join(GOLDENS, f"{module}.json")
        if not os.path.exists(path):
            continue
        with open(path) as f:
            recorded = json.load(f)["cases"]
        fns = golden_cases.cases(module)
        for name in sorted(fns):
            params.append(pytest.param(module, name, fns[name], recorded.get(name), id=f"{module}::{name}"))
    return params


def _close(a, b, path):
    if isinstance(a, dict) and "tensor" in a:
        assert isinstance(b, dict) and "tensor" in b, f"{path}: expected a Tensor, got {b!r}"
        assert a["tensor"] == b["tensor"], f"{path}: dtype {b['tensor']} != MindSpore's {a['tensor']}"
        assert a["shape"] == b["shape"], f"{path}: shape {b['shape']} != MindSpore's {a['shape']}"
        _close(a["data"], b["data"], path + ".data")
    elif isinstance(a, dict):
        assert isinstance(b, dict) and a.keys() == b.keys(), f"{path}: structure {b!r} != {a!r}"
        for k in a:
            _close(a[k], b[k], f"{path}.{k}")
    elif isinstance(a, list):
        assert isinstance(b, list) and len(a) == len(b), f"{path}: {b!r} != {a!r}"
        for i, (x, y) in enumerate(zip(a, b)):
            _close(x, y, f"{path}[{i}]")
    elif isinstance(a, float) or (isinstance(a, str) and a in ("nan", "inf", "-inf")):
        x, y = float(a), float(b)
        assert (math.isnan(x) and math.isnan(y)) or math.isclose(x, y, rel_tol=RTOL, abs_tol=ATOL), \
            f"{path}: {b} != MindSpore's {a}"
    else:
        assert type(a) is type(b) and a == b, f"{path}: {b!r} != MindSpore's {a!r}"


@pytest.mark.parametrize("module,name,fn,golden", _load())
def test_golden(module, name, fn, golden):
    assert golden is not None, f"no golden recorded for {module}::{name}: run tools/record_goldens.py"
    old = _printing.get_repr_style()
    _printing.set_repr_style("2.10")  # goldens hold what MindSpore 2.10 prints
    try:
        ours = golden_cases.run_case(fn, mindshim)
    finally:
        _printing.set_repr_style(old)
    if "error" in golden:
        expected = ERROR_DEVIATIONS.get((module, name), (golden["error"], golden["message"]))
        if (module, name) in KERNEL_INDEX_ERRORS:
            assert golden["error"] == "RuntimeError"
            expected = ("ValueError", golden["message"])
        assert "error" in ours, f"MindSpore raises {golden['error']}: {golden['message']}; mindshim gave {ours}"
        assert (ours["error"], ours["message"]) == expected
    else:
        assert "error" not in ours, f"mindshim raised {ours.get('error')}: {ours.get('message')}"
        _close(golden["result"], ours["result"], name)
