"""A request for a host this site does not serve answers 400 with a plain Thai page, and one warning."""

import logging

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/", "/search/?q=x", "/backoffice/", "/admin/", "/item/1/", "/nowhere/"])
def test_a_bad_host_header_answers_400_and_logs_a_warning_only(client, office, settings, caplog, path):
    settings.ALLOWED_HOSTS = ["ssobanluang.go.th"]
    with caplog.at_level(logging.INFO):
        response = client.get(path, HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "ไม่พบเว็บไซต์นี้" in response.content.decode()
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert [r for r in caplog.records if r.levelno == logging.WARNING and "evil.example" in r.getMessage()]
