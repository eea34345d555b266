from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "khaosan.demo"
    verbose_name = "ข้อมูลตัวอย่าง"
