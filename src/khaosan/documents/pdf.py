"""HTML to PDF with headless Chromium (DESIGN stack, PDF row).

Chromium shapes Thai with HarfBuzz and breaks lines with ICU's dictionary, so tone marks sit right,
lines break only between words, and the text layer extracts to the Thai source. Documents are set in
Sarabun (fontpkg-sarabun), embedded as data URLs so nothing is fetched.

Chromium marks each Thai cluster with /ActualText, which poppler, Acrobat and screen readers read
exactly. Its ToUnicode maps, though, leave the font's positional tone-mark forms (uni0E48.small …)
unmapped, so simpler extractors (pypdf) drop those marks; `repair_tounicode` maps them back to their
characters by glyph name. SARA AM (ำ) is drawn as NIKHAHIT + SARA AA, so such extractors return the
compatibility-decomposed form (NFKC) of the word.
"""

import base64
import io
import re
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import fontpkg_sarabun

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
FONT_FILES = {
    ("normal", 400): "Sarabun-Regular.ttf",
    ("normal", 700): "Sarabun-Bold.ttf",
    ("italic", 400): "Sarabun-Italic.ttf",
    ("italic", 700): "Sarabun-BoldItalic.ttf",
}


@lru_cache(maxsize=1)
def font_face_css():
    """@font-face rules for Sarabun with the font files inlined (no file or network access needed)."""
    rules = []
    for (style, weight), name in FONT_FILES.items():
        data = base64.b64encode((Path(fontpkg_sarabun.ROOT) / "files" / name).read_bytes()).decode()
        rules.append(
            "@font-face { font-family: 'Sarabun'; font-style: %s; font-weight: %d; "
            "src: url(data:font/ttf;base64,%s) format('truetype'); }" % (style, weight, data)
        )
    return "\n".join(rules)


@lru_cache(maxsize=1)
def footer_font_face():
    """Sarabun for a page footer: Chromium draws header and footer templates apart from the page, without its fonts."""
    data = base64.b64encode((Path(fontpkg_sarabun.ROOT) / "files" / FONT_FILES[("normal", 400)]).read_bytes()).decode()
    return "@font-face{font-family:'Sarabun';src:url(data:font/ttf;base64,%s) format('truetype');}" % data


# Thai official documents: A4, 16 pt TH Sarabun-style body, left margin 3 cm.
BASE_CSS = """
@page { size: A4; margin: 2cm 2cm 2cm 3cm; }
html { font-family: 'Sarabun', sans-serif; font-size: 16pt; line-height: 1.35; color: #000; }
body { margin: 0; }
h1 { font-size: 20pt; text-align: center; margin: 0 0 8pt; }
h2 { font-size: 17pt; margin: 12pt 0 4pt; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 0.75pt solid #000; padding: 3pt 5pt; vertical-align: top; text-align: left; }
tr, img, .keep { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
"""


class PdfRenderer:
    """One Chromium for many documents: open it with `pdf_renderer()`, call `render(html)`.

    Playwright's sync API runs an event loop in the thread that starts it, which Django then takes
    for an async context; so the browser lives on a worker thread of its own and calls go through it.
    """

    def __init__(self):
        from concurrent.futures import ThreadPoolExecutor

        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pdf")
        self._executor.submit(self._start).result()

    def _start(self):
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        self._browser = self._playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        # One tab for every document: opening a tab costs more than rendering a page in it.
        self._page = self._browser.new_page()
        self._shot_pages = {}  # device scale factor -> the tab pictures are drawn in

    def _stop(self):
        try:
            self._browser.close()
        finally:
            self._playwright.stop()

    def _render(self, html, footer_template):
        self._page.set_content(html, wait_until="load")
        options = {"format": "A4", "print_background": True, "prefer_css_page_size": True}
        if footer_template:
            options |= {
                "display_header_footer": True,
                "header_template": "<span></span>",
                "footer_template": footer_template,
            }
        return self._page.pdf(**options)

    def render(self, html, *, footer_template=None):
        return repair_tounicode(self._executor.submit(self._render, html, footer_template).result())

    def _screenshot(self, html, selector, scale):
        if scale not in self._shot_pages:
            self._shot_pages[scale] = self._browser.new_page(device_scale_factor=scale)
        page = self._shot_pages[scale]
        page.set_content(html, wait_until="load")
        return page.locator(selector).first.screenshot(type="png", omit_background=False)

    def screenshot(self, html, *, selector="body > *", scale=2):
        """PNG bytes of the first element matching `selector` in `html`, drawn at `scale` pixels per CSS pixel.

        For pictures in Word documents: an SVG chart drawn by Chromium has its Thai shaped by HarfBuzz,
        which matplotlib's own PNG output does not do.
        """
        return self._executor.submit(self._screenshot, html, selector, scale).result()

    def close(self):
        try:
            self._executor.submit(self._stop).result()
        finally:
            self._executor.shutdown()


@contextmanager
def pdf_renderer():
    renderer = PdfRenderer()
    try:
        yield renderer
    finally:
        renderer.close()


def document_html(body, *, title="", extra_css=""):
    """Wrap a document body in the HTML shell every khaosan PDF uses."""
    from html import escape

    return (
        "<!doctype html><html lang='th'><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title><style>{font_face_css()}\n{BASE_CSS}\n{extra_css}</style></head>"
        f"<body>{body}</body></html>"
    )


_UNMAPPED = re.compile(rb"<([0-9A-Fa-f]{4})>\s*<0000>")
_GLYPH_NAME = re.compile(r"^uni((?:[0-9A-F]{4})+)(?:\.|$)")
NIKHAHIT = "\u0e4d"


@lru_cache(maxsize=8)
def _glyph_chars(style_name):
    """Return {glyph id: text} for Sarabun glyphs named uniXXXX, uniXXXX.variant or uniXXXXYYYY (ligatures).

    A ligature of NIKHAHIT and a tone mark (the top of น้ำ) is given as tone mark + NIKHAHIT: the
    order of the NFKC form of the word, so the extracted text normalises like the source.
    """
    from fontTools.ttLib import TTFont

    path = Path(fontpkg_sarabun.ROOT) / "files" / f"{style_name}.ttf"
    if not path.exists():
        return {}
    chars = {}
    for gid, name in enumerate(TTFont(path, lazy=True).getGlyphOrder()):
        match = _GLYPH_NAME.match(name)
        if match:
            hexes = match.group(1)
            text = "".join(chr(int(hexes[i : i + 4], 16)) for i in range(0, len(hexes), 4))
            if len(text) > 1 and NIKHAHIT in text:
                text = text.replace(NIKHAHIT, "") + NIKHAHIT
            chars[gid] = text
    return chars


def repair_tounicode(pdf_bytes):
    """Map the glyphs Chromium left as <0000> in each Sarabun ToUnicode CMap to their characters."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes)))
    changed = False
    for page in writer.pages:
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        for font_ref in fonts.values():
            font = font_ref.get_object()
            base = str(font.get("/BaseFont", "")).split("+")[-1]
            to_unicode = font.get(NameObject("/ToUnicode"))
            if not base.startswith("Sarabun") or to_unicode is None:
                continue
            stream = to_unicode.get_object()
            data = stream.get_data()
            chars = _glyph_chars(base)

            def mapped(match, chars=chars):
                text = chars.get(int(match.group(1), 16))
                if text is None:
                    return match.group(0)
                return b"<" + match.group(1) + b"> <" + "".join(f"{ord(c):04X}" for c in text).encode() + b">"

            fixed = _UNMAPPED.sub(mapped, data)
            if fixed != data:
                stream.set_data(fixed)
                changed = True
    if not changed:
        return pdf_bytes
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
