# MindSpore's tutorial docs/mindspore/source_en/design/programming_paradigm.md (mindspore-ai/docs, branch master): its Python code block 4, unchanged.
import mindspore.numpy as mnp
from mindspore import grad

grad_tanh = grad(mnp.tanh)
print(grad_tanh(2.0))
# 0.070650816

print(grad(grad(mnp.tanh))(2.0))
print(grad(grad(grad(mnp.tanh)))(2.0))
# -0.13621868
# 0.25265405
