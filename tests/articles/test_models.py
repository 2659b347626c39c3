import datetime

import pytest
from django.core.exceptions import ValidationError

from articles.models import GuidePage, NewsPage, UnitSection
from articles.tree import section_for
from home.models import ReformArea, Unit
from home.text import fold, slugify_vi

pytestmark = pytest.mark.django_db


def news_section(unit_slug: str) -> UnitSection:
    from articles.models import NewsIndexPage

    return section_for(NewsIndexPage, Unit.objects.get(slug=unit_slug))


def test_the_unit_of_an_article_follows_its_section_not_the_submitted_value():
    page = NewsPage(title="Tin thử", slug="tin-thu", summary="Tóm tắt")
    page.unit = Unit.objects.get(slug="bao-lac")
    news_section("ha-quang").add_child(instance=page)
    page.refresh_from_db()
    assert page.unit.slug == "ha-quang"


def test_summary_longer_than_300_characters_is_invalid():
    page = NewsPage(title="Tin dài", slug="tin-dai", summary="a" * 301)
    with pytest.raises(ValidationError) as error:
        news_section("tinh").add_child(instance=page)
    assert "summary" in error.value.message_dict


def test_a_news_page_cannot_be_created_under_a_guide_section():
    from articles.models import GuideIndexPage

    guide_section = section_for(GuideIndexPage, Unit.objects.get(slug="ha-quang"))
    assert GuidePage.can_create_at(guide_section)
    assert not NewsPage.can_create_at(guide_section)
    assert NewsPage.can_create_at(news_section("ha-quang"))


def test_guide_next_review_defaults_to_a_year_after_last_review():
    from articles.models import GuideIndexPage

    page = GuidePage(
        title="Thủ tục thử",
        slug="thu-tuc-thu",
        summary="Tóm tắt",
        agency="UBND xã",
        last_reviewed=datetime.date(2025, 3, 1),
    )
    section_for(GuideIndexPage, Unit.objects.get(slug="tinh")).add_child(instance=page)
    assert page.next_review_due == datetime.date(2026, 3, 1)
    assert page.review_overdue is (datetime.date.today() > datetime.date(2026, 3, 1))


def test_reform_areas_and_tags_are_kept_in_revisions():
    page = NewsPage(title="Tin có phân loại", slug="tin-co-phan-loai", summary="Tóm tắt")
    page.reform_areas.set([ReformArea.objects.get(slug="cong-vu")])
    page.tags.set(["công vụ", "tuyển dụng"])
    news_section("tinh").add_child(instance=page)
    page.save_revision().publish()
    restored = page.get_latest_revision_as_object()
    assert [area.slug for area in restored.reform_areas.all()] == ["cong-vu"]
    assert sorted(tag.name for tag in restored.tags.all()) == ["công vụ", "tuyển dụng"]


@pytest.mark.parametrize(
    ("text", "folded"),
    [("Đăng ký khai sinh", "dang ky khai sinh"), ("HOÀ GIẢI", "hoa giai"), ("Thuỷ lợi", "thuy loi")],
)
def test_fold_removes_diacritics_and_maps_d(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Đăng ký", "dang-ky"),
        ("Cấp phiếu lý lịch tư pháp số 1", "cap-phieu-ly-lich-tu-phap-so-1"),
        ("  Hỏi: thủ tục “một cửa” là gì?  ", "hoi-thu-tuc-mot-cua-la-gi"),
        ("Đ" * 3, "ddd"),
    ],
)
def test_slugify_vi(title, slug):
    assert slugify_vi(title) == slug
