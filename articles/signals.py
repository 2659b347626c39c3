from django.db.models.signals import post_save
from django.dispatch import receiver

from home.models import Unit


@receiver(post_save, sender=Unit)
def give_new_unit_its_sections(sender, instance: Unit, created: bool, raw: bool = False, **kwargs) -> None:
    if raw:
        return
    from articles.tree import ensure_unit_sections, index_pages

    if index_pages():
        ensure_unit_sections(instance)


def build_site_tree_after_migrate(sender, **kwargs) -> None:
    from articles.tree import ensure_site_tree

    ensure_site_tree()
