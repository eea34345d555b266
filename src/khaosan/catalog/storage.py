"""Blob storage on disk: content-addressed files and image renditions.

Files are written before the database rows that point at them, atomically (temp file + rename), so a
row never points at a half-written file, and a committed row never waits for a write that could still
fail (a full disk) after the commit.

Nothing half-made stays behind (DESIGN principle 1 kept both ways): services that store blobs run in
`atomic_with_files()`, which removes from disk the files it wrote when its transaction rolls back,
unless a Blob row refers to them after all (the same content, stored before or by someone else). A
process that dies between writing and rolling back leaves a file no row refers to; the housekeeping
job `orphans_remove` removes those once they are older than a day, so an upload in flight is never
touched. Writing on commit instead was not chosen: a write that fails after the commit would leave a
row pointing at nothing, which is worse than a spare file.

A file's modification time says when an upload last used it: `store_blob` stamps it when it writes the
file and when it finds the file already there but no row yet, so neither clean-up removes content that
another upload has just started to refer to.
"""

import contextlib
import contextvars
import datetime as dt
import io
import logging
import os
import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, transaction
from django.utils import timezone
from PIL import Image

from khaosan.catalog.models import Blob, blob_path

logger = logging.getLogger("khaosan.storage")
# Longer than any upload takes from its file on disk to its commit: younger files may still get their row.
ORPHAN_GRACE = dt.timedelta(days=1)
TEMP_PREFIX = ".upload-"
_SHA256 = re.compile(r"[0-9a-f]{64}")


def files_root():
    return Path(settings.KHAOSAN["FILES_ROOT"])


def _write_atomically(path, content):
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=TEMP_PREFIX)
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
    _stamp(path)


def _stamp(path):
    """Set the file's time to now by the application's clock: 'in use since', for the clean-ups."""
    now = time.time()
    os.utime(path, (now, now))


# Files written inside the current atomic_with_files() block (a list per block, innermost last).
_written_in_block = contextvars.ContextVar("khaosan_blob_files_written", default=None)


@dataclass(frozen=True)
class _Written:
    path: Path
    sha256: str
    mtime_ns: int


def _remember_written(path, sha256):
    block = _written_in_block.get()
    if block is not None:
        block.append(_Written(path, sha256, path.stat().st_mtime_ns))


@contextlib.contextmanager
def atomic_with_files():
    """transaction.atomic() that also removes the blob files it wrote from disk if it rolls back.

    Use it instead of @transaction.atomic on every service that stores blobs: `@atomic_with_files()`.
    Nested blocks hand their files to the enclosing one when they succeed, so an outer rollback still
    removes them; an inner rollback removes its own at once.
    """
    enclosing = _written_in_block.get()
    written = []
    token = _written_in_block.set(written)
    try:
        with transaction.atomic():
            yield
    except BaseException:
        _written_in_block.reset(token)
        _discard_unreferenced(written)
        raise
    _written_in_block.reset(token)
    if enclosing is not None:
        enclosing.extend(written)


def _discard_unreferenced(written):
    """Remove files a rolled-back block wrote, unless a Blob row refers to them or another upload used them since."""
    if not written:
        return
    try:
        referenced = set(Blob.objects.filter(pk__in={w.sha256 for w in written}).values_list("pk", flat=True))
    except DatabaseError:  # the enclosing transaction is broken: leave the files to housekeeping
        logger.warning("could not check %d blob file(s) after a rollback; housekeeping will", len(written))
        return
    removed = 0
    for w in written:
        try:
            if w.sha256 in referenced or w.path.stat().st_mtime_ns != w.mtime_ns:
                continue
            w.path.unlink()
            removed += 1
        except FileNotFoundError:
            continue
    if removed:
        logger.info("removed %d file(s) written by a transaction that rolled back", removed)


def rendition_path(sha256, width):
    return files_root() / "renditions" / sha256[:2] / f"{sha256}-{width}.jpg"


def store_blob(inspected):
    """Return the Blob for an InspectedFile, writing its bytes once (same content, same blob).

    Call it inside atomic_with_files(), so the file goes again if the transaction rolls back.
    """
    blob = Blob.objects.filter(pk=inspected.sha256).first()
    path = files_root() / blob_path(inspected.sha256)
    if not path.exists():
        _write_atomically(path, inspected.content)
        _remember_written(path, inspected.sha256)
    elif blob is None:
        _stamp(path)  # a file without a row, perhaps about to be cleaned up: this upload uses it now
    if blob is None:
        content = inspected.content
        # Should a concurrent clean-up have removed the file between the stamp and this row's commit.
        transaction.on_commit(lambda: path.exists() or _write_atomically(path, content), robust=True)
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
            _remember_written(rendition_path(blob.sha256, width), blob.sha256)


def rendition_file(blob, width):
    """Return the path of the rendition of `blob` at `width`, creating it if it went missing."""
    path = rendition_path(blob.sha256, width)
    if not path.exists():
        make_renditions(blob)
    return path


def orphans_remove(*, now=None, grace=ORPHAN_GRACE):
    """Remove files on disk that no Blob row refers to and that are older than `grace`; return counts.

    Only content-addressed files (blobs/ab/cd/<sha256>, renditions/ab/<sha256>-<width>.jpg) and the
    temporary files of interrupted writes are considered; anything else under FILES_ROOT is left alone.
    A file is removed only while no row names its SHA-256: rows are never deleted, so nothing that an
    item, a request or a version refers to can go.
    """
    now = now or timezone.now()
    cutoff = (now - grace).timestamp()
    root = files_root()
    candidates = []  # (path, sha256 or None for a temporary file)
    for path in root.glob("blobs/*/*/*"):
        if path.name.startswith(TEMP_PREFIX):
            candidates.append((path, None))
        elif _SHA256.fullmatch(path.name):
            candidates.append((path, path.name))
    for path in root.glob("renditions/*/*"):
        if path.name.startswith(TEMP_PREFIX):
            candidates.append((path, None))
        elif _SHA256.fullmatch(path.name.split("-", 1)[0]):
            candidates.append((path, path.name.split("-", 1)[0]))
    shas = sorted({sha for _path, sha in candidates if sha})
    referenced = set()
    for start in range(0, len(shas), 500):
        referenced.update(Blob.objects.filter(pk__in=shas[start : start + 500]).values_list("pk", flat=True))
    removed, size, recent, names = 0, 0, 0, []
    for path, sha in candidates:
        if sha in referenced:
            continue
        try:
            stat = path.stat()
            if stat.st_mtime >= cutoff:
                recent += 1
                continue
            if sha is not None and Blob.objects.filter(pk=sha).exists():  # got its row while we looked
                continue
            path.unlink()
        except FileNotFoundError:
            continue
        removed += 1
        size += stat.st_size
        names.append(str(path.relative_to(root)))
    if removed:
        logger.info("housekeeping removed %d unreferenced file(s), %d bytes: %s", removed, size, names[:20])
    return {"removed": removed, "bytes": size, "recent_kept": recent, "files": names[:50]}


def housekeeping_orphans(*, now=None):
    """The housekeeping job: its summary goes into the day's audit row (AuditCode.HOUSEKEEPING_RAN)."""
    return orphans_remove(now=now)


def content_disposition(disposition, name):
    """'inline' or 'attachment' with the original (Thai) file name kept: Django's RFC 6266 / RFC 5987 header."""
    from django.utils.http import content_disposition_header

    return content_disposition_header(disposition == "attachment", name)


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
