"""Collect the ``Examples:`` blocks of MindSpore 2.10's public docstrings as doctest-style code.

Run where real MindSpore 2.10 is installed (``pip install mindspore==2.10.0 'numpy<2'``):

    python tools/extract_doc_examples.py [--list | --stats]

Walks the public API (see ``MODULES``): each module's exported functions and classes, the public methods of the
exported classes, ``mindspore.Tensor`` and ``mindspore.Parameter``. An object exported under several names is
recorded once, under its first name in ``MODULES`` order (``mindspore.ops`` before ``mindspore.mint``, a submodule
before the top level), with the other names as ``aliases``. Each ``Examples:`` section becomes one example (a second
section in the same docstring gets the id suffix ``#2``); its statements are the ``>>>`` lines with their ``...``
continuations. ``tools/record_doc_examples.py`` imports :func:`extract` to run them.
"""
import doctest
import importlib
import inspect
import re
import sys
import types

# (module, group, id prefix, how its names are listed): "all" = ``__all__``, "dir" = public attributes defined
# under the module's package (for modules without ``__all__``). Order = preference for an object's canonical name.
MODULES = [
    ("mindspore.ops", None, "ops", "all"),  # group: "ops" for functions, "ops.primitive" for classes
    ("mindspore.ops.operations", "ops.primitive", "ops.operations", "all"),
    ("mindspore.nn", "nn", "nn", "all"),
    ("mindspore.mint.nn.functional", "mint.nn.functional", "mint.nn.functional", "all"),
    ("mindspore.mint.nn", "mint.nn", "mint.nn", "all"),
    ("mindspore.mint.optim", "mint", "mint.optim", "all"),
    ("mindspore.mint.linalg", "mint", "mint.linalg", "all"),
    ("mindspore.mint.special", "mint", "mint.special", "all"),
    ("mindspore.mint", "mint", "mint", "all"),
    ("mindspore.amp", "amp", "amp", "all"),
    ("mindspore.train.callback", "train", "train", "all"),
    ("mindspore.train.metrics", "train", "train", "all"),
    ("mindspore.train", "train", "train", "all"),
    ("mindspore.dataset.transforms", "dataset", "dataset.transforms", "dir"),
    ("mindspore.dataset.vision", "dataset", "dataset.vision", "dir"),
    ("mindspore.dataset.text", "dataset", "dataset.text", "dir"),
    ("mindspore.dataset", "dataset", "dataset", "all"),
    ("mindspore.communication", "communication", "communication", "all"),
    ("mindspore.numpy", "numpy", "numpy", "all"),
    ("mindspore.experimental.optim.lr_scheduler", "experimental", "experimental.optim.lr_scheduler", "all"),
    ("mindspore.experimental.optim", "experimental", "experimental.optim", "all"),
    ("mindspore", "mindspore", "mindspore", "all"),
]
GROUPS = ["mindspore", "Tensor", "nn", "ops", "ops.primitive", "mint", "mint.nn", "mint.nn.functional", "amp",
          "train", "dataset", "communication", "numpy", "experimental"]

_HEADER = re.compile(r"^([ \t]*)Examples?:?[ \t]*$")
_SECTION = re.compile(r"^[ \t]*[A-Z][A-Za-z ]*:[ \t]*$")
_PARSER = doctest.DocTestParser()


def example_sections(doc):
    """The text of each ``Examples:`` section of a docstring: its lines indented deeper than the header (or, where
    the ``>>>`` lines sit at the header's own indent, up to the next section header)."""
    lines = inspect.cleandoc(doc).splitlines()
    sections, i = [], 0
    while i < len(lines):
        m = _HEADER.match(lines[i])
        if not m:
            i += 1
            continue
        indent, body = len(m.group(1).expandtabs()), []
        i += 1
        flush = next((len(ln) - len(ln.lstrip()) <= indent for ln in lines[i:] if ln.strip()), False)
        while i < len(lines):
            line = lines[i]
            outdented = line.strip() and len(line) - len(line.lstrip()) <= indent
            if outdented and (_SECTION.match(line) if flush else not line.lstrip().startswith(">>>")):
                break
            body.append(line)
            i += 1
        sections.append("\n".join(body))
    return sections


def statements(section):
    """``[(source, want)]`` of a section's doctest examples; ``None`` if it is not valid doctest text.

    A decorator on a ``>>>`` line of its own (a slip in some docstrings, which doctest would reject) is joined
    to the statement it decorates."""
    try:
        examples = _PARSER.get_examples(inspect.cleandoc("\n" + section) if section.strip() else "")
    except ValueError:
        return None
    out, pending = [], []
    for e in examples:
        source = e.source.rstrip("\n")
        if all(line.startswith("@") for line in source.splitlines()) and not e.want:
            pending.append(source)
            continue
        out.append(("\n".join(pending + [source]), e.want))
        pending = []
    return out + [(p, "") for p in pending]


def _names(modname, how):
    module = importlib.import_module(modname)
    if how == "all":
        names = [n for n in getattr(module, "__all__", []) if n.isidentifier()]
    else:
        names = [n for n in dir(module) if not n.startswith("_")]
    out = []
    for name in dict.fromkeys(names):
        try:
            obj = getattr(module, name)
        except Exception:  # noqa: BLE001 - a lazily failing export is not documented API we can run
            continue
        if isinstance(obj, types.ModuleType):
            continue
        if how == "dir" and not (getattr(obj, "__module__", "") or "").startswith(modname.rsplit(".", 1)[0]):
            continue
        if not (inspect.isclass(obj) or callable(obj)):
            continue
        out.append((name, obj))
    return out


def _group(modname, group, obj):
    if group is None:
        return "ops.primitive" if inspect.isclass(obj) else "ops"
    return group


def _methods(cls):
    """``[(name, function, owner class)]``: public methods and properties of ``cls`` defined in MindSpore."""
    out = []
    for name in sorted(dir(cls)):
        if name.startswith("_"):
            continue
        for owner in cls.__mro__:
            if name in owner.__dict__:
                break
        else:
            continue
        if not (getattr(owner, "__module__", "") or "").startswith("mindspore"):
            continue
        attr = owner.__dict__[name]
        func = attr.fget if isinstance(attr, property) else getattr(attr, "__func__", attr)
        if callable(func) or isinstance(attr, property):
            out.append((name, func, owner))
    return out


def objects():
    """``[{id, group, aliases, obj}]``: every public documented object once, canonical name first."""
    seen = {}  # id(obj) -> entry
    entries = []

    def add(key_obj, ident, group, alias):
        entry = seen.get(id(key_obj))
        if entry is not None:
            if alias not in entry["aliases"] and alias != entry["name"]:
                entry["aliases"].append(alias)
            return None
        entry = {"id": ident, "group": group, "name": alias, "aliases": [], "obj": key_obj}
        seen[id(key_obj)] = entry
        entries.append(entry)
        return entry

    import mindspore
    classes = []
    for cls, prefix, group in ((mindspore.Tensor, "Tensor", "Tensor"), (mindspore.Parameter, "Parameter", "mindspore")):
        add(cls, prefix, group, f"mindspore.{prefix}")
        for name, func, owner in _methods(cls):
            add(func, f"{prefix}.{name}", group, f"mindspore.{owner.__name__}.{name}")
    for modname, group, prefix, how in MODULES:
        for name, obj in _names(modname, how):
            ident = f"{prefix}.{name}"
            entry = add(obj, ident, _group(modname, group, obj), f"{modname}.{name}")
            if entry is not None and inspect.isclass(obj):
                classes.append((obj, ident, entry["group"], f"{modname}.{name}"))
    for cls, ident, group, alias in classes:
        module = importlib.import_module(alias.rsplit(".", 1)[0])
        for name, func, owner in _methods(cls):
            # An inherited method is recorded once: under its own class where the module exposes that class
            # (``dataset.Dataset.batch``), else under the first exported class that has it.
            if owner is not cls and getattr(module, owner.__name__, None) is owner:
                base = f"{ident.rsplit('.', 1)[0]}.{owner.__name__}"
                add(func, f"{base}.{name}", group, f"{alias.rsplit('.', 1)[0]}.{owner.__name__}.{name}")
            else:
                add(func, f"{ident}.{name}", group, f"{alias}.{name}")
    return entries


def extract():
    """``[{id, group, name, aliases, statements: [[source, want], ...]}]`` in a stable order, and a list of
    ``(id, problem)`` for sections that are not valid doctest text."""
    examples, problems = [], []
    by_doc = {}  # docstring -> entry: objects documented by one text (e.g. Primitive instances such as
    # ``ops.J``, which show the ``Primitive`` class's docstring) are one example, the others its aliases
    for entry in objects():
        doc = getattr(entry["obj"], "__doc__", None)
        if not isinstance(doc, str) or ">>>" not in doc:
            continue
        first = by_doc.setdefault(doc, entry)
        if first is not entry:
            first["aliases"] += [entry["name"]] + entry["aliases"]
            continue
        sections = [s for s in example_sections(doc) if ">>>" in s]
        for k, section in enumerate(sections, 1):
            ident = entry["id"] + (f"#{k}" if k > 1 else "")
            stmts = statements(section)
            if stmts is None:
                problems.append((ident, "not valid doctest text"))
                continue
            examples.append({"id": ident, "group": entry["group"], "name": entry["name"],
                             "aliases": entry["aliases"], "statements": [list(s) for s in stmts]})
    for e in examples:
        e["aliases"] = sorted(set(e["aliases"]))
    return examples, problems


def main(argv):
    examples, problems = extract()
    if "--list" in argv:
        for e in examples:
            print(e["id"], e["group"], len(e["statements"]))
    counts = {}
    for e in examples:
        counts[e["group"]] = counts.get(e["group"], 0) + 1
    for group in GROUPS:
        print(f"{group:20s} {counts.get(group, 0)}")
    print(f"{'total':20s} {len(examples)}")
    for ident, problem in problems:
        print(f"skipped {ident}: {problem}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
