"""The demo office shows trainings of both S-3.5 topics and a prepared report of last fiscal year."""

import pytest

from khaosan.reports import facts
from khaosan.reports.models import PerformanceReport, Training

pytestmark = pytest.mark.django_db


def test_the_demo_has_trainings_and_last_years_report_waiting_for_the_head(synced_standard):
    from khaosan.demo import builder, reports

    office = builder.build_office()
    trainings, report = reports.build(office)
    assert trainings == Training.objects.filter(office=office).count() >= 4
    assert Training.objects.filter(office=office, on_website=True).exists()
    assert Training.objects.filter(office=office, on_cyber_security=True).exists()
    assert Training.objects.filter(office=office, kind="km").exists()
    assert Training.objects.exclude(certificate=None).exists()
    assert PerformanceReport.objects.get() == report and report.period_kind == "fiscal_year"
    assert report.problems.startswith("1. ระบบสารสนเทศ") and report.acknowledged_at is None
    year = facts.draw(office, report.period)
    assert year["requests"]["total"] == 6 and year["publishing"]["count"] == 4
    assert (year["decisions"]["refused"], year["decisions"]["returned"]) == (1, 1)
    assert year["takedowns"]["expired"] == 2 and year["takedowns"]["recorded_later"] == 1
    assert year["completeness"]["start"]["score"] < year["completeness"]["end"]["score"]
    assert year["trainings"]["count"] == 3 and year["visitors"]["visitors"] > 0
    assert year["appointments"]["webmasters"] == 2
