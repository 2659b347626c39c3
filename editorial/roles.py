"""Editorial roles as Wagtail groups, created and kept in sync by code (idempotent).

- Biên tập viên – <unit>: add and edit drafts in the unit's sections, upload to its collection.
- Lãnh đạo duyệt – <unit>: edit the unit's drafts; approve or send back at step 1 (UnitReviewTask).
- Phê duyệt cấp tỉnh: approve step 2, publish, schedule, unpublish, lock anything on the site.
- Quản trị hệ thống: units, accounts, groups, site settings.

Nobody but the provincial approvers (and superusers) holds "publish": a contributor or a reviewer
can only reach "live" through the workflow (editorial.workflow).
"""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail import hooks
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from articles.models import UnitSection
from articles.tree import ensure_home_page, ensure_unit_sections
from editorial.models import UnitRoles
from home.models import Unit

CONTRIBUTOR_PAGE_PERMISSIONS = ["add", "change"]
REVIEWER_PAGE_PERMISSIONS = ["change", "lock"]
APPROVER_PAGE_PERMISSIONS = ["add", "change", "publish", "lock", "unlock"]

CONTRIBUTOR_MEDIA_PERMISSIONS = ["add", "choose"]
REVIEWER_MEDIA_PERMISSIONS = ["add", "change", "choose"]
APPROVER_MEDIA_PERMISSIONS = ["add", "change", "choose", "delete"]

# What citizens search for is the province's to steer: the synonyms, the promoted results and the
# query reports (docs/search.md) — for the provincial approvers and the administrators.
SEARCH_EDITOR_PERMISSIONS = [
    ("search", "synonym", ["add", "change", "delete", "view"]),
    ("search", "querylog", ["view"]),
    ("wagtailsearchpromotions", "searchpromotion", ["add", "change", "delete", "view"]),
    ("wagtailsearchpromotions", "query", ["add", "change", "view"]),
]

ADMINISTRATOR_MODEL_PERMISSIONS = [
    ("auth", "user", ["add", "change", "delete", "view"]),
    # Groups and their permissions are kept by this module (ensure_roles): administrators see them,
    # and put accounts in the units' groups (editorial.users), but do not change what a group may do.
    ("auth", "group", ["view"]),
    ("home", "unit", ["add", "change", "delete", "view"]),
    ("home", "reformarea", ["add", "change", "view"]),
    ("home", "sitecontact", ["change", "view"]),
    ("wagtailcore", "site", ["add", "change", "delete", "view"]),
    ("wagtailcore", "collection", ["add", "change", "delete", "view"]),
    ("wagtailcore", "workflow", ["add", "change", "delete"]),
    ("wagtailcore", "task", ["add", "change", "delete"]),
]

ADMINISTRATOR_RETIRED_GROUP_RIGHTS = ["add", "change", "delete"]

# Apps whose permissions we hand out; after a fresh migrate they may not have been created yet
# when our post_migrate handler runs (articles comes before them in INSTALLED_APPS).
PERMISSION_APPS = [
    "auth",
    "home",
    "search",
    "wagtailadmin",
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "wagtailsearchpromotions",
]


# Group names are what administrators read in the admin; they also identify the two site-wide groups.
APPROVER_GROUP = "Phê duyệt cấp tỉnh"
ADMINISTRATOR_GROUP = "Quản trị hệ thống"


def approver_group_name() -> str:
    return APPROVER_GROUP


def administrator_group_name() -> str:
    return ADMINISTRATOR_GROUP


def contributor_group_name(unit: Unit) -> str:
    return f"Biên tập viên – {unit.name}"


def reviewer_group_name(unit: Unit) -> str:
    return f"Lãnh đạo duyệt – {unit.name}"


def _ensure_permissions_exist() -> None:
    labels = PERMISSION_APPS + [app_label for app_label, _model in collection_models()]
    for label in dict.fromkeys(labels):
        create_permissions(apps.get_app_config(label), verbosity=0)


def _permission(app_label: str, model: str, action: str) -> Permission:
    content_type = ContentType.objects.get_by_natural_key(app_label, model)
    return Permission.objects.get(content_type=content_type, codename=f"{action}_{model}")


def _model_permissions(rows: list[tuple[str, str, list[str]]]) -> list[Permission]:
    return [_permission(app_label, model, action) for app_label, model, actions in rows for action in actions]


def _page_permission(action: str) -> Permission:
    return _permission("wagtailcore", "page", action)


def _set_page_permissions(group: Group, pages: list[Page], actions: list[str]) -> None:
    """Exactly these actions on exactly these pages (anything else the group had is removed)."""
    wanted = {(page.pk, _page_permission(action).pk) for page in pages for action in actions}
    existing = set(GroupPagePermission.objects.filter(group=group).values_list("page_id", "permission_id"))
    for page_id, permission_id in existing - wanted:
        GroupPagePermission.objects.filter(group=group, page_id=page_id, permission_id=permission_id).delete()
    for page_id, permission_id in wanted - existing:
        GroupPagePermission.objects.create(group=group, page_id=page_id, permission_id=permission_id)


COLLECTION_MODELS = [("wagtailimages", "image"), ("wagtaildocs", "document")]


def collection_models() -> list[tuple[str, str]]:
    """The models kept in unit collections: images, documents, and what apps above add.

    An app above (e.g. channels' recordings, wagtailmedia) adds (app_label, model) pairs through the
    `register_unit_collection_models` hook; its groups' rights then survive every role sync.
    """
    models = list(COLLECTION_MODELS)
    for contribute in hooks.get_hooks("register_unit_collection_models"):
        models += [pair for pair in contribute() if pair not in models]
    return models


def _set_collection_permissions(group: Group, collection: Collection, actions: list[str]) -> None:
    codenames = {(app_label, f"{action}_{model}") for app_label, model in collection_models() for action in actions}
    # A model may have no permission for an action (media has no "choose"): that pair is skipped.
    wanted = {
        permission.pk
        for permission in Permission.objects.filter(
            content_type__app_label__in={app_label for app_label, _codename in codenames},
            codename__in={codename for _app_label, codename in codenames},
        ).select_related("content_type")
        if (permission.content_type.app_label, permission.codename) in codenames
    }
    GroupCollectionPermission.objects.filter(group=group).exclude(
        collection=collection, permission_id__in=wanted
    ).delete()
    for permission_id in wanted:
        GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission_id=permission_id)


def _set_admin_access(group: Group, extra: list[Permission] | None = None) -> None:
    group.permissions.add(_permission("wagtailadmin", "admin", "access"), *(extra or []))


def _named_group(name: str, current: Group | None = None) -> Group:
    """The group (renamed if its unit was renamed), or a new one with that name."""
    if current is not None:
        if current.name != name:
            current.name = name
            current.save(update_fields=["name"])
        return current
    group, _created = Group.objects.get_or_create(name=name)
    return group


UNITS_COLLECTION = "Đơn vị"


def root_collection() -> Collection:
    """Wagtail's root collection (recreated if a database flush removed it)."""
    return Collection.get_first_root_node() or Collection.add_root(name="Root")


def units_root_collection() -> Collection:
    root = root_collection()
    name = UNITS_COLLECTION
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


@transaction.atomic
def ensure_unit_roles(unit: Unit) -> UnitRoles | None:
    """The unit's collection and two groups, with permissions on its sections (idempotent).

    A unit merged into another has handed its pages, accounts and media over: it gets none."""
    if unit.merged_into_id is not None:
        return None
    _ensure_permissions_exist()
    roles = UnitRoles.objects.filter(unit=unit).select_related("contributors", "reviewers", "collection").first()
    contributors = _named_group(contributor_group_name(unit), roles.contributors if roles else None)
    reviewers = _named_group(reviewer_group_name(unit), roles.reviewers if roles else None)
    if roles is not None:
        collection = roles.collection
        if collection.name != unit.name:
            collection.name = unit.name
            collection.save(update_fields=["name"])
    else:
        parent = units_root_collection()
        collection = parent.get_children().filter(name=unit.name).first() or parent.add_child(name=unit.name)
        roles = UnitRoles.objects.create(
            unit=unit, contributors=contributors, reviewers=reviewers, collection=collection
        )

    ensure_unit_sections(unit)  # a no-op before the index pages exist
    sections = list(UnitSection.objects.filter(unit=unit))
    _set_page_permissions(contributors, sections, CONTRIBUTOR_PAGE_PERMISSIONS)
    _set_page_permissions(reviewers, sections, REVIEWER_PAGE_PERMISSIONS)
    _set_collection_permissions(contributors, collection, CONTRIBUTOR_MEDIA_PERMISSIONS)
    _set_collection_permissions(reviewers, collection, REVIEWER_MEDIA_PERMISSIONS)
    _set_admin_access(contributors)
    _set_admin_access(reviewers)
    return roles


@transaction.atomic
def ensure_unit_group(
    unit: Unit, name: str, current: Group | None, *, page_actions: list[str], collection_actions: list[str]
) -> Group:
    """A further per-unit group that an app above keeps (e.g. channels' translators), idempotent.

    Named `name` (the `current` group is renamed when the unit was), with exactly `page_actions` on
    the unit's sections and `collection_actions` on the unit's collection, and admin access.
    """
    roles = ensure_unit_roles(unit)
    group = _named_group(name, current)
    _set_page_permissions(group, list(UnitSection.objects.filter(unit=unit)), page_actions)
    _set_collection_permissions(group, roles.collection, collection_actions)
    _set_admin_access(group)
    return group


@transaction.atomic
def ensure_approver_group() -> Group:
    _ensure_permissions_exist()
    group = _named_group(approver_group_name())
    _set_page_permissions(group, [ensure_home_page()], APPROVER_PAGE_PERMISSIONS)
    _set_collection_permissions(group, root_collection(), APPROVER_MEDIA_PERMISSIONS)
    _set_admin_access(group, _model_permissions(SEARCH_EDITOR_PERMISSIONS))
    return group


@transaction.atomic
def ensure_administrator_group() -> Group:
    _ensure_permissions_exist()
    group = _named_group(administrator_group_name())
    _set_admin_access(group, _model_permissions(ADMINISTRATOR_MODEL_PERMISSIONS + SEARCH_EDITOR_PERMISSIONS))
    # Rights the role once had and must not keep (they let it rewrite any group's permissions).
    group.permissions.remove(*(_permission("auth", "group", action) for action in ADMINISTRATOR_RETIRED_GROUP_RIGHTS))
    return group


@transaction.atomic
def grant_provincial_model_permissions(permissions: list[tuple[str, str, list[str]]]) -> None:
    """Give the provincial approvers and the administrators these model permissions, idempotently.

    For apps above this one whose data is the province's to keep (the reform indices, …): each
    calls it from its own post_migrate handler with (app_label, model, actions) triples, in the
    form of ADMINISTRATOR_MODEL_PERMISSIONS. Additive: permissions given by hand stay.
    """
    for app_label in {app_label for app_label, _model, _actions in permissions}:
        create_permissions(apps.get_app_config(app_label), verbosity=0)
    wanted = [_permission(app_label, model, action) for app_label, model, actions in permissions for action in actions]
    for group in (ensure_approver_group(), ensure_administrator_group()):
        group.permissions.add(*wanted)


@transaction.atomic
def ensure_roles() -> None:
    """Every unit's groups and collection, the provincial and administrator groups."""
    for unit in Unit.objects.all():
        ensure_unit_roles(unit)
    ensure_approver_group()
    ensure_administrator_group()
    retire_wagtail_default_groups()


# Wagtail's first migration creates these English groups with rights over the whole page tree;
# our roles replace them, and leaving them would let a mistaken membership bypass the unit review.
WAGTAIL_DEFAULT_GROUPS = ["Editors", "Moderators"]


def retire_wagtail_default_groups() -> None:
    for group in Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS):
        GroupPagePermission.objects.filter(group=group).delete()
        GroupCollectionPermission.objects.filter(group=group).delete()
        group.permissions.clear()
        if not group.user_set.exists():
            group.delete()


def contributor_unit_ids(user) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(UnitRoles.objects.filter(contributors__user=user).values_list("unit_id", flat=True))


def units_of(user) -> set[int]:
    """Units a user works for, as contributor or reviewer."""
    if not user.is_authenticated:
        return set()
    return set(UnitRoles.objects.filter(contributors__user=user).values_list("unit_id", flat=True)) | set(
        UnitRoles.objects.filter(reviewers__user=user).values_list("unit_id", flat=True)
    )


def is_provincial_approver(user) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name=approver_group_name()).exists()
