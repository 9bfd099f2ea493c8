# MindSpore's tutorial docs/mindspore/source_en/faq/implement_problem.md (mindspore-ai/docs, branch master): its Python code block 7, unchanged.
out = net(x)
np.save("output.npy", out.asnumpy())
