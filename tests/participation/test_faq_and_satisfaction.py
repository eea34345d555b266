"""Questions become a searchable FAQ once answered and published (GWS-5.2); satisfaction by period, with a chart."""

import pytest

from khaosan.audit.models import AuditCode, AuditEvent
from khaosan.participation import services
from khaosan.participation.models import SatisfactionResponse
from khaosan.participation.selectors import faq_search, satisfaction_results
from tests.participation.conftest import code_in, verified_client

pytestmark = pytest.mark.django_db


def _asked(office, subject="ขอใบรับรองแพทย์เพื่อสมัครงานได้ที่ไหน", **fields):
    return services.question_ask(office=office, subject=subject, name="นายถาม ใจกล้า", email="tham@example.com",
                                 **fields).case  # fmt: skip


def test_an_answer_published_by_staff_is_found_by_the_thai_search(client, office, handlers):
    question = _asked(office)
    services.case_reply(case=question, actor=handlers["service"], text="ติดต่อ รพ.สต. ใกล้บ้าน พร้อมบัตรประชาชน")
    staff = verified_client(client, handlers["service"])
    staff.post(
        f"/backoffice/participation/question/{question.pk}/publish/",
        {"faq_question": "ขอใบรับรองแพทย์ได้ที่ไหน", "faq_answer": "ติดต่อโรงพยาบาลส่งเสริมสุขภาพตำบลใกล้บ้าน พร้อมบัตรประชาชน"},
    )
    client.logout()
    # "ใบรับรองแพทย์" sits inside a run of Thai with no spaces; the query is cut into words like the site search.
    html = client.get("/participation/faq/", {"q": "รับรองแพทย์ บัตรประชาชน"}).content.decode()
    # Words side by side are one mark, as in the site search.
    assert "<mark>รับรองแพทย์</mark>" in html and "<mark>บัตรประชาชน</mark>" in html and "พบ 1 คำถาม" in html
    assert "นายถาม" not in html and "สมัครงาน" not in html  # the asker's own words stay private
    assert "ไม่พบคำถาม" in client.get("/participation/faq/", {"q": "ฟันปลอม"}).content.decode()
    assert AuditEvent.objects.filter(action=AuditCode.PARTICIPATION_FAQ_PUBLISHED).count() == 1


def test_unpublished_and_withdrawn_answers_stay_out_of_the_faq(client, office, handlers):
    question = _asked(office)
    assert faq_search(office, "ใบรับรองแพทย์").entries == []
    services.question_publish(question=question, actor=handlers["service"], faq_question="ใบรับรองแพทย์",
                              faq_answer="ที่ รพ.สต.")  # fmt: skip
    assert [e.pk for e in faq_search(office, "ใบรับรองแพทย์").entries] == [question.pk]
    services.question_withdraw(question=question, actor=handlers["service"])
    assert faq_search(office, "").entries == []
    assert "ยังไม่มีคำถามที่พบบ่อย" in client.get("/participation/faq/").content.decode()


def test_a_question_title_hit_ranks_first(office, handlers):
    first = _asked(office)
    second = _asked(office, subject="อีกเรื่อง")
    services.question_publish(question=first, actor=handlers["service"], faq_question="เรื่องวัคซีนเด็ก",
                              faq_answer="ฉีดที่ รพ.สต.")  # fmt: skip
    services.question_publish(question=second, actor=handlers["service"], faq_question="เวลาทำการ",
                              faq_answer="เปิดทุกวัน มีวัคซีนผู้ใหญ่ด้วย")  # fmt: skip
    assert [e.pk for e in faq_search(office, "วัคซีน").entries] == [first.pk, second.pk]


def test_a_webmaster_may_answer_questions_but_not_see_complaints(client, office, people, handlers):
    from tests.participation.conftest import complaint

    question = _asked(office)
    case, _code = complaint(office)
    staff = verified_client(client, people["webmaster"])
    assert staff.get(f"/backoffice/participation/question/{question.pk}/").status_code == 200
    assert staff.get(f"/backoffice/participation/complaint/{case.pk}/").status_code == 404


def test_the_survey_from_the_footer_remembers_the_page(client, office, publish):
    item = publish()
    page = client.get(item.get_absolute_url()).content.decode()
    assert f"/participation/satisfaction/?page={item.get_absolute_url()}" in page
    form = client.get("/participation/satisfaction/", {"page": item.get_absolute_url()}).content.decode()
    assert f'value="{item.get_absolute_url()}"' in form
    response = client.post("/participation/satisfaction/", {"score": "4", "service": "website", "found": "partly",
                                                            "page": item.get_absolute_url(), "comment": "ดี"})  # fmt: skip
    assert "ขอบคุณที่ตอบแบบสำรวจ" in response.content.decode()
    answer = SatisfactionResponse.objects.get()
    assert (answer.score, answer.found, answer.page) == (4, "partly", item.get_absolute_url())


def test_the_survey_says_what_to_fix_and_ignores_foreign_pages(client, office):
    html = client.post("/participation/satisfaction/", {"service": "website"}).content.decode()
    assert "โปรดเลือกระดับความพึงพอใจ 1 ถึง 5" in html and not SatisfactionResponse.objects.exists()
    for page in ("//evil.example/x", "https://evil.example/", "/backoffice/requests/"):
        services.satisfaction_give(office=office, score=3, page=page)
    assert set(SatisfactionResponse.objects.values_list("page", flat=True)) == {""}


def test_after_filing_the_citizen_may_rate_the_service(client, office):
    html = client.post("/participation/feedback/", {"detail": "ขอบคุณเจ้าหน้าที่ที่ช่วยเหลือ"}).content.decode()
    code_in(client.post("/participation/feedback/", {"detail": "ขอบคุณเจ้าหน้าที่ที่ช่วยเหลืออีกครั้ง"}))
    assert 'action="/participation/satisfaction/"' in html and 'value="feedback" selected' in html


def test_results_by_month_and_quarter_with_a_chart(client, office, people, clock):
    for moment, score in [("2025-10-05 10:00", 5), ("2025-10-20 10:00", 3), ("2026-01-10 10:00", 4),
                          ("2026-06-16 10:00", 2)]:  # fmt: skip
        clock.move_to(moment)
        services.satisfaction_give(office=office, score=score, service="complaint" if score == 2 else "website")
    clock.move_to("2026-06-17 10:00")
    by_month = satisfaction_results(office, fiscal_year=2569, kind="month")
    assert [(p.period.label(), p.count, p.mean) for p in by_month.periods[:4]] == [
        ("ตุลาคม 2568", 2, 4.0),
        ("พฤศจิกายน 2568", 0, None),
        ("ธันวาคม 2568", 0, None),
        ("มกราคม 2569", 1, 4.0),
    ]
    assert (by_month.count, by_month.mean) == (4, 3.5)
    assert by_month.distribution == [(5, 1), (4, 1), (3, 1), (2, 1), (1, 0)]
    by_quarter = satisfaction_results(office, fiscal_year=2569, kind="quarter")
    assert [(p.count, p.mean) for p in by_quarter.periods] == [(2, 4.0), (1, 4.0), (1, 2.0), (0, None)]
    staff = verified_client(client, people["outsider"])
    page = staff.get("/backoffice/participation/satisfaction/", {"fy": "2569", "by": "quarter"}).content.decode()
    assert "ไตรมาส 1/2569" in page and "3.5" in page
    chart = staff.get("/backoffice/participation/satisfaction/chart.svg", {"fy": "2569", "by": "quarter"})
    assert chart["Content-Type"] == "image/svg+xml" and "<script" not in chart.content.decode()
    assert staff.get("/backoffice/participation/satisfaction/", {"fy": "99999999999999999999"}).status_code == 200
