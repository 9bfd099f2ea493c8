"""The package's layers (docs/architecture.md): every import, at module level or inside a function, goes to the
importer's own layer or a lower one, and no modules, nor packages (``mindshim.nn``, ``mindshim.train``, ...), import
each other in a circle."""
import ast
import os

import pytest

ROOT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "mindshim")

# Lowest first. A module belongs to the layer of its longest listed prefix; "mindshim" (the package itself, the
# runner) is the top.
LAYERS = [
    ("leaf", ["mindshim._checkparam", "mindshim._state", "mindshim._unsupported", "mindshim._atomic",
              "mindshim._extends"]),
    ("core", ["mindshim.common", "mindshim._registry", "mindshim._device"]),
    ("table", ["mindshim._table"]),
    ("engine", ["mindshim._engine"]),
    ("public", ["mindshim.ops", "mindshim.nn", "mindshim.train", "mindshim.dataset", "mindshim.amp", "mindshim.context",
                "mindshim._api", "mindshim.communication", "mindshim.hal", "mindshim.runtime", "mindshim.mint",
                "mindshim.experimental", "mindshim.dtype", "mindshim.numpy", "mindshim.profiler",
                "mindshim.boost", "mindshim.log", "mindshim.device_context", "mindshim.parallel",
                "mindshim._c_expression", "mindshim.utils", "mindshim.graph", "mindshim.mindrecord"]),
    ("root", ["mindshim"]),
]


def layer_of(module):
    best, rank = "", None
    for i, (_, prefixes) in enumerate(LAYERS):
        for p in prefixes:
            if (module == p or module.startswith(p + ".")) and len(p) > len(best):
                best, rank = p, i
    return rank


def modules():
    """``{module name: path}`` of every module of the package."""
    found = {}
    for folder, _, files in os.walk(ROOT):
        for f in files:
            if f.endswith(".py"):
                path = os.path.join(folder, f)
                name = os.path.relpath(path, os.path.dirname(ROOT))[:-3].replace(os.sep, ".")
                found[name[:-len(".__init__")] if name.endswith(".__init__") else name] = path
    return found


def imports(name, source, known):
    """The package modules that ``source`` (module ``name``) imports anywhere in its code."""
    package = name.split(".") if known[name].endswith("__init__.py") else name.split(".")[:-1]
    out = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(package[:len(package) - node.level + 1] + [node.module or ""]).strip(".") if node.level \
                else node.module
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
        else:
            continue
        for t in targets:
            while t not in known and "." in t:
                t = t.rsplit(".", 1)[0]
            if t in known and t != name:
                out.add(t)
    return out


def graph():
    known = modules()
    return {name: imports(name, open(path).read(), known) for name, path in known.items()}


def upward(edges):
    return sorted((a, b) for a, targets in edges.items() for b in targets if layer_of(b) > layer_of(a))


def cycles(edges):
    """The strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on, found = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while not component or component[-1] != v:
                component.append(stack.pop())
                on.discard(component[-1])
            if len(component) > 1:
                found.append(sorted(component))
    for v in list(edges):
        if v not in index:
            visit(v)
    return found


def packages(edges):
    """The imports between packages: ``mindshim.nn.cell -> mindshim.train.model`` is ``mindshim.nn -> mindshim.train``
    (a module directly under ``mindshim`` is a package of its own)."""
    def package(module):
        return ".".join(module.split(".")[:2])
    found = {}
    for a, targets in edges.items():
        found.setdefault(package(a), set()).update(package(b) for b in targets if package(b) != package(a))
    return found


@pytest.fixture(scope="module")
def edges():
    return graph()


def test_every_module_has_a_layer(edges):
    assert [m for m in edges if layer_of(m) is None] == []


def test_imports_go_only_downward(edges):
    assert upward(edges) == []


def test_no_import_cycles(edges):
    assert cycles(edges) == []


def test_no_import_cycles_between_packages(edges):
    assert cycles(packages(edges)) == []


def test_the_checks_catch_an_upward_import_and_a_cycle():
    known = {"mindshim.common.tensor": "tensor.py", "mindshim.ops": "ops/__init__.py",
             "mindshim.ops.primitive": "ops/primitive.py"}
    inside_a_function = "def f():\n    from ..ops import primitive\n"
    found = {"mindshim.common.tensor": imports("mindshim.common.tensor", inside_a_function, known),
             "mindshim.ops.primitive": {"mindshim.ops"}, "mindshim.ops": {"mindshim.ops.primitive"}}
    assert found["mindshim.common.tensor"] == {"mindshim.ops.primitive"}
    assert upward(found) == [("mindshim.common.tensor", "mindshim.ops.primitive")]
    assert cycles(found) == [["mindshim.ops", "mindshim.ops.primitive"]]


def test_the_checks_catch_a_cycle_between_packages():
    found = {"mindshim.nn.metrics": {"mindshim.train.metrics"}, "mindshim.train.model": {"mindshim.nn.cell"},
             "mindshim.train.metrics": set(), "mindshim.nn.cell": set()}
    assert cycles(found) == []
    assert cycles(packages(found)) == [["mindshim.nn", "mindshim.train"]]
