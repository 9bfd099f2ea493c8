"""Embedding layer (``mindspore.nn.layer.embedding``)."""
from ... import _checkparam as validator
from ... import ops
from ...common import dtype as mstype
from ...common.initializer import initializer
from ...common.parameter import Parameter
from ...common.tensor import Tensor
from ..cell import Cell

__all__ = ["Embedding"]


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
