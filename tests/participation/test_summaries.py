"""MOIT 10: quarterly and yearly complaint summaries, counts only, published through the request chain."""

import io

import pytest
from pypdf import PdfReader

from khaosan.errors import NotAllowed
from khaosan.participation import services
from khaosan.participation.models import Outcome, Stream
from khaosan.participation.summaries import summary_counts, summary_html, summary_pdf
from khaosan.thai.dates import period_of
from khaosan.workflow.models import PublicationRequest, State
from tests.participation.conftest import complaint, verified_client

pytestmark = pytest.mark.django_db

Q3 = period_of("quarter", __import__("datetime").date(2026, 4, 1))  # ไตรมาส 3/2569: 1 April – 30 June 2026


@pytest.fixture
def quarter(office, handlers, clock):
    """Complaints around ไตรมาส 3/2569, made at their own moments; returns them by letter."""
    made = {}
    clock.move_to("2026-03-20 09:00")
    made["C"], _ = complaint(office, kind="conduct", name="นางสาวซี ก่อนไตรมาส", phone="0899999999")
    clock.move_to("2026-04-01 09:00")
    made["A"], _ = complaint(office, name="นายเอ ในไตรมาส", email="a.person@example.com")
    clock.move_to("2026-04-03 15:00")
    services.case_close(case=made["C"], actor=handlers["service"], outcome=Outcome.EXPLAINED, reply="ชี้แจงแล้ว")
    clock.move_to("2026-04-08 11:00")
    services.case_close(case=made["A"], actor=handlers["service"], outcome=Outcome.RESOLVED, reply="แก้ไขแล้ว")
    clock.move_to("2026-05-11 10:00")
    made["B"], _ = complaint(office, kind="conduct", name="นายบี ยังไม่ปิด", subject="เจ้าหน้าที่พูดจาไม่สุภาพกับผู้สูงอายุ")
    clock.move_to("2026-05-05 10:00")
    made["D"], _ = complaint(office, Stream.CORRUPTION, detail="นายทุจริต ตัวอย่าง เรียกเงินจากผู้ป่วยรายละห้าร้อยบาท")
    services.feedback_give(office=office, name="ผู้ให้ความเห็น", detail="อยากให้มีบริการนอกเวลา")
    clock.move_to("2026-06-17 10:00")
    return made


def test_the_counts_by_stream_kind_status_outcome_and_time_to_close(office, quarter):
    counts = summary_counts(office, Q3)
    service, corruption = counts.streams
    assert (service.received, service.closed, service.open_at_end, service.closed_on_time) == (2, 2, 1, 2)
    # A: 1 → 8 April, 6 April (Chakri Day) not counted = 4; C: 20 March → 3 April = 10 working days.
    assert (service.average_days, service.longest_days) == (7.0, 10)
    assert dict(service.by_kind) == {"คุณภาพหรือขั้นตอนการให้บริการ": 0, "พฤติกรรมหรือการปฏิบัติตนของเจ้าหน้าที่": 1,
                                     "ความล่าช้าในการให้บริการ": 1, "สถานที่และสิ่งอำนวยความสะดวก": 0,
                                     "เรื่องอื่นเกี่ยวกับการให้บริการ": 0}  # fmt: skip
    assert (
        dict(service.by_status)["ดำเนินการเสร็จสิ้น"] == 1 and dict(service.by_status)["ได้รับเรื่องแล้ว รอเจ้าหน้าที่รับเรื่อง"] == 1
    )
    assert dict(service.by_outcome)["ดำเนินการแก้ไขแล้ว"] == 1 and dict(service.by_outcome)["ชี้แจงข้อเท็จจริงแล้ว"] == 1
    assert (corruption.received, corruption.closed, corruption.open_at_end) == (1, 0, 1)
    assert dict(corruption.by_kind)["เรียกรับเงินหรือผลประโยชน์"] == 1
    assert (counts.feedback_received, counts.questions_received) == (1, 0)


PERSONAL = ["นางสาวซี", "นายเอ", "a.person@example.com", "0899999999", "081 234 5678", "pracha@example.com",
            "นายประชา", "นายบี", "พูดจาไม่สุภาพ", "นายทุจริต", "ห้าร้อยบาท", "รอรับบริการนาน", "ผู้ให้ความเห็น",
            "ตำบลป่าคาหลวง"]  # fmt: skip


def test_the_published_summary_contains_no_personal_data(office, quarter):
    from khaosan.workflow.redaction import scan

    html = summary_html(office, Q3)
    pdf = summary_pdf(office, Q3)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    for private in PERSONAL:
        assert private not in html, private
        assert private not in text, private
    assert "ไตรมาส 3/2569" in html and "เรื่องร้องเรียนการทุจริตและประพฤติมิชอบ" in html
    report = scan(files=[("summary.pdf", "pdf", pdf)], allowed=office.public_contacts())
    assert not report.findings and report.complete


def test_a_period_without_complaints_says_so(office, handlers):
    html = summary_html(office, period_of("quarter", __import__("datetime").date(2025, 10, 1)))
    assert html.count("ไม่มีเรื่องร้องเรียนประเภทนี้") == 2


def test_the_summary_goes_through_the_normal_request_chain_on_its_topic(client, office, people, quarter, handlers):
    staff = verified_client(client, handlers["service"])
    response = staff.post("/backoffice/participation/summaries/", {"kind": "quarter", "fiscal_year": 2569, "number": 3})
    pub_request = PublicationRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == pub_request.get_absolute_url()
    assert pub_request.topic.code == "complaint-summary" and pub_request.state == State.IN_REVIEW
    assert pub_request.title == "สรุปผลการดำเนินงานเรื่องร้องเรียน ไตรมาส 3/2569"
    assert (pub_request.data_from.isoformat(), pub_request.data_to.isoformat()) == ("2026-04-01", "2026-06-17")
    (pdf,) = pub_request.content_files
    assert pdf.extension == "pdf" and pdf.original_name == "สรุปผลเรื่องร้องเรียน ไตรมาส 3-2569.pdf"
    assert "ได้รับเรื่องร้องเรียนการให้บริการหรือการปฏิบัติงานของเจ้าหน้าที่ 2 เรื่อง" in pub_request.summary
    assert pub_request.awaiting_role == "reviewer"


def test_only_administrators_and_named_handlers_make_summaries(client, office, people, handlers):
    with pytest.raises(NotAllowed):
        services.summary_request(office=office, actor=people["webmaster"], period=Q3)
    assert verified_client(client, people["outsider"]).get("/backoffice/participation/summaries/").status_code == 403
    assert not PublicationRequest.objects.exists()


def test_the_summaries_page_previews_the_counts(client, office, handlers, quarter):
    staff = verified_client(client, handlers["corruption"])
    html = staff.get("/backoffice/participation/summaries/?kind=quarter&fiscal_year=2569&number=3").content.decode()
    assert "ไตรมาส 3/2569" in html and "ยื่นคำขอเผยแพร่สรุปผลนี้" in html
    bad = staff.get("/backoffice/participation/summaries/?kind=half_year&fiscal_year=2569&number=3").content.decode()
    assert "รอบ 6 เดือนมีรอบที่ 1 และ 2 เท่านั้น" in bad
