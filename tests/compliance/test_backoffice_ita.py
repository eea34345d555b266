"""The back-office ITA view: what each MOIT item still lacks, who answers for it, and a way to ask for it."""

import datetime as dt
import urllib.parse

import lxml.html
import pytest

from khaosan.compliance import ita
from khaosan.workflow.models import PublicationRequest
from tests.backoffice.conftest import verified_client
from tests.compliance.conftest import month

pytestmark = pytest.mark.django_db


def duty(duties, code):
    return next(d for d in duties if d.row.code.code == code)


def test_missing_evidence_is_counted_per_quarter_with_who_answers_for_it(year_2569, office, other_office):
    _, duties = ita.ita_duties(office, 2569, 3)
    monthly = duty(duties, "MOIT5")
    # Quarter 1 has 2 of 3 links (overdue), quarter 2 has 1 (overdue), quarter 3 has none yet, quarter 4 is not due.
    assert [(g.quarters, g.have, g.need, g.overdue) for g in monthly.gaps] == [
        ([1], 2, 3, True), ([2], 1, 3, True), ([3], 0, 3, False)]  # fmt: skip
    assert monthly.gap_texts[0] == "ขาด 1 จาก 3 ลิงก์ ไตรมาส 1/2569 (เลยกำหนดแล้ว)"
    assert monthly.units == ["งานพัสดุ"]  # topic.responsible "procurement" → the office's unit with that code
    assert duty(duties, "MOIT2-1.1").complete  # the executives page carries over
    assert duty(duties, "MOIT2").row.heading_only and not duty(duties, "MOIT2").gaps
    thirteen = duty(duties, "MOIT13")  # quarter 2 or 3, and quarter 4: only the first is due by quarter 3
    assert [g.quarters for g in thirteen.gaps] == [[2, 3]]
    assert ita.gap_text(thirteen.gaps[0], 2569) == "ยังไม่มี ไตรมาส 2/2569 หรือ ไตรมาส 3/2569"
    yearly = duty(duties, "MOIT6")
    assert ita.gap_text(yearly.gaps[0], 2569) == "ยังไม่มี ภายในปีงบประมาณ 2569"
    topic, url = yearly.requests[0]
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)
    assert urllib.parse.urlsplit(url).path == "/backoffice/requests/new/"
    assert query == {"topic": ["hr-policy"], "title": [f"{topic.name_th} ปีงบประมาณ พ.ศ. 2569"]}
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(monthly.requests[0][1]).query)["title"] == [
        "สรุปผลการจัดซื้อจัดจ้างรายเดือน (แบบ สขร.1) ไตรมาส 1/2569"]  # fmt: skip


@pytest.mark.parametrize("role", ["webmaster", "reviewer", "approver", "committee", "admin"])
def test_the_view_is_for_web_masters_deciders_the_committee_and_administrators(client, year_2569, people, role):
    response = verified_client(client, people[role]).get("/backoffice/ita/?fy=2569&quarter=3")
    assert response.status_code == 200
    tree = lxml.html.fromstring(response.content.decode())
    assert "ขาด 1 จาก 3 ลิงก์ ไตรมาส 1/2569 (เลยกำหนดแล้ว)" in tree.text_content()
    packs = [a.get("href") for a in tree.xpath("//a[contains(@href, '/backoffice/ita/item/')]")]
    assert f"/backoffice/ita/item/{year_2569['progress'].pk}/evidence.pdf?fy=2569" in packs
    assert f"/backoffice/ita/item/{year_2569['theirs'].pk}/evidence.pdf?fy=2569" not in packs
    assert tree.xpath('//nav//a[@href="/backoffice/ita/"]')


def test_a_busy_row_shows_the_newest_evidence_of_each_quarter_and_says_how_many_more(
    client, year_2569, people, publish, clock
):
    # Published after October's and November's summaries (an hour ago), one a minute.
    extra = [publish("procurement-summary", f"สรุปผลการจัดซื้อจัดจ้าง ฉบับแก้ไขที่ {n}",
                     at=clock.now - dt.timedelta(minutes=40 - n), **month(2025, 11)) for n in range(1, 4)]  # fmt: skip
    _, duties = ita.ita_duties(people["webmaster"].office, 2569, 3)
    monthly = duty(duties, "MOIT5")
    assert [e.pk for e in monthly.evidence_shown[:3]] == [item.pk for item in extra]  # quarter 1's newest three
    assert monthly.evidence_more == 2  # October and November's first publications

    page = verified_client(client, people["webmaster"]).get("/backoffice/ita/?fy=2569&quarter=3").content.decode()
    tree = lxml.html.fromstring(page)
    assert year_2569["oct"].title not in tree.text_content()
    assert "และอีก 2 รายการ" in tree.text_content()
    assert tree.xpath('//a[starts-with(@href, "/ita/2569/#moit5")]')


def test_a_requester_may_not_see_the_view_nor_download_packs(client, year_2569, people):
    client.force_login(people["requester"])
    assert client.get("/backoffice/ita/").status_code == 403
    assert client.get(f"/backoffice/ita/item/{year_2569['oct'].pk}/evidence.pdf").status_code == 403
    assert client.get("/backoffice/ita/2569/evidence.zip").status_code == 403


def test_packs_download_for_the_office_only(client, year_2569, people):
    verified_client(client, people["committee"])
    response = client.get(f"/backoffice/ita/item/{year_2569['progress'].pk}/evidence.pdf?fy=2569")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert "attachment" in response["Content-Disposition"]
    response = client.get("/backoffice/ita/2569/evidence.zip?quarter=2")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert client.get(f"/backoffice/ita/item/{year_2569['theirs'].pk}/evidence.pdf").status_code == 404
    assert client.get("/backoffice/ita/2569/evidence.doc").status_code == 404
    assert client.get("/backoffice/ita/2569/evidence.pdf?quarter=5").status_code == 404


def test_the_url_list_has_a_line_per_code_quarter_and_item(client, year_2569, people):
    verified_client(client, people["committee"])
    response = client.get("/backoffice/ita/2569/evidence.csv")
    assert response.status_code == 200
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "MOIT,ข้อ,ไตรมาส,เรื่อง,ลิงก์,แบบฟอร์มการขอเผยแพร่"
    assert f"MOIT5,,1/2569,{year_2569['oct'].title},/item/{year_2569['oct'].pk}/," in lines
    assert not any(year_2569["theirs"].title in line for line in lines)


# "Request this": the first step of a new request takes the topic and the title from the link ----------------


def test_a_new_request_starts_with_the_topic_and_title_of_the_link(client, people):
    client.force_login(people["requester"])
    title = "สรุปผลการจัดซื้อจัดจ้างรายเดือน (แบบ สขร.1) ไตรมาส 3/2569"
    response = client.get("/backoffice/requests/new/", {"topic": "procurement-summary", "title": title})
    tree = lxml.html.fromstring(response.content.decode())
    assert tree.xpath('//input[@name="title"]')[0].get("value") == title
    assert tree.xpath('//input[@name="topic_code"]')[0].get("value") == "procurement-summary"
    assert "หัวข้อที่จะเผยแพร่: สรุปผลการจัดซื้อจัดจ้างรายเดือน" in tree.text_content()
    response = client.post("/backoffice/requests/new/", {"title": title, "topic_code": "procurement-summary",
                                                         "summary": "", "body": "", "external_url": ""})  # fmt: skip
    assert response.status_code == 302
    pub_request = PublicationRequest.objects.get()
    assert (pub_request.title, pub_request.topic.code) == (title, "procurement-summary")


def test_an_unknown_topic_in_the_link_is_left_out(client, people):
    client.force_login(people["requester"])
    response = client.get("/backoffice/requests/new/?topic=nowhere&title=x")
    assert "หัวข้อที่จะเผยแพร่" not in response.content.decode()
    client.post("/backoffice/requests/new/", {"title": "เรื่องใหม่", "topic_code": "nowhere"})
    assert PublicationRequest.objects.get().topic is None


def test_a_responsible_code_without_a_unit_of_the_office_reads_as_the_standard_names_it(year_2569, office):
    _, duties = ita.ita_duties(office, 2569, 3)
    assert duty(duties, "MOIT6").units == ["สาธารณสุขอำเภอ", "กลุ่มงานบริหารทั่วไป"]  # no "director" unit; admin is


def test_a_year_or_quarter_that_is_no_choice_falls_back_to_the_quarter_being_filled(client, office, people):
    verified_client(client, people["committee"])
    response = client.get("/backoffice/ita/", {"fy": "99999", "quarter": "x"})
    assert response.status_code == 200
    assert "หลักฐาน ITA (MOIT) ปีงบประมาณ 2569 ณ ไตรมาส 3" in response.content.decode()
    assert "ปีงบประมาณ 2568 ณ ไตรมาส 4" in client.get("/backoffice/ita/?fy=2568").content.decode()
