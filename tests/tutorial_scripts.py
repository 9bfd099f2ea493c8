"""MindSpore's tutorials as scripts (``tests/tutorials/<name>.py``), recorded under real MindSpore 2.10 by
``tools/record_tutorials.py`` and replayed under mindshim by ``tests/test_tutorials.py``.

A script runs as ``doc_examples.run_example`` runs a docstring example: its top-level statements one after
another in one namespace (a bare expression prints its repr, as in the tutorials' notebooks), in a fresh
temporary working directory. The goldens (``tests/goldens/tutorials.json``) hold, per script, what each statement
printed, ``None`` where the output is random (it changed when MindSpore's seeds moved); where MindSpore stopped
with an error, only the statements before it (``stopped``: why); or ``skip`` with the reason it is not replayed.
"""
import ast
import json
import os
import textwrap

import doc_examples

ROOT = doc_examples.ROOT
SCRIPTS = os.path.join(ROOT, "tests", "tutorials")
GOLDENS = os.path.join(ROOT, "tests", "goldens", "tutorials.json")
KNOWN_FAILURES = os.path.join(ROOT, "tests", "tutorials_known_failures.json")


def names():
    return sorted(f[:-3] for f in os.listdir(SCRIPTS) if f.endswith(".py") and not f.startswith("_"))


def load(name):
    """The script ``name`` as an example for ``doc_examples.run_example``: ``{id, statements}``, its top-level
    statements, those of an ``if __name__ == "__main__":`` block among them (the script runs as the main
    module)."""
    with open(os.path.join(SCRIPTS, name + ".py")) as f:
        source = f.read()
    return {"id": name, "statements": _statements(source.splitlines(), ast.parse(source).body)}


def _statements(lines, body):
    statements = []
    for node in body:
        if isinstance(node, ast.If) and ast.unparse(node.test) in ("__name__ == '__main__'", "'__main__' == __name__"):
            statements += _statements(lines, node.body)
            continue
        first = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
        statements.append(textwrap.dedent("\n".join(lines[first - 1:node.end_lineno])))
    return statements


def load_goldens():
    if not os.path.exists(GOLDENS):
        return {}
    with open(GOLDENS) as f:
        return {s["id"]: s for s in json.load(f)["scripts"]}


def load_known_failures():
    if not os.path.exists(KNOWN_FAILURES):
        return {}
    with open(KNOWN_FAILURES) as f:
        return json.load(f)


def check(golden, result):
    """``None`` if a replay ``result`` prints what MindSpore printed (statements with random output only have to
    run) and raises nothing, else ``(kind, reason)`` as ``doc_examples.check``."""
    statements = golden["statements"]
    for k, want in enumerate(golden["outputs"]):
        if k >= len(result["outputs"]):
            break
        diff = None if want is None else doc_examples.compare(want, result["outputs"][k])
        if diff is not None and not (result["error"] and result["error"]["statement"] == k):
            return diff[0], f"statement {k + 1} `{doc_examples._short(statements[k])}`: {diff[1]}"
    got = result["error"]
    if got is not None:
        raised = f"statement {got['statement'] + 1} `{doc_examples._short(statements[got['statement']])}` raised " \
                 f"{got['type']}: {got['message']}"
        return ("missing", f"{got['missing']}: {raised}") if "missing" in got else ("error", raised)
    return None
