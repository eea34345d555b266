"""The attacks a security auditor plays (issue: security): CSRF, XSS, SQL injection, clickjacking, redirects."""

import pytest
from django.test import Client

from khaosan.workflow import services
from tests.conftest import pdf_bytes, topic, upload
from tests.workflow.conftest import NOTHING_FOUND, PASSWORD, approve_all

pytestmark = pytest.mark.django_db

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_a_post_without_a_csrf_token_is_refused(office, people):
    client = Client(enforce_csrf_checks=True)
    client.force_login(people["requester"])
    response = client.post("/backoffice/requests/new/", {"title": "ไม่มีโทเคน"})
    assert response.status_code == 403
    login = Client(enforce_csrf_checks=True).post("/backoffice/login/", {"username": "somchai", "password": PASSWORD})
    assert login.status_code == 403


def test_stored_xss_in_every_text_field_and_file_name_is_escaped_everywhere(client, office, people):
    from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: F401

    pub_request = services.request_create(
        office=office, actor=people["requester"], title=f"ข่าว {XSS}", summary=f"สรุป {XSS}", body=f"<p>เนื้อหา</p>{XSS}",
        topic=topic("general-news"), source=f"แหล่ง {XSS}", remarks=f"หมายเหตุ {XSS}", rights_confirmed=True,
    )  # fmt: skip
    services.request_file_add(
        pub_request=pub_request, actor=people["requester"], upload=upload("ประกาศ & 'ฉบับจริง'.pdf", pdf_bytes())
    )
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="อักขระที่ไม่อนุญาต"):
        services.request_file_add(
            pub_request=pub_request,
            actor=people["requester"],
            upload=upload('x"><img src=x onerror=alert(1)>.pdf', pdf_bytes()),
        )
    services.request_submit(pub_request=pub_request, actor=people["requester"])
    pub_request = approve_all(pub_request, people)
    services.request_publish(pub_request_id=pub_request.pk, actor=people["webmaster"], redaction=NOTHING_FOUND,
                             **services.item_fields_from(pub_request))  # fmt: skip
    pub_request.refresh_from_db()
    item = pub_request.item
    assert "<script" not in item.body and "onerror" not in item.body  # sanitized on the way in
    pages = [item.get_absolute_url(), "/", "/search/?q=ข่าว", "/c/news/general-news/", "/feeds/news/",
             "/feeds/news/atom/"]  # fmt: skip
    for path in pages:
        html = client.get(path).content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html, path
    from tests.backoffice.conftest import verified_client

    staff = verified_client(Client(), people["webmaster"])
    for path in (f"/backoffice/requests/{pub_request.pk}/", "/backoffice/requests/", "/backoffice/inbox/",
                 f"/backoffice/items/{item.pk}/"):  # fmt: skip
        html = staff.get(path).content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html, path


def test_reflected_xss_in_search_and_filters_is_escaped(client, office):
    for path in (f"/search/?q={XSS}", f"/search/?q=x&category={XSS}&year={XSS}", f"/c/news/general-news/?page={XSS}",
                 f"/c/news/general-news/?year={XSS}"):  # fmt: skip
        html = client.get(path).content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html, path


@pytest.mark.parametrize(
    "value", ["' OR '1'='1", "1; DROP TABLE catalog_item; --", '" UNION SELECT password FROM org_staff --', "%' --"]
)
def test_sql_injection_strings_in_search_and_filters_change_nothing(client, office, people, publish, value):
    from khaosan.catalog.models import Item

    publish(title="ข่าวปกติ")
    for path in (f"/search/?q={value}", f"/search/?q=ข่าว&category={value}&year={value}",
                 f"/c/news/general-news/?year={value}"):  # fmt: skip
        assert client.get(path).status_code in (200, 400, 404), path
    from tests.backoffice.conftest import verified_client

    staff = verified_client(Client(), people["committee"])
    response = staff.get("/backoffice/requests/", {"q": value, "state": value, "unit": value, "topic": value,
                                                   "channel": value, "from": value, "to": value})  # fmt: skip
    assert response.status_code == 200
    assert Item.objects.filter(title="ข่าวปกติ").exists()


def test_pages_cannot_be_framed(client, office):
    for path in ("/", "/backoffice/login/"):
        response = client.get(path)
        assert response["X-Frame-Options"] == "DENY"
        assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example", "/\\evil.example"])
def test_the_second_factor_page_does_not_redirect_off_site(client, office, people, target):
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(user=people["requester"], name="a", confirmed=True)
    client.force_login(people["requester"])
    response = client.post("/backoffice/2fa/verify/", {"token": f"{TOTP(device.bin_key).token():06d}", "next": target})
    assert response["Location"] == "/backoffice/"


def test_passwords_are_hashed_with_argon2(people):
    assert people["requester"].password.startswith("argon2")


def test_upload_forms_do_not_redirect_off_site(client, office, people):
    from khaosan.workflow import services as workflow

    pub_request = workflow.request_create(office=office, actor=people["requester"], title="ร่าง")
    client.force_login(people["requester"])
    response = client.post(f"/backoffice/requests/{pub_request.pk}/files/",
                           {"file": upload("ก.pdf", pdf_bytes()), "back": "https://evil.example/"})  # fmt: skip
    assert response["Location"] == f"/backoffice/requests/{pub_request.pk}/edit/what/"
