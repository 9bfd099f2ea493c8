# MindSpore's tutorial docs/mindspore/source_en/design/programming_paradigm.md (mindspore-ai/docs, branch master): its Python code block 1, unchanged.
class Sample: #class declaration
    def __init__(self, name): # class constructor (code)
        self.name = name # attribute (data)

    def set_name(self, name): # method declaration (code)
        self.name = name # method implementation (code)
