"""``mindspore.ops.GradOperation``: gradients in MindSpore's structure, computed by the engine."""
from .._engine import GradCall


class GradOperation:
    """``GradOperation(get_all=False, get_by_list=False, sens_param=False)``.

    ``GradOperation(...)(net, weights)`` returns a function of the network's inputs (and ``sens`` last when
    ``sens_param``) giving: the first input's gradient (both flags False), a tuple of all input gradients
    (``get_all``), a tuple of the weights' gradients (``get_by_list``), or ``((inputs), (weights))`` (both).
    """

    def __init__(self, get_all=False, get_by_list=False, sens_param=False):
        for name, value in (("get_all", get_all), ("get_by_list", get_by_list), ("sens_param", sens_param)):
            if not isinstance(value, bool):
                raise TypeError(f"For 'GradOperation', the type of '{name}' must be bool, but got "
                                f"'{type(value)}'")
        self.get_all, self.get_by_list, self.sens_param = get_all, get_by_list, sens_param
        self._cache = {}

    def __call__(self, fn, weights=None):
        if self.get_by_list and weights is None:
            raise TypeError("For 'GradOperation', when 'get_by_list' is set to True, the argument 'weights' must "
                            "be Parameters array, but got '<class 'NoneType'>'")
        key = (id(fn), id(weights))
        entry = self._cache.get(key)
        if entry is None or entry[0] is not fn or entry[1] is not weights:
            ws = [weights] if weights is not None and not isinstance(weights, (tuple, list)) else weights
            entry = self._cache[key] = (fn, weights, GradCall(fn, ws or (), self.get_all, self.get_by_list,
                                                              self.sens_param))
        return entry[2]
