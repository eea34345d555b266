"""Reading scanned PDF pages with OCR (ACC-4): Debian's tesseract with its Thai model, and poppler's pdftoppm.

Most ITA evidence is a scanned PDF: a picture of a page that a screen reader cannot read and search
cannot find. Each scanned page is rendered to an image (pdftoppm), read by tesseract, and tesseract's
text-only PDF page (invisible text placed where the words are) is laid over the original page. The
images of the original stay as they were: the copy adds a text layer and changes nothing a person sees.

tesseract and pdftoppm are installed by `./khaosan` (SYSTEM_PACKAGES); where they are missing, OCR is
simply not available and the checks say so. tesseract is told to use one thread (OMP_THREAD_LIMIT) so
a nightly run leaves the web server its share of a small machine.
"""

import io
import logging
import os
import shutil
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings

logger = logging.getLogger("khaosan.compliance")

# 300 dpi is tesseract's documented sweet spot for printed text; lower loses Thai tone marks.
DPI = 300
PAGE_TIMEOUT_SECONDS = 120


class OcrFailed(Exception):
    """A page could not be read (a tool failed or took too long); the message is for operators."""


@dataclass(frozen=True)
class OcrOutput:
    pdf: bytes  # the original with an invisible text layer on the pages read
    text: str  # what was read, page after page


def enabled():
    """Whether the operator allows OCR (KHAOSAN_OCR, on by default)."""
    return bool(settings.KHAOSAN.get("OCR", True))


def languages():
    return settings.KHAOSAN.get("OCR_LANGUAGES", "tha+eng")


def available(langs=None):
    """Whether tesseract (with every language asked for) and pdftoppm are installed here."""
    return _available(langs or languages())


@lru_cache(maxsize=4)
def _available(langs):
    if not (shutil.which("tesseract") and shutil.which("pdftoppm")):
        return False
    try:
        listed = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30, check=True)
    except (OSError, subprocess.SubprocessError):
        return False
    installed = {line.strip() for line in listed.stdout.splitlines()[1:]}
    return set(langs.split("+")) <= installed


def read_scanned_pages(content, pages, *, langs=None):
    """Read `pages` (1-based numbers) of the PDF `content`; return the copy with a text layer and the text."""
    langs = langs or languages()
    texts, overlays = [], {}
    with tempfile.TemporaryDirectory(prefix="khaosan-ocr-") as folder:
        source = Path(folder) / "source.pdf"
        source.write_bytes(content)
        for number in pages:
            base = Path(folder) / f"page-{number}"
            _run(["pdftoppm", "-r", str(DPI), "-gray", "-png", "-f", str(number), "-l", str(number), "-singlefile",
                  str(source), str(base)])  # fmt: skip
            _run(["tesseract", str(base.with_suffix(".png")), str(base), "-l", langs, "--dpi", str(DPI),
                  "-c", "textonly_pdf=1", "pdf", "txt"])  # fmt: skip
            texts.append(clean_text(base.with_suffix(".txt").read_text(encoding="utf-8", errors="replace")))
            overlays[number] = base.with_suffix(".pdf").read_bytes()
        return OcrOutput(pdf=_overlay(content, overlays), text="\n".join(t for t in texts if t))


def clean_text(text):
    """NFC, with SARA AM written as one character (tesseract gives NIKHAHIT + SARA AA) and lines folded."""
    text = unicodedata.normalize("NFC", text).replace("\u0e4d\u0e32", "\u0e33")
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def _run(command):
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        subprocess.run(command, capture_output=True, timeout=PAGE_TIMEOUT_SECONDS, check=True, env=env)
    except subprocess.TimeoutExpired:
        raise OcrFailed(f"{command[0]} took longer than {PAGE_TIMEOUT_SECONDS} s") from None
    except subprocess.CalledProcessError as error:
        raise OcrFailed(f"{command[0]} failed: {error.stderr.decode(errors='replace')[-300:]}") from None
    except OSError as error:
        raise OcrFailed(f"{command[0]} could not start: {error}") from None


def _overlay(content, overlays):
    """Lay each text-only page over its original page, scaled to the page's visible box."""
    from pypdf import PdfReader, PdfWriter, Transformation

    reader = PdfReader(io.BytesIO(content), strict=False)
    if reader.is_encrypted:
        reader.decrypt("")  # only PDFs that open without a password were read
    writer = PdfWriter(clone_from=reader)
    for number, overlay in overlays.items():
        page = writer.pages[number - 1]
        if page.rotation:
            page.transfer_rotation_to_content()  # pdftoppm rendered the page as shown, rotation included
        text_page = PdfReader(io.BytesIO(overlay)).pages[0]
        box = page.cropbox
        scale_x = float(box.width) / float(text_page.mediabox.width)
        scale_y = float(box.height) / float(text_page.mediabox.height)
        page.merge_transformed_page(
            text_page, Transformation().scale(scale_x, scale_y).translate(float(box.left), float(box.bottom))
        )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
