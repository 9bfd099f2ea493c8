"""Make ``import mindspore`` (and every ``mindspore.xxx``) resolve to mindshim."""
import importlib
import importlib.abc
import importlib.util
import runpy
import sys


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
        return importlib.import_module("mindshim" + spec.name[len("mindspore"):])

    def exec_module(self, module):
        pass


_finder = _Alias()


def install():
    """From now on, ``import mindspore`` in this process (script or notebook) imports mindshim."""
    if _finder not in sys.meta_path:
        sys.meta_path.insert(0, _finder)
    for name in [n for n in sys.modules if n == "mindspore" or n.startswith("mindspore.")]:
        if not getattr(sys.modules[name], "__name__", "").startswith("mindshim"):
            del sys.modules[name]


def run(script, args=()):
    """Run a MindSpore script file unchanged, with ``mindspore`` resolving to mindshim."""
    install()
    sys.argv = [script, *args]
    runpy.run_path(script, run_name="__main__")


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    if len(argv) < 2 or argv[0] != "run":
        print("usage: mindshim run SCRIPT.py [args...]", file=sys.stderr)
        return 2
    run(argv[1], argv[2:])
    return 0
