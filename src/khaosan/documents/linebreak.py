"""Lines of a PDF break only between Thai words: the HTML is marked up with PyThaiNLP's words before Chromium sets it.

Chromium breaks Thai with ICU's dictionary, which is not the project's: it cuts พระ|ราชบัญญัติ, ผู้|บริหาร,
โรง|พยาบาล, and in a narrow table column it breaks anywhere once a piece is too wide (a request number 10/257|0).
So before rendering, every run of Thai in the text of the document is segmented with PyThaiNLP (newmm with the
project's dictionary, `khaosan.thai.words.dictionary`), each word is wrapped in a no-wrap span and a <wbr> is put
between words: the only places Chromium may break a line of Thai are those <wbr> and the spaces. Numbers, dates,
times and request numbers ("10/2570", "1 ต.ค. 2569", "15:45 น.") are wrapped whole in a no-wrap span.

Only markup is added, never a character: a word joiner or zero-width space would leak into the PDF's text layer
(measured: pypdf and poppler both return U+2060 and U+200B), where the source must come back exactly. Markup is
never touched: tags, attributes (URLs, data: fonts), comments, <style>, <script>, <title>, <svg> and <pre> are
copied as they are, and so is the text inside an element of class "url" (addresses break anywhere by design).
`word-break: keep-all` was measured too: Chromium still breaks Thai with ICU under it.

A word wider than its column cannot be set whole; `OVERLONG_SCRIPT`, run in the page before printing, lets such a
word (rare: a long word in a narrow column of a fixed table) break rather than run over the cell's border.
"""

import re
from functools import lru_cache
from string import Template

# Thai letters, vowels, tone marks, ฯ and ๆ; not Thai digits (they are numbers) nor ๏ ๚ ๛.
THAI_RUN = re.compile(r"[\u0E01-\u0E4F]+")
THAI_MARKS = re.compile(r"[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]")
# ๆ and ฯ belong to the word before them: a line never starts with one.
TRAILING_SIGNS = {"ๆ", "ฯ"}

_DIGIT = r"[0-9\u0E50-\u0E59]"
_MONTHS = (
    "มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม|"
    r"ม\.ค\.|ก\.พ\.|มี\.ค\.|เม\.ย\.|พ\.ค\.|มิ\.ย\.|ก\.ค\.|ส\.ค\.|ก\.ย\.|ต\.ค\.|พ\.ย\.|ธ\.ค\."
)
# Pieces of text kept on one line. An address is matched first so that nothing inside it is wrapped.
KEEP_WHOLE = re.compile(
    rf"(?P<url>(?:https?://|www\.)[^\s<]+)"
    rf"|(?P<date>(?:{_DIGIT}{{1,2}}\s+)?(?:{_MONTHS})\s*(?:(?:พ\.ศ\.|ค\.ศ\.)\s*)?{_DIGIT}{{4}})"
    rf"|(?P<era>(?:พ\.ศ\.|ค\.ศ\.)\s*{_DIGIT}{{4}})"
    rf"|(?P<time>{_DIGIT}{{1,2}}[:.]{_DIGIT}{{2}}(?:\s*น\.)?)"
    rf"|(?P<number>{_DIGIT}+(?:[,./:\-]{_DIGIT}+)+|{_DIGIT}{{2,}})"
)
ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")
TAG = re.compile(r"<!--.*?-->|<![^>]*>|<\?[^>]*>|<(/?)([A-Za-z][\w:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.DOTALL)
CLASS = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
RAW_TEXT = {"script", "style", "title", "textarea"}  # their content is not markup: copied up to the end tag
SKIPPED = {"svg", "math", "pre", "code", "kbd", "samp", "select"}  # their text is left exactly as it is
SKIPPED_CLASSES = {"url"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

WORD_CLASS = "thw"  # one Thai word
WHOLE_CLASS = "nobr"  # a number, date or time
OVERLONG_CLASS = "thw-long"
CSS = (
    f".{WORD_CLASS}, .{WHOLE_CLASS} {{ white-space: nowrap; }}\n"
    f".{OVERLONG_CLASS} {{ white-space: normal; overflow-wrap: anywhere; }}"
)
STYLE = f'<style id="thai-line-breaks">{CSS}</style>'

# Marks the words and numbers wider than the box they are set in, so that they may break instead of
# running over its edge; returns how many there were.
OVERLONG_SCRIPT = Template("""() => {
  const blocks = new Map();
  let count = 0;
  for (const word of document.querySelectorAll('.$word, .$whole')) {
    let box = word.parentElement;
    while (box && box !== document.body && getComputedStyle(box).display.startsWith('inline')
           && !getComputedStyle(box).display.includes('block')) box = box.parentElement;
    if (!box) continue;
    let width = blocks.get(box);
    if (width === undefined) {
      const style = getComputedStyle(box);
      width = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      blocks.set(box, width);
    }
    if (width > 0 && word.getBoundingClientRect().width > width + 0.5) {
      word.classList.add('$long');
      count += 1;
    }
  }
  return count;
}""").substitute(word=WORD_CLASS, whole=WHOLE_CLASS, long=OVERLONG_CLASS)


@lru_cache(maxsize=1)
def _dictionary():
    from khaosan.thai.words import dictionary

    return dictionary()


@lru_cache(maxsize=65536)
def thai_words(run):
    """Return the words of a run of Thai (PyThaiNLP newmm, the project's dictionary); ๆ and ฯ stay on their word."""
    from pythainlp.tokenize import word_tokenize

    words = []
    for word in word_tokenize(run, engine="newmm", custom_dict=_dictionary(), keep_whitespace=True):
        if words and (word in TRAILING_SIGNS or THAI_MARKS.fullmatch(word[:1] or "x")):
            words[-1] += word  # a sign or a stray mark never starts a line
        else:
            words.append(word)
    return tuple(words)


def _single_cluster(word):
    """True if `word` is one letter with its marks: nothing inside it to break."""
    return len(THAI_MARKS.sub("", word)) <= 1


@lru_cache(maxsize=65536)
def _thai_run_html(run):
    pieces = []
    for word in thai_words(run):
        pieces.append(word if _single_cluster(word) else f'<span class="{WORD_CLASS}">{word}</span>')
    return "<wbr>".join(pieces)


def _segments(text):
    """Cut a piece of text without entities into (kind, html): runs of Thai, pieces kept whole, the rest."""
    segments = []
    position = 0
    for match in KEEP_WHOLE.finditer(text):
        segments.extend(_thai_segments(text[position : match.start()]))
        if match.lastgroup == "url":
            segments.append(("other", match.group()))
        else:
            segments.append(("whole", f'<span class="{WHOLE_CLASS}">{match.group()}</span>'))
        position = match.end()
    segments.extend(_thai_segments(text[position:]))
    return segments


def _thai_segments(text):
    segments = []
    position = 0
    for match in THAI_RUN.finditer(text):
        if match.start() > position:
            segments.append(("other", text[position : match.start()]))
        segments.append(("thai", _thai_run_html(match.group())))
        position = match.end()
    if position < len(text):
        segments.append(("other", text[position:]))
    return segments


def _breakable(left, right):
    """May a line break between these two segments? Between Thai and a number or a Latin word, yes;
    next to punctuation or a space, Chromium decides (no break after "(" or before ".")."""
    kinds = {left[0], right[0]}
    if "thai" not in kinds or kinds == {"thai"}:
        return False
    other = right if left[0] == "thai" else left
    if other[0] == "whole":
        return True
    edge = other[1][0] if other is right else other[1][-1]
    return edge.isalnum()


def _piece_html(text):
    segments = _segments(text)
    out = []
    for index, segment in enumerate(segments):
        if index and _breakable(segments[index - 1], segment):
            out.append("<wbr>")
        out.append(segment[1])
    return "".join(out)


@lru_cache(maxsize=16384)
def text_html(text):
    """Return the HTML text `text` (entities and all) with its Thai marked up for line breaking."""
    if not THAI_RUN.search(text) and not re.search(_DIGIT + "{2}", text):
        return text
    out = []
    position = 0
    for match in ENTITY.finditer(text):
        out.append(_piece_html(text[position : match.start()]))
        out.append(match.group())
        position = match.end()
    out.append(_piece_html(text[position:]))
    return "".join(out)


def _skipped_by_class(attributes):
    match = CLASS.search(attributes)
    if not match:
        return False
    classes = next(group for group in match.groups() if group is not None).split()
    return any(name in SKIPPED_CLASSES for name in classes)


def thai_line_breaks(html):
    """Return `html` with its text marked so that lines break only between words (see the module docstring).

    Markup, attributes and the text of raw-text, skipped and class="url" elements are left as they are.
    The CSS the marks need is added as a <style> in the head (or in front, for a fragment).
    """
    out = []
    position = 0
    skip_tag, skip_depth = None, 0
    length = len(html)
    while position < length:
        match = TAG.search(html, position)
        end_of_text = match.start() if match else length
        text = html[position:end_of_text]
        out.append(text if skip_tag else text_html(text))
        if not match:
            break
        out.append(match.group())
        position = match.end()
        closing, name = match.group(1), (match.group(2) or "").lower()
        if not name:
            continue  # a comment, doctype or processing instruction
        self_closing = match.group(3).rstrip().endswith("/")
        if skip_tag:
            if name == skip_tag and not self_closing:
                skip_depth += -1 if closing else 1
                if skip_depth == 0:
                    skip_tag = None
            continue
        if closing or self_closing or name in VOID:
            continue
        if name in RAW_TEXT:
            end = re.compile(rf"</{name}\s*>", re.IGNORECASE).search(html, position)
            stop = end.start() if end else length
            out.append(html[position:stop])
            position = stop
        elif name in SKIPPED or _skipped_by_class(match.group(3)):
            skip_tag, skip_depth = name, 1
    marked = "".join(out)
    head = re.search(r"</head\s*>", marked, re.IGNORECASE)
    if head:
        return marked[: head.start()] + STYLE + marked[head.start() :]
    return STYLE + marked
