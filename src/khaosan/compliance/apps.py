from django.apps import AppConfig


class ComplianceConfig(AppConfig):
    name = "khaosan.compliance"
    verbose_name = "ความเป็นปัจจุบันและความครบถ้วน"
