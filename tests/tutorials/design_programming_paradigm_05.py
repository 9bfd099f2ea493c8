# MindSpore's tutorial docs/mindspore/source_en/design/programming_paradigm.md (mindspore-ai/docs, branch master): its Python code block 5, unchanged.
import mindspore.ops as ops
from mindspore.ops._grad.grad_base import bprop_getters

@bprop_getters.register(ops.Sin)
def get_bprop_sin(self):
    """Grad definition for `Sin` operation."""
    cos = ops.Cos()

    def bprop(x, out, dout):
        dx = dout * cos(x)
        return (dx,)

    return bprop
