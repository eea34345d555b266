from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "khaosan.audit"
    verbose_name = "บันทึกตรวจสอบ"
