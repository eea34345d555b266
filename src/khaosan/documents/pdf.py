"""HTML to PDF with headless Chromium (DESIGN stack, PDF row), set like a Thai official document.

Chromium shapes Thai with HarfBuzz, so tone marks sit right. Documents are set in Sarabun (fontpkg-sarabun),
embedded as data URLs so nothing is fetched, on the page of `documents.page.A4_OFFICIAL` (A4, the margins of a
Thai official letter, the same in the Word documents of `documents.docx`).

Two things Chromium does not do by itself, done by `PdfRenderer.render` for every document:

- Lines break only between words: Chromium breaks Thai with ICU's dictionary (พระ|ราชบัญญัติ, ผู้|บริหาร) and,
  in a narrow column, anywhere; `documents.linebreak` marks the HTML up with PyThaiNLP's words first.
- The text layer extracts to exactly the source with pypdf and with poppler: `documents.textlayer` maps the
  positional tone-mark forms Chromium leaves unmapped, re-codes SARA AM (ำ, drawn as NIKHAHIT + SARA AA, which
  extractors otherwise give as ํ + า) and merges Chromium's /ActualText spans per word, which poppler otherwise
  splits at a tone mark moved left (ปั๊ ม).

Table rows never split across pages and a table's head repeats on each page (BASE_CSS).
"""

import base64
import logging
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import fontpkg_sarabun

from khaosan.documents import linebreak, textlayer
from khaosan.documents.page import A4_OFFICIAL, BODY_FONT_SIZE_PT

logger = logging.getLogger(__name__)

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
            f"@font-face {{ font-family: 'Sarabun'; font-style: {style}; font-weight: {weight:d}; "
            f"src: url(data:font/ttf;base64,{data}) format('truetype'); }}"
        )
    return "\n".join(rules)


@lru_cache(maxsize=1)
def footer_font_face():
    """Sarabun for a page footer: Chromium draws header and footer templates apart from the page, without its fonts."""
    data = base64.b64encode((Path(fontpkg_sarabun.ROOT) / "files" / FONT_FILES[("normal", 400)]).read_bytes()).decode()
    return f"@font-face{{font-family:'Sarabun';src:url(data:font/ttf;base64,{data}) format('truetype');}}"


# Thai official documents: A4 with the official-letter margins (documents.page), 16 pt TH Sarabun-style body.
# The body's padding, repeated on every page (box-decoration-break: clone), keeps the ink of stacked marks
# (ขั้น, ที่) above the first line of a page on that page: without it Chromium paints them at the foot of
# the page before, and the word loses them.
BASE_CSS = f"""
{A4_OFFICIAL.css}
html {{ font-family: 'Sarabun', sans-serif; font-size: {BODY_FONT_SIZE_PT}pt; line-height: 1.35; color: #000; }}
body {{ margin: 0; padding: 4pt 0; box-decoration-break: clone; -webkit-box-decoration-break: clone; }}
h1 {{ font-size: 20pt; text-align: center; margin: 0 0 8pt; }}
h2 {{ font-size: 17pt; margin: 12pt 0 4pt; }}
table {{ width: 100%; border-collapse: collapse; }}
th, td {{ border: 0.75pt solid #000; padding: 3pt 5pt; vertical-align: top; text-align: left; }}
tr, img, .keep {{ break-inside: avoid; page-break-inside: avoid; }}
thead {{ display: table-header-group; }}
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
        overlong = self._page.evaluate(linebreak.OVERLONG_SCRIPT)
        if overlong:
            logger.warning("PDF: %d words or numbers wider than their column were let break inside", overlong)
        options = {"format": "A4", "print_background": True, "prefer_css_page_size": True}
        if footer_template:
            options |= {
                "display_header_footer": True,
                "header_template": "<span></span>",
                "footer_template": footer_template,
            }
        return self._page.pdf(**options)

    def render(self, html, *, footer_template=None, line_breaks=True, repair_text=True):
        """Return the PDF of `html`, its Thai lines broken between words and its text layer repaired.

        `line_breaks=False` leaves line breaking to Chromium, `repair_text=False` gives the text layer as
        Chromium wrote it: both only to compare with.
        """
        if line_breaks:
            html = linebreak.thai_line_breaks(html)
            footer_template = linebreak.thai_line_breaks(footer_template) if footer_template else footer_template
        pdf = self._executor.submit(self._render, html, footer_template).result()
        return repair_tounicode(pdf) if repair_text else pdf

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


NIKHAHIT = textlayer.NIKHAHIT
_glyph_chars = textlayer._glyph_chars


def repair_tounicode(pdf_bytes):
    """Repair the text layer of a PDF Chromium wrote (ToUnicode, SARA AM, /ActualText): see documents.textlayer."""
    return textlayer.repair_text_layer(pdf_bytes)
