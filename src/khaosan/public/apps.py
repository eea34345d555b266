from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "khaosan.public"
    verbose_name = "เว็บไซต์สาธารณะ"
