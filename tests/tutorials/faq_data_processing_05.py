# MindSpore's tutorial docs/mindspore/source_en/faq/data_processing.md (mindspore-ai/docs, branch master): its Python code block 5, unchanged.
import mindspore.vision as vision

transforms = [
    vision.Decode(),         # default to use c_transforms
    vision.ToPIL(),          # switch to PIL backend
    vision.CenterCrop(375),  # use py_transforms
]

data1 = data1.map(operations=transforms, input_columns=["image"])
