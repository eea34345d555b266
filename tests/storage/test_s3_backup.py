"""Backups with the files in a bucket: the objects go into the archive, a restore puts them back (SEC-10).

Real transactions on a file-based copy of the test database, as in tests/audit/test_backup.py.
"""

import hashlib
import io
import json
import tarfile

from django.core.files.base import ContentFile
from django.core.management import call_command

from khaosan.catalog.models import Blob, Item
from khaosan.catalog.services import item_create
from tests.audit.conftest import file_database  # noqa: F401  the fixture
from tests.audit.test_backup import new_item, state
from tests.conftest import jpeg_bytes, topic, upload
from tests.storage.test_s3 import blob_key, png_bytes


def manifest_of(archive):
    with tarfile.open(archive) as tar:
        return json.load(tar.extractfile("manifest.json"))


def assert_every_blob_is_in_the_bucket_with_its_bytes(bucket):
    assert Blob.objects.exists()
    for blob in Blob.objects.all():
        assert hashlib.sha256(bucket.read(blob_key(blob.sha256))).hexdigest() == blob.sha256


def test_backup_then_wipe_then_restore_gives_the_objects_back(file_database, s3, office, tmp_path):  # noqa: F811
    new_item(office, 1)
    item_create(office=office, topic=topic("general-news"), title="ภาพกิจกรรม", files=[upload("ภาพ.jpg", jpeg_bytes())],
                status=Item.Status.PUBLISHED)  # fmt: skip
    office.emblem.save("emblem.png", ContentFile(png_bytes()))
    before = state()
    archive = tmp_path / "backups" / "khaosan.tar.gz"

    call_command("backup", str(archive), stdout=io.StringIO())
    manifest = manifest_of(archive)
    assert manifest["missing_blobs"] == [] and "media/office/emblem.png" in manifest["files"]
    assert {f"files/blobs/{b[:2]}/{b[2:4]}/{b}" for b in Blob.objects.values_list("pk", flat=True)} <= set(
        manifest["files"]
    )
    assert not any(name.startswith("files/renditions") for name in manifest["files"])
    assert not (tmp_path / "files").exists()  # the objects went straight into the archive

    call_command("flush", interactive=False)  # the wipe: an empty database, an empty bucket
    s3.empty()

    out = io.StringIO()
    call_command("restore", str(archive), stdout=out)
    assert "DIFFERS" not in out.getvalue()
    after = state()
    assert after["items"] == before["items"] and after["attachments"] == before["attachments"]
    assert_every_blob_is_in_the_bucket_with_its_bytes(s3)
    assert s3.read("media/office/emblem.png") == png_bytes()
    assert not (tmp_path / "files").exists() and not (tmp_path / "media").exists()  # nothing left on the disk


def test_an_archive_made_on_disk_restores_into_a_bucket(file_database, bucket, office, tmp_path):  # noqa: F811
    new_item(office, 2)
    (tmp_path / "media" / "office").mkdir(parents=True)
    (tmp_path / "media" / "office" / "map.png").write_bytes(png_bytes())
    archive = tmp_path / "backups" / "khaosan.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())

    bucket.use()  # the operator sets KHAOSAN_S3_* and restores: the files move to the bucket
    call_command("restore", str(archive), "--force", stdout=io.StringIO())
    assert_every_blob_is_in_the_bucket_with_its_bytes(bucket)
    assert bucket.read("media/office/map.png") == png_bytes()
