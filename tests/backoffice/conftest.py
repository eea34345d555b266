import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice


def verified_client(client, user):
    """Sign `user` in with a second factor, as the back-office requires for privileged roles."""
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    token = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()
    response = client.post("/backoffice/2fa/verify/", {"token": f"{token:06d}", "next": "/backoffice/"})
    assert response.status_code == 302, response.content.decode()[:500]
    return client


@pytest.fixture
def as_person(client, people):
    def sign_in(role):
        return verified_client(client, people[role])

    return sign_in
