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

Where the bytes live is one interface, `blob_store()`: the disk under KHAOSAN["FILES_ROOT"] by default
(`DiskStore`), or an S3-compatible bucket when KHAOSAN_S3_BUCKET is set (`objectstore.ObjectStore`,
through django-storages). Both write whole or not at all, tell when a file was last used, list what
they hold for housekeeping, and open a file for reading; nothing outside this module needs a path into
the store. Tools that need a real file (pdftoppm, tesseract, a zip writer) get `local_copy(blob)`.
"""

import contextlib
import contextvars
import datetime as dt
import io
import logging
import os
import re
import shutil
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


class DiskStore:
    """Blob files under KHAOSAN["FILES_ROOT"] (the default store); names are relative paths like blobs/ab/cd/<sha>."""

    local = True

    def __init__(self, root):
        self.root = Path(root)

    def __repr__(self):
        return f"<DiskStore {self.root}>"

    def path(self, name):
        return self.root / name

    def write(self, name, content):
        """Write `content` atomically and return its version (what `version` answers until it is used again)."""
        path = self.path(name)
        _write_atomically(path, content)
        return path.stat().st_mtime_ns

    def stamp(self, name):
        path = self.path(name)
        _stamp(path)
        return path.stat().st_mtime_ns

    def version(self, name):
        return self.path(name).stat().st_mtime_ns

    def exists(self, name):
        return self.path(name).exists()

    def size(self, name):
        return self.path(name).stat().st_size

    def modified_at(self, name):
        return dt.datetime.fromtimestamp(self.path(name).stat().st_mtime, tz=dt.UTC)

    def open(self, name):
        return self.path(name).open("rb")

    def delete(self, name):
        self.path(name).unlink(missing_ok=True)

    def entries(self, prefix=""):
        """Yield an Entry for every file under the folder `prefix`, temporary files of interrupted writes included."""
        from khaosan.catalog.objectstore import Entry

        top = self.root / prefix if prefix else self.root
        if not top.is_dir():
            return
        for directory, dirnames, filenames in os.walk(top):
            dirnames.sort()
            for filename in sorted(filenames):
                path = Path(directory) / filename
                try:
                    stat = path.stat()
                except FileNotFoundError:
                    continue
                modified = dt.datetime.fromtimestamp(stat.st_mtime, tz=dt.UTC)
                yield Entry(path.relative_to(self.root).as_posix(), stat.st_size, modified)


_object_stores = {}


def blob_store():
    """Return the store uploaded files live in: the bucket of KHAOSAN["S3"] when set, else the disk."""
    options = settings.KHAOSAN.get("S3")
    if not options:
        return DiskStore(files_root())
    key = tuple(sorted(options.items()))
    if key not in _object_stores:  # one boto3 client per configuration: making one takes tens of milliseconds
        from khaosan.catalog.objectstore import ObjectStore

        _object_stores[key] = ObjectStore(options)
    return _object_stores[key]


def blob_name(sha256):
    return blob_path(sha256).as_posix()


def rendition_name(sha256, width):
    return f"renditions/{sha256[:2]}/{sha256}-{width}.jpg"


def open_blob(blob):
    """Return the blob's bytes as a binary stream (FileNotFoundError when the store lost them)."""
    return blob_store().open(blob_name(blob.sha256))


def read_blob(blob):
    """Return the blob's bytes (FileNotFoundError when the store lost them)."""
    with open_blob(blob) as stream:
        return stream.read()


def blob_size(blob):
    """Return the size of the stored file (FileNotFoundError when the store lost it)."""
    return blob_store().size(blob_name(blob.sha256))


@contextlib.contextmanager
def local_copy(blob, *, suffix=""):
    """Yield the path of a temporary copy of the blob's bytes, removed afterwards: for tools that need a file.

    A copy, never a path into the store: the store may be a bucket, and a tool must not change stored content.
    """
    with tempfile.TemporaryDirectory(prefix="khaosan-copy-") as folder:
        path = Path(folder) / f"{blob.sha256}{suffix}"
        with open_blob(blob) as source, open(path, "wb") as target:
            shutil.copyfileobj(source, target, 1024 * 1024)
        yield path


# Files written inside the current atomic_with_files() block (a list per block, innermost last).
_written_in_block = contextvars.ContextVar("khaosan_blob_files_written", default=None)


@dataclass(frozen=True)
class _Written:
    store: object
    name: str
    sha256: str
    version: object  # the file's mtime_ns on disk, its stamp in a bucket


def _remember_written(store, name, sha256, version):
    block = _written_in_block.get()
    if block is not None:
        block.append(_Written(store, name, sha256, version))


@contextlib.contextmanager
def atomic_with_files():
    """transaction.atomic() that also removes the blob files it wrote from the store if it rolls back.

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
            if w.sha256 in referenced or w.store.version(w.name) != w.version:
                continue
            w.store.delete(w.name)
            removed += 1
        except FileNotFoundError:
            continue
        except Exception:  # noqa: BLE001  the store is unreachable: housekeeping removes the file later
            logger.warning("could not remove %s after a rollback; housekeeping will", w.name, exc_info=True)
    if removed:
        logger.info("removed %d file(s) written by a transaction that rolled back", removed)


def rendition_path(sha256, width):
    """The rendition's file on disk (the disk store only)."""
    return files_root() / rendition_name(sha256, width)


def store_blob(inspected):
    """Return the Blob for an InspectedFile, writing its bytes once (same content, same blob).

    Call it inside atomic_with_files(), so the file goes again if the transaction rolls back.
    """
    store = blob_store()
    blob = Blob.objects.filter(pk=inspected.sha256).first()
    name = blob_name(inspected.sha256)
    if not store.exists(name):
        _remember_written(store, name, inspected.sha256, store.write(name, inspected.content))
    elif blob is None:
        store.stamp(name)  # a file without a row, perhaps about to be cleaned up: this upload uses it now
    if blob is None:
        content = inspected.content
        # Should a concurrent clean-up have removed the file between the stamp and this row's commit.
        transaction.on_commit(lambda: store.exists(name) or store.write(name, content), robust=True)
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
    store = blob_store()
    widths = settings.KHAOSAN["RENDITION_WIDTHS"]
    missing = [w for w in widths if not store.exists(rendition_name(blob.sha256, w))]
    if not missing:
        return
    if content is None:
        content = read_blob(blob)
    with Image.open(io.BytesIO(content)) as image:
        image = image.convert("RGB")
        for width in missing:
            copy = image.copy()
            copy.thumbnail((width, width * 4))
            out = io.BytesIO()
            copy.save(out, "JPEG", quality=82, optimize=True, progressive=True)
            name = rendition_name(blob.sha256, width)
            _remember_written(store, name, blob.sha256, store.write(name, out.getvalue()))


def rendition_file(blob, width):
    """Return the store name of the rendition of `blob` at `width`, creating it if it went missing."""
    name = rendition_name(blob.sha256, width)
    if not blob_store().exists(name):
        make_renditions(blob)
    return name


def rendition_bytes(blob, width):
    """Return the JPEG bytes of the rendition of `blob` at `width`."""
    with blob_store().open(rendition_file(blob, width)) as stream:
        return stream.read()


def blob_files_delete(blob):
    """Remove the blob's file and its renditions from the store once the transaction commits (erasure)."""
    store = blob_store()
    names = [blob_name(blob.sha256), *(rendition_name(blob.sha256, w) for w in settings.KHAOSAN["RENDITION_WIDTHS"])]
    transaction.on_commit(lambda: [store.delete(name) for name in names])


def orphans_remove(*, now=None, grace=ORPHAN_GRACE):
    """Remove stored files that no Blob row refers to and that are older than `grace`; return counts.

    Only content-addressed files (blobs/ab/cd/<sha256>, renditions/ab/<sha256>-<width>.jpg) and the
    temporary files of interrupted writes are considered; anything else in the store is left alone.
    A file is removed only while no row names its SHA-256: rows are never deleted, so nothing that an
    item, a request or a version refers to can go.
    """
    now = now or timezone.now()
    cutoff = now - grace
    store = blob_store()
    candidates = []  # (entry, sha256 or None for a temporary file)
    for entry in store.entries("blobs"):
        parts = entry.name.split("/")
        if len(parts) != 4:
            continue
        if parts[-1].startswith(TEMP_PREFIX):
            candidates.append((entry, None))
        elif _SHA256.fullmatch(parts[-1]):
            candidates.append((entry, parts[-1]))
    for entry in store.entries("renditions"):
        parts = entry.name.split("/")
        if len(parts) != 3:
            continue
        if parts[-1].startswith(TEMP_PREFIX):
            candidates.append((entry, None))
        elif _SHA256.fullmatch(parts[-1].split("-", 1)[0]):
            candidates.append((entry, parts[-1].split("-", 1)[0]))
    shas = sorted({sha for _entry, sha in candidates if sha})
    referenced = set()
    for start in range(0, len(shas), 500):
        referenced.update(Blob.objects.filter(pk__in=shas[start : start + 500]).values_list("pk", flat=True))
    removed, size, recent, names = 0, 0, 0, []
    for entry, sha in candidates:
        if sha in referenced:
            continue
        if entry.modified_at >= cutoff:
            recent += 1
            continue
        try:
            if store.modified_at(entry.name) >= cutoff:  # an upload stamped it while we looked
                recent += 1
                continue
            if sha is not None and Blob.objects.filter(pk=sha).exists():  # got its row while we looked
                continue
            store.delete(entry.name)
        except FileNotFoundError:
            continue
        removed += 1
        size += entry.size
        names.append(entry.name)
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


def blob_response(blob, *, filename, inline, name=None, content_type=None):
    """The HTTP response that sends a stored file, after the caller has checked who may have it.

    `name` is a store name other than the blob's own (a rendition). On disk with KHAOSAN["X_ACCEL_PREFIX"]
    set, nginx sends the bytes from its internal location; otherwise Django streams them, from the disk or
    from the bucket (never a bucket URL: the bucket is private). Either way the type is ours, never sniffed.
    """
    from django.http import FileResponse, Http404, HttpResponse

    store = blob_store()
    name = name or blob_name(blob.sha256)
    content_type = content_type or blob.mime_type
    prefix = settings.KHAOSAN.get("X_ACCEL_PREFIX", "")
    if prefix and store.local:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = prefix.rstrip("/") + "/" + name
    else:
        try:
            stream = store.open(name)
        except FileNotFoundError:
            raise Http404 from None
        response = FileResponse(stream, content_type=content_type)
        if not store.local:
            response["Content-Length"] = stream.size
    response["Content-Disposition"] = content_disposition("inline" if inline else "attachment", filename)
    response["X-Content-Type-Options"] = "nosniff"
    if content_type == "application/pdf":
        # The browser's PDF viewer runs on its own; the document may frame nothing and run no script of ours.
        response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
    return response


# Office images (STORAGES["default"]: MEDIA_ROOT, or the bucket's media/ folder) ---------------------------------

MEDIA_TYPES = {
    ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".gif": "image/gif", ".webp": "image/webp",
}  # fmt: skip


def media_exists(name):
    """Whether an office image is stored under `name` (False for a name that leaves the media folder)."""
    from django.core.exceptions import SuspiciousOperation
    from django.core.files.storage import default_storage

    if not name or name.endswith("/") or Path(name).suffix.lower() not in MEDIA_TYPES:
        return False
    try:
        return default_storage.exists(name)
    except SuspiciousOperation:
        return False


def media_response(name):
    """Stream an office image from the bucket; only images, so nothing else stored there is ever sent.

    With the images on disk Django serves none of them (nginx answers /media/ in production, `static()` in
    development); with a bucket this is the way in, and the bucket stays private.
    """
    from django.core.files.storage import default_storage
    from django.http import FileResponse, Http404

    if not settings.KHAOSAN.get("S3") or not media_exists(name):
        raise Http404
    try:
        stream = default_storage.open(name, "rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(stream, content_type=MEDIA_TYPES[Path(name).suffix.lower()])
    response["X-Content-Type-Options"] = "nosniff"
    return response
