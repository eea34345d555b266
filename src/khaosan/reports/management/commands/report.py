"""./khaosan manage report performance --fiscal-year 2569 [--half N | --quarter N] --format pdf|docx|xlsx --output FILE

The performance report (S-5) of one office, as the back-office gives it: as acknowledged when the head
has acknowledged it, else drawn from the records now. `--office SLUG` chooses the office when the
deployment hosts more than one.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from khaosan.org.models import Office
from khaosan.reports import documents, selectors
from khaosan.reports.periods import FIRST_FISCAL_YEAR, fiscal_year_period, half_period, quarter_period

FORMATS = ("pdf", "docx", "xlsx")


class Command(BaseCommand):
    help = "Write a report of an office to a file (performance: the S-5 performance report)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="report", required=True)
        performance = sub.add_parser("performance", help="the performance report of a fiscal year, half or quarter")
        performance.add_argument("--fiscal-year", type=int, required=True, help="Buddhist-era fiscal year, e.g. 2569")
        part = performance.add_mutually_exclusive_group()
        part.add_argument("--half", type=int, choices=(1, 2), help="1: Oct–Mar, 2: Apr–Sep")
        part.add_argument("--quarter", type=int, choices=(1, 2, 3, 4), help="1: Oct–Dec … 4: Jul–Sep")
        performance.add_argument("--format", dest="fmt", choices=FORMATS, required=True)
        performance.add_argument("--output", required=True, help="the file to write")
        performance.add_argument("--office", help="office slug (required when there is more than one office)")

    def handle(self, *args, report, fiscal_year, half=None, quarter=None, fmt, output, office=None, **options):
        if not FIRST_FISCAL_YEAR <= fiscal_year <= 2800:
            raise CommandError(f"--fiscal-year {fiscal_year} is not a Buddhist-era fiscal year (e.g. 2569)")
        if half:
            period = half_period(fiscal_year, half)
        elif quarter:
            period = quarter_period(fiscal_year, quarter)
        else:
            period = fiscal_year_period(fiscal_year)
        chosen = self._office(office)
        report_row = selectors.report_for(chosen, period)
        view = documents.outline(selectors.report_facts_for(chosen, period, report_row), report_row)
        if fmt == "pdf":
            content = documents.performance_pdf(view)
        elif fmt == "docx":
            content = documents.performance_docx(view)
        else:
            content = documents.performance_xlsx(view)
        target = Path(output)
        if not target.parent.exists():
            raise CommandError(f"the folder {target.parent} does not exist")
        target.write_bytes(content)
        state = "acknowledged" if report_row is not None and report_row.is_acknowledged else "drawn now"
        self.stdout.write(f"{chosen.slug}: {period.kind} {period.start}–{period.end} ({state}) → {target} "
                          f"({len(content):,} bytes)")  # fmt: skip

    def _office(self, slug):
        if slug:
            office = Office.objects.filter(slug=slug).first()
            if office is None:
                raise CommandError(f"no office with slug {slug!r}")
            return office
        offices = list(Office.objects.order_by("pk")[:2])
        if not offices:
            raise CommandError("there is no office yet")
        if len(offices) > 1:
            raise CommandError("this deployment hosts several offices: name one with --office SLUG")
        return offices[0]
