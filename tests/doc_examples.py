"""Run MindSpore's documented examples as doctest does, and compare what they print.

Shared by ``tools/record_doc_examples.py`` (records the outputs under real MindSpore 2.10) and
``tests/test_doc_examples.py`` (replays them under mindshim). Needs only numpy: the caller resets the
framework's state (:func:`reset_mindshim` for mindshim) before each example.

Goldens live in ``tests/goldens/doc_examples/<group>.json``: ``{"mindspore": version, "examples": [...]}``,
each example ``{id, group, name, aliases, statements: [source, ...]}`` plus either ``outputs`` (what each
statement printed) or ``skip`` (why it is not replayed).
"""
import contextlib
import io
import json
import linecache
import math
import os
import random
import re
import signal
import sys
import tempfile
import time
import types
import warnings

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GOLDENS = os.path.join(ROOT, "tests", "goldens", "doc_examples")
KNOWN_FAILURES = os.path.join(ROOT, "tests", "doc_examples_known_failures.json")
GROUPS = ["mindspore", "Tensor", "nn", "ops", "ops.primitive", "mint", "mint.nn", "mint.nn.functional", "amp",
          "train", "dataset", "communication", "numpy", "experimental"]
MODULE_NAME = "__doc_example__"


def load_goldens():
    """All recorded examples, in group order."""
    examples = []
    for group in GROUPS:
        path = os.path.join(GOLDENS, f"{group}.json")
        if os.path.exists(path):
            with open(path) as f:
                examples += json.load(f)["examples"]
    return examples


def load_known_failures():
    if not os.path.exists(KNOWN_FAILURES):
        return {}
    with open(KNOWN_FAILURES) as f:
        return json.load(f)


# --- running -------------------------------------------------------------------------------------------------

class ExampleTimeout(Exception):
    pass


class _FdCapture:
    """Captures file descriptor 1 (also what C/C++ code prints), for the recorder."""

    def __enter__(self):
        sys.stdout.flush()
        self._file = tempfile.TemporaryFile()
        self._saved = os.dup(1)
        os.dup2(self._file.fileno(), 1)
        return self

    def __exit__(self, *exc):
        sys.stdout.flush()
        _libc_flush()
        os.dup2(self._saved, 1)
        os.close(self._saved)
        self._file.seek(0)
        self.text = self._file.read().decode("utf-8", "replace")
        self._file.close()


def _libc_flush():
    try:
        import ctypes
        ctypes.CDLL(None).fflush(None)
    except (OSError, AttributeError):
        pass


class _PyCapture:
    """Captures ``sys.stdout`` (in-process replay: mindshim prints only from Python)."""

    def __enter__(self):
        self._buf = io.StringIO()
        self._redirect = contextlib.redirect_stdout(self._buf)
        self._redirect.__enter__()
        return self

    def __exit__(self, *exc):
        self._redirect.__exit__(*exc)
        self.text = self._buf.getvalue()


def _on_alarm(signum, frame):
    raise ExampleTimeout()


def run_example(example, capture="python", timeout=None, setup=None, after=None):
    """Run an example's statements in a fresh namespace, in a fresh temporary working directory (printed as
    ``<cwd>``).

    Each statement is compiled in ``"single"`` mode, as doctest does (a bare expression prints its repr). The
    example's source is written to ``doc_example.py`` there and the namespace is a module of that file in
    ``sys.modules``, so ``inspect.getsource`` finds the functions and classes it defines, as MindSpore's graph
    compiler needs. The namespace starts with the imports the docstrings assume (:func:`prelude`).
    ``setup`` (the framework's state reset) runs first, in that directory; ``after`` (e.g. a device synchronize)
    runs after the last statement, so an asynchronous error is charged to this example.

    Returns ``{"outputs": [str per statement run], "error": None or {"statement": k, "type", "message"},
    "seconds": float}``; a statement that raised still has its partial output in ``outputs``.
    """
    filename, module = None, types.ModuleType(MODULE_NAME)
    outputs, error, old_handler = [], None, None
    cwd = os.getcwd()
    tmp = tempfile.TemporaryDirectory(prefix="docex-")
    cap_cls = _FdCapture if capture == "fd" else _PyCapture
    start = time.perf_counter()
    try:
        os.chdir(tmp.name)
        if setup is not None:
            setup()
        filename = module.__file__ = os.path.join(tmp.name, "doc_example.py")
        head = prelude(example)
        offsets, line = [], head.count("\n")
        for src in example["statements"]:
            offsets.append(line)
            line += src.count("\n") + 1
        with open(filename, "w") as f:
            f.write(head + "".join(src + "\n" for src in example["statements"]))
        linecache.checkcache(filename)
        sys.modules[MODULE_NAME] = module
        exec(compile(head, filename, "exec"), module.__dict__)  # noqa: S102 - a failure here is the harness's
        if timeout:
            old_handler = signal.signal(signal.SIGALRM, _on_alarm)
            signal.alarm(math.ceil(timeout))
        for k, (src, offset) in enumerate(zip(example["statements"], offsets)):
            cap = cap_cls()
            try:
                with cap, warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    code = compile("\n" * offset + src + "\n", filename, "single")
                    exec(code, module.__dict__)  # noqa: S102 - running the documented example is the point
            except BaseException as e:  # the error is the result
                outputs.append(cap.text)
                if isinstance(e, (KeyboardInterrupt, SystemExit)) and not isinstance(e, ExampleTimeout):
                    raise
                error = _error(k, e)
                break
            outputs.append(cap.text)
        outputs = [o.replace(os.path.realpath(tmp.name), "<cwd>").replace(tmp.name, "<cwd>") for o in outputs]
        if error is None and after is not None:
            try:
                after()
            except Exception as e:  # noqa: BLE001 - charged to the example
                error = _error(len(outputs) - 1, e)
    finally:
        if old_handler is not None:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, old_handler)
        seconds = time.perf_counter() - start
        os.chdir(cwd)
        tmp.cleanup()
        if filename:
            linecache.checkcache(filename)
        sys.modules.pop(MODULE_NAME, None)
    return {"outputs": outputs, "error": error, "seconds": seconds}


# MindSpore's docstrings use ``LeNet5`` without defining it (they point to the LeNet-5 of MindSpore's tutorials):
# examples that do get this one, the classic LeNet-5 for 1x32x32 inputs.
LENET5 = """
class LeNet5(mindspore.nn.Cell):
    def __init__(self, num_class=10, num_channel=1, include_top=True):
        super().__init__()
        self.conv1 = mindspore.nn.Conv2d(num_channel, 6, 5, pad_mode="valid")
        self.conv2 = mindspore.nn.Conv2d(6, 16, 5, pad_mode="valid")
        self.relu = mindspore.nn.ReLU()
        self.max_pool2d = mindspore.nn.MaxPool2d(kernel_size=2, stride=2)
        self.include_top = include_top
        if self.include_top:
            self.flatten = mindspore.nn.Flatten()
            self.fc1 = mindspore.nn.Dense(16 * 5 * 5, 120)
            self.fc2 = mindspore.nn.Dense(120, 84)
            self.fc3 = mindspore.nn.Dense(84, num_class)

    def construct(self, x):
        x = self.max_pool2d(self.relu(self.conv1(x)))
        x = self.max_pool2d(self.relu(self.conv2(x)))
        if not self.include_top:
            return x
        x = self.flatten(x)
        x = self.relu(self.fc1(x))
        x = self.relu(self.fc2(x))
        return self.fc3(x)
"""


# The names MindSpore's docstrings use without importing them (as their doctest setup provides them).
IMPORTS = """import numpy as np
import mindspore
import mindspore as ms
from mindspore import Parameter, ParameterTuple, Tensor, context, nn, ops
from mindspore.common import dtype as mstype
"""


def prelude(example):
    """What runs before an example's own statements: :data:`IMPORTS` and, where it uses ``LeNet5`` without
    defining it, :data:`LENET5`."""
    text = "\n".join(example["statements"])
    code = IMPORTS  # ends with a newline, as the statements after it
    if re.search(r"\bLeNet5\b", text) and not re.search(r"\bclass LeNet5\b", text):
        code += LENET5
    return code


def _error(k, e):
    if isinstance(e, ExampleTimeout):
        return {"statement": k, "type": "Timeout", "message": "the example ran past its time limit"}
    # MindSpore's long messages open with rulers, headings ("- Kernel select failed:") and pointers ("Refer to
    # 'Dataset Pipeline Error Message'") and end with a C++ call stack: keep the first line that says something.
    lines = []
    for ln in str(e).split("\n"):
        ln = ln.strip()
        if "C++ Call Stack" in ln:
            break
        if re.search(r"[A-Za-z0-9]", ln) and not re.fullmatch(r"-+|- .*:|.*Refer to 'Dataset Pipeline Error Message'.*",
                                                                ln):
            lines.append(ln)
    message = lines[0] if lines else str(e).strip()
    message = re.sub(r" \(/[^()]*\)$", "", message)  # ImportError's "(/path/to/module.py)": machine-specific
    error = {"statement": k, "type": type(e).__name__, "message": message[:300]}
    api = missing_api(e)
    if api:
        error["missing"] = api
    return error


_SHIM = re.compile(r"\bmindshim\b")
_NOT_SUPPORTED = re.compile(r"^(mindspore[\w.]*) is not supported by mindshim yet")
_CANNOT_IMPORT = re.compile(r"^cannot import name '(\w+)' from '(mindshim|mindspore)([\w.]*)'")
_KEYWORD = re.compile(r"^([\w.<>]+)\(\) got an unexpected keyword argument '(\w+)'")  # mindshim lacks it


def missing_api(e):
    """The MindSpore API whose absence in mindshim raised ``e`` (``"mindspore.tensor"``, ``"Tensor.sort"``,
    ``"nn.Cell.register_buffer"``, ``"mindspore.ops.sum(dim=)"``), or None if ``e`` is not about one."""
    message = str(e).split("\n")[0]
    hit = _NOT_SUPPORTED.match(message)
    if hit:
        return hit.group(1)
    if isinstance(e, ModuleNotFoundError) and (e.name or "").startswith(("mindspore", "mindshim")):
        return _SHIM.sub("mindspore", e.name)
    hit = _CANNOT_IMPORT.match(message)
    if hit:
        return f"mindspore{hit.group(3)}.{hit.group(1)}"
    if isinstance(e, AttributeError) and getattr(e, "obj", None) is not None:
        obj = e.obj
        if isinstance(obj, types.ModuleType):
            return _SHIM.sub("mindspore", f"{obj.__name__}.{e.name}") if obj.__name__.startswith("mindshim") else None
        owner = _framework_class(obj if isinstance(obj, type) else type(obj))
        return f"{owner}.{e.name}" if owner else None
    hit = _KEYWORD.match(message)
    if hit:
        return f"{hit.group(1)}({hit.group(2)}=)" if "<" not in hit.group(1) else f"keyword argument {hit.group(2)}="
    hit = re.match(r"(mindspore[\w.]*)", message)
    if isinstance(e, NotImplementedError) and hit:
        return hit.group(1)
    return None


def _framework_class(cls):
    """``"nn.Cell"``, ``"Tensor"``: the first mindshim class ``cls`` is or derives from, by its public name."""
    for base in cls.__mro__:
        module = re.sub(r"^mindspore\b", "mindshim", getattr(base, "__module__", "") or "")  # install()'s names
        if module.startswith("mindshim"):
            for public in ("mindshim", "mindshim.nn", "mindshim.ops", "mindshim.train", "mindshim.dataset",
                           "mindshim.amp", "mindshim.experimental.optim", "mindshim.communication"):
                mod = sys.modules.get(public)
                if mod is not None and getattr(mod, base.__name__, None) is base:
                    return (public[len("mindshim."):] + "." if public != "mindshim" else "") + base.__name__
            return _SHIM.sub("mindspore", f"{module}.{base.__name__}")
    return None



# --- comparing -----------------------------------------------------------------------------------------------

_NUMBER = re.compile(r"(?<![\w.])[-+]?(?:\d+\.\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?|\d+(?:[eE][-+]?\d+)?"
                     r"|nan|inf)(?![\w.])")
_TOKEN = re.compile(r"\s+|" + _NUMBER.pattern + r"|[\[\](){}]|[^\s\[\](){}]+?(?=\s|[\[\](){}]|" + _NUMBER.pattern
                    + r"|$)", re.DOTALL)
_ADDRESS = re.compile(r"0x[0-9a-fA-F]{6,}")

RTOL, ATOL = 1e-4, 1e-6
RTOL_HALF, ATOL_HALF = 1e-2, 1e-3


def loose(example):
    """float16/bfloat16 examples compare with the looser tolerance."""
    text = "\n".join(example["statements"]).lower()
    return "float16" in text or "bfloat16" in text or ".half(" in text


def normalize(text):
    """Object addresses differ run to run: they are not compared."""
    return _ADDRESS.sub("0x?", text)


def _tokens(text):
    """``[(kind, text, block)]``: kind is "ws", "num" or "word"; a block is a top-level bracketed region (or a
    lone number), where numpy aligns values to a common width."""
    out, depth, block, nblocks = [], 0, None, 0
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        tok = m.group(0) if m and m.end() > pos else text[pos]
        pos += len(tok)
        if tok.isspace():
            out.append(("ws", tok, block if depth else None))
            continue
        if _NUMBER.fullmatch(tok):
            if depth:
                out.append(("num", tok, block))
            else:
                nblocks += 1
                out.append(("num", tok, nblocks))
            continue
        if tok in "([{":
            if depth == 0:
                nblocks += 1
                block = nblocks
            depth += 1
        elif tok in ")]}" and depth:
            depth -= 1
        out.append(("word", tok, block if (depth or tok in ")]}") else None))
        if depth == 0 and tok in ")]}":
            block = None
    return out


def _is_int(tok):
    return re.fullmatch(r"[-+]?\d+", tok) is not None


def _num_equal(a, b):
    x, y = float(a), float(b)
    if math.isnan(x) or math.isnan(y):
        return math.isnan(x) and math.isnan(y)
    return x == y and math.copysign(1, x) == math.copysign(1, y)


def _num_close(a, b, rtol, atol):
    x, y = float(a), float(b)
    if math.isnan(x) or math.isnan(y) or math.isinf(x) or math.isinf(y):
        return _num_equal(a, b) or (x == y)
    return abs(x - y) <= atol + rtol * abs(x)


def compare(expected, got, is_loose=False):
    """``None`` if ``got`` prints the same as ``expected``, else ``(kind, reason)`` with kind "values" or "format".

    Words and brackets must match exactly; integers exactly; floats within rtol 1e-4 and atol 1e-6 times the
    largest magnitude in their block (at least 1), as float32 rounds relative to the array's large values (1e-2
    and 1e-3 for float16 examples). A block (a top-level bracketed region, or a lone number) whose numbers all print
    identically must also match character for character, whitespace included. In a block holding a number that
    differs within tolerance, whitespace and the float's digits may differ, since numpy then pads or formats the
    whole array differently; a float printed where an integer was (or the reverse) is still a difference.
    """
    expected, got = normalize(expected), normalize(got)
    if expected == got:
        return None
    rtol, atol = (RTOL_HALF, ATOL_HALF) if is_loose else (RTOL, ATOL)
    a, b = _tokens(expected), _tokens(got)
    a_solid = [t for t in a if t[0] != "ws"]
    b_solid = [t for t in b if t[0] != "ws"]
    scale = {}  # block -> its largest finite magnitude: float32 rounding is relative to it
    for kind, text, block in a_solid:
        if kind == "num" and not _is_int(text) and math.isfinite(float(text)):
            scale[block] = max(scale.get(block, 1.0), abs(float(text)))
    dirty_a, dirty_b = set(), set()
    for (ka, ta, ba), (kb, tb, bb) in zip(a_solid, b_solid):
        if ka != kb or (ka == "word" and ta != tb):
            return "format", f"printed {tb!r} where MindSpore printed {ta!r}"
        if ka == "num":
            if _is_int(ta) != _is_int(tb):
                return "format", f"printed {tb!r} where MindSpore printed {ta!r}"
            if _is_int(ta):
                if int(ta) != int(tb):
                    return "values", f"printed {tb} where MindSpore printed {ta}"
            elif not _num_close(ta, tb, rtol, atol * scale.get(ba, 1.0)):
                return "values", f"printed {tb} where MindSpore printed {ta}"
            elif not _num_equal(ta, tb):
                dirty_a.add(ba)
                dirty_b.add(bb)
    if len(a_solid) != len(b_solid):
        longer = a_solid if len(a_solid) > len(b_solid) else b_solid
        extra = " ".join(t[1] for t in longer[min(len(a_solid), len(b_solid)):][:8])
        who = "MindSpore also printed" if len(a_solid) > len(b_solid) else "mindshim also printed"
        return "format", f"{who} {extra!r}"
    # Same tokens, numbers close: the rest must match exactly outside the blocks with tolerated differences.
    kept_a = [t[1] for t in a if not _free(t, dirty_a)]
    kept_b = [t[1] for t in b if not _free(t, dirty_b)]
    if kept_a != kept_b:
        return "format", "whitespace differs: " + _first_diff(expected, got)
    return None


def _free(tok, dirty):
    """Whitespace and numbers in a block with a tolerated difference are not compared as text."""
    kind, _, block = tok
    return block in dirty and kind in ("ws", "num")


def _first_diff(a, b):
    i = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return f"at char {i}: MindSpore {a[max(0, i - 20):i + 20]!r}, mindshim {b[max(0, i - 20):i + 20]!r}"


def check(example, result):
    """``None`` if a replay ``result`` matches the recorded ``example``, else ``(kind, reason)``: kind is
    "missing" (a statement raised for want of a MindSpore API: the reason starts with its name), "error"
    (another error), "values" or "format"."""
    expected = example["outputs"]
    for k, want in enumerate(expected):
        if k >= len(result["outputs"]):
            break
        diff = compare(want, result["outputs"][k], loose(example))
        if diff is not None:
            if result["error"] is not None and result["error"]["statement"] == k:
                break  # the error explains it
            kind, reason = diff
            return kind, f"statement {k + 1} `{_short(example['statements'][k])}`: {reason}"
    if result["error"] is not None:
        err = result["error"]
        src = example["statements"][err["statement"]]
        raised = f"statement {err['statement'] + 1} `{_short(src)}` raised {err['type']}: {err['message']}"
        if "missing" in err:
            return "missing", f"{err['missing']}: {raised}"
        return "error", raised
    return None


def _short(src, n=60):
    line = src.strip().split("\n")[0]
    return line if len(line) <= n else line[:n - 3] + "..."


# --- mindshim state ------------------------------------------------------------------------------------------
def reset_mindshim():
    """Put mindshim's process state back as a fresh import in the current directory left it (``_state.reset``:
    context, device, seed, printing, parallel context, dataset config), with the repr style 2.10 (the goldens are
    2.10's prints) and the directory ``ModelCheckpoint`` saves to by default (the working directory at import, as in
    MindSpore); Python's and numpy's seeds and settings as the recorder sets them."""
    import mindshim
    from mindshim import _state
    from mindshim.train.callback import _checkpoint
    _state.reset()
    mindshim.set_repr_style("2.10")
    _checkpoint._cur_dir = os.getcwd()
    reset_python()


_PYTHON = {}


def reset_python():
    """What the recorder and the replay both do before every example: environment variables and numpy's print
    options back as they were at the first call, and Python's and numpy's seeds at 0, so that an example's
    numpy-made inputs (``np.random.randn``) are the same in both."""
    if not _PYTHON:
        _PYTHON.update(environ=dict(os.environ), printoptions=np.get_printoptions())
    if os.environ != _PYTHON["environ"]:
        os.environ.clear()
        os.environ.update(_PYTHON["environ"])
    np.set_printoptions(**_PYTHON["printoptions"])
    random.seed(0)
    np.random.seed(0)


REPLAY_TIMEOUT = 120


def replay(example):
    """Replay a recorded example under mindshim (``import mindspore`` gives mindshim): ``None`` if it prints what
    MindSpore printed, else ``(kind, reason)`` (see :func:`check`)."""
    import mindshim
    mindshim.install()
    return check(example, run_example(example, timeout=REPLAY_TIMEOUT, setup=reset_mindshim))
