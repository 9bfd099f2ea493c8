"""Embedding layers (``mindspore.nn.layer.embedding``): Embedding, EmbeddingLookup."""
from ... import _checkparam as validator
from ... import ops
from ...common import dtype as mstype
from ...common.initializer import initializer
from ...common.parameter import Parameter
from ...common.tensor import Tensor
from ..cell import Cell

__all__ = ["Embedding", "EmbeddingLookup"]


class Embedding(Cell):
    """Look up rows of ``embedding_table`` (``(vocab_size, embedding_size)``, default ``'normal'``) by index.

    ``use_one_hot`` computes the lookup as a one-hot matrix product; ``padding_idx`` zeroes that row at
    initialization. Out-of-range indices raise MindSpore's Gather error in eager calls; inside a compiled call they
    cannot be checked and are clamped.
    """

    def __init__(self, vocab_size, embedding_size, use_one_hot=False, embedding_table="normal", dtype=mstype.float32,
                 padding_idx=None):
        super().__init__()
        self.vocab_size = validator.check_value_type("vocab_size", vocab_size, int, "Embedding")
        self.embedding_size = validator.check_value_type("embedding_size", embedding_size, int, "Embedding")
        self.use_one_hot = validator.check_value_type("use_one_hot", use_one_hot, bool, "Embedding")
        self.dtype = dtype
        table = initializer(embedding_table, [vocab_size, embedding_size])
        self.padding_idx = padding_idx
        if padding_idx is not None:
            if not isinstance(padding_idx, int) or not 0 <= padding_idx < vocab_size:
                raise ValueError(f"For 'Embedding', the 'padding_idx' must be in range [0, {vocab_size}), but got "
                                 f"{padding_idx}.")
            values = table.asnumpy()
            values[padding_idx] = 0
            table = Tensor(values, table.dtype)
        self.embedding_table = Parameter(table, name="embedding_table")
        self.one_hot = ops.OneHot()
        self.on_value = Tensor(1.0, dtype)
        self.off_value = Tensor(0.0, dtype)
        self.array_mul = ops.MatMul()

    def construct(self, ids):
        out_shape = tuple(ids.shape) + (self.embedding_size,)
        flat_ids = ops.reshape(ids, (-1,))
        if self.use_one_hot:
            one_hot_ids = self.one_hot(flat_ids, self.vocab_size, self.on_value, self.off_value)
            output = self.array_mul(one_hot_ids, self.embedding_table)
        else:
            output = self.embedding_table[flat_ids]
        return ops.reshape(output, out_shape)

    def extend_repr(self):
        return (f"vocab_size={self.vocab_size}, embedding_size={self.embedding_size}, use_one_hot={self.use_one_hot}, "
                f"embedding_table={self.embedding_table}, dtype={self.dtype}, padding_idx={self.padding_idx}")


class EmbeddingLookup(Cell):
    """Rows of ``embedding_table`` (``(vocab_size, embedding_size)``, ``param_init`` default 'normal') at
    ``indices`` (Gather); ``max_norm`` clips each looked-up vector's L2 norm. The table-slicing modes are MindSpore's
    layouts for auto-parallel; on one device they all look up the same rows."""

    def __init__(self, vocab_size, embedding_size, param_init="normal", target="CPU", slice_mode="batch_slice",
                 manual_shapes=None, max_norm=None, sparse=True, dtype=mstype.float32):
        super().__init__()
        validator.check_value_type("sparse", sparse, [bool], "EmbeddingLookup")
        self.vocab_size = validator.check_positive_int(vocab_size, "vocab_size")
        self.target = validator.check_string(target, ["CPU", "DEVICE"], "target", "EmbeddingLookup")
        if not sparse and target == "CPU":
            raise ValueError(f"For 'EmbeddingLookup', 'sparse' must be True when 'target' is \"CPU\", but got "
                             f"'sparse': {sparse} and 'target': {target}")
        self.sparse = sparse
        self.embedding_size = validator.check_positive_int(embedding_size, "embedding_size", "EmbeddingLookup")
        self.embedding_table = Parameter(initializer(param_init, [self.vocab_size, self.embedding_size], dtype=dtype),
                                         name="embedding_table")
        self.max_norm = None
        if max_norm is not None:
            self.max_norm = Tensor(validator.check_positive_float(max_norm, "max_norm", "EmbeddingLookup"),
                                   mstype.float32)

    def construct(self, indices):
        out = ops.gather(self.embedding_table, indices, 0)
        if self.max_norm is not None:
            out = ops.ClipByNorm(tuple(range(indices.ndim, out.ndim)))(out, self.max_norm)
        return out
