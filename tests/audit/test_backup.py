"""Backups lose nothing: a restore gives back items, files, the audit trail and the traffic log (SEC-10).

These tests run with real transactions on a file-based copy of the SQLite test database (the
`file_database` fixture in conftest.py explains why); with DATABASE_URL set to PostgreSQL they run
against it, through pg_dump and pg_restore.
"""

import hashlib
import io
import json
import shutil
import tarfile
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, connections

from khaosan.audit.backup import DATABASE, backup_verify
from khaosan.audit.models import AuditCode, AuditEvent, TrafficRecord
from khaosan.audit.services import audit_verify
from khaosan.audit.traffic import traffic_verify
from khaosan.catalog.models import Attachment, Blob, Item
from khaosan.catalog.services import item_create
from tests.audit.conftest import write
from tests.conftest import jpeg_bytes, topic, upload


def numbered_pdf(n):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": f"เอกสารที่ {n}"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def new_item(office, n, **extra):
    return item_create(
        office=office, topic=topic("general-news"), title=f"ข่าวที่ {n}", status=Item.Status.PUBLISHED,
        files=[upload(f"เอกสาร-{n}.pdf", numbered_pdf(n))], **extra,
    )  # fmt: skip


def state():
    """What must survive: items, attachments with their blob hashes, the audit trail, the traffic log."""
    return {
        "items": list(Item.objects.order_by("pk").values_list("pk", "title", "status")),
        "attachments": list(Attachment.objects.order_by("pk").values_list("pk", "item_id", "blob_id", "original_name")),
        "audit": list(AuditEvent.objects.order_by("seq").values_list("seq", "hash")),
        "traffic": list(TrafficRecord.objects.order_by("pk").values_list("pk", "hash")),
    }


def files_root():
    return Path(settings.KHAOSAN["FILES_ROOT"])


def assert_every_blob_is_on_disk_with_its_bytes():
    for blob in Blob.objects.all():
        assert hashlib.sha256(blob.path.read_bytes()).hexdigest() == blob.sha256


def test_backup_then_wipe_then_restore_gives_everything_back(file_database, office, tmp_path, clock):
    new_item(office, 1)
    item_create(office=office, topic=topic("general-news"), title="ภาพกิจกรรม", files=[upload("ภาพ.jpg", jpeg_bytes())])
    (Path(settings.MEDIA_ROOT) / "office").mkdir(parents=True)
    (Path(settings.MEDIA_ROOT) / "office" / "emblem.png").write_bytes(b"\x89PNG emblem")
    write(clock.now, path="/item/1/")
    write(clock.now, path="/search/?q=*************")
    before = state()
    archive = tmp_path / "backups" / "khaosan.tar.gz"

    call_command("backup", str(archive), stdout=io.StringIO())
    assert AuditEvent.objects.filter(action=AuditCode.BACKUP_CREATED).exists()
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
    assert manifest["counts"]["items"] == 2 and manifest["counts"]["traffic_records"] == 2
    assert manifest["database"]["vendor"] == connection.vendor and manifest["missing_blobs"] == []
    assert "media/office/emblem.png" in manifest["files"]
    assert not any("/renditions/" in name or name.startswith("files/renditions") for name in manifest["files"])

    call_command("flush", interactive=False)  # the wipe: an empty database, no files
    shutil.rmtree(files_root())
    shutil.rmtree(settings.MEDIA_ROOT)

    caches["pages"].set("page:1:kept-before-the-restore", "an old page")
    out = io.StringIO()
    call_command("restore", str(archive), stdout=out)
    assert "DIFFERS" not in out.getvalue()
    assert caches["pages"].get("page:1:kept-before-the-restore") is None  # kept pages never outlive a restore
    after = state()
    assert after["items"] == before["items"] and after["attachments"] == before["attachments"]
    assert after["traffic"] == before["traffic"]
    assert after["audit"][: len(before["audit"])] == before["audit"]
    assert AuditEvent.objects.order_by("-seq").first().action == AuditCode.BACKUP_RESTORED
    assert_every_blob_is_on_disk_with_its_bytes()
    assert (Path(settings.MEDIA_ROOT) / "office" / "emblem.png").read_bytes() == b"\x89PNG emblem"
    assert audit_verify().ok and traffic_verify().ok


def test_restore_refuses_a_database_with_data_unless_forced(file_database, office, tmp_path):
    new_item(office, 1)
    archive = tmp_path / "b.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    new_item(office, 2)
    with pytest.raises(CommandError, match="--force"):
        call_command("restore", str(archive), stdout=io.StringIO())
    call_command("restore", str(archive), "--force", stdout=io.StringIO())
    assert list(Item.objects.values_list("title", flat=True)) == ["ข่าวที่ 1"]
    assert list(tmp_path.glob("files.before-restore-*"))  # the replaced files are set aside, not deleted


def rewrite(archive, target, change):
    """Copy `archive` to `target`, passing each member's bytes through change(name, data)."""
    with tarfile.open(archive) as source, tarfile.open(target, "w:gz") as out:
        for member in source:
            data = change(member.name, source.extractfile(member).read())
            if data is None:
                continue
            member.size = len(data)
            out.addfile(member, io.BytesIO(data))


def test_verify_catches_a_tampered_file_inside_the_archive(file_database, office, tmp_path):
    item = new_item(office, 1)
    archive = tmp_path / "b.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    assert backup_verify(path=archive).ok
    call_command("backup", str(archive), "--verify", stdout=io.StringIO())

    tampered_name = f"files/{item.attachments.get().blob.relative_path.as_posix()}"
    tampered = tmp_path / "tampered.tar.gz"
    rewrite(archive, tampered, lambda name, data: data + b"%evil" if name == tampered_name else data)
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("backup", str(tampered), "--verify", stdout=out)
    assert f"{tampered_name}: checksum does not match" in out.getvalue()

    member = DATABASE[connection.vendor]
    emptied = tmp_path / "no-db.tar.gz"
    rewrite(archive, emptied, lambda name, data: b"not a database" if name == member else data)
    problems = backup_verify(path=emptied).problems
    assert any(f"{member}: checksum" in p for p in problems) and any("database:" in p for p in problems)

    with pytest.raises(CommandError, match="did not pass its check"):
        call_command("restore", str(tampered), "--force", stdout=io.StringIO())


def test_a_backup_taken_while_requests_keep_writing_restores_to_a_consistent_state(
    file_database, office, tmp_path, clock
):
    stop, errors, written = threading.Event(), [], []

    def keep_writing():
        try:
            n = 100
            while not stop.is_set():
                n += 1
                new_item(office, n)
                write(clock.now, path=f"/item/{n}/")
                written.append(n)
        except Exception as error:  # noqa: BLE001 — reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        while len(written) < 3 and writer.is_alive():
            time.sleep(0.02)
        archive = tmp_path / "live.tar.gz"
        call_command("backup", str(archive), stdout=io.StringIO())
        after = len(written) + 2  # the backup holds at most one item more than were written when it ended
        while len(written) < after and writer.is_alive():
            time.sleep(0.02)
    finally:
        stop.set()
        writer.join()
    assert not errors
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
    assert manifest["missing_blobs"] == []
    assert 3 <= manifest["counts"]["items"] < len(written)  # the writer went on during and after the backup

    call_command("restore", str(archive), "--force", stdout=io.StringIO())
    counts = {
        "items": Item.objects.count(),
        "attachments": Attachment.objects.count(),
        "traffic_records": TrafficRecord.objects.count(),
    }
    assert counts == {key: manifest["counts"][key] for key in counts}
    assert AuditEvent.objects.count() == manifest["counts"]["audit_events"] + 1  # + the restore itself
    assert_every_blob_is_on_disk_with_its_bytes()
    assert audit_verify().ok and traffic_verify().ok
