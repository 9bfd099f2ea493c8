# MindSpore's tutorial tutorials/source_en/compile/statements.md (mindspore-ai/docs, branch master): its Python code block 18, unchanged.
l = [y for x in ((1, 2), (3, 4), (5, 6)) for y in x]
