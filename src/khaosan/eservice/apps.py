from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EserviceConfig(AppConfig):
    name = "khaosan.eservice"
    label = "eservice"
    verbose_name = _("ระบบการประเมินการปฏิบัติงานของเจ้าหน้าที่")
