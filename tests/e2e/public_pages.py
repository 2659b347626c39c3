"""Every public page type, in one list: the accessibility check (test_accessibility.py) visits each.

Another app's page type is added here as one more entry: a name and a function that returns the
URL of one such page in the demo site (it may create what it needs).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.apps import apps
from django.utils import timezone


def _first_live(model_name: str) -> str:
    return apps.get_model("articles", model_name).objects.live().order_by("pk").first().url


def _tag() -> str:
    tagged = apps.get_model("articles", "ArticlePageTag").objects.select_related("tag").order_by("pk").first()
    return f"/the/{tagged.tag.slug}/"


def _preview_link() -> str:
    """A shared preview link of a draft (the model lives with the editorial machinery)."""
    link_model = next(model for model in apps.get_models() if model.__name__ == "PreviewLink")
    page = apps.get_model("articles", "NewsPage").objects.live().order_by("pk").first()
    page.title = f"{page.title} (bản nháp)"
    page.save_revision()
    link = link_model.objects.create(
        page=page, recipient="Người góp ý", expires_at=timezone.now() + datetime.timedelta(days=1)
    )
    return f"/xem-truoc/{link.token}/"


def _live(app_label: str, model_name: str) -> str:
    return apps.get_model(app_label, model_name).objects.live().order_by("pk").first().url


def _by_slug(app_label: str, model_name: str, prefix: str) -> str:
    return f"{prefix}{apps.get_model(app_label, model_name).objects.order_by('pk').first().slug}/"


PUBLIC_PAGES: dict[str, Callable[[], str]] = {
    "home": lambda: "/",
    "news index": lambda: "/tin-tuc/",
    "guide index": lambda: "/huong-dan/",
    "faq index": lambda: "/hoi-dap/",
    "story index": lambda: "/mo-hinh-hay/",
    "news article": lambda: _first_live("NewsPage"),
    "guide": lambda: _first_live("GuidePage"),
    "faq": lambda: _first_live("FaqPage"),
    "success story": lambda: _first_live("SuccessStoryPage"),
    "unit section": lambda: "/tin-tuc/ha-quang/",
    "reform area": lambda: "/linh-vuc/thu-tuc-hanh-chinh/",
    "tag": _tag,
    "search results": lambda: "/tim-kiem/?q=khai+sinh",
    "search without results": lambda: "/tim-kiem/?q=zzqqxxyy",
    "filtered index": lambda: "/huong-dan/?area=thu-tuc-hanh-chinh",
    "shared preview link": _preview_link,
    "not found": lambda: "/khong-co-trang-nay/",
    # Legal bookcase (legal)
    "document index": lambda: "/van-ban/",
    "filtered document index": lambda: "/van-ban/?type=nghi-dinh",
    "legal document": lambda: _live("legal", "DocumentPage"),
    # Reform indices (indices)
    "indices": lambda: "/chi-so/",
    "one index": lambda: _by_slug("indices", "ReformIndex", "/chi-so/"),
    # Citizen participation (participation)
    "ask a question": lambda: "/gui-cau-hoi/",
    "email alerts": lambda: "/dang-ky-nhan-tin/",
    # Channels (channels)
    "printable bulletin": lambda: _first_live("NewsPage") + "ban-in/",
    "talking points": lambda: _first_live("NewsPage") + "de-cuong/",
    "guide print view": lambda: _first_live("GuidePage") + "ban-in/",
    "list of feeds": lambda: "/nguon-tin/",
    "monthly bulletin": lambda: _by_slug("channels", "MonthlyBulletin", "/ban-tin/"),
}
