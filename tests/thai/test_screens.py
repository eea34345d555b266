"""Thai screens say things in Thai (issue 11): password rules, form labels, role names, who acted, admin dates.

Each test names a leftover a Thai officer saw in English before: Django's password rules, the User model's
username help, "Unit", raw role codes, "system:sync_standard", the admin's English labels and icons and
its Gregorian years.
"""

import datetime as dt
import io
import re

import pytest
from django.core.management import call_command
from django.test import Client

from khaosan.audit.models import AuditCode, actor_display
from khaosan.audit.services import record
from khaosan.org.models import Delegation, Staff
from khaosan.org.roles import set_roles
from khaosan.thai.templatetags.thai import be_years
from tests.backoffice.conftest import verified_client
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

ENGLISH_WORD = re.compile(r"\b[A-Za-z]{3,}\b")


def visible_text(html):
    html = re.sub(r"<(script|style|code)\b.*?</\1>", " ", html, flags=re.DOTALL)
    return re.sub(r"<[^>]+>", " ", html)


# Passwords -----------------------------------------------------------------------------------------------


def test_the_password_screen_lists_the_rules_in_thai(client, people):
    verified_client(client, people["requester"])
    page = client.get("/backoffice/password/change/").content.decode()
    assert "รหัสผ่านต้องยาวอย่างน้อย 10 ตัวอักษร" in page
    assert "รหัสผ่านต้องไม่ใช่รหัสที่ใช้กันทั่วไป" in page
    assert "รหัสผ่านต้องไม่เป็นตัวเลขทั้งหมด" in page
    assert "รหัสผ่านต้องไม่คล้ายกับชื่อผู้ใช้" in page
    assert "พิมพ์รหัสผ่านเดียวกันอีกครั้ง" in page  # Django's "Enter the same password as before"
    assert "Your password" not in page and "Enter the same" not in page


@pytest.mark.parametrize(("new", "message"), [
    ("1234567", "รหัสผ่านสั้นเกินไป โปรดตั้งรหัสผ่านที่ยาวอย่างน้อย 10 ตัวอักษร"),
    ("12345678901", "รหัสผ่านเป็นตัวเลขทั้งหมด โปรดเพิ่มตัวอักษรหรือเครื่องหมาย"),
    ("password123", "รหัสผ่านนี้มีผู้ใช้กันมากและเดาได้ง่าย โปรดตั้งรหัสผ่านอื่น"),
    ("somchai123", "รหัสผ่านคล้ายกับชื่อผู้ใช้ของท่านเกินไป"),
])  # fmt: skip
def test_a_refused_password_says_why_in_thai(client, people, new, message):
    verified_client(client, people["requester"])
    response = client.post("/backoffice/password/change/",
                           {"old_password": PASSWORD, "new_password1": new, "new_password2": new})  # fmt: skip
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert "This password" not in page and "too similar" not in page


def test_two_different_new_passwords_are_refused_in_thai(client, people):
    verified_client(client, people["requester"])
    response = client.post("/backoffice/password/change/", {
        "old_password": PASSWORD, "new_password1": "ยาวพอแล้วนะ-2569", "new_password2": "ยาวพอแล้วนะ-2570"})  # fmt: skip
    assert "รหัสผ่านทั้งสองช่องไม่ตรงกัน" in response.content.decode()


# Staff and roles -----------------------------------------------------------------------------------------


def test_the_staff_form_labels_and_helps_in_thai(client, people):
    verified_client(client, people["admin"])
    page = client.get("/backoffice/staff/new/").content.decode()
    assert "Required. 150 characters" not in page
    assert not re.search(r">\s*Unit\s*<", page)
    assert "ใช้เข้าสู่ระบบ ไม่เกิน 150 ตัวอักษร" in page
    assert re.search(r'<label for="id_unit"[^>]*>หน่วยงาน', page)


def test_the_staff_list_names_roles_in_thai(client, people):
    verified_client(client, people["admin"])
    page = visible_text(client.get("/backoffice/staff/?show=all").content.decode())
    for code in ("requester", "webmaster", "administrator", "reviewer", "approver", "committee"):
        assert not re.search(rf"\b{code}\b", page), code
    assert "ผู้ดูแลเว็บไซต์ (Web Master)" in page and "ผู้ขอเผยแพร่" in page and "ผู้ดูแลระบบ" in page


def test_a_delegation_names_its_role_in_thai(office, people, clock):
    delegation = Delegation.objects.create(
        office=office, role="approver", delegator=people["approver"], delegate=people["reviewer"],
        starts_on=clock.today, ends_on=clock.today + dt.timedelta(days=3), reason="ไปราชการ",
    )  # fmt: skip
    assert str(delegation).endswith("(ผู้อนุมัติ (ผู้บริหารสูงสุด))")
    assert "approver" not in str(delegation)


# Who acted, and when -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("label", "shown"), [
    ("system:sync_standard", "ระบบ (ปรับข้อมูลมาตรฐาน)"),
    ("system:housekeeping", "ระบบ (งานดูแลระบบประจำวัน)"),
    ("system:login", "ระบบ (การเข้าสู่ระบบ)"),
    ("system:backup:root", "ระบบ (สำรองข้อมูล สั่งโดยบัญชีเครื่อง root)"),
    ("system:some-new-job", "ระบบ (some-new-job)"),
    ("anonymous", "บุคคลทั่วไป (ไม่ได้เข้าสู่ระบบ)"),
    ("system", "ระบบ"),
    ("somchai", "somchai"),
])  # fmt: skip
def test_an_actor_label_reads_in_thai(label, shown):
    assert actor_display(label) == shown


def test_the_audit_trail_names_system_jobs_in_thai_and_dates_in_bangkok_buddhist_era(client, office, people, clock):
    clock.move_to("2026-06-17T23:30:00+00:00", tick=False)  # 18 June 06:30 in Bangkok
    record(None, AuditCode.STANDARD_SYNCED, office=office, system="sync_standard")
    record(None, AuditCode.PARTICIPATION_RECEIVED, office=office)
    verified_client(client, people["admin"])
    page = visible_text(client.get("/backoffice/audit/").content.decode())
    assert "ระบบ (ปรับข้อมูลมาตรฐาน)" in page and "บุคคลทั่วไป (ไม่ได้เข้าสู่ระบบ)" in page
    assert "system:" not in page and "anonymous" not in page
    assert "18 มิ.ย. 2569 06:30 น." in page
    assert "2026" not in page and "23:30" not in page


# The operators' admin ------------------------------------------------------------------------------------


@pytest.fixture
def operator(office):
    call_command("create_operator", username="platform", email="ops@example.go.th", stdout=io.StringIO(),
                 stderr=io.StringIO())  # fmt: skip
    return Staff.objects.get(username="platform")


@pytest.fixture
def operator_client(operator):
    return verified_client(Client(), operator)


def test_the_admin_shows_dates_buddhist_era_in_bangkok_time(operator, office, clock):
    clock.move_to("2026-06-17T23:30:00+00:00", tick=False)
    event = record(None, AuditCode.STANDARD_SYNCED, office=office, system="sync_standard")
    operator_client = verified_client(Client(), operator)
    page = operator_client.get("/admin/audit/auditevent/").content.decode()
    assert "18 มิ.ย. 2569 06:30 น." in page
    assert "ระบบ (ปรับข้อมูลมาตรฐาน)" in page and "system:sync_standard" not in page
    assert not re.search(r"\b2026\b", visible_text(page))  # nor in the date hierarchy's year links
    detail = operator_client.get(f"/admin/audit/auditevent/{event.pk}/change/").content.decode()
    assert "18 มิ.ย. 2569 06:30 น." in detail and not re.search(r"\b2026\b", visible_text(detail))


def test_the_admin_speaks_thai(operator_client, people):
    index = operator_client.get("/admin/").content.decode()
    staff = operator_client.get("/admin/org/staff/").content.decode()
    person = operator_client.get(f"/admin/org/staff/{people['webmaster'].pk}/change/").content.decode()
    for page in (index, staff, person):
        for english in ("Skip to main content", "Toggle theme", "Breadcrumbs", "Start typing to filter", "Sidebar"):
            assert english not in page, english
        assert 'alt="True"' not in page and 'alt="False"' not in page
    assert 'alt="ใช่"' in staff and "ข้ามไปยังเนื้อหาหลัก" in index
    assert "การเข้าสู่ระบบ" in index and ">Axes<" not in index  # django-axes' app, named in Thai
    assert not re.search(r">\s*(webmaster|requester|reviewer|administrator)\s*<", staff + person)
    assert "ผู้ดูแลเว็บไซต์ (Web Master)" in person


def test_an_editable_admin_date_is_a_thai_date_field():
    from django.contrib import admin
    from django.db import models

    from khaosan.org.models import Office
    from khaosan.thai.forms import ThaiDateField, ThaiDateTimeField

    model_admin = admin.site._registry[Office]
    assert isinstance(model_admin.formfield_for_dbfield(models.DateField(name="d"), request=None), ThaiDateField)
    assert isinstance(model_admin.formfield_for_dbfield(models.DateTimeField(name="t"), request=None),
                      ThaiDateTimeField)  # fmt: skip


@pytest.mark.parametrize(("label", "shown"), [
    ("2026", "2569"), ("ธันวาคม 2026", "ธันวาคม 2569"), ("2 ธันวาคม", "2 ธันวาคม"), ("ทุกวัน", "ทุกวัน"),
])  # fmt: skip
def test_the_admin_date_hierarchy_years_are_buddhist_era(label, shown):
    assert be_years(label) == shown


def test_a_role_given_by_hand_to_an_unknown_group_is_shown_as_it_is(people):
    set_roles(people["colleague"], ["webmaster"])
    assert people["colleague"].role_labels == ["ผู้ดูแลเว็บไซต์ (Web Master)"]
    assert people["requester"].role_labels == ["ผู้ขอเผยแพร่"]
