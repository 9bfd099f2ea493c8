"""Helpers shared by the golden case modules (not a case module itself: its name starts with '_')."""


def t(ms, *arrays):
    return [ms.Tensor(a) for a in arrays]


def grads(ms, *specs):
    """For each ``(fn, *arrays)``: the gradients of ``fn`` (sens of ones) with respect to its inputs, as
    MindSpore's GradOperation gives them. One GradOperation over all specs (one compilation)."""
    sizes = [len(spec) - 1 for spec in specs]

    def net(*xs):
        outs, k = [], 0
        for spec, n in zip(specs, sizes):
            outs.append(spec[0](*xs[k:k + n]))
            k += n
        return tuple(outs)
    flat = ms.ops.GradOperation(get_all=True)(net)(*t(ms, *[a for spec in specs for a in spec[1:]]))
    out, k = [], 0
    for n in sizes:
        out.append(tuple(flat[k:k + n]))
        k += n
    return out


def raises(ms, fn):
    """``fn()`` for an error case. Real MindSpore reports some kernel errors asynchronously and keeps
    them pending until the next synchronization: settle here so the error lands in this case only."""
    sync = getattr(getattr(ms, "runtime", None), "synchronize", lambda: None)
    try:
        out = fn()
    except Exception:
        try:
            sync()
        except Exception:  # noqa: BLE001 - the same pending error, already being raised
            pass
        raise
    sync()
    return out


def deviates(reason, error=None, message=None):
    """Mark a case where mindshim deliberately differs from the error real MindSpore 2.10 recorded: mindshim raises
    ``error`` (default: the recorded type) with ``message`` (default: the recorded message); ``reason`` says why.
    The recorder ignores the mark; the replay (tests/test_goldens.py) expects what it names."""
    def mark(case):
        case.deviation = (reason, error, message)
        return case
    return mark


def tolerance(rtol, reason):
    """Mark a case whose float32 results may move more than the replay's default relative tolerance across
    processors (long sums with cancellation); ``reason`` says why. The replay compares it within ``rtol``."""
    def mark(case):
        case.rtol = (rtol, reason)
        return case
    return mark


#: 2.10's Gather/GatherD/GatherNd/ScatterNd kernels raise RuntimeError at run time; mindshim checks index values in
#: the call and raises ValueError with the same message.
kernel_index_error = deviates("an index value is a bad argument, checked in the call", error="ValueError")
