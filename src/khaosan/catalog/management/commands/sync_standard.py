"""./khaosan manage sync_standard [FILE]: bring the database in line with the standard data file."""

from django.core.management.base import BaseCommand, CommandError

from khaosan.catalog import standard
from khaosan.catalog.models import StandardRelease


class Command(BaseCommand):
    help = "Sync categories, topics and checklist codes from the standard data file (YAML)."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="defaults to the file shipped with khaosan")
        parser.add_argument("--force", action="store_true", help="sync even if this exact file was synced last")

    def handle(self, *args, file=None, force=False, verbosity=1, **options):
        try:
            data, checksum = standard.load(file)
        except (standard.StandardFileError, OSError) as error:
            raise CommandError(str(error)) from None
        latest = StandardRelease.objects.order_by("-synced_at").first()
        if latest and latest.checksum == checksum and not force:
            if verbosity > 0:
                self.stdout.write(f"standard {data['version']} is already in sync")
            return
        summary = standard.sync(data, checksum=checksum)
        if verbosity > 0:
            for line in summary.lines():
                self.stdout.write(line)
