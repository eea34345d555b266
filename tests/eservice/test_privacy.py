"""PERF-8: a person sees their own evaluations, an evaluator their evaluees', a supervisor their line's,
administrators and HR all; every view of another person's evaluation is an audit event; nothing leaks by
changing an id in the address."""

import pytest
from django.urls import reverse

from khaosan.audit.models import AuditCode, AuditEvent
from khaosan.eservice import services
from khaosan.eservice.models import EvaluationProfile
from tests.eservice.conftest import agreed, appraisal_of, finished, make_person, pdf_bytes, signed_in, upload

pytestmark = pytest.mark.django_db


def pages_of(appraisal, evidence=None):
    pk = appraisal.pk
    paths = [reverse("backoffice:eservice:appraisal", args=[pk]), reverse("backoffice:eservice:form", args=[pk, "pdf"]),
             reverse("backoffice:eservice:form", args=[pk, "docx"]), reverse("backoffice:eservice:agreement", args=[pk]),
             reverse("backoffice:eservice:self", args=[pk]), reverse("backoffice:eservice:assess", args=[pk]),
             reverse("backoffice:eservice:review", args=[pk]), reverse("backoffice:eservice:refusal", args=[pk])]  # fmt: skip
    if evidence is not None:
        paths.append(reverse("backoffice:eservice:evidence", args=[pk, evidence.pk]))
    return paths


@pytest.fixture
def colleagues_appraisal(open_round, line):
    appraisal = agreed(open_round, line, "colleague")
    evidence = services.evidence_add(
        appraisal=appraisal, actor=line["colleague"], upload=upload("ผลงาน.pdf", pdf_bytes())
    )
    return appraisal, evidence


def test_a_staff_member_cannot_read_a_colleagues_evaluation_by_changing_the_url(
    client, open_round, line, colleagues_appraisal
):
    appraisal, evidence = colleagues_appraisal
    mine = appraisal_of(open_round, line["requester"])
    signed_in(client, line["requester"])
    assert client.get(reverse("backoffice:eservice:appraisal", args=[mine.pk])).status_code == 200
    for path in pages_of(appraisal, evidence):
        assert client.get(path).status_code == 404, path
    for name in ("agreement-submit", "agreement-copy", "acknowledge", "evidence-add"):
        assert client.post(reverse(f"backoffice:eservice:{name}", args=[appraisal.pk])).status_code == 404
    assert not AuditEvent.objects.filter(action=AuditCode.APPRAISAL_VIEWED).exists()


def test_an_evaluator_cannot_read_someone_outside_their_evaluees(client, open_round, line):
    outside = appraisal_of(open_round, line["admin"])  # evaluated by the head of IT, not by sudarat
    signed_in(client, line["head"])
    assert client.get(reverse("backoffice:eservice:appraisal", args=[appraisal_of(open_round, line["requester"]).pk])
                      ).status_code == 200  # fmt: skip
    for path in pages_of(outside):
        assert client.get(path).status_code == 404, path


def test_another_offices_administrator_sees_nothing(client, open_round, line, other_office):
    stranger = make_person(other_office, "stranger", roles=["administrator"])
    signed_in(client, stranger)
    assert client.get(reverse("backoffice:eservice:appraisal", args=[appraisal_of(open_round, line["requester"]).pk])
                      ).status_code == 404  # fmt: skip
    assert client.get(reverse("backoffice:eservice:round", args=[open_round.pk])).status_code == 404


@pytest.mark.parametrize("who, viewer_as", [("head", "evaluator"), ("approver", "supervisor"), ("admin", "hr_or_administrator"),
                                            ("outsider", "hr_or_administrator")])  # fmt: skip
def test_every_view_of_another_persons_evaluation_is_an_audit_event(client, open_round, line, who, viewer_as):
    if who == "outsider":
        EvaluationProfile.objects.create(staff=line["outsider"], is_hr=True)  # evaluation HR sees all
    appraisal = appraisal_of(open_round, line["requester"])
    signed_in(client, line[who])
    assert client.get(reverse("backoffice:eservice:appraisal", args=[appraisal.pk])).status_code == 200
    assert client.get(reverse("backoffice:eservice:form", args=[appraisal.pk, "docx"])).status_code == 200
    events = AuditEvent.objects.filter(action=AuditCode.APPRAISAL_VIEWED, object_id=str(appraisal.pk))
    assert events.count() == 2
    assert {e.changes["what"] for e in events} == {"page", "docx"}
    assert {(e.actor_id, e.changes["viewer_as"]) for e in events} == {(line[who].pk, viewer_as)}


def test_opening_ones_own_evaluation_is_not_an_audit_event(client, open_round, line):
    signed_in(client, line["requester"])
    assert client.get(reverse("backoffice:eservice:appraisal", args=[appraisal_of(open_round, line["requester"]).pk])
                      ).status_code == 200  # fmt: skip
    assert not AuditEvent.objects.filter(action=AuditCode.APPRAISAL_VIEWED).exists()


def test_the_round_summary_counts_only_what_the_reader_may_see(client, open_round, line):
    finished(open_round, line, "requester")
    finished(open_round, line, "admin")  # in the IT line, not sudarat's
    signed_in(client, line["requester"])
    assert client.get(reverse("backoffice:eservice:round", args=[open_round.pk])).status_code == 404
    signed_in(client, line["head"])
    page = client.get(reverse("backoffice:eservice:round", args=[open_round.pk]))
    assert page.status_code == 200
    summary = page.context["summary"]
    assert summary.total.people == 2 and summary.total.finished == 1  # somchai finished, malee not yet
    assert "teerapong" not in page.content.decode() and "90.20" not in page.content.decode()
    assert AuditEvent.objects.filter(action=AuditCode.APPRAISAL_SUMMARY_VIEWED, actor=line["head"]).exists()
    signed_in(client, line["admin"])
    assert client.get(reverse("backoffice:eservice:round", args=[open_round.pk])).context["summary"].total.finished == 2


def test_a_staff_member_sees_their_score_only_after_the_supervisors_review(client, open_round, line):
    from tests.eservice.conftest import assessed

    appraisal = assessed(open_round, line)
    signed_in(client, line["requester"])
    page = client.get(reverse("backoffice:eservice:appraisal", args=[appraisal.pk])).content.decode()
    assert "data-total" not in page
    services.review_save(appraisal=appraisal, actor=line["approver"], verdict="agree")
    page = client.get(reverse("backoffice:eservice:appraisal", args=[appraisal.pk])).content.decode()
    assert "90.20" in page and "ดีเด่น" in page
