from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "khaosan.catalog"
    verbose_name = "คลังข้อมูลเผยแพร่"

    def ready(self):
        from khaosan.catalog import signals  # noqa: F401  keeps the search index in step with admin edits
