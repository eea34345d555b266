"""Thai text: word segmentation (PyThaiNLP newmm), search-query words and human file sizes."""

import re
import unicodedata
from functools import lru_cache

from django.utils.translation import get_language

_THAI = re.compile(r"[\u0E00-\u0E7F]")
_SPACES = re.compile(r"\s+")
# Control characters (NUL among them), surrogates and unassigned code points carry no words; in a search
# query they end SQLite strings early. They become spaces.
_NOT_TEXT = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def normalize(text):
    """Return text in NFC with control characters dropped and runs of white space folded.

    Equal Thai strings then compare equal, and no character that ends a string early reaches a query.
    """
    return _SPACES.sub(" ", unicodedata.normalize("NFC", _NOT_TEXT.sub(" ", text or ""))).strip()


@lru_cache(maxsize=4096)
def segment(text):
    """Return the words of `text` (a tuple), splitting runs of Thai with PyThaiNLP's newmm engine.

    PyThaiNLP loads its dictionary on first use (about a second), so it is imported here, lazily.
    """
    from pythainlp.tokenize import word_tokenize

    words = word_tokenize(normalize(text), engine="newmm", keep_whitespace=False)
    return tuple(w for w in (w.strip() for w in words) if w)


def _is_word_char(ch):
    return ch.isalnum() or bool(_THAI.match(ch))


def query_words(query, *, limit=12):
    """Return the distinct words of a search query, Thai segmented, punctuation dropped, lower-cased."""
    seen = []
    for word in segment(query[:200]):
        start, end = 0, len(word)
        while start < end and not _is_word_char(word[start]):
            start += 1
        while end > start and not _is_word_char(word[end - 1]):
            end -= 1
        word = word[start:end].lower()
        if word and word not in seen:
            seen.append(word)
    return seen[:limit]


def human_size(num_bytes):
    """'1.2 MB', '850 KB', '12 ไบต์': the size shown beside every file (S-G.2, S-2.10)."""
    if num_bytes is None:
        return ""
    english = (get_language() or "th").startswith("en")
    if num_bytes < 1024:
        return f"{num_bytes} {'bytes' if english else 'ไบต์'}"
    size = float(num_bytes)
    for unit in ("KB", "MB", "GB"):
        size /= 1024
        if size < 1024 or unit == "GB":
            text = f"{size:.1f}".rstrip("0").rstrip(".") if size < 10 else f"{size:.0f}"
            return f"{text} {unit}"
    return ""
