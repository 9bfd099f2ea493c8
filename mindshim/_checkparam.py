"""Argument validators with MindSpore's messages: the subset of ``mindspore._checkparam`` that mindshim's
layers, optimizers, metrics and callbacks use, under MindSpore's names (``from mindspore import _checkparam
as validator``; ``validator.check_positive_int(value, "in_channels", "Conv2d")``).

A leaf module: it imports nothing of mindshim, so every layer can use it.
"""
import functools
import inspect
import math

# Relations, as MindSpore's ``Rel``: one bound (``check_number``) or a range (``check_*_range``).
EQ, NE, LT, LE, GT, GE = "==", "!=", "<", "<=", ">", ">="
INC_NEITHER, INC_LEFT, INC_RIGHT, INC_BOTH = "()", "[)", "(]", "[]"

_BINARY = {EQ: lambda a, b: a == b, NE: lambda a, b: a != b, LT: lambda a, b: a < b, LE: lambda a, b: a <= b,
           GT: lambda a, b: a > b, GE: lambda a, b: a >= b}
_RANGE = {INC_NEITHER: lambda v, lo, hi: lo < v < hi, INC_LEFT: lambda v, lo, hi: lo <= v < hi,
          INC_RIGHT: lambda v, lo, hi: lo < v <= hi, INC_BOTH: lambda v, lo, hi: lo <= v <= hi}


def _head(prim_name):
    return f"For '{prim_name}', the" if prim_name else "The"


def _check_number(arg_value, value, rel, arg_type, arg_name=None, prim_name=None):
    """``arg_value`` is an ``arg_type`` (not a bool), finite, and ``arg_value <rel> value``."""
    info = f"{_head(prim_name)} " + (f"'{arg_name}'" if arg_name else "input value")
    if not isinstance(arg_value, arg_type):
        raise TypeError(f"{info} must be {arg_type.__name__}, but got '{type(arg_value).__name__}'")
    if math.isinf(arg_value) or math.isnan(arg_value):
        raise ValueError(f"{info} must be a legal value, but got '{arg_value}'.")
    mismatch = isinstance(arg_value, bool)
    if mismatch or not _BINARY[rel](arg_value, value):
        msg = (f"{info} must be {arg_type.__name__} and must {rel} {value}, but got '{arg_value}' with type "
               f"'{type(arg_value).__name__}'.")
        raise (TypeError if mismatch else ValueError)(msg)
    return arg_value


def check_int(arg_value, value, rel, arg_name=None, prim_name=None):
    """``arg_value`` is an int and ``arg_value <rel> value``."""
    return _check_number(arg_value, value, rel, int, arg_name, prim_name)


def check_positive_int(arg_value, arg_name=None, prim_name=None):
    return _check_number(arg_value, 0, GT, int, arg_name, prim_name)


def check_non_negative_int(arg_value, arg_name=None, prim_name=None):
    return _check_number(arg_value, 0, GE, int, arg_name, prim_name)


def check_positive_float(arg_value, arg_name=None, prim_name=None):
    return _check_number(arg_value, 0, GT, float, arg_name, prim_name)


def check_non_negative_float(arg_value, arg_name=None, prim_name=None):
    return _check_number(arg_value, 0, GE, float, arg_name, prim_name)


def check_is_float(arg_value, arg_name=None, prim_name=None):
    """A finite Python float (not a bool)."""
    name = f"'{arg_name}'" if arg_name else "input value"
    if not isinstance(arg_value, float):
        raise TypeError(f"{_head(prim_name)} type of {name} must be 'float', but got '{type(arg_value).__name__}'.")
    if math.isinf(arg_value) or math.isnan(arg_value):
        raise ValueError(f"{_head(prim_name)} {name} must be a legal float, but got '{arg_value}'.")
    return arg_value


def check_bool(arg_value, arg_name=None, prim_name=None):
    if not isinstance(arg_value, bool):
        name = f"'{arg_name}'" if arg_name else "input value"
        raise TypeError(f"{_head(prim_name)} {name} must be a bool, but got {type(arg_value).__name__}.")
    return arg_value


def check_string(arg_value, valid_values, arg_name=None, prim_name=None):
    """A str among ``valid_values``."""
    if not (isinstance(arg_value, str) and arg_value in valid_values):
        raise ValueError(f"{_head(prim_name)} '{arg_name or 'parameter'}' must be str and must be in "
                         f"'{valid_values}', but got '{arg_value}'.")
    return arg_value


def check_value_type(arg_name, arg_value, valid_types, prim_name=None):
    """An instance of one of ``valid_types`` (a bool only if ``bool`` is listed)."""
    valid_types = tuple(valid_types) if isinstance(valid_types, (tuple, list)) else (valid_types,)
    if (isinstance(arg_value, bool) and bool not in valid_types) or not isinstance(arg_value, valid_types):
        names = [t.__name__ for t in valid_types]
        expected = f"one of '{names}'" if len(names) > 1 else f"'{names[0]}'"
        raise TypeError(f"{_head(prim_name)} type of '{arg_name}' should be {expected}, but got type "
                        f"'{type(arg_value).__name__}'.")
    return arg_value


def check_type_name(arg_name, arg_type, valid_types, prim_name):
    """``arg_type`` (a type or a dtype) is one of ``valid_types``."""
    valid_types = tuple(valid_types) if isinstance(valid_types, (tuple, list, set, frozenset)) else (valid_types,)
    if arg_type not in valid_types:
        names = [getattr(t, "__name__", t) for t in valid_types]
        expected = f"one of {names}" if len(names) > 1 else f"{names[0]}"
        got = getattr(arg_type, "__name__", repr(arg_type))
        raise TypeError(f"{_head(prim_name)} '{arg_name}' should be {expected}, but got '{got}'.")
    return arg_type


def _check_range(arg_value, lower_limit, upper_limit, rel, value_type, arg_name=None, prim_name=None):
    """A Python ``value_type`` (not a bool) in the range ``rel`` (``INC_NEITHER``: open, ``INC_BOTH``: closed)."""
    name = f"'{arg_name}'" if arg_name else "input value"
    if not isinstance(arg_value, value_type) or isinstance(arg_value, bool):
        raise TypeError(f"{_head(prim_name)} {name} must be '{value_type.__name__}',  but got "
                        f"'{type(arg_value).__name__}'.")
    if not _RANGE[rel](arg_value, lower_limit, upper_limit):
        raise ValueError(f"{_head(prim_name)} {name} must be in range of {rel[0]}{lower_limit}, "
                         f"{upper_limit}{rel[1]}, but got {arg_value} with type '{type(arg_value).__name__}'.")
    return arg_value


def check_float_range(arg_value, lower_limit, upper_limit, rel, arg_name=None, prim_name=None):
    return _check_range(arg_value, lower_limit, upper_limit, rel, float, arg_name, prim_name)


def check_int_range(arg_value, lower_limit, upper_limit, rel, arg_name=None, prim_name=None):
    return _check_range(arg_value, lower_limit, upper_limit, rel, int, arg_name, prim_name)


def check_element_type_of_iterable(arg_name, arg_value, valid_types, prim_name=None):
    """A list or tuple whose elements are instances of ``valid_types``."""
    check_value_type(arg_name, arg_value, [list, tuple], prim_name)
    _check_elements(arg_name, arg_value, valid_types, prim_name)


def check_element_type_of_dict(arg_name, arg_value, key_types, value_types, prim_name=None):
    """A dict whose keys are instances of ``key_types`` and values of ``value_types``."""
    check_value_type(arg_name, arg_value, [dict], prim_name)
    _check_elements(arg_name, arg_value.keys(), key_types, prim_name)
    _check_elements(arg_name, arg_value.values(), value_types, prim_name)


def _check_elements(arg_name, elements, valid_types, prim_name):
    names = [t.__name__ if hasattr(t, "__name__") else str(t) for t in valid_types]
    for element in elements:
        if not isinstance(element, tuple(valid_types)):
            raise TypeError(f"{_head(prim_name)} type of '{arg_name}' should be "
                            f"{'one of ' + str(names) if len(names) > 1 else names[0]}, but got '{element}' with type "
                            f"'{type(element).__name__}'.")


def check_number(arg_name, arg_value, value, rel, prim_name):
    """``arg_value <rel> value`` for a number of any type."""
    if not _BINARY[rel](arg_value, value):
        raise ValueError(f"For '{prim_name}', the argument '{arg_name}' must {rel} {value}, but got {arg_value}.")
    return arg_value


def args_type_check(*type_args, **type_kwargs):
    """Decorator: the bound arguments named in ``type_args``/``type_kwargs`` (``**kwargs`` entries included) are
    ``None`` or instances of the given types, else MindSpore's TypeError."""
    def type_check(func):
        sig = inspect.signature(func)
        bound_types = sig.bind_partial(*type_args, **type_kwargs).arguments
        bound_types = bound_types.get("kwargs", bound_types)

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            arguments = sig.bind(*args, **kwargs).arguments
            arguments = arguments.get("kwargs", arguments)
            for name, value in arguments.items():
                if name in bound_types and value is not None and not isinstance(value, bound_types[name]):
                    raise TypeError(f"The parameter '{name}' must be {bound_types[name]}, but got {type(value)}")
            return func(*args, **kwargs)
        return wrapper
    return type_check
