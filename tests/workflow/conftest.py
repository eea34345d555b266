"""People of the test office, each with a role, and a helper to walk a request through the chain."""

import pytest
from django.contrib.auth.models import Group

from khaosan.org.models import Staff, Unit
from khaosan.workflow import services
from tests.conftest import pdf_bytes, topic, upload

PASSWORD = "รหัสผ่านทดสอบยาวพอ-2569"


def make_person(office, username, *, unit_code="admin", roles=(), position="", first_name="", last_name=""):
    unit = Unit.objects.get(office=office, code=unit_code)
    person = Staff.objects.create_user(
        username=username, password=PASSWORD, office=office, unit=unit, email=f"{username}@example.go.th",
        position=position or f"ตำแหน่งของ{username}", first_name=first_name or username, last_name=last_name,
    )  # fmt: skip
    for role in roles:
        person.groups.add(Group.objects.get_or_create(name=role)[0])
    return person


@pytest.fixture
def people(office):
    Unit.objects.create(office=office, code="it", name_th="กลุ่มงานเทคโนโลยีสารสนเทศ")
    return {
        "requester": make_person(office, "somchai", position="นักวิชาการสาธารณสุขชำนาญการ",
                                 first_name="นายสมชาย", last_name="ใจดี"),  # fmt: skip
        "colleague": make_person(office, "malee", first_name="นางมาลี", last_name="ศรีสุข"),
        "outsider": make_person(office, "kanya", unit_code="procurement", first_name="นางสาวกัญญา"),
        "reviewer": make_person(office, "wittaya", unit_code="it", roles=["reviewer"],
                                position="หัวหน้ากลุ่มงานเทคโนโลยีสารสนเทศ", first_name="นายวิทยา", last_name="อินทร์แก้ว"),
        "approver": make_person(office, "prasert", unit_code="admin", roles=["approver"],
                                position="สาธารณสุขอำเภอบ้านหลวง", first_name="นายประเสริฐ", last_name="วงศ์คำ"),
        "webmaster": make_person(office, "pimchanok", unit_code="it", roles=["webmaster"],
                                 position="นักวิชาการคอมพิวเตอร์", first_name="นางสาวพิมพ์ชนก", last_name="แก้วมณี"),
        "webmaster2": make_person(office, "thanakorn", unit_code="it", roles=["webmaster"], first_name="นายธนกร"),
        "committee": make_person(office, "arunee", unit_code="procurement", roles=["committee"], first_name="นางอรุณี"),
        "admin": make_person(office, "teerapong", unit_code="it", roles=["administrator"], first_name="นายธีรพงษ์"),
    }  # fmt: skip


def submitted_request(office, requester, *, title="ประกาศรับสมัครลูกจ้างชั่วคราว", files=True, **fields):
    fields = {
        "topic": topic("job-announcements"), "summary": "รับสมัคร 1 อัตรา", "source": "กลุ่มงานบริหารทั่วไป",
        "rights_confirmed": True, **fields,
    }  # fmt: skip
    pub_request = services.request_create(office=office, actor=requester, title=title, **fields)
    if files:
        services.request_file_add(pub_request=pub_request, actor=requester, upload=upload("ประกาศ.pdf", pdf_bytes()))
    return services.request_submit(pub_request=pub_request, actor=requester)


def approve_all(pub_request, people):
    for role in ("reviewer", "approver"):
        pub_request = services.request_decide(
            pub_request_id=pub_request.pk, actor=people[role], verdict="approve", expected_step=pub_request.step
        )
    return pub_request
