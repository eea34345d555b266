"""Every rule lives in the service that writes (DESIGN principle 9): called directly, without the screens in
front of it, a service refuses a person without the right with a named error, and writes nothing.

The screens (backoffice/views) only ask the same rules before offering a form; Django's admin, a command
or any future API reach the same services and meet the same refusals.
"""

import datetime as dt

import pytest
from django import forms
from django.contrib import admin
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from khaosan.audit.models import AuditEvent
from khaosan.backoffice import second_factor
from khaosan.backoffice.errors import attempt
from khaosan.catalog import services as catalog
from khaosan.catalog.models import Attachment, Item, ItemVersion
from khaosan.errors import KhaosanError, NotAllowed, OtherOffice, RoleRequired
from khaosan.org import services as org
from khaosan.org.models import Delegation, OfficeClosure, Staff
from khaosan.workflow.models import Action
from tests.backoffice.conftest import verified_client
from tests.conftest import make_person, pdf_bytes, topic, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_person(client, people):
    return lambda role: verified_client(client, people[role])


@pytest.fixture
def operator(db):
    """A platform operator: a superuser with no office (create_operator)."""
    import io

    from django.core.management import call_command

    call_command("create_operator", username="platform", email="ops@example.go.th", stdout=io.StringIO(),
                 stderr=io.StringIO())  # fmt: skip
    return Staff.objects.get(username="platform")


@pytest.fixture
def theirs(other_office):
    """Another office's administrator and one of its staff."""
    return {
        "admin": make_person(other_office, "mueang-admin", roles=["administrator"], first_name="นายเมือง"),
        "person": make_person(other_office, "mueang-staff", first_name="นางสาวเมือง"),
    }


def nothing_written(since):
    """No audit row since `since` (an AuditEvent count): a refused service leaves no trace of a change."""
    return AuditEvent.objects.count() == since


# The shared error root ---------------------------------------------------------------------------------------


def test_every_named_refusal_shares_one_root():
    for error in (NotAllowed, RoleRequired, OtherOffice, org.AdministratorRequired, org.OperatorRequired,
                  org.TooFewWebmasters, org.OwnAccount, org.PasswordLinkNotSent, catalog.WebmasterRequired,
                  catalog.ChangeNeedsApproval, catalog.ItemLeftSite):  # fmt: skip
        assert issubclass(error, KhaosanError), error
    from khaosan.eservice.permissions import AppraisalNotAllowed
    from khaosan.procurement.services import Locked
    from khaosan.reports.permissions import ReportNotAllowed
    from khaosan.workflow.permissions import AlreadyDecided, NoDecider

    for error in (AlreadyDecided, NoDecider, AppraisalNotAllowed, ReportNotAllowed, Locked):
        assert issubclass(error, NotAllowed), error
    assert issubclass(org.OperatorRequired, PermissionDenied)  # Django's 403 should one escape an admin view
    refusal = OtherOffice("โปรดเลือกจากรายการ", field="unit")
    assert (str(refusal), refusal.messages, refusal.field, refusal.code) == (
        "โปรดเลือกจากรายการ",
        ["โปรดเลือกจากรายการ"],
        "unit",
        "other_office",
    )


# Staff, roles, delegations and settings: only the office's own administrator -------------------------------


def staff_operations(office, people, person):
    """Every write of the administrator's screens, as (name, call(actor))."""
    delegation = Delegation.objects.create(
        office=office, role="approver", delegator=people["approver"], delegate=people["colleague"],
        starts_on=dt.date(2026, 6, 17), ends_on=dt.date(2026, 6, 20), reason="ไปราชการ",
    )  # fmt: skip
    unit = person.unit
    return [
        ("staff_invite", lambda actor: org.staff_invite(
            office=person.office, actor=actor, roles=["requester"], username="newcomer", first_name="นายใหม่",
            last_name="", email="new@example.go.th", position="", unit=unit, phone="")),
        ("staff_update", lambda actor: org.staff_update(person=person, actor=actor, roles=["webmaster"],
                                                        position="หัวหน้า")),
        ("staff_set_active", lambda actor: org.staff_set_active(person=person, actor=actor, active=False)),
        ("staff_unlock", lambda actor: org.staff_unlock(person=person, actor=actor)),
        ("second_factor.reset", lambda actor: second_factor.reset(user=person, actor=actor)),
        ("password_link_send", lambda actor: org.password_link_send(person=person, actor=actor)),
        ("delegation_create", lambda actor: org.delegation_create(
            office=person.office, actor=actor, role="approver", delegator=person, delegate=person,
            starts_on=dt.date(2026, 6, 17), ends_on=dt.date(2026, 6, 18), reason="ทดสอบ")),
        ("delegation_revoke", lambda actor: org.delegation_revoke(delegation=delegation, actor=actor)),
        ("office_configure", lambda actor: org.office_configure(
            office=person.office, actor=actor, chain=["approver"], publish_deadline_days=5,
            changes_need_approval=False)),
        ("closure_add", lambda actor: org.closure_add(office=person.office, actor=actor, date=dt.date(2026, 12, 31),
                                                      reason="ปิดสำนักงาน")),
    ]  # fmt: skip


@pytest.mark.parametrize("role", ["requester", "webmaster", "approver", "committee"])
def test_only_an_administrator_manages_staff_roles_delegations_and_settings(office, people, role):
    person = people["colleague"]
    since = AuditEvent.objects.count()
    for name, call in staff_operations(office, people, person):
        with pytest.raises(org.AdministratorRequired):
            call(people[role])
        assert nothing_written(since), name
    person.refresh_from_db()
    office.refresh_from_db()
    assert person.is_active and person.position != "หัวหน้า" and not person.groups.filter(name="webmaster").exists()
    assert not Staff.objects.filter(username="newcomer").exists() and office.changes_need_approval
    assert not OfficeClosure.objects.exists() and Delegation.objects.get().revoked_at is None


def test_an_administrator_manages_only_his_own_offices_people_and_settings(office, people, theirs):
    """Object level: the staff row, the delegation and the office must be the administrator's own."""
    since = AuditEvent.objects.count()
    for name, call in staff_operations(theirs["person"].office, people, theirs["person"]):
        if name == "delegation_revoke":
            continue  # the fixture's delegation is of this office; another office's is below
        with pytest.raises(OtherOffice):
            call(people["admin"])
        assert nothing_written(since), name
    foreign = Delegation.objects.create(
        office=theirs["person"].office, role="approver", delegator=theirs["admin"], delegate=theirs["person"],
        starts_on=dt.date(2026, 6, 17), ends_on=dt.date(2026, 6, 20),
    )  # fmt: skip
    with pytest.raises(OtherOffice):
        org.delegation_revoke(delegation=foreign, actor=people["admin"])
    theirs["person"].refresh_from_db()
    assert theirs["person"].is_active and foreign.__class__.objects.get(pk=foreign.pk).revoked_at is None


def test_an_administrator_cannot_bring_in_another_offices_unit_or_people(office, people, theirs):
    with pytest.raises(OtherOffice) as refused:
        org.staff_invite(office=office, actor=people["admin"], roles=[], username="newcomer", first_name="นายใหม่",
                         email="new@example.go.th", unit=theirs["person"].unit)  # fmt: skip
    assert refused.value.field == "unit"
    with pytest.raises(OtherOffice) as refused:
        org.staff_update(person=people["colleague"], actor=people["admin"], roles=[], unit=theirs["person"].unit)
    assert refused.value.field == "unit"
    with pytest.raises(OtherOffice) as refused:
        org.delegation_create(
            office=office,
            actor=people["admin"],
            role="approver",
            delegator=people["approver"],
            delegate=theirs["person"],
            starts_on=dt.date(2026, 6, 17),
            ends_on=dt.date(2026, 6, 18),
        )
    assert refused.value.field == "delegate"


def test_an_operator_holds_no_office_role_and_manages_no_staff(office, people, operator):
    with pytest.raises(org.AdministratorRequired):
        org.staff_set_active(person=people["colleague"], actor=operator, active=False)
    with pytest.raises(org.AdministratorRequired):
        org.office_configure(office=office, actor=operator, chain=["approver"], publish_deadline_days=3,
                             changes_need_approval=True)  # fmt: skip


def test_an_office_administrator_is_no_operator_for_offices_and_units(office, people):
    with pytest.raises(org.OperatorRequired):
        org.office_update(office=office, actor=people["admin"], fields=["phone"])


def test_the_last_two_web_masters_keep_their_role_whichever_door(office, people):
    since = AuditEvent.objects.count()
    with pytest.raises(org.TooFewWebmasters) as refused:
        org.staff_update(person=people["webmaster2"], actor=people["admin"], roles=[])
    assert refused.value.field == "roles" and "อย่างน้อย 2 คน" in str(refused.value)
    with pytest.raises(org.TooFewWebmasters):
        org.staff_set_active(person=people["webmaster"], actor=people["admin"], active=False)
    assert nothing_written(since) and people["webmaster2"].groups.filter(name="webmaster").exists()


def test_an_administrator_cannot_close_his_own_account(office, people):
    with pytest.raises(org.OwnAccount):
        org.staff_set_active(person=people["admin"], actor=people["admin"], active=False)
    assert Staff.objects.get(pk=people["admin"].pk).is_active


def test_the_staff_screen_records_what_changed_on_a_person(as_person, office, people):
    """The form fills the person in memory before the service runs; the audit row still says what changed."""
    person = people["colleague"]
    response = as_person("admin").post(f"/backoffice/staff/{person.pk}/", {
        "username": person.username, "first_name": person.first_name, "last_name": "ศรีสุขใหม่",
        "email": person.email, "position": "นักวิชาการสาธารณสุขปฏิบัติการ", "unit": person.unit_id,
        "phone": "", "roles": ["requester"],
    })  # fmt: skip
    assert response.status_code == 302
    event = AuditEvent.objects.filter(action="staff.changed").latest("seq")
    assert event.changes["changes"]["last_name"] == ["ศรีสุข", "ศรีสุขใหม่"]
    assert event.changes["changes"]["position"][1] == "นักวิชาการสาธารณสุขปฏิบัติการ"


def test_the_staff_screen_shows_the_services_refusal_beside_the_roles(as_person, office, people):
    person = people["webmaster2"]
    response = as_person("admin").post(f"/backoffice/staff/{person.pk}/", {
        "username": person.username, "first_name": person.first_name, "email": person.email,
        "unit": person.unit_id, "roles": ["requester"],
    })  # fmt: skip
    assert response.status_code == 200 and "อย่างน้อย 2 คน" in response.content.decode()
    assert response.context["form"].errors["roles"]


# Items: web masters only, and directly only where the office does not send changes through its chain ------


@pytest.fixture
def published(publish):
    return publish("annual-plan", "แผนปฏิบัติการประจำปี", files=[upload("แผน.pdf", pdf_bytes())])


def item_operations(item):
    return [
        ("item_withdraw", lambda actor: catalog.item_withdraw(item=item, actor=actor, reason="ข้อมูลผิด")),
        ("item_replace_content", lambda actor: catalog.item_replace_content(item=item, actor=actor, title="แก้แล้ว",
                                                                             note="แก้คำผิด")),
        ("item_update", lambda actor: catalog.item_update(item=item, actor=actor, title="แก้แล้ว")),
        ("attachment_add", lambda actor: catalog.attachment_add(item=item, actor=actor,
                                                                upload=upload("เพิ่ม.pdf", pdf_bytes(2)))),
    ]  # fmt: skip


def assert_untouched(item, since, versions):
    item.refresh_from_db()
    assert item.status == Item.Status.PUBLISHED and item.title == "แผนปฏิบัติการประจำปี"
    assert ItemVersion.objects.filter(item=item).count() == versions and nothing_written(since)
    assert Attachment.objects.filter(item=item).count() == 1


def test_a_web_master_changes_an_item_directly_only_where_the_office_allows_it(office, people, published):
    assert office.changes_need_approval  # the default: changes go through the chain (S-2.3)
    since, versions = AuditEvent.objects.count(), published.versions.count()
    for name, call in item_operations(published):
        with pytest.raises(catalog.ChangeNeedsApproval) as refused:
            call(people["webmaster"])
        assert "โปรดยื่นคำขอ" in str(refused.value), name
        assert_untouched(published, since, versions)
    office.changes_need_approval = False
    office.save()
    catalog.item_withdraw(item=published, actor=people["webmaster"], reason="ข้อมูลผิด")
    assert Item.objects.get(pk=published.pk).status == Item.Status.WITHDRAWN


@pytest.mark.parametrize("role", ["requester", "reviewer", "approver", "committee", "admin"])
def test_only_a_web_master_changes_withdraws_or_publishes_an_item(office, people, published, role):
    office.changes_need_approval = False
    office.save()
    since, versions = AuditEvent.objects.count(), published.versions.count()
    for _name, call in item_operations(published):
        with pytest.raises(catalog.WebmasterRequired):
            call(people[role])
        assert_untouched(published, since, versions)
    with pytest.raises(catalog.WebmasterRequired):
        catalog.item_publish(item=published, actor=people[role])
    with pytest.raises(catalog.WebmasterRequired):
        catalog.item_create(office=office, actor=people[role], status=Item.Status.PUBLISHED,
                            topic=topic("general-news"), title="ข่าวที่ไม่ผ่านการอนุมัติ")  # fmt: skip
    assert not Item.objects.filter(title="ข่าวที่ไม่ผ่านการอนุมัติ").exists()


def test_a_web_master_of_another_office_cannot_touch_this_offices_items(office, other_office, published):
    other_office.changes_need_approval = False
    other_office.save()
    stranger = make_person(other_office, "mueang-webmaster", roles=["webmaster"])
    since, versions = AuditEvent.objects.count(), published.versions.count()
    for _name, call in item_operations(published):
        with pytest.raises(OtherOffice):
            call(stranger)
        assert_untouched(published, since, versions)


def test_an_approved_withdrawal_request_is_carried_out_where_direct_changes_are_refused(office, people, published):
    from khaosan.workflow import services as wf
    from tests.workflow.conftest import NOTHING_FOUND, approve_all

    pub_request = wf.request_create(
        office=office,
        actor=people["requester"],
        action=Action.WITHDRAW,
        target_item=published,
        title=published.title,
        summary="ข้อมูลคลาดเคลื่อน",
    )
    wf.request_submit(pub_request=pub_request, actor=people["requester"])
    approve_all(pub_request, people)
    wf.request_publish(pub_request_id=pub_request.pk, actor=people["webmaster"], redaction=NOTHING_FOUND)
    published.refresh_from_db()
    assert published.status == Item.Status.WITHDRAWN and published.withdrawn_reason == "ข้อมูลคลาดเคลื่อน"


def test_the_item_screens_show_the_services_refusal(as_person, office, people, published):
    client = as_person("webmaster")
    response = client.post(f"/backoffice/items/{published.pk}/withdraw/", {"reason": "ข้อมูลผิด"}, follow=True)
    assert "โปรดยื่นคำขอถอน" in response.content.decode()
    response = client.get(f"/backoffice/items/{published.pk}/edit/", follow=True)
    assert "โปรดยื่นคำขอแทนที่" in response.content.decode()
    assert Item.objects.get(pk=published.pk).status == Item.Status.PUBLISHED
    page = client.get(f"/backoffice/items/{published.pk}/").content.decode()
    assert f"/backoffice/items/{published.pk}/edit/" not in page  # the direct buttons are not offered


# Django's admin: operators look, and write nothing around the services --------------------------------------


def test_the_catalog_in_the_admin_is_read_only_for_operators(rf, operator):
    from khaosan.catalog import models as catalog_models

    request = rf.get("/admin/")
    request.user = operator
    catalog_admins = [(m, a) for m, a in admin.site._registry.items() if m._meta.app_label == "catalog"]
    assert {m for m, _ in catalog_admins} >= {catalog_models.Item, catalog_models.Topic, catalog_models.Category}
    for model, model_admin in catalog_admins:
        assert model_admin.has_view_permission(request), model
        for verb in ("add", "change", "delete"):
            assert not getattr(model_admin, f"has_{verb}_permission")(request), (model, verb)


def test_an_operators_change_of_an_item_through_the_admin_is_refused_and_writes_nothing(office, published, operator):
    client = verified_client(Client(), operator)
    since, versions = AuditEvent.objects.count(), published.versions.count()
    response = client.post(f"/admin/catalog/item/{published.pk}/change/", {"title": "แก้ผ่านหน้าผู้ดูแลแพลตฟอร์ม"})
    assert response.status_code == 403
    assert client.post(f"/admin/catalog/item/{published.pk}/delete/", {"post": "yes"}).status_code == 403
    published.refresh_from_db()
    assert published.title == "แผนปฏิบัติการประจำปี" and published.versions.count() == versions
    assert AuditEvent.objects.exclude(action="traffic.viewed").count() == since


# Other doors ---------------------------------------------------------------------------------------------------


def test_only_administrators_export_or_check_the_traffic_log_and_the_committee_checks_the_audit_trail(office, people):
    import io

    from khaosan.audit.models import ChainVerification
    from khaosan.audit.services import audit_verify
    from khaosan.audit.traffic import traffic_export, traffic_verify

    for role in ("requester", "webmaster", "committee"):
        with pytest.raises(RoleRequired):
            traffic_export(out=io.BytesIO(), date_from=dt.date(2026, 6, 16), date_to=dt.date(2026, 6, 17),
                           reason="หนังสือที่ 1/2569", actor=people[role])  # fmt: skip
        with pytest.raises(RoleRequired):
            traffic_verify(actor=people[role])
    for role in ("requester", "webmaster"):
        with pytest.raises(RoleRequired):
            audit_verify(actor=people[role])
    assert not ChainVerification.objects.exists()
    assert audit_verify(actor=people["committee"]).ok and traffic_verify(actor=people["admin"]).ok
    assert set(ChainVerification.objects.values_list("actor_label", flat=True)) == {"arunee", "teerapong"}


def test_only_web_masters_ask_a_unit_for_a_topic(office, people):
    from khaosan.compliance.services import topic_request_ask

    with pytest.raises(RoleRequired):
        topic_request_ask(office=office, actor=people["requester"], topic=topic("annual-plan"))


# The one view helper ----------------------------------------------------------------------------------------


class PersonForm(forms.Form):
    unit = forms.CharField(required=False)
    roles = forms.CharField(required=False)


def request_with_messages(rf):
    request = rf.post("/")
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    return request


@pytest.mark.parametrize("error, on_form, field_errors, top, message", [
    (ValidationError({"unit": "โปรดเลือกหน่วยงาน", "other": "ข้อผิดอื่น"}), True,
     {"unit": ["โปรดเลือกหน่วยงาน"]}, ["ข้อผิดอื่น"], []),
    (ValidationError("ยังขาด: เรื่อง"), True, {}, ["ยังขาด: เรื่อง"], []),
    (org.TooFewWebmasters("ต้องมีผู้ดูแลเว็บไซต์อย่างน้อย 2 คน", field="roles"), True,
     {"roles": ["ต้องมีผู้ดูแลเว็บไซต์อย่างน้อย 2 คน"]}, [], []),
    (NotAllowed("คำขอนี้มีผู้พิจารณาไปแล้ว"), False, {}, [], ["คำขอนี้มีผู้พิจารณาไปแล้ว"]),
])  # fmt: skip
def test_a_refusal_goes_on_the_form_or_into_the_next_pages_messages(rf, error, on_form, field_errors, top, message):
    request, form = request_with_messages(rf), PersonForm({})
    assert form.is_valid()
    with attempt(request, form=form) as refused:
        raise error
    assert bool(refused) and refused.on_form == on_form
    assert {name: errors for name, errors in form.errors.items() if name != "__all__"} == field_errors
    assert form.non_field_errors() == top
    assert [str(m) for m in get_messages(request)] == message


def test_a_call_that_goes_through_is_not_a_refusal_and_a_fault_is_not_hidden(rf):
    request = request_with_messages(rf)
    with attempt(request) as refused:
        pass
    assert not refused and refused.message == ""
    with pytest.raises(ZeroDivisionError), attempt(request):
        1 / 0  # noqa: B018  a fault in the code reaches the error page and the log, never a person's message
