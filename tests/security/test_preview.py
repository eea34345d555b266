"""The web master's preview shows exactly what will be published: sanitised, never the raw body."""

import pytest

from tests.backoffice.conftest import as_person  # noqa: F401  (fixture)
from tests.conftest import topic
from tests.workflow.conftest import approve_all, submitted_request

pytestmark = pytest.mark.django_db

HOSTILE_BODY = (
    '<p>ประกาศ</p><meta http-equiv="refresh" content="0;url=https://evil.example/">'
    '<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">ลิงก์</a>'
)


def test_the_preview_renders_the_sanitised_body(as_person, office, people):
    pub_request = approve_all(submitted_request(office, people["requester"]), people)
    client = as_person("webmaster")
    fields = {"topic": topic("job-announcements").pk, "title": pub_request.title, "summary": "สรุป",
              "body": HOSTILE_BODY, "owner_unit": people["requester"].unit_id, "source": "กลุ่มงานบริหารทั่วไป"}  # fmt: skip
    html = client.post(f"/backoffice/requests/{pub_request.pk}/publish/", {**fields, "preview": "1"}).content.decode()
    assert "<p>ประกาศ</p>" in html
    for hostile in ("http-equiv", "evil.example", "<script>alert", "onerror", "javascript:"):
        assert hostile not in html, hostile
