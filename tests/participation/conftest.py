"""People named to handle complaints, and helpers to file cases as a citizen would."""

import re

import pytest

from khaosan.participation import services
from khaosan.participation.models import Stream
from tests.backoffice.conftest import as_person, verified_client  # noqa: F401  (fixtures shared with the back-office)

COMPLAINT = {
    "kind": "delay", "subject": "รอรับบริการนานเกินสามชั่วโมง",
    "detail": "วันที่ 15 มิถุนายน ไปรับบริการที่ รพ.สต.ป่าคาหลวง รอตั้งแต่เก้าโมงเช้าจนถึงเที่ยงโดยไม่มีผู้ใดแจ้งเหตุผล",
    "name": "นายประชา ราษฎร์ดี", "phone": "081 234 5678", "email": "pracha@example.com",
    "address": "12 หมู่ 4 ตำบลป่าคาหลวง", "truthful": "on",
}  # fmt: skip
CORRUPTION = {
    "kind": "bribery", "subject": "เรียกเงินเพื่อออกใบรับรอง",
    "detail": "เจ้าหน้าที่ชื่อนายสมมุติ เรียกเงินห้าร้อยบาทเพื่อออกใบรับรองแพทย์ให้เร็วขึ้น เมื่อต้นเดือนนี้",
    "anonymous": "on", "truthful": "on",
}  # fmt: skip
CODE = re.compile(r"data-tracking-code>([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})<")


@pytest.fixture
def handlers(office, people):
    """somchai handles the service stream, malee the corruption stream (named by the administrator)."""
    admin = people["admin"]
    services.handler_add(office=office, actor=admin, staff=people["requester"], stream=Stream.SERVICE)
    services.handler_add(office=office, actor=admin, staff=people["colleague"], stream=Stream.CORRUPTION)
    return {"service": people["requester"], "corruption": people["colleague"]}


def code_in(response):
    match = CODE.search(response.content.decode())
    assert match, response.content.decode()[:3000]
    return match.group(1)


def complaint(office, stream=Stream.SERVICE, **fields):
    """File a complaint through the service; return (complaint, code)."""
    base = {k: v for k, v in (COMPLAINT if stream == Stream.SERVICE else CORRUPTION).items() if k != "truthful"}
    base = {k: (v == "on") if k == "anonymous" else v for k, v in base.items()}
    filed = services.complaint_file(office=office, stream=stream, **(base | fields))
    return filed.case, filed.code
