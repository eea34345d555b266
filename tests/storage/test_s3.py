"""Files on an S3-compatible object store (KHAOSAN_S3_*), proven against moto: the disk's guarantees, kept.

Same bytes once, nothing half-made left by a refused or rolled-back upload, orphans removed only when old
and unreferenced, downloads answered by khaosan after its checks (the bucket private), text read from the
bucket, backups that hold the objects and restores that put them back, office images in the bucket too.
"""

import hashlib
import io
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction

from khaosan.catalog.files import inspect_upload
from khaosan.catalog.models import Attachment, Blob
from khaosan.catalog.storage import atomic_with_files, blob_store, local_copy, orphans_remove, store_blob
from tests.conftest import jpeg_bytes, pdf_bytes, upload

pytestmark = pytest.mark.django_db


def blob_key(sha):
    return f"files/blobs/{sha[:2]}/{sha[2:4]}/{sha}"


def sha_of(content):
    return hashlib.sha256(content).hexdigest()


def local_files(settings):
    root = Path(settings.KHAOSAN["FILES_ROOT"])
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_an_upload_through_the_service_stores_one_object_per_content(s3, office, publish, settings):
    pdf = pdf_bytes(2)
    item = publish(title="ประกาศ", files=[upload("ประกาศ.pdf", pdf), upload("ภาพ.jpg", jpeg_bytes())])
    publish(title="ประกาศซ้ำ", files=[upload("สำเนา.pdf", pdf)])  # the same bytes under another name
    photo = item.attachments.get(extension="jpg").blob  # stored without its metadata, so not the uploaded bytes
    renditions = [f"files/renditions/{photo.sha256[:2]}/{photo.sha256}-{w}.jpg" for w in (480, 960, 1600)]
    assert s3.keys() == sorted([blob_key(sha_of(pdf)), blob_key(photo.sha256), *renditions])
    assert s3.read(blob_key(sha_of(pdf))) == pdf and sha_of(s3.read(blob_key(photo.sha256))) == photo.sha256
    assert Attachment.objects.count() == 3 and Blob.objects.count() == 2
    assert local_files(settings) == []  # nothing on the disk


# Downloads ------------------------------------------------------------------------------------------------------------

HEADERS = ("Content-Type", "Content-Length", "Content-Disposition", "X-Content-Type-Options", "Content-Security-Policy",
           "Cache-Control", "ETag")  # fmt: skip


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return b"".join(response.streaming_content), {name: response.get(name) for name in HEADERS}


def test_the_public_download_answers_the_same_bytes_and_headers_as_on_disk(bucket, office, publish, client):
    pdf, jpeg = pdf_bytes(3), jpeg_bytes()
    on_disk = publish(title="บนดิสก์", files=[upload("ประกาศ ฉบับที่ 1.pdf", pdf), upload("ภาพ.jpg", jpeg)])
    disk = [download(client, a.get_absolute_url()) for a in on_disk.attachments.all()]
    disk.append(download(client, on_disk.attachments.get(extension="jpg").rendition_url(480)))

    bucket.use()
    in_bucket = publish(title="ในถัง", files=[upload("ประกาศ ฉบับที่ 1.pdf", pdf), upload("ภาพ.jpg", jpeg)])
    assert len(bucket.keys("files/blobs/")) == 2  # the same content, now written to the bucket
    s3 = [download(client, a.get_absolute_url()) for a in in_bucket.attachments.all()]
    s3.append(download(client, in_bucket.attachments.get(extension="jpg").rendition_url(480)))
    assert s3 == disk
    assert disk[0][0] == pdf and disk[0][1]["Content-Length"] == str(len(pdf))


def test_a_file_missing_from_the_bucket_answers_404(s3, office, publish, client):
    attachment = publish(files=[upload("ประกาศ.pdf", pdf_bytes())]).attachments.get()
    s3.delete(blob_key(attachment.blob_id))
    assert client.get(attachment.get_absolute_url()).status_code == 404


def test_x_accel_redirect_is_for_the_disk_the_bucket_is_streamed_through_django(s3, office, publish, client, settings):
    settings.KHAOSAN = {**settings.KHAOSAN, "X_ACCEL_PREFIX": "/protected-files/"}
    pdf = pdf_bytes()
    attachment = publish(files=[upload("ประกาศ.pdf", pdf)]).attachments.get()
    response = client.get(attachment.get_absolute_url())
    assert "X-Accel-Redirect" not in response and b"".join(response.streaming_content) == pdf


def test_a_rendition_lost_from_the_bucket_is_made_again(s3, office, publish, client):
    attachment = publish(files=[upload("ภาพ.jpg", jpeg_bytes())]).attachments.get()
    key = f"files/renditions/{attachment.blob_id[:2]}/{attachment.blob_id}-960.jpg"
    made = s3.read(key)
    s3.delete(key)
    content, headers = download(client, attachment.rendition_url(960))
    assert content == made == s3.read(key) and headers["Content-Type"] == "image/jpeg"
    from PIL import Image

    assert Image.open(io.BytesIO(content)).size == (640, 480)  # never wider than the original


# Nothing half-made ----------------------------------------------------------------------------------------------------


def test_a_refused_upload_leaves_no_object_behind(s3, office, publish):
    with pytest.raises(ValidationError):
        publish(files=[upload("ประกาศ.pdf", pdf_bytes(2)), upload("ภาพ.jpg", jpeg_bytes()),
                       upload("หนังสือ.pdf", b"<html>")])  # fmt: skip
    assert s3.keys() == [] and not Blob.objects.exists()


def test_a_rolled_back_transaction_leaves_no_object_behind(s3, office):
    with pytest.raises(RuntimeError), atomic_with_files():
        with atomic_with_files():
            store_blob(inspect_upload(upload("ภาพ.jpg", jpeg_bytes())))
            store_blob(inspect_upload(upload("ประกาศ.pdf", pdf_bytes())))
        assert len(s3.keys()) == 2 + 3
        raise RuntimeError
    assert s3.keys() == []


def test_a_rollback_keeps_an_object_that_another_upload_has_used_since(s3, office, clock):
    facts = inspect_upload(upload("ประกาศ.pdf", pdf_bytes()))
    with pytest.raises(RuntimeError), atomic_with_files():
        store_blob(facts)
        clock.advance(seconds=2)
        blob_store().stamp(f"blobs/{facts.sha256[:2]}/{facts.sha256[2:4]}/{facts.sha256}")  # another upload uses it
        raise RuntimeError
    assert s3.keys() == [blob_key(facts.sha256)]


def test_a_rollback_never_removes_content_stored_before(s3, office, publish):
    stored = publish(files=[upload("ประกาศ.pdf", pdf_bytes(3))]).attachments.get().blob
    with pytest.raises(RuntimeError), atomic_with_files():
        store_blob(inspect_upload(upload("สำเนา.pdf", pdf_bytes(3))))
        raise RuntimeError
    assert s3.read(blob_key(stored.sha256)) == pdf_bytes(3)


# Housekeeping ---------------------------------------------------------------------------------------------------------


def orphan(facts):
    """Store a file and lose its row, as a process that died before its rollback clean-up would."""
    with pytest.raises(RuntimeError), transaction.atomic():
        store_blob(facts)
        raise RuntimeError
    return facts.sha256


def test_orphans_remove_takes_only_old_unreferenced_objects(s3, office, publish, clock):
    kept = publish(files=[upload("ประกาศ.pdf", pdf_bytes())]).attachments.get().blob
    lost_pdf = orphan(inspect_upload(upload("ค้าง.pdf", pdf_bytes(2))))
    lost_photo = orphan(inspect_upload(upload("ค้าง.jpg", jpeg_bytes())))
    s3.put("files/blobs/notes.txt", b"operator's note")  # not ours: never touched
    assert len(s3.keys()) == 1 + 1 + 4 + 1

    clock.advance(hours=23)
    assert orphans_remove()["removed"] == 0  # an upload may still be in flight

    clock.advance(hours=2)
    summary = orphans_remove()
    assert summary["removed"] == 1 + 4 and summary["bytes"] > 0
    assert f"blobs/{lost_pdf[:2]}/{lost_pdf[2:4]}/{lost_pdf}" in summary["files"]
    assert s3.keys() == sorted([blob_key(kept.sha256), "files/blobs/notes.txt"])
    assert not any(lost_photo in key for key in s3.keys())
    clock.advance(days=400)
    assert orphans_remove()["removed"] == 0  # a referenced object is never removed, however old


def test_an_upload_that_finds_an_old_orphan_renews_it(s3, office, publish, clock):
    sha = orphan(inspect_upload(upload("ค้าง.pdf", pdf_bytes(2))))
    clock.advance(days=3)
    with pytest.raises(RuntimeError), atomic_with_files():
        store_blob(inspect_upload(upload("ใหม่.pdf", pdf_bytes(2))))  # finds it, stamps it, then rolls back
        raise RuntimeError
    assert s3.keys() == [blob_key(sha)]  # not written by this block: its rollback leaves it
    assert orphans_remove()["removed"] == 0  # in use since the stamp
    clock.advance(days=2)
    assert orphans_remove()["removed"] == 1


# Readers that need the bytes ------------------------------------------------------------------------------------------


def test_the_text_of_a_pdf_in_the_bucket_is_found_by_search(s3, office, publish, django_capture_on_commit_callbacks):
    from khaosan.catalog import search, selectors
    from tests.compliance.pdfs import make_pdf

    with django_capture_on_commit_callbacks(execute=True):
        item = publish(title="แผนงบประมาณ", files=[upload("plan.pdf", make_pdf((b"Budget Zyxquorbal 2569", None)))])
    page = search.search(selectors.with_list_data(selectors.public_items(office)), "zyxquorbal")
    assert [i.pk for i in page.items] == [item.pk]
    assert page.items[0].file_hits[0]["attachment"].original_name == "plan.pdf"


def test_a_local_copy_is_a_temporary_file_outside_the_store(s3, office, publish, settings):
    blob = publish(files=[upload("ประกาศ.pdf", pdf_bytes(2))]).attachments.get().blob
    with local_copy(blob, suffix=".pdf") as path:
        assert path.read_bytes() == pdf_bytes(2) and path.suffix == ".pdf"
        path.write_bytes(b"changed by a tool")
    assert not path.exists() and s3.read(blob_key(blob.sha256)) == pdf_bytes(2)
    assert local_files(settings) == []


def test_the_link_check_finds_a_file_in_the_bucket_and_reports_one_missing(s3, office, publish):
    from khaosan.compliance.checks import Result, judge_file

    attachment = publish(files=[upload("ประกาศ.pdf", pdf_bytes())]).attachments.get()
    assert judge_file(attachment).result == Result.OK
    s3.delete(blob_key(attachment.blob_id))
    verdict = judge_file(attachment)
    assert verdict.result == Result.BROKEN and "ไม่พบไฟล์" in verdict.detail


# Office images --------------------------------------------------------------------------------------------------------


def png_bytes():
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (64, 64), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


def test_the_office_emblem_goes_to_the_bucket_and_is_served_by_khaosan(s3, office, client, settings):
    emblem = png_bytes()
    office.emblem.save("emblem.png", ContentFile(emblem))
    assert s3.keys() == ["media/office/emblem.png"] and s3.read("media/office/emblem.png") == emblem
    assert office.emblem.url == "/media/office/emblem.png"  # khaosan's own address, never the bucket's
    assert not Path(settings.MEDIA_ROOT).exists()
    response = client.get(office.emblem.url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content) == emblem
    assert client.get("/media/office/nothing.png").status_code == 404
    s3.put("media/office/notes.txt", b"not an image")
    assert client.get("/media/office/notes.txt").status_code == 404  # only images leave the media folder


def test_the_personal_data_check_and_the_bundle_read_request_files_from_the_bucket(s3, office, people):
    from khaosan.workflow import services
    from khaosan.workflow.documents.bundle import memo_part
    from khaosan.workflow.models import RequestFile
    from khaosan.workflow.selectors import redaction_report
    from tests.workflow.test_redaction import make_pdf

    requester = people["requester"]
    pub_request = services.request_create(office=office, actor=requester, title="ประกาศ")
    services.request_file_add(pub_request=pub_request, actor=requester,
                              upload=upload("รายชื่อ.pdf", make_pdf(b"Applicant tel 081-234-5678")))  # fmt: skip
    memo = services.request_file_add(pub_request=pub_request, actor=requester, upload=upload("บันทึก.pdf", pdf_bytes(2)),
                                     kind=RequestFile.Kind.MEMO)  # fmt: skip
    report = redaction_report(pub_request)
    assert [f.kind for f in report.findings] == ["phone"] and not report.unchecked
    part = memo_part(memo)
    assert part.problem == "" and len(part.reader.pages) == 2


def test_an_evidence_pack_reads_documents_and_photos_from_the_bucket(s3, office, publish):
    from khaosan.compliance.evidence import _document

    item = publish(files=[upload("ประกาศ.pdf", pdf_bytes(2)), upload("ภาพ.jpg", jpeg_bytes())])
    pdf, photo = item.attachments.get(extension="pdf"), item.attachments.get(extension="jpg")
    assert len(_document(pdf).reader.pages) == 2
    assert _document(photo).image_url.startswith("data:image/jpeg;base64,")


def test_office_images_on_disk_are_still_not_served_by_django(bucket, office, client, settings):
    (Path(settings.MEDIA_ROOT) / "office").mkdir(parents=True)
    (Path(settings.MEDIA_ROOT) / "office" / "emblem.png").write_bytes(png_bytes())
    assert client.get("/media/office/emblem.png").status_code == 404  # nginx's part in production
    bucket.use()
    bucket.put("media/office/emblem.png", png_bytes())
    assert client.get("/media/office/emblem.png").status_code == 200
