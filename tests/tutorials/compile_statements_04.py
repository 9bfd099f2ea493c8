# MindSpore's tutorial tutorials/source_en/compile/statements.md (mindspore-ai/docs, branch master): its Python code block 4, unchanged.
import mindspore
from mindspore import nn

class Net(nn.Cell):
  @mindspore.jit
  def construct(self, x):
      if x > 0:
        return x
      else:
        return 0

net = Net()
ret = net(10)
print("ret:", ret)
