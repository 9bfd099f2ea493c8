# MindSpore's tutorial tutorials/source_en/debug/error_analysis/minddata_debug.md (mindspore-ai/docs, branch master): its Python code block 9, unchanged.
def __getitem__(self, index):
    if index >= 7:
        time.sleep(60)
    return self.data[index]

