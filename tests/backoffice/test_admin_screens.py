"""The administrator's screens: invite staff with roles, delegate, configure the office."""

import datetime as dt

import pytest
from django.core import mail

from khaosan.audit.models import AuditEvent
from khaosan.org.models import Delegation, Staff

pytestmark = pytest.mark.django_db


def test_an_administrator_invites_a_person_who_sets_their_own_password(
    as_person, office, people, django_capture_on_commit_callbacks
):
    client = as_person("admin")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/backoffice/staff/new/", {
            "username": "newcomer", "first_name": "นายใหม่", "last_name": "ใจดี", "email": "new@example.go.th",
            "position": "นักวิชาการสาธารณสุข", "unit": people["requester"].unit_id, "roles": ["webmaster"],
        })  # fmt: skip
    assert response.status_code == 302
    person = Staff.objects.get(username="newcomer")
    assert not person.has_usable_password() and person.groups.filter(name="webmaster").exists()
    assert not person.is_staff and not person.is_superuser  # a role never opens Django's admin
    assert mail.outbox[-1].to == ["new@example.go.th"] and "/backoffice/password/reset/" in mail.outbox[-1].body
    assert AuditEvent.objects.filter(action="staff.invited").exists()


def test_the_set_password_link_names_the_running_server_when_no_site_address_is_set(
    as_person, office, people, settings, django_capture_on_commit_callbacks
):
    settings.DEBUG = True
    settings.KHAOSAN = {**settings.KHAOSAN, "SITE_URL": ""}
    client = as_person("admin")
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/backoffice/staff/new/", {
            "username": "newcomer", "first_name": "นายใหม่", "email": "new@example.go.th",
            "unit": people["requester"].unit_id, "roles": ["requester"],
        }, HTTP_HOST="testserver:8123")  # fmt: skip
    assert "http://testserver:8123/backoffice/password/reset/" in mail.outbox[-1].body


def test_a_form_error_keeps_what_was_typed(as_person, office, people):
    response = as_person("admin").post("/backoffice/staff/new/", {"username": "x", "first_name": "นายพิมพ์ไว้"})
    html = response.content.decode()
    assert response.status_code == 200 and "โปรดเลือกหน่วยงาน" in html and 'value="นายพิมพ์ไว้"' in html


def test_a_delegation_is_recorded_and_can_be_revoked(as_person, office, people, clock):
    client = as_person("admin")
    today = clock.today
    client.post("/backoffice/delegations/", {
        "role": "approver", "delegator": people["approver"].pk, "delegate": people["colleague"].pk,
        "starts_on": today.isoformat(), "ends_on": (today + dt.timedelta(days=3)).isoformat(), "reason": "ไปราชการ",
    })  # fmt: skip
    delegation = Delegation.objects.get()
    client.post(f"/backoffice/delegations/{delegation.pk}/revoke/")
    delegation.refresh_from_db()
    assert delegation.revoked_at is not None
    assert AuditEvent.objects.filter(action__in=["delegation.created", "delegation.revoked"]).count() == 2


def test_the_office_chooses_its_chain_and_deadline(as_person, office, people):
    client = as_person("admin")
    client.post("/backoffice/settings/", {"chain": "approver", "publish_deadline_days": "5"})
    office.refresh_from_db()
    assert office.chain == ["approver"] and office.publish_deadline_days == 5 and not office.changes_need_approval
    client.post("/backoffice/settings/", {"closure": "1", "date": "2026-12-31", "reason": "ปิดสำนักงานปลายปี"})
    assert office.closures.filter(reason="ปิดสำนักงานปลายปี").exists()


def test_thai_pass_phrases_are_accepted(people):
    from django.contrib.auth.password_validation import validate_password

    validate_password("แมวดำนอนบนหลังคาบ้านป้า", user=people["requester"])


def test_a_web_master_replaces_an_item_directly_where_the_office_allows_it(as_person, office, people, publish):
    from tests.conftest import pdf_bytes, topic, upload

    item = publish("annual-plan", "แผนฉบับเดิม", source="กลุ่มงานบริหารทั่วไป", files=[upload("เดิม.pdf", pdf_bytes())])
    client = as_person("webmaster")
    fields = {"topic": topic("annual-plan").pk, "title": "แผนฉบับแก้ไข", "source": "กลุ่มงานบริหารทั่วไป",
              "owner_unit": people["requester"].unit_id, "note": "แก้คำผิด",
              "files": upload("ใหม่.pdf", pdf_bytes(2))}  # fmt: skip
    assert (
        client.post(f"/backoffice/items/{item.pk}/edit/", fields).status_code == 302
    )  # refused: office requires chain
    item.refresh_from_db()
    assert item.title == "แผนฉบับเดิม"
    office.changes_need_approval = False
    office.save()
    fields["files"] = upload("ใหม่.pdf", pdf_bytes(2))
    client.post(f"/backoffice/items/{item.pk}/edit/", fields)
    item.refresh_from_db()
    assert item.title == "แผนฉบับแก้ไข" and [a.original_name for a in item.attachments.all()] == ["ใหม่.pdf"]
    assert item.versions.filter(note="แก้คำผิด", snapshot__title="แผนฉบับเดิม").exists()
    bad = client.post(
        f"/backoffice/items/{item.pk}/edit/", {**fields, "files": upload("x.exe", b"MZ"), "title": "ไม่ควรบันทึก"}
    )
    assert "ไม่รับไฟล์ชนิด" in bad.content.decode()
    item.refresh_from_db()
    assert item.title == "แผนฉบับแก้ไข"


def test_a_direct_replacement_that_fails_after_storing_leaves_no_file(
    as_person, office, people, publish, settings, clock
):
    from khaosan.catalog.models import Item
    from tests.catalog.test_storage import files_on_disk
    from tests.conftest import pdf_bytes, topic, upload

    office.changes_need_approval = False
    office.save()
    item = publish("annual-plan", "แผนฉบับเดิม", at=clock.now + dt.timedelta(days=10), source="กลุ่มงานบริหารทั่วไป")
    before = files_on_disk(settings)
    response = as_person("webmaster").post(f"/backoffice/items/{item.pk}/edit/", {
        "topic": topic("annual-plan").pk, "title": "แผนฉบับแก้ไข", "source": "กลุ่มงานบริหารทั่วไป",
        "owner_unit": people["requester"].unit_id, "note": "แก้คำผิด", "files": upload("ใหม่.pdf", pdf_bytes(2)),
        # after now (the form's check) but before the item's own publish date (the service's)
        "expire_at": (clock.now + dt.timedelta(days=5)).strftime("%Y-%m-%dT%H:%M"),
    })  # fmt: skip
    assert response.status_code == 200 and "วันที่นำออกต้องอยู่หลังวันที่เผยแพร่" in response.content.decode()
    assert Item.objects.get(pk=item.pk).title == "แผนฉบับเดิม"
    assert files_on_disk(settings) == before == []


def test_administrators_are_warned_on_their_screens_while_no_virus_scanner_is_configured(
    as_person, client, office, people, settings
):
    warning = "ยังไม่ได้ตั้งค่าระบบตรวจไวรัส"
    admin = as_person("admin")
    for path in ("/backoffice/", "/backoffice/staff/", "/backoffice/settings/"):
        assert warning in admin.get(path).content.decode(), path
    settings.KHAOSAN = {**settings.KHAOSAN, "CLAMAV_SOCKET": "/run/clamav/clamd.ctl"}
    assert warning not in admin.get("/backoffice/settings/").content.decode()
    settings.KHAOSAN = {**settings.KHAOSAN, "CLAMAV_SOCKET": ""}
    client.logout()
    assert warning not in as_person("requester").get("/backoffice/").content.decode()  # not theirs to fix
