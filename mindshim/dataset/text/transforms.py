"""``mindspore.dataset.text.transforms``: text transforms on numpy string arrays, in Python.

Strings come out as numpy ``str`` arrays and offsets (``with_offsets=True``) as UInt32 byte offsets into the
UTF-8 text, as in MindSpore. MindSpore matches its patterns with ICU; mindshim uses Python's ``re`` (ICU
extensions such as ``\\p{...}`` classes are not understood) and ``unicodedata``. Errors are MindSpore's.
"""
import itertools
import re
import unicodedata

import numpy as np

from ...common import dtype as mstype
from ..core.validator_helpers import UINT32_MAX, check_pos_int32, check_value, type_check
from ..engine._pipeline import DataError
from ..transforms.transforms import TensorOperation
from .utils import NormalizeForm, Vocab, to_str

# Unicode's White_Space characters (ICU's \s and u_isUWhiteSpace).
_WHITESPACE = frozenset("\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
                        "\u200a\u2028\u2029\u202f\u205f\u3000")


def _is_text(x):
    return x.dtype.kind in "US"


def _as_str(x):
    return to_str(x) if x.dtype.kind == "S" else x


def _strings(x, message):
    if not _is_text(x):
        raise DataError(message)
    return _as_str(x)


def _byte_len(s):
    return len(s.encode("utf-8"))


class TextTensorOperation(TensorOperation):
    """Base of the text transforms: a list of strings called directly becomes a string array."""


class _StringMap(TextTensorOperation):
    """A transform applied to every string of the input, of any shape."""
    _batchable = True
    _error = "input is not string datatype."

    def _one(self, x, rng):
        return self._many(x)

    def _many(self, x):
        x = _strings(x, f"{self._name()}: {self._error}")
        return np.array([self._map(v) for v in x.ravel().tolist()], dtype=str).reshape(x.shape)

    def _map(self, s):
        raise NotImplementedError


class CaseFold(_StringMap):
    """Unicode case folding (``str.casefold``)."""

    @staticmethod
    def _map(s):
        return s.casefold()


class NormalizeUTF8(_StringMap):
    """Unicode normalization in ``normalize_form`` (NONE leaves the text as it is)."""

    def __init__(self, normalize_form=NormalizeForm.NFKC):
        if not isinstance(normalize_form, NormalizeForm):
            raise TypeError("Wrong input type for normalization_form, should be enum of 'NormalizeForm'.")
        super().__init__()
        self.normalize_form = normalize_form

    def _map(self, s):
        return _normalize(s, self.normalize_form)


def _normalize(s, form):
    return s if form == NormalizeForm.NONE else unicodedata.normalize(form.name, s)


class RegexReplace(_StringMap):
    """Replace the matches of ``pattern`` (every one, or the first) by ``replace``."""

    def __init__(self, pattern, replace, replace_all=True):
        type_check(pattern, (str,), "pattern")
        type_check(replace, (str,), "replace")
        type_check(replace_all, (bool,), "replace_all")
        super().__init__()
        self.pattern, self.replace, self.replace_all = pattern, replace, replace_all
        self._regex = re.compile(pattern)

    def _map(self, s):
        return self._regex.sub(lambda m: m.expand(self.replace), s, count=0 if self.replace_all else 1)


_DIGITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


class FilterWikipediaXML(_StringMap):
    """Wikipedia text as plain words: empty for a ``#redirect``; XML tags, references and entities removed;
    lower case; digits spelled out; anything but the letters a-z a space; spaces collapsed."""
    _error = "input is not of type string."

    def _name(self):
        return "RegexReplace"  # MindSpore names its first step in the error

    @staticmethod
    def _map(s):
        if s.lstrip().lower().startswith("#redirect"):
            return ""
        s = re.sub("<.*>", "", s, flags=re.S)
        s = re.sub("&[^;]*;", " ", s).lower()
        s = re.sub("[0-9]", lambda m: f" {_DIGITS[int(m.group())]} ", s)
        return " ".join(re.sub("[^a-z]", " ", s).split())


class AddToken(TextTensorOperation):
    """``token`` added at the start (``begin``) or end of each 1-D row of string tokens."""

    def __init__(self, token, begin=True):
        type_check(token, (str,), "token")
        type_check(begin, (bool,), "begin")
        super().__init__()
        self.token, self.begin = token, begin

    def _one(self, x, rng):
        if x.size == 0:
            raise DataError("Input Tensor has no data.")
        if x.ndim not in (1, 2):
            raise DataError("AddToken: input tensor rank should be 1 or 2.")
        x = _strings(x, "AddToken: input tensor type should be string.")
        token = np.full(x.shape[:-1] + (1,), self.token)
        return np.concatenate([token, x] if self.begin else [x, token], axis=-1)


class Truncate(TextTensorOperation):
    """Each 1-D or 2-D row cut to its first ``max_seq_len`` items along the last axis."""

    def __init__(self, max_seq_len):
        check_pos_int32(max_seq_len, "max_seq_len")
        super().__init__()
        self.max_seq_len = max_seq_len

    def _one(self, x, rng):
        if x.ndim not in (1, 2):
            raise DataError("Truncate: the input tensor should be of dimension 1 or 2.")
        return _as_str(x[..., :self.max_seq_len]).copy()


class TruncateSequencePair(TextTensorOperation):
    """Two 1-D rows cut, the longer first, until their lengths sum to at most ``max_length``."""
    _inputs = 2

    def __init__(self, max_length):
        super().__init__()
        self.max_length = max_length

    def _apply(self, args, rng):
        if len(args) != 2:
            raise DataError(f"TruncateSequencePair: Expected two inputs, but got {len(args)} inputs.")
        a, b = args
        if a.ndim != 1 or b.ndim != 1:
            raise DataError("TruncateSequencePair: both data column should be of rank 1.")
        la, lb = len(a), len(b)
        while la + lb > self.max_length:
            if la > lb:
                la -= 1
            else:
                lb -= 1
        return [_as_str(a[:la]).copy(), _as_str(b[:lb]).copy()]


class SlidingWindow(TextTensorOperation):
    """The windows of ``width`` consecutive items of a 1-D row, stacked (empty where the row is shorter)."""

    def __init__(self, width, axis=0):
        check_pos_int32(width, "width")
        type_check(axis, (int,), "axis")
        super().__init__()
        self.width, self.axis = width, axis

    def _one(self, x, rng):
        if x.ndim != 1:
            raise DataError(f"SlidingWindow: SlidingWindow supports 1D input only for now, but got {x.ndim}D.")
        if len(x) < self.width:
            return x[:0].copy()
        return np.lib.stride_tricks.sliding_window_view(x, self.width).copy()


class Ngram(TextTensorOperation):
    """The n-grams (for each n of ``n``) of a 1-D row of strings, joined by ``separator``, after padding with
    ``left_pad``/``right_pad`` (token, width); where no n-gram fits, one empty string."""

    def __init__(self, n, left_pad=("", 0), right_pad=("", 0), separator=" "):
        n = [n] if isinstance(n, int) else n
        if not (isinstance(n, list) and n != []):
            raise ValueError("n needs to be a non-empty list of positive integers.")
        for i, gram in enumerate(n):
            type_check(gram, (int,), f"gram[{i}]")
            if gram <= 0:
                raise ValueError(f"Input gram_{i} must be greater than 0.")
        for side, pad in (("left_pad", left_pad), ("right_pad", right_pad)):
            if not (isinstance(pad, tuple) and len(pad) == 2 and isinstance(pad[0], str)
                    and isinstance(pad[1], int)):
                raise ValueError(f"{side} needs to be a tuple of (str, int) str is pad token and int is pad_width.")
        if not (left_pad[1] >= 0 and right_pad[1] >= 0):
            raise ValueError("padding width need to be positive numbers.")
        type_check(separator, (str,), "separator")
        super().__init__()
        self.ngrams, self.left_pad, self.right_pad, self.separator = n, left_pad, right_pad, separator

    def _one(self, x, rng):
        if x.ndim != 1 or not _is_text(x):
            raise DataError("Ngram: input is not a 1D data with string datatype.")
        if x.size == 0:
            raise DataError("Input Tensor has no data.")
        grams = []
        for n in self.ngrams:  # padded with at most n - 1 tokens a side
            words = ([self.left_pad[0]] * min(self.left_pad[1], n - 1) + _as_str(x).tolist()
                     + [self.right_pad[0]] * min(self.right_pad[1], n - 1))
            found = [self.separator.join(words[i:i + n]) for i in range(len(words) - n + 1)]
            grams += found or [""]
        return np.array(grams, dtype=str)


_UNSIGNED = "an unsigned integer"
_INT_PREFIX = re.compile(r"\s*[+-]?\d+")
_FLOAT_PREFIX = re.compile(r"\s*([+-]?(0[xX]([0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)([pP][+-]?\d+)?|"
                           r"(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|inf(inity)?|nan))", re.I)


class ToNumber(TextTensorOperation):
    """Strings parsed as numbers of ``data_type`` (a MindSpore numeric dtype) as C's ``stoll``/``stod`` parse
    them: leading spaces skipped, the longest numeric prefix read; out of range values are errors."""
    _batchable = True

    def __init__(self, data_type):
        type_check(data_type, (mstype.Type,), "data_type")
        if data_type.kind == "b":
            raise TypeError(f"data_type: {data_type} is not numeric data type.")
        super().__init__()
        self._np_dtype = np.dtype(data_type.np_dtype)
        self.data_type = str(self._np_dtype)

    def _one(self, x, rng):
        return self._many(x)

    def _many(self, x):
        x = _strings(x, "ToNumber: input should be string datatype.")
        return np.array([self._parse(s) for s in x.ravel().tolist()], self._np_dtype).reshape(x.shape)

    def _parse(self, s):
        dtype = self._np_dtype
        if dtype.kind in "iu":
            m = _INT_PREFIX.match(s)
            if m is None:
                raise DataError(f'ToNumber: it is invalid to convert "{s}" to a number.')
            value, info = int(m.group()), np.iinfo(dtype)
            if not info.min <= value <= info.max:
                raise DataError(f"ToNumber: string input {s} will be out of bounds if cast to {dtype}. The valid "
                                f"range is: [{info.min}, {info.max}].")
            return value
        m = _FLOAT_PREFIX.match(s)
        if m is None:  # MindSpore's message for floats names unsigned integers
            raise DataError(f'ToNumber: it is invalid to convert "{s}" to {_UNSIGNED}.')
        text = m.group(1)
        value = float.fromhex(text) if "x" in text.lower() else float(text)
        parsed = np.float64 if dtype == np.float64 else np.float32  # C's stod, or stof (also for float16)
        high, tiny = float(np.finfo(parsed).max), float(np.finfo(parsed).tiny)
        if abs(value) > high or (value != 0 and abs(value) < tiny):  # NaN passes, as in C
            raise DataError(f"ToNumber: string input {s} will be out of bounds if cast to {dtype}. The valid range "
                            f"is: [{-high:f}, {high:f}].")
        if dtype == np.float16 and abs(value) > float(np.finfo(np.float16).max):
            raise DataError(f"ToFloat16: value {value:f}in input data is outside of valid float16 range "
                            "[65504.000000, -65504.000000].")
        return value


class Lookup(TextTensorOperation):
    """The id of each token in ``vocab`` (``unknown_token``'s for tokens not in it), as ``data_type``."""
    _batchable = True

    def __init__(self, vocab, unknown_token=None, data_type=mstype.int32):
        if unknown_token is not None:
            type_check(unknown_token, (str,), "unknown_token")
        type_check(vocab, (Vocab,), "vocab is not an instance of text.Vocab.")
        type_check(data_type, (mstype.Type,), "data_type")
        super().__init__()
        self.vocab, self.unknown_token, self.data_type = vocab, unknown_token, data_type
        self._ids, self._np_dtype = vocab.vocab(), np.dtype(data_type.np_dtype)

    def _one(self, x, rng):
        return self._many(x)

    def _many(self, x):
        if self.unknown_token is not None and self.unknown_token not in self._ids:
            raise DataError(f'Lookup: "{self.unknown_token}" doesn\'t exist in vocab.')
        x = _strings(x, "Lookup: input is not string datatype.")
        default = None if self.unknown_token is None else self._ids[self.unknown_token]
        out = []
        for token in x.ravel().tolist():
            i = self._ids.get(token, default)
            if i is None:
                raise DataError(f'Lookup: invalid data, token: "{token}" doesn\'t exist in vocab and no unknown token '
                                'is specified.')
            out.append(i)
        return np.array(out).astype(self._np_dtype).reshape(x.shape)


class PythonTokenizer:
    """``tokenizer(string)`` applied to every string of a numpy array, its tokens as a string array."""

    def __init__(self, tokenizer):
        if not callable(tokenizer):
            raise TypeError("tokenizer is not a callable Python function.")
        self.pyfunc = tokenizer
        self.tokenizer = np.vectorize(lambda x: np.array(tokenizer(x), dtype='U'), signature='()->(n)')
        self.random = False

    def __call__(self, in_array):
        if not isinstance(in_array, np.ndarray):
            raise TypeError(f"input should be a NumPy array. Got {type(in_array)}.")
        if in_array.dtype.type is np.bytes_:
            in_array = to_str(in_array)
        try:
            return self.tokenizer(in_array)
        except Exception as e:
            raise RuntimeError(f"Error occurred in Pyfunc [{self.pyfunc.__name__}], error message: {e}") from e


# ---- tokenizers -------------------------------------------------------------------------------------------
def _check_flag(value, name):
    if not isinstance(value, bool):
        raise TypeError(f"Wrong input type for {name}, should be boolean.")


class _Tokenizer(TextTensorOperation):
    """A tokenizer of one string: its tokens, and with ``with_offsets`` their UTF-8 byte offsets (start, limit).
    No token gives one empty token at offsets 0."""
    _error_name = None  # the name in MindSpore's input error

    def __init__(self, with_offsets=False):
        _check_flag(with_offsets, "with_offsets")
        super().__init__()
        self.with_offsets = with_offsets

    def _check(self, x):
        if x.ndim != 0 or not _is_text(x):
            raise DataError(f"{self._error_name}: the input shape should be scalar and the input datatype should be "
                            "string.")

    def _apply(self, args, rng):
        self._check_inputs(args)
        x = args[0]
        self._check(x)
        return self._outputs(self._spans(str(_as_str(x)[()])))

    def _outputs(self, spans):
        """``spans``: (token, start, limit) in bytes."""
        spans = spans or [("", 0, 0)]
        tokens = np.array([t for t, _, _ in spans], dtype=str)
        if not self.with_offsets:
            return [tokens]
        return [tokens, np.array([s for _, s, _ in spans], np.uint32), np.array([e for _, _, e in spans], np.uint32)]

    def _spans(self, s):
        raise NotImplementedError


def _char_spans(s):
    """Each character with its UTF-8 byte offsets."""
    spans, pos = [], 0
    for c in s:
        n = _byte_len(c)
        spans.append((c, pos, pos + n))
        pos += n
    return spans


def _runs(s, kind):
    """The runs of characters of the same ``kind(c)``: (kind, text, byte start, byte limit)."""
    for k, run in itertools.groupby(_char_spans(s), key=lambda span: kind(span[0])):
        run = list(run)
        yield k, "".join(c for c, _, _ in run), run[0][1], run[-1][2]


class UnicodeCharTokenizer(_Tokenizer):
    """Every character a token."""
    _error_name = "UnicodeCharTokenizerOp"

    def _spans(self, s):
        return _char_spans(s)


class WhitespaceTokenizer(_Tokenizer):
    """Split on runs of Unicode white space."""
    _error_name = "WhitespaceTokenizerOp"

    def _spans(self, s):
        return [(t, a, b) for space, t, a, b in _runs(s, _WHITESPACE.__contains__) if not space]


class RegexTokenizer(_Tokenizer):
    """Split at the matches of ``delim_pattern``; matches that also match ``keep_delim_pattern`` whole are kept
    as tokens."""
    _error_name = "RegexTokenizerOp"

    def __init__(self, delim_pattern, keep_delim_pattern='', with_offsets=False):
        if delim_pattern is None:
            raise ValueError("delim_pattern is not provided.")
        if not isinstance(delim_pattern, str):
            raise TypeError("Wrong input type for delim_pattern, should be string.")
        if not isinstance(keep_delim_pattern, str):
            raise TypeError("Wrong input type for keep_delim_pattern, should be string.")
        super().__init__(with_offsets)
        self.delim_pattern, self.keep_delim_pattern = delim_pattern, keep_delim_pattern
        self._delim = re.compile(delim_pattern)
        self._keep = re.compile(keep_delim_pattern) if keep_delim_pattern else None

    def _spans(self, s):
        spans, last = [], 0

        def add(begin, end):
            if end > begin:
                spans.append((s[begin:end], _byte_len(s[:begin]), _byte_len(s[:end])))
        for m in self._delim.finditer(s):
            if m.end() == m.start():
                continue
            add(last, m.start())
            if self._keep is not None and self._keep.fullmatch(m.group()):
                add(m.start(), m.end())
            last = m.end()
        add(last, len(s))
        return spans


_UNUSED = re.compile(r"\[CLS\]|\[SEP\]|\[UNK\]|\[PAD\]|\[MASK\]|\[unused\d+\]")
_CJK = ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x2A6DF), (0x2A700, 0x2B73F), (0x2B740, 0x2B81F),
        (0x2B820, 0x2CEAF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F))


def _alone(c):
    """A character BasicTokenizer makes a token of its own: ASCII punctuation, Unicode punctuation, CJK."""
    o = ord(c)
    if 33 <= o <= 47 or 58 <= o <= 64 or 91 <= o <= 96 or 123 <= o <= 126:
        return True
    return unicodedata.category(c).startswith("P") or any(lo <= o <= hi for lo, hi in _CJK)


class BasicTokenizer(_Tokenizer):
    """BERT's basic tokenization: ``lower_case`` folds case and strips accents (else ``normalization_form``
    applies), control and format characters become spaces, then the text splits at white space (kept as tokens
    with ``keep_whitespace``), punctuation and CJK characters (one token each); with ``preserve_unused_token``
    ``[CLS]``, ``[SEP]``, ``[UNK]``, ``[PAD]``, ``[MASK]`` and ``[unusedN]`` stay whole.

    mindshim measures offsets on the normalized text. (MindSpore 2.10 garbles the tokens that follow an accented
    character when ``lower_case`` and ``preserve_unused_token`` are both set; mindshim does not.)
    """
    _error_name = "BasicTokenizer"

    def __init__(self, lower_case=False, keep_whitespace=False, normalization_form=NormalizeForm.NONE,
                 preserve_unused_token=True, with_offsets=False):
        _check_flag(lower_case, "lower_case")
        _check_flag(keep_whitespace, "keep_whitespace")
        _check_flag(preserve_unused_token, "preserve_unused_token")
        _check_flag(with_offsets, "with_offsets")
        if not isinstance(normalization_form, NormalizeForm):
            raise TypeError("Wrong input type for normalization_form, should be enum of 'NormalizeForm'.")
        super().__init__(with_offsets)
        self.lower_case, self.keep_whitespace = lower_case, keep_whitespace
        self.normalization_form, self.preserve_unused_token = normalization_form, preserve_unused_token

    def _check(self, x):
        if not _is_text(x):
            raise DataError("BasicTokenizer: the input should be of type string.")
        if x.ndim != 0:
            raise DataError(f"BasicTokenizer: the input should be a scalar, but got a tensor with rank: {x.ndim}")

    def _clean(self, s):
        if self.lower_case:
            s = "".join(c for c in unicodedata.normalize("NFD", s.casefold()) if unicodedata.category(c) != "Mn")
        else:
            s = _normalize(s, self.normalization_form)
        return "".join(" " if unicodedata.category(c) in ("Cc", "Cf") and c not in _WHITESPACE else c for c in s)

    def _spans(self, s):
        pieces, last = [], 0  # (text, whole): unused tokens stay whole, untouched
        if self.preserve_unused_token:
            for m in _UNUSED.finditer(s):
                pieces += [(self._clean(s[last:m.start()]), False), (m.group(), True)]
                last = m.end()
        pieces.append((self._clean(s[last:]), False))
        spans, base = [], 0
        for text, whole in pieces:
            if whole:
                spans.append((text, base, base + _byte_len(text)))
            for kind, run, start, end in ([] if whole else _runs(text, _kind)):
                if kind == "alone":
                    spans += [(c, base + start + a, base + start + b) for c, a, b in _char_spans(run)]
                elif kind == "word" or self.keep_whitespace:
                    spans.append((run, base + start, base + end))
            base += _byte_len(text)
        return spans


def _kind(c):
    return "space" if c in _WHITESPACE else "alone" if _alone(c) else "word"


def _check_wordpiece(vocab, suffix_indicator, max_bytes_per_token, unknown_token):
    if vocab is None:
        raise ValueError("vocab is not provided.")
    if not isinstance(vocab, Vocab):
        raise TypeError("Wrong input type for vocab, should be text.Vocab object.")
    if not isinstance(suffix_indicator, str):
        raise TypeError("Wrong input type for suffix_indicator, should be string.")
    if not isinstance(unknown_token, str):
        raise TypeError("Wrong input type for unknown_token, should be string.")
    type_check(max_bytes_per_token, (int,), "max_bytes_per_token")
    check_value(max_bytes_per_token, [0, UINT32_MAX], "max_bytes_per_token")


def _wordpiece(word, start, ids, suffix, max_bytes, unknown):
    """A word's greedy longest-match-first pieces in the vocabulary, with byte offsets; an unknown word (or one
    longer than ``max_bytes``) is ``unknown`` (the word itself where ``unknown`` is empty)."""
    size = _byte_len(word)
    whole = [(word if not unknown else unknown, start, start + size)]
    if size > max_bytes:
        return whole
    pieces, begin = [], 0
    while begin < len(word):
        end = len(word)
        while end > begin:
            piece = word[begin:end] if begin == 0 else suffix + word[begin:end]
            if piece in ids:
                break
            end -= 1
        if end == begin:
            return whole
        pieces.append((piece, start + _byte_len(word[:begin]), start + _byte_len(word[:end])))
        begin = end
    return pieces


class WordpieceTokenizer(TextTensorOperation):
    """A 1-D row (or one string) of words split into the vocabulary's word pieces (BERT's WordPiece)."""

    def __init__(self, vocab, suffix_indicator='##', max_bytes_per_token=100, unknown_token='[UNK]',
                 with_offsets=False):
        _check_wordpiece(vocab, suffix_indicator, max_bytes_per_token, unknown_token)
        _check_flag(with_offsets, "with_offsets")
        super().__init__()
        self.vocab, self.suffix_indicator, self.max_bytes_per_token = vocab, suffix_indicator, max_bytes_per_token
        self.unknown_token, self.with_offsets = unknown_token, with_offsets

    def _apply(self, args, rng):
        self._check_inputs(args)
        x = args[0]
        if x.ndim > 1 or not _is_text(x):
            raise DataError("WordpieceTokenizer: The input shape should be 1D scalar the input datatype should be "
                            "string.")
        ids = self.vocab.vocab()
        spans = []
        for word in _as_str(x).ravel().tolist():
            spans += _wordpiece(word, 0, ids, self.suffix_indicator, self.max_bytes_per_token, self.unknown_token)
        return _Tokenizer._outputs(self, spans)


class BertTokenizer(BasicTokenizer):
    """``BasicTokenizer`` then ``WordpieceTokenizer`` (offsets into the text)."""

    def __init__(self, vocab, suffix_indicator='##', max_bytes_per_token=100, unknown_token='[UNK]',
                 lower_case=False, keep_whitespace=False, normalization_form=NormalizeForm.NONE,
                 preserve_unused_token=True, with_offsets=False):
        if vocab is None:
            raise ValueError("vacab is not provided.")
        _check_wordpiece(vocab, suffix_indicator, max_bytes_per_token, unknown_token)
        super().__init__(lower_case, keep_whitespace, normalization_form, preserve_unused_token, with_offsets)
        self.vocab, self.suffix_indicator, self.max_bytes_per_token = vocab, suffix_indicator, max_bytes_per_token
        self.unknown_token = unknown_token

    def _spans(self, s):
        ids, spans = self.vocab.vocab(), []
        for token, start, _ in super()._spans(s):
            spans += _wordpiece(token, start, ids, self.suffix_indicator, self.max_bytes_per_token,
                                self.unknown_token)
        return spans


__all__ = ["AddToken", "BasicTokenizer", "BertTokenizer", "CaseFold", "FilterWikipediaXML", "Lookup", "Ngram",
           "NormalizeUTF8", "PythonTokenizer", "RegexReplace", "RegexTokenizer", "SlidingWindow", "ToNumber",
           "Truncate", "TruncateSequencePair", "UnicodeCharTokenizer", "WhitespaceTokenizer",
           "WordpieceTokenizer"]
