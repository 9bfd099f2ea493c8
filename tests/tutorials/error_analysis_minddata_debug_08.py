# MindSpore's tutorial tutorials/source_en/debug/error_analysis/minddata_debug.md (mindspore-ai/docs, branch master): its Python code block 8, unchanged.
import time

st = time.time()
for i, data in enumerate(dataset_train):
    print("data step", i, ", time", time.time() - st, flush=True)
    st = time.time()
    if i > 50:
        break
