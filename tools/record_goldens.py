"""Record golden outputs from real MindSpore into ``tests/goldens/``.

Run in a venv that has MindSpore (``pip install mindspore==2.10.0 'numpy<2'``; CPU, Python 3.11):

    python tools/record_goldens.py [module ...]

Every ``case_*`` function in ``tests/golden_cases/<module>.py`` is run with ``mindspore`` and its result
(or error) written to ``tests/goldens/<module>.json``. The tests replay the same cases on mindshim.
"""
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests"))

import golden_cases  # noqa: E402
import mindspore  # noqa: E402


def main(names):
    mindspore.set_context(mode=mindspore.PYNATIVE_MODE, device_target="CPU")
    for module in names or golden_cases.MODULES:
        out = {"mindspore": mindspore.__version__, "cases": {}}
        for name, fn in golden_cases.cases(module).items():
            mindspore.set_seed(0)
            out["cases"][name] = golden_cases.run_case(fn, mindspore, mindspore.runtime.synchronize)
        path = os.path.join(ROOT, "tests", "goldens", f"{module}.json")
        with open(path, "w") as f:
            json.dump(out, f, indent=1, sort_keys=True)
            f.write("\n")
        print(f"{path}: {len(out['cases'])} cases")


if __name__ == "__main__":
    main(sys.argv[1:])
