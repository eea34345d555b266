"""Checks of what is published (GWS-7.8, ACC-4): broken links and files, the same file twice, scanned PDFs.

Web masters fix what the nightly run found; the committee and administrators read it. The compliance
dashboard links here; the page only reads (compliance.checks selectors).
"""

from pathlib import Path

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from khaosan.audit.models import Heartbeat
from khaosan.backoffice.decorators import role_required
from khaosan.catalog.storage import blob_response
from khaosan.compliance import checks, ocr
from khaosan.org.roles import Role

READERS = (Role.WEBMASTER, Role.COMMITTEE, Role.ADMINISTRATOR)
# Each list shows at most this many rows; the count above it says how many there are.
SHOWN = 200


@require_GET
@role_required(*READERS)
def checks_page(request):
    office = request.user.office
    broken, unchecked = checks.broken_links(office), checks.unchecked_links(office)
    inaccessible = checks.inaccessible_pdfs(office)
    duplicates = checks.duplicate_files(office, limit=SHOWN)
    return render(request, "compliance/checks.html", {
        "summary": checks.link_summary(office),
        "heartbeat": Heartbeat.objects.filter(job=checks.JOB).first(),
        "broken": broken[:SHOWN], "broken_count": broken.count(),
        "unchecked": unchecked[:SHOWN], "unchecked_count": unchecked.count(),
        "duplicates": duplicates, "duplicate_count": checks.duplicate_count(office),
        "inaccessible": inaccessible[:SHOWN], "inaccessible_count": inaccessible.count(),
        "unread_pdf_count": checks.unread_pdfs(office).count(),
        "external_checks": checks.external_checks_allowed(),
        "ocr_enabled": ocr.enabled(), "ocr_available": ocr.available(),
        "shown": SHOWN,
    })  # fmt: skip


@require_GET
@role_required(*READERS)
def ocr_copy(request, sha256):
    """The searchable copy of a scan, for a web master to check and, if it reads well, publish beside the original."""
    found = checks.ocr_copy_for(office=request.user.office, sha256=sha256)
    if found is None:
        raise Http404
    attachment = found.blob.attachments.filter(office=request.user.office).order_by("pk").first()
    stem = Path(attachment.original_name).stem if attachment else found.blob_id[:16]
    return blob_response(found.copy, filename=f"{stem}-ocr.pdf", inline=False)
