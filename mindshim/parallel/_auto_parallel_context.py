"""``mindspore.parallel._auto_parallel_context``: the getters MindSpore's parallel internals read, over
``get_auto_parallel_context`` (what mindshim cannot set has its one value: one pipeline stage, no parallel
optimizer, no sharding propagation)."""
from ..context import get_auto_parallel_context


class _AutoParallelContext:
    def __getattr__(self, name):
        """``get_<setting>()`` for every setting ``get_auto_parallel_context`` knows."""
        if not name.startswith("get_"):
            raise AttributeError(f"'_AutoParallelContext' object has no attribute '{name}'")
        key = {"get_strategy_search_mode": "search_mode"}.get(name, name[len("get_"):])
        try:
            get_auto_parallel_context(key)
        except ValueError:
            raise AttributeError(f"'_AutoParallelContext' object has no attribute '{name}'") from None
        return lambda: get_auto_parallel_context(key)


_CONTEXT = _AutoParallelContext()


def auto_parallel_context():
    return _CONTEXT
