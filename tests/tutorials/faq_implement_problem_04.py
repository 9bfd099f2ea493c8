# MindSpore's tutorial docs/mindspore/source_en/faq/implement_problem.md (mindspore-ai/docs, branch master): its Python code block 4, unchanged.
def count_params(net):
    """Count number of parameters in the network
    Args:
        net (mindspore.nn.Cell): MindSpore network instance
    Returns:
        total_params (int): Total number of trainable params
    """
    total_params = 0
    for param in net.trainable_params():
        total_params += np.prod(param.shape)
    return total_params
