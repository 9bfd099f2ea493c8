"""Cases run twice: by ``tools/record_goldens.py`` under real MindSpore, and by the tests under mindshim.

Each module here defines functions ``case_<name>(ms)`` taking the ``mindspore`` module (real or mindshim)
and returning Tensors, tuples, strings or numbers (or raising). ``encode`` turns a result into JSON;
the recorder stores it in ``tests/goldens/<module>.json`` and the tests compare mindshim's against it.
"""
import importlib
import math
import pkgutil

import numpy as np

MODULES = sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))


def cases(module_name):
    mod = importlib.import_module(f"{__name__}.{module_name}")
    return {name[len("case_"):]: fn for name, fn in vars(mod).items() if name.startswith("case_")}


def _num(v):
    if isinstance(v, float) and (math.isnan(v) or math.isinf(v)):
        return repr(float(v))
    return v


def encode(value):
    """A JSON-able form of a case result (Tensors as dtype, shape and nested data)."""
    if hasattr(value, "asnumpy") and hasattr(value, "dtype"):
        arr = value.asnumpy()
        if arr.dtype.kind == "f" or str(arr.dtype) == "bfloat16":
            data = np.vectorize(lambda x: _num(float(x)), otypes=[object])(arr.astype(np.float64)).tolist() \
                if arr.size else []
        else:
            data = arr.tolist()
        return {"tensor": str(value.dtype), "shape": list(arr.shape), "data": data}
    if isinstance(value, (tuple, list)):
        return {"list" if isinstance(value, list) else "tuple": [encode(v) for v in value]}
    if isinstance(value, dict):
        return {"dict": {str(k): encode(v) for k, v in value.items()}}
    if isinstance(value, float):
        return _num(value)
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, np.ndarray):
        return encode_ndarray(value)
    return {"repr": repr(value)}


def encode_ndarray(arr):
    floats = arr.size and arr.dtype.kind == "f"
    return {"ndarray": str(arr.dtype), "shape": list(arr.shape),
            "data": np.vectorize(lambda x: _num(float(x)), otypes=[object])(arr).tolist() if floats else arr.tolist()}


def run_case(fn, ms, sync=None):
    """The encoded result of ``fn(ms)``, or ``{"error": type, "message": first line}`` if it raised.

    ``sync`` (the recorder passes MindSpore's ``runtime.synchronize``) makes an asynchronous error surface
    in the case that caused it.
    """
    try:
        result = encode(fn(ms))
        if sync is not None:
            sync()
        return {"result": result}
    except Exception as e:  # noqa: BLE001 - the error itself is the golden
        if sync is not None:  # let an error MindSpore left pending surface here, not in the next case
            try:
                sync()
            except Exception:  # noqa: BLE001
                pass
        return {"error": type(e).__name__, "message": str(e).split("\n")[0]}
