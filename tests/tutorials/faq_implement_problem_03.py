# MindSpore's tutorial docs/mindspore/source_en/faq/implement_problem.md (mindspore-ai/docs, branch master): its Python code block 3, unchanged.
# Define a model.
model = ms.train.Model(net, loss_fn=loss, metrics={'top_1_accuracy', 'top_5_accuracy'})
# Evaluate the model.
res = model.eval(dataset)
