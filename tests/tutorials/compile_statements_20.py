# MindSpore's tutorial tutorials/source_en/compile/statements.md (mindspore-ai/docs, branch master): its Python code block 20, unchanged.
x = ({'a': 1, 'b': 2}, {'d': 1, 'e': 2}, {'g': 1, 'h': 2})
res = {k: v for y in x for (k, v) in y.items()}
