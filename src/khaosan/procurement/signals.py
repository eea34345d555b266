"""Keep the plan's publication date when its request is published (MOIT4(1): both dates stored and shown)."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from khaosan.workflow.models import PublicationRequest, State


@receiver(post_save, sender=PublicationRequest)
def plan_published(sender, instance, raw=False, **kwargs):
    if not raw and instance.state == State.PUBLISHED and instance.item_id:
        from khaosan.procurement.services import plan_record_publication

        plan_record_publication(instance)
