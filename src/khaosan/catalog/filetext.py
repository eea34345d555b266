"""The text inside attached files, for search: read once per content, after the upload has committed.

The readers are workflow.redaction's (pypdf for PDF text layers, python-docx, openpyxl), so search and the
personal-data check agree on what a file says. Reading never holds up an upload: small files are read right
after the transaction commits, large ones in a background thread, and the housekeeping job
(`housekeeping_file_texts`) reads whatever is still unread (a restart, a crash). A file that cannot be read
gets a BlobText row saying why; it is not retried and never stops anything else.
"""

import logging
import threading
import time

from django.db import close_old_connections, transaction

from khaosan.catalog.models import Attachment, Blob, BlobText

logger = logging.getLogger(__name__)

READ_INLINE_BYTES = 2 * 1024 * 1024  # above this a file is read in a background thread, not in the request
MAX_TEXT_CHARS = 1_000_000  # of text kept per file (catalog.search indexes the first MAX_FILE_CHARS)
HOUSEKEEPING_SECONDS = 120
READABLE_KINDS = {"pdf", "docx", "xlsx"}


def read_file_text(kind, content):
    """Return (status, text, detail) for a file's bytes, through redaction's readers."""
    from khaosan.workflow.redaction import PdfUnreadable, file_segments

    parts, detail = [], ""
    try:
        for _place, text in file_segments("", kind, content):
            if text and text.strip():
                parts.append(text.strip())
    except Exception as error:  # noqa: BLE001  a damaged or locked file is recorded, never fatal
        detail = getattr(error, "reason", "") or type(error).__name__
        # A reason without PdfUnreadable is a limit of what can be read (a scan: OCR reads those), not damage.
        readable = hasattr(error, "reason") and not isinstance(error, PdfUnreadable)
        if not parts:
            status = BlobText.Status.EMPTY if readable else BlobText.Status.UNREADABLE
            return status, "", detail[:300]
    text = "\n".join(parts)
    return (BlobText.Status.READ if text else BlobText.Status.EMPTY), text, detail[:300]


def blob_text_of(blob):
    """Return the blob's BlobText, reading the file the first time (None for kinds that hold no text)."""
    existing = BlobText.objects.filter(blob=blob).first()
    if existing is not None or blob.kind not in READABLE_KINDS:
        return existing
    try:
        from khaosan.catalog.storage import read_blob

        content = read_blob(blob)
    except OSError as error:
        status, text, detail = BlobText.Status.UNREADABLE, "", f"file missing: {error.strerror}"
    else:
        status, text, detail = read_file_text(blob.kind, content)
    truncated = len(text) > MAX_TEXT_CHARS
    row, _created = BlobText.objects.get_or_create(
        blob=blob, defaults={"status": status, "text": text[:MAX_TEXT_CHARS], "truncated": truncated, "detail": detail}
    )
    if status == BlobText.Status.UNREADABLE:
        logger.warning("file %s could not be read for search (%s)", blob.sha256, blob.kind)
    return row


def index_blob(blob_id):
    """Read one file's text and re-index every item that shows it."""
    from khaosan.catalog import search

    blob = Blob.objects.filter(pk=blob_id).first()
    if blob is None or blob.kind not in READABLE_KINDS:
        return
    with transaction.atomic():
        blob_text_of(blob)
        for item_id in (
            Attachment.objects.filter(blob=blob, item__isnull=False).values_list("item_id", flat=True).distinct()
        ):
            search.index_item(item_id)


def read_after_commit(blob_id):
    """Schedule the reading of a newly attached file: inline after commit when small, else in a thread."""
    blob = Blob.objects.filter(pk=blob_id).only("size", "kind").first()
    if blob is None or blob.kind not in READABLE_KINDS or BlobText.objects.filter(blob_id=blob_id).exists():
        return
    if blob.size <= READ_INLINE_BYTES:
        transaction.on_commit(lambda: _safely(index_blob, blob_id))
    else:
        transaction.on_commit(lambda: threading.Thread(target=_in_thread, args=(blob_id,), daemon=True).start())


def _safely(function, *args):
    try:
        function(*args)
    except Exception:  # the upload has committed; the housekeeping job will try again
        logger.exception("reading file text for search failed")


def _in_thread(blob_id):
    close_old_connections()
    try:
        _safely(index_blob, blob_id)
    finally:
        close_old_connections()


def housekeeping_file_texts(*, now=None, seconds=HOUSEKEEPING_SECONDS):
    """The daily job (audit.services.HOUSEKEEPING_JOBS): read every attached file not read yet, within `seconds`."""
    deadline = time.monotonic() + seconds
    pending = (
        Blob.objects.filter(kind__in=READABLE_KINDS, search_text__isnull=True, attachments__item__isnull=False)
        .distinct()
        .order_by("size")
        .values_list("pk", flat=True)
    )
    read = left = 0
    for blob_id in pending:
        if time.monotonic() >= deadline:
            left += 1
            continue
        _safely(index_blob, blob_id)
        read += 1
    unreadable = BlobText.objects.filter(status=BlobText.Status.UNREADABLE).count()
    return {"read": read, "left": left, "unreadable": unreadable}
