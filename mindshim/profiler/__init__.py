"""``mindspore.profiler`` over ``jax.profiler``: ``Profiler`` records JAX's trace of what runs between ``start()`` and
``stop()`` (or of the steps its ``schedule`` records) in TensorBoard's format under ``output_path``
(``plugins/profile/<time>/*.xplane.pb``, ``*.trace.json.gz``; TensorBoard's profile plugin or Perfetto open them),
and writes the ``add_metadata`` pairs to ``profiler_metadata.json`` there.

Where it differs: MindSpore's collectors (Ascend's AI core metrics, L2 cache, memory, MindStudio's layout) are
XLA's profiler here, so ``profiler_level``, ``activities``, ``aic_metrics`` and the other collector options are
checked and kept but select nothing, and ``analyse``/``offline_analyse`` have nothing to convert: JAX writes the
trace in its final format when it stops. JAX traces one profile at a time per process.
"""
import enum
import json
import os
import warnings

import jax

from .._unsupported import module_getattr


class ProfilerLevel(enum.Enum):
    LevelNone = "LevelNone"
    Level0 = "Level0"
    Level1 = "Level1"
    Level2 = "Level2"


class ProfilerActivity(enum.Enum):
    NPU = "NPU"
    GPU = "GPU"
    CPU = "CPU"


class AicoreMetrics(enum.Enum):
    PipeUtilization = "PipeUtilization"
    ArithmeticUtilization = "ArithmeticUtilization"
    Memory = "Memory"
    MemoryL0 = "MemoryL0"
    MemoryUB = "MemoryUB"
    ResourceConflictRatio = "ResourceConflictRatio"
    L2Cache = "L2Cache"
    MemoryAccess = "MemoryAccess"
    AiCoreNone = "None"


class ExportType(enum.Enum):
    Db = "db"
    Text = "text"


class HostSystem(enum.Enum):
    CPU = "cpu"
    MEM = "mem"
    DISK = "disk"
    NETWORK = "network"
    OSRT = "osrt"


_NONE, _WARM_UP, _RECORD, _RECORD_AND_SAVE = "NONE", "WARM_UP", "RECORD", "RECORD_AND_SAVE"


class schedule:  # noqa: N801  (MindSpore's name)
    """Which steps a Profiler records: skip ``skip_first`` steps, then cycles of ``wait`` idle steps, ``warmup``
    steps and ``active`` recorded ones (the trace is saved at the last), ``repeat`` times (0: until the end).
    Arguments that are not non-negative ints (``active``: positive) fall back to their defaults with a warning,
    as in MindSpore."""

    def __init__(self, *, wait, active, warmup=0, repeat=0, skip_first=0):
        self.wait, self.active, self.warmup, self.repeat, self.skip_first = wait, active, warmup, repeat, skip_first
        for name, least, default in (("wait", 0, 0), ("warmup", 0, 0), ("active", 1, 1), ("repeat", 0, 0),
                                     ("skip_first", 0, 0)):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < least:
                warnings.warn(f"Parameter '{name}' should be of type int, but got {type(value).__name__}. reset to "
                              f"int {default}.", stacklevel=2)
                setattr(self, name, default)

    def __call__(self, step):
        """The action at ``step``: ``"NONE"``, ``"WARM_UP"``, ``"RECORD"`` or ``"RECORD_AND_SAVE"``."""
        if step < 0:
            raise ValueError("Invalid parameter step, which must be not less than 0.")
        if step < self.skip_first:
            return _NONE
        step -= self.skip_first
        cycle = self.wait + self.warmup + self.active
        if 0 < self.repeat <= step / cycle:
            return _NONE
        step %= cycle
        if step < self.wait:
            return _NONE
        if step < self.wait + self.warmup:
            return _WARM_UP
        return _RECORD if step < cycle - 1 else _RECORD_AND_SAVE

    def to_dict(self):
        return {"wait": self.wait, "active": self.active, "warmup": self.warmup, "repeat": self.repeat,
                "skip_first": self.skip_first}

    def __repr__(self):
        return (f"Schedule(wait={self.wait!r}, active={self.active!r}, warmup={self.warmup!r}, "
                f"repeat={self.repeat!r}, skip_first={self.skip_first!r})")


def tensorboard_trace_handler(dir_name=None, worker_name=None, analyse_flag=True, async_mode=False):
    """An ``on_trace_ready`` handler: the Profiler writes its traces under ``dir_name`` (default ``./data``) and the
    handler runs ``analyse`` after each saved trace."""
    def handler(prof):
        if analyse_flag is not False:
            prof.analyse()
    handler.dir_name = dir_name or "./data"
    return handler


_OPTIONS = {"output_path": "./data", "profiler_level": ProfilerLevel.Level0,
            "activities": [ProfilerActivity.CPU, ProfilerActivity.NPU], "aic_metrics": AicoreMetrics.AiCoreNone,
            "with_stack": False, "profile_memory": False, "data_process": False, "parallel_strategy": False,
            "start_profile": True, "l2_cache": False, "hbm_ddr": False, "pcie": False, "sys_io": False,
            "sys_interconnection": False, "host_sys": [], "sync_enable": True, "data_simplification": True,
            "record_shapes": False, "export_type": [ExportType.Text], "mstx": False, "mstx_domain_include": [],
            "mstx_domain_exclude": [], "schedule": None, "on_trace_ready": None}


class Profiler:
    """MindSpore's Profiler (see the module): ``Profiler(output_path="./data", start_profile=True, schedule=None,
    on_trace_ready=None, ...)``; usable as a context manager (``with Profiler(...) as prof: ... prof.step()``)."""

    def __init__(self, **kwargs):
        unknown = sorted(set(kwargs) - set(_OPTIONS))
        if unknown:
            warnings.warn(f"Profiler does not support the parameters {unknown}; they are ignored.", stacklevel=2)
        for name, default in _OPTIONS.items():
            value = kwargs.get(name)
            setattr(self, name, default if value is None else value)
        if not isinstance(self.output_path, str):
            raise TypeError(f"For 'Profiler', the type of 'output_path' must be str, but got "
                            f"{type(self.output_path).__name__}.")
        if self.on_trace_ready is not None and not callable(self.on_trace_ready):
            raise TypeError("For 'Profiler', 'on_trace_ready' must be callable.")
        self.output_path = os.path.abspath(getattr(self.on_trace_ready, "dir_name", None) or self.output_path)
        self._metadata = {}
        self._started = self._tracing = False
        self._steps = self.schedule is not None
        self.step_num = 0
        self.current_action = self.schedule(0) if self._steps else _RECORD
        if self.start_profile:
            self.start()

    def start(self):
        """Start recording (at once, or at the steps the schedule records)."""
        if self._started:
            warnings.warn("The profiler has already started. Do not turn on again in the open state.", stacklevel=2)
            return
        self._started = True
        self._enter(self.current_action)

    def stop(self):
        """Stop recording and write the trace (a Profiler with a schedule stops through ``step()``)."""
        if not self._started:
            warnings.warn("The profiler has not started. Do not turn off again in the closed state.", stacklevel=2)
            return
        self._started = False
        self._save()

    def step(self):
        """Advance the schedule by one step: start, keep or save the trace as it says."""
        if not self._steps or not self._started:
            warnings.warn("With no schedule in the Profiler, or with the Profiler stopped, step takes no effect!",
                          stacklevel=2)
            return
        previous = self.current_action
        self.step_num += 1
        self.current_action = self.schedule(self.step_num)
        if previous == _RECORD_AND_SAVE:
            self._save()
        self._enter(self.current_action)

    def analyse(self, offline_path=None, pretty=False, step_list=None, mode="sync"):
        """Nothing to convert: the trace is in its final format once saved (see the module)."""

    @staticmethod
    def offline_analyse(path, pretty=False, step_list=None, data_simplification=True):
        """Nothing to convert: the traces under ``path`` are in their final format (see the module)."""
        if not isinstance(path, str):
            raise TypeError(f"For 'Profiler.offline_analyse', 'path' must be str, but got {type(path).__name__}.")

    def add_metadata(self, key, value):
        """Keep ``key: value`` (strings) for ``profiler_metadata.json``."""
        if not isinstance(key, str) or not isinstance(value, str):
            warnings.warn("The key and value of metadata must be string. Skip this metadata.", stacklevel=2)
            return
        self._metadata[key] = value

    def add_metadata_json(self, key, value):
        """Keep ``key``: the JSON ``value`` decoded, for ``profiler_metadata.json``."""
        if not isinstance(key, str) or not isinstance(value, str):
            warnings.warn("The key and value of metadata must be string. Skip this metadata.", stacklevel=2)
            return
        try:
            self._metadata[key] = json.loads(value)
        except ValueError:
            warnings.warn("The metadata value must be json format string. Skip this metadata", stacklevel=2)

    def __enter__(self):
        if not self._started:
            self.start()
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        if self._started:
            self._started = False
            self._save()

    def _enter(self, action):
        if action != _NONE and not self._tracing:
            jax.profiler.start_trace(self.output_path)
            self._tracing = True

    def _save(self):
        if not self._tracing:
            return
        jax.profiler.stop_trace()
        self._tracing = False
        if self._metadata:
            with open(os.path.join(self.output_path, "profiler_metadata.json"), "w") as f:
                json.dump(self._metadata, f, indent=4)
        if self.on_trace_ready is not None:
            self.on_trace_ready(self)


__all__ = ["Profiler", "schedule", "tensorboard_trace_handler", "ProfilerLevel", "ProfilerActivity",
           "AicoreMetrics", "ExportType", "HostSystem"]
__getattr__ = module_getattr(__name__)
