"""Write the Python code blocks of MindSpore's tutorial pages that are a sequence of independent examples as one
tutorial script each (``tests/tutorials/<page>_<nn>.py``), for ``tools/record_tutorials.py`` to record.

    python tools/extract_tutorial_blocks.py DOCS_REPO

``DOCS_REPO``: a git directory of mindspore-ai/docs (``fetch`` gives one); the pages are read from its ``master``
branch as they are, nothing changed: each block is a whole program (its imports, its context settings), and many
end in the error they demonstrate, which the recorder records as where MindSpore stopped.
"""
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAGES = ["tutorials/source_en/compile/statements.md", "tutorials/source_en/compile/python_builtin_functions.md"]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def main(repo):
    for page in PAGES:
        text = subprocess.run(["git", "--git-dir", repo, "show", f"master:{page}"], capture_output=True, text=True,
                              check=True).stdout
        stem = "_".join(page[:-3].split("/")[-2:])
        for k, block in enumerate(BLOCK.findall(text), 1):
            path = os.path.join(ROOT, "tests", "tutorials", f"{stem}_{k:02d}.py")
            with open(path, "w") as f:
                f.write(f"# MindSpore's tutorial {page} (mindspore-ai/docs, branch master): its Python code block {k}, "
                        "unchanged.\n" + block)
        print(f"{page}: {k} blocks")


if __name__ == "__main__":
    main(sys.argv[1])
