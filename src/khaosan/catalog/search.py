"""Thai-aware search over titles, summaries, bodies, file names and the text inside files.

Thai is written without spaces between words, so a word-based index misses a word that sits inside a
longer run ("สุขภาพ" in "โรงพยาบาลส่งเสริมสุขภาพตำบล"), and a substring index finds letters that cross a
word boundary ("ยา" in "พยาบาล"). The index does both. It is one SQLite FTS5 table with the trigram
tokenizer:

- `title`, `text`, `files` hold the folded text (thai.text.fold: digits, SARA AM, mark order, zero-width
  characters and the variant spellings of catalog/standard/variants.yaml made one) and decide what matches:
  every query word must occur somewhere, as a substring, so recall never depends on segmentation.
- `title_words`, `text_words`, `files_words` hold the same text cut into words by PyThaiNLP (newmm, with the
  dictionary of `dictionary()`), each word between spaces; `parts` holds the words inside compounds
  ("มือ" of "ร่วมมือ"). They decide the order: for each query word, a whole word scores 2, a word inside a
  compound 1, letters across a word boundary 0; then title words, then BM25. So a short query ("ยา") lists
  the items that say the word before those that only contain its letters.

Words shorter than three characters cannot use the trigram index and are matched with instr(). On
PostgreSQL the same words are matched with ILIKE and ranked by where they occur.
"""

import hashlib
import html
import re
import time
from dataclasses import dataclass, field
from functools import lru_cache

from django.db import connection
from django.utils.safestring import mark_safe

from khaosan.catalog.html import html_to_text
from khaosan.thai.text import (
    cluster_ceil,
    cluster_floor,
    dictionary_words,
    fold,
    fold_spans,
    normalize,
    query_words,
    segment,
)

FTS_TABLE = "catalog_item_fts"
COLUMNS = ("title", "text", "files", "title_words", "text_words", "files_words", "parts")
TITLE_WEIGHT, TEXT_WEIGHT, FILES_WEIGHT = 10.0, 1.0, 3.0
MAX_QUERY_LENGTH = 200
MAX_FILE_CHARS = 100_000  # of each file's text in the index: a 300-page report would otherwise weigh 1 MB
DICTIONARY_SECONDS = 300  # how long one process keeps the dictionary before reading unit and place names again
FILE_HITS_SHOWN = 3


INDEXED_VENDORS = ("sqlite", "postgresql")  # FTS5 trigram on SQLite, pg_trgm on PostgreSQL (migration 0011)


def has_search_index():
    return connection.vendor in INDEXED_VENDORS


# --- The dictionary ---------------------------------------------------------------------------------------------------

_dictionary = {"trie": None, "words": frozenset(), "at": 0.0}
_PLACE = re.compile(r"(?:ตำบล|อำเภอ|จังหวัด|ต\.|อ\.|จ\.)\s*([\u0e01-\u0e4e]+)")
_PLACE_END = re.compile(r"(?:ตำบล|อำเภอ|จังหวัด|รหัสไปรษณีย์)")


def place_names(text):
    """'บ้านหลวง', 'น่าน' from 'ตำบลป่าคาหลวง อำเภอบ้านหลวง จังหวัดน่าน': the places an address names."""
    names = []
    for match in _PLACE.finditer(text or ""):
        name = _PLACE_END.split(match.group(1))[0]
        if len(name) >= 2:
            names.append(name)
    return names


def custom_words():
    """The words PyThaiNLP must know besides its own: the standard's vocabulary, unit names and place names."""
    from khaosan.org.models import Office, Unit

    words = set(dictionary_words())
    for office in Office.objects.only("name_th", "address"):
        words.update(fold(name) for name in place_names(f"{office.name_th} {office.address}"))
    for unit in Unit.objects.only("name_th"):
        words.add(fold(unit.name_th))
        words.update(fold(name) for name in place_names(unit.name_th))
    return {w for w in words if w and " " not in w}


def dictionary():
    """Return the PyThaiNLP Trie used to cut indexed text and queries alike (kept DICTIONARY_SECONDS)."""
    now = time.monotonic()
    if _dictionary["trie"] is None or now - _dictionary["at"] > DICTIONARY_SECONDS:
        from pythainlp.corpus import thai_words
        from pythainlp.util import dict_trie

        words = frozenset(thai_words()) | custom_words()
        if words != _dictionary["words"] or _dictionary["trie"] is None:
            _dictionary.update(trie=dict_trie(words), words=words)
            word_parts.cache_clear()
            word_split.cache_clear()
        _dictionary["at"] = now
    return _dictionary["trie"]


def forget_dictionary():
    """Read unit and place names again on the next search (a unit or the office address changed)."""
    _dictionary["at"] = 0.0


# Thai compounds put their head first (ยา-กันยุง, ไข้หวัด-ใหญ่, เครื่อง-ปรับอากาศ). A grammatical word at the front
# (จัง-หวัด, ร่วม-มือ, ขอ-ความร่วมมือ) means the letters only look like a compound: จังหวัด is not about หวัด.
# These grammatical words do form compounds at the front (การเงิน, ความรู้, ผู้ป่วย, นักเรียน, ชาวบ้าน, ที่พัก).
HEAD_FORMERS = frozenset({"การ", "ความ", "ผู้", "นัก", "ชาว", "ของ", "ที่"})


@lru_cache(maxsize=1)
def _not_heads():
    from pythainlp.corpus import thai_stopwords

    return frozenset(thai_stopwords()) - HEAD_FORMERS


@lru_cache(maxsize=50_000)
def word_split(token):
    """The fewest dictionary words (two letters or more, not the token itself) a compound is made of, or ()."""
    words = _dictionary["words"]
    if len(token) < 4 or not words or not ("\u0e01" <= token[0] <= "\u0e4e"):
        return ()
    not_heads = _not_heads()
    best = [None] * (len(token) + 1)
    best[0] = ()
    for i in range(len(token)):
        if best[i] is None:
            continue
        for j in range(i + 2, len(token) + 1):
            piece = token[i:j]
            if piece == token or piece not in words or (i == 0 and piece in not_heads):
                continue
            if best[j] is None or len(best[i]) + 1 < len(best[j]):
                best[j] = (*best[i], piece)
    pieces = best[-1]
    return pieces if pieces and len(pieces) >= 2 else ()


@lru_cache(maxsize=50_000)
def word_parts(token):
    """The words inside a compound, all levels down: 'ไข้หวัดใหญ่' -> ไข้หวัด ใหญ่ ไข้ หวัด."""
    found = list(word_split(token))
    for piece in word_split(token):
        found.extend(word_parts(piece))
    return tuple(dict.fromkeys(found))


def words_of(folded):
    """Return (' word word … ', ' part part … ') of folded text: the two ranking columns."""
    if not folded:
        return " ", " "
    trie = dictionary()
    tokens = (
        [t for t in segment(folded, trie) if any(c.isalnum() for c in t)]
        if len(folded) < 2000
        else [t for t in _segment_long(folded, trie) if any(c.isalnum() for c in t)]
    )
    parts = dict.fromkeys(p for t in tokens for p in word_parts(t))
    return f" {' '.join(tokens)} ", f" {' '.join(parts)} "


def _segment_long(text, trie):
    """Segment a long text (a file's) without filling the query cache with it."""
    from pythainlp.tokenize import word_tokenize

    return [w.strip() for w in word_tokenize(text, custom_dict=trie, engine="newmm", keep_whitespace=False)]


# --- Documents ------------------------------------------------------------------------------------------------------


def document_of(item):
    """Return the three indexed texts of an item, folded: title, text, files (names, file text, OCR text)."""
    text = " ".join(part for part in (item.summary, html_to_text(item.body), item.source, item.external_url) if part)
    attachments = list(item.attachments.all())
    texts = file_texts([a.blob_id for a in attachments])
    files = " ".join(
        [*(f"{a.original_name} {a.title}".strip() for a in attachments),
         *(texts[a.blob_id][:MAX_FILE_CHARS] for a in attachments if texts.get(a.blob_id))]
    )  # fmt: skip
    return fold(item.title), fold(text), fold(files)


def file_texts(blob_ids):
    """Return {blob id: the words read from the file}: its text layer or cells (BlobText), else OCR's text."""
    from khaosan.catalog.models import BlobText
    from khaosan.compliance.models import OcrText

    blob_ids = [b for b in dict.fromkeys(blob_ids) if b]
    if not blob_ids:
        return {}
    found = dict(BlobText.objects.filter(blob_id__in=blob_ids).exclude(text="").values_list("blob_id", "text"))
    for blob_id, text in OcrText.objects.filter(blob_id__in=blob_ids).exclude(text="").values_list("blob_id", "text"):
        found[blob_id] = f"{found[blob_id]} {text}" if blob_id in found else text
    return found


def ocr_texts(item):
    """Text that OCR read from the item's scanned files (compliance.ocr): a scan's words are found too."""
    from khaosan.compliance.models import OcrText

    if item.pk is None:
        return []
    found = OcrText.objects.filter(blob__attachments__item=item).exclude(text="")
    return list(found.values_list("text", flat=True).distinct())


def row_of(item):
    """The seven column values of an item's index row."""
    title, text, files = document_of(item)
    title_words, title_parts = words_of(title)
    text_words, text_parts = words_of(text)
    files_words, files_parts = words_of(files)
    parts = " ".join(p.strip() for p in (title_parts, text_parts, files_parts) if p.strip())
    return [title, text, files, title_words, text_words, files_words, f" {parts} "]


_INSERT = f"INSERT INTO {FTS_TABLE} (rowid, {', '.join(COLUMNS)}) VALUES (%s{', %s' * len(COLUMNS)})"


def index_item(item_id):
    """Write (or rewrite) the index row of one item. Runs in the caller's transaction."""
    if not has_search_index():
        return
    from khaosan.catalog.models import Item

    item = Item.objects.filter(pk=item_id).prefetch_related("attachments").first()
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [item_id])
        if item is not None:
            cursor.execute(_INSERT, [item_id, *row_of(item)])


def rebuild_index(items=None):
    """Re-index every item (or the given queryset); returns how many were indexed."""
    from khaosan.catalog.models import Item

    if not has_search_index():
        return 0
    everything = items is None
    items = (Item.objects.all() if everything else items).prefetch_related("attachments")
    count = 0
    with connection.cursor() as cursor:
        if everything:
            cursor.execute(f"DELETE FROM {FTS_TABLE}")
        for item in items.iterator(chunk_size=500):
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [item.pk])
            cursor.execute(_INSERT, [item.pk, *row_of(item)])
            count += 1
    return count


# --- Searching ------------------------------------------------------------------------------------------------------


@dataclass
class SearchPage:
    query: str
    words: list
    items: list
    total: int
    marks: list = field(default_factory=list)


def _fts_phrase(word):
    return '"' + word.replace('"', '""') + '"'


def search_words(query):
    """The folded words of a query, cut with the same dictionary as the index."""
    folded = fold(query)[:MAX_QUERY_LENGTH]
    return query_words(folded, dictionary=dictionary()) if folded else []


def _spaced(word):
    return _fts_phrase(f" {word} ")


def match_expression(words):
    """What must match: every word somewhere as letters; a word under three letters, as a word or a compound's part."""
    return " AND ".join(
        "{title text files} : " + _fts_phrase(w) if len(w) >= 3
        else "{title_words text_words files_words parts} : " + _spaced(w)
        for w in words
    )  # fmt: skip


def tier_expressions(words):
    """The better tiers, best first.

    Every word a whole word of the title; anywhere; a whole word or a compound's part.
    """
    return [
        " AND ".join("{title_words} : " + _spaced(w) for w in words),
        " AND ".join("{title_words text_words files_words} : " + _spaced(w) for w in words),
        " AND ".join("{title_words text_words files_words parts} : " + _spaced(w) for w in words),
    ]


def _like(text):
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _any_column_like(columns, pattern):
    return "(" + " OR ".join(f"{column} LIKE %s ESCAPE '\\'" for column in columns) + ")", [pattern] * len(columns)


def _all_words(clauses):
    clauses = list(clauses)
    return " AND ".join(sql for sql, _ in clauses), [param for _, params in clauses for param in params]


LETTER_COLUMNS = ("title", "text", "files")
WORD_COLUMNS = ("title_words", "text_words", "files_words")


def where_clauses(words):
    """(what must match, the tiers best first) as SQL conditions on the index table with their parameters.

    SQLite asks its FTS5 table (match_expression, tier_expressions). PostgreSQL asks the same columns of a
    plain table with LIKE, which pg_trgm's indexes answer: a trigram phrase there is a substring here.
    """
    if connection.vendor == "sqlite":
        match = (f"{FTS_TABLE} MATCH %s", [match_expression(words)])
        return match, [(f"{FTS_TABLE} MATCH %s", [expression]) for expression in tier_expressions(words)]
    match = _all_words(
        _any_column_like(LETTER_COLUMNS, _like(w)) if len(w) >= 3
        else _any_column_like((*WORD_COLUMNS, "parts"), _like(f" {w} "))
        for w in words
    )  # fmt: skip
    tiers = [
        _all_words(_any_column_like(columns, _like(f" {w} ")) for w in words)
        for columns in (("title_words",), WORD_COLUMNS, (*WORD_COLUMNS, "parts"))
    ]
    return match, tiers


def candidate_ids(candidates, office=None):
    """The primary keys a search may return: `candidates`, kept with window_cached when `office` is known."""

    def ids():
        return frozenset(candidates.order_by().values_list("pk", flat=True))

    if office is None:
        return ids()
    import datetime as dt

    from khaosan.catalog.selectors import window_cached

    sql, params = candidates.order_by().values("pk").query.sql_with_params()
    # The window's "now" differs on every call; window_cached keeps the set only until the window next changes,
    # so any instant before that gives the same ids.
    params = tuple("<now>" if isinstance(p, dt.datetime) else p for p in params)
    key = hashlib.sha256(repr((sql, params)).encode()).hexdigest()[:32]
    return window_cached(office, f"search-ids:{key}", ids)


def ranked_ids(candidates, words, *, limit, offset, office=None):
    """Return (ids ranked best first, total) for items in `candidates` (a queryset) matching all `words`.

    Tiers, best first (tier_expressions), then letters anywhere; newest first inside a tier. Each tier is read
    in rowid order only until the page is full, so a common word costs a page, not a sort of every match.
    The public window (and any filter) is a set of ids, cached until the catalog or the window changes.
    """
    if not has_search_index():
        return _ranked_ids_elsewhere(candidates, words, limit=limit, offset=offset)
    allowed = candidate_ids(candidates, office)
    need = offset + limit
    (match, match_params), tiers = where_clauses(words)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT rowid FROM {FTS_TABLE} WHERE {match} ORDER BY rowid DESC", match_params)
        matched = [row[0] for row in cursor.fetchall() if row[0] in allowed]
        ordered, seen = [], set()
        for tier, tier_params in tiers:
            if len(ordered) >= need:
                break
            cursor.execute(f"SELECT rowid FROM {FTS_TABLE} WHERE {tier} ORDER BY rowid DESC", tier_params)
            for (rowid,) in cursor:
                if rowid in allowed and rowid not in seen:
                    seen.add(rowid)
                    ordered.append(rowid)
                    if len(ordered) >= need:
                        break
    for rowid in matched:
        if len(ordered) >= need:
            break
        if rowid not in seen:
            ordered.append(rowid)
    return ordered[offset:need], len(matched)


def _ranked_ids_elsewhere(candidates, words, *, limit, offset):
    """Other databases: every word somewhere in the item, titles first, then newest."""
    from django.db.models import Case, IntegerField, Q, Value, When

    matching = candidates.order_by()
    title_hit = Q()
    for word in words:
        matching = matching.filter(
            Q(title__icontains=word)
            | Q(summary__icontains=word)
            | Q(body__icontains=word)
            | Q(attachments__original_name__icontains=word)
            | Q(attachments__blob__search_text__text__icontains=word)
            | Q(attachments__blob__ocr__text__icontains=word)
        )
        title_hit |= Q(title__icontains=word)
    matching = matching.distinct()
    total = matching.count()
    ids = list(
        matching.annotate(rank=Case(When(title_hit, then=Value(0)), default=Value(1), output_field=IntegerField()))
        .order_by("rank", "-publish_at")
        .values_list("pk", flat=True)[offset : offset + limit]
    )
    return ids, total


def search(candidates, query, *, limit=20, offset=0, office=None):
    """Search public `candidates` for `query`; return a SearchPage with items in rank order.

    Each item gets `title_marked`, `snippet` and `file_hits` (the files whose name or text holds a query
    word, each with a marked excerpt of that file's text).
    """
    query = normalize(query)[:MAX_QUERY_LENGTH]
    words = search_words(query) if query else []
    if not words:
        return SearchPage(query=query, words=[], items=[], total=0)
    ids, total = ranked_ids(candidates, words, limit=limit, offset=offset, office=office)
    if not total and any(word_split(w) for w in words):
        # A compound that is nowhere as written ("ศูนย์ข้อมูลข่าวสาร" where a page has a slip in it): look
        # for its words instead, each anywhere. Only when nothing matched, so it never dilutes a good answer.
        words = list(dict.fromkeys(p for w in words for p in (word_split(w) or (w,))))
        ids, total = ranked_ids(candidates, words, limit=limit, offset=offset, office=office)
    by_id = {item.pk: item for item in candidates.filter(pk__in=ids)}
    items = [by_id[i] for i in ids if i in by_id]
    texts = file_texts([a.blob_id for item in items for a in item.attachments.all()])
    for item in items:
        item.title_marked = mark(item.title, words)
        item.snippet = snippet(item, words)
        own = fold(f"{item.title} {item.summary} {html_to_text(item.body)}")
        # The files are named where they answer the query: when a word is not in the item's own text.
        item.file_hits = [] if all(w in own for w in words) else file_hits(item, words, texts)
    return SearchPage(query=query, words=words, items=items, total=total)


# --- Marks and snippets -----------------------------------------------------------------------------------------------


def _matches(text, words):
    """[(start, end)] in `text` (as displayed) of every occurrence of the folded `words`, on cluster boundaries."""
    fast = fold(text)
    if not any(w and w in fast for w in words):
        return []
    folded = fold_spans(text)
    spans = []
    for word in sorted(words, key=len, reverse=True):
        start = folded.text.find(word)
        while start >= 0 and word:
            a, b = folded.original(start, start + len(word))
            a, b = cluster_floor(text, a), cluster_ceil(text, b)
            if not any(a < y and x < b for x, y in spans):
                spans.append((a, b))
            start = folded.text.find(word, start + len(word))
    merged = []
    for a, b in sorted(spans):  # words side by side ("วิริยะ" "สุขเกษม") are one mark
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def mark(text, words):
    """Return `text` escaped, with each occurrence of `words` (in any spelling fold makes one) in <mark>."""
    if not text:
        return ""
    out, last = [], 0
    for start, end in _matches(text, words):
        out.append(html.escape(text[last:start]))
        out.append(f"<mark>{html.escape(text[start:end])}</mark>")
        last = end
    out.append(html.escape(text[last:]))
    return mark_safe("".join(out))


SNIPPET_CHARS = 180


def snippet(item, words):
    """Return a short marked excerpt of the summary and body around the first match, cut between words."""
    text = normalize(" ".join(p for p in (item.summary, html_to_text(item.body)) if p))
    if not text:
        return ""
    return excerpt(text, words, fallback=True)


WINDOW = 400  # characters of a long text folded with spans around its first match


def excerpt(text, words, *, fallback=False):
    """A marked excerpt of `text` around its first match (None if nothing matches, unless `fallback`).

    A long text (a file's) is searched with the fast fold, and only the stretch around the first match is
    folded character by character for the marks, so a 300-page report costs no more than a paragraph.
    """
    if len(text) > WINDOW:
        folded = fold(text)
        hits = [folded.find(w) for w in words if w and w in folded]
        if not hits:
            return mark(_cut(text, 0, SNIPPET_CHARS), words) if fallback else None
        first = min(hits)  # folding only shortens Thai text, so the match is at or after this in the original
        low, high = max(0, first - WINDOW // 3), min(len(text), first + WINDOW)
        window = text[low:high]
        found = _excerpt_of(window, words, fallback=False)
        if found is not None:
            prefix = "… " if low and not str(found).startswith("…") else ""
            return mark_safe(prefix + found)
    return _excerpt_of(text, words, fallback=fallback)


def _excerpt_of(text, words, *, fallback):
    matches = _matches(text, words)
    if not matches and not fallback:
        return None
    first = matches[0][0] if matches else 0
    start = max(0, first - SNIPPET_CHARS // 3)
    return mark(_cut(text, start, start + SNIPPET_CHARS), words)


def file_hits(item, words, texts):
    """The item's files whose name or text holds a query word: [{'attachment', 'snippet'}], at most FILE_HITS_SHOWN."""
    hits = []
    for attachment in item.attachments.all():
        name = f"{attachment.original_name} {attachment.title}"
        text = normalize(texts.get(attachment.blob_id, ""))
        found = excerpt(text, words) if text else None
        if found is None and not _matches(name, words):
            continue
        hits.append({"attachment": attachment, "name_marked": mark(attachment.original_name, words),
                     "snippet": found or ""})  # fmt: skip
        if len(hits) == FILE_HITS_SHOWN:
            break
    return hits


def _cut(text, start, end):
    """Return text[start:end] widened or narrowed to whole words (never inside a letter's cluster), with ellipses."""
    start, end = max(0, start), min(len(text), end)
    low = max(0, start - 20)
    window = text[low : end + 20]
    pieces, pos = [], low
    for word in segment(window):
        found = text.find(word, pos)
        if found < 0:
            continue
        pieces.append((found, found + len(word)))
        pos = found + len(word)
    kept = [(a, b) for a, b in pieces if a >= start and b <= end] or pieces[:1]
    if kept:
        a, b = kept[0][0], kept[-1][1]
    else:
        a, b = start, end
    a, b = cluster_floor(text, a), cluster_ceil(text, b)
    return ("… " if a > 0 else "") + text[a:b] + (" …" if b < len(text) else "")
