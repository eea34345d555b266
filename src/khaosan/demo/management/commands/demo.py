"""./khaosan manage demo [--if-empty] [--items N]: build the demo office with realistic content.

Without options it builds the office, its units and people, and the hand-written items of
`demo.content` with generated PDF, Word, Excel and photo files. `--items N` then adds N more generated
items spread over every topic (for benchmarks); they are written in bulk and indexed at the end.
"""

import time

from django.core.management.base import BaseCommand
from django.db import transaction

from khaosan.catalog.models import Topic
from khaosan.demo import builder
from khaosan.org.models import Office


class Command(BaseCommand):
    help = "Load the demo office (สำนักงานสาธารณสุขอำเภอบ้านหลวง) with realistic content."

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true", help="do nothing when an office already exists")
        parser.add_argument("--items", type=int, default=0, help="add this many generated items for benchmarks")
        parser.add_argument("--seed", type=int, default=2569, help="random seed for generated items")

    def handle(self, *args, if_empty=False, items=0, seed=2569, verbosity=1, **options):
        if not Topic.objects.exists():
            from django.core.management import call_command

            call_command("sync_standard", verbosity=0)
        started = time.monotonic()
        office = Office.objects.filter(slug=builder.OFFICE["slug"]).first()
        if office is not None and if_empty and not items:
            if verbosity:
                self.stdout.write(f"demo office already present: {office}")
            return
        if office is None:
            with transaction.atomic():
                office = builder.build_office()
            count = builder.build_items(office, log=self.stdout.write if verbosity > 1 else None)
            from khaosan.demo.requests import build_requests

            requests = build_requests(office)
            if verbosity:
                self.stdout.write(f"demo office built: {office} with {count} items and {requests} requests")
        if items:
            added = builder.build_bulk_items(office, items, seed=seed)
            if verbosity:
                self.stdout.write(f"added {added} generated items")
        if verbosity:
            self.stdout.write(f"done in {time.monotonic() - started:.1f} s")
