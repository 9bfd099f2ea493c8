# MindSpore's tutorial tutorials/source_en/compile/static_graph_expert_programming.md (mindspore-ai/docs, branch master): its Python code block 17, unchanged.
a = A(x)
y = Depend(y, a)
b = B(y)
