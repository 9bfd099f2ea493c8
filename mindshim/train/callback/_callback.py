"""``Callback``, ``RunContext`` and the machinery ``Model`` drives them with (MindSpore's ``_callback.py``)."""
import logging
from contextlib import ExitStack

import numpy as np

from ...common.tensor import Tensor

logger = logging.getLogger("mindshim")

#: The hooks of a Callback: the 2.x names and the legacy name each one calls by default.
_HOOKS = {"on_train_begin": "begin", "on_train_epoch_begin": "epoch_begin", "on_train_epoch_end": "epoch_end",
          "on_train_step_begin": "step_begin", "on_train_step_end": "step_end", "on_train_end": "end",
          "on_eval_begin": "begin", "on_eval_epoch_begin": "epoch_begin", "on_eval_epoch_end": "epoch_end",
          "on_eval_step_begin": "step_begin", "on_eval_step_end": "step_end", "on_eval_end": "end"}
_LEGACY = ("begin", "epoch_begin", "epoch_end", "step_begin", "step_end", "end")

#: The network MindSpore's graph-engine checkpoint op would write parameters back into (``set_cur_net``); mindshim
#: has no such op, so it is only recorded.
CUR_NET = None


def set_cur_net(net):
    global CUR_NET
    CUR_NET = net


class Callback:
    """Base class of training and evaluation callbacks.

    ``Model`` calls the ``on_train_*`` hooks while training and the ``on_eval_*`` hooks while evaluating, each
    with a :class:`RunContext`. By default each hook calls its legacy counterpart (``on_train_step_end`` and
    ``on_eval_step_end`` call ``step_end``, and so on), which does nothing. A Callback is a context manager:
    ``Model`` enters it for the whole run.
    """

    def __enter__(self):
        return self

    def __exit__(self, *err):
        pass


def _legacy_hook(name):
    def hook(self, run_context):
        """A legacy hook: does nothing unless overridden."""
    hook.__name__ = name
    return hook


def _default_hook(name, legacy):
    def hook(self, run_context):
        getattr(self, legacy)(run_context)
    hook.__name__ = name
    hook.__doc__ = f"Called by ``Model``; by default calls ``{legacy}``."
    return hook


for _name in _LEGACY:
    setattr(Callback, _name, _legacy_hook(_name))
for _name, _legacy in _HOOKS.items():
    setattr(Callback, _name, _default_hook(_name, _legacy))


class _CallbackManager(Callback):
    """Runs a list of callbacks as one: each hook calls that hook of every callback in order."""

    def __init__(self, callbacks):
        self._callbacks, self._stack = [], None
        if isinstance(callbacks, Callback):
            self._callbacks.append(callbacks)
        elif isinstance(callbacks, list):
            for cb in callbacks:
                if not isinstance(cb, Callback):
                    raise TypeError("When the 'callbacks' is a list, the elements in "
                                    "'callbacks' must be Callback functions.")
                self._callbacks.append(cb)
        elif callbacks is not None:
            raise TypeError("The 'callbacks' is not a Callback or a list of Callback.")

    def __enter__(self):
        if self._stack is None:
            callbacks, self._stack = [], ExitStack().__enter__()
            for callback in self._callbacks:
                target = self._stack.enter_context(callback)
                if not isinstance(target, Callback):
                    logger.warning("Please return 'self' or a Callback as the enter target.")
                    callbacks.append(callback)
                else:
                    callbacks.append(target)
            self._callbacks = callbacks
        return self

    def __exit__(self, *err):
        return self._stack.__exit__(*err)


def _broadcast(name):
    def hook(self, run_context):
        for cb in self._callbacks:
            getattr(cb, name)(run_context)
    hook.__name__ = name
    return hook


for _name in (*_LEGACY, *_HOOKS):
    setattr(_CallbackManager, _name, _broadcast(_name))


class _Lazy:
    """A ``cb_params`` value computed when first read: ``fn(*args)`` (in data sink mode, a step's inputs and
    outputs, cut from the sink's stacks only if a callback asks)."""
    __slots__ = ("fn", "args")

    def __init__(self, fn, *args):
        self.fn, self.args = fn, args


class _InternalCallbackParam(dict):
    """``cb_params``: a dict whose keys are also attributes (values set as :class:`_Lazy` are computed on first
    read)."""

    def __getattr__(self, key):
        return self[key]

    def __setattr__(self, key, value):
        self[key] = value

    def __getitem__(self, key):
        value = dict.__getitem__(self, key)
        if type(value) is _Lazy:
            value = value.fn(*value.args)
            dict.__setitem__(self, key, value)
        return value

    def get(self, key, default=None):
        return self[key] if key in self else default

    def pop(self, key, *default):
        if key in self:
            value = self[key]
            dict.__delitem__(self, key)
            return value
        return dict.pop(self, key, *default)

    def values(self):
        return [self[k] for k in self]

    def items(self):
        return [(k, self[k]) for k in self]


class RunContext:
    """What a callback hook gets: ``original_args()`` (the ``cb_params`` dict), and ``request_stop()`` to end
    training after the current step (or evaluation)."""

    def __init__(self, original_args):
        if not isinstance(original_args, dict):
            raise TypeError("The argument 'original_args' of RunContext should be dict type, "
                            "but got {}.".format(type(original_args)))
        self._original_args = original_args
        self._stop_requested = False

    def original_args(self):
        return self._original_args

    def request_stop(self):
        self._stop_requested = True

    def get_stop_requested(self):
        return self._stop_requested


def _handle_loss(loss):
    """The loss in a network's output: a Tensor's mean as a float, or the first Tensor of a tuple (as is)."""
    if isinstance(loss, (tuple, list)):
        if isinstance(loss[0], Tensor):
            loss = loss[0]
    elif isinstance(loss, Tensor):
        loss = float(np.mean(loss.asnumpy()))
    return loss


__all__ = ["Callback", "RunContext"]
