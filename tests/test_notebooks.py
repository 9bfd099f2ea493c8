"""The notebooks in notebooks/ run top to bottom without errors (executed with nbclient on the CPU)."""
import os

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NOTEBOOKS = sorted(f for f in os.listdir(os.path.join(ROOT, "notebooks")) if f.endswith(".ipynb"))


def test_there_are_notebooks():
    assert len(NOTEBOOKS) >= 2


@pytest.mark.slow
@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs(name):
    nb = nbformat.read(os.path.join(ROOT, "notebooks", name), as_version=4)
    nbclient.NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": ROOT}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    if name.startswith("01_"):
        text = "".join(o.get("text", "") for o in outputs)
        assert "(Tensor(shape=[1], dtype=Float32, value=[0.00000000e+00]), ((Tensor(shape=[1, 2]" in text
    if name.startswith("02_"):
        assert any("image/png" in o.get("data", {}) for o in outputs)  # the loss curve
        assert any("loss is" in o.get("text", "") for o in outputs)  # LossMonitor's lines
