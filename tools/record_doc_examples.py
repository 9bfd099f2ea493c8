"""Record what MindSpore 2.10's documented examples print, and replay them under mindshim.

Recording (where mindspore==2.10.0 is installed; CPU):

    python tools/record_doc_examples.py [--groups ops nn ...] [--ids ops.abs ...]

Each example (``tools/extract_doc_examples.py``) runs as doctest would, in a fresh namespace and working
directory, PyNative mode, seeds reset, ``mindspore.runtime.synchronize()`` at its end; up to ``BATCH`` examples
per worker process. A worker that crashes or hangs is restarted after the example that did it. Every example
runs twice, the second time in a fresh process with MindSpore's own random seeds moved (``set_seed``, the
pipeline seed, initializer seeds; numpy's stays, so numpy-made inputs are the same): an example whose output
changes is skipped as ``random``. Also skipped, with the reason: MindSpore raised (``cpu``: the op or
feature needs Ascend/GPU; ``files``: a dataset, checkpoint or download that is not there; ``error``: any other
error), ``slow`` (over ``SLOW`` seconds), ``crash``. Goldens go to ``tests/goldens/doc_examples/<group>.json``.

Replay (in mindshim's venv):

    python tools/record_doc_examples.py --update-known-failures

replays every recorded example under mindshim in this one process, rewrites
``tests/doc_examples_known_failures.json`` ({id: reason}) and then the generated docs
(``tools/doc_examples_coverage.py``); with ``--groups``/``--ids`` only those examples' entries.
``--replay [--groups ...] [--ids ...]`` replays and prints each result, writing nothing.
"""
import argparse
import importlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests"))
sys.path.insert(0, os.path.join(ROOT, "tools"))

import doc_examples  # noqa: E402

BATCH = 200
TIMEOUT = 60  # a worker's alarm ends an example after this long; the parent kills a worker stuck past KILL
KILL = TIMEOUT + 30
SLOW = 20  # examples slower than this (seconds) are skipped
PERTURB = 7777

_DISTRIBUTED = re.compile(r"communication\.init|mpirun|msrun|backend_name|hccl|nccl|Stand alone mode is not supported")
_CPU = re.compile(r"Ascend|GPU|unregistered|Not found op .* on device CPU|[Nn]ot support.*CPU|CPU.*[Nn]ot support|"
                  r"Create kernelmod|Create device context failed|Select CPU operator|device target|device_target|"
                  r"on this device|supported on device|Soc Version|acl tensor|"
                  r"only supports?|Not implement exception|module 'mindspore\.ops' has no attribute '\w+_ext'")
_FILES = re.compile(r"No such file|does not exist|not exist|[Dd]ownload|urlopen|dataset_dir|[Ii]nvalid file|"
                    r"not a valid file|file path|Failed to open|did not match any files|/path/to")
# Tensor's in-place methods whose examples show MindSpore 2.10's CPU build running them out of place (``self`` left
# unchanged, against their documentation and what Ascend does); mindshim writes in place, as documented.
_OUT_OF_PLACE_ON_CPU = {"Tensor.floor_divide_", "Tensor.mul_", "Tensor.remainder_"}
# MindSpore takes a device setting only before its runtime starts: an example that makes one runs alone.
_FRESH_PROCESS = "The runtime has been initialized"


# --- worker (runs under MindSpore) ---------------------------------------------------------------------------

def _patch_seeds():
    """Second run: move MindSpore's own random streams, keep numpy's and Python's.

    The graph-level seed its random kernels get (``seed.get_seed`` as ``_get_graph_seed`` reads it; unset
    becomes set), random primitives' own ``seed``/``seed2``, the seeds initializers draw from numpy, the data
    pipeline's seed, and ``manual_seed``.
    """
    import mindspore
    from mindspore.common import generator, initializer
    from mindspore.dataset.core import config
    from mindspore.ops.primitive import Primitive
    seed = importlib.import_module("mindspore.common.seed")  # ``mindspore.common.seed`` is also a function

    get_seed = seed.get_seed
    seed.get_seed = lambda: PERTURB if get_seed() is None else get_seed() + PERTURB
    numpy_seed = initializer._numpy_seed
    initializer._numpy_seed = lambda: (numpy_seed() + PERTURB) % (1 << 62) + 1
    ds_set_seed = mindspore.dataset.config.set_seed

    def set_pipeline_seed(value):
        ds_set_seed(value)
        config._config.set_seed(value + PERTURB)
    mindspore.dataset.config.set_seed = set_pipeline_seed
    gen_manual_seed = generator.default_generator.manual_seed
    generator.default_generator.manual_seed = lambda value: gen_manual_seed(value + PERTURB)
    add_prim_attr = Primitive.add_prim_attr

    def add_seed_attr(self, name, value):
        if name in ("seed", "seed2") and isinstance(value, int) and not isinstance(value, bool):
            value += PERTURB
        return add_prim_attr(self, name, value)
    Primitive.add_prim_attr = add_seed_attr


def _dataset_config():
    from mindspore.dataset.core import config
    values = {}
    for name in dir(config):
        if name.startswith("get_") and hasattr(config, "set_" + name[4:]) and name != "get_seed":
            try:
                values[name[4:]] = getattr(config, name)()
            except Exception:  # noqa: BLE001 - a setting this build does not report
                pass
    return values


def _reset_mindspore(dataset_defaults, default_pipeline_seed, perturb):
    """As a fresh process started in the current directory (``ModelCheckpoint``'s default directory is the
    working directory at import)."""
    import mindspore
    from mindspore.dataset.core import config
    from mindspore.train.callback import _checkpoint
    seed = importlib.import_module("mindspore.common.seed")
    _checkpoint._cur_dir = os.getcwd()
    mindspore.set_context(mode=mindspore.PYNATIVE_MODE)
    mindspore.reset_auto_parallel_context()
    seed._GLOBAL_SEED = None
    seed._KERNEL_SEED.clear()
    for name, value in dataset_defaults.items():
        try:
            if getattr(config, "get_" + name)() != value:
                getattr(config, "set_" + name)(value)
        except Exception:  # noqa: BLE001
            pass
    config._config.set_seed(default_pipeline_seed + (PERTURB if perturb else 0))
    doc_examples.reset_python()


def worker(job_path, result_path, perturb):
    import mindspore
    from mindspore.dataset.core import config
    with open(job_path) as f:
        jobs = json.load(f)
    dataset_defaults = _dataset_config()
    default_pipeline_seed = config._config.get_seed()
    if perturb:
        _patch_seeds()
    with open(result_path, "a") as out:
        def emit(obj):
            out.write(json.dumps(obj) + "\n")
            out.flush()
        for example in jobs:
            emit({"start": example["id"]})
            result = doc_examples.run_example(
                example, capture="fd", timeout=TIMEOUT, after=mindspore.runtime.synchronize,
                setup=lambda: _reset_mindspore(dataset_defaults, default_pipeline_seed, perturb))
            emit({"id": example["id"], "result": result})
            if result["error"] is not None and result["error"]["type"] == "Timeout":
                return  # the parent restarts a fresh worker for the rest: a hung kernel may still hold the device


# --- parent --------------------------------------------------------------------------------------------------

def _run_batch(examples, perturb, log):
    """``{id: result}`` for ``examples``, in worker processes; a crash or hang is charged to its example."""
    results = {}
    pending = list(examples)
    env = dict(os.environ, GLOG_v="3", PYTHONHASHSEED="0", PYTHONWARNINGS="ignore")
    while pending:
        with tempfile.TemporaryDirectory(prefix="docex-rec-") as tmp:
            job_path, result_path = os.path.join(tmp, "jobs.json"), os.path.join(tmp, "results.jsonl")
            with open(job_path, "w") as f:
                json.dump(pending, f)
            open(result_path, "w").close()
            stderr_path = os.path.join(tmp, "stderr")
            with open(stderr_path, "w") as err:
                proc = subprocess.Popen([sys.executable, os.path.abspath(__file__), "--worker", job_path, result_path]
                                        + (["--perturb"] if perturb else []),
                                        stdout=subprocess.DEVNULL, stderr=err, env=env, cwd=tmp)
                current, started, before = None, None, len(results)
                with open(result_path) as res:
                    while True:
                        rc = proc.poll()
                        for line in res:
                            msg = json.loads(line)
                            if "start" in msg:
                                current, started = msg["start"], time.time()
                            else:
                                results[msg["id"]] = msg["result"]
                                current = None
                        if rc is not None:
                            break
                        if current is not None and time.time() - started > KILL:
                            proc.kill()
                            proc.wait()
                            results[current] = _crash(current, f"hung: killed after {KILL} s")
                            current = None
                            break
                        time.sleep(0.1)
            if current is not None:
                with open(stderr_path) as f:
                    tail = [ln.strip() for ln in f.read().strip().splitlines() if ln.strip()][-1:]
                results[current] = _crash(current, f"the process died (exit code {proc.returncode})"
                                          + (f": {tail[0][:200]}" if tail else ""))
            with open(stderr_path) as f:
                log.write(f.read())
            if len(results) == before:
                with open(stderr_path) as f:
                    raise RuntimeError(f"a recording worker made no progress:\n{f.read()[-3000:]}")
        pending = [e for e in pending if e["id"] not in results]
    return results


def _crash(ident, why):
    return {"outputs": [], "error": {"statement": 0, "type": "Crash", "message": why}, "seconds": 0.0}


def _mindspore_error_reason(example, error):
    """``"<kind>: statement k: Type: message"``; kind: crash, slow, undefined (a name the docs leave to the
    reader, e.g. ``image_folder_dataset_dir``), invalid (not valid Python), distributed (needs a multi-process
    launch), files, cpu (needs Ascend/GPU or an op the CPU build lacks) or error."""
    message = f"{error['type']}: {error['message']}"
    where = f"statement {error['statement'] + 1}"
    if error["type"] == "Crash":
        return f"crash: {where}: {error['message']}"
    if error["type"] == "Timeout":
        return f"slow: {where}: ran past {TIMEOUT} s"
    if error["type"] == "NameError":
        kind = "undefined"
    elif error["type"] in ("SyntaxError", "IndentationError"):
        kind = "invalid"
    elif _DISTRIBUTED.search(message):
        kind = "distributed"
    elif error["type"] == "FileNotFoundError" or _FILES.search(message):
        kind = "files"
    elif _CPU.search(message):
        kind = "cpu"
    else:
        kind = "error"
    return f"{kind}: {where}: {message}"


def _run_all(examples, perturb, log):
    """``_run_batch`` over batches of ``BATCH``; an example refused a device setting reruns in its own process."""
    results = {}
    for i in range(0, len(examples), BATCH):
        results.update(_run_batch(examples[i:i + BATCH], perturb, log))
    for e in examples:
        error = results[e["id"]]["error"]
        if error is not None and _FRESH_PROCESS in error["message"]:
            results.update(_run_batch([e], perturb, log))
    return results


def _record_group(group, examples, log):
    t0 = time.time()
    first = _run_all(examples, False, log)
    clean = [e for e in examples if first[e["id"]]["error"] is None and first[e["id"]]["seconds"] <= SLOW]
    second = _run_all(clean, True, log)
    entries = []
    for e in examples:
        entry = {k: e[k] for k in ("id", "group", "name", "aliases")}
        entry["statements"] = e["statements"]
        a = first[e["id"]]
        if e["id"] in _OUT_OF_PLACE_ON_CPU:
            entry["skip"] = ("cpu: MindSpore 2.10's CPU kernel runs this in-place method out of place (self is left "
                             "unchanged, against its documentation); mindshim writes in place, as documented")
        elif a["error"] is not None:
            entry["skip"] = _mindspore_error_reason(e, a["error"])
        elif a["seconds"] > SLOW:
            entry["skip"] = f"slow: took {a['seconds']:.0f} s"
        else:
            entry["skip"] = _random_reason(e, a, second[e["id"]])
            if entry["skip"] is None:
                del entry["skip"]
                entry["outputs"] = a["outputs"]
        entries.append(entry)
    print(f"{group}: {len(examples)} examples, {sum('skip' not in e for e in entries)} recorded, "
          f"{time.time() - t0:.0f} s", flush=True)
    return entries


def _random_reason(example, a, b):
    if b["error"] is not None:
        return (f"random: a rerun with other seeds raised {b['error']['type']} at statement "
                f"{b['error']['statement'] + 1}: {b['error']['message'][:200]}")
    for k, (x, y) in enumerate(zip(a["outputs"], b["outputs"])):
        if doc_examples.compare(x, y, doc_examples.loose(example)) is not None:
            return f"random: statement {k + 1} prints other values in a rerun with other seeds"
    return None


def record(groups, ids):
    import extract_doc_examples
    import mindspore
    examples, problems = extract_doc_examples.extract()
    for ident, problem in problems:
        print(f"not recorded: {ident}: {problem}", file=sys.stderr)
    by_group = {}
    for e in examples:
        e["statements"] = [src for src, _ in e["statements"]]
        by_group.setdefault(e["group"], []).append(e)
    os.makedirs(doc_examples.GOLDENS, exist_ok=True)
    for group in groups or doc_examples.GROUPS:
        todo = [e for e in by_group.get(group, []) if not ids or e["id"] in ids]
        if not todo:
            continue
        with open(os.path.join(tempfile.gettempdir(), "record_doc_examples.log"), "a") as log:  # workers' stderr
            entries = _record_group(group, todo, log)
        path = os.path.join(doc_examples.GOLDENS, f"{group}.json")
        if ids and os.path.exists(path):  # re-record some examples, keep the rest
            with open(path) as f:
                old = {e["id"]: e for e in json.load(f)["examples"]}
            old.update({e["id"]: e for e in entries})
            order = [e["id"] for e in by_group[group]]
            entries = [old[i] for i in order if i in old]
        with open(path, "w") as f:
            json.dump({"mindspore": mindspore.__version__, "examples": entries}, f, indent=0, ensure_ascii=False)
            f.write("\n")


# --- replay under mindshim -----------------------------------------------------------------------------------

def replay(groups=(), ids=(), verbose=False):
    """Replay the recorded examples (those of ``groups``/``ids`` if given) under mindshim in this process:
    ``(replayed ids, {id: reason} of the failing ones)``."""
    sys.path.insert(0, ROOT)
    import mindshim
    mindshim.install()
    t0 = time.time()
    failures = {}
    examples = [e for e in doc_examples.load_goldens() if "skip" not in e
                and (not groups or e["group"] in groups) and (not ids or e["id"] in ids)]
    for done, example in enumerate(examples, 1):
        diff = doc_examples.replay(example)
        if diff is not None:
            failures[example["id"]] = f"{diff[0]}: {diff[1]}"
        if verbose:
            print(f"{'FAIL' if diff else 'pass'} {example['id']}" + (f": {failures[example['id']]}" if diff else ""),
                  flush=True)
        elif done % 200 == 0:
            print(f"{done}/{len(examples)} replayed, {len(failures)} failing, {time.time() - t0:.0f} s", flush=True)
    print(f"{len(examples)} replayed in {time.time() - t0:.0f} s: {len(examples) - len(failures)} pass, "
          f"{len(failures)} fail")
    return [e["id"] for e in examples], failures


def update_known_failures(groups=(), ids=()):
    """Replay (all, or the selection) and rewrite the known failures for what was replayed, then the docs."""
    replayed, failures = replay(groups, ids)
    if groups or ids:
        with open(doc_examples.KNOWN_FAILURES) as f:
            known = {k: v for k, v in json.load(f).items() if k not in set(replayed)}
        failures = {**known, **failures}
    with open(doc_examples.KNOWN_FAILURES, "w") as f:
        json.dump(dict(sorted(failures.items())), f, indent=0, ensure_ascii=False)
        f.write("\n")
    print(f"{len(failures)} known failures written to {doc_examples.KNOWN_FAILURES}")
    subprocess.run([sys.executable, os.path.join(ROOT, "tools", "doc_examples_coverage.py")], check=True)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--groups", nargs="*", default=[])
    parser.add_argument("--ids", nargs="*", default=[])
    parser.add_argument("--update-known-failures", action="store_true")
    parser.add_argument("--replay", action="store_true", help="replay under mindshim and print each result")
    parser.add_argument("--worker", nargs=2, metavar=("JOBS", "RESULTS"), help=argparse.SUPPRESS)
    parser.add_argument("--perturb", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(*args.worker, args.perturb)
    elif args.update_known_failures:
        update_known_failures(args.groups, set(args.ids))
    elif args.replay:
        replay(args.groups, set(args.ids), verbose=True)
    else:
        record(args.groups, set(args.ids))


if __name__ == "__main__":
    main(sys.argv[1:])
