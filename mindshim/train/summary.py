"""``mindspore.train.SummaryRecord``: MindSpore's summary files for MindInsight, which mindshim does not write."""

__all__ = ["SummaryRecord"]


class SummaryRecord:
    """MindSpore writes summary (event) files for MindInsight; mindshim has no summary writer, so making one raises
    NotImplementedError."""

    def __init__(self, log_dir, file_prefix="events", file_suffix="_MS", num_process=32, network=None,
                 max_file_size=None, raise_exception=False, export_options=None):
        raise NotImplementedError("mindspore.train.SummaryRecord is not supported by mindshim: it writes no "
                                  "MindInsight summary files.")
