"""Thai-aware search over titles, summaries, bodies and file names.

Thai is written without spaces between words, so a word-based index misses a word that sits inside a
longer run ("สุขภาพ" in "โรงพยาบาลส่งเสริมสุขภาพตำบล"). The index is SQLite FTS5 with the trigram
tokenizer, which matches any substring of three or more characters and ranks with BM25; the query is
cut into words with PyThaiNLP (newmm) so that "วัคซีนไข้หวัดใหญ่" finds items holding both words in any
order. Words shorter than three characters ("ยา") are matched with LIKE. Snippets are cut at word
boundaries and the matched words marked. On PostgreSQL the same words are matched with ILIKE and
ranked by where they occur.
"""

import html
import re
from dataclasses import dataclass

from django.db import connection
from django.utils.safestring import mark_safe

from khaosan.catalog.html import html_to_text
from khaosan.thai.text import normalize, query_words, segment

FTS_TABLE = "catalog_item_fts"
TITLE_WEIGHT, TEXT_WEIGHT, FILES_WEIGHT = 10.0, 1.0, 3.0
MAX_QUERY_LENGTH = 200


def uses_fts():
    return connection.vendor == "sqlite"


def document_of(item):
    """Return the three indexed texts of an item: title, text, files (names, and what OCR read from scans)."""
    text = " ".join(
        part
        for part in (item.summary, html_to_text(item.body), item.source, item.external_url)
        if part
    )
    files = " ".join([*(f"{a.original_name} {a.title}".strip() for a in item.attachments.all()), *ocr_texts(item)])
    return normalize(item.title), normalize(text), normalize(files)


def ocr_texts(item):
    """Text that OCR read from the item's scanned files (compliance.ocr): a scan's words are found too."""
    from khaosan.compliance.models import OcrText

    if item.pk is None:
        return []
    found = OcrText.objects.filter(blob__attachments__item=item).exclude(text="")
    return list(found.values_list("text", flat=True).distinct())


def index_item(item_id):
    """Write (or rewrite) the index row of one item. Runs in the caller's transaction."""
    if not uses_fts():
        return
    from khaosan.catalog.models import Item

    item = Item.objects.filter(pk=item_id).prefetch_related("attachments").first()
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [item_id])
        if item is not None:
            cursor.execute(
                f"INSERT INTO {FTS_TABLE} (rowid, title, text, files) VALUES (%s, %s, %s, %s)",
                [item_id, *document_of(item)],
            )



def rebuild_index(items=None):
    """Re-index every item (or the given queryset); returns how many were indexed."""
    from khaosan.catalog.models import Item

    if not uses_fts():
        return 0
    everything = items is None
    items = (Item.objects.all() if everything else items).prefetch_related("attachments")
    count = 0
    with connection.cursor() as cursor:
        if everything:
            cursor.execute(f"DELETE FROM {FTS_TABLE}")
        for item in items.iterator(chunk_size=500):
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [item.pk])
            cursor.execute(
                f"INSERT INTO {FTS_TABLE} (rowid, title, text, files) VALUES (%s, %s, %s, %s)",
                [item.pk, *document_of(item)],
            )
            count += 1
    return count


@dataclass
class SearchPage:
    query: str
    words: list
    items: list
    total: int


def _fts_phrase(word):
    return '"' + word.replace('"', '""') + '"'


def ranked_ids(candidates, words, *, limit, offset):
    """Return (ids ranked best first, total) for items in `candidates` (a queryset) matching all `words`."""
    long_words = [w for w in words if len(w) >= 3]
    short_words = [w for w in words if len(w) < 3]

    if uses_fts():
        # Correlated EXISTS: only the rows FTS5 matched are checked against the public window and the
        # filters, by primary key. (An IN list of every candidate costs a scan of the whole catalog.)
        from django.db.models.expressions import RawSQL

        correlated = candidates.filter(pk=RawSQL("f.rowid", [])).values("pk").order_by()
        candidate_sql, candidate_params = correlated.query.sql_with_params()
        where, params = [f"EXISTS ({candidate_sql})"], list(candidate_params)
        if long_words:
            where.append(f"{FTS_TABLE} MATCH %s")
            params.append(" AND ".join(_fts_phrase(w) for w in long_words))
        for word in short_words:
            where.append("(f.title LIKE %s OR f.text LIKE %s OR f.files LIKE %s)")
            like = f"%{_escape_like(word)}%"
            params.extend([like, like, like])
        like_clauses = " AND ".join(where).replace("LIKE %s", "LIKE %s ESCAPE '\\'")
        rank = (
            f"bm25({FTS_TABLE}, {TITLE_WEIGHT}, {TEXT_WEIGHT}, {FILES_WEIGHT})"
            if long_words
            else "(CASE WHEN f.title LIKE %s ESCAPE '\\' THEN 0 ELSE 1 END)"
        )
        rank_params = [] if long_words else [f"%{_escape_like(short_words[0])}%"]
        base = f"FROM {FTS_TABLE} f WHERE {like_clauses}"
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) {base}", params)
            total = cursor.fetchone()[0]
            cursor.execute(
                f"SELECT f.rowid {base} ORDER BY {rank}, f.rowid DESC LIMIT %s OFFSET %s",
                params + rank_params + [limit, offset],
            )
            return [row[0] for row in cursor.fetchall()], total

    # Other databases: every word somewhere in the item, titles first, then newest.
    candidates = candidates.order_by()
    from django.db.models import Case, IntegerField, Q, Value, When

    matching = candidates
    title_hit = Q()
    for word in words:
        matching = matching.filter(
            Q(title__icontains=word)
            | Q(summary__icontains=word)
            | Q(body__icontains=word)
            | Q(attachments__original_name__icontains=word)
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


def _escape_like(word):
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search(candidates, query, *, limit=20, offset=0):
    """Search public `candidates` for `query`; return a SearchPage with items in rank order."""
    query = normalize(query)[:MAX_QUERY_LENGTH]
    words = query_words(query) if query else []
    if not words:
        return SearchPage(query=query, words=[], items=[], total=0)
    ids, total = ranked_ids(candidates, words, limit=limit, offset=offset)
    by_id = {item.pk: item for item in candidates.filter(pk__in=ids)}
    items = [by_id[i] for i in ids if i in by_id]
    for item in items:
        item.snippet = snippet(item, words)
        item.title_marked = mark(item.title, words)
    return SearchPage(query=query, words=words, items=items, total=total)


def mark(text, words):
    """Return `text` escaped, with each occurrence of `words` wrapped in <mark>."""
    if not text:
        return ""
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.IGNORECASE)
    out, last = [], 0
    for match in pattern.finditer(text):
        out.append(html.escape(text[last : match.start()]))
        out.append(f"<mark>{html.escape(match.group(0))}</mark>")
        last = match.end()
    out.append(html.escape(text[last:]))
    return mark_safe("".join(out))


SNIPPET_CHARS = 180


def snippet(item, words):
    """Return a short marked excerpt around the first match, cut between Thai words."""
    text = normalize(" ".join(p for p in (item.summary, html_to_text(item.body)) if p))
    if not text:
        names = " · ".join(a.original_name for a in item.attachments.all())
        return mark(names, words)
    lowered = text.lower()
    positions = [lowered.find(w.lower()) for w in words if lowered.find(w.lower()) >= 0]
    if not positions:
        return mark(_cut(text, 0, SNIPPET_CHARS), words)
    first = min(positions)
    start = max(0, first - SNIPPET_CHARS // 3)
    return mark(_cut(text, start, start + SNIPPET_CHARS), words)


def _cut(text, start, end):
    """Return text[start:end] widened or narrowed to whole words, with ellipses where cut."""
    window = text[max(0, start - 20) : end + 20]
    words = segment(window)
    # rebuild from words so the cut never falls inside a Thai word
    pieces, pos, out = [], max(0, start - 20), []
    for word in words:
        found = text.find(word, pos)
        if found < 0:
            continue
        pieces.append((found, found + len(word)))
        pos = found + len(word)
    kept = [(a, b) for a, b in pieces if a >= start and b <= end] or pieces[:1]
    if not kept:
        return text[start:end]
    a, b = kept[0][0], kept[-1][1]
    out = text[a:b]
    return ("… " if a > 0 else "") + out + (" …" if b < len(text) else "")
