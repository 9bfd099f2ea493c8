# MindSpore's tutorial docs/mindspore/source_en/faq/implement_problem.md (mindspore-ai/docs, branch master): its Python code block 10, unchanged.
class VGG(nn.Module):

    def __init__(self, features, num_classes=1000, init_weights=True):
        super(VGG, self).__init__()
        self.features = features
        self.avgpool = nn.AdaptiveAvgPool2d((7, 7))
