"""Items answering MOIT codes in several quarters of FY2569, one of them published through the whole chain."""

import datetime as dt

import pytest

from khaosan.workflow import services as wf
from khaosan.workflow.models import RequestFile
from tests.backoffice.conftest import as_person  # noqa: F401  (the back-office's signed-in client)
from tests.conftest import pdf_bytes, topic, upload
from tests.workflow.conftest import NOTHING_FOUND

# The moment these tests read the ITA at: 17 June 2026, quarter 3 of FY2569 (pinned, whatever KHAOSAN_TEST_NOW says).
ITA_NOW = dt.datetime(2026, 6, 17, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))


@pytest.fixture(autouse=True)
def _in_quarter_3_of_2569(clock):
    clock.move_to(ITA_NOW)


def published_request(office, people, title, topic_code, *, files=(), memo=None, **fields):
    """A request created, approved by the reviewer and the approver and published by a web master."""
    fields = {"summary": "สรุปรายละเอียดของรายการ", "source": "งานพัสดุ", "rights_confirmed": True, **fields}
    pub_request = wf.request_create(office=office, actor=people["requester"], title=title, topic=topic(topic_code),
                                    **fields)  # fmt: skip
    for name, content in files:
        wf.request_file_add(pub_request=pub_request, actor=people["requester"], upload=upload(name, content))
    if memo is not None:
        wf.request_file_add(pub_request=pub_request, actor=people["requester"], upload=upload(*memo),
                            kind=RequestFile.Kind.MEMO)  # fmt: skip
    pub_request = wf.request_submit(pub_request=pub_request, actor=people["requester"])
    for role in ("reviewer", "approver"):
        pub_request = wf.request_decide(pub_request_id=pub_request.pk, actor=people[role], verdict="approve",
                                        expected_step=pub_request.step)  # fmt: skip
    wf.request_take(pub_request=pub_request, actor=people["webmaster"])
    pub_request.refresh_from_db()
    return wf.request_publish(pub_request_id=pub_request.pk, actor=people["webmaster"], redaction=NOTHING_FOUND,
                              **wf.item_fields_from(pub_request))  # fmt: skip


def month(year, number):
    first = dt.date(year, number, 1)
    last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return {"data_from": first, "data_to": last}


@pytest.fixture
def year_2569(office, other_office, people, publish, clock):
    """FY2569 (the suite's clock is 17 June 2026, quarter 3): evidence in quarters 1, 2 and 3, and some that is not."""
    now = clock.now
    items = {
        "oct": publish("procurement-summary", "สรุปผลการจัดซื้อจัดจ้าง ตุลาคม 2568", **month(2025, 10)),
        "nov": publish("procurement-summary", "สรุปผลการจัดซื้อจัดจ้าง พฤศจิกายน 2568", **month(2025, 11)),
        "jan": publish("procurement-summary", "สรุปผลการจัดซื้อจัดจ้าง มกราคม 2569", **month(2026, 1)),
        "executives": publish("executives", "ทำเนียบผู้บริหาร", at=dt.datetime(2024, 5, 2, 9, tzinfo=dt.UTC)),
        "expired": publish("procurement-summary", "สรุปผลการจัดซื้อจัดจ้าง ธันวาคม 2568 (หมดอายุแล้ว)",
                           at=now - dt.timedelta(days=30), expire_at=now - dt.timedelta(days=1), **month(2025, 12)),
        "theirs": publish("procurement-summary", "สรุปผลการจัดซื้อจัดจ้างของสำนักงานอื่น", office=other_office,
                          **month(2025, 10)),
        "last-year": publish("procurement-summary", "สรุปผลการจัดซื้อจัดจ้าง กันยายน 2568", **month(2025, 9)),
    }  # fmt: skip
    progress = published_request(
        office, people, "รายงานผลการจัดซื้อจัดจ้างตามแผน ไตรมาส 2/2569", "procurement-progress",
        files=[("รายงานไตรมาส2.pdf", pdf_bytes(2))], data_from=dt.date(2026, 1, 1), data_to=dt.date(2026, 3, 31),
    )  # fmt: skip
    items["progress"] = progress.item
    items["progress-request"] = progress
    return items
