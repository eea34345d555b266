"""./khaosan manage search_index — rebuild the search index (after an edit of catalog/standard/variants.yaml)."""

from django.core.management.base import BaseCommand

from khaosan.catalog import filetext, search


class Command(BaseCommand):
    help = "Read the text of attached files not read yet, then rebuild the search index of every item."

    def add_arguments(self, parser):
        parser.add_argument("--no-files", action="store_true", help="Do not read unread files first.")

    def handle(self, *args, no_files=False, **options):
        if not no_files:
            summary = filetext.housekeeping_file_texts(seconds=3600)
            self.stdout.write(f"files read: {summary['read']}, unreadable: {summary['unreadable']}")
        self.stdout.write(f"items indexed: {search.rebuild_index()}")
