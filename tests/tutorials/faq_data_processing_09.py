# MindSpore's tutorial docs/mindspore/source_en/faq/data_processing.md (mindspore-ai/docs, branch master): its Python code block 9, unchanged.
Dataset = MyDataset()
for item in Dataset:
   print("item:", item)
