"""Metrics of text: ``BleuScore``."""
from collections import Counter

import numpy as np

from ... import _checkparam as validator
from .metric import Metric, rearrange_inputs


def _ngrams(words, n_gram):
    """How often each 1- to ``n_gram``-gram of ``words`` occurs."""
    return Counter(tuple(words[j:j + i]) for i in range(1, n_gram + 1) for j in range(len(words) - i + 1))


class BleuScore(Metric):
    """BLEU of translated sentences against their references: the geometric mean of the clipped 1- to
    ``n_gram``-gram precisions (``smooth``: each count plus one), times the brevity penalty
    ``exp(1 - r / c)`` when the candidates' length ``c`` is at most the closest references' length ``r``."""

    def __init__(self, n_gram=4, smooth=False):
        super().__init__()
        self.n_gram = validator.check_value_type("n_gram", n_gram, [int])
        if self.n_gram > 4 or self.n_gram < 1:
            raise ValueError(f"For 'BleuScore', the argument 'n_gram' should range from 1 to 4, but got {n_gram}.")
        self.smooth = validator.check_value_type("smooth", smooth, [bool])
        self.clear()

    def clear(self):
        self._numerator = np.zeros(self.n_gram)
        self._denominator = np.zeros(self.n_gram)
        self._c = self._r = 0.0
        self._is_update = False

    @rearrange_inputs
    def update(self, *inputs):
        """Add ``candidate_corpus`` (a list of word lists) and ``reference_corpus`` (for each, a list of word
        lists)."""
        if len(inputs) != 2:
            raise ValueError("For 'BleuScore.update', it needs 2 inputs (candidate_corpus, reference_corpus), "
                             f"but got {len(inputs)}.")
        candidate_corpus, reference_corpus = inputs
        if len(candidate_corpus) != len(reference_corpus):
            raise ValueError("For 'BleuScore.update', 'translate_corpus' (inputs[0]) and 'reference_corpus' "
                             "(inputs[1]) should be equal in length, but got "
                             f"{len(candidate_corpus)}, {len(reference_corpus)}")
        for candidate, references in zip(candidate_corpus, reference_corpus):
            self._c += len(candidate)
            self._r += len(min(references, key=lambda ref: abs(len(candidate) - len(ref))))
            counts = _ngrams(candidate, self.n_gram)
            allowed = Counter()
            for ref in references:
                allowed |= _ngrams(ref, self.n_gram)
            for gram, n in (counts & allowed).items():
                self._numerator[len(gram) - 1] += n
            for gram, n in counts.items():
                self._denominator[len(gram) - 1] += n
        self._is_update = True

    def eval(self):
        """The BLEU score (a NumPy float64; 0.0 when some n-gram order has no match)."""
        if not self._is_update:
            raise RuntimeError("Please call the 'update' method before calling 'eval' method.")
        if min(self._numerator) == 0.0:
            return np.array(0.0)
        extra = 1.0 if self.smooth else 0.0
        precision = (self._numerator + extra) / (self._denominator + extra)
        geometric_mean = np.exp(np.sum(np.log(precision) / self.n_gram))
        brevity_penalty = np.array(1.0) if self._c > self._r else np.exp(1 - np.array(self._r) / np.array(self._c))
        return brevity_penalty * geometric_mean
