"""Demo accounts, one per editorial role, for trying the workflow locally.

The password comes from DEMO_PASSWORD; without it a documented local-only default is used, and
only while DEBUG is on, so a production site never gets accounts with a known password.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from editorial import roles
from home.models import Unit

LOCAL_DEMO_PASSWORD = "caobang-demo-2025"

# username, full name, role, unit slug (the usernames are a fixed contract: the README lists them)
DEMO_ACCOUNTS = [
    ("bientap.haquang", "Biên tập viên Hà Quảng", "contributor", "ha-quang"),
    ("duyet.haquang", "Lãnh đạo duyệt Hà Quảng", "reviewer", "ha-quang"),
    ("bientap.baolac", "Biên tập viên Bảo Lạc", "contributor", "bao-lac"),
    ("duyet.baolac", "Lãnh đạo duyệt Bảo Lạc", "reviewer", "bao-lac"),
    ("pheduyet.tinh", "Phê duyệt cấp tỉnh", "approver", None),
    ("quantri", "Quản trị hệ thống", "administrator", None),
]


def role_group(role: str, unit_slug: str | None) -> Group:
    """The group of a role, created with its permissions by editorial.roles if missing."""
    if role == "approver":
        return roles.ensure_approver_group()
    if role == "administrator":
        return roles.ensure_administrator_group()
    unit = Unit.objects.get(slug=unit_slug)
    while unit.merged_into_id is not None:  # the demo unit was merged since: its successor's groups
        unit = unit.merged_into
    unit_roles = roles.ensure_unit_roles(unit)
    return unit_roles.contributors if role == "contributor" else unit_roles.reviewers


def demo_password() -> str | None:
    if settings.DEMO_PASSWORD:
        return settings.DEMO_PASSWORD
    return LOCAL_DEMO_PASSWORD if settings.DEBUG else None


def create_demo_accounts() -> list[str]:
    """Create the demo accounts that are missing; existing ones are left as they are."""
    password = demo_password()
    if password is None:
        return ["Bỏ qua tài khoản mẫu: DEBUG đang tắt và chưa đặt DEMO_PASSWORD."]
    User = get_user_model()
    lines = []
    for username, full_name, role, unit_slug in DEMO_ACCOUNTS:
        user, created = User.objects.get_or_create(username=username)
        if created:
            first_name, _space, last_name = full_name.rpartition(" ")
            user.first_name, user.last_name = first_name, last_name
            user.email = f"{username}@caobang.example"
            user.is_superuser = username == "quantri"
            user.is_staff = True
            user.set_password(password)
            user.save()
            lines.append(f"Đã tạo tài khoản mẫu: {username}")
        user.groups.add(role_group(role, unit_slug))
    return lines
