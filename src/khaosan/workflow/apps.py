from django.apps import AppConfig


class WorkflowConfig(AppConfig):
    name = "khaosan.workflow"
    verbose_name = "คำขอเผยแพร่"

    def ready(self):
        from khaosan.workflow import checks  # noqa: F401  the deploy check of KHAOSAN_SITE_URL
