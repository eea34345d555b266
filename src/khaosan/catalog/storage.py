"""Blob storage on disk: content-addressed files and image renditions.

Files are written before the database rows that point at them, atomically (temp file + rename), so a
row never points at a half-written file. A file whose row was rolled back is unreferenced, never
wrong, and housekeeping may remove it.
"""

import io
import os
import tempfile
from pathlib import Path

from django.conf import settings
from PIL import Image

from khaosan.catalog.models import Blob, blob_path


def files_root():
    return Path(settings.KHAOSAN["FILES_ROOT"])


def _write_atomically(path, content):
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".upload-")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o640)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def rendition_path(sha256, width):
    return files_root() / "renditions" / sha256[:2] / f"{sha256}-{width}.jpg"


def store_blob(inspected):
    """Return the Blob for an InspectedFile, writing its bytes once (same content, same blob)."""
    blob = Blob.objects.filter(pk=inspected.sha256).first()
    path = files_root() / blob_path(inspected.sha256)
    if not path.exists():
        _write_atomically(path, inspected.content)
    if blob is None:
        blob = Blob.objects.create(
            sha256=inspected.sha256,
            size=inspected.size,
            kind=inspected.kind,
            mime_type=inspected.mime_type,
            page_count=inspected.page_count,
            width=inspected.width,
            height=inspected.height,
        )
    if blob.is_image:
        make_renditions(blob, inspected.content)
    return blob


def make_renditions(blob, content=None):
    """Write the JPEG renditions lists and galleries use (never wider than the original)."""
    widths = settings.KHAOSAN["RENDITION_WIDTHS"]
    missing = [w for w in widths if not rendition_path(blob.sha256, w).exists()]
    if not missing:
        return
    if content is None:
        content = blob.path.read_bytes()
    with Image.open(io.BytesIO(content)) as image:
        image = image.convert("RGB")
        for width in missing:
            copy = image.copy()
            copy.thumbnail((width, width * 4))
            out = io.BytesIO()
            copy.save(out, "JPEG", quality=82, optimize=True, progressive=True)
            _write_atomically(rendition_path(blob.sha256, width), out.getvalue())


def rendition_file(blob, width):
    """Return the path of the rendition of `blob` at `width`, creating it if it went missing."""
    path = rendition_path(blob.sha256, width)
    if not path.exists():
        make_renditions(blob)
    return path


def content_disposition(disposition, name):
    """'inline' or 'attachment' with the original (Thai) file name kept, as RFC 6266 / RFC 5987 ask."""
    from django.utils.encoding import escape_uri_path

    ascii_name = name.encode("ascii", "ignore").decode().replace('"', "").replace("\\", "").strip() or "file"
    return f"{disposition}; filename=\"{ascii_name}\"; filename*=UTF-8''{escape_uri_path(name)}"


def blob_response(blob, *, filename, inline, path=None, content_type=None):
    """The HTTP response that sends a stored file, after the caller has checked who may have it.

    With KHAOSAN["X_ACCEL_PREFIX"] set, nginx sends the bytes from its internal location; otherwise
    Django streams them. Either way the type is ours, never sniffed by the browser.
    """
    from django.http import FileResponse, Http404, HttpResponse

    path = path or blob.path
    content_type = content_type or blob.mime_type
    prefix = settings.KHAOSAN.get("X_ACCEL_PREFIX", "")
    if prefix:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = prefix.rstrip("/") + "/" + str(Path(path).relative_to(files_root()))
    else:
        if not Path(path).exists():
            raise Http404
        response = FileResponse(Path(path).open("rb"), content_type=content_type)
    response["Content-Disposition"] = content_disposition("inline" if inline else "attachment", filename)
    response["X-Content-Type-Options"] = "nosniff"
    if content_type == "application/pdf":
        # The browser's PDF viewer runs on its own; the document may frame nothing and run no script of ours.
        response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
    return response
