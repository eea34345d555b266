"""Nothing half-made, files included: a rollback takes its files off the disk; housekeeping removes orphans.

Principle 1 both ways: a file that a row refers to is never removed, and a file no row refers to does
not stay behind.
"""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import transaction

from khaosan.catalog.files import inspect_upload
from khaosan.catalog.models import Blob
from khaosan.catalog.storage import atomic_with_files, orphans_remove, rendition_path, store_blob
from khaosan.workflow import services
from khaosan.workflow.models import Channel, PublicationRequest
from tests.conftest import jpeg_bytes, pdf_bytes, topic, upload

pytestmark = pytest.mark.django_db


def files_on_disk(settings):
    root = settings.KHAOSAN["FILES_ROOT"]
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()) if root.exists() else []


def register(people, **files):
    return services.request_register_and_submit(
        office=people["webmaster"].office, actor=people["webmaster"], channel=Channel.EMAIL, requester_name="ผู้ขอ",
        requester_unit=people["requester"].unit, title="เรื่อง", topic=topic("general-news"), source="ที่มา",
        rights_confirmed=True, **files,
    )  # fmt: skip


def test_a_registration_with_one_good_and_one_refused_file_leaves_no_file_on_disk(office, people, settings):
    with pytest.raises(ValidationError, match="ไม่ใช่ไฟล์ .pdf"):
        register(people, content_files=[upload("โปสเตอร์.pdf", pdf_bytes(2)), upload("ภาพ.jpg", jpeg_bytes())],
                 letter_files=[upload("หนังสือ.pdf", b"<html>")])  # fmt: skip
    assert not PublicationRequest.objects.exists() and not Blob.objects.exists()
    assert files_on_disk(settings) == []  # the PDF, the photo and the photo's renditions are gone


def test_a_rollback_never_removes_content_that_was_stored_before(office, people, publish, settings):
    item = publish(files=[upload("ประกาศ.pdf", pdf_bytes(3))])
    stored = item.attachments.get().blob
    with pytest.raises(ValidationError):
        register(people, content_files=[upload("สำเนา.pdf", pdf_bytes(3))], letter_files=[upload("x.pdf", b"<html>")])
    assert stored.path.read_bytes() == pdf_bytes(3)


def test_a_rollback_keeps_a_file_that_another_upload_has_used_since(office, settings, clock):
    from khaosan.catalog.storage import _stamp

    facts = inspect_upload(upload("ประกาศ.pdf", pdf_bytes()))
    with pytest.raises(RuntimeError), atomic_with_files():
        blob = store_blob(facts)
        clock.advance(seconds=2)
        _stamp(blob.path)  # another upload of the same bytes found the file and uses it now
        raise RuntimeError
    assert blob.path.exists()


def test_a_nested_block_hands_its_files_to_the_enclosing_one(office, settings):
    facts = inspect_upload(upload("ภาพ.jpg", jpeg_bytes()))
    with pytest.raises(RuntimeError), atomic_with_files():
        with atomic_with_files():
            blob = store_blob(facts)
        assert blob.path.exists() and rendition_path(blob.sha256, 480).exists()
        raise RuntimeError
    assert files_on_disk(settings) == []


# Housekeeping ------------------------------------------------------------------------------------------


def orphan(facts):
    """Store a file and lose its row, as a process that died before its rollback clean-up would."""
    with pytest.raises(RuntimeError), transaction.atomic():
        store_blob(facts)
        raise RuntimeError
    return facts.sha256


def test_housekeeping_removes_files_no_row_refers_to_after_a_day(office, publish, settings, clock):
    from khaosan.catalog.storage import _stamp

    kept = publish(files=[upload("ประกาศ.pdf", pdf_bytes())]).attachments.get().blob
    lost_pdf = orphan(inspect_upload(upload("ค้าง.pdf", pdf_bytes(2))))
    lost_photo = orphan(inspect_upload(upload("ค้าง.jpg", jpeg_bytes())))
    root = settings.KHAOSAN["FILES_ROOT"]
    (root / "blobs" / "ab" / "cd").mkdir(parents=True)
    (root / "blobs" / "ab" / "cd" / ".upload-x1y2").write_bytes(b"half")  # an interrupted write
    _stamp(root / "blobs" / "ab" / "cd" / ".upload-x1y2")  # written now, by the suite's clock
    (root / "blobs" / "notes.txt").write_text("operator's note")  # not ours: never touched
    assert len(files_on_disk(settings)) == 1 + 1 + 4 + 2

    clock.advance(hours=23)
    assert orphans_remove()["removed"] == 0  # an upload may still be in flight

    clock.advance(hours=2)
    clock.freeze()
    call_command("housekeeping", stdout=io.StringIO())
    on_disk = files_on_disk(settings)
    assert str(kept.relative_path) in on_disk and "blobs/notes.txt" in on_disk
    assert not any(lost_pdf in name or lost_photo in name or ".upload-" in name for name in on_disk)
    from khaosan.audit.models import AuditEvent

    summary = AuditEvent.objects.filter(action="housekeeping.ran").latest("seq").changes["jobs"]["files.orphans"]
    assert summary["removed"] == 1 + 4 + 1 and summary["bytes"] > 0
    assert f"blobs/{lost_pdf[:2]}/{lost_pdf[2:4]}/{lost_pdf}" in summary["files"]
    assert orphans_remove()["removed"] == 0  # idempotent


def test_housekeeping_never_removes_a_blob_that_a_row_refers_to_however_old(office, people, settings, clock):
    from tests.workflow.conftest import submitted_request

    pub_request = submitted_request(office, people["requester"])
    blob = pub_request.files.get().blob
    clock.advance(days=400)
    assert orphans_remove()["removed"] == 0 and blob.path.exists()


def test_an_upload_that_finds_an_old_orphan_of_its_content_keeps_it(office, people, settings, clock):
    sha = orphan(inspect_upload(upload("ค้าง.pdf", pdf_bytes(2))))
    clock.advance(days=3)
    pub_request = services.request_create(office=office, actor=people["requester"], title="ข่าว")
    services.request_file_add(
        pub_request=pub_request, actor=people["requester"], upload=upload("ใหม่.pdf", pdf_bytes(2))
    )
    assert orphans_remove()["removed"] == 0
    assert pub_request.files.get().blob_id == sha and pub_request.files.get().blob.path.exists()
