"""Argument checks of optimizers and learning rates, raising MindSpore's messages (``mindspore._checkparam``)."""
import math

_RELATIONS = {">": lambda a, b: a > b, ">=": lambda a, b: a >= b}


def _prefix(prim_name):
    return f"For '{prim_name}', the " if prim_name else "The "


def _number(value, bound, rel, arg_type, arg_name, prim_name):
    """MindSpore's ``_check_number``: ``value`` of ``arg_type`` with ``value <rel> bound``."""
    info = _prefix(prim_name) + (f"'{arg_name}'" if arg_name else "input value")
    if not isinstance(value, arg_type):
        raise TypeError(f"{info} must be {arg_type.__name__}, but got '{type(value).__name__}'")
    if math.isinf(value) or math.isnan(value):
        raise ValueError(f"{info} must be a legal value, but got '{value}'.")
    mismatch = isinstance(value, bool)
    if mismatch or not _RELATIONS[rel](value, bound):
        msg = (f"{info} must be {arg_type.__name__} and must {rel} {bound}, but got '{value}' with type "
               f"'{type(value).__name__}'.")
        raise (TypeError if mismatch else ValueError)(msg)
    return value


def positive_int(value, arg_name=None, prim_name=None):
    return _number(value, 0, ">", int, arg_name, prim_name)


def positive_float(value, arg_name=None, prim_name=None):
    return _number(value, 0, ">", float, arg_name, prim_name)


def non_negative_float(value, arg_name=None, prim_name=None):
    return _number(value, 0, ">=", float, arg_name, prim_name)


def is_float(value, arg_name=None, prim_name=None):
    """MindSpore's ``check_is_float``: a finite Python float (not a bool)."""
    head = f"For '{prim_name}', the" if prim_name else "The"
    name = f"'{arg_name}'" if arg_name else "input value"
    if not isinstance(value, float):
        raise TypeError(f"{head} type of {name} must be 'float', but got '{type(value).__name__}'.")
    if math.isinf(value) or math.isnan(value):
        raise ValueError(f"{head} {name} must be a legal float, but got '{value}'.")
    return value


def value_type(arg_name, value, valid_types, prim_name=None):
    """MindSpore's ``check_value_type``: ``value`` is an instance of one of ``valid_types`` (bool only if listed)."""
    valid_types = tuple(valid_types) if isinstance(valid_types, (tuple, list)) else (valid_types,)
    if (isinstance(value, bool) and bool not in valid_types) or not isinstance(value, valid_types):
        names = [t.__name__ for t in valid_types]
        head = f"For '{prim_name}', the" if prim_name else "The"
        expected = f"one of '{names}'" if len(names) > 1 else f"'{names[0]}'"
        raise TypeError(f"{head} type of '{arg_name}' should be {expected}, but got type '{type(value).__name__}'.")
    return value


def float_range(value, lower, upper, arg_name, prim_name, closed=False):
    """MindSpore's ``check_float_range``: ``lower < value < upper`` (INC_NEITHER), or with ``closed``
    ``lower <= value <= upper`` (INC_BOTH)."""
    head = f"For '{prim_name}', the" if prim_name else "The"
    if not isinstance(value, float):
        raise TypeError(f"{head} '{arg_name}' must be 'float',  but got '{type(value).__name__}'.")
    if not (lower <= value <= upper if closed else lower < value < upper):
        left, right = "[]" if closed else "()"
        raise ValueError(f"{head} '{arg_name}' must be in range of {left}{lower}, {upper}{right}, but got {value} with "
                         f"type '{type(value).__name__}'.")
    return value


def number_bound(arg_name, value, bound, rel, prim_name):
    """MindSpore's ``check_number``: ``value <rel> bound`` (``rel`` ">=" or "<=")."""
    if not (value >= bound if rel == ">=" else value <= bound):
        raise ValueError(f"For '{prim_name}', the argument '{arg_name}' must {rel} {bound}, but got {value}.")
    return value


def bool_(value, arg_name=None, prim_name=None):
    """MindSpore's ``check_bool``."""
    if not isinstance(value, bool):
        head = f"For '{prim_name}', the" if prim_name else "The"
        name = f"'{arg_name}'" if arg_name else "input value"
        raise TypeError(f"{head} {name} must be a bool, but got {type(value).__name__}.")
    return value
