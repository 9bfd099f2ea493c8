"""``mindspore.ops._grad_experimental``: MindSpore's internal gradient definitions (see ``grad_comm_ops``)."""
