from django.apps import AppConfig


class ThaiConfig(AppConfig):
    name = "khaosan.thai"
    verbose_name = "ภาษาไทย"
