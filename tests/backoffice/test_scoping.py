"""Never trust an id from the URL: other units' and offices' objects answer 404 on every screen (IDOR)."""

import pytest

from khaosan.org.models import Delegation, Staff
from khaosan.workflow.models import Notification
from tests.conftest import pdf_bytes, upload
from tests.workflow.conftest import make_person, submitted_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def foreign(other_office, clock):
    """A request, person, item and delegation of another office."""
    from khaosan.catalog.models import Item, Topic
    from khaosan.workflow import services

    stranger = make_person(other_office, "stranger", roles=["approver"])
    second = make_person(other_office, "stranger2")
    pub_request = services.request_create(office=other_office, actor=stranger, title="ของสำนักงานอื่น")
    request_file = services.request_file_add(
        pub_request=pub_request, actor=stranger, upload=upload("x.pdf", pdf_bytes())
    )
    item = Item.objects.create(office=other_office, topic=Topic.objects.get(code="general-news"), title="อื่น")
    delegation = Delegation.objects.create(office=other_office, role="approver", delegator=stranger, delegate=second,
                                           starts_on=clock.today, ends_on=clock.today, reason="ลา")  # fmt: skip
    note = Notification.objects.create(recipient=stranger, subject="ลับ", message="ลับ", url="/")
    return {"request": pub_request, "file": request_file, "person": stranger, "item": item, "delegation": delegation,
            "note": note}  # fmt: skip


def test_a_requester_of_another_unit_cannot_open_a_request_by_its_url(as_person, office, people):
    pub_request = submitted_request(office, people["requester"])
    client = as_person("outsider")  # same office, procurement unit
    for url in (f"/backoffice/requests/{pub_request.pk}/", f"/backoffice/requests/{pub_request.pk}/edit/what/",
                f"/backoffice/requests/{pub_request.pk}/files/{pub_request.files.get().pk}/",
                f"/backoffice/requests/{pub_request.pk}/form.pdf"):  # fmt: skip
        assert client.get(url).status_code == 404, url
    assert (
        client.post(f"/backoffice/requests/{pub_request.pk}/decide/", {"verdict": "approve", "step": 0}).status_code
        == 404
    )
    assert pub_request not in [r for r in client.get("/backoffice/requests/").context["page"].object_list]


def test_a_colleague_of_the_same_unit_may_follow_the_request(as_person, office, people):
    pub_request = submitted_request(office, people["requester"])
    assert as_person("colleague").get(f"/backoffice/requests/{pub_request.pk}/").status_code == 200


def test_nothing_of_another_office_opens_by_guessing_ids(as_person, office, people, foreign):
    client = as_person("admin")
    r, f = foreign["request"].pk, foreign["file"].pk
    gets = [
        f"/backoffice/requests/{r}/", f"/backoffice/requests/{r}/edit/what/", f"/backoffice/requests/{r}/review/",
        f"/backoffice/requests/{r}/files/{f}/", f"/backoffice/requests/{r}/form.pdf", f"/backoffice/requests/{r}/publish/",
        f"/backoffice/items/{foreign['item'].pk}/", f"/backoffice/staff/{foreign['person'].pk}/",
        f"/backoffice/inbox/{foreign['note'].pk}/", f"/backoffice/items/{foreign['item'].pk}/request/withdraw/",
    ]  # fmt: skip
    for url in gets:
        assert client.get(url).status_code in (403, 404), url
    posts = [
        f"/backoffice/requests/{r}/submit/", f"/backoffice/requests/{r}/cancel/", f"/backoffice/requests/{r}/decide/",
        f"/backoffice/requests/{r}/take/", f"/backoffice/requests/{r}/files/", f"/backoffice/requests/{r}/files/{f}/delete/",
        f"/backoffice/items/{foreign['item'].pk}/withdraw/", f"/backoffice/staff/{foreign['person'].pk}/active/",
        f"/backoffice/staff/{foreign['person'].pk}/unlock/", f"/backoffice/staff/{foreign['person'].pk}/reset-2fa/",
        f"/backoffice/delegations/{foreign['delegation'].pk}/revoke/",
    ]  # fmt: skip
    for url in posts:
        assert client.post(url, {"verdict": "approve", "step": 0, "active": "0"}).status_code in (403, 404), url
    foreign["person"].refresh_from_db()
    assert foreign["person"].is_active and foreign["delegation"].__class__.objects.get().revoked_at is None


def test_admin_screens_are_for_administrators_only(as_person, office, people):
    client = as_person("requester")
    for url in ("/backoffice/staff/", "/backoffice/delegations/", "/backoffice/settings/"):
        assert client.get(url).status_code == 403, url


def test_the_last_two_web_masters_cannot_be_removed(as_person, office, people):
    client = as_person("admin")
    response = client.post(f"/backoffice/staff/{people['webmaster'].pk}/active/", {"active": "0"}, follow=True)
    assert "อย่างน้อย 2 คน" in response.content.decode()
    assert Staff.objects.get(pk=people["webmaster"].pk).is_active
