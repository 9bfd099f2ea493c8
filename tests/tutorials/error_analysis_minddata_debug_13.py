# MindSpore's tutorial tutorials/source_en/debug/error_analysis/minddata_debug.md (mindspore-ai/docs, branch master): its Python code block 13, unchanged.
for data_index, data in enumerate(dataset.create_tuple_iterator(output_numpy=True)):
    if(np.isinf(data).any()):             # Checking for inf values
        print("np.isinf index: ", data_index) # Prints the index of the sample if there is an inf value
    if(np.isnan(data).any()):             # Checking for nan values
        print("np.isinf index: ", data_index) # Prints an index of samples with nan values
