"""Generate ``docs/coverage.md``: every MindSpore API mindshim supports, from the op table's rows (each with the
names it is reachable under) and the public modules, with the golden cases (recorded on real MindSpore 2.10) that
exercise it.

    python tools/coverage_table.py          # rewrite docs/coverage.md
    python tools/coverage_table.py --check  # fail if docs/coverage.md is out of date (the tests run this)
"""
import argparse
import inspect
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests"))
sys.path.insert(0, ROOT)

import golden_cases  # noqa: E402
import tutorial_scripts  # noqa: E402

sys.path.insert(0, os.path.join(ROOT, "tools"))
import record_st  # noqa: E402

import mindshim  # noqa: E402
from mindshim import (  # noqa: E402
    Tensor,  # noqa: E402
    _registry,
    nn,
    ops,
)

OUT = os.path.join(ROOT, "docs", "coverage.md")


def _case_sources():
    """``{case: source}`` for cases written as functions, and ``{module: source}`` for table-driven ones."""
    cases, modules = {}, {}
    for module in golden_cases.MODULES:
        modules[module] = inspect.getsource(__import__(f"golden_cases.{module}", fromlist=["_"]))
        for name, fn in golden_cases.cases(module).items():
            if fn.__name__ == f"case_{name}":  # defined as a function of its own (not made by a factory)
                cases[f"{module}::{name}"] = inspect.getsource(fn)
    return cases, modules


def _checked_by(sources, patterns):
    cases, modules = sources
    hits = [case for case, src in cases.items() if any(re.search(p, src) for p in patterns)]
    if not hits:  # named only in a module's tables of generated cases
        hits = [f"{m}.py (generated cases)" for m, src in modules.items() if any(re.search(p, src) for p in patterns)]
    if not hits:
        return ""
    more = f" (+{len(hits) - 2})" if len(hits) > 2 else ""
    return ", ".join(f"`{h}`" for h in hits[:2]) + more


def _views(row):
    """The names under which MindSpore code reaches a row."""
    names = [f"ops.{row.name}"] if row.primitive else []
    names += [f"ops.{n}" for n in row.functional] + [f"Tensor.{n}" for n in row.method] + list(row.operator)
    return ", ".join(f"`{n}`" for n in names) or f"(composite `{row.name}`)"


def op_rows(sources):
    """One line per op-table row: the names it is reachable under, and the golden cases that call it."""
    table = []
    for name, row in sorted(_registry.REGISTRY.items()):
        patterns = [rf"\b{name}\("] + [rf"\.{n}\(" for n in row.functional + row.method]
        table.append((name, _views(row), _checked_by(sources, patterns)))
    return table


def api_rows(sources):
    """The hand-written APIs: functional ops and Tensor methods that are not a row's plain view, and the public
    modules' classes and functions."""
    plain_functional = {n for row in _registry.REGISTRY.values() for n in row.functional}
    plain_methods = {n for row in _registry.REGISTRY.values() for n in row.method}
    table = []
    for name in sorted(set(ops.functional.__all__) - plain_functional):
        table.append(("ops (functional)", f"ops.{name}", _checked_by(sources, [rf"\.{name}\("])))
    for name in sorted(set(nn.__all__)):
        table.append(("nn", f"nn.{name}", _checked_by(sources, [rf"\b{name}\("])))
    methods = sorted(n for n, v in vars(Tensor).items() if not n.startswith("_") and callable(v))
    for name in sorted(set(methods) - plain_methods):
        table.append(("Tensor method", f"Tensor.{name}", _checked_by(sources, [rf"\.{name}\("])))
    for name in ("amp", "dataset", "train"):
        module = getattr(mindshim, name)
        for api in sorted(set(getattr(module, "__all__", []))):
            table.append((name, f"{name}.{api}", _checked_by(sources, [rf"\b{api}\b"])))
    return table


def tutorials_line():
    """How many of MindSpore's tutorial scripts (tests/tutorials) run under mindshim and print what MindSpore does."""
    goldens, known = tutorial_scripts.load_goldens(), tutorial_scripts.load_known_failures()
    replayed = [n for n, g in goldens.items() if "skip" not in g]
    passing = [n for n in replayed if n not in known]
    return (f"MindSpore's tutorials and guides: {len(passing)} of {len(replayed)} recorded scripts (tests/tutorials, "
            f"replayed by tests/test_tutorials.py) run under mindshim and print what MindSpore 2.10 prints"
            + (f"; {len(goldens) - len(replayed)} skipped (MindSpore cannot run them on CPU)" if len(goldens) >
               len(replayed) else "") + (f". Failing: {', '.join(sorted(known))}." if known else "."))


def st_lines():
    """How many of MindSpore's own system tests (CPU ones, tools/record_st.py) pass under mindshim, per area."""
    goldens, known = record_st.load_goldens(), record_st.load_known_failures()
    areas = {}
    for test, golden in goldens["tests"].items():
        counts = areas.setdefault(record_st.area(test.split("::")[0]), [0, 0, 0, 0])
        counts[0] += 1
        if golden["outcome"] == "passed":
            counts[1] += 1
            if golden["seconds"] <= record_st.SLOW:
                counts[2] += 1
                counts[3] += test not in known
    total = [sum(c[k] for c in areas.values()) for k in range(4)]
    lines = [f"MindSpore's system tests (its `tests/st`, the CPU ones, commit {goldens['commit'][:10]}: "
             f"{len(goldens['files'])} files, {sum(len(e['functions']) for e in goldens['files'].values())} test "
             f"functions sampled by `tools/record_st.py`'s rule from the {goldens['candidates']['functions']} that "
             f"qualify): {total[3]} of the {total[2]} test cases replayed (those passing under MindSpore 2.10 "
             f"within {record_st.SLOW} s) pass under mindshim ({100 * total[3] // max(total[2], 1)}%; "
             "tests/st_corpus/conftest.py replays them where the corpus is copied, see tests/test_st.py).", "",
             "| area (tests/st/...) | recorded | pass under MindSpore | replayed | pass under mindshim |",
             "| --- | --- | --- | --- | --- |"]
    return lines + [f"| {a} | {c[0]} | {c[1]} | {c[2]} | {c[3]} |" for a, c in sorted(areas.items())]


def render():
    sources = _case_sources()
    ops_table, apis = op_rows(sources), api_rows(sources)
    checked = sum(1 for *_, c in ops_table + apis if c)
    lines = ["# Supported MindSpore APIs", "",
             "Generated by `tools/coverage_table.py` from mindshim's op table and public modules. \"Checked by\" "
             "names golden cases (tests/golden_cases, replayed by tests/test_goldens.py against outputs recorded "
             "from real MindSpore 2.10) that call the API; APIs without one are covered by the unit tests under "
             "tests/ or only exercised indirectly.", "",
             f"{len(ops_table)} op-table rows and {len(apis)} other APIs, {checked} exercised by golden cases.", "",
             "How many of MindSpore 2.10's documented examples run under mindshim: "
             "[coverage_examples.md](coverage_examples.md).", "", tutorials_line(), "", *st_lines(), "",
             "Per family of mindcv's model zoo, whether it builds, gives MindSpore's logits and trains as under "
             "MindSpore: [coverage_mindcv.md](coverage_mindcv.md).", "",
             "## The op table", "",
             "Each row is one MindSpore primitive (or one composite that MindSpore builds from several), reachable "
             "under the names listed: its Primitive class, functional ops, Tensor methods and Python operators.", "",
             "| row | reachable as | checked by |", "| --- | --- | --- |"]
    lines += [f"| {name} | {views} | {c} |" for name, views, c in ops_table]
    lines += ["", "## Other APIs", "", "| module | API | checked by |", "| --- | --- | --- |"]
    lines += [f"| {m} | `{api}` | {c} |" for m, api, c in apis]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if docs/coverage.md is out of date")
    args = parser.parse_args()
    text = render()
    if args.check:
        with open(OUT) as f:
            sys.exit(0 if f.read() == text else "docs/coverage.md is out of date: run tools/coverage_table.py")
    with open(OUT, "w") as f:
        f.write(text)
    print(f"wrote {OUT}")
