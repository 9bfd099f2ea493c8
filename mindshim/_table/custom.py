"""The row of ``mindspore.ops.Custom``: a user's op, run on the host.

MindSpore compiles a Custom op's ``func`` for the device (AKG, AOT, TBE) or, for ``func_type="pyfunc"``, calls the
Python function on numpy arrays. mindshim runs every kind it supports the pyfunc way, through
``jax.pure_callback``, so it also runs inside compiled code; its derivative is the user's ``bprop`` (the row's
attributes, set by ``ops.Custom``, are already functions of arrays).
"""
import jax
import numpy as np

from .._registry import register


def _bprop(arrays, out, dout, func, infer, bprop):
    if bprop is None:
        raise RuntimeError("Illegal primitive Custom's bprop not defined")
    return bprop(arrays, out, dout)


@register("Custom", attrs=(("func", None), ("infer", None), ("bprop", None)), bprop=_bprop, primitive=False)
def custom(*arrays, func, infer, bprop):
    """``func`` takes and returns numpy arrays; ``infer(shapes, dtypes)`` gives the outputs' ``(shape, numpy dtype)``
    pairs (one pair: a single output). An output whose dtype differs from the declared one of the same width is
    read as that dtype, bit for bit, as MindSpore copies the bytes; another width is MindSpore's TypeError."""
    outs = infer([tuple(a.shape) for a in arrays], [np.dtype(a.dtype) for a in arrays])
    single = not isinstance(outs, list)
    specs = [jax.ShapeDtypeStruct(shape, dtype) for shape, dtype in ([outs] if single else outs)]

    def host(*values):
        result = func(*values)
        result = [result] if single else list(result)
        converted = []
        for value, spec in zip(result, specs):
            value = np.ascontiguousarray(getattr(value, "asnumpy", lambda: value)())
            if value.dtype != spec.dtype:
                if value.dtype.itemsize != spec.dtype.itemsize:
                    raise TypeError(f"For 'Custom', the output of 'func' has dtype {value.dtype}, but 'out_dtype' "
                                    f"declares {spec.dtype}.")
                value = value.view(spec.dtype)
            if value.shape != spec.shape:
                raise ValueError(f"For 'Custom', the output of 'func' has shape {list(value.shape)}, but "
                                 f"'out_shape' declares {list(spec.shape)}.")
            converted.append(value)
        return converted[0] if single else tuple(converted)

    return jax.pure_callback(host, specs[0] if single else tuple(specs), *arrays)
