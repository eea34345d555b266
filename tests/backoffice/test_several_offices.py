"""One person, several offices: memberships, choosing the office to work in, and the provincial view."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from khaosan.audit.models import AuditCode, AuditEvent
from khaosan.compliance.models import ComplianceSnapshot
from khaosan.org import services
from khaosan.org.models import Membership, Office, Staff, Unit
from khaosan.org.offices import SESSION_KEY, act_in, membership_in, offices_of, people_of
from khaosan.org.roles import Role, has_role, members
from khaosan.workflow.services import request_create
from tests.backoffice.conftest import verified_client
from tests.conftest import make_person, topic


@pytest.fixture
def other_people(other_office):
    return {
        "admin": make_person(other_office, "other-admin", roles=["administrator"]),
        "webmaster": make_person(other_office, "other-wm", roles=["webmaster"]),
    }


def grant(office, admin, person, roles, unit=None):
    return services.membership_grant(office=office, actor=_acting(admin, office), username=person.username,
                                     email=person.email, roles=roles, unit=unit)  # fmt: skip


def _acting(person, office):
    """`person` as a request's user working in `office` (their home office, or a membership)."""
    person = Staff.objects.get(pk=person.pk)
    if person.office_id != office.pk:
        act_in(person, membership_in(person, office.pk))
    return person


def choose(client, office):
    return client.post("/backoffice/office/", {"office": str(office.pk)})


def _request(office, person, title):
    return request_create(actor=person, office=office, topic=topic("general-news"), title=title,
                          requester_unit=Unit.objects.filter(office=office).first())  # fmt: skip


# Memberships -------------------------------------------------------------------------------------------


def test_an_administrator_lets_a_person_of_another_office_work_here_with_roles(people, other_office, other_people):
    person = people["webmaster"]
    membership = grant(other_office, other_people["admin"], person, [Role.WEBMASTER, Role.REVIEWER])
    assert sorted(membership.roles.values_list("name", flat=True)) == ["reviewer", "webmaster"]
    assert person in members(other_office, Role.WEBMASTER)
    assert person in people_of(other_office)
    assert [o.pk for o in offices_of(person)] == [person.office_id, other_office.pk]
    event = AuditEvent.objects.get(action=AuditCode.STAFF_MEMBERSHIP_GRANTED)
    assert event.office_id == other_office.pk and event.actor_id == other_people["admin"].pk
    # Granting again changes the roles (the office keeps two web masters); the home office is untouched.
    make_person(other_office, "other-wm2", roles=["webmaster"])
    grant(other_office, other_people["admin"], person, [Role.COMMITTEE])
    assert person not in members(other_office, Role.WEBMASTER)
    assert Staff.objects.get(pk=person.pk).office_id == people["webmaster"].office_id
    assert has_role(Staff.objects.get(pk=person.pk), Role.WEBMASTER)  # at home, still a web master


def test_a_person_is_named_by_user_name_and_e_mail_together_and_a_wrong_pair_says_nothing_more(
    people, other_office, other_people
):
    admin = _acting(other_people["admin"], other_office)
    with pytest.raises(services.PersonNotFound) as wrong_email:
        services.membership_grant(office=other_office, actor=admin, username="pimchanok", email="x@example.go.th",
                                  roles=[])  # fmt: skip
    with pytest.raises(services.PersonNotFound) as nobody:
        services.membership_grant(office=other_office, actor=admin, username="nobody", email="x@example.go.th",
                                  roles=[])  # fmt: skip
    assert wrong_email.value.message == nobody.value.message
    with pytest.raises(services.NotAllowed):
        services.membership_grant(office=other_office, actor=admin, username="other-wm",
                                  email="other-wm@example.go.th", roles=[])  # fmt: skip
    assert not Membership.objects.exists()


def test_only_the_offices_own_administrator_grants_and_ends_memberships(people, other_office, other_people):
    # The home administrator of the first office cannot give its people a place in another office.
    with pytest.raises(services.OtherOffice):
        services.membership_grant(office=other_office, actor=people["admin"], username="pimchanok",
                                  email="pimchanok@example.go.th", roles=[Role.WEBMASTER])  # fmt: skip
    with pytest.raises(services.AdministratorRequired):
        services.membership_grant(office=other_office, actor=other_people["webmaster"], username="pimchanok",
                                  email="pimchanok@example.go.th", roles=[Role.WEBMASTER])  # fmt: skip
    membership = grant(other_office, other_people["admin"], people["requester"], [])
    with pytest.raises(services.OtherOffice):
        services.membership_end(membership=membership, actor=people["admin"])
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_ending_a_membership_keeps_two_web_masters(people, other_office, other_people):
    grant(other_office, other_people["admin"], people["webmaster"], [Role.WEBMASTER])
    membership = Membership.objects.get()
    with pytest.raises(services.TooFewWebmasters):
        services.membership_end(membership=membership, actor=_acting(other_people["admin"], other_office))
    with pytest.raises(services.TooFewWebmasters):  # nor by taking the role away
        grant(other_office, other_people["admin"], people["webmaster"], [])
    with pytest.raises(services.TooFewWebmasters):  # nor by closing the account at home
        services.staff_set_active(person=people["webmaster"], actor=people["admin"], active=False)
    make_person(other_office, "other-wm2", roles=["webmaster"])
    services.membership_end(membership=membership, actor=_acting(other_people["admin"], other_office))
    assert not Membership.objects.exists()
    assert AuditEvent.objects.filter(action=AuditCode.STAFF_MEMBERSHIP_ENDED, office=other_office).exists()


def test_the_person_row_keeps_the_home_office_when_saved_while_working_elsewhere(people, other_office, other_people):
    person = people["requester"]
    grant(other_office, other_people["admin"], person, [Role.COMMITTEE])
    acting = _acting(person, other_office)
    assert acting.office == other_office and has_role(acting, Role.COMMITTEE)
    acting.first_name = "นายสมชายใหม่"
    acting.save()
    assert acting.office == other_office  # still working there for the rest of the request
    stored = Staff.objects.get(pk=person.pk)
    assert stored.office_id == people["requester"].office_id and stored.first_name == "นายสมชายใหม่"


# Choosing the office in the back-office -----------------------------------------------------------------


def test_a_member_chooses_the_office_and_sees_only_its_work(client, office, people, other_office, other_people):
    home_request = _request(office, people["requester"], "คำขอของบ้านหลวง")
    there_request = _request(other_office, other_people["webmaster"], "คำขอของเมือง")
    person = people["webmaster"]
    grant(other_office, other_people["admin"], person, [Role.WEBMASTER])
    verified_client(client, person)
    page = client.get("/backoffice/requests/").content.decode()
    assert "คำขอของบ้านหลวง" in page and "คำขอของเมือง" not in page
    assert 'name="office"' in client.get("/backoffice/").content.decode()  # the chooser shows: two offices

    response = choose(client, other_office)
    assert response.status_code == 302 and response["Location"] == "/backoffice/"
    assert client.session[SESSION_KEY] == other_office.pk
    page = client.get("/backoffice/requests/").content.decode()
    assert "คำขอของเมือง" in page and "คำขอของบ้านหลวง" not in page
    assert other_office.name_th in client.get("/backoffice/").content.decode()
    assert client.get(f"/backoffice/requests/{home_request.pk}/").status_code == 404
    assert client.get(f"/backoffice/requests/{there_request.pk}/").status_code == 200
    assert AuditEvent.objects.filter(action=AuditCode.AUTH_OFFICE_CHOSEN, actor=person, office=other_office).exists()

    choose(client, office)  # back home
    assert SESSION_KEY not in client.session
    assert client.get(f"/backoffice/requests/{home_request.pk}/").status_code == 200


def test_an_office_the_person_is_not_a_member_of_cannot_be_chosen(client, people, other_office):
    client.force_login(people["requester"])
    response = choose(client, other_office)
    assert response.status_code == 302
    assert SESSION_KEY not in client.session
    assert "ไม่ได้เป็นเจ้าหน้าที่ของสำนักงานนี้" in client.get("/backoffice/").content.decode()
    assert not AuditEvent.objects.filter(action=AuditCode.AUTH_OFFICE_CHOSEN).exists()
    for junk in ("", "abc", "99999999999999999999", "-1"):
        assert client.post("/backoffice/office/", {"office": junk}).status_code == 302


def test_roles_that_need_a_second_factor_in_the_chosen_office_ask_for_it(client, people, other_office, other_people):
    person = people["requester"]  # no privileged role at home: signs in with a password only
    grant(other_office, other_people["admin"], person, [Role.WEBMASTER])
    client.force_login(person)
    assert client.get("/backoffice/").status_code == 200
    choose(client, other_office)
    response = client.get("/backoffice/requests/")
    assert response.status_code == 302 and "/backoffice/2fa/" in response["Location"]


def test_a_membership_that_ended_falls_back_to_the_home_office(client, office, people, other_office, other_people):
    person = people["requester"]
    grant(other_office, other_people["admin"], person, [Role.COMMITTEE])
    make_person(other_office, "other-wm2", roles=["webmaster"])
    client.force_login(person)
    choose(client, other_office)
    assert client.session[SESSION_KEY] == other_office.pk
    services.membership_end(membership=Membership.objects.get(), actor=_acting(other_people["admin"], other_office))
    page = client.get("/backoffice/").content.decode()
    assert office.name_th in page
    assert SESSION_KEY not in client.session


def test_a_notification_of_another_office_opens_in_that_office(client, office, people, other_office, other_people):
    from khaosan.workflow.models import Notification

    there = _request(other_office, other_people["webmaster"], "คำขอของเมือง")
    person = people["webmaster"]
    grant(other_office, other_people["admin"], person, [Role.WEBMASTER])
    told = Notification.objects.create(recipient=person, pub_request=there, subject="มีคำขอใหม่",
                                       message="โปรดตรวจ", url=f"/backoffice/requests/{there.pk}/")  # fmt: skip
    verified_client(client, person)
    assert client.get(f"/backoffice/requests/{there.pk}/").status_code == 404  # working at home
    response = client.get(f"/backoffice/inbox/{told.pk}/")
    assert response.status_code == 302 and response["Location"] == told.url
    assert client.session[SESSION_KEY] == other_office.pk
    page = client.get(told.url)
    assert page.status_code == 200 and f"ขณะนี้ท่านทำงานในนาม {other_office.name_th}" in page.content.decode()
    assert AuditEvent.objects.filter(action=AuditCode.AUTH_OFFICE_CHOSEN, actor=person, office=other_office).exists()

    # Once the place there has ended, the notification says why it cannot be opened, and nothing switches.
    choose(client, office)
    make_person(other_office, "other-wm2", roles=["webmaster"])
    services.membership_end(membership=Membership.objects.get(), actor=_acting(other_people["admin"], other_office))
    response = client.get(f"/backoffice/inbox/{told.pk}/", follow=True)
    assert response.redirect_chain[-1][0] == "/backoffice/inbox/"
    assert "ซึ่งท่านไม่ได้ทำงานอยู่แล้ว" in response.content.decode()
    assert SESSION_KEY not in client.session


def test_the_staff_screen_lists_members_and_grants_with_the_typed_input_kept(
    client, people, other_office, other_people
):
    grant(other_office, other_people["admin"], people["webmaster"], [Role.WEBMASTER])
    verified_client(client, other_people["admin"])
    page = client.get("/backoffice/staff/").content.decode()
    assert "pimchanok" in page and "สำนักงานสาธารณสุขอำเภอบ้านหลวง" in page
    response = client.post("/backoffice/staff/members/", {"username": "somchai", "email": "wrong@example.go.th",
                                                          "roles": ["committee"]})  # fmt: skip
    page = response.content.decode()
    assert response.status_code == 200
    assert "ไม่พบบัญชีที่ใช้งานอยู่" in page and 'value="somchai"' in page and 'value="wrong@example.go.th"' in page
    response = client.post("/backoffice/staff/members/", {"username": "somchai", "email": "somchai@example.go.th",
                                                          "roles": ["committee"]})  # fmt: skip
    assert response.status_code == 302
    assert Membership.objects.filter(staff=people["requester"], office=other_office).exists()
    # An id of another office's membership is not found here.
    foreign = Membership.objects.create(staff=other_people["webmaster"], office=people["admin"].office)
    assert client.post(f"/backoffice/staff/members/{foreign.pk}/end/").status_code == 404
    assert Membership.objects.filter(pk=foreign.pk).exists()


# The provincial view ------------------------------------------------------------------------------------


def _office(slug, parent=None):
    return Office.objects.create(slug=slug, name_th=f"สำนักงาน {slug}", address="น่าน", parent=parent,
                                 hostname=f"{slug}.example.go.th")  # fmt: skip


def test_the_provincial_view_lists_every_office_under_it_with_its_state(client, office, people, clock):
    district = _office("district", parent=office)
    centre = _office("centre", parent=district)
    elsewhere = _office("elsewhere")
    ComplianceSnapshot.objects.create(office=district, date=clock.today, score="72.5",
                                      counts={"current": 30, "stale": 2, "missing": 3})  # fmt: skip
    verified_client(client, people["admin"])
    page = client.get("/backoffice/offices/").content.decode()
    assert district.name_th in page and centre.name_th in page and elsewhere.name_th not in page
    assert "72.5" in page and "ยังไม่มีผลการตรวจ" in page  # the centre has no snapshot yet
    assert 'href="/backoffice/offices/"' in page  # in the menu, since offices are under this one

    verified_client(client, people["requester"])
    assert client.get("/backoffice/offices/").status_code == 403


def test_the_provincial_view_costs_the_same_queries_for_more_offices(client, office, people):
    verified_client(client, people["admin"])
    _office("d1", parent=office)
    with CaptureQueriesContext(connection) as few:
        client.get("/backoffice/offices/")
    for n in range(2, 8):
        _office(f"d{n}", parent=office)
    with CaptureQueriesContext(connection) as many:
        client.get("/backoffice/offices/")
    assert len(many) <= len(few) + 1  # one more step down the tree at most, never one per office


def test_an_office_cannot_be_put_under_itself(office):
    district = _office("district", parent=office)
    office.parent = district
    with pytest.raises(services.ParentLoop):
        services.check_parent(office, district)


def test_an_office_without_offices_under_it_says_so(client, people):
    verified_client(client, people["admin"])
    page = client.get("/backoffice/offices/").content.decode()
    assert "ยังไม่มีสำนักงานในสังกัด" in page
    assert 'href="/backoffice/offices/"' not in page


def test_memberships_are_of_one_office_each(people, other_office):
    Membership.objects.create(staff=people["requester"], office=other_office)
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(staff=people["requester"], office=other_office)


def test_the_demo_office_sits_under_a_province_its_administrator_oversees(client, synced_standard):
    from khaosan.demo import builder
    from khaosan.demo.province import build_province

    office = builder.build_office()
    province = build_province(office)
    assert build_province(office) == province  # again: nothing doubled
    assert Office.objects.get(pk=office.pk).parent == province
    admin = Staff.objects.get(username="admin")
    assert [o.slug for o in offices_of(admin)] == ["banluang", "nan-province"]
    verified_client(client, admin)
    choose(client, province)
    page = client.get("/backoffice/offices/").content.decode()
    assert office.name_th in page and "สำนักงานสาธารณสุขอำเภอท่าวังผา" in page
