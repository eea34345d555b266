"""Reminders before each date of a round, to those whose step is not done, once each (housekeeping job)."""

import pytest

from khaosan.audit.services import HOUSEKEEPING_JOBS
from khaosan.eservice import services
from khaosan.eservice.models import EvaluationSettings
from khaosan.workflow.models import Notification
from tests.eservice.conftest import COMPETENCIES, INDICATORS, agreed, appraisal_of, finished

pytestmark = pytest.mark.django_db


def reminded(person):
    return list(
        Notification.objects.filter(recipient=person, subject__startswith="ใกล้ครบ").values_list("subject", flat=True)
    )


def test_the_job_is_part_of_housekeeping():
    assert ("eservice.reminders", "khaosan.eservice.services.housekeeping_reminders") in HOUSEKEEPING_JOBS


def test_people_who_have_not_made_their_agreement_are_reminded_before_its_date_once(open_round, line, clock):
    assert open_round.agreement_due.isoformat() == "2026-05-01"
    clock.move_to("2026-04-27 07:00")  # four days before: the default is three
    assert services.housekeeping_reminders()["sent"] == 0
    clock.move_to("2026-04-28 07:00")
    assert services.housekeeping_reminders()["sent"] == len(open_round.appraisals.all())
    assert reminded(line["requester"]) == ["ใกล้ครบกำหนดจัดทำข้อตกลง 1 พฤษภาคม 2569: นายสมชาย ใจดี"]
    assert services.housekeeping_reminders()["sent"] == 0  # a second run the same day sends nothing
    # The staff member submits: now the evaluator's step is waiting, and they are told on the next run.
    appraisal = appraisal_of(open_round, line["requester"])
    services.agreement_save(
        appraisal=appraisal, actor=line["requester"], indicators=INDICATORS, competencies=COMPETENCIES
    )
    services.agreement_submit(appraisal=appraisal, actor=line["requester"])
    clock.move_to("2026-04-29 07:00")
    assert services.housekeeping_reminders()["sent"] == 1
    assert "ใกล้ครบกำหนดจัดทำข้อตกลง 1 พฤษภาคม 2569: นายสมชาย ใจดี" in reminded(line["head"])
    assert len(reminded(line["requester"])) == 1
    clock.move_to("2026-05-02 07:00")  # the date has passed: the job does not nag
    assert services.housekeeping_reminders()["sent"] == 0


def test_only_the_unfinished_are_reminded_of_the_later_dates(open_round, line, clock):
    EvaluationSettings.objects.create(office=open_round.office, reminder_days=5)
    finished(open_round, line, "requester")
    agreed(open_round, line, "colleague")
    clock.move_to("2026-09-12 07:00")  # self-assessment is due 16 September
    services.housekeeping_reminders()
    assert reminded(line["colleague"]) == ["ใกล้ครบกำหนดประเมินตนเอง 16 กันยายน 2569: นางมาลี ศรีสุข"]
    assert reminded(line["requester"]) == []


def test_a_closed_round_reminds_nobody(open_round, line, clock):
    services.round_close(round_=open_round, actor=line["admin"])
    clock.move_to("2026-04-29 07:00")
    assert services.housekeeping_reminders()["sent"] == 0
