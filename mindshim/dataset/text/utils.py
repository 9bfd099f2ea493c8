"""``mindspore.dataset.text.utils``: ``Vocab``, ``NormalizeForm`` and the bytes/str conversions."""
import os
from enum import IntEnum

import numpy as np

from ..core.validator_helpers import INT32_MAX, check_value, type_check, type_check_list
from ..engine._pipeline import pipeline_error


class NormalizeForm(IntEnum):
    """Unicode normalization forms (``NONE``: none)."""
    NONE = 0
    NFC = 1
    NFKC = 2
    NFD = 3
    NFKD = 4


def _unique_words(words, arg_name):
    type_check(words, (list,), arg_name)
    seen = set()
    for word in words:
        type_check(word, (str,), arg_name)
        if word in seen:
            raise ValueError(f"{arg_name} contains duplicate word: {word}.")
        seen.add(word)
    return seen


class Vocab:
    """A mapping from tokens to ids, built with ``from_list``, ``from_dict`` or ``from_file``.

    mindshim builds vocabularies from Python data; ``from_dataset`` raises NotImplementedError.
    """

    def __init__(self):
        self._ids = None

    @classmethod
    def _of(cls, ids):
        vocab = cls()
        vocab._ids = ids
        return vocab

    @classmethod
    def _from_words(cls, words, special_tokens, special_first):
        special_tokens = special_tokens or []
        ordered = special_tokens + words if special_first else words + special_tokens
        return cls._of({word: i for i, word in enumerate(ordered)})

    @classmethod
    def from_list(cls, word_list, special_tokens=None, special_first=True):
        """Ids in list order, ``special_tokens`` before (``special_first``) or after the words."""
        words = _unique_words(word_list, "word_list")
        if special_tokens is not None:
            common = words.intersection(_unique_words(special_tokens, "special_tokens"))
            if common:
                raise ValueError(f"special_tokens and word_list contain duplicate word :{common}.")
        type_check(special_first, (bool,), "special_first")
        return cls._from_words(list(word_list), special_tokens, special_first)

    @classmethod
    def from_dict(cls, word_dict):
        """The given token -> id mapping."""
        type_check(word_dict, (dict,), "word_dict")
        for word, word_id in word_dict.items():
            type_check(word, (str,), "word")
            type_check(word_id, (int,), "word_id")
            check_value(word_id, (0, INT32_MAX), "word_id")
        return cls._of(dict(word_dict))

    @classmethod
    def from_file(cls, file_path, delimiter="", vocab_size=None, special_tokens=None, special_first=True):
        """One token per line (the text before ``delimiter``, if given), the first ``vocab_size`` lines."""
        if special_tokens is not None:
            _unique_words(special_tokens, "special_tokens")
        type_check_list([file_path, delimiter], (str,), ["file_path", "delimiter"])
        if vocab_size is not None and vocab_size <= 0:
            raise ValueError("Input vocab_size must be greater than 0.")
        type_check(special_first, (bool,), special_first)
        if not os.path.isfile(file_path):
            raise pipeline_error(f"Get real path failed, path={file_path}")
        words = []
        with open(file_path, encoding="utf-8") as f:
            for line in f:
                word = line.rstrip("\r\n")
                word = word.split(delimiter, 1)[0] if delimiter else word
                if vocab_size is not None and len(words) >= vocab_size:
                    break
                if word in words:
                    raise pipeline_error(f"from_file: word_list contains duplicate word:{word}")
                words.append(word)
        return cls._from_words(words, special_tokens, special_first)

    @classmethod
    def from_dataset(cls, dataset, columns=None, freq_range=None, top_k=None, special_tokens=None,
                     special_first=True):
        raise NotImplementedError("mindspore.dataset.text.Vocab.from_dataset is not supported by mindshim yet")

    def _check_built(self):
        if self._ids is None:
            raise RuntimeError(f"The Vocab has not built yet, got type {type(None)}. Use Vocab.from_dataset(), "
                               "Vocab.from_list(), Vocab.from_file() or Vocab.from_dict() to build a Vocab.")

    def vocab(self):
        """The token -> id dict."""
        self._check_built()
        return dict(self._ids)

    def tokens_to_ids(self, tokens):
        """The id of each token (-1 for unknown ones); one token gives one id."""
        type_check(tokens, (str, list, np.ndarray), "tokens")
        if isinstance(tokens, list):
            type_check_list(tokens, (str, np.str_), [f"tokens[{i}]" for i in range(len(tokens))])
        self._check_built()
        tokens = tokens.tolist() if isinstance(tokens, np.ndarray) else tokens
        ids = [self._ids.get(t, -1) for t in ([tokens] if isinstance(tokens, str) else tokens)]
        return ids[0] if len(ids) == 1 else ids

    def ids_to_tokens(self, ids):
        """The token of each id ("" for unknown ones); one id gives one token."""
        type_check(ids, (int, list, np.ndarray), "ids")
        if isinstance(ids, int):
            check_value(ids, (0, INT32_MAX), "ids")
        if isinstance(ids, list):
            for i, id_ in enumerate(ids):
                type_check(id_, (int, np.int_), f"ids[{i}]")
                check_value(id_, (0, INT32_MAX), f"ids[{i}]")
        self._check_built()
        ids = ids.tolist() if isinstance(ids, np.ndarray) else ids
        tokens = {i: t for t, i in self._ids.items()}
        out = [tokens.get(i, "") for i in ([ids] if isinstance(ids, int) else ids)]
        return out[0] if len(out) == 1 else out


def to_bytes(array, encoding='utf8'):
    """A str array encoded as a bytes array."""
    if not isinstance(array, np.ndarray):
        raise ValueError('input should be a NumPy array.')
    return np.char.encode(array, encoding)


def to_str(array, encoding='utf8'):
    """A bytes array decoded as a str array."""
    if not isinstance(array, np.ndarray):
        raise TypeError('input should be a NumPy array.')
    return np.char.decode(array, encoding)
