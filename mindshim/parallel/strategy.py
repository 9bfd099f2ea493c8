"""``mindspore.parallel.strategy``: the sharding strategies MindSpore's semi-auto parallel mode compiled, which
mindshim lacks: each function raises NotImplementedError when called."""

__all__ = ["get_strategy_metadata", "get_current_strategy_metadata", "enable_save_strategy_online",
           "clear_strategy_metadata"]


def _unsupported(name):
    def unsupported(*args, **kwargs):
        raise NotImplementedError(f"mindspore.parallel.strategy.{name} is not supported by mindshim: it has no "
                                  "semi-auto parallel strategies.")
    unsupported.__name__ = name
    return unsupported


get_strategy_metadata, get_current_strategy_metadata, enable_save_strategy_online, clear_strategy_metadata = (
    _unsupported(name) for name in __all__)
