"""What the isolation tests read from a response, and what of office A they compare before and after."""

import io
import zipfile

from django.apps import apps
from django.db import models

from khaosan.documents.pdf import PdfRenderer as RealRenderer  # before the tests put their stand-in there
from khaosan.org.models import Office


def body_text(response):
    """Everything a person could read in `response`: the body (inside zips, DOCX, XLSX and PDFs too) and headers."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    headers = " ".join(f"{k}: {v}" for k, v in response.items())
    return headers + "\n" + _readable(content)


def _readable(data, depth=0):
    parts = [data.decode("utf-8", "replace")]
    if depth > 3:
        return parts[0]
    if data[:4] == b"PK\x03\x04":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts += [_readable(archive.read(name), depth + 1) for name in archive.namelist()]
            parts += archive.namelist()
    elif data[:5] == b"%PDF-":
        from pypdf import PdfReader

        try:
            parts += [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]
        except Exception as error:  # noqa: BLE001  a PDF pypdf cannot read is still searched as bytes
            parts.append(f"unreadable PDF: {error}")
    return "\n".join(parts)


def assert_no_token(response, token, where):
    text = body_text(response)
    assert token not in text, f"{where}: office A's token {token} in the answer ({response.status_code}): " + _around(
        text, token
    )


def _around(text, token):
    at = text.find(token)
    return text[max(0, at - 300) : at + 100]


def _office_paths(model, depth=0):
    """Every lookup from `model` to an office (e.g. "round__office"), through at most two other models."""
    if model is Office:
        return ["pk"]
    fields = [f for f in model._meta.get_fields() if isinstance(f, models.ForeignKey | models.OneToOneField)
              and f.concrete]  # fmt: skip
    paths = [f.name for f in fields if f.related_model is Office]
    if depth < 2:
        for f in fields:
            if f.related_model not in (model, Office):
                paths += [f"{f.name}__{inner}" for inner in _office_paths(f.related_model, depth + 1)]
    return paths


def office_rows(office):
    """Every row that belongs to `office`, by model: to show that a request of another office changed none."""
    from django.db.models import Q

    snapshot = {}
    for model in apps.get_models():
        paths = _office_paths(model)
        if not paths:
            continue
        scope = Q()
        for path in paths:
            scope |= Q(**{path: office.pk})
        rows = model._base_manager.filter(scope).distinct().order_by("pk").values()
        snapshot[model._meta.label] = [_comparable(row) for row in rows]
    return snapshot


def _comparable(row):
    return {k: (v if isinstance(v, str | int | float | bool | type(None)) else repr(v)) for k, v in row.items()}


def changes(before, after):
    """Say which models' rows differ between two snapshots."""
    out = []
    for label in sorted(set(before) | set(after)):
        b, a = before.get(label, []), after.get(label, [])
        if b != a:
            bk, ak = {r["id"] if "id" in r else repr(r) for r in b}, {r["id"] if "id" in r else repr(r) for r in a}
            changed = [r for r in a if r not in b]
            out.append(f"{label}: added {sorted(ak - bk, key=str)[:5]}, removed {sorted(bk - ak, key=str)[:5]}, "
                       f"changed {changed[:2]}")  # fmt: skip
    return out


class Chromium:
    """One real renderer for the package, started only if a document needs it, closed at the package's end."""

    renderer = None

    @classmethod
    def get(cls):
        if cls.renderer is None:
            cls.renderer = RealRenderer()
        return cls.renderer

    @classmethod
    def close(cls):
        if cls.renderer is not None:
            cls.renderer.close()
            cls.renderer = None


class SharedRenderer:
    """PdfRenderer's stand-in: every document of the package is drawn by the one Chromium (`Chromium.get()`),
    instead of one Chromium started per document; what it draws is real, and read back with pypdf."""

    def render(self, html, **kwargs):
        return Chromium.get().render(html, **kwargs)

    def screenshot(self, html, **kwargs):
        return Chromium.get().screenshot(html, **kwargs)

    def close(self):
        pass
