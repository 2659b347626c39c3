"""Who may do what with the channels, on top of the editorial roles (editorial.roles).

- The provincial approvers (and superusers) set a radio item's priority: the permission
  channels.set_radio_priority, checked by the editor form itself (a field the user may not set is
  not in the form, so a posted value is ignored).
- A unit's contributors and reviewers upload recordings to the unit's collection: media is one of
  the models editorial.roles keeps in unit collections (hook `register_unit_collection_models`).
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission

from editorial.roles import APPROVER_GROUP

PRIORITY_PERMISSION = "channels.set_radio_priority"


def grant_priority_to_approvers() -> None:
    create_permissions(apps.get_app_config("channels"), verbosity=0)
    group = Group.objects.filter(name=APPROVER_GROUP).first()
    if group is not None:
        app_label, codename = PRIORITY_PERMISSION.split(".")
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
