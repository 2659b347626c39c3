"""Who keeps the figures: the provincial approvers and the administrators (editorial.roles)."""

from editorial.roles import grant_provincial_model_permissions

INDEX_PERMISSIONS = [
    ("indices", "reformindex", ["add", "change", "view"]),
    ("indices", "indexresult", ["add", "change", "delete", "view"]),
]


def grant_permissions_after_migrate(sender, **kwargs) -> None:
    grant_provincial_model_permissions(INDEX_PERMISSIONS)
