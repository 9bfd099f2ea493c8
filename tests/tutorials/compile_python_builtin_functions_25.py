# MindSpore's tutorial tutorials/source_en/compile/python_builtin_functions.md (mindspore-ai/docs, branch master): its Python code block 25, unchanged.
import mindspore
import numpy as np

x = mindspore.tensor(np.array([1, 2, 3]), mindspore.int32)
y = mindspore.tensor(3, mindspore.int32)

@mindspore.jit()
def test(x, y):
    print(x)
    print(y)
    return x, y

ret = test(x, y)
