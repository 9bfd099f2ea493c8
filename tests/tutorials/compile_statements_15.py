# MindSpore's tutorial tutorials/source_en/compile/statements.md (mindspore-ai/docs, branch master): its Python code block 15, unchanged.
import mindspore

@mindspore.jit()
def test(x, y):
    number_add = lambda x, y: x + y
    return number_add(x, y)

ret = test(1, 5)
print('ret:{}'.format(ret))
