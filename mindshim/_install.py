"""Make ``import mindspore`` (and every ``mindspore.xxx``) resolve to mindshim, and run scripts so.

``mindshim run SCRIPT [args...]`` (or ``python -m mindshim run ...``) runs a script as ``python SCRIPT [args...]``
does: ``sys.argv[0]`` is the script, its folder (symlinks resolved) comes first on ``sys.path`` instead of the
runner's, a script that cannot be opened is python's one-line error with exit status 2, and a traceback starts at
the script's frames. ``mindshim run -c CODE`` and ``mindshim run -m MODULE`` are python's ``-c`` and ``-m``.
Where it differs: an uncaught KeyboardInterrupt exits with status 130 rather than by SIGINT.
"""
import importlib
import importlib.abc
import importlib.util
import os
import runpy
import sys
import types
import zipfile


class _Alias(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Finds ``mindspore[.x.y]`` and hands out the module ``mindshim[.x.y]``."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname != "mindspore" and not fullname.startswith("mindspore."):
            return None
        target_name = "mindshim" + fullname[len("mindspore"):]
        if importlib.util.find_spec(target_name) is None:
            raise ModuleNotFoundError(f"No module named '{fullname}': {fullname} is not supported by mindshim yet.",
                                      name=fullname)
        return importlib.util.spec_from_loader(fullname, self, is_package=True)

    def create_module(self, spec):
        module = importlib.import_module("mindshim" + spec.name[len("mindspore"):])
        _publish_class_paths()
        return module

    def exec_module(self, module):
        pass


_finder = _Alias()
_published = set()


def _publish_class_paths():
    """Name mindshim's classes by MindSpore's paths (``mindspore.common.tensor.Tensor``), as MindSpore prints
    ``type(x)``: once ``mindspore`` resolves to mindshim, those paths import (and unpickle) the same classes."""
    for name, module in list(sys.modules.items()):
        if name.startswith("mindshim") and name not in _published and module is not None:
            _published.add(name)
            for value in list(vars(module).values()):
                if isinstance(value, type) and value.__module__ == name:
                    value.__module__ = "mindspore" + name[len("mindshim"):]


def install():
    """From now on, ``import mindspore`` in this process (script or notebook) imports mindshim, and mindshim's
    classes report MindSpore's module paths."""
    if _finder not in sys.meta_path:
        sys.meta_path.insert(0, _finder)
    _publish_class_paths()
    for name in [n for n in sys.modules if n == "mindspore" or n.startswith("mindspore.")]:
        if not getattr(sys.modules[name], "__name__", "").startswith("mindshim"):
            del sys.modules[name]


def run(script, args=()):
    """Run a MindSpore script file (or a folder or zip file with a ``__main__.py``) unchanged, with ``mindspore``
    resolving to mindshim: ``sys.argv`` becomes ``[script, *args]`` and the script's folder goes first on
    ``sys.path``, as python does for ``python script args`` (not with ``-P``/``-I``)."""
    install()
    sys.argv = [script, *args]
    if os.path.isfile(script) and not zipfile.is_zipfile(script) and not _safe_path():  # runpy puts a folder or zip
        sys.path.insert(0, os.path.dirname(os.path.realpath(script)))
    runpy.run_path(script, run_name="__main__")


def _safe_path():
    """Whether python was told to put no script folder on ``sys.path`` (``-P``, ``-I``)."""
    return getattr(sys.flags, "safe_path", False) or sys.flags.isolated


def _run_code(code, args):
    """``python -c code args``: ``sys.argv[0]`` is ``'-c'``, the working folder (``''``) is first on ``sys.path``."""
    sys.argv = ["-c", *args]
    sys.path.insert(0, "")
    module = types.ModuleType("__main__")
    sys.modules["__main__"] = module
    exec(compile(code, "<string>", "exec"), module.__dict__)  # noqa: S102  (the user's own code, as python -c)


def _run_module(name, args):
    """``python -m name args``: the working folder is first on ``sys.path``; ``sys.argv[0]`` is the module's file."""
    sys.argv = [name, *args]
    sys.path.insert(0, os.getcwd())
    runpy.run_module(name, run_name="__main__", alter_sys=True)


def _user_frames(traceback):
    """``traceback`` without the runner's frames at its head (this module's and runpy's)."""
    while traceback is not None and traceback.tb_frame.f_globals.get("__name__") in ("runpy", __name__):
        traceback = traceback.tb_next
    return traceback


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    if len(argv) < 2 or argv[0] != "run" or (argv[1] in ("-c", "-m") and len(argv) < 3):
        print("usage: mindshim run (SCRIPT.py | -c CODE | -m MODULE) [args...]", file=sys.stderr)
        return 2
    if argv[1] in ("-c", "-m"):
        target = (_run_code if argv[1] == "-c" else _run_module), argv[2], argv[3:]
    else:
        script = argv[1]
        if not os.path.isdir(script):
            try:
                open(script, "rb").close()
            except OSError as e:
                print(f"mindshim: can't open file {os.path.abspath(script)!r}: [Errno {e.errno}] {e.strerror}",
                      file=sys.stderr)
                return 2
        target = run, script, argv[2:]
    install()
    if sys.path and not _safe_path():
        del sys.path[0]  # the runner's own entry (its folder, or the working folder for python -m mindshim)
    try:
        target[0](*target[1:])
    except SystemExit:
        raise
    except BaseException as e:  # noqa: BLE001  (printed as python prints an uncaught exception)
        traceback = _user_frames(e.__traceback__)
        sys.excepthook(type(e), e.with_traceback(traceback), traceback)
        return 130 if isinstance(e, KeyboardInterrupt) else 1
    return 0
