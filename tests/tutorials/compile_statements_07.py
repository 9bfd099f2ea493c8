# MindSpore's tutorial tutorials/source_en/compile/statements.md (mindspore-ai/docs, branch master): its Python code block 7, unchanged.
import mindspore
from mindspore import nn

class Net(nn.Cell):
  @mindspore.jit
  def construct(self, x):
    for i in range(4):
      if i > 2:
        x *= 3
        continue
    return x

net = Net()
ret = net(3)
print("ret:", ret)
