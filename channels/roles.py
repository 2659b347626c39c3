"""Who may do what with the channels, on top of the editorial roles (editorial.roles).

- The provincial approvers (and superusers) set a radio item's priority: the permission
  channels.set_radio_priority, checked by the editor form itself (a field the user may not set is
  not in the form, so a posted value is ignored).
- A unit's contributors and reviewers upload recordings to the unit's collection: media is one of
  the models editorial.roles keeps in unit collections (hook `register_unit_collection_models`).
- "Biên dịch viên – <unit>": may open the unit's articles in the editor and upload recordings, and
  may change nothing but the ethnic-language versions, saved as drafts (channels.wagtail_hooks
  refuses any other change, on the server); the unit's editors then submit them for review.
"""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission

from channels.models import UnitTranslators
from editorial.models import UnitRoles
from editorial.roles import APPROVER_GROUP, ensure_unit_group
from home.models import Unit

PRIORITY_PERMISSION = "channels.set_radio_priority"
TRANSLATOR_PAGE_PERMISSIONS = ["change"]
TRANSLATOR_MEDIA_PERMISSIONS = ["add", "choose"]


def translator_group_name(unit: Unit) -> str:
    return f"Biên dịch viên – {unit.name}"


def grant_priority_to_approvers() -> None:
    create_permissions(apps.get_app_config("channels"), verbosity=0)
    group = Group.objects.filter(name=APPROVER_GROUP).first()
    if group is not None:
        app_label, codename = PRIORITY_PERMISSION.split(".")
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def ensure_translators(unit: Unit) -> Group | None:
    """The unit's translator group with its rights; a merged unit's translators join the receiving
    unit's group and its own group goes (as editorial does with its contributors and reviewers)."""
    current = UnitTranslators.objects.filter(unit=unit).select_related("group").first()
    if unit.merged_into_id is not None:
        if current is not None:
            receiving = ensure_translators(unit.merged_into)
            receiving.user_set.add(*current.group.user_set.all())
            group = current.group
            current.delete()
            group.delete()
        return None
    group = ensure_unit_group(
        unit,
        translator_group_name(unit),
        current.group if current else None,
        page_actions=TRANSLATOR_PAGE_PERMISSIONS,
        collection_actions=TRANSLATOR_MEDIA_PERMISSIONS,
    )
    if current is None:
        UnitTranslators.objects.create(unit=unit, group=group)
    return group


def ensure_all_translators() -> None:
    for unit in Unit.objects.all():
        ensure_translators(unit)


def is_translator_only(user, unit_id: int) -> bool:
    """A translator of the unit who is neither its editor or reviewer nor a provincial approver."""
    if not user.is_authenticated or user.is_superuser:
        return False
    if not UnitTranslators.objects.filter(unit_id=unit_id, group__user=user).exists():
        return False
    editor = UnitRoles.objects.filter(unit_id=unit_id, contributors__user=user).exists() or (
        UnitRoles.objects.filter(unit_id=unit_id, reviewers__user=user).exists()
    )
    return not editor and not user.groups.filter(name=APPROVER_GROUP).exists()
