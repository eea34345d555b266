"""The text layer of Chromium's PDFs, repaired so that pypdf and poppler both extract exactly the Thai source.

What Chromium (Skia) writes, and what goes wrong with it:

- Each Sarabun subset has a ToUnicode CMap built from the font's cmap, so glyphs no character maps to (the
  positional forms of tone marks, uni0E48.small …) are left as <0000>: simpler extractors (pypdf) drop those
  marks. `repair_tounicode` maps them to their characters by glyph name.
- SARA AM (ำ) is drawn as two glyphs, NIKHAHIT + SARA AA (Sarabun's ccmp), and those are the same glyphs as a
  lone ํ and a lone า, so a ToUnicode CMap can only give the compatibility-decomposed form (สํานักงาน).
  Every glyph pair that Chromium's own /ActualText says is a ำ is therefore drawn with an alias of the font:
  the same embedded font program and widths, another ToUnicode in which that NIKHAHIT (or tone + NIKHAHIT
  ligature, the top of น้ำ) gives its text without ํ and that SARA AA gives ำ.
- Chromium wraps each cluster with marks in an /ActualText span, which poppler reads instead of the glyphs.
  poppler sizes the span from its first glyph to the end of its last, so when the last glyph is a mark moved
  left of its base (ปั๊ม: the tone mark sits left over the tall ป) the next letter seems to start after a gap,
  and poppler puts a space inside the word ("ปั๊ ม"). The spans of a run of glyphs with no space between them,
  on one line, are therefore merged into one span with the run's whole text: poppler sees one piece per run.

Content streams are read with a small tokenizer made for what Chromium writes; a page it cannot read is left
exactly as it was (the checks in tests/documents show whether the text still comes back).
"""

import io
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import fontpkg_sarabun

logger = logging.getLogger(__name__)

NIKHAHIT = "\u0e4d"
SARA_AA = "\u0e32"
SARA_AM = "\u0e33"
ALIAS_SUFFIX = "-am"

_UNMAPPED = re.compile(rb"<([0-9A-Fa-f]{4})>\s*<0000>")
_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.DOTALL)
_BFRANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.DOTALL)
_HEX = re.compile(rb"<([0-9A-Fa-f]*)>")
_RANGE_LINE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])")

_TOKEN = re.compile(
    rb"(?P<ws>[\x00\t\n\f\r ]+|%[^\r\n]*)"
    rb"|(?P<dict><<(?:[^<>]|<[0-9A-Fa-f\s]*>)*>>)"
    rb"|(?P<hex><[0-9A-Fa-f\s]*>)"
    rb"|(?P<str>\((?:\\.|[^\\()])*\))"
    rb"|(?P<open>\[)|(?P<close>\])"
    rb"|(?P<name>/[^\x00\t\n\f\r ()<>\[\]{}/%]*)"
    rb"|(?P<num>[+-]?(?:\d+\.?\d*|\.\d+))"
    rb"|(?P<op>[A-Za-z'\"][A-Za-z0-9*'\"]*)",
    re.DOTALL,
)
SHOW = {b"Tj", b"TJ"}
CMAP_HEAD = (
    b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
    b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
    b"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
    b"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
)
# Operators that may sit inside a word without ending it: moves, font and colour changes.
NEUTRAL = {
    b"Td", b"TD", b"Tf", b"Tc", b"Tw", b"Tz", b"TL", b"Ts", b"Tr", b"g", b"G", b"rg", b"RG", b"k", b"K",
    b"cs", b"CS", b"sc", b"SC", b"scn", b"SCN",
}  # fmt: skip


class Unreadable(Exception):
    """A content stream with something the tokenizer does not know (it is then left as it was)."""


# ------------------------------------------------------------------------------------------------ fonts


@lru_cache(maxsize=8)
def _glyph_chars(style_name):
    """Return {glyph id: text} of Sarabun's glyphs, read from their names (uni0E48.small, loChulathai.short …).

    Names follow the Adobe Glyph List; Sarabun's Thai letters without a descender are named in its old
    mixed-case style (yoYingthai.less), which the list has in lower case. A ligature of NIKHAHIT and a tone
    mark (the top of น้ำ) is given as tone mark + NIKHAHIT, the order of the characters: น ้ ำ is drawn
    น, (้ + ํ), า.
    """
    from fontTools import agl
    from fontTools.ttLib import TTFont

    path = Path(fontpkg_sarabun.ROOT) / "files" / f"{style_name}.ttf"
    if not path.exists():
        return {}
    chars = {}
    for gid, name in enumerate(TTFont(path, lazy=True).getGlyphOrder()):
        base = name.split(".")[0]
        text = agl.toUnicode(name) or (agl.toUnicode(base.lower()) if base.endswith("thai") else "")
        if not text:
            continue
        if len(text) > 1 and NIKHAHIT in text:
            text = text.replace(NIKHAHIT, "") + NIKHAHIT
        chars[gid] = text
    return chars


def _utf16(hex_bytes):
    raw = bytes.fromhex(hex_bytes.decode())
    if raw.startswith(b"\xfe\xff"):
        raw = raw[2:]
    return raw.decode("utf-16-be", "surrogatepass")


def parse_cmap(data):
    """Return ({code: text}, code length in bytes) of a ToUnicode CMap (bfchar and bfrange sections)."""
    mapping = {}
    width = 2
    for section in _BFCHAR.findall(data):
        codes = _HEX.findall(section)
        for source, target in zip(codes[::2], codes[1::2], strict=False):
            width = max(1, len(source) // 2)
            mapping[int(source, 16)] = _utf16(target) if target else ""
    for section in _BFRANGE.findall(data):
        for first, last, target in _RANGE_LINE.findall(section):
            width = max(1, len(first) // 2)
            start, end = int(first, 16), int(last, 16)
            if target.startswith(b"["):
                for code, item in zip(range(start, end + 1), _HEX.findall(target), strict=False):
                    mapping[code] = _utf16(item)
            else:
                base = bytes.fromhex(target[1:-1].decode())
                for offset, code in enumerate(range(start, end + 1)):
                    value = base[:-2] + (int.from_bytes(base[-2:], "big") + offset).to_bytes(2, "big")
                    mapping[code] = value.decode("utf-16-be", "surrogatepass")
    return mapping, width


def cmap_stream_data(mapping):
    """A ToUnicode CMap for {two-byte code: text}; an empty text is written <>, as pypdf and poppler read it."""
    lines = [CMAP_HEAD]
    items = sorted(mapping.items())
    for start in range(0, len(items), 100):
        chunk = items[start : start + 100]
        lines.append(b"%d beginbfchar\n" % len(chunk))
        for code, text in chunk:
            lines.append(b"<%04X> <%s>\n" % (code, text.encode("utf-16-be").hex().upper().encode()))
        lines.append(b"endbfchar\n")
    lines.append(b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
    return b"".join(lines)


@dataclass
class Font:
    """One font resource of the document, with what its codes stand for."""

    obj: object  # the pypdf font dictionary
    codes: dict  # {code: text}
    width: int  # bytes per code
    alias: object = None  # the SARA AM alias font dictionary, made on first use
    alias_codes: dict = field(default_factory=dict)  # {code: text} overriding `codes` in the alias
    cache: dict = field(default_factory=dict)  # {raw string operand: text}

    def text(self, raw):
        """The text of a string operand (raw bytes of the code string), or None if a code is unknown."""
        if raw in self.cache:
            return self.cache[raw]
        self.cache[raw] = text = self._text(raw)
        return text

    def _text(self, raw):
        out = []
        for code in _codes(raw, self.width):
            text = self.codes.get(code)
            if text is None:
                return None
            out.append(text)
        return "".join(out)


def _repair_font(font):
    """Map the glyphs Chromium left as <0000> in a Sarabun ToUnicode CMap; return the CMap's bytes."""
    from pypdf.generic import NameObject

    to_unicode = font.get(NameObject("/ToUnicode"))
    if to_unicode is None:
        return None
    stream = to_unicode.get_object()
    data = stream.get_data()
    base = str(font.get("/BaseFont", "")).split("+")[-1]
    if base.startswith("Sarabun"):
        chars = _glyph_chars(base)

        def mapped(match):
            text = chars.get(int(match.group(1), 16))
            if text is None:
                return match.group(0)
            return b"<" + match.group(1) + b"> <" + "".join(f"{ord(c):04X}" for c in text).encode() + b">"

        fixed = _UNMAPPED.sub(mapped, data)
        if fixed != data:
            stream.set_data(fixed)
            data = fixed
    return data


def _page_fonts(page, fonts):
    """{resource name: Font} of a page, each font object read (and repaired) once for the whole document."""
    resources = page.get("/Resources")
    resources = resources.get_object() if resources is not None else {}
    font_dict = resources.get("/Font")
    if font_dict is None:
        return {}
    result = {}
    for name, ref in font_dict.get_object().items():
        key = ref.idnum if hasattr(ref, "idnum") else id(ref)
        if key not in fonts:
            font = ref.get_object()
            data = _repair_font(font)
            if data is None:
                fonts[key] = None
            else:
                codes, width = parse_cmap(data)
                fonts[key] = Font(font, codes, width)
        if fonts[key] is not None:
            result[name.encode() if isinstance(name, str) else bytes(name)] = fonts[key]
    return result


def _codes(raw, width):
    """The character codes of a string operand: <hex> or (literal)."""
    if raw.startswith(b"<"):
        data = bytes.fromhex(re.sub(rb"\s", b"", raw[1:-1]).decode())
    else:
        data = _literal(raw)
    return [int.from_bytes(data[i : i + width], "big") for i in range(0, len(data) - width + 1, width)]


def _literal(raw):
    body = raw[1:-1]
    out = bytearray()
    i = 0
    escapes = {ord("n"): 10, ord("r"): 13, ord("t"): 9, ord("b"): 8, ord("f"): 12}
    while i < len(body):
        byte = body[i]
        if byte == 0x5C and i + 1 < len(body):  # backslash
            nxt = body[i + 1]
            if nxt in escapes:
                out.append(escapes[nxt])
                i += 2
            elif 0x30 <= nxt <= 0x37:
                digits = re.match(rb"[0-7]{1,3}", body[i + 1 : i + 4]).group()
                out.append(int(digits, 8) & 0xFF)
                i += 1 + len(digits)
            elif nxt in (0x0A, 0x0D):
                i += 2
            else:
                out.append(nxt)
                i += 2
        else:
            out.append(byte)
            i += 1
    return bytes(out)


# ------------------------------------------------------------------------------------------------ content


@dataclass
class Op:
    name: bytes
    operands: list  # [(kind, raw bytes)], an array as ("array", [(kind, raw) …])
    raw: bytes
    font: object = None  # the Font in use when the operator runs
    font_name: bytes = b""
    size: float = 0.0
    y: float = 0.0  # baseline of the text line when the operator runs


# Lines as Chromium writes most of them, read without the general tokenizer (the stream is mostly these).
_FAST_LINES = re.compile(
    rb"(?:(?P<tx>[-+.0-9]+) (?P<ty>[-+.0-9]+) Td )?(?P<show><[0-9A-Fa-f]*>) Tj"
    rb"|(?P<span>/Span ?<</ActualText ?<[0-9A-Fa-f]*> ?>>) BDC"
    rb"|(?P<font>/[A-Za-z0-9_.+-]+) (?P<size>[-+.0-9]+) Tf"
    rb"|(?P<numbers>(?:[-+.0-9]+ )*)(?P<op>[A-Za-z][A-Za-z*]{0,2}|[A-Za-z]\*)"
    rb"|(?P<named>/[A-Za-z0-9_.+-]+) (?P<named_op>gs|Do|cs|CS|sh)"
)


def _fast_line(line, ops):
    """Append the operators of a line in one of Chromium's usual shapes; False if the line is of another shape."""
    match = _FAST_LINES.fullmatch(line)
    if match is None:
        return False
    show = match.group("show")
    if show is not None:
        if match.group("tx") is not None:
            tx, ty = match.group("tx"), match.group("ty")
            ops.append(Op(b"Td", [("num", tx), ("num", ty)], tx + b" " + ty + b" Td"))
        ops.append(Op(b"Tj", [("hex", show)], show + b" Tj"))
    elif match.group("span") is not None:
        ops.append(Op(b"BDC", [("name", b"/Span"), ("dict", match.group("span")[5:].lstrip())], line))
    elif match.group("font") is not None:
        ops.append(Op(b"Tf", [("name", match.group("font")), ("num", match.group("size"))], line))
    elif match.group("op") is not None:
        if match.group("op") in (b"BI", b"ID", b"EI", b"true", b"false", b"null"):
            return False
        operands = [("num", number) for number in match.group("numbers").split()]
        ops.append(Op(match.group("op"), operands, line))
    else:
        ops.append(Op(match.group("named_op"), [("name", match.group("named"))], line))
    return True


def tokenize(data):
    """Return the operators of a content stream as Op, operands and raw text kept.

    Lines in Chromium's usual shapes are read with one regular expression each; any other line goes through
    the general tokenizer, so a stream of another writer is read too (only more slowly).
    """
    ops = []
    pending = []
    for line in data.split(b"\n"):
        stripped = line.strip()
        if not pending and _fast_line(stripped, ops):
            continue
        pending.append(line)
        if _complete(pending):
            ops.extend(_tokenize(b"\n".join(pending)))
            pending = []
    if pending:
        ops.extend(_tokenize(b"\n".join(pending)))
    return ops


def _complete(lines):
    """True if these lines end on an operator outside any array, dictionary or string (cheap, conservative)."""
    text = b"\n".join(lines)
    if text.count(b"(") != text.count(b")") or text.count(b"[") != text.count(b"]"):
        return False
    if text.count(b"<<") != text.count(b">>"):
        return False
    last = text.rstrip().rsplit(None, 1)[-1] if text.strip() else b""
    return bool(re.fullmatch(rb"[A-Za-z'\"][A-Za-z0-9*'\"]*", last)) and last not in (b"true", b"false", b"null")


def _tokenize(data):
    """The general tokenizer: every operator of `data`, which must end on an operator."""
    ops = []
    operands = []
    stack = []
    start = None
    position = 0
    length = len(data)
    while position < length:
        match = _TOKEN.match(data, position)
        if match is None:
            raise Unreadable(data[position : position + 20])
        kind = match.lastgroup
        position = match.end()
        if kind == "ws":
            continue
        if start is None:
            start = match.start()
        value = match.group()
        if kind == "open":
            stack.append(operands)
            operands = []
        elif kind == "close":
            if not stack:
                raise Unreadable(b"]")
            array = operands
            operands = stack.pop()
            operands.append(("array", array))
        elif kind == "op" and not stack:
            if value in (b"BI", b"ID", b"EI"):
                raise Unreadable(b"inline image")
            ops.append(Op(value, operands, data[start:position]))
            operands, start = [], None
        else:
            operands.append((kind, value))
    if operands or stack:
        raise Unreadable(b"trailing operands")
    return ops


def _number(token):
    return float(token[1])


def _annotate(ops, fonts):
    """Set the font, size and baseline each operator runs with (the text state, as far as Chromium uses it)."""
    font, font_name, size, y, line_y = None, b"", 0.0, 0.0, 0.0
    for op in ops:
        op.font, op.font_name, op.size, op.y = font, font_name, size, y
        name = op.name
        if name == b"Tf" and len(op.operands) == 2:
            font_name = op.operands[0][1]
            font = fonts.get(font_name)
            size = abs(_number(op.operands[1]))
        elif name == b"Tm" and len(op.operands) == 6:
            y = line_y = _number(op.operands[5])
        elif name in (b"Td", b"TD") and len(op.operands) == 2:
            line_y += _number(op.operands[1])
            y = line_y
        elif name == b"BT":
            y = line_y = 0.0
        elif name in (b"T*", b"'", b'"'):
            y = line_y = line_y + 1e6  # a new line: never the same baseline


def _actual_text(op):
    """The /ActualText of a BDC /Span operator, or None."""
    if op.name != b"BDC" or len(op.operands) != 2 or op.operands[0][1] != b"/Span":
        return None
    kind, raw = op.operands[1]
    if kind != "dict":
        return None
    match = re.search(rb"/ActualText\s*<([0-9A-Fa-f\s]*)>", raw)
    return _utf16(re.sub(rb"\s", b"", match.group(1))) if match else None


def _actual_text_op(text):
    data = b"\xfe\xff" + text.encode("utf-16-be", "surrogatepass")
    return b"/Span<</ActualText <" + data.hex().upper().encode() + b"> >> BDC"


def _show_text(op):
    """The text an operator shows (Tj or TJ), or None when a code is unknown or the font is not ours."""
    if op.font is None:
        return None
    if op.name == b"Tj" and len(op.operands) == 1 and op.operands[0][0] in ("hex", "str"):
        return op.font.text(op.operands[0][1])
    if op.name == b"TJ" and len(op.operands) == 1 and op.operands[0][0] == "array":
        parts = []
        for kind, raw in op.operands[0][1]:
            if kind in ("hex", "str"):
                text = op.font.text(raw)
                if text is None:
                    return None
                parts.append(text)
        return "".join(parts)
    return None


@dataclass
class Span:
    """Chromium's /ActualText span: its operators (BDC … EMC) and the text it stands for."""

    ops: list
    text: str


@dataclass
class Glyphs:
    """A Tj or TJ outside any span."""

    op: Op
    text: str


def _units(ops):
    """Group operators into Span, Glyphs and plain Op items."""
    items = []
    i = 0
    while i < len(ops):
        op = ops[i]
        text = _actual_text(op)
        if text is not None:
            depth, j = 0, i
            while j < len(ops):
                if ops[j].name in (b"BDC", b"BMC"):
                    depth += 1
                elif ops[j].name == b"EMC":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            if j == len(ops):
                raise Unreadable(b"span without EMC")
            items.append(Span(ops[i : j + 1], unicodedata.normalize("NFC", text)))
            i = j + 1
            continue
        if op.name in SHOW:
            shown = _show_text(op)
            items.append(Glyphs(op, shown) if shown is not None else op)
        else:
            items.append(op)
        i += 1
    return items


def _sara_am(span):
    """Draw the glyphs of each ำ in a span with the font's alias; return the span's ops, rewritten or as they were."""
    if SARA_AM not in span.text:
        return span.ops
    shown = []  # (op index, code index, code, text)
    for index, op in enumerate(span.ops):
        if op.name == b"Tj" and op.font is not None and op.operands and op.operands[0][0] in ("hex", "str"):
            for position, code in enumerate(_codes(op.operands[0][1], op.font.width)):
                shown.append((index, position, code, op.font.codes.get(code)))
        elif op.name in SHOW:
            return span.ops  # a TJ array or an unknown font: left alone
    if any(text is None for *_, text in shown):
        return span.ops
    recoded = {}  # (op index, code index) -> text in the alias
    pending = None
    for index, position, _code, text in shown:
        if NIKHAHIT in text:
            pending = (index, position, text)
        elif text == SARA_AA and pending is not None:
            recoded[pending[:2]] = pending[2].replace(NIKHAHIT, "", 1)
            recoded[(index, position)] = SARA_AM
            pending = None
    if not recoded:
        return span.ops
    texts = [recoded.get((index, position), text) for index, position, _, text in shown]
    if unicodedata.normalize("NFC", "".join(texts)) != span.text:
        return span.ops
    out = []
    for index, op in enumerate(span.ops):
        positions = [p for (i, p) in recoded if i == index]
        if not positions:
            out.append(op)
            continue
        font = op.font
        codes = _codes(op.operands[0][1], font.width)
        groups = []  # [(alias?, [codes])]
        for position, code in enumerate(codes):
            aliased = (index, position) in recoded
            if aliased:
                font.alias_codes[code] = recoded[(index, position)]
            if groups and groups[-1][0] == aliased:
                groups[-1][1].append(code)
            else:
                groups.append((aliased, [code]))
        size = b"%g" % op.size
        for aliased, group in groups:
            hexes = b"<" + b"".join(b"%0*X" % (font.width * 2, c) for c in group) + b">"
            if aliased:
                alias_name = op.font_name + ALIAS_SUFFIX.encode()
                out.append(Op(b"Tf", [], alias_name + b" " + size + b" Tf", font, op.font_name, op.size, op.y))
                out.append(Op(b"Tj", [], hexes + b" Tj", font, alias_name, op.size, op.y))
                out.append(Op(b"Tf", [], op.font_name + b" " + size + b" Tf", font, op.font_name, op.size, op.y))
            else:
                out.append(Op(b"Tj", [], hexes + b" Tj", font, op.font_name, op.size, op.y))
    return out


def _unit_y(item):
    ops = item.ops if isinstance(item, Span) else [item.op]
    return next((op.y for op in ops if op.name in SHOW), ops[0].y)


def _unit_size(item):
    ops = item.ops if isinstance(item, Span) else [item.op]
    return next((op.size for op in ops if op.name in SHOW), ops[0].size)


def _emit_run(run, out):
    """Write a run of words pieces: one span around it all when it has a span of Chromium's inside."""
    units = [item for item in run if isinstance(item, (Span, Glyphs))]
    if sum(isinstance(item, Span) for item in units) == 0 or len(units) < 2:
        for item in run:
            out.extend(item.ops if isinstance(item, Span) else [item.op if isinstance(item, Glyphs) else item])
        return
    out.append(_actual_text_op("".join(item.text for item in units)))
    for item in run:
        if isinstance(item, Span):
            out.extend(item.ops[1:-1])  # without Chromium's own BDC … EMC
        elif isinstance(item, Glyphs):
            out.append(item.op)
        else:
            out.append(item)
    out.append(b"EMC")


def rewrite(ops):
    """Return the content stream of annotated operators with ำ re-coded and the spans of each run merged."""
    items = _units(ops)
    for item in items:
        if isinstance(item, Span):
            item.ops = _sara_am(item)
    out = []
    run = []  # units and the neutral operators between them
    run_y = run_size = None

    def flush():
        nonlocal run, run_y, run_size
        tail = []
        while run and not isinstance(run[-1], (Span, Glyphs)):
            tail.insert(0, run.pop())
        _emit_run(run, out)
        out.extend(tail)
        run, run_y, run_size = [], None, None

    for item in items:
        if isinstance(item, (Span, Glyphs)):
            blank = not item.text.strip() or any(ch.isspace() for ch in item.text)
            y, size = _unit_y(item), _unit_size(item)
            if blank:
                flush()
                _emit_run([item], out)
                continue
            if run_y is not None and abs(y - run_y) > max(0.3 * (run_size or size or 1), 0.5):
                flush()
            if run_y is None:
                run_y, run_size = y, size
            run.append(item)
        elif item.name in NEUTRAL and run:
            run.append(item)
        else:
            flush()
            out.append(item)
    flush()
    return b"\n".join(op if isinstance(op, bytes) else op.raw for op in out) + b"\n"


# ------------------------------------------------------------------------------------------------ document


def _add_aliases(writer, fonts, pages_fonts):
    """Create each SARA AM alias font (same program and widths, own ToUnicode) and name it on its pages."""
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    for font in fonts.values():
        if font is None or not font.alias_codes:
            continue
        stream = DecodedStreamObject()
        stream.set_data(cmap_stream_data({**font.codes, **font.alias_codes}))
        alias = DictionaryObject({
            NameObject(key): value for key, value in font.obj.items() if key != "/ToUnicode"
        })  # fmt: skip
        alias[NameObject("/ToUnicode")] = writer._add_object(stream.flate_encode())
        font.alias = writer._add_object(alias)
    for page, names in pages_fonts:
        font_dict = page["/Resources"].get_object()["/Font"].get_object()
        for name, font in names.items():
            if font.alias is not None:
                font_dict[NameObject(name.decode() + ALIAS_SUFFIX)] = font.alias


def repair_text_layer(pdf_bytes):
    """Return Chromium's PDF with ToUnicode repaired, each ำ re-coded and each run's /ActualText merged."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ContentStream

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes)))
    fonts = {}
    pages_fonts = []
    for number, page in enumerate(writer.pages):
        names = _page_fonts(page, fonts)
        if not names:
            continue
        contents = page.get_contents()
        if contents is None:
            continue
        try:
            ops = tokenize(contents.get_data())
            _annotate(ops, names)
            data = rewrite(ops)
        except Unreadable as error:
            logger.warning("PDF text layer: page %d left as Chromium wrote it (%r)", number + 1, error.args[0])
            continue
        stream = ContentStream(None, writer)
        stream.set_data(data)
        page.replace_contents(stream)
        pages_fonts.append((page, names))
    _add_aliases(writer, fonts, pages_fonts)
    for page in writer.pages:
        page.compress_content_streams()
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
