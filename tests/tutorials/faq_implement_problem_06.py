# MindSpore's tutorial docs/mindspore/source_en/faq/implement_problem.md (mindspore-ai/docs, branch master): its Python code block 6, unchanged.
net = Net()
loss_fn = MyLoss()
loss_with_net = MyWithLossCell(net, loss_fn)
train_net = MyTrainOneStepCell(loss_with_net, optim)
model = ms.train.Model(net=train_net, loss_fn=None, optimizer=None)
