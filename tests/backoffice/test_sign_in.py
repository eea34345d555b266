"""S-2.7: lockout, no user enumeration, the second factor, sessions, safe redirects."""

import pytest
from django.test import override_settings

from khaosan.audit.models import AuditEvent
from tests.workflow.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def login(client, username, password, next_url=""):
    return client.post("/backoffice/login/", {"username": username, "password": password, "next": next_url})


def test_a_good_password_signs_in_and_is_audited(client, office, people):
    response = login(client, "somchai", PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/backoffice/"
    assert AuditEvent.objects.filter(action="auth.login", actor=people["requester"]).exists()


def test_wrong_username_and_wrong_password_look_the_same(client, office, people):
    unknown = login(client, "nobody-here", "wrong-password-1").content.decode()
    wrong = login(client, "somchai", "wrong-password-1").content.decode()
    assert "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง" in unknown and "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง" in wrong
    assert AuditEvent.objects.filter(action="auth.login_failed").count() == 2


def test_repeated_failures_lock_the_account_with_a_thai_message_until_an_admin_unlocks(client, office, people):
    from tests.backoffice.conftest import verified_client

    for _ in range(5):
        login(client, "somchai", "wrong-password-1")
    locked = login(client, "somchai", PASSWORD)
    assert locked.status_code == 429 and "ระงับการเข้าสู่ระบบชั่วคราว" in locked.content.decode()
    assert AuditEvent.objects.filter(action="auth.locked_out").exists()
    from django.test import Client

    admin = verified_client(Client(REMOTE_ADDR="10.0.0.9"), people["admin"])
    admin.post(f"/backoffice/staff/{people['requester'].pk}/unlock/")
    assert login(Client(REMOTE_ADDR="10.0.0.8"), "somchai", PASSWORD).status_code == 302


def test_failures_from_one_address_lock_that_address(client, office, people):
    for n in range(5):
        login(client, f"guess{n}", "wrong-password-1")
    assert login(client, "somchai", PASSWORD).status_code == 429


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)"])
def test_next_cannot_send_people_to_another_site(client, office, people, target):
    response = login(client, "somchai", PASSWORD, next_url=target)
    assert response["Location"] == "/backoffice/"


def test_a_second_factor_code_is_needed_after_the_password(client, office, people):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.create(user=people["requester"], name="authenticator", confirmed=True)
    login(client, "somchai", PASSWORD)
    response = client.get("/backoffice/requests/")
    assert response.status_code == 302 and response["Location"].startswith("/backoffice/2fa/verify/")
    wrong = client.post("/backoffice/2fa/verify/", {"token": "000000"})
    assert "รหัสไม่ถูกต้อง" in wrong.content.decode()


def test_enrolment_gives_recovery_codes_that_work_once(client, office, people):
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    login(client, "pimchanok", PASSWORD)  # a web master: must enrol
    setup = client.get("/backoffice/2fa/setup/")
    assert "<svg" in setup.content.decode()
    device = TOTPDevice.objects.get(user=people["webmaster"], confirmed=False)
    token = TOTP(device.bin_key).token()
    codes = client.post("/backoffice/2fa/setup/", {"token": f"{token:06d}"}).context["codes"]
    assert len(codes) == 10
    assert AuditEvent.objects.filter(action="auth.2fa_enabled").exists()
    client.logout()
    login(client, "pimchanok", PASSWORD)
    assert client.post("/backoffice/2fa/verify/", {"token": codes[0]}).status_code == 302
    client.logout()
    login(client, "pimchanok", PASSWORD)
    assert client.post("/backoffice/2fa/verify/", {"token": codes[0]}).status_code == 200  # used up


def test_changing_the_password_ends_other_sessions(office, people):
    from django.test import Client

    laptop, phone = Client(), Client()
    login(laptop, "somchai", PASSWORD)
    login(phone, "somchai", PASSWORD)
    laptop.post("/backoffice/password/change/", {"old_password": PASSWORD, "new_password1": "ประโยคใหม่ที่จำง่าย 2570",
                                                  "new_password2": "ประโยคใหม่ที่จำง่าย 2570"})  # fmt: skip
    assert laptop.get("/backoffice/").status_code == 200
    assert phone.get("/backoffice/").status_code == 302


@override_settings(SESSION_COOKIE_AGE=60)
def test_staff_sessions_expire(client, office, people):
    login(client, "somchai", PASSWORD)
    assert client.session.get_expiry_age() <= 60
