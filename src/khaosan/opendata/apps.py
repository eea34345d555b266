from django.apps import AppConfig


class OpendataConfig(AppConfig):
    name = "khaosan.opendata"
    verbose_name = "Open data catalog"
