# MindSpore's tutorial tutorials/source_en/compile/statements.md (mindspore-ai/docs, branch master): its Python code block 6, unchanged.
import mindspore
from mindspore import nn

class Net(nn.Cell):
  @mindspore.jit
  def construct(self, x):
    for i in range(8):
      if i > 5:
        x *= 3
        break
      x = x * 2
    return x

net = Net()
ret = net(10)
print("ret:", ret)
