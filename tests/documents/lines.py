"""Where a PDF's lines end, read back with poppler, and whether each end falls between two words.

`pdftotext -layout` pads table columns with spaces and sometimes joins two cells with one space, so the
lines are read from `pdftotext -bbox-layout` (the same layout analysis, with each word's box): words on one
baseline closer than half a line height form a fragment (one line of one cell or paragraph); the fragment
right below it that overlaps it horizontally is the next line of the same text.

A line end is then checked against the source: if the last word of a line and the first word of the next
are written together in the source (no space between them), the line was broken inside a run of Thai, and
the break must be a word boundary of PyThaiNLP (newmm with the project's dictionary); runs of anything else
(numbers, dates' digits, request numbers like 10/2570) are never broken at all, except addresses (a URL is
set to break anywhere, or it would not fit a column).
"""

import re
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from xml.etree import ElementTree

THAI_RUN = re.compile(r"[\u0E01-\u0E3A\u0E40-\u0E4E]+")
ADDRESS = re.compile(r"[^\s\"']*(?:https?://|www\.)[^\s\"']*")  # an address may break anywhere (class="url")
BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "img", "li", "main", "nav", "ol", "p", "pre",
    "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
}  # fmt: skip
SKIPPED_TAGS = {"head", "script", "style", "title", "template"}
XHTML = "{http://www.w3.org/1999/xhtml}"


@dataclass
class Fragment:
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    words: list = field(default_factory=list)

    @property
    def height(self):
        return self.y1 - self.y0

    @property
    def text(self):
        return " ".join(self.words)


@dataclass
class Junction:
    """A line end: the last word of a line, the first word of the next, and where in the source they meet."""

    page: int
    before: str
    after: str

    def __str__(self):
        return f"p{self.page + 1}: …{self.before}|{self.after}…"


def pdf_fragments(data):
    """Return the fragments (one line of one cell or paragraph) of every page, from poppler's word boxes."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf:
        pdf.write(data)
        pdf.flush()
        xml = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", "-bbox-layout", pdf.name, "-"], capture_output=True, check=True
        ).stdout
    root = ElementTree.fromstring(xml)
    fragments = []
    for number, page in enumerate(root.iter(f"{XHTML}page")):
        words = []
        for line in page.iter(f"{XHTML}line"):
            for word in line.iter(f"{XHTML}word"):
                box = [float(word.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")]
                words.append((box, word.text or ""))
        words.sort(key=lambda w: (round(w[0][1]), w[0][0]))
        for (x0, y0, x1, y1), text in words:
            last = fragments[-1] if fragments and fragments[-1].page == number else None
            same_line = last is not None and abs(last.y0 - y0) < 1.5 and 0 <= x0 - last.x1 < 0.45 * (y1 - y0)
            if same_line:
                last.words.append(text)
                last.x1, last.y1 = x1, max(last.y1, y1)
            else:
                fragments.append(Fragment(number, x0, y0, x1, y1, [text]))
    return fragments


def line_pairs(fragments):
    """Yield (line, next line of the same text): the fragment just below, overlapping it horizontally."""
    by_page = {}
    for fragment in fragments:
        by_page.setdefault(fragment.page, []).append(fragment)
    for page in by_page.values():
        for upper in page:
            below = [
                f for f in page
                if 0.5 * upper.height < f.y0 - upper.y0 < 1.7 * upper.height and f.x0 < upper.x1 and f.x1 > upper.x0
            ]  # fmt: skip
            if below:
                yield upper, min(below, key=lambda f: (f.y0, abs(f.x0 - upper.x0)))


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED_TAGS:
            self.skipping += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in SKIPPED_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def source_text(*htmls):
    """The text a reader sees in these HTML documents: blocks on lines of their own, white space folded."""
    texts = []
    for html in htmls:
        parser = _Text()
        parser.feed(html)
        parser.close()
        texts.append("".join(parser.parts))
    text = unicodedata.normalize("NFC", "\n".join(texts))
    return "\n".join(re.sub(r"[ \t\r\f\v\u00a0]+", " ", line).strip() for line in text.split("\n"))


@lru_cache(maxsize=8192)
def _thai_words(run):
    from pythainlp.tokenize import word_tokenize

    from khaosan.thai.words import dictionary

    return tuple(word_tokenize(run, engine="newmm", custom_dict=dictionary(), keep_whitespace=True))


@lru_cache(maxsize=64)
def word_boundaries(source):
    """Positions in `source` where a line may end: white space, PyThaiNLP's word ends inside runs of Thai, and
    anywhere inside an address."""
    allowed = set()
    for match in ADDRESS.finditer(source):
        allowed.update(range(match.start(), match.end() + 1))
    for index, char in enumerate(source):
        if char.isspace():
            allowed.update((index, index + 1))
    for match in THAI_RUN.finditer(source):
        position = match.start()
        allowed.add(position)
        for word in _thai_words(match.group()):
            position += len(word)
            allowed.add(position)
    return frozenset(allowed)


def junctions(data):
    """Every line end of the PDF whose two sides are written together in the source, as a Junction."""
    for upper, lower in line_pairs(pdf_fragments(data)):
        yield Junction(upper.page, upper.words[-1], lower.words[0])


def mid_word_breaks(data, *htmls):
    """Line ends of the PDF that fall inside a word of the source (an empty list when every break is right)."""
    source = source_text(*htmls)
    allowed = word_boundaries(source)
    wrong = []
    for junction in junctions(data):
        before = unicodedata.normalize("NFC", junction.before)
        after = unicodedata.normalize("NFC", junction.after)
        joined = before + after
        starts = [m.start() for m in re.finditer(re.escape(joined), source)]
        if starts and not any(start + len(before) in allowed for start in starts):
            wrong.append(junction)
    return wrong
