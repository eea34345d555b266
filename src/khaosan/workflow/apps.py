from django.apps import AppConfig


class WorkflowConfig(AppConfig):
    name = "khaosan.workflow"
    verbose_name = "คำขอเผยแพร่"
