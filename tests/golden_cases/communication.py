"""Golden cases for ``mindspore.ops.communication`` in one process: the TCP key-value store and P2POp's checks."""
import datetime
import gc


def _store(ms, port, **kwargs):
    return ms.ops.communication.TCPStore("127.0.0.1", port, timeout=datetime.timedelta(seconds=1), **kwargs)


def case_tcp_store(ms):
    master = _store(ms, 29311, is_master=True)
    worker = _store(ms, 29311)
    out = {"add": [master.add("count", 1), master.add("count", 5), worker.add("count", -10)],
           "count": master.get("count").decode()}
    master.set("text", "first_value")
    worker.set("raw", b"\x00\x01")
    out.update(text=worker.get("text").decode(), raw=list(master.get("raw")),
               deleted=[worker.delete_key("text"), master.delete_key("text")])
    master.set("number", "12")
    out["number"] = master.add("number", 3)
    del master, worker
    gc.collect()
    return out


def _with_master(ms, port, use):
    """``use(store)`` with a master store on ``port``, stopped afterwards (its port free for the next case)."""
    store = _store(ms, port, is_master=True)
    try:
        return use(store)
    finally:
        del store
        gc.collect()


def case_tcp_store_add_to_text(ms):
    return _with_master(ms, 29312, lambda store: store.set("text", "abc") or store.add("text", 1))


def case_tcp_store_get_times_out(ms):
    return _with_master(ms, 29313, lambda store: store.get("missing"))


def case_tcp_store_second_master(ms):
    return _with_master(ms, 29314, lambda store: _store(ms, 29314, is_master=True))


def case_tcp_store_bad_value(ms):
    return _store(ms, 29315, is_master=True).set("key", 3)


def case_tcp_store_bad_port(ms):
    return _store(ms, 70000, is_master=True)


def case_p2p_op(ms):
    comm = ms.ops.communication
    t = ms.Tensor(1.0)
    ops = [comm.P2POp("isend", t, 1), comm.P2POp(comm.isend, t, 1), comm.P2POp(comm.irecv, t, 0)]
    return [(op.peer, op.group, op.tag) for op in ops]


def case_p2p_op_bad_op(ms):
    return ms.ops.communication.P2POp("send", ms.Tensor(1.0), 1)


def case_p2p_op_bad_tensor(ms):
    return ms.ops.communication.P2POp("isend", 1.0, 1)
