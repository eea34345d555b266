from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "khaosan.public"
    verbose_name = "เว็บไซต์สาธารณะ"

    def ready(self):
        from khaosan.public import pagecache

        pagecache.connect_signals()
