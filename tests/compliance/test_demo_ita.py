"""The demo office's ITA page for the current fiscal year has evidence in several quarters."""

import datetime as dt

import pytest
from django.utils import timezone

from khaosan.catalog.models import Item, Topic
from khaosan.compliance import ita
from khaosan.demo import content
from khaosan.thai.dates import current_fiscal_year, fiscal_quarter, fiscal_year

pytestmark = pytest.mark.django_db


def test_the_demo_content_answers_moit_items_in_several_quarters_of_this_year(office, clock):
    """The demo's items as the builder dates them (without generating their files, which takes a minute)."""
    today = timezone.localdate()
    topics = {t.code: t for t in Topic.objects.all()}
    for spec in content.items(today):
        if spec.draft or spec.withdrawn_reason:
            continue
        publish_at = timezone.make_aware(dt.datetime.combine(today - dt.timedelta(days=spec.days_ago), dt.time(9)))
        expire_at = publish_at + dt.timedelta(days=spec.expire_after_days) if spec.expire_after_days else None
        Item.objects.create(office=office, topic=topics[spec.topic], title=spec.title, status=Item.Status.PUBLISHED,
                            data_from=spec.data_from, data_to=spec.data_to, publish_at=publish_at,
                            expire_at=expire_at)  # fmt: skip
    year = ita.ita_year(office, current_fiscal_year())
    assert year.answered_count >= 18  # of 22
    quarters_with_evidence = {q for row in year.rows for q, cell in enumerate(row.cells, start=1) if cell}
    assert quarters_with_evidence == {1, 2, 3}  # 17 June 2026 is in quarter 3 of FY2569
    monthly = next(row for row in year.rows if row.code.code == "MOIT5")
    # One สขร.1 a month: as a file item, or entered on the procurement screens by demo/procurement.py.
    entered = content.entered_summary_months(content.When(today))
    entered_per_quarter = [sum(1 for m in entered if fiscal_year(m) == current_fiscal_year() and fiscal_quarter(m) == q)
                           for q in (1, 2)]  # fmt: skip
    assert [len(cell) for cell in monthly.cells[:2]] == [3 - entered_per_quarter[0], 3 - entered_per_quarter[1]]
    assert sum(entered_per_quarter) >= 1  # the demo shows both ways
