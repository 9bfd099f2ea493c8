"""``mindspore.ops.communication`` (also ``mindspore.mint.distributed``): torch-style collectives over the
process group (see ``mindspore.communication``: mindshim's ranks are JAX processes). With one process, as on a
single host, each collective is the identity MindSpore computes for a group of one; across several processes they
raise NotImplementedError (mindshim's collectives are XLA's, inside compiled steps). ``TCPStore`` is a real
key-value store over TCP, for processes to exchange small values; ``P2POp`` describes a point-to-point transfer."""
import base64
import json
import socket
import socketserver
import threading
import weakref
from datetime import timedelta

import jax

from .. import communication
from ..common.tensor import Tensor

__all__ = ["get_rank", "get_world_size", "is_available", "is_initialized", "barrier", "all_reduce",
           "all_to_all_single", "all_gather_object", "gather_object", "scatter_object_list", "TCPStore", "P2POp",
           "isend", "irecv"]


def _one_process(api, needs_init=False):
    if needs_init and not communication.GlobalComm.INITED:
        raise RuntimeError("Distributed Communication has not been inited.You can't invoke this interface yet. "
                           "Please call `init()` method first.")
    if jax.process_count() > 1:
        raise NotImplementedError(f"mindspore.mint.distributed.{api} across {jax.process_count()} processes is not "
                                  "supported by mindshim yet.")


def is_available():
    return True


def is_initialized():
    return communication.GlobalComm.INITED


def get_rank(group=None):
    return communication.get_rank(group)


def get_world_size(group=None):
    return communication.get_group_size(group)


def barrier(group=None, async_op=False, device_ids=None):
    """Wait for every process of the group: nothing to wait for in one process."""
    _one_process("barrier")


def all_reduce(tensor, op="sum", group=None, async_op=False):
    """Reduce ``tensor`` over the group, in place: a group of one leaves it as it is."""
    _one_process("all_reduce")


def all_to_all_single(output, input, output_split_sizes=None, input_split_sizes=None, group=None, async_op=False):
    """Exchange slices of ``input`` between the group's ranks into ``output``: in a group of one, ``output``
    becomes ``input``."""
    _one_process("all_to_all_single")
    output.assign_value(input)


def all_gather_object(object_list, obj, group=None):
    """``object_list[rank] = obj`` of every rank."""
    _one_process("all_gather_object", needs_init=True)
    object_list[0] = obj


def gather_object(obj, object_gather_list=None, dst=0, group=None):
    """``object_gather_list[rank] = obj`` of every rank, on rank ``dst``."""
    _one_process("gather_object", needs_init=True)
    object_gather_list[0] = obj


def scatter_object_list(scatter_object_output_list, scatter_object_input_list, src=0, group=None):
    """``scatter_object_output_list[0]`` = rank's entry of ``scatter_object_input_list`` on rank ``src``."""
    _one_process("scatter_object_list", needs_init=True)
    scatter_object_output_list[0] = scatter_object_input_list[0]


def _point_to_point(api, tensor, rank, rank_name):
    if not isinstance(tensor, Tensor):
        raise TypeError(f"For {api}, the input tensor must be tensor")
    if not isinstance(rank, int):
        raise TypeError(f"For {api}, the {rank_name} must be int")
    raise NotImplementedError(f"mindspore.ops.communication.{api} (a transfer between processes) is not supported "
                              "by mindshim yet.")


def isend(tensor, dst=0, group=None, tag=0):
    """Send ``tensor`` to rank ``dst``."""
    _point_to_point("isend", tensor, dst, "dst")


def irecv(tensor, src=0, group=None, tag=0):
    """Receive into ``tensor`` from rank ``src``."""
    _point_to_point("irecv", tensor, src, "src")


class P2POp:
    """One point-to-point transfer for ``batch_isend_irecv``: ``op`` (``isend``/``irecv`` or their names),
    ``tensor``, the ``peer`` rank, ``group``; ``tag`` must be 0, as in MindSpore."""

    def __init__(self, op, tensor, peer, group=None, tag=0):
        if isinstance(op, str):
            if op not in ("isend", "irecv"):
                raise TypeError(f"Expected op to be of type isend or irecv, but got {op}")
        elif op not in (isend, irecv):
            raise TypeError(f"Expected op to be of type isend or irecv, but got {op}")
        if not isinstance(tensor, Tensor):
            raise TypeError(f"Expected tensor to be Tensor, but got {type(tensor)}.")
        if not isinstance(peer, int):
            raise TypeError("For P2POp, the peer must be int")
        if tag != 0:
            raise NotImplementedError("tag is not support yet.")
        self.op, self.tensor, self.peer, self.group, self.tag = op, tensor, peer, group, tag


class _StoreServer(socketserver.ThreadingTCPServer):
    """The master's side of a TCPStore: one JSON request per line (``op``, ``key``, ``value``), one reply per line.
    Values are bytes (base64 on the wire); ``add`` keeps a decimal counter, as MindSpore's store does."""
    daemon_threads = True
    allow_reuse_address = True  # a new master may take the port of one just stopped (TIME_WAIT), not of a live one

    def __init__(self, address):
        super().__init__(address, _StoreHandler)
        self.data, self.changed = {}, threading.Condition()

    def serve(self, request):
        op, key = request["op"], request["key"]
        with self.changed:
            if op == "set":
                self.data[key] = base64.b64decode(request["value"])
                self.changed.notify_all()
                return {}
            if op == "add":
                try:
                    value = int(self.data.get(key, b"0")) + request["value"]
                except ValueError:
                    return {"error": "TCP addition operation failed!"}
                self.data[key] = str(value).encode()
                self.changed.notify_all()
                return {"value": value}
            if op == "get":
                if not self.changed.wait_for(lambda: key in self.data, request["timeout"]):
                    return {"error": "TCP get operation failed."}
                return {"value": base64.b64encode(self.data[key]).decode()}
            return {"value": self.data.pop(key, None) is not None}  # delete


class _StoreHandler(socketserver.StreamRequestHandler):
    def handle(self):
        for line in self.rfile:
            self.wfile.write(json.dumps(self.server.serve(json.loads(line))).encode() + b"\n")


class TCPStore:
    """``TCPStore(host_name, port, world_size=None, is_master=False, timeout=timedelta(seconds=300), ...)``: a
    key-value store served by the master process on ``host_name:port``, reached by the others over TCP.
    ``set``/``get`` store and fetch bytes (``get`` waits up to ``timeout`` for the key), ``add`` keeps an integer
    counter, ``delete_key`` removes a key. The master's server stops when its TCPStore is collected."""

    def __init__(self, host_name, port, world_size=None, is_master=False, timeout=timedelta(seconds=300),
                 wait_for_workers=True, multi_tenant=False, master_listen_fd=None, use_libuv=True):
        for name, value, kind, kind_name in (("host_name", host_name, str, "string"), ("port", port, int, "int"),
                                             ("is_master", is_master, bool, "bool"),
                                             ("timeout", timeout, timedelta, "timedelta"),
                                             ("wait_for_workers", wait_for_workers, bool, "bool")):
            if not isinstance(value, kind):
                raise TypeError(f"For 'TCPStore', the argument '{name}' must be type of {kind_name}, but got "
                                f"'{name}' type : {type(value)}.")
        world_size = 1 if world_size is None else world_size
        if not isinstance(world_size, int):
            raise TypeError("For 'TCPStore', the argument 'world_size' must be type of int, but got 'world_size' "
                            f"type : {type(world_size)}.")
        if port < 0 or port > 65535:
            raise ValueError(f"For 'TCPStore', the argument 'port' must be legal, but got {port}.")
        if world_size <= 0:
            raise ValueError(f"For 'TCPStore', the argument 'world_size' must be legal, but got {world_size}.")
        self.host, self.port, self._timeout = host_name, port, timeout.total_seconds()
        if is_master:
            try:
                server = _StoreServer((host_name, port))
            except OSError as e:
                raise RuntimeError("Failure info [Failed to initialize the master node.].") from e
            threading.Thread(target=server.serve_forever, daemon=True).start()
            weakref.finalize(self, _stop, server)
        self._conn = socket.create_connection((host_name, port), timeout=self._timeout + 10)
        self._io = self._conn.makefile("rwb")
        weakref.finalize(self, self._conn.close)

    def _call(self, op, key, value=None):
        if not isinstance(key, str):
            raise TypeError(f"For 'TCPStore.{op}', the argument 'key' must be type of string, but got 'key' type : "
                            f"{type(key)}.")
        self._io.write(json.dumps({"op": op, "key": key, "value": value, "timeout": self._timeout}).encode() + b"\n")
        self._io.flush()
        reply = json.loads(self._io.readline())
        if "error" in reply:
            raise RuntimeError(reply["error"])
        return reply.get("value")

    def add(self, key, amount):
        """Add ``amount`` to the counter at ``key`` (0 when new); the new value."""
        if isinstance(key, str) and not isinstance(amount, int):
            raise TypeError("For 'TCPStore.add', the argument 'amount' must be type of string or int, but got "
                            f"'amount' type : {type(amount)}.")
        return self._call("add", key, amount)

    def set(self, key, value):
        """Store ``value`` (str or bytes) at ``key``, replacing what was there."""
        if isinstance(key, str) and not isinstance(value, (str, bytes)):
            raise TypeError("For 'TCPStore.set', the argument 'value' must be type of string or bytes, but got "
                            f"'value' type : {type(value)}.")
        data = value.encode() if isinstance(value, str) else value
        self._call("set", key, base64.b64encode(data).decode())

    def get(self, key):
        """The bytes at ``key``, waiting up to the store's timeout for another process to set it."""
        return base64.b64decode(self._call("get", key))

    def delete_key(self, key):
        """Remove ``key``: True if it was there."""
        return self._call("delete", key)


def _stop(server):
    server.shutdown()
    server.server_close()
