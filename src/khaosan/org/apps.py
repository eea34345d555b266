from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "khaosan.org"
    verbose_name = "หน่วยงานและเจ้าหน้าที่"
