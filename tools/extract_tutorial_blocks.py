"""Write the Python code blocks of MindSpore's tutorial, FAQ and design pages that are a sequence of independent
examples as one tutorial script each (``tests/tutorials/<page>_<nn>.py``), for ``tools/record_tutorials.py`` to
record (a block that is only a fragment stops on an undefined name there and is skipped).

    python tools/extract_tutorial_blocks.py DOCS_REPO

``DOCS_REPO``: a git directory of mindspore-ai/docs (``fetch`` gives one); the pages are read from its ``master``
branch as they are, nothing changed: each block is a whole program (its imports, its context settings), and many
end in the error they demonstrate, which the recorder records as where MindSpore stopped.
"""
import ast
import glob
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAGES = ["tutorials/source_en/compile/statements.md", "tutorials/source_en/compile/python_builtin_functions.md",
         "tutorials/source_en/compile/static_graph_expert_programming.md",
         "tutorials/source_en/debug/error_analysis/minddata_debug.md",
         "docs/mindspore/source_en/faq/network_compilation.md", "docs/mindspore/source_en/faq/implement_problem.md",
         "docs/mindspore/source_en/faq/data_processing.md", "docs/mindspore/source_en/design/programming_paradigm.md"]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def main(repo):
    for page in PAGES:
        text = subprocess.run(["git", "--git-dir", repo, "show", f"master:{page}"], capture_output=True, text=True,
                              check=True).stdout
        stem = "_".join(page[:-3].split("/")[-2:])
        for old in glob.glob(os.path.join(ROOT, "tests", "tutorials", f"{stem}_[0-9][0-9].py")):
            os.remove(old)
        blocks = BLOCK.findall(text)
        kept = 0
        for k, block in enumerate(blocks, 1):
            try:
                ast.parse(block)
            except SyntaxError:  # an outline with "..." in it, not a program
                continue
            kept += 1
            path = os.path.join(ROOT, "tests", "tutorials", f"{stem}_{k:02d}.py")
            with open(path, "w") as f:
                f.write(f"# MindSpore's tutorial {page} (mindspore-ai/docs, branch master): its Python code block {k}, "
                        "unchanged.\n" + block)
        print(f"{page}: {kept} of {len(blocks)} blocks (the others do not parse)")


if __name__ == "__main__":
    main(sys.argv[1])
