"""``mindspore.train._utils``: parameter redundancy across the ranks of a parallel layout. mindshim has no
semi-auto parallel layouts, so these raise NotImplementedError when called."""


def get_parameter_redundancy(layout_obj, initial_rank=None):
    raise NotImplementedError("mindspore.train.get_parameter_redundancy is not supported by mindshim yet: it has no "
                              "parallel strategy layouts.")


def remove_param_redundancy(param_redundancy_dict, keep_redundancy=1):
    raise NotImplementedError("mindspore.train.remove_param_redundancy is not supported by mindshim yet: it has no "
                              "parallel strategy layouts.")
