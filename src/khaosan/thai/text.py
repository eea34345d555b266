"""Thai text: word segmentation (PyThaiNLP newmm), search-query words and human file sizes."""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

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
def segment(text, dictionary=None):
    """Return the words of `text` (a tuple), splitting runs of Thai with PyThaiNLP's newmm engine.

    `dictionary` is a PyThaiNLP Trie (catalog.search.dictionary: PyThaiNLP's words plus the standard's, the
    office's units and place names); None uses PyThaiNLP's own. PyThaiNLP loads its dictionary on first use
    (about a second), so it is imported here, lazily.
    """
    from pythainlp.tokenize import word_tokenize

    words = word_tokenize(normalize(text), custom_dict=dictionary, engine="newmm", keep_whitespace=False)
    return tuple(w for w in (w.strip() for w in words) if w)


def _is_word_char(ch):
    return ch.isalnum() or bool(_THAI.match(ch))


def _strip_punctuation(word):
    start, end = 0, len(word)
    while start < end and not _is_word_char(word[start]):
        start += 1
    while end > start and not _is_word_char(word[end - 1]):
        end -= 1
    return word[start:end]


def query_words(query, *, dictionary=None, limit=12):
    """Return the distinct words of a search query, Thai segmented, punctuation dropped, lower-cased.

    A lone Thai letter is what newmm leaves of a word it does not know (ฮีทสโตรก -> ฮี ท สโตรก): such
    pieces are joined back to their neighbours in the same run of Thai, so the word is searched whole.
    """
    pieces = []
    for run in query[:200].split():
        tokens = [t for t in (_strip_punctuation(w) for w in segment(run, dictionary)) if t]
        joined = []
        for token in tokens:
            lone = len(token) == 1 and _THAI.match(token)
            if joined and (lone or joined[-1][1]) and _THAI.match(token[0]) and _THAI.match(joined[-1][0][-1]):
                joined[-1] = (joined[-1][0] + token, bool(lone))
            else:
                joined.append((token, bool(lone)))
        pieces.extend(word for word, _lone in joined)
    seen = []
    for word in pieces:
        word = word.lower()
        if word and word not in seen:
            seen.append(word)
    return seen[:limit]


# --- Folding for search -----------------------------------------------------------------------------------------------
#
# The same word reaches the index in many spellings: Thai or Arabic digits, SARA AM typed as one letter or as
# NIKHAHIT + SARA AA (pypdf returns the second), tone marks before or after an upper vowel, a doubled SARA E for
# SARA AE, an invisible zero-width space from a word processor, a doubled tone mark, and a handful of loanwords
# and misspellings everyone writes two ways. `fold` maps them all to one form; the index and the query are both
# folded, so any spelling finds the others. Displayed text is never folded: `fold_spans` says where each folded
# character came from, so a match in folded text is marked on the text as written.

ZERO_WIDTH = "\u00ad\u200b\u200c\u200d\u2060\ufeff"  # soft hyphen, ZWSP, ZWNJ, ZWJ, word joiner, BOM
_PER_CHAR = {ord(c): "" for c in ZERO_WIDTH} | {ord(d): str(i) for i, d in enumerate("๐๑๒๓๔๕๖๗๘๙")}
# Thai combining marks in the order they are typed (and the order a Thai keyboard standard, TIS 820-2538,
# expects): upper/lower vowel, then MAITAIKHU, tone mark, THANTHAKHAT, NIKHAHIT (which joins a following SARA AA).
_MARK_RANK = {
    c: i
    for i, c in enumerate(
        "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4e\u0e4d"
    )
}
_MARKS = re.compile("[" + "".join(_MARK_RANK) + "]{2,}")
_SARA_AM = re.compile("\u0e4d\u0e32")
_SARA_AE = re.compile("\u0e40\u0e40")
_REPEATED_VOWEL = re.compile(r"([\u0e30\u0e32\u0e33\u0e45\u0e40-\u0e44])\1+")
VARIANTS_FILE = Path(__file__).resolve().parent.parent / "catalog" / "standard" / "variants.yaml"


def _marks(match):
    return "".join(sorted(set(match.group(0)), key=_MARK_RANK.__getitem__))


def _first(match):
    return match.group(1)


_STEPS = [(_MARKS, _marks), (_SARA_AM, "\u0e33"), (_SARA_AE, "\u0e41"), (_REPEATED_VOWEL, _first)]


@lru_cache(maxsize=8192)
def _char(ch):
    return unicodedata.normalize("NFKC", ch.translate(_PER_CHAR)).lower()  # SARA AM too: the steps join it again


@lru_cache(maxsize=1)
def variant_table():
    """Return (pattern, {variant: canonical}) from variants.yaml, both sides folded without the table."""
    import yaml

    data = yaml.safe_load(VARIANTS_FILE.read_text(encoding="utf-8")) or {}
    table = {}
    for canonical, variants in (data.get("variants") or {}).items():
        target = _base_fold(str(canonical))
        for variant in variants:
            table[_base_fold(str(variant))] = target
    table.pop("", None)
    if not table:
        return None, {}
    pattern = re.compile("|".join(re.escape(v) for v in sorted(table, key=len, reverse=True)))
    return pattern, table


@lru_cache(maxsize=1)
def dictionary_words():
    """Words of the standard's vocabulary (variants.yaml `words`) that PyThaiNLP's dictionary lacks."""
    import yaml

    data = yaml.safe_load(VARIANTS_FILE.read_text(encoding="utf-8")) or {}
    return tuple(_base_fold(str(w)) for w in data.get("words") or ())


def _base_fold(text):
    text = "".join(_char(c) for c in normalize(text)) if not text.isascii() else text.lower()
    for pattern, repl in _STEPS:
        text = pattern.sub(repl, text)
    return text


def fold(text):
    """Return the search form of `text`: normalized, Thai digits as Arabic, marks in one order, variants folded."""
    text = normalize(text)
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text.translate(_PER_CHAR)).lower()
    for pattern, repl in _STEPS:
        text = pattern.sub(repl, text)
    pattern, table = variant_table()
    if pattern is not None:
        text = pattern.sub(lambda m: table[m.group(0)], text)
    return text


@dataclass(frozen=True)
class Folded:
    """A folded text and, for each of its characters, the [start, end) of the original text it came from."""

    text: str
    spans: tuple

    def original(self, start, end):
        """The [start, end) in the original text of folded text[start:end]."""
        return self.spans[start][0], self.spans[end - 1][1]


def fold_spans(text):
    """Fold `text` (already `normalize`d, as displayed) keeping where every folded character came from."""
    chars, spans = [], []
    for i, ch in enumerate(text):
        for out in _char(ch):
            chars.append(out)
            spans.append((i, i + 1))
    pattern, table = variant_table()
    steps = [*_STEPS, (pattern, lambda m: table[m.group(0)])] if pattern is not None else _STEPS
    joined = "".join(chars)
    for regex, repl in steps:
        if regex.search(joined):
            chars, spans = _sub_with_spans(regex, repl, chars, spans)
            joined = "".join(chars)
    return Folded(joined, tuple(spans))


def _sub_with_spans(regex, repl, chars, spans):
    joined = "".join(chars)
    out_chars, out_spans, last = [], [], 0
    for match in regex.finditer(joined):
        out_chars.extend(chars[last : match.start()])
        out_spans.extend(spans[last : match.start()])
        replacement = repl if isinstance(repl, str) else repl(match)
        covered = (spans[match.start()][0], spans[match.end() - 1][1])
        out_chars.extend(replacement)
        out_spans.extend([covered] * len(replacement))
        last = match.end()
    if not last:
        return chars, spans
    out_chars.extend(chars[last:])
    out_spans.extend(spans[last:])
    return out_chars, out_spans


# --- Grapheme clusters ------------------------------------------------------------------------------------------------

# Characters that belong to the cluster before them (Unicode UAX #29 Extend and SpacingMark for Thai, plus the
# joiners): a cut or a <mark> never falls just before one of these, so no tone mark or vowel is left on its own.
_CLUSTER_TAIL = set(
    "\u0e31\u0e33\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e\u200c\u200d"
)


def is_cluster_start(text, index):
    """Whether a cut at `index` keeps every base letter together with its marks."""
    if index <= 0 or index >= len(text):
        return True
    ch = text[index]
    return ch not in _CLUSTER_TAIL and unicodedata.category(ch) not in ("Mn", "Me", "Mc")


def cluster_floor(text, index):
    """The nearest cluster boundary at or before `index`."""
    while not is_cluster_start(text, index):
        index -= 1
    return index


def cluster_ceil(text, index):
    """The nearest cluster boundary at or after `index`."""
    while not is_cluster_start(text, index):
        index += 1
    return index


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
