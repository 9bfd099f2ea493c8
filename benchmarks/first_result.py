"""Time to first result: a short script (load a checkpoint, one eval pass, 3 training steps) on a mid-size CNN,
run in a fresh process under real MindSpore 2.10 and under mindshim (empty compilation cache, then warm).

The scripts are MindSpore code, the same text for both frameworks (``import mindshim as mindspore`` is the only
difference), in one of two modes:
  graph      GRAPH_MODE through ``Model``: ``load_param_into_net``, ``Model.eval`` over 4 batches, ``Model.train``
             over 3 batches
  pynative   PyNative with the 2.x loop: an eval loop over 4 batches, then ``value_and_grad`` +
             ``optimizer(grads)`` for 3 steps
on these networks:
  resnet     a reduced ResNet-18 (BasicBlocks [2, 2, 2, 2], widths 32-256, BatchNorm, 3x32x32, batch 32), graph
  effnet     a reduced EfficientNet-B0 (MBConv blocks: depthwise convs, squeeze-excitation, Swish/SiLU,
             BatchNorm, 3x64x64, batch 16), pynative
  --mindcv MODEL[:MODE]   ``mindcv.create_model(MODEL, num_classes=10)`` (3x64x64, batch 16; mode pynative unless
             given), with ``--mindcv-path`` naming the folder that holds the mindcv package; ``--mindcv`` alone
             runs ``MINDCV_MODELS``, the README's set (mindcv 0.3.0)
The wall time of each is the whole process (interpreter start, import, building the net, loading the
checkpoint, compiling, running, to the last loss on the host). mindshim's compilation cache is pointed at a
fresh folder (``MINDSHIM_CACHE_DIR``) for the cold run and reused for the warm one.

Run: ``python benchmarks/first_result.py [--record-mindspore PYTHON] [--repeats N] [--scripts resnet effnet]
[--mindcv [resnet18:graph efficientnet_b0 ...] --mindcv-path DIR]``. With ``--record-mindspore /path/to/python`` (a
Python with MindSpore 2.10) the rounds time MindSpore too (each round runs MindSpore, mindshim cold, mindshim warm
in turn) and record its times into ``benchmarks/first_result_mindspore.json``; without it the table compares
against that file. Targets: cold <= 2.5x MindSpore's wall time, warm <= 1.2x. On a machine shared with other
work, compare the CPU-time ratios printed beside the wall-time ones.
"""
import argparse
import compileall
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
RECORD = os.path.join(HERE, "first_result_mindspore.json")
COLD, WARM = 2.5, 1.2


# ---- the networks, as MindSpore code -------------------------------------------------------------------
def networks(ms):
    nn, ops = ms.nn, ms.ops

    def conv_bn(cin, cout, k, stride=1, group=1):
        return nn.SequentialCell([nn.Conv2d(cin, cout, k, stride, pad_mode="pad", padding=k // 2, group=group,
                                            has_bias=False), nn.BatchNorm2d(cout)])

    class BasicBlock(nn.Cell):
        def __init__(self, cin, cout, stride):
            super().__init__()
            self.conv1 = conv_bn(cin, cout, 3, stride)
            self.conv2 = conv_bn(cout, cout, 3)
            self.relu = nn.ReLU()
            self.down = conv_bn(cin, cout, 1, stride) if stride != 1 or cin != cout else None

        def construct(self, x):
            identity = x if self.down is None else self.down(x)
            out = self.conv2(self.relu(self.conv1(x)))
            return self.relu(out + identity)

    class ResNet18(nn.Cell):
        def __init__(self, widths=(32, 64, 128, 256), num_classes=10):
            super().__init__()
            self.stem = conv_bn(3, widths[0], 3)
            self.relu = nn.ReLU()
            blocks, cin = [], widths[0]
            for i, w in enumerate(widths):
                for j in range(2):
                    blocks.append(BasicBlock(cin, w, 2 if i > 0 and j == 0 else 1))
                    cin = w
            self.layers = nn.SequentialCell(blocks)
            self.head = nn.Dense(cin, num_classes)

        def construct(self, x):
            x = self.layers(self.relu(self.stem(x)))
            return self.head(ops.mean(x, (2, 3)))

    class SqueezeExcite(nn.Cell):
        def __init__(self, c, squeeze):
            super().__init__()
            self.reduce = nn.Conv2d(c, squeeze, 1, has_bias=True)
            self.expand = nn.Conv2d(squeeze, c, 1, has_bias=True)
            self.act = nn.SiLU()
            self.gate = nn.Sigmoid()

        def construct(self, x):
            s = ops.mean(x, (2, 3), keep_dims=True)
            return x * self.gate(self.expand(self.act(self.reduce(s))))

    class MBConv(nn.Cell):
        def __init__(self, cin, cout, expand, k, stride):
            super().__init__()
            mid = cin * expand
            layers = [] if expand == 1 else [conv_bn(cin, mid, 1), nn.SiLU()]
            layers += [conv_bn(mid, mid, k, stride, group=mid), nn.SiLU(), SqueezeExcite(mid, max(1, cin // 4)),
                       conv_bn(mid, cout, 1)]
            self.body = nn.SequentialCell(layers)
            self.residual = stride == 1 and cin == cout

        def construct(self, x):
            out = self.body(x)
            return out + x if self.residual else out

    class EfficientNet(nn.Cell):
        # (expand, channels, repeats, stride, kernel): B0's stages with fewer repeats and narrower channels.
        STAGES = ((1, 16, 1, 1, 3), (6, 24, 2, 2, 3), (6, 40, 2, 2, 5), (6, 80, 2, 2, 3), (6, 112, 1, 1, 5),
                  (6, 192, 2, 2, 5), (6, 320, 1, 1, 3))

        def __init__(self, num_classes=10):
            super().__init__()
            self.stem = nn.SequentialCell([conv_bn(3, 32, 3, 2), nn.SiLU()])
            blocks, cin = [], 32
            for expand, c, repeats, stride, k in self.STAGES:
                for r in range(repeats):
                    blocks.append(MBConv(cin, c, expand, k, stride if r == 0 else 1))
                    cin = c
            self.blocks = nn.SequentialCell(blocks)
            self.top = nn.SequentialCell([conv_bn(cin, 640, 1), nn.SiLU()])
            self.head = nn.Dense(640, num_classes)

        def construct(self, x):
            x = self.top(self.blocks(self.stem(x)))
            return self.head(ops.mean(x, (2, 3)))

    return {"resnet": ResNet18, "effnet": EfficientNet}


#: script name -> (network, mode, input shape, batch); ``--mindcv MODEL[:MODE]`` adds ``mindcv-MODEL-MODE``.
SCRIPTS = {"resnet": ("resnet", "graph", (3, 32, 32), 32), "effnet": ("effnet", "pynative", (3, 64, 64), 16)}
MINDCV_SHAPE, MINDCV_BATCH = (3, 64, 64), 16
#: The README's mindcv set: small models of families that pass under mindshim (docs/coverage_mindcv.md).
MINDCV_MODELS = ["resnet18:graph", "shufflenet_v2_x0_5:graph", "googlenet:graph", "pvt_v2_b0:graph",
                 "mobilevit_xx_small:graph", "squeezenet1_1", "efficientnet_b0", "seresnet18",
                 "mobilenet_v3_small_075", "mobilenet_v2_035_96"]


def mindcv_script(spec):
    """``MODEL[:MODE]`` (mode ``graph`` or ``pynative``, default pynative) as ``(script name, script)``."""
    model, _, mode = spec.partition(":")
    mode = mode or "pynative"
    if mode not in ("graph", "pynative"):
        raise SystemExit(f"--mindcv {spec}: the mode is graph or pynative")
    return f"mindcv-{model}-{mode}", ("mindcv:" + model, mode, MINDCV_SHAPE, MINDCV_BATCH)


def build(ms, network):
    """The network: one of :func:`networks` or ``mindcv:MODEL`` through ``mindcv.create_model``."""
    if network.startswith("mindcv:"):
        import mindcv
        return mindcv.create_model(network.partition(":")[2], num_classes=10)
    return networks(ms)[network]()


def data(shape, batch):
    import numpy as np
    rng = np.random.RandomState(0)
    x = rng.randn(7 * batch, *shape).astype(np.float32)
    y = rng.randint(0, 10, 7 * batch).astype(np.int32)
    return x, y


# ---- the scripts ---------------------------------------------------------------------------------------
def script_graph(ms, spec, ckpt):
    """GRAPH_MODE, Model: load, eval 4 batches, train 3 steps."""
    network, _, shape, batch = spec
    ms.set_context(mode=ms.GRAPH_MODE)
    x, y = data(shape, batch)
    net = build(ms, network)
    ms.load_param_into_net(net, ms.load_checkpoint(ckpt))
    loss = ms.nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
    opt = ms.nn.Momentum(net.trainable_params(), 0.01, 0.9)
    model = ms.train.Model(net, loss, opt, metrics={"acc"})
    ds = ms.dataset.NumpySlicesDataset((x[:4 * batch], y[:4 * batch]), ["x", "y"], shuffle=False).batch(batch)
    acc = model.eval(ds)["acc"]
    ds = ms.dataset.NumpySlicesDataset((x[4 * batch:], y[4 * batch:]), ["x", "y"], shuffle=False).batch(batch)
    losses = []
    model.train(1, ds, callbacks=ms.train.LambdaCallback(
        on_train_step_end=lambda rc: losses.append(float(rc.original_args().net_outputs.asnumpy()))))
    return acc, losses


def script_pynative(ms, spec, ckpt):
    """PyNative, the 2.x loop: load, an eval loop over 4 batches, 3 steps of value_and_grad + optimizer."""
    network, _, shape, batch = spec
    ms.set_context(mode=ms.PYNATIVE_MODE)
    x, y = data(shape, batch)
    net = build(ms, network)
    ms.load_param_into_net(net, ms.load_checkpoint(ckpt))
    loss_fn = ms.nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
    opt = ms.nn.Momentum(net.trainable_params(), 0.01, 0.9)
    net.set_train(False)
    correct = 0
    for i in range(4):
        logits = net(ms.Tensor(x[i * batch:(i + 1) * batch]))
        correct += int((logits.argmax(1).asnumpy() == y[i * batch:(i + 1) * batch]).sum())
    net.set_train(True)

    def forward(data, label):
        return loss_fn(net(data), label)
    grad_fn = ms.value_and_grad(forward, None, opt.parameters)
    losses = []
    for i in range(4, 7):
        loss, grads = grad_fn(ms.Tensor(x[i * batch:(i + 1) * batch]), ms.Tensor(y[i * batch:(i + 1) * batch]))
        opt(grads)
        losses.append(float(loss.asnumpy()))
    return correct / (4 * batch), losses


def child(framework, name, ckpt, make_ckpt, mindcv_path):
    if framework == "mindspore":
        import mindspore as ms
        ms.set_context(device_target="CPU")
    else:
        sys.path.insert(0, ROOT)
        import mindshim as ms
        ms.install()  # so that mindcv's ``import mindspore`` finds mindshim
    if mindcv_path:
        sys.path.insert(0, mindcv_path)
    spec = SCRIPTS[name] if name in SCRIPTS else mindcv_script(":".join(name[len("mindcv-"):].rpartition("-")[::2]))[1]
    if make_ckpt:
        ms.set_seed(1)
        ms.save_checkpoint(build(ms, spec[0]), ckpt)
        return
    result = (script_graph if spec[1] == "graph" else script_pynative)(ms, spec, ckpt)
    print(json.dumps(result))


# ---- the driver ----------------------------------------------------------------------------------------
def child_command(python, framework, name, ckpt, mindcv_path):
    cmd = [python, os.path.abspath(__file__), "--child", framework, name, ckpt]
    return cmd + ["--mindcv-path", mindcv_path] if mindcv_path else cmd


def run_script(python, framework, name, ckpt, mindcv_path, env=None):
    """``(wall seconds, CPU seconds)`` of one fresh process running script ``name``."""
    cmd = child_command(python, framework, name, ckpt, mindcv_path)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode:
        raise RuntimeError(f"{framework} {name} failed:\n{proc.stderr[-3000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def make_checkpoint(python, framework, name, folder, mindcv_path):
    ckpt = os.path.join(folder, f"{name}-{framework}.ckpt")
    proc = subprocess.run(child_command(python, framework, name, ckpt, mindcv_path) + ["--make-ckpt"],
                          capture_output=True, text=True, cwd=ROOT)
    if proc.returncode:
        raise RuntimeError(f"{framework} {name}: building the checkpoint failed:\n{proc.stderr[-3000:]}")
    return ckpt


def measure(name, repeats, folder, mindspore_python=None, mindcv_path=None):
    """Medians over ``repeats`` rounds, each round MindSpore (if asked), mindshim cold, mindshim warm in turn (so
    that the machine's load hits all alike): ``{kind: (wall, cpu)}``."""
    shim_ckpt = make_checkpoint(sys.executable, "mindshim", name, folder, mindcv_path)
    ms_ckpt = mindspore_python and make_checkpoint(mindspore_python, "mindspore", name, folder, mindcv_path)
    runs = {"mindspore": [], "cold": [], "warm": []}
    for r in range(repeats):
        if mindspore_python:
            runs["mindspore"].append(run_script(mindspore_python, "mindspore", name, ms_ckpt, mindcv_path))
        env = dict(os.environ, MINDSHIM_CACHE_DIR=os.path.join(folder, f"cache-{name}-{r}"))
        runs["cold"].append(run_script(sys.executable, "mindshim", name, shim_ckpt, mindcv_path, env))
        runs["warm"].append(run_script(sys.executable, "mindshim", name, shim_ckpt, mindcv_path, env))
        shutil.rmtree(env["MINDSHIM_CACHE_DIR"], ignore_errors=True)
    return {k: tuple(statistics.median(x) for x in zip(*v)) for k, v in runs.items() if v}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", nargs=3, metavar=("FRAMEWORK", "SCRIPT", "CKPT"))
    parser.add_argument("--make-ckpt", action="store_true")
    parser.add_argument("--record-mindspore", metavar="PYTHON",
                        help="a Python with MindSpore: time it in the same rounds and record its times")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--scripts", nargs="*", default=list(SCRIPTS), choices=list(SCRIPTS))
    parser.add_argument("--mindcv", nargs="*", metavar="MODEL[:MODE]",
                        help="mindcv models by name (mindcv.create_model), mode graph or pynative (default); "
                             "alone: MINDCV_MODELS")
    parser.add_argument("--mindcv-path", help="a folder holding the mindcv package, put first on sys.path")
    args = parser.parse_args()
    if args.child:
        return child(*args.child, args.make_ckpt, args.mindcv_path)
    specs = MINDCV_MODELS if args.mindcv == [] else args.mindcv or []
    names = args.scripts + [mindcv_script(spec)[0] for spec in specs]
    # Byte-compiled as an installed package is (and as a user's first import leaves it): a checkout run with
    # PYTHONDONTWRITEBYTECODE set would otherwise compile mindshim's source in every process (0.7 s of CPU).
    compileall.compile_dir(os.path.join(ROOT, "mindshim"), quiet=1)
    folder = tempfile.mkdtemp(prefix="first_result_")
    recorded = {}
    if os.path.exists(RECORD):
        with open(RECORD) as f:
            recorded = json.load(f)["scripts"]
    version = args.record_mindspore and subprocess.run(
        [args.record_mindspore, "-c", "import mindspore; print(mindspore.__version__)"], capture_output=True,
        text=True, cwd=folder).stdout.strip().splitlines()[-1]
    print("wall seconds of the whole process (CPU seconds), medians of interleaved runs; ratios to MindSpore's "
          f"wall (CPU) time; targets on wall time: cold <= {COLD}, warm <= {WARM}", flush=True)
    print(f"{'script':<36} {'MindSpore':>14} {'mindshim cold':>16} {'ratio':>12} {'mindshim warm':>16} {'ratio':>12}"
          "  load average", flush=True)
    failed = []
    try:
        for name in names:
            try:
                res = measure(name, args.repeats, folder, args.record_mindspore, args.mindcv_path)
            except RuntimeError as e:  # one model failing leaves the others' rows
                failed.append(name)
                print(f"{name:<36} {e}", flush=True)
                continue
            if args.record_mindspore:  # written as each script finishes, so that a long run keeps what it measured
                recorded[name] = {"wall_s": res["mindspore"][0], "cpu_s": res["mindspore"][1]}
                with open(RECORD, "w") as f:
                    json.dump({"mindspore": version, "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
                               "recorded_by": "python benchmarks/first_result.py --record-mindspore PYTHON",
                               "scripts": recorded}, f, indent=1)
                    f.write("\n")
            base = res["mindspore"] if "mindspore" in res else (recorded[name]["wall_s"], recorded[name]["cpu_s"])
            (cold, cold_cpu), (warm, warm_cpu) = res["cold"], res["warm"]
            flags = ("" if cold <= COLD * base[0] else "*", "" if warm <= WARM * base[0] else "*")
            print(f"{name:<36} {base[0]:>6.1f}s ({base[1]:>4.1f}) {cold:>7.1f}s ({cold_cpu:>5.1f}) "
                  f"{cold / base[0]:>4.2f}{flags[0]:1} ({cold_cpu / base[1]:.2f}) {warm:>7.1f}s ({warm_cpu:>5.1f}) "
                  f"{warm / base[0]:>4.2f}{flags[1]:1} ({warm_cpu / base[1]:.2f})  "
                  + " ".join(f"{v:.1f}" for v in os.getloadavg()), flush=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print("(* above the target)")
    if failed:
        raise SystemExit(f"failed: {' '.join(failed)}")


if __name__ == "__main__":
    main()
