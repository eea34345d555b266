"""./khaosan manage compliance_links [--office SLUG] [--no-ocr] — check the links, files and PDFs of what is published.

The same run as the nightly housekeeping job "compliance.links" (khaosan.compliance.checks), for one
office or all; it leaves the job's heartbeat too, so the back-office shows when links were last checked.
"""

import json

from django.core.management.base import BaseCommand, CommandError

from khaosan.audit.services import heartbeat_finish, heartbeat_start
from khaosan.compliance import checks
from khaosan.org.models import Office


class Command(BaseCommand):
    help = "Check every link and file of the published items, read PDF text layers, OCR scans; report new breaks."

    def add_arguments(self, parser):
        parser.add_argument("--office", help="the office's slug (default: every office)")
        parser.add_argument("--no-ocr", action="store_true", help="do not read scanned PDFs with OCR in this run")

    def handle(self, *args, office=None, no_ocr=False, verbosity=1, **options):
        offices = Office.objects.order_by("pk")
        if office:
            offices = offices.filter(slug=office)
            if not offices.exists():
                raise CommandError(f"no office with the slug {office!r}")
        heartbeat_start(job=checks.JOB)
        summary, ok = {}, False
        try:
            for each in offices:
                summary[each.slug] = checks.checks_run(office=each, ocr=not no_ocr)
            ok = True
        finally:
            heartbeat_finish(job=checks.JOB, ok=ok, summary=summary)
        if verbosity:
            for slug, result in summary.items():
                self.stdout.write(f"{slug}: {json.dumps(result, ensure_ascii=False)}")
