"""Keep the search index in step when items change outside the services (the admin)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from khaosan.catalog import filetext, search
from khaosan.catalog.models import Attachment, Item
from khaosan.org.models import Office, Unit


@receiver(post_save, sender=Item)
def index_saved_item(sender, instance, raw=False, **kwargs):
    if not raw:
        search.index_item(instance.pk)


@receiver([post_save, post_delete], sender=Attachment)
def index_item_of_attachment(sender, instance, raw=False, **kwargs):
    if not raw and instance.item_id:
        search.index_item(instance.item_id)
        if kwargs.get("created"):
            filetext.read_after_commit(instance.blob_id)


@receiver([post_save, post_delete], sender=Unit)
@receiver([post_save, post_delete], sender=Office)
def forget_search_dictionary(sender, instance, raw=False, **kwargs):
    """Unit and place names are words of the search dictionary: read them again."""
    search.forget_dictionary()
