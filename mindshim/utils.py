"""``mindspore.utils``: MindSpore's device utilities. Its Ascend hardware checks (``stress_detect``) raise
NotImplementedError when called."""

__all__ = ["stress_detect"]


def stress_detect(detect_type="aic"):
    """MindSpore's AiCore/HCCS stress test of an Ascend device."""
    raise NotImplementedError("mindspore.utils.stress_detect is not supported by mindshim: it tests Ascend hardware.")
