from django.apps import AppConfig


class ProcurementConfig(AppConfig):
    name = "khaosan.procurement"
    verbose_name = "การจัดซื้อจัดจ้าง (สขร.1 และแผนการจัดซื้อจัดจ้าง)"

    def ready(self):
        from khaosan.procurement import signals  # noqa: F401  (the plan's publication date)
