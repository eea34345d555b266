from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "khaosan.org"
    verbose_name = "หน่วยงานและเจ้าหน้าที่"

    def ready(self):
        from django.db.models.signals import post_save

        from khaosan.org.middleware import forget_offices
        from khaosan.org.models import Office

        post_save.connect(forget_offices, sender=Office, dispatch_uid="forget-offices")
