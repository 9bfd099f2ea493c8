"""``mindspore.train.node_strategy_pb2``: the protobuf messages of MindSpore's parallel strategy files, which only
its semi-auto parallel mode writes (mindshim has none): importing works, constructing one raises
NotImplementedError."""
from .._unsupported import unsupported_class

ParallelStrategyMap = unsupported_class("mindspore.train.node_strategy_pb2.ParallelStrategyMap")
