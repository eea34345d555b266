"""The evaluation screens: refused forms keep what was typed, administrators' pages, the public way in."""

import pytest
from django.urls import reverse

from khaosan.eservice.models import AppraisalRound, EvaluationSettings, Indicator
from tests.eservice.conftest import appraisal_of, signed_in

pytestmark = pytest.mark.django_db


def agreement_post(indicators, competencies=(("core", "การมุ่งผลสัมฤทธิ์", 2),), **extra):
    data = {"indicators-TOTAL_FORMS": len(indicators), "indicators-INITIAL_FORMS": 0,
            "competencies-TOTAL_FORMS": len(competencies), "competencies-INITIAL_FORMS": 0, **extra}  # fmt: skip
    for n, (title, weight) in enumerate(indicators):
        data[f"indicators-{n}-title"], data[f"indicators-{n}-weight"] = title, weight
        for level in range(1, 6):
            data[f"indicators-{n}-level_{level}"] = f"เกณฑ์ระดับ {level} ของ {title}"
    for n, (kind, name, expected) in enumerate(competencies):
        data[f"competencies-{n}-kind"], data[f"competencies-{n}-name"] = kind, name
        data[f"competencies-{n}-expected_level"] = expected
    return data


def test_weights_not_summing_to_100_are_refused_in_thai_and_the_form_keeps_what_was_typed(client, open_round, line):
    appraisal = appraisal_of(open_round, line["requester"])
    signed_in(client, line["requester"])
    url = reverse("backoffice:eservice:agreement", args=[appraisal.pk])
    response = client.post(url, agreement_post([("ลดอัตราป่วยไข้เลือดออก", 60), ("คัดกรองเบาหวานกลุ่มเสี่ยง", 25)]))
    page = response.content.decode()
    assert response.status_code == 400
    assert "น้ำหนักของตัวชี้วัดรวมกันได้ 85 แต่ต้องรวมเป็น 100 พอดี" in page
    assert 'value="ลดอัตราป่วยไข้เลือดออก"' in page and 'value="คัดกรองเบาหวานกลุ่มเสี่ยง"' in page
    assert 'value="60"' in page and 'value="25"' in page and "เกณฑ์ระดับ 4 ของ ลดอัตราป่วยไข้เลือดออก" in page
    assert not Indicator.objects.filter(appraisal=appraisal).exists()

    response = client.post(url, agreement_post([("ลดอัตราป่วยไข้เลือดออก", 60), ("คัดกรองเบาหวานกลุ่มเสี่ยง", 40)],
                                               submit="1"))  # fmt: skip
    assert response.status_code == 302
    appraisal.refresh_from_db()
    assert appraisal.state == "agreement_submitted" and appraisal.indicators.count() == 2


def test_the_agreement_form_starts_with_the_core_competencies(client, open_round, line):
    signed_in(client, line["requester"])
    page = client.get(reverse("backoffice:eservice:agreement", args=[appraisal_of(open_round, line["requester"]).pk]))
    assert "การยึดมั่นในความถูกต้องชอบธรรม และจริยธรรม" in page.content.decode()


def test_an_administrator_opens_a_round_from_its_page(client, office, line):
    signed_in(client, line["admin"])
    response = client.post(reverse("backoffice:eservice:rounds"), {"fiscal_year": 2569, "number": 2})
    round_ = AppraisalRound.objects.get()
    assert response.status_code == 302 and response.url == round_.get_absolute_url()
    assert round_.appraisals.filter(staff=line["requester"]).exists()
    signed_in(client, line["requester"])
    assert client.post(reverse("backoffice:eservice:rounds"), {"fiscal_year": 2570, "number": 1}).status_code == 403


def test_round_dates_out_of_order_are_refused(client, open_round, line):
    signed_in(client, line["admin"])
    client.post(reverse("backoffice:eservice:round-dates", args=[open_round.pk]), {
        "agreement_due": "2026-05-01", "self_assessment_due": "2026-04-20", "assessment_due": "2026-09-30",
        "acknowledgement_due": "2026-10-15"})  # fmt: skip
    open_round.refresh_from_db()
    assert open_round.self_assessment_due.isoformat() == "2026-09-16"


def test_part_weights_that_do_not_sum_to_100_are_refused_on_the_settings_page(client, office, line):
    from khaosan.eservice.models import StaffType

    signed_in(client, line["admin"])
    data = {"reminder_days": 3, "bands-TOTAL_FORMS": 5, "bands-INITIAL_FORMS": 0}
    for n, (label, minimum) in enumerate([("ดีเด่น", 90), ("ดีมาก", 80), ("ดี", 70), ("พอใช้", 60), ("ต้องปรับปรุง", 0)]):
        data[f"bands-{n}-label"], data[f"bands-{n}-min"] = label, minimum
    for code in StaffType.values:
        data[f"results_{code}"], data[f"behaviour_{code}"] = 70, 30
    data["behaviour_government_employee"] = 25
    response = client.post(reverse("backoffice:eservice:settings"), data)
    assert response.status_code == 400
    assert "พนักงานราชการ: น้ำหนักสองส่วนรวมกันได้ 95 ต้องรวมเป็น 100 พอดี" in response.content.decode()
    assert not EvaluationSettings.objects.exists()
    data["results_government_employee"], data["behaviour_government_employee"] = 80, 20
    assert client.post(reverse("backoffice:eservice:settings"), data).status_code == 302
    assert EvaluationSettings.objects.get().results_weight("government_employee") == 80


def test_every_screen_answers_for_the_people_it_is_for(client, open_round, line):
    appraisal = appraisal_of(open_round, line["requester"])
    signed_in(client, line["admin"])
    for name, args in [("home", []), ("rounds", []), ("round", [open_round.pk]), ("settings", []), ("people", []),
                       ("person", [line["requester"].pk]), ("unit-heads", []), ("appraisal", [appraisal.pk]),
                       ("round-summary", [open_round.pk, "pdf"]), ("round-summary", [open_round.pk, "xlsx"])]:  # fmt: skip
        assert client.get(reverse(f"backoffice:eservice:{name}", args=args)).status_code == 200, name
    signed_in(client, line["requester"])
    for name in ("settings", "people", "unit-heads"):
        assert client.get(reverse(f"backoffice:eservice:{name}")).status_code == 403
    assert client.get(reverse("backoffice:eservice:rounds")).status_code == 403


def test_the_public_page_describes_the_system_and_signs_in_to_the_current_round(client, office, line, open_round):
    from tests.conftest import PASSWORD, topic

    page = client.get("/e-service/evaluation/")
    assert page.status_code == 200
    text = page.content.decode()
    assert 'href="/backoffice/login/?next=/backoffice/evaluation/"' in text and "1 เมษายน – 30 กันยายน" in text
    staff_topic = topic("staff-evaluation")
    assert "/e-service/evaluation/" in client.get(staff_topic.get_absolute_url()).content.decode()
    response = client.post("/backoffice/login/?next=/backoffice/evaluation/",
                           {"username": "somchai", "password": PASSWORD, "next": "/backoffice/evaluation/"})  # fmt: skip
    assert response.status_code == 302 and response.url == "/backoffice/evaluation/"
    landing = client.get(response.url).content.decode()
    assert open_round.label in landing and appraisal_of(open_round, line["requester"]).get_absolute_url() in landing


def test_the_back_office_menu_leads_to_the_evaluation(client, office, line):
    signed_in(client, line["requester"])
    assert reverse("backoffice:eservice:home") in client.get("/backoffice/").content.decode()


def test_lists_stay_at_the_same_number_of_queries_as_people_are_added(client, office, line):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from khaosan.eservice import services
    from tests.eservice.conftest import finished, make_person

    signed_in(client, line["admin"])

    def counts(fiscal_year):
        round_ = services.round_open(office=office, actor=line["admin"], fiscal_year=fiscal_year, number=2)
        finished(round_, line, "requester")
        result = []
        for path in (
            round_.get_absolute_url(),
            reverse("backoffice:eservice:people"),
            reverse("backoffice:eservice:home"),
        ):
            with CaptureQueriesContext(connection) as queries:
                assert client.get(path).status_code == 200
            result.append(len(queries))
        services.round_close(round_=round_, actor=line["admin"])
        return result

    before = counts(2569)
    for n in range(4):
        make_person(office, f"extra{n}", position="นักวิชาการสาธารณสุข")
    assert counts(2570) == before
