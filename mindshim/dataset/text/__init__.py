"""``mindspore.dataset.text``: text transforms and vocabularies (``import mindspore.dataset.text as text``).

Tokenizers, string transforms and ``Vocab`` in Python over numpy string arrays. Names of MindSpore's text API
that mindshim lacks (Jieba, SentencePiece, pretrained word vectors, UnicodeScriptTokenizer) raise
NotImplementedError.
"""
from ..._unsupported import module_getattr as _module_getattr
from . import transforms, utils
from .transforms import (
                         AddToken,
                         BasicTokenizer,
                         BertTokenizer,
                         CaseFold,
                         FilterWikipediaXML,
                         Lookup,
                         Ngram,
                         NormalizeUTF8,
                         PythonTokenizer,
                         RegexReplace,
                         RegexTokenizer,
                         SlidingWindow,
                         ToNumber,
                         Truncate,
                         TruncateSequencePair,
                         UnicodeCharTokenizer,
                         WhitespaceTokenizer,
                         WordpieceTokenizer,
)
from .utils import NormalizeForm, Vocab, to_bytes, to_str

__all__ = transforms.__all__ + ["NormalizeForm", "Vocab", "to_bytes", "to_str"]

__getattr__ = _module_getattr(__name__)
