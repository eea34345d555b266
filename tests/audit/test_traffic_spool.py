"""KHAOSAN_TRAFFIC_SPOOL: each request appended to a file in one write, chained by the follower, nothing lost."""

import json

import pytest
from django.core.management import call_command

from khaosan.audit import follower
from khaosan.audit.models import TrafficRecord
from khaosan.audit.traffic import traffic_verify

pytestmark = pytest.mark.django_db


@pytest.fixture
def spool(settings, tmp_path):
    path = tmp_path / "traffic-spool.json"
    settings.KHAOSAN = {**settings.KHAOSAN, "TRAFFIC_SPOOL": str(path)}
    return path


def test_a_request_goes_to_the_spool_and_the_follower_chains_it_with_who_was_signed_in(client, spool, people):
    client.force_login(people["requester"])
    response = client.get("/backoffice/", HTTP_USER_AGENT="Mozilla/5.0 (Android 14)", REMOTE_ADDR="203.0.113.5")
    assert response.status_code == 200
    client.get("/search/?q=วัคซีน&password=secret")
    assert not TrafficRecord.objects.exists()  # nothing written to the database by the request itself
    lines = [json.loads(line) for line in spool.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 2 and lines[0]["id"] == response["X-Request-ID"]

    result = follower.follow_once(spool, rotate_at=follower.SPOOL_ROTATE_BYTES)
    assert (result.written, result.skipped, result.malformed) == (2, 0, 0)
    first, search = TrafficRecord.objects.order_by("seq")
    assert (first.path, first.status, first.address, first.user_id, first.username) == (
        "/backoffice/", 200, "203.0.113.5", people["requester"].pk, "somchai"
    )  # fmt: skip
    assert first.request_id == response["X-Request-ID"] and first.user_agent == "Mozilla/5.0 (Android 14)"
    assert first.response_bytes == len(response.content)
    assert "secret" not in search.path and "วัคซีน" not in search.path  # masked and quoted as always
    assert traffic_verify().ok
    assert follower.follow_once(spool).written == 0  # each line once


def test_a_spool_that_cannot_be_written_sends_the_record_straight_into_the_chain(
    client, office, settings, tmp_path, caplog
):
    settings.KHAOSAN = {**settings.KHAOSAN, "TRAFFIC_SPOOL": str(tmp_path / "no-such-folder" / "spool.json")}
    assert client.get("/").status_code == 200
    assert TrafficRecord.objects.filter(path="/").count() == 1
    assert "traffic spool" in caplog.text


def test_the_follower_turns_a_long_spool_over_and_loses_no_line_written_meanwhile(client, office, spool):
    client.get("/")
    follower.follow_once(spool, rotate_at=1)  # read to its end and long enough: turned over
    assert spool.exists() and spool.stat().st_size == 0
    assert spool.with_name(spool.name + ".1").read_text().count("\n") == 1
    with open(f"{spool}.1", "a", encoding="utf-8") as late:  # a worker that opened the old file just before
        late.write(spool.with_name(spool.name + ".1").read_text().replace('"/"', '"/late"'))
    client.get("/contact/")
    result = follower.follow_once(spool, rotate_at=1)
    assert result.written == 2
    assert sorted(TrafficRecord.objects.values_list("path", flat=True)) == ["/", "/contact/", "/late"]
    assert traffic_verify().ok


def test_the_command_follows_a_spool_and_asks_for_something_to_follow(client, office, spool, capsys):
    client.get("/")
    call_command("traffic", "follow", "--spool", str(spool), "--once")
    assert "1 written" in capsys.readouterr().out
    with pytest.raises(Exception, match="--spool"):
        call_command("traffic", "follow", "--once")
