"""Every request leaves a traffic record: who, from where, what, when, how it went (S-2.8, LOG-5, LOG-6, LOG-14)."""

import re

import pytest
from django.conf import settings
from django.test import Client

from khaosan.audit import traffic
from khaosan.audit.models import AuditCode, AuditEvent, TrafficRecord
from khaosan.audit.traffic import mask_url, write_failures

pytestmark = pytest.mark.django_db


def sign_in(client, user):
    """Sign in with the second factor the back-office asks of administrators (S-2.7)."""
    try:
        from tests.backoffice.conftest import verified_client
    except ImportError:
        client.force_login(user)
        return client
    return verified_client(client, user)


def only_record():
    return TrafficRecord.objects.get()


def test_the_traffic_log_is_the_first_middleware_so_it_times_and_sees_everything():
    assert settings.MIDDLEWARE[0] == "khaosan.audit.middleware.TrafficLogMiddleware"


def test_a_request_is_logged_with_time_address_port_url_status_size_agent_and_id(client, office):
    response = client.get(
        "/search/?q=ข่าว", HTTP_USER_AGENT="Mozilla/5.0 " + "x" * 400, REMOTE_ADDR="203.0.113.5", REMOTE_PORT="52344"
    )
    assert response.status_code == 200
    entry = only_record()
    assert (entry.address, entry.port, entry.method, entry.status) == ("203.0.113.5", 52344, "GET", 200)
    assert entry.path == "/search/?q=%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7"
    assert entry.response_bytes == len(response.content)
    assert entry.user_agent.startswith("Mozilla/5.0 ") and len(entry.user_agent) == 300
    assert re.fullmatch(r"[0-9a-f]{32}", entry.request_id) and response["X-Request-ID"] == entry.request_id
    assert entry.at.microsecond % 1000 == 0 and entry.segment == entry.at.date()  # UTC, milliseconds
    assert entry.user_id is None and entry.username == ""
    assert entry.duration_ms >= 0


def test_errors_and_redirects_are_logged_too(client, office):
    client.get("/no-such-page/", REMOTE_ADDR="203.0.113.5")
    client.get("/en", REMOTE_ADDR="203.0.113.5")
    assert sorted(TrafficRecord.objects.values_list("status", flat=True)) == [301, 404]


def test_the_logged_in_user_is_recorded_and_logging_out_is_still_theirs(client, office, django_user_model):
    person = django_user_model.objects.create_user("somchai", password="not-used-here-1")
    client.force_login(person)
    client.get("/", REMOTE_ADDR="203.0.113.5")
    client.post("/backoffice/logout/", REMOTE_ADDR="203.0.113.5")
    assert list(TrafficRecord.objects.order_by("id").values_list("user_id", "username")) == [
        (person.pk, "somchai"),
        (person.pk, "somchai"),
    ]


def test_national_ids_and_secret_parameters_never_reach_the_log(client, office):
    client.get(
        "/search/",
        {"q": "1234567890123", "password": "hunter2", "token": "s3cr3t", "otp": "654321", "page": "2"},
        REMOTE_ADDR="203.0.113.5",
    )
    logged = only_record().path
    for secret in ("1234567890123", "hunter2", "s3cr3t", "654321"):
        assert secret not in logged
    assert "page=2" in logged and "q=*************" in logged


@pytest.mark.parametrize(
    "path, query, expected",
    [
        ("/person/3100501234567/", "", "/person/*************/"),
        ("/search/", "q=1-2345-67890-12-3", "/search/?q=*************"),
        ("/search/", "q=%E0%B9%91%E0%B9%92%E0%B9%93%E0%B9%94%E0%B9%95%E0%B9%96%E0%B9%97%E0%B9%98%E0%B9%99%E0%B9%90"
                     "%E0%B9%91%E0%B9%92%E0%B9%93", "/search/?q=*************"),  # Thai digits
        ("/login/", "next=/&new_password=x&csrfmiddlewaretoken=y",
         "/login/?next=/&new_password=***&csrfmiddlewaretoken=***"),
        ("/search/", "q=0812345678", "/search/?q=0812345678"),  # a phone number is not an ID
    ],
)  # fmt: skip
def test_mask_url(path, query, expected):
    assert mask_url(path, query) == expected


def test_a_forwarded_address_from_an_untrusted_peer_is_ignored(client, office):
    client.get(
        "/", REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR="198.51.100.1", HTTP_X_REAL_PORT="4444",
        HTTP_X_REQUEST_ID="spoofed-request-id",
    )  # fmt: skip
    entry = only_record()
    assert (entry.address, entry.port) == ("203.0.113.5", None)
    assert entry.request_id != "spoofed-request-id"


def test_a_forwarded_address_from_a_trusted_proxy_is_used(client, office, settings):
    settings.KHAOSAN = {**settings.KHAOSAN, "TRUSTED_PROXIES": ["10.0.0.0/8"]}
    client.get(
        "/", REMOTE_ADDR="10.1.2.3", REMOTE_PORT="41000", HTTP_X_FORWARDED_FOR="198.51.100.99, 198.51.100.1, 10.0.0.2",
        HTTP_X_REAL_PORT="51000", HTTP_X_REQUEST_ID="edge-7f3a9c21",
    )  # fmt: skip
    entry = only_record()
    # The rightmost address that is not one of our proxies: anything left of it the client wrote itself.
    assert (entry.address, entry.port, entry.request_id) == ("198.51.100.1", 51000, "edge-7f3a9c21")


def test_a_trusted_proxy_without_a_forwarded_header_is_logged_as_itself(client, office):
    client.get("/", REMOTE_ADDR="127.0.0.1", REMOTE_PORT="41000", HTTP_X_REQUEST_ID="bad id with spaces")
    entry = only_record()
    assert (entry.address, entry.port) == ("127.0.0.1", 41000)
    assert re.fullmatch(r"[0-9a-f]{32}", entry.request_id)


def test_an_ipv4_client_seen_through_a_dual_stack_socket_is_logged_as_ipv4(client, office):
    client.get("/", REMOTE_ADDR="::ffff:203.0.113.5")
    assert only_record().address == "203.0.113.5"


def test_a_failing_log_write_never_breaks_the_response(client, office, monkeypatch, caplog):
    def broken(**fields):
        raise RuntimeError("disk full")

    monkeypatch.setattr(traffic, "traffic_record_write", broken)
    response = client.get("/", REMOTE_ADDR="203.0.113.5")
    assert response.status_code == 200 and response["X-Request-ID"]
    assert "traffic record not written" in caplog.text
    assert write_failures()[0] == 1


def test_a_database_error_in_the_log_write_is_rolled_back_and_counted(client, office, monkeypatch):
    import dataclasses

    from django.db import connection

    # The head cannot be advanced after the record was inserted: the record must not stay behind.
    broken = dataclasses.replace(traffic._statements(connection), advance="UPDATE no_such_table SET x = 1")
    monkeypatch.setattr(traffic, "_statements", lambda connection: broken)
    assert client.get("/", REMOTE_ADDR="203.0.113.5").status_code == 200
    assert client.get("/", REMOTE_ADDR="203.0.113.5").status_code == 200
    monkeypatch.undo()
    assert not TrafficRecord.objects.exists()
    assert write_failures()[0] == 2


def test_only_superusers_see_the_traffic_log_and_every_look_is_recorded(client, office, superuser, django_user_model):
    from django.contrib.auth.models import Permission

    clerk = django_user_model.objects.create_user("clerk", password="not-used-here-1", is_staff=True)
    clerk.user_permissions.add(*Permission.objects.filter(codename__endswith="trafficrecord"))
    client.force_login(clerk)
    assert client.get("/admin/audit/trafficrecord/").status_code == 403

    sign_in(client, superuser)
    response = client.get("/admin/audit/trafficrecord/?status__exact=403", REMOTE_ADDR="203.0.113.5")
    assert response.status_code == 200
    looked = AuditEvent.objects.get(action=AuditCode.TRAFFIC_VIEWED)
    assert looked.actor == superuser and looked.address == "203.0.113.5"
    assert looked.changes["filters"] == {"status__exact": "403"}


def test_the_log_cannot_be_changed_from_the_admin(client, office, superuser):
    sign_in(client, superuser)
    assert client.get("/admin/audit/trafficrecord/add/").status_code == 403
    entry = TrafficRecord.objects.order_by("-id").first()
    assert client.post(f"/admin/audit/trafficrecord/{entry.pk}/delete/").status_code == 403


def test_logging_can_be_switched_off_only_by_the_benchmark_setting(settings, office):
    settings.KHAOSAN = {**settings.KHAOSAN, "TRAFFIC_LOG": False}
    Client().get("/", REMOTE_ADDR="203.0.113.5")  # a new client builds the middleware chain afresh
    assert not TrafficRecord.objects.exists()
