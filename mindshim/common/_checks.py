"""Checks of array values that MindSpore's kernels make at run time (index ranges), shared by the op table's
rows and Tensor indexing. They run where the values are known, that is outside a trace (eager calls)."""
import jax
import numpy as np


def known_values(a):
    """The values of the array ``a`` when they are known now (eager), else None (inside a trace)."""
    return None if isinstance(a, jax.core.Tracer) else np.asarray(a)


def check_gather_indices(indices, n):
    """MindSpore's Gather kernel check: a negative index counts from the end, then it must lie in ``[0, n)``."""
    values = known_values(indices)
    if values is None or not values.size:
        return
    wrapped = np.where(values < 0, values + n, values)
    bad = (wrapped < 0) | (wrapped >= n)
    if bad.any():
        raise ValueError(f"For 'Gather', the 'input_indices' should be in the range [0, {n}), but got "
                         f"{wrapped[bad][0]}, error_code[58]")
