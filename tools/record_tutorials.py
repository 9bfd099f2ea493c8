"""Record what MindSpore's tutorials (``tests/tutorials/<name>.py``) print under real MindSpore 2.10 (CPU).

    cd /tmp && /work/msvenv/bin/python /path/to/tools/record_tutorials.py [name ...]   # -> tests/goldens/tutorials.json
    python tools/record_tutorials.py --update-known-failures   # under mindshim's venv: replay, rewrite
                                                               # tests/tutorials_known_failures.json, docs/coverage.md

Each script runs as ``tools/record_doc_examples.py`` runs a docstring example (its worker processes, one
namespace, a fresh working directory), twice: the second time with MindSpore's seeds moved. A statement printing
something else the second time has random output: only that it runs is checked (``None`` in the goldens). Where
MindSpore stops with an error (its CPU build cannot run a step, or a tutorial's code fails on 2.10), the statements
before it are recorded (``stopped`` says why); a script that crashes, hangs or lacks files is skipped.
"""
import json
import os
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests"))
sys.path.insert(0, os.path.join(ROOT, "tools"))

import doc_examples  # noqa: E402
import record_doc_examples  # noqa: E402
import tutorial_scripts  # noqa: E402


def _entry(script, first, second):
    """The golden of one script; where MindSpore stopped with an error, of the statements before it."""
    entry, error = dict(script), first["error"]
    n = len(script["statements"])
    if error is not None:
        reason = record_doc_examples._mindspore_error_reason(script, error)
        if reason.split(":")[0] in ("crash", "slow", "undefined", "invalid", "files"):
            return dict(entry, skip=reason)
        n = error["statement"]
        entry["statements"], entry["stopped"] = script["statements"][:n], f"MindSpore 2.10 (CPU) raised {reason}"
    if second["error"] is not None and second["error"]["statement"] < n:
        return dict(entry, skip=f"random: a rerun with other seeds raised {second['error']}")
    entry["outputs"] = [a if doc_examples.compare(a, b) is None else None
                        for a, b in zip(first["outputs"][:n], second["outputs"][:n])]
    return entry


def record(names):
    import mindspore
    scripts = [tutorial_scripts.load(n) for n in names or tutorial_scripts.names()]
    with open(os.path.join(tempfile.gettempdir(), "record_tutorials.log"), "a") as log:  # workers' stderr
        first = record_doc_examples._run_all(scripts, False, log)
        second = record_doc_examples._run_all(scripts, True, log)
    entries = tutorial_scripts.load_goldens() if names else {}
    for s in scripts:
        entries[s["id"]] = _entry(s, first[s["id"]], second[s["id"]])
        e = entries[s["id"]]
        print(f"{s['id']}: " + (f"skip ({e['skip']})" if "skip" in e else
                                f"{sum(o is not None for o in e['outputs'])}/{len(e['outputs'])} outputs compared"
                                + (f"; {e['stopped']}" if "stopped" in e else "")), flush=True)
    with open(tutorial_scripts.GOLDENS, "w") as f:
        json.dump({"mindspore": mindspore.__version__, "scripts": [entries[k] for k in sorted(entries)]}, f,
                  indent=1, ensure_ascii=False)
        f.write("\n")


def replay(name):
    """Replay one recorded script under mindshim in this process: ``None`` or ``(kind, reason)``."""
    import mindshim
    mindshim.install()
    golden = tutorial_scripts.load_goldens()[name]
    result = doc_examples.run_example(golden, timeout=doc_examples.REPLAY_TIMEOUT, setup=doc_examples.reset_mindshim)
    return tutorial_scripts.check(golden, result)


def update_known_failures():
    """Replay every recorded script; the failing ones become the known failures. A failure marked "random" (its
    output depends on mindshim's random numbers, which are not MindSpore's; written by hand) stays even when the
    script passed by chance: the test does not hold it to failing."""
    sys.path.insert(0, ROOT)
    goldens = tutorial_scripts.load_goldens()
    failures = {n: r for n, r in tutorial_scripts.load_known_failures().items()
                if r.startswith("random") and "skip" not in goldens.get(n, {"skip": ""})}
    for name, golden in tutorial_scripts.load_goldens().items():
        if "skip" not in golden:
            diff = replay(name)
            print(f"{'FAIL' if diff else 'pass'} {name}" + (f": {diff[0]}: {diff[1]}" if diff else ""), flush=True)
            if diff and not failures.get(name, "").startswith("random"):
                failures[name] = f"{diff[0]}: {diff[1]}"
    with open(tutorial_scripts.KNOWN_FAILURES, "w") as f:
        json.dump(failures, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    if "--update-known-failures" in sys.argv:
        update_known_failures()
    elif "--replay" in sys.argv:
        sys.path.insert(0, ROOT)
        for n in [a for a in sys.argv[1:] if a != "--replay"] or sorted(tutorial_scripts.load_goldens()):
            print(n, replay(n), flush=True)
    else:
        record(sys.argv[1:])
