"""mindspore.rewrite (vendored from MindSpore 2.10) on mindshim's Cells, without ``import mindspore``: the network
that ``SymbolTree.get_network`` builds from the edited tree runs, and computes what the edit says."""
import numpy as np

import mindshim as ms
from mindshim import nn
from mindshim.rewrite import NodeType, ScopedValue, SymbolTree


class _Net(nn.Cell):
    def __init__(self):
        super().__init__()
        self.dense = nn.Dense(3, 4)
        self.relu = nn.ReLU()
        self.add = ms.ops.Add()

    def construct(self, x):
        x = self.dense(x)
        x = self.relu(x)
        return self.add(x, x)


def test_replace_a_cell_by_a_function(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # get_network writes the new class's module under ./rewritten_network
    net = _Net()
    x = ms.Tensor(np.arange(6, dtype=np.float32).reshape(2, 3) - 2)
    stree = SymbolTree.create(net)
    relu = stree.get_node("relu")
    assert relu.get_node_type() == NodeType.CallCell
    assert [n.get_name() for n in relu.get_users()] == ["add"]
    new = relu.create_call_function(function=ms.ops.abs, targets=["x"], args=[ScopedValue.create_naming_value("x")])
    stree.replace(relu, [new])
    assert "from mindshim.ops import abs" in stree.get_code()
    new_net = stree.get_network()
    dense = net.dense(x).asnumpy()
    np.testing.assert_allclose(new_net(x).asnumpy(), 2 * np.abs(dense), rtol=1e-6)
    np.testing.assert_allclose(net(x).asnumpy(), 2 * np.maximum(dense, 0), rtol=1e-6)
    assert len(new_net.trainable_params()) == 2
