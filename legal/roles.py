"""Who manages the list of document types: the administrators (editorial.roles' group)."""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission

from editorial.roles import ADMINISTRATOR_GROUP

ADMINISTRATOR_ACTIONS = ["add", "change", "delete", "view"]


def grant_document_types() -> None:

    create_permissions(apps.get_app_config("legal"), verbosity=0)
    group = Group.objects.filter(name=ADMINISTRATOR_GROUP).first()
    if group is None:
        return
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="legal",
            codename__in=[f"{action}_documenttype" for action in ADMINISTRATOR_ACTIONS],
        )
    )


def grant_after_migrate(sender, **kwargs) -> None:
    grant_document_types()
