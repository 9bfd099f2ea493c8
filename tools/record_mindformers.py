"""Record mindformers' tiny language models under real MindSpore 2.10 (CPU) as goldens for
``tests/test_mindformers.py``.

    cd /tmp && /work/msvenv/bin/python /path/to/tools/record_mindformers.py [model ...]

(mindformers 2.1.0 installed with ``--no-deps``, plus what it imports: see ``.ci/run``.) Each model of
``tests/mindformers_case.MODELS`` runs in its own process (``--one MODEL``) and writes
``tests/goldens/mindformers/<model>.json``: eval-mode logits and the losses of 2 training steps in PyNative and
GRAPH_MODE, each with MindSpore's wall time, or the reason MindSpore could not run that part. The checkpoint of the
filled weights goes to the cache (``MINDSHIM_MINDFORMERS_CKPT``, default ``~/.cache/mindshim/mindformers``), never
into git: the seed regenerates it.
"""
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tests"))

import mindformers_case as case  # noqa: E402
import model_zoo as zoo  # noqa: E402

LIMIT_S = 900



def _timed(golden, key, fn):
    """``golden[key] = fn()`` with its wall time in ``golden['time_s']``, or ``golden[key + '_skip']``."""
    t0 = time.perf_counter()
    try:
        golden[key] = fn()
    except Exception as exc:  # noqa: BLE001 - the reason MindSpore cannot run it is the record
        golden[key + "_skip"] = f"MindSpore 2.10 cannot run it on CPU: {zoo.reason(exc)}"
        return False
    golden["time_s"][key] = round(time.perf_counter() - t0, 3)
    return True


def record_one(name):
    import mindformers
    import mindspore as ms

    golden = {"model": name, "mindspore": ms.__version__, "mindformers": mindformers.__version__, "seed": case.SEED,
              "time_s": {}}
    ms.set_context(mode=ms.PYNATIVE_MODE)
    if not _timed(golden, "build", lambda: case.build(ms, name)):
        return golden
    net = golden.pop("build")
    golden["num_params"] = int(sum(p.size for p in net.trainable_params()))
    if _timed(golden, "logits", lambda: case.logits(ms, net)):
        golden["logits"] = golden["logits"].tolist()
    os.makedirs(case.ckpt_dir(), exist_ok=True)
    ms.save_checkpoint(case.build(ms, name), os.path.join(case.ckpt_dir(), f"{name}.ckpt"))
    for mode, key in ((ms.PYNATIVE_MODE, "train_pynative"), (ms.GRAPH_MODE, "train_graph")):
        ms.set_context(mode=mode)
        _timed(golden, key, lambda: case.train_losses(ms, case.build(ms, name), name))
    return golden


def main(argv):
    if argv[:1] == ["--one"]:
        zoo.write_json(os.path.join(case.GOLDENS, f"{argv[1]}.json"), record_one(argv[1]))
        return
    for _ in zoo.record_each(__file__, argv or sorted(case.MODELS), LIMIT_S):
        pass


if __name__ == "__main__":
    main(sys.argv[1:])
