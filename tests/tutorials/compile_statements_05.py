# MindSpore's tutorial tutorials/source_en/compile/statements.md (mindspore-ai/docs, branch master): its Python code block 5, unchanged.
import mindspore

@mindspore.jit
def foo():
  x = 3
  print("x:", x)

res = foo()
assert res is None
