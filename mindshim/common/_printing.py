"""MindSpore's printed form of a Tensor: ``Tensor(shape=[2, 2], dtype=Float32, value=...)``.

Two styles, selected by :func:`set_repr_style` (or the ``MINDSHIM_REPR_STYLE`` environment variable):

* ``"spec"`` (default): the format on MindSpore's API pages (``value=[1.00000000e+00]``); floats are
  right-aligned to the widest element, so a sign column appears only when a value is negative.
* ``"2.10"``: what MindSpore 2.10 prints: a space after ``value=`` for scalars and 1-D tensors, and a sign
  column always reserved for floats (``value= [ 1.00000000e+00, -2.00000000e+00]``).

Shared rules (both styles, as MindSpore): float32/float64 print as ``%.8e``, float16 as ``%.4e``; a scalar
prints its value as C++'s ``%g``; ndim >= 2 data starts on a new line; a dimension longer than 6 at
ndim >= 2 (or a 1-D tensor longer than 1000) shows its first and last 3 entries around ``...``; a 1-D
row wraps after every 12 floats or bools, 24 ints (a full last row puts "]" on a line of its own); complex numbers
print as ``1.5+2.25j``, unaligned.
"""
import functools

import numpy as np

from .. import _state

_STYLES = ("spec", "2.10")
if _state.printing["style"] not in _STYLES:
    raise ValueError(f"MINDSHIM_REPR_STYLE must be one of {_STYLES}, but got '{_state.printing['style']}'.")

_EDGE = 3
_ELLIPSIS = object()


def set_repr_style(style):
    """Select how ``repr(Tensor)`` prints: ``"spec"`` (default) or ``"2.10"`` (MindSpore 2.10's sign column)."""
    if style not in _STYLES:
        raise ValueError(f"For 'set_repr_style', 'style' must be one of {_STYLES}, but got '{style}'.")
    _state.printing["style"] = style


def get_repr_style():
    return _state.printing["style"]


def _element_formatter(mstype):
    kind, name = mstype.kind, mstype.name
    if kind == "b":  # always five wide, as MindSpore prints them
        return lambda v: " True" if v else "False", 12, False
    if kind in "iu":
        return lambda v: str(int(v)), 24, False
    if name == "BFloat16":
        return lambda v: "%g" % float(v), 12, False
    if kind == "c":
        return functools.partial(_complex, part=np.float32 if name == "Complex64" else np.float64), 12, False
    spec = "%.4e" if name == "Float16" else "%.8e"

    def fmt(v):
        v = float(v)
        if v != v:
            return "nan"
        if v in (float("inf"), float("-inf")):
            return "inf" if v > 0 else "-inf"
        return spec % v
    return fmt, 12, True


def _complex(v, part):
    """A complex element as MindSpore prints it: ``1.3-0.4j``, each part the shortest repr of its float dtype."""
    v = complex(v)
    real, imag = part(v.real), part(v.imag)
    sign = "-" if np.signbit(imag) else "+"
    return (f"{np.format_float_positional(real, trim='-')}{sign}"
            f"{np.format_float_positional(abs(imag), trim='-')}j")


def _scalar(v, mstype):
    if mstype.kind == "b":
        return "True" if v else "False"
    if mstype.kind in "iu":
        return str(int(v))
    if mstype.kind == "c":
        return _complex(v, np.float32 if mstype.name == "Complex64" else np.float64)
    return "%g" % float(v)


def _kept(n, summarize):
    return list(range(_EDGE)) + [_ELLIPSIS] + list(range(n - _EDGE, n)) if summarize and n > 2 * _EDGE else range(n)


def format_data(arr, mstype, style=None, comma=True):
    """The ``value=`` part of MindSpore's repr for a numpy array ``arr`` of MindSpore dtype ``mstype``; without
    ``comma``, elements and rows are separated by spaces and newlines only (MindSpore's C++ form)."""
    style = style or _state.printing["style"]
    sep, row_sep = (", ", ",\n") if comma else (" ", "\n")
    if arr.ndim == 0:
        return _scalar(arr.item(), mstype)
    if arr.size == 0:
        return ""
    ndim = arr.ndim
    summarize = arr.size > 1000 if ndim == 1 else True
    fmt, per_line, signed = _element_formatter(mstype)
    strs = {}

    def collect(prefix, depth):
        for i in _kept(arr.shape[depth], summarize):
            if i is _ELLIPSIS:
                continue
            if depth == ndim - 1:
                strs[prefix + (i,)] = fmt(arr[prefix + (i,)])
            else:
                collect(prefix + (i,), depth + 1)
    collect((), 0)
    if signed and style == "2.10":
        strs = {k: s if s.startswith("-") else " " + s for k, s in strs.items()}
    width = max(len(s) for s in strs.values())
    if mstype.kind == "b" and style == "2.10":  # True is padded to False's width even where no False shows
        width = 5
    if mstype.kind == "c" and style == "2.10":  # complex elements are not padded
        width = 0

    def render(prefix, depth):
        idx = _kept(arr.shape[depth], summarize)
        if depth == ndim - 1:
            out = []
            for n, i in enumerate(idx):
                if i is _ELLIPSIS:
                    out.append(" ...")
                    continue
                if n:
                    if idx[n - 1] is _ELLIPSIS:
                        out.append(" ")
                    elif ndim == 1 and n % per_line == 0:
                        out.append(sep + "\n ")
                    else:
                        out.append(sep)
                out.append(strs[prefix + (i,)].rjust(width))
            if ndim == 1 and len(idx) % per_line == 0:  # a full last row: MindSpore breaks the line before "]"
                out.append("\n ")
            return "[" + "".join(out) + "]"
        pad = " " * (depth + 1)
        out = []
        for n, i in enumerate(idx):
            if i is _ELLIPSIS:
                out.append(row_sep + pad + "...")
                continue
            if n:
                out.append(("\n" if idx[n - 1] is _ELLIPSIS else row_sep) + pad)
            out.append(render(prefix + (i,), depth + 1))
        return "[" + "".join(out) + "]"
    return render((), 0)


def shape_list(shape):
    """A shape as MindSpore prints it: ``[2, 3]``."""
    return "[" + ", ".join(str(d) for d in shape) + "]"


def tensor_repr(arr, mstype, style=None):
    """``Tensor(shape=[...], dtype=..., value=...)`` for a numpy array ``arr`` (no value for a shape without
    values: a Tensor of unknown shape)."""
    style = style or _state.printing["style"]
    shape = shape_list(arr.shape)
    sep = "\n" if arr.ndim >= 2 else (" " if style == "2.10" else "")
    value = format_data(arr, mstype, style) if isinstance(arr, np.ndarray) else ""
    return f"Tensor(shape={shape}, dtype={mstype}, value={sep}{value})"


def host_tensor_repr(arr, mstype, style=None):
    """The repr of a Tensor in host memory (a dataset iterator's, ``from_numpy``'s, ``init_data``'s): in the 2.10
    style, MindSpore 2.10 prints its value as numpy does, with commas (``value= [ 0.1, -2.5,  3. ]``); it prints as
    :func:`tensor_repr` once an op made it anew."""
    style = style or _state.printing["style"]
    if style != "2.10" or arr.ndim == 0 or arr.dtype.kind not in "biuf":
        return tensor_repr(arr, mstype, style)
    shape = shape_list(arr.shape)
    sep = "\n" if arr.ndim >= 2 else " "
    return f"Tensor(shape={shape}, dtype={mstype}, value={sep}{np.array2string(arr, separator=', ')})"


def tensor_string(arr, mstype):
    """A Tensor as MindSpore's C++ prints it inside a sparse tensor's repr: :func:`graph_print_repr`, with
    ``[...]`` for 30 elements or more."""
    if arr.size >= 30:
        return f"Tensor(shape={shape_list(arr.shape)}, dtype={mstype}, value=[...])"
    return graph_print_repr(arr, mstype)


def graph_print_repr(arr, mstype):
    """A Tensor as MindSpore's C++ prints it (the Print op in graph code): 2.10's sign column without commas."""
    sep = "\n" if arr.ndim >= 2 else ""
    return (f"Tensor(shape={shape_list(arr.shape)}, dtype={mstype}, value={sep}"
            f"{format_data(arr, mstype, '2.10', comma=False)})")


def tensor_str(arr):
    """``str(Tensor)``: numpy's ``str`` of the data, as MindSpore prints it (0-d floats as numpy 1.x did)."""
    if arr.ndim == 0 and arr.dtype.kind == "f":
        v = arr[()]
        if np.isfinite(v) and (v == 0 or 1e-4 <= abs(float(v)) < 1e16):
            return np.format_float_positional(v, trim="0")
        return np.format_float_scientific(v, trim="-")
    return str(arr)
