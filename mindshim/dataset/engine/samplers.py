"""``mindspore.dataset`` samplers: which rows of a random-access source a pass reads, in which order.

A sampler turns a source of ``n`` rows into an array of row ids. A child sampler runs first and its ids are the
rows its parent chooses among (``split`` chains samplers this way). Orders follow MindSpore's rules (sequential,
interleaved shards with wrap-around, ``num_samples`` caps); random orders come from the pipeline's seed
(``mindspore.dataset.config.set_seed``) and differ from MindSpore's generator.
"""
import numbers
from enum import Enum

import numpy as np

from ..core.validator_helpers import INT64_MAX
from ._pipeline import pipeline_error


class Shuffle(str, Enum):
    """The shuffle modes; mindshim's file-free sources know FALSE and GLOBAL (ADAPTIVE acts as GLOBAL)."""
    FALSE: str = "false"
    ADAPTIVE: str = "adaptive"
    GLOBAL: str = "global"
    PARTIAL: str = "partial"
    FILES: str = "file"
    INFILE: str = "infile"


def _check_num_samples(num_samples):
    if num_samples is not None:
        if not isinstance(num_samples, int) or isinstance(num_samples, bool):
            raise TypeError(f"num_samples must be integer but was: {num_samples}.")
        if num_samples < 0 or num_samples > INT64_MAX:
            raise ValueError(f"num_samples exceeds the boundary between 0 and {INT64_MAX}(INT64_MAX)!")


def _cap(count, num_samples):
    return count if not num_samples else min(count, num_samples)


class BuiltinSampler:
    """Base of the samplers. ``_local(m, run)`` picks among ``m`` candidate rows; ``_count(m)`` says how many."""

    def __init__(self, num_samples=None):
        self.child_sampler = None
        self.num_samples = num_samples

    def add_child(self, sampler):
        if self.child_sampler is not None:
            raise RuntimeError("Cannot add child sampler, this sampler already has a child.")
        self.child_sampler = sampler

    def get_child(self):
        return self.child_sampler

    def _handshake(self, dataset):
        """Meet the source ``dataset`` before a pass (a sampler that reads its labels keeps it)."""
        if self.child_sampler is not None:
            self.child_sampler._handshake(dataset)

    def get_num_samples(self):
        if self.child_sampler is not None:
            child = self.child_sampler.get_num_samples()
            if self.num_samples is not None:
                return self.num_samples if child is None else min(self.num_samples, child)
            return child
        return self.num_samples

    def get_shuffle_mode(self):
        return Shuffle.FALSE

    def is_shuffled(self):
        return self.child_sampler is not None and self.child_sampler.is_shuffled()

    def is_sharded(self):
        return self.child_sampler is not None and self.child_sampler.is_sharded()

    # ---- mindshim's evaluation ---------------------------------------------------------------------
    def _ids(self, n, run):
        """The row ids of one pass over a source of ``n`` rows."""
        if self.child_sampler is None:
            return self._local(n, run)
        candidates = self.child_sampler._ids(n, run)
        return candidates[self._local(len(candidates), run)]

    def _size(self, n):
        """How many ids ``_ids`` gives for ``n`` rows, without drawing them."""
        m = n if self.child_sampler is None else self.child_sampler._size(n)
        return None if m is None else self._count(m)

    def _local(self, m, run):
        raise NotImplementedError

    def _count(self, m):
        raise NotImplementedError


class SequentialSampler(BuiltinSampler):
    """Rows ``start_index``, ``start_index + 1``, ... (at most ``num_samples`` of them)."""

    def __init__(self, start_index=None, num_samples=None):
        if start_index is not None and not isinstance(start_index, int):
            raise TypeError(f"start_index must be integer but was: {start_index}.")
        _check_num_samples(num_samples)
        self.start_index = start_index
        super().__init__(num_samples)

    def _count(self, m):
        return _cap(max(0, m - (self.start_index or 0)), self.num_samples)

    def _local(self, m, run):
        start = self.start_index or 0
        return np.arange(start, start + self._count(m), dtype=np.int64)


class RandomSampler(BuiltinSampler):
    """A random order of the rows (with ``replacement``: ``num_samples`` independent draws)."""

    def __init__(self, replacement=False, num_samples=None, shuffle=Shuffle.GLOBAL):
        if not isinstance(replacement, bool):
            raise TypeError(f"replacement must be a boolean value but was: {replacement}.")
        _check_num_samples(num_samples)
        if shuffle not in (Shuffle.ADAPTIVE, Shuffle.GLOBAL, Shuffle.PARTIAL, Shuffle.FILES, Shuffle.INFILE):
            raise TypeError(f"shuffle must be valid shuffle mode but was: {shuffle}.")
        self.shuffle = shuffle
        self.deterministic = False
        self.replacement = replacement
        self.reshuffle_each_epoch = True
        self._seed = None  # split() fixes it so that every split draws the same order
        super().__init__(num_samples)

    def get_shuffle_mode(self):
        return self.shuffle

    def is_shuffled(self):
        return True

    def _count(self, m):
        return _cap(m, self.num_samples) if not self.replacement else (self.num_samples or m)

    def _local(self, m, run):
        seed = self._seed
        if seed is None and not self.reshuffle_each_epoch:
            seed = self._seed = int(np.random.SeedSequence(run.base).generate_state(1)[0])
        rng = run.rng(self, seed=seed)
        if self.replacement:
            return rng.integers(0, m, self._count(m), dtype=np.int64) if m else np.zeros(0, np.int64)
        return rng.permutation(m)[:self._count(m)].astype(np.int64)


class DistributedSampler(BuiltinSampler):
    """Shard ``shard_id`` of ``num_shards``: rows ``shard_id``, ``shard_id + num_shards``, ... wrapping around so
    every shard has ``ceil(n / num_shards)`` rows, as MindSpore. Shuffled, every shard permutes the same way
    (seeded from the configured seed, whose default is the same in every process), so shards stay disjoint."""

    def __init__(self, num_shards, shard_id, shuffle=True, num_samples=None, offset=-1):
        if not isinstance(num_shards, int):
            raise TypeError(f"num_shards must be integer but was: {num_shards}.")
        if not isinstance(shard_id, int):
            raise TypeError(f"shard_id must be integer but was: {shard_id}.")
        if not isinstance(shuffle, bool) and shuffle not in tuple(Shuffle):
            raise TypeError(f"shuffle must be a boolean value or valid shuffle mode but was: {shuffle}.")
        _check_num_samples(num_samples)
        if not isinstance(offset, int):
            raise TypeError(f"offset must be integer but was: {offset}.")
        if offset != -1:
            raise NotImplementedError("mindspore.dataset.DistributedSampler with an offset is not supported by "
                                      "mindshim yet")
        self.num_shards, self.shard_id, self.offset = num_shards, shard_id, offset
        self.shuffle = (Shuffle.GLOBAL if shuffle else Shuffle.FALSE) if isinstance(shuffle, bool) else shuffle
        super().__init__(num_samples)

    def get_shuffle_mode(self):
        return self.shuffle

    def is_shuffled(self):
        return self.shuffle != Shuffle.FALSE if self.child_sampler is None else self.child_sampler.is_shuffled()

    def is_sharded(self):
        return self.num_shards > 1 if self.child_sampler is None else self.child_sampler.is_sharded()

    def set_offset(self, offset):
        self.offset = offset
        return self

    def _count(self, m):
        return _cap(-(-m // self.num_shards), self.num_samples) if m else 0

    def _local(self, m, run):
        ids = (np.arange(self._count(m), dtype=np.int64) * self.num_shards + self.shard_id) % max(m, 1)
        if self.shuffle != Shuffle.FALSE:
            ids = run.rng(self, fixed=True).permutation(m)[ids].astype(np.int64)
        return ids


class SubsetSampler(BuiltinSampler):
    """The given row ids, in order."""

    def __init__(self, indices, num_samples=None):
        _check_num_samples(num_samples)
        if not isinstance(indices, (list, tuple, np.ndarray)) or isinstance(indices, str):
            indices = [indices]
        for i, item in enumerate(indices):
            if not isinstance(item, numbers.Number):
                raise TypeError(f"SubsetSampler: Type of indices element must be int, but got list[{i}]: {item}, "
                                f"type: {type(item)}.")
        self.indices = list(indices)
        super().__init__(num_samples)

    def get_num_samples(self):
        return len(self.indices) if self.num_samples is None else min(len(self.indices), self.num_samples)

    def is_shuffled(self):
        return False

    def _count(self, m):
        return _cap(len(self.indices), self.num_samples)

    def _local(self, m, run):
        ids = np.asarray(self.indices[:self._count(m)], dtype=np.int64)
        bad = ids[(ids < 0) | (ids >= m)]
        if bad.size:
            raise pipeline_error(f"Sample ID ({int(bad[0])}) is out of bound, expected range [0, {m - 1}]")
        return ids


class SubsetRandomSampler(SubsetSampler):
    """The given row ids, in a random order."""

    def get_shuffle_mode(self):
        return Shuffle.GLOBAL

    def is_shuffled(self):
        return True

    def _local(self, m, run):
        ids = super()._local(m, run)
        return ids[run.rng(self).permutation(len(ids))]


class WeightedRandomSampler(BuiltinSampler):
    """``num_samples`` rows drawn with probabilities proportional to ``weights``."""

    def __init__(self, weights, num_samples=None, replacement=True):
        for i, w in enumerate(weights):
            if not isinstance(w, numbers.Number):
                raise TypeError(f"type of weights element must be number, but got w[{i}]: {w}, type: {type(w)}.")
        _check_num_samples(num_samples)
        if not isinstance(replacement, bool):
            raise TypeError(f"replacement must be a boolean value but was: {replacement}.")
        self.weights, self.replacement = list(weights), replacement
        super().__init__(num_samples)

    def get_shuffle_mode(self):
        return Shuffle.GLOBAL

    def is_shuffled(self):
        return True

    def _count(self, m):
        return self.num_samples or len(self.weights)

    def _local(self, m, run):
        w = np.asarray(self.weights, np.float64)[:m]
        if not w.size or w.sum() <= 0:
            raise pipeline_error("Invalid parameter, weights vector must not be empty or all zero.")
        return run.rng(self).choice(len(w), self._count(m), replace=self.replacement, p=w / w.sum()).astype(np.int64)


class Sampler(BuiltinSampler):
    """Base of user samplers: ``__iter__`` yields row ids; ``dataset_size`` is set before each pass and
    ``reset()`` is called after it."""

    def __init__(self, num_samples=None):
        super().__init__(num_samples)
        self.dataset_size = 0
        if self.num_samples is None and hasattr(self, "__len__"):
            self.num_samples = len(self)

    def __iter__(self):
        raise NotImplementedError

    def reset(self):
        """Called after each pass; override to change state between epochs."""

    def add_child(self, sampler):
        self.child_sampler = sampler

    def get_indices(self):
        ids = []
        for count, idx in enumerate(self):
            ids.extend([idx] if isinstance(idx, numbers.Number) else idx)
            if self.num_samples is not None and count + 1 >= self.num_samples:
                break
        out = np.array(ids)
        if out.dtype == object:
            raise RuntimeError("Fetched indices can not be converted to a valid ndarray.")
        return out.astype(np.int64)

    def _count(self, m):
        return None

    def _size(self, n):
        return None

    def _local(self, m, run):
        self.dataset_size = m
        ids = self.get_indices()
        self.reset()
        bad = ids[(ids < 0) | (ids >= m)]
        if bad.size:
            raise pipeline_error(f"Sample ID ({int(bad[0])}) is out of bound, expected range [0, {m - 1}]")
        return ids


class IterSampler(Sampler):
    """A user iterable of row ids as a sampler."""

    def __init__(self, sampler, num_samples=None):
        self.sampler = sampler
        super().__init__(len(sampler) if num_samples is None and hasattr(sampler, "__len__") else num_samples)

    def __iter__(self):
        return iter(self.sampler)


class PKSampler(BuiltinSampler):
    """``num_val`` rows of each class, the classes in the order of their labels (``shuffle``: a random order), as
    MindSpore draws them: each row at random among its class's, with replacement. The labels are the dataset's
    (its ``_class_labels()``, MindSpore's ``GetClassIds``), bound to the sampler by ``_handshake``."""

    def __init__(self, num_val, num_class=None, shuffle=False, class_column="label", num_samples=None):
        if not isinstance(num_val, int):
            raise TypeError(f"num_val must be integer but was: {num_val}.")
        if num_class is not None:
            raise NotImplementedError("Not supported to specify num_class for PKSampler.")
        if not isinstance(shuffle, bool):
            raise TypeError(f"shuffle must be a boolean value but was: {shuffle}.")
        if not isinstance(class_column, str):
            raise TypeError(f"class_column must be a str value but was: {class_column}.")
        _check_num_samples(num_samples)
        self.num_val, self.shuffle, self.class_column = num_val, shuffle, class_column
        self._source = None
        super().__init__(num_samples)

    def is_shuffled(self):
        return self.shuffle if self.child_sampler is None else self.child_sampler.is_shuffled()

    def _handshake(self, dataset):
        self._source = dataset

    def _classes(self):
        """``[row ids of each class]``, in the order of the labels."""
        if self.num_val <= 0:
            raise pipeline_error(f"PKSampler: num_val must be greater than 0, but got: {self.num_val}")
        labels = None if self._source is None else self._source._class_labels()
        if labels is None or self.child_sampler is not None:
            raise NotImplementedError(f"mindspore.dataset.PKSampler over {type(self._source).__name__}"
                                      f"{' with a child sampler' if self.child_sampler else ''} is not supported by "
                                      "mindshim yet")
        order = np.argsort(labels, kind="stable")
        return np.split(order, np.flatnonzero(np.diff(labels[order])) + 1) if len(order) else []

    def _count(self, m):
        return _cap(self.num_val * len(self._classes()), self.num_samples)

    def _local(self, m, run):
        classes, rng = self._classes(), run.rng(self)
        if self.shuffle:
            classes = [classes[i] for i in rng.permutation(len(classes))]
        ids = [ids[rng.integers(0, len(ids), self.num_val)] for ids in classes]
        return np.concatenate(ids).astype(np.int64)[:self._count(m)] if ids else np.zeros(0, np.int64)


def select_sampler(num_samples, input_sampler, shuffle, num_shards, shard_id):
    """The sampler MindSpore builds from a source's ``sampler``/``shuffle``/``num_shards``/``num_samples``."""
    if input_sampler is not None:
        if isinstance(input_sampler, BuiltinSampler) and any(
                arg is not None for arg in (num_shards, shard_id, shuffle, num_samples)):
            raise ValueError(f"Conflicting arguments during sampler assignments. num_samples: {num_samples}, "
                             f"num_shards: {num_shards}, shard_id: {shard_id}, shuffle: {shuffle}.")
        if isinstance(input_sampler, BuiltinSampler):
            return input_sampler
        if isinstance(input_sampler, (np.ndarray, list, tuple)):
            return SubsetSampler(input_sampler, num_samples)
        if not isinstance(input_sampler, str) and _iterable(input_sampler):  # __iter__, or __getitem__ from 0
            return IterSampler(input_sampler, num_samples)
        if isinstance(input_sampler, int):
            return SubsetSampler([input_sampler])
        raise TypeError(f"Unsupported sampler object of type ({type(input_sampler)})")
    if shuffle is not Shuffle.FALSE:
        if num_shards is not None:
            return DistributedSampler(num_shards, shard_id, shuffle=True, num_samples=num_samples)
        if num_samples is not None:
            return RandomSampler(replacement=True, num_samples=num_samples)
        return RandomSampler()
    if num_shards is not None:
        return DistributedSampler(num_shards, shard_id, shuffle=False, num_samples=num_samples)
    return SequentialSampler(num_samples=num_samples)


def _iterable(obj):
    try:
        iter(obj)
    except TypeError:
        return False
    return True
