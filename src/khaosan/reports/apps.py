from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "khaosan.reports"
    verbose_name = "รายงานผลการดำเนินงานและการฝึกอบรม"
