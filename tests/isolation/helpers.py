"""What the isolation tests read from a response, and what of office A they compare before and after."""

import io
import re
import zipfile

from django.apps import apps
from django.db import models

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


def _office_path(model, depth=0):
    """The lookup from `model` to its office (e.g. "round__office"), or None."""
    if model is Office:
        return "pk"
    fields = [f for f in model._meta.get_fields() if isinstance(f, models.ForeignKey | models.OneToOneField)
              and f.concrete]  # fmt: skip
    for f in fields:
        if f.related_model is Office:
            return f.name
    if depth >= 2:
        return None
    for f in fields:
        if f.related_model is model:
            continue
        inner = _office_path(f.related_model, depth + 1)
        if inner is not None and inner != "pk":
            return f"{f.name}__{inner}"
    return None


def office_rows(office):
    """Every row that belongs to `office`, by model: to show that a request of another office changed none."""
    snapshot = {}
    for model in apps.get_models():
        path = _office_path(model)
        if path is None:
            continue
        rows = model._base_manager.filter(**{path: office}).order_by("pk").values()
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


TOKEN = re.compile(r"[ab]leak[0-9a-f]{8}")


class FakeRenderer:
    """Chromium's stand-in: a real one-page PDF whose text layer carries the office tokens of the HTML it got."""

    def __init__(self):
        pass

    def render(self, html, **kwargs):
        from tests.isolation.world import _pdf

        return _pdf("document " + " ".join(sorted(set(TOKEN.findall(html)))))

    def screenshot(self, html, **kwargs):
        from tests.isolation.world import _jpeg

        return _jpeg(1)

    def close(self):
        pass
