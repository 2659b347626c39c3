"""Demo data of the channels (hook `load_demo`): idempotent, and clearly marked as demo.

- One Bảo Lạc article gets key messages, a radio priority and a Mông-language version whose text
  says plainly that it is a placeholder (we have no real translation, and invent no recording).
- A monthly bulletin of Hà Quảng's latest news.
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from articles.models import NEWEST_FIRST, NewsPage
from channels.models import (
    BroadcastLanguage,
    BulletinItem,
    ChannelOptions,
    LanguageVersion,
    MonthlyBulletin,
    Priority,
    TalkingPoint,
)
from channels.roles import ensure_translators
from editorial.demo import demo_password
from home.models import Unit

DEMO_ARTICLE_SLUG = "bao-lac-dua-cai-cach-hanh-chinh-len-song-dai-truyen-thanh-xa-bang-tieng-mong"
DEMO_BULLETIN_SLUG = "ha-quang-ban-tin-mau"
DEMO_WINDOW_DAYS = 90
DEMO_TRANSLATOR = "dichvien.baolac"
DEMO_VERSION_TEXT = (
    "[BẢN MẪU – DỮ LIỆU THỬ NGHIỆM, CHƯA PHẢI BẢN DỊCH] Đây là chỗ dịch viên của Huyện Bảo Lạc nhập kịch bản "
    "tiếng Mông của bản tin này. Khi có bản dịch và bản ghi âm thật, biên tập viên thay văn bản này và "
    "chọn tệp ghi âm ở thẻ “Kênh tuyên truyền” của bài."
)
DEMO_POINTS = [
    "Đài truyền thanh xã phát tin cải cách hành chính bằng tiếng Mông, tiếng Dao để bà con vùng cao đều nắm được.",
    "Bà con có thể nộp hồ sơ thủ tục hành chính trực tuyến hoặc nhờ Tổ công nghệ số cộng đồng hướng dẫn.",
    "Có vướng mắc về thủ tục, bà con hỏi trực tiếp Bộ phận Một cửa của xã hoặc của huyện.",
]


def _demo_article() -> list[str]:
    page = NewsPage.objects.filter(slug=DEMO_ARTICLE_SLUG).first()
    language = BroadcastLanguage.objects.filter(code="mong").first()
    if page is None or language is None or page.language_versions.exists():
        return []
    draft = page.get_latest_revision_as_object()
    draft.language_versions.add(LanguageVersion(language=language, text=DEMO_VERSION_TEXT))
    for position, text in enumerate(DEMO_POINTS):
        draft.talking_points.add(TalkingPoint(text=text, sort_order=position))
    now = timezone.now()
    # A demo broadcast window that is open when the demo is loaded, so the radio feed has an item.
    draft.channel_options.add(
        ChannelOptions(priority=Priority.PRIORITY, valid_from=now, valid_until=now + timedelta(days=DEMO_WINDOW_DAYS))
    )
    draft.save_revision().publish()
    return [f"Kênh tuyên truyền: bản tiếng Mông (mẫu) và đề cương cho “{page.title}”."]


def _demo_bulletin() -> list[str]:
    if MonthlyBulletin.objects.filter(slug=DEMO_BULLETIN_SLUG).exists():
        return []
    unit = Unit.objects.filter(slug="ha-quang").first()
    news = list(NewsPage.objects.live().public().filter(unit=unit).order_by(*NEWEST_FIRST)[:4]) if unit else []
    if not news:
        return []
    month = news[0].date
    bulletin = MonthlyBulletin(
        title=f"Bản tin CCHC tháng {month.month}/{month.year} – {unit.name} (bản mẫu)",
        slug=DEMO_BULLETIN_SLUG,
        month=month,
        unit=unit,
        intro="Bản tin mẫu tạo từ dữ liệu thử nghiệm: những bài mới nhất của huyện, để in dán ở bảng tin xã.",
    )
    bulletin.items = [BulletinItem(page=page, sort_order=position) for position, page in enumerate(news)]
    bulletin.save()
    return [f"Kênh tuyên truyền: bản tin hằng tháng mẫu ở /ban-tin/{DEMO_BULLETIN_SLUG}/ ({len(news)} bài)."]


def _demo_translator() -> list[str]:
    """dichvien.baolac: a translator of Bảo Lạc (same password rule as the other demo accounts)."""
    password = demo_password()
    unit = Unit.objects.filter(slug="bao-lac").first()
    if password is None or unit is None:
        return []
    user, created = get_user_model().objects.get_or_create(
        username=DEMO_TRANSLATOR, defaults={"first_name": "Biên dịch viên", "last_name": "Bảo Lạc", "is_staff": True}
    )
    if created:
        user.email = f"{DEMO_TRANSLATOR}@caobang.example"
        user.set_password(password)
        user.save()
    user.groups.add(ensure_translators(unit))
    return [f"Đã tạo tài khoản mẫu: {DEMO_TRANSLATOR}"] if created else []


@transaction.atomic
def load_channel_demo() -> list[str]:
    return _demo_article() + _demo_bulletin() + _demo_translator()
