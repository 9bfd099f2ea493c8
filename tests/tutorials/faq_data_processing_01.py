# MindSpore's tutorial docs/mindspore/source_en/faq/data_processing.md (mindspore-ai/docs, branch master): its Python code block 1, unchanged.
def combine(x, y):
    x = x.flatten()
    y = y.flatten()
    return np.append(x, y)

dataset = dataset.map(operations=combine, input_columns=["data", "data2"], output_columns=["data"])
