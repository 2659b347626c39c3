"""Demo accounts, one per editorial role, for trying the workflow locally.

The password comes from DEMO_PASSWORD; without it a documented local-only default is used, and
only while DEBUG is on, so a production site never gets accounts with a known password.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

LOCAL_DEMO_PASSWORD = "caobang-demo-2025"

# username, full name, group names (created and kept in sync by articles.roles)
DEMO_ACCOUNTS = [
    ("bientap.haquang", "Biên tập viên Hà Quảng", ["Biên tập viên – Huyện Hà Quảng"]),
    ("duyet.haquang", "Lãnh đạo duyệt Hà Quảng", ["Lãnh đạo duyệt – Huyện Hà Quảng"]),
    ("bientap.baolac", "Biên tập viên Bảo Lạc", ["Biên tập viên – Huyện Bảo Lạc"]),
    ("duyet.baolac", "Lãnh đạo duyệt Bảo Lạc", ["Lãnh đạo duyệt – Huyện Bảo Lạc"]),
    ("pheduyet.tinh", "Phê duyệt cấp tỉnh", ["Phê duyệt cấp tỉnh"]),
    ("quantri", "Quản trị hệ thống", ["Quản trị hệ thống"]),
]


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
    for username, full_name, group_names in DEMO_ACCOUNTS:
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
        user.groups.add(*Group.objects.filter(name__in=group_names))
    return lines
