"""``mindspore.log``: MindSpore's Python logger (``from mindspore import log as logger``; ``logger.warning(...)``).

Messages go to the ``mindspore`` logger of Python's ``logging``, at the level ``GLOG_v`` selects when mindshim is
imported (0 DEBUG .. 4 CRITICAL, default 2 WARNING; as MindSpore, a later change of the variable changes nothing),
printed to stderr in MindSpore's format. Where mindshim differs: the log files of
``GLOG_logtostderr=0`` / ``GLOG_log_dir`` are not written (messages stay on stderr).
"""
import logging
import os

__all__ = ["get_level", "get_log_config"]

_LEVELS = {"0": logging.DEBUG, "1": logging.INFO, "2": logging.WARNING, "3": logging.ERROR, "4": logging.CRITICAL}


def _level():
    level = os.environ.get("GLOG_v", "2").strip()
    if level not in _LEVELS:
        raise ValueError(f"Incorrect log level, please check the configuration of GLOG_v or GLOG_stderrthreshold, "
                         f"desired log level: 4-CRITICAL, 3-ERROR, 2-WARNING, 1-INFO, 0-DEBUG. But got {level}.")
    return level


def _get_logger():
    logger = logging.getLogger("mindspore")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("[%(levelname)s] ME(%(process)d:%(thread)d,%(processName)s):"
                                               "%(asctime)s [%(pathname)s:%(lineno)d] %(message)s"))
        logger.addHandler(handler)
        logger.propagate = False
        logger.setLevel(_LEVELS[_level()])
    return logger


def _log(level):
    def log(msg, *args, **kwargs):
        _get_logger().log(level, msg, *args, stacklevel=2, **kwargs)
    log.__name__ = logging.getLevelName(level).lower()
    log.__doc__ = f"Log ``msg % args`` with severity {logging.getLevelName(level)} on the MindSpore logger."
    return log


debug, info, warning, error, critical = (_log(level) for level in sorted(_LEVELS.values()))
_get_logger()  # the level GLOG_v gives now, at import, as MindSpore reads it


def get_level():
    """The logger's level as MindSpore's GLOG digit: '0' DEBUG .. '4' CRITICAL."""
    by_level = {v: k for k, v in _LEVELS.items()}
    return by_level[_get_logger().getEffectiveLevel()]


def get_log_config():
    """``{'GLOG_v': level, 'GLOG_logtostderr': '1'}`` (mindshim logs to stderr only)."""
    return {"GLOG_v": get_level(), "GLOG_logtostderr": "1"}
