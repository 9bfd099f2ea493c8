"""Golden cases for bad input as a new user gives it (issue 13): class labels and ids out of range in the losses
and Embedding (MindSpore's kernels check them at run time: mindshim checks them in eager and in compiled calls,
see tests/test_reliability.py), and wrong types, shapes and values for Tensor construction, creation ops,
Reshape/Transpose/Cast, (Log)Softmax, Concat/Stack, LayerNorm and ops taking strings, None or lists where
Tensors go. Each case is one call (errors are compared as type and first line of the message).

Left out: MindSpore 2.10's Reshape errors after an earlier failed Reshape (its PyNative cache reports the earlier
shape), string Tensors (MindSpore has them, mindshim raises NotImplementedError), and the cases where mindshim
accepts what MindSpore rejects (numpy arrays and lists of numbers as op inputs).
"""
import functools

import numpy as np

from ._helpers import kernel_index_error
from ._helpers import raises as _raises

LOGITS = np.random.RandomState(13).randn(3, 4).astype(np.float32)
X = np.arange(6, dtype=np.float32).reshape(2, 3)


def _labels(ms, values):
    return ms.Tensor(np.array(values, np.int32))


CASES = {
    # index values (MindSpore 2.10: RuntimeError from the kernel; mindshim: ValueError, same message)
    "sparse_ce_label_too_big": kernel_index_error(lambda ms: ms.nn.SoftmaxCrossEntropyWithLogits(
        sparse=True, reduction="mean")(ms.Tensor(LOGITS), _labels(ms, [0, 5, 1]))),
    "sparse_ce_label_negative": kernel_index_error(lambda ms: ms.ops.SparseSoftmaxCrossEntropyWithLogits()(
        ms.Tensor(LOGITS), _labels(ms, [0, -1, 1]))),
    "cross_entropy_loss_label": kernel_index_error(lambda ms: ms.nn.CrossEntropyLoss()(
        ms.Tensor(LOGITS), _labels(ms, [0, 4, 1]))),
    "cross_entropy_loss_label_negative": kernel_index_error(lambda ms: ms.nn.CrossEntropyLoss()(
        ms.Tensor(LOGITS), _labels(ms, [0, -5, 1]))),
    "cross_entropy_loss_weight_label": kernel_index_error(lambda ms: ms.nn.CrossEntropyLoss(
        weight=ms.Tensor(np.ones(4, np.float32)))(ms.Tensor(LOGITS), _labels(ms, [0, 7, 1]))),
    "cross_entropy_fn_1d_label": kernel_index_error(lambda ms: ms.ops.cross_entropy(
        ms.Tensor(LOGITS[0]), _labels(ms, 6))),
    "nll_loss_fn_label": kernel_index_error(lambda ms: ms.ops.nll_loss(ms.Tensor(LOGITS), _labels(ms, [0, 4, 1]))),
    "nll_loss_cell_label": kernel_index_error(lambda ms: ms.nn.NLLLoss()(ms.Tensor(LOGITS), _labels(ms, [0, -5, 1]))),
    "embedding_id_negative": kernel_index_error(lambda ms: ms.nn.Embedding(10, 3)(_labels(ms, [[1, -11]]))),
    # index values MindSpore accepts
    "cross_entropy_loss_ignored_and_negative": lambda ms: ms.nn.CrossEntropyLoss(ignore_index=7)(
        ms.Tensor(LOGITS), _labels(ms, [0, 7, -4])),
    "nll_loss_prim_label": lambda ms: ms.ops.NLLLoss()(ms.Tensor(LOGITS), _labels(ms, [0, -1, 1]),
                                                       ms.Tensor(np.ones(4, np.float32))),
    "one_hot_out_of_range": lambda ms: ms.ops.OneHot()(_labels(ms, [1, 7, -3]), 4, ms.Tensor(1.0), ms.Tensor(0.0)),
    "sparse_ce_none_label_out_of_range": lambda ms: ms.nn.SoftmaxCrossEntropyWithLogits(sparse=True)(
        ms.Tensor(LOGITS), _labels(ms, [0, 5, 1])),
    # Tensor construction
    "tensor_object_array_str": lambda ms: ms.Tensor(np.array([1, "a"], dtype=object)),
    "tensor_object_array_numbers": lambda ms: ms.Tensor(np.array([1, 2.0], dtype=object)),
    "tensor_object_array_none": lambda ms: ms.Tensor(np.array([1, None], dtype=object)),
    "tensor_datetime_array": lambda ms: ms.Tensor(np.array(["2020-01-01"], dtype="datetime64[D]")),
    "tensor_ragged_list": lambda ms: ms.Tensor([[1, 2], [3]]),
    "tensor_ragged_tuple": lambda ms: ms.Tensor(((1, 2), (3,))),
    "tensor_str_list": lambda ms: ms.Tensor(["a", "b"]),
    "tensor_list_with_none": lambda ms: ms.Tensor([1, None]),
    "tensor_list_big_int": lambda ms: ms.Tensor([1, 2 ** 70]),
    "tensor_str": lambda ms: ms.Tensor("abc"),
    "tensor_dict": lambda ms: ms.Tensor({1: 2}),
    "tensor_none": lambda ms: ms.Tensor(None),
    "tensor_none_shape_only": lambda ms: ms.Tensor(None, shape=(2,)),
    "tensor_dtype_str": lambda ms: ms.Tensor([1, 2], dtype="float32"),
    "tensor_dtype_numpy": lambda ms: ms.Tensor([1, 2], dtype=np.float32),
    "tensor_dtype_int": lambda ms: ms.Tensor([1, 2], dtype=3),
    "tensor_data_and_shape": lambda ms: ms.Tensor([1, 2], shape=(3,)),
    # creation ops
    "zeros_negative": lambda ms: ms.ops.zeros((2, -1)),
    "zeros_negative_int": lambda ms: ms.ops.zeros(-3),
    "zeros_float_dim": lambda ms: ms.ops.Zeros()((2.5, 3), ms.float32),
    "zeros_bool_dim": lambda ms: ms.ops.Zeros()((True, 2), ms.float32),
    "zeros_str": lambda ms: ms.ops.Zeros()("3", ms.float32),
    "ones_negative": lambda ms: ms.ops.ones((-2,)),
    "ones_prim_negative": lambda ms: ms.ops.Ones()((2, -1), ms.float32),
    "ones_float_list": lambda ms: ms.ops.Ones()([2.0, 3], ms.float32),
    "ones_dtype_str": lambda ms: ms.ops.Ones()((2,), "float32"),
    "fill_negative": lambda ms: ms.ops.fill(ms.float32, (2, -1), 1.0),
    "fill_float_shape": lambda ms: ms.ops.fill(ms.float32, (2.0, 3), 1.0),
    "fill_str_value": lambda ms: ms.ops.fill(ms.float32, (2, 3), "a"),
    "fill_none_value": lambda ms: ms.ops.fill(ms.float32, (2,), None),
    # shape and type ops
    "reshape_wrong_size": lambda ms: ms.ops.reshape(ms.Tensor(X), (5, 7)),
    "reshape_two_inferred": lambda ms: ms.Tensor(X).reshape(-1, -1),
    "reshape_float": lambda ms: ms.ops.Reshape()(ms.Tensor(X), (2.0, 3)),
    "reshape_str": lambda ms: ms.ops.reshape(ms.Tensor(X), "6"),
    "reshape_int": lambda ms: ms.ops.reshape(ms.Tensor(X), 6),
    "transpose_repeated": lambda ms: ms.ops.transpose(ms.Tensor(X), (0, 0)),
    "transpose_out_of_range": lambda ms: ms.ops.transpose(ms.Tensor(X), (0, 2)),
    "transpose_str": lambda ms: ms.ops.transpose(ms.Tensor(X), "01"),
    "transpose_negative": lambda ms: ms.ops.transpose(ms.Tensor(X), (-1, 0)),
    "cast_str": lambda ms: ms.ops.cast(ms.Tensor(X), "float32"),
    "cast_none": lambda ms: ms.ops.cast(ms.Tensor(X), None),
    "cast_numpy_type": lambda ms: ms.ops.cast(ms.Tensor(X), np.float32),
    "one_hot_depth_str": lambda ms: ms.ops.OneHot()(_labels(ms, [0, 1]), "3", ms.Tensor(1.0), ms.Tensor(0.0)),
    "one_hot_depth_negative": lambda ms: ms.ops.one_hot(_labels(ms, [0, 1]), -1, ms.Tensor(1.0), ms.Tensor(0.0)),
    "softmax_axis_out_of_range": lambda ms: ms.ops.Softmax(5)(ms.Tensor(X)),
    "log_softmax_axis_str": lambda ms: ms.ops.LogSoftmax("1")(ms.Tensor(X)),
    "concat_empty": lambda ms: ms.ops.concat([]),
    "concat_tensor_not_list": lambda ms: ms.ops.Concat()(ms.Tensor(X)),
    "concat_with_none": lambda ms: ms.ops.concat([ms.Tensor(X), None]),
    "stack_empty": lambda ms: ms.ops.stack([]),
    "layer_norm_shape": lambda ms: ms.nn.LayerNorm((4,))(ms.Tensor(X)),
    "max_pool_kernel_too_big": lambda ms: ms.ops.max_pool2d(ms.Tensor(np.ones((1, 1, 5, 5), np.float32)), 7),
    # strings, None and lists where Tensors go
    "add_str": lambda ms: ms.ops.add(ms.Tensor(X), "a"),
    "add_none": lambda ms: ms.ops.add(ms.Tensor(X), None),
    "mul_operator_str": lambda ms: ms.Tensor(X) * "a",
    "relu_str": lambda ms: ms.ops.relu("a"),
    "relu_list": lambda ms: ms.ops.relu([1.0, -1.0]),
    "relu_none": lambda ms: ms.ops.relu(None),
    "relu_cell_list": lambda ms: ms.nn.ReLU()([1.0]),
    "exp_list": lambda ms: ms.ops.exp([1.0]),
    "sigmoid_int": lambda ms: ms.ops.sigmoid(ms.Tensor(np.arange(3, dtype=np.int32))),
    "pow_str": lambda ms: ms.ops.pow(ms.Tensor(X), "2"),
    # numbers where a layer or optimizer wants one
    "dense_str_out_channels": lambda ms: ms.nn.Dense(3, "4"),
    "dense_float_out_channels": lambda ms: ms.nn.Dense(3, 4.0),
    "dense_negative_out_channels": lambda ms: ms.nn.Dense(3, -4),
    "dropout_p_str": lambda ms: ms.nn.Dropout(p="0.5"),
    "dropout_p_big": lambda ms: ms.nn.Dropout(p=1.5),
    "batchnorm_str_features": lambda ms: ms.nn.BatchNorm2d("3"),
    "sgd_learning_rate_none": lambda ms: ms.nn.SGD([ms.Parameter(ms.Tensor(X), name="w")], learning_rate=None),
    "sgd_learning_rate_negative": lambda ms: ms.nn.SGD([ms.Parameter(ms.Tensor(X), name="w")], learning_rate=-0.1),
    "momentum_str": lambda ms: ms.nn.Momentum([ms.Parameter(ms.Tensor(X), name="w")], 0.1, momentum="0.9"),
    "sgd_params_tensor": lambda ms: ms.nn.SGD(ms.Tensor(X), 0.1),
    # op arguments out of range or of the wrong type
    "chunk_zero": lambda ms: ms.ops.chunk(ms.Tensor(X), 0),
    "chunk_float": lambda ms: ms.Tensor(X).chunk(1.5),
    "sort_axis": lambda ms: ms.Tensor(X).sort(axis=2),
    "sort_axis_negative": lambda ms: ms.ops.sort(ms.Tensor(X), axis=-3),
    "bitwise_and_floats": lambda ms: ms.ops.bitwise_and(ms.Tensor(X), ms.Tensor(X)),
    "bitwise_or_int_float": lambda ms: ms.ops.bitwise_or(ms.Tensor(np.array([1, 2], np.int32)), ms.Tensor(X[0, :2])),
    "mirror_pad_too_wide": lambda ms: ms.ops.mirror_pad(ms.Tensor(X), ms.Tensor(np.array([[3, 1], [1, 1]])), "REFLECT"),
    "mirror_pad_rank": lambda ms: ms.ops.mirror_pad(ms.Tensor(X), ms.Tensor(np.array([[1, 1]])), "SYMMETRIC"),
    "mirror_pad_negative": lambda ms: ms.ops.mirror_pad(ms.Tensor(X), ms.Tensor(np.array([[-1, 0], [0, 0]])),
                                                        "REFLECT"),
    "bitwise_xor_float_scalar": lambda ms: ms.ops.bitwise_xor(ms.Tensor(np.array([1, 2], np.int32)), 1.5),
}


def _case(fn):
    @functools.wraps(fn)  # keeps a kernel_index_error mark
    def case(ms):
        return _raises(ms, lambda: fn(ms))
    return case


for _n, _fn in CASES.items():
    globals()[f"case_{_n}"] = _case(_fn)
