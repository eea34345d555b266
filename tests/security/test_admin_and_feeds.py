"""Hardening (issue "Hardening"): Django's admin is for platform operators only; feeds carry plain text.

Before: every office administrator was a superuser, so office A's administrator set a password for office
B's administrator in /admin/ and signed in as them; a web master's admin form offered every office and
changed published items around the approval chain. Feeds passed item summaries on as active HTML.
"""

import importlib
import io
import re
import xml.etree.ElementTree as ET

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import call_command
from django.test import Client

from khaosan.audit.models import AuditCode, AuditEvent
from khaosan.catalog.models import Item
from khaosan.org.middleware import office_for_host
from khaosan.org.models import Office, Staff
from khaosan.org.roles import set_roles
from tests.backoffice.conftest import verified_client
from tests.conftest import topic

pytestmark = pytest.mark.django_db

REFUSED_HERE = "หน้านี้สำหรับผู้ดูแลแพลตฟอร์มเท่านั้น"


@pytest.fixture
def second_office(office, people):
    """Office B, made the way production makes one: ./khaosan manage create_office."""
    call_command(
        "create_office", name="สำนักงานสาธารณสุขอำเภอเมืองน่าน", name_en="Mueang Nan District Health Office",
        address="อำเภอเมืองน่าน จังหวัดน่าน", hostname="mueang.example.go.th", admin_username="mueang-admin",
        admin_email="admin@mueang.example.go.th", stdout=io.StringIO(), stderr=io.StringIO(),
    )  # fmt: skip
    return Office.objects.get(slug="mueang-nan-district-health-office")


@pytest.fixture
def their_admin(second_office):
    return Staff.objects.get(username="mueang-admin")


@pytest.fixture
def their_item(second_office, publish):
    return publish(title="ข่าวของสำนักงานเมือง", office=second_office)


@pytest.fixture
def operator(db):
    call_command("create_operator", username="platform", email="ops@example.go.th", stdout=io.StringIO(),
                 stderr=io.StringIO())  # fmt: skip
    return Staff.objects.get(username="platform")


def office_person(who, people):
    """The office people who must not reach the admin, some with what the old code gave them."""
    if who == "office administrator":
        return people["admin"]
    if who == "committee":
        return people["committee"]
    person = people["webmaster"]
    set_roles(person, ["webmaster"])
    if who == "web master with the old staff status and item permissions":
        person.is_staff = True
        person.save(update_fields=["is_staff"])
        person.user_permissions.add(*Permission.objects.filter(content_type__app_label="catalog",
                                                               codename__in=["add_item", "change_item"]))  # fmt: skip
    if who == "office administrator still a superuser (before the migration)":
        person = people["admin"]
        person.is_superuser = person.is_staff = True
        person.save(update_fields=["is_superuser", "is_staff"])
    return person


OFFICE_PEOPLE = [
    "office administrator",
    "web master",
    "web master with the old staff status and item permissions",
    "committee",
    "office administrator still a superuser (before the migration)",
]


@pytest.mark.parametrize("who", OFFICE_PEOPLE)
def test_office_people_with_a_second_factor_get_no_admin_page_and_change_nothing(
    who, office, people, second_office, their_admin, their_item
):
    client = verified_client(Client(), office_person(who, people))
    pages = ["/admin/", "/admin/org/staff/", f"/admin/org/staff/{their_admin.pk}/change/",
             f"/admin/org/staff/{their_admin.pk}/password/", "/admin/catalog/item/add/",
             f"/admin/catalog/item/{their_item.pk}/change/", f"/admin/org/office/{second_office.pk}/change/"]  # fmt: skip
    for path in pages:
        response = client.get(path)
        assert response.status_code == 403 and REFUSED_HERE in response.content.decode(), path

    new_password = "ยึดบัญชีสำนักงานเมือง-2569"
    writes = {
        f"/admin/org/staff/{their_admin.pk}/password/": {"password1": new_password, "password2": new_password,
                                                          "usable_password": "true"},
        f"/admin/org/staff/{their_admin.pk}/change/": {"username": "mueang-admin", "is_superuser": "on"},
        "/admin/catalog/item/add/": {"office": second_office.pk, "topic": topic("general-news").pk,
                                     "title": "แทรกข่าว", "status": "published"},
        f"/admin/catalog/item/{their_item.pk}/change/": {"office": second_office.pk, "title": "แก้ข่าว",
                                                          "status": "published"},
        f"/admin/org/office/{second_office.pk}/change/": {"name_th": "ยึดสำนักงาน", "hostname": "evil.example"},
    }  # fmt: skip
    for path, data in writes.items():
        assert client.post(path, data).status_code == 403, path

    their_admin.refresh_from_db()
    assert not their_admin.has_usable_password() and not their_admin.check_password(new_password)
    assert not their_admin.is_superuser
    assert list(Item.objects.filter(office=second_office).values_list("title", flat=True)) == ["ข่าวของสำนักงานเมือง"]
    second_office.refresh_from_db()
    assert (second_office.name_th, second_office.hostname) == ("สำนักงานสาธารณสุขอำเภอเมืองน่าน", "mueang.example.go.th")


def test_someone_not_signed_in_is_sent_to_the_back_office_sign_in(client, office):
    response = client.get("/admin/org/staff/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    onward = client.get(response["Location"])
    assert onward.status_code == 302 and onward["Location"].startswith("/backoffice/login/")
    assert "next=/admin/org/staff/" in onward["Location"]


def test_an_operator_needs_the_second_factor_before_the_admin_opens(client, office, operator):
    client.force_login(operator)
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/backoffice/2fa/setup/")
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.create(user=operator, name="authenticator", confirmed=True)
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/backoffice/2fa/verify/")


def test_an_operator_looks_at_every_office_but_cannot_add_or_change_items_or_staff(
    office, people, second_office, their_admin, their_item, operator
):
    client = verified_client(Client(), operator)
    for path in ("/admin/", "/admin/catalog/item/", f"/admin/catalog/item/{their_item.pk}/change/",
                 "/admin/org/staff/", f"/admin/org/staff/{their_admin.pk}/change/", "/admin/audit/auditevent/"):  # fmt: skip
        assert client.get(path).status_code == 200, path
    page = client.get(f"/admin/catalog/item/{their_item.pk}/change/").content.decode()
    assert "ข่าวของสำนักงานเมือง" in page and 'name="_save"' not in page  # read-only
    assert client.get("/admin/catalog/item/add/").status_code == 403
    assert client.post(f"/admin/catalog/item/{their_item.pk}/change/", {"title": "แก้ข่าว"}).status_code == 403
    assert client.get(f"/admin/org/staff/{their_admin.pk}/password/").status_code == 403
    assert client.post(f"/admin/org/staff/{their_admin.pk}/change/", {"username": "x"}).status_code == 403
    their_item.refresh_from_db()
    their_admin.refresh_from_db()
    assert their_item.title == "ข่าวของสำนักงานเมือง" and their_admin.username == "mueang-admin"
    assert client.get("/admin/password_change/")["Location"] == "/backoffice/password/change/"  # the audited one


def office_form(office, **changes):
    """The office change form as the admin posts it (the closures inline is read-only, but present)."""
    fields = ["slug", "name_th", "name_en", "short_name", "parent_name", "hostname", "address", "address_en",
              "phone", "fax", "email", "office_hours", "latitude", "longitude", "line_url", "facebook_url",
              "executive_name", "executive_position", "executive_message"]  # fmt: skip
    data = {name: "" if getattr(office, name) is None else str(getattr(office, name)) for name in fields}
    management = {"TOTAL_FORMS": "0", "INITIAL_FORMS": "0", "MIN_NUM_FORMS": "0", "MAX_NUM_FORMS": "1000"}
    return {**data, **{f"closures-{key}": value for key, value in management.items()}, **changes}


def test_an_operator_changes_an_office_through_the_service_with_an_audit_row_and_a_fresh_host_cache(
    office, second_office, operator, django_capture_on_commit_callbacks
):
    assert office_for_host("nan-city.example.go.th") == office  # unknown host: the default office, now cached
    client = verified_client(Client(), operator)
    url = f"/admin/org/office/{second_office.pk}/change/"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            office_form(
                second_office,
                hostname="nan-city.example.go.th",
                phone="0 5471 9999",
                approval_chain='["approver"]',
                changes_need_approval="",
            ),
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    second_office.refresh_from_db()
    assert (second_office.hostname, second_office.phone) == ("nan-city.example.go.th", "0 5471 9999")
    assert second_office.chain == ["reviewer", "approver"] and second_office.changes_need_approval  # not the admin's
    event = AuditEvent.objects.get(action=AuditCode.OFFICE_CHANGED, actor=operator)
    assert event.actor == operator and event.office == second_office and event.changes["via"] == "admin"
    assert event.changes["changes"]["hostname"] == ["mueang.example.go.th", "nan-city.example.go.th"]
    assert office_for_host("nan-city.example.go.th") == second_office
    assert client.get(url).status_code == 200
    assert client.get("/admin/org/office/add/").status_code == 403  # offices come from create_office


def test_an_operator_adds_a_unit_with_an_audit_row(office, second_office, operator):
    client = verified_client(Client(), operator)
    response = client.post(
        "/admin/org/unit/add/",
        {
            "office": second_office.pk,
            "code": "hpc-du-tai",
            "kind": "affiliate",
            "name_th": "รพ.สต.ดู่ใต้",
            "order": "5",
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    unit = second_office.units.get(code="hpc-du-tai")
    event = AuditEvent.objects.get(action=AuditCode.OFFICE_CHANGED, actor=operator)
    assert event.actor == operator and event.office == second_office and event.object_id == str(unit.pk)
    assert event.changes["created"] is True


def test_an_operator_sends_a_set_password_link_to_the_persons_own_address_and_it_is_recorded(
    office, second_office, their_admin, operator, django_capture_on_commit_callbacks
):
    client = verified_client(Client(), operator)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/org/staff/", {"action": "send_password_link", "_selected_action": [their_admin.pk]}
        )
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["admin@mueang.example.go.th"]]
    assert "/backoffice/password/reset/" in mail.outbox[0].body
    event = AuditEvent.objects.get(action=AuditCode.STAFF_PASSWORD_LINK_SENT)
    assert event.actor == operator and event.office == second_office and event.object_id == str(their_admin.pk)
    their_admin.refresh_from_db()
    assert not their_admin.has_usable_password()


def test_nothing_in_the_admin_can_be_written_but_offices_and_units(rf, operator):
    request = rf.get("/admin/")
    request.user = operator
    writable = set()
    for model, model_admin in admin.site._registry.items():
        label = model._meta.label_lower
        for inline in model_admin.get_inline_instances(request):
            assert not (
                inline.has_add_permission(request, None)
                or inline.has_change_permission(request)
                or inline.has_delete_permission(request)
            ), f"inline {inline.model._meta.label} of {label}"
        for verb in ("add", "change", "delete"):
            if getattr(model_admin, f"has_{verb}_permission")(request):
                writable.add((label, verb))
    assert writable == {("org.office", "change"), ("org.unit", "add"), ("org.unit", "change")}
    registered = {model._meta.label_lower for model in admin.site._registry}
    assert not registered & {"auth.group", "otp_totp.totpdevice", "otp_static.staticdevice"}


def test_an_operator_in_the_back_office_gets_a_thai_message_pointing_to_the_admin(office, operator):
    client = verified_client(Client(), operator)
    response = client.get("/backoffice/")
    html = response.content.decode()
    assert response.status_code == 403 and "บัญชีนี้เป็นบัญชีผู้ดูแลแพลตฟอร์ม" in html and 'href="/admin/"' in html
    assert client.get("/backoffice/security/").status_code == 200


def test_the_migration_takes_office_people_out_of_the_admin_and_keeps_their_roles(office, people, operator):
    migration = importlib.import_module("khaosan.org.migrations.0003_office_staff_leave_the_admin")
    old_admin = people["admin"]  # made by the old create_office: a superuser in the administrator group
    old_admin.is_superuser = old_admin.is_staff = True
    old_admin.save()
    only_superuser = people["colleague"]  # an administrator only because role_names used to say so
    only_superuser.is_superuser = only_superuser.is_staff = True
    only_superuser.save()
    webmaster = people["webmaster"]
    webmaster.is_staff = True
    webmaster.save()
    webmasters = Group.objects.get(name="webmaster")
    webmasters.permissions.add(*Permission.objects.filter(content_type__app_label="catalog"))

    migration.office_staff_leave_the_admin(apps, None)

    for person in (old_admin, only_superuser, webmaster):
        person.refresh_from_db()
        assert not person.is_superuser and not person.is_staff, person.username
    assert set(old_admin.groups.values_list("name", flat=True)) == {"administrator"}
    assert set(only_superuser.groups.values_list("name", flat=True)) == {"administrator"}
    assert set(webmaster.groups.values_list("name", flat=True)) == {"webmaster"}
    assert not webmasters.permissions.exists()
    operator.refresh_from_db()
    assert operator.is_superuser and operator.is_staff and operator.office is None


def test_the_demo_office_has_no_superuser_and_its_operator_has_no_office(synced_standard):
    from khaosan.demo import builder

    demo = builder.build_office()
    assert not Staff.objects.filter(office=demo).filter(is_superuser=True).exists()
    assert not Staff.objects.filter(office=demo).filter(is_staff=True).exists()
    assert Staff.objects.get(username="admin").groups.filter(name="administrator").exists()
    operator = Staff.objects.get(username="operator")
    assert operator.is_superuser and operator.office is None and operator.check_password(builder.DEMO_PASSWORD)
    assert operator.totpdevice_set.filter(confirmed=True).exists()


# Feeds ---------------------------------------------------------------------------------------------------

HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(1)>"
MARKUP = re.compile(r"<\s*[a-zA-Z/!?]")


def test_feeds_carry_titles_and_summaries_as_plain_text(client, office, publish):
    publish("general-news", f"ข่าวทดสอบ {HOSTILE}",
            summary=f"สรุปข่าว {HOSTILE} &lt;script&gt;alert(2)&lt;/script&gt; อายุ < 18 ปี")  # fmt: skip
    rss = ET.fromstring(client.get("/feeds/news/").content)  # the parser unescapes once, as a reader does
    (entry,) = rss.iter("item")
    title, description = entry.findtext("title"), entry.findtext("description")
    atom = ET.fromstring(client.get("/feeds/news/atom/").content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    (atom_entry,) = atom.findall("a:entry", ns)
    summary = atom_entry.find("a:summary", ns)
    for text in (title, description, atom_entry.findtext("a:title", namespaces=ns), summary.text):
        assert not MARKUP.search(text), text
        assert "alert" not in text
    assert title == "ข่าวทดสอบ" and description == "สรุปข่าว อายุ < 18 ปี"
    assert summary.get("type") == "text" and summary.text == description
