"""``mindspore.parallel.shard``: tensor layouts for MindSpore's semi-auto parallel mode, which mindshim lacks."""


class Layout:
    """MindSpore's device-matrix layout of a tensor; constructing one raises NotImplementedError in mindshim."""

    def __init__(self, *args, **kwargs):
        raise NotImplementedError("mindspore.parallel.Layout is not supported by mindshim: it has no semi-auto "
                                  "parallel mode (use Cell.shard's strategies or DATA_PARALLEL).")
