"""Check that real MindSpore reads the MindRecord files mindshim writes as it reads its own.

    cd /tmp && python /path/to/tools/check_mindrecord_in_mindspore.py [MINDSHIM_PYTHON]

Run where MindSpore 2.10 is installed; ``MINDSHIM_PYTHON`` (default: the repository's ``.venv/bin/python``) writes
the golden cases' rows with mindshim's ``FileWriter`` (``tests/golden_cases/mindrecord.py``); MindSpore then reads
the file with ``MindDataset`` and ``FileReader``, and what it reads must equal the ``write_and_read`` golden,
which is MindSpore's reading of the file MindSpore itself wrote.
"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests"))

import mindspore  # noqa: E402
from golden_cases import mindrecord, run_case  # noqa: E402

WRITE = ("import sys; sys.path.insert(0, {tests!r}); import mindshim; from golden_cases import mindrecord; "
         "mindrecord.write(mindshim, {path!r}, mindrecord.rows())")


def main(argv):
    python = argv[0] if argv else os.path.join(ROOT, ".venv", "bin", "python")
    with open(os.path.join(ROOT, "tests", "goldens", "mindrecord.json")) as f:
        expected = json.load(f)["cases"]["write_and_read"]
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "written_by_mindshim.mindrecord")
        subprocess.run([python, "-c", WRITE.format(tests=os.path.join(ROOT, "tests"), path=path)], check=True)
        got = run_case(lambda ms: mindrecord.read(ms, path), mindspore, lambda: None)
    if got != expected:
        sys.exit("MindSpore reads mindshim's MindRecord file differently from its own")
    print("MindSpore reads mindshim's MindRecord file as its own: same columns, rows and reader values")


if __name__ == "__main__":
    main(sys.argv[1:])
