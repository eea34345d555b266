from django.apps import AppConfig


class BackofficeConfig(AppConfig):
    name = "khaosan.backoffice"
    verbose_name = "ระบบหลังบ้าน"

    def ready(self):
        from khaosan.backoffice import signals  # noqa: F401  sign-in events to the audit trail
