"""Keep the search index in step when items change outside the services (the admin)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from khaosan.catalog import search
from khaosan.catalog.models import Attachment, Item


@receiver(post_save, sender=Item)
def index_saved_item(sender, instance, raw=False, **kwargs):
    if not raw:
        search.index_item(instance.pk)


@receiver([post_save, post_delete], sender=Attachment)
def index_item_of_attachment(sender, instance, raw=False, **kwargs):
    if not raw and instance.item_id:
        search.index_item(instance.item_id)
