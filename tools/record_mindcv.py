"""Record mindcv's model families under real MindSpore 2.10 (CPU) as goldens for ``tests/test_mindcv.py``.

    cd /tmp && PYTHONPATH=/tmp/mcv /work/msvenv/bin/python /path/to/tools/record_mindcv.py [family ...]

(mindcv 0.3.0 installed with ``--no-deps``, plus tqdm, which it imports.) Each family runs in its own process
(``--one FAMILY``) with a time limit, and writes ``tests/goldens/mindcv/<family>.json``: the model, seed, input
size, eval-mode logits and the losses of 3 training steps in PyNative and GRAPH_MODE, and PyNative's with a perturbed
input (see ``tests/mindcv_case.py``),
each with MindSpore's wall time, or the reason MindSpore could not run that part. The checkpoint of the filled
weights goes to the cache (``MINDSHIM_MINDCV_CKPT``, default ``~/.cache/mindshim/mindcv/<model>.ckpt``), never
into git: the seed regenerates it.
"""
import os
import sys
import time
import traceback

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tests"))

import mindcv_case as case  # noqa: E402
import model_zoo as zoo  # noqa: E402

LIMIT_S = 900



def record_one(family):
    import mindcv
    import mindspore as ms

    name = case.FAMILIES[family]
    golden = {"family": family, "model": name, "mindspore": ms.__version__, "mindcv": mindcv.__version__,
              "seed": case.SEED, "batch": case.BATCH, "num_classes": case.NUM_CLASSES, "time_s": {}}
    ms.set_context(mode=ms.PYNATIVE_MODE)
    t0 = time.perf_counter()
    try:
        net = case.build(ms, mindcv, name)
    except Exception as exc:  # noqa: BLE001 - the reason MindSpore cannot build it is the record
        golden["skip"] = f"MindSpore 2.10 cannot build it: {zoo.reason(exc)}"
        return golden
    golden["time_s"]["build"] = round(time.perf_counter() - t0, 3)
    golden["num_params"] = int(sum(p.size for p in net.get_parameters()))
    errors = []
    for size in case.SIZES:
        t0 = time.perf_counter()
        try:
            out = case.logits(ms, net, size)
        except Exception as exc:  # noqa: BLE001
            errors.append(f"{size}: {zoo.reason(exc)}")
            continue
        golden["size"] = size
        golden["logits"] = out.tolist()
        golden["time_s"]["logits"] = round(time.perf_counter() - t0, 3)
        break
    else:
        golden["skip"] = "MindSpore 2.10 cannot run it on CPU at any of the sizes: " + "; ".join(errors)[:600]
        return golden
    os.makedirs(case.ckpt_dir(), exist_ok=True)
    ms.save_checkpoint(case.build(ms, mindcv, name), os.path.join(case.ckpt_dir(), f"{name}.ckpt"))
    for mode, key in ((ms.PYNATIVE_MODE, "train_pynative"), (ms.GRAPH_MODE, "train_graph")):
        ms.set_context(mode=mode)
        t0 = time.perf_counter()
        try:
            golden[key] = case.train_losses(ms, case.build(ms, mindcv, name), golden["size"])
            golden["time_s"][key] = round(time.perf_counter() - t0, 3)
        except Exception as exc:  # noqa: BLE001
            golden[key + "_skip"] = f"MindSpore 2.10 cannot train it on CPU: {zoo.reason(exc)}"
            traceback.print_exc()
    if "train_pynative" in golden:
        ms.set_context(mode=ms.PYNATIVE_MODE)
        golden["train_perturbed"] = case.train_losses(ms, case.build(ms, mindcv, name), golden["size"],
                                                      scale=1 + case.PERTURB)
    return golden


def main(argv):
    if argv[:1] == ["--one"]:
        zoo.write_json(os.path.join(case.GOLDENS, f"{argv[1]}.json"), record_one(argv[1]))
        return
    for family, status in zoo.record_each(__file__, argv or sorted(case.FAMILIES), LIMIT_S):
        if status != "ok":
            zoo.write_json(os.path.join(case.GOLDENS, f"{family}.json"),
                           {"family": family, "model": case.FAMILIES[family], "seed": case.SEED,
                            "skip": f"MindSpore 2.10's run did not finish: {status}"})


if __name__ == "__main__":
    main(sys.argv[1:])
