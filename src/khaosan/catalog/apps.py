from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "khaosan.catalog"
    verbose_name = "คลังข้อมูลเผยแพร่"

    def ready(self):
        from khaosan.catalog import checks, signals  # noqa: F401  deploy checks; the search index follows admin edits
