"""The publication workflow as its users live it (S-G.3 – S-G.5, S-2.1 – S-2.3)."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from khaosan.catalog import selectors as catalog
from khaosan.org.models import Delegation
from khaosan.workflow import services
from khaosan.workflow.models import Channel, Notification, State
from khaosan.workflow.permissions import AlreadyDecided, NotAllowed
from khaosan.workflow.redaction import scan
from khaosan.workflow.selectors import awaiting, late, timeline
from tests.conftest import pdf_bytes, topic, upload
from tests.workflow.conftest import NOTHING_FOUND, approve_all, submitted_request

pytestmark = pytest.mark.django_db


def inbox(person):
    return list(Notification.objects.filter(recipient=person).values_list("subject", flat=True))


def test_a_submitted_request_waits_for_the_reviewer_then_the_approver(office, people):
    pub_request = submitted_request(office, people["requester"])
    assert pub_request.state == State.IN_REVIEW and pub_request.awaiting_role == "reviewer"
    assert pub_request in awaiting(people["reviewer"]) and pub_request not in awaiting(people["approver"])
    assert any("รอการพิจารณา" in s for s in inbox(people["reviewer"]))
    pub_request = services.request_decide(pub_request_id=pub_request.pk, actor=people["reviewer"], verdict="approve",
                                          expected_step=0)  # fmt: skip
    assert pub_request.awaiting_role == "approver" and pub_request in awaiting(people["approver"])


def test_return_needs_a_reason_and_the_requester_sees_it(office, people):
    pub_request = submitted_request(office, people["requester"])
    with pytest.raises(ValidationError):
        services.request_decide(pub_request_id=pub_request.pk, actor=people["reviewer"], verdict="return")
    pub_request = services.request_decide(
        pub_request_id=pub_request.pk, actor=people["reviewer"], verdict="return", reason_code="incomplete",
        reason="โปรดแนบประกาศฉบับลงนามแล้ว",
    )  # fmt: skip
    assert pub_request.state == State.RETURNED
    message = Notification.objects.get(recipient=people["requester"]).message
    assert "โปรดแนบประกาศฉบับลงนามแล้ว" in message and "ข้อมูลไม่ครบถ้วน" in message


def test_the_requester_fixes_and_resubmits_and_the_chain_starts_again(office, people):
    pub_request = submitted_request(office, people["requester"])
    services.request_decide(pub_request_id=pub_request.pk, actor=people["reviewer"], verdict="return",
                            reason_code="file_format")  # fmt: skip
    services.request_update(pub_request=pub_request, actor=people["requester"], summary="แก้ไขแล้ว")
    pub_request = services.request_submit(pub_request=pub_request, actor=people["requester"])
    assert (pub_request.state, pub_request.step) == (State.IN_REVIEW, 0)


def test_final_approval_sets_a_deadline_of_three_working_days(office, people, clock):
    clock.move_to("2026-06-17T10:00")  # a Wednesday
    pub_request = approve_all(submitted_request(office, people["requester"]), people)
    assert pub_request.state == State.APPROVED
    assert pub_request.due_on == dt.date(2026, 6, 22)  # Thursday, Friday, then Monday
    assert pub_request in awaiting(people["webmaster"])
    assert any("รอเผยแพร่ภายใน" in s for s in inbox(people["webmaster2"]))


def test_an_approval_on_the_friday_before_songkran_is_due_after_the_holiday(office, people, clock):
    clock.move_to("2027-04-09T10:00")  # Songkran: Tuesday 13 – Thursday 15 April 2027
    pub_request = approve_all(submitted_request(office, people["requester"]), people)
    assert pub_request.due_on == dt.date(2027, 4, 19)  # Monday 12, Friday 16, Monday 19


def test_the_deadline_counts_from_the_bangkok_date_of_the_approval(office, people, clock):
    clock.move_to("2026-06-19T18:30:00+00:00")  # Friday in UTC, already Saturday 01:30 in Bangkok
    pub_request = approve_all(submitted_request(office, people["requester"]), people)
    assert pub_request.due_on == dt.date(2026, 6, 24)  # Monday, Tuesday, Wednesday


def test_publishing_makes_the_item_public_with_provenance_and_tells_everyone(
    office, people, django_capture_on_commit_callbacks
):
    pub_request = approve_all(submitted_request(office, people["requester"]), people)
    fields = services.item_fields_from(pub_request)
    with django_capture_on_commit_callbacks(execute=True):
        pub_request = services.request_publish(pub_request_id=pub_request.pk, actor=people["webmaster"],
                                               redaction=NOTHING_FOUND, **fields)  # fmt: skip
    item = pub_request.item
    assert pub_request.state == State.PUBLISHED
    assert item in catalog.public_items(office)
    assert item.owner_unit == people["requester"].unit and item.source == "กลุ่มงานบริหารทั่วไป"
    assert item.attachments.get().original_name == "ประกาศ.pdf"
    assert item.requests.get() == pub_request
    assert item.expire_at is not None  # job announcements expire by default (the topic's rule)
    for person in ("requester", "reviewer", "approver"):
        assert any(s.startswith("เผยแพร่แล้ว") for s in inbox(people[person])), person
    assert any(item.get_absolute_url() in m.body for m in mail.outbox if m.to == [people["requester"].email])


def test_publishing_with_findings_needs_a_note(office, people):
    pub_request = approve_all(submitted_request(office, people["requester"]), people)
    report = scan(texts=[("สรุป", "ติดต่อ 081-234-5678")])
    with pytest.raises(ValidationError, match="พบข้อมูลที่อาจเป็นข้อมูลส่วนบุคคล 1 จุด"):
        services.request_publish(pub_request_id=pub_request.pk, actor=people["webmaster"], redaction=report,
                                 **services.item_fields_from(pub_request))  # fmt: skip
    pub_request = services.request_publish(
        pub_request_id=pub_request.pk, actor=people["webmaster"], redaction=report,
        redaction_note="เบอร์โทรศัพท์เป็นของสำนักงาน เผยแพร่ได้", **services.item_fields_from(pub_request),
    )  # fmt: skip
    assert pub_request.redaction_note == (
        "ระบบตรวจข้อความแล้ว: สรุป; พบข้อมูลที่อาจเป็นข้อมูลส่วนบุคคล 1 จุด; เหตุผลของผู้ดูแลเว็บไซต์: เบอร์โทรศัพท์เป็นของสำนักงาน เผยแพร่ได้"
    )


def test_a_file_the_check_could_not_read_needs_a_confirmation_not_a_note(office, people):
    pub_request = approve_all(submitted_request(office, people["requester"]), people)  # ประกาศ.pdf is a blank page
    report = scan(texts=[("สรุป", pub_request.summary)], files=[("ประกาศ.pdf", "pdf", pdf_bytes())])
    assert not report.findings and not report.complete
    with pytest.raises(ValidationError) as refused:
        services.request_publish(pub_request_id=pub_request.pk, actor=people["webmaster"], redaction=report,
                                 **services.item_fields_from(pub_request))  # fmt: skip
    assert list(refused.value.message_dict) == ["redaction_checked"]
    assert "ประกาศ.pdf" in refused.value.message_dict["redaction_checked"][0]
    pub_request = services.request_publish(pub_request_id=pub_request.pk, actor=people["webmaster"], redaction=report,
                                           redaction_checked=True, **services.item_fields_from(pub_request))  # fmt: skip
    assert pub_request.state == State.PUBLISHED
    assert pub_request.redaction_note == (
        "ระบบตรวจข้อความแล้ว: สรุป; ระบบตรวจไม่ได้: ประกาศ.pdf (PDF ไม่มีชั้นข้อความ (อาจเป็นเอกสารสแกน) ระบบตรวจอัตโนมัติไม่ได้ "
        "โปรดตรวจด้วยตนเอง); ไม่พบข้อมูลส่วนบุคคลในส่วนที่ระบบตรวจได้; "
        "ผู้ดูแลเว็บไซต์ยืนยันว่าตรวจส่วนที่ระบบตรวจไม่ได้ด้วยตนเองแล้ว"
    )
    event = timeline(pub_request).get(action="request.published")
    assert event.changes["redaction_findings"] == 0 and event.changes["redaction_unchecked"] == ["ประกาศ.pdf"]


def test_a_check_that_read_everything_and_found_nothing_publishes_without_a_note(office, people):
    pub_request = approve_all(submitted_request(office, people["requester"]), people)
    report = scan(texts=[("สรุป", pub_request.summary)])
    pub_request = services.request_publish(pub_request_id=pub_request.pk, actor=people["webmaster"], redaction=report,
                                           **services.item_fields_from(pub_request))  # fmt: skip
    assert pub_request.redaction_note == "ระบบตรวจข้อความแล้ว: สรุป; ตรวจแล้ว ไม่พบข้อมูลส่วนบุคคล"


def test_refusal_ends_the_request_with_its_reason(office, people):
    pub_request = submitted_request(office, people["requester"])
    pub_request = services.request_decide(pub_request_id=pub_request.pk, actor=people["reviewer"], verdict="refuse",
                                          reason_code="not_mission")  # fmt: skip
    assert pub_request.state == State.REFUSED
    assert "ไม่ตรงหรือไม่เกี่ยวข้องกับภารกิจของหน่วยงาน" in Notification.objects.get(recipient=people["requester"]).message
    with pytest.raises(NotAllowed):
        services.request_update(pub_request=pub_request, actor=people["requester"], title="ลองใหม่")


def test_nobody_decides_on_their_own_request(office, people):
    pub_request = submitted_request(office, people["reviewer"], title="คำขอของหัวหน้ากลุ่มงาน")
    with pytest.raises(NotAllowed, match="ของตนเอง"):
        services.request_decide(pub_request_id=pub_request.pk, actor=people["reviewer"], verdict="approve")
    assert pub_request not in awaiting(people["reviewer"])


def test_only_the_role_of_the_current_step_decides(office, people):
    pub_request = submitted_request(office, people["requester"])
    with pytest.raises(NotAllowed):
        services.request_decide(pub_request_id=pub_request.pk, actor=people["approver"], verdict="approve")
    with pytest.raises(NotAllowed):
        services.request_decide(pub_request_id=pub_request.pk, actor=people["webmaster"], verdict="approve")


def test_two_people_deciding_at_once_one_wins_and_the_other_is_told(office, people):
    from tests.workflow.conftest import make_person

    second_reviewer = make_person(office, "second", unit_code="it", roles=["reviewer"], first_name="นายสอง")
    pub_request = submitted_request(office, people["requester"])
    seen_step = pub_request.step
    services.request_decide(pub_request_id=pub_request.pk, actor=people["reviewer"], verdict="approve",
                            expected_step=seen_step)  # fmt: skip
    with pytest.raises(AlreadyDecided, match="มีผู้พิจารณาไปแล้ว"):
        services.request_decide(pub_request_id=pub_request.pk, actor=second_reviewer, verdict="refuse",
                                reason_code="other", reason="ไม่เห็นด้วย", expected_step=seen_step)  # fmt: skip
    assert pub_request.decisions.count() == 1


def test_a_delegate_approves_in_the_executives_place(office, people, clock):
    deputy = people["colleague"]
    Delegation.objects.create(office=office, role="approver", delegator=people["approver"], delegate=deputy,
                              starts_on=clock.today, ends_on=clock.today, reason="ไปราชการ")  # fmt: skip
    pub_request = submitted_request(office, people["requester"])
    services.request_decide(pub_request_id=pub_request.pk, actor=people["reviewer"], verdict="approve")
    pub_request = services.request_decide(pub_request_id=pub_request.pk, actor=deputy, verdict="approve")
    assert pub_request.state == State.APPROVED
    assert pub_request.decisions.last().delegation is not None


def test_an_expired_delegation_gives_no_power(office, people, clock):
    yesterday = clock.today - dt.timedelta(days=1)
    Delegation.objects.create(office=office, role="approver", delegator=people["approver"], delegate=people["colleague"],
                              starts_on=yesterday, ends_on=yesterday, reason="ไปราชการ")  # fmt: skip
    pub_request = submitted_request(office, people["requester"])
    services.request_decide(pub_request_id=pub_request.pk, actor=people["reviewer"], verdict="approve")
    with pytest.raises(NotAllowed):
        services.request_decide(pub_request_id=pub_request.pk, actor=people["colleague"], verdict="approve")


def test_a_request_cannot_be_submitted_incomplete(office, people):
    pub_request = services.request_create(office=office, actor=people["requester"], title="ยังไม่ครบ")
    with pytest.raises(ValidationError) as error:
        services.request_submit(pub_request=pub_request, actor=people["requester"])
    assert "หัวข้อที่จะเผยแพร่" in error.value.messages[0] and "ลิขสิทธิ์" in error.value.messages[0]


def test_a_refused_upload_leaves_no_file(office, people):
    pub_request = services.request_create(office=office, actor=people["requester"], title="ข่าว")
    with pytest.raises(ValidationError, match="ไม่รับไฟล์ชนิด"):
        services.request_file_add(pub_request=pub_request, actor=people["requester"], upload=upload("x.exe", b"MZ"))
    assert not pub_request.files.exists()


def test_a_letter_from_another_agency_is_registered_and_reviewed(office, people, django_capture_on_commit_callbacks):
    from khaosan.org.models import Unit

    agency = Unit.objects.create(office=office, code="pho-nan", kind="external", name_th="สำนักงานสาธารณสุขจังหวัดน่าน")
    pub_request = services.request_register_and_submit(
        office=office, actor=people["webmaster"], channel=Channel.LETTER, letter_number="นน 0032.004/ว 1234",
        letter_date=dt.date(2026, 11, 20), requester_name="นางสาวรัตนา คำมา", requester_position="นักวิชาการสาธารณสุข",
        requester_unit=agency, requester_contact="0 5471 0000 ratana@example.go.th", title="ประชาสัมพันธ์วันเอดส์โลก",
        summary="ขอความอนุเคราะห์ประชาสัมพันธ์", topic=topic("external-agency-info"), source="สสจ.น่าน",
        rights_confirmed=True, content_files=[upload("โปสเตอร์.pdf", pdf_bytes())],
        letter_files=[upload("หนังสือ.pdf", pdf_bytes())],
    )  # fmt: skip
    assert pub_request.state == State.IN_REVIEW and pub_request.registered_by == people["webmaster"]
    assert sorted(pub_request.files.values_list("kind", flat=True)) == ["content", "letter"]
    with pytest.raises(NotAllowed):  # the one who registered it does not also decide it
        services.request_decide(pub_request_id=pub_request.pk, actor=people["webmaster"], verdict="approve")
    with django_capture_on_commit_callbacks(execute=True):
        services.request_decide(pub_request_id=pub_request.pk, actor=people["reviewer"], verdict="return",
                                reason_code="incomplete", reason="ขอไฟล์ความละเอียดสูง")  # fmt: skip
    assert any(m.to == ["ratana@example.go.th"] and "ขอไฟล์ความละเอียดสูง" in m.body for m in mail.outbox)


def test_a_registration_with_a_bad_file_leaves_nothing(office, people):
    from khaosan.workflow.models import PublicationRequest

    with pytest.raises(ValidationError):
        services.request_register_and_submit(
            office=office, actor=people["webmaster"], channel=Channel.EMAIL, requester_name="ผู้ขอ",
            requester_unit=people["requester"].unit, title="เรื่อง", topic=topic("general-news"), source="ที่มา",
            rights_confirmed=True, content_files=[upload("x.pdf", b"<html>")],
        )  # fmt: skip
    assert not PublicationRequest.objects.exists()


def test_a_request_is_late_from_the_day_after_its_deadline_in_bangkok(office, people, clock):
    clock.move_to("2026-06-17T10:00")
    pub_request = approve_all(submitted_request(office, people["requester"]), people)
    assert pub_request.due_on == dt.date(2026, 6, 22)
    clock.move_to("2026-06-22T23:59")
    assert pub_request not in late(people["webmaster"])
    clock.move_to("2026-06-22T17:30:00+00:00")  # still 22 June in UTC, 23 June 00:30 in Bangkok
    assert pub_request in late(people["webmaster"])


def test_replacing_a_published_item_keeps_the_old_version(office, people, publish):
    from khaosan.workflow.models import Action

    item = publish("annual-plan", "แผนปฏิบัติราชการ ฉบับเดิม", source="กลุ่มงานบริหารทั่วไป",
                   owner_unit=people["requester"].unit, files=[upload("เดิม.pdf", pdf_bytes())])  # fmt: skip
    pub_request = services.request_create(office=office, actor=people["requester"], action=Action.REPLACE,
                                          target_item=item, title="แผนปฏิบัติราชการ ฉบับปรับปรุง", topic=item.topic,
                                          source=item.source, rights_confirmed=True)  # fmt: skip
    services.request_file_add(
        pub_request=pub_request, actor=people["requester"], upload=upload("ใหม่.pdf", pdf_bytes(2))
    )
    services.request_submit(pub_request=pub_request, actor=people["requester"])
    pub_request = approve_all(pub_request, people)
    services.request_publish(pub_request_id=pub_request.pk, actor=people["webmaster"], redaction=NOTHING_FOUND,
                             **services.item_fields_from(pub_request))  # fmt: skip
    item.refresh_from_db()
    assert item.title == "แผนปฏิบัติราชการ ฉบับปรับปรุง"
    assert [a.original_name for a in item.attachments.all()] == ["ใหม่.pdf"]
    old = item.versions.filter(snapshot__title="แผนปฏิบัติราชการ ฉบับเดิม").get()
    assert old.snapshot["files"][0]["name"] == "เดิม.pdf"


def test_withdrawing_through_the_chain_archives_the_item(office, people, publish, client):
    from khaosan.workflow.models import Action

    item = publish("general-news", "ข่าวที่ต้องถอน")
    pub_request = services.request_create(office=office, actor=people["requester"], action=Action.WITHDRAW,
                                          target_item=item, title=item.title, summary="ข้อมูลคลาดเคลื่อน")  # fmt: skip
    services.request_submit(pub_request=pub_request, actor=people["requester"])
    pub_request = approve_all(pub_request, people)
    services.request_publish(pub_request_id=pub_request.pk, actor=people["webmaster"], redaction=NOTHING_FOUND,
                             **services.item_fields_from(pub_request))  # fmt: skip
    item.refresh_from_db()
    assert item.status == "withdrawn" and item.withdrawn_reason == "ข้อมูลคลาดเคลื่อน"
    assert client.get(item.get_absolute_url()).status_code == 410


def test_every_transition_is_in_the_timeline(office, people):
    pub_request = approve_all(submitted_request(office, people["requester"]), people)
    actions = [event.action for event in timeline(pub_request)]
    assert actions == ["request.created", "request.file_added", "request.submitted", "request.decided",
                       "request.decided"]  # fmt: skip


def test_a_registration_with_the_same_file_chosen_twice_keeps_it_once(office, people):
    pub_request = services.request_register_and_submit(
        office=office, actor=people["webmaster"], channel=Channel.EMAIL, requester_name="ผู้ขอ",
        requester_unit=people["requester"].unit, title="เรื่อง", topic=topic("general-news"), source="ที่มา",
        rights_confirmed=True, content_files=[upload("a.pdf", pdf_bytes()), upload("a (1).pdf", pdf_bytes())],
    )  # fmt: skip
    assert list(pub_request.files.values_list("original_name", flat=True)) == ["a.pdf"]
