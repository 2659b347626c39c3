import pytest
from django.urls import reverse

from articles.models import UnitSection
from articles.tree import index_pages
from home.models import ReformArea, Unit

REFORM_AREAS = {
    "the-che": "Cải cách thể chế",
    "thu-tuc-hanh-chinh": "Cải cách thủ tục hành chính",
    "to-chuc-bo-may": "Cải cách tổ chức bộ máy hành chính nhà nước",
    "cong-vu": "Cải cách chế độ công vụ",
    "tai-chinh-cong": "Cải cách tài chính công",
    "chinh-quyen-so": "Xây dựng và phát triển chính quyền điện tử, chính quyền số",
}
UNIT_SLUGS = {
    "tinh",
    "so-noi-vu",
    "so-thong-tin-truyen-thong",
    "so-tai-chinh",
    "so-tu-phap",
    "so-ke-hoach-dau-tu",
    "thanh-pho-cao-bang",
    "bao-lac",
    "bao-lam",
    "ha-lang",
    "ha-quang",
    "hoa-an",
    "nguyen-binh",
    "quang-hoa",
    "thach-an",
    "trung-khanh",
}

pytestmark = pytest.mark.django_db


def test_the_six_reform_areas_are_seeded_with_fixed_slugs_and_names():
    assert dict(ReformArea.objects.values_list("slug", "name")) == REFORM_AREAS
    assert all(ReformArea.objects.values_list("description", flat=True))


def test_units_are_seeded():
    assert set(Unit.objects.values_list("slug", flat=True)) >= UNIT_SLUGS
    assert Unit.objects.get(slug="tinh").is_provincial_office
    assert not Unit.objects.get(slug="ha-quang").is_provincial_office


def test_every_unit_has_a_section_under_every_index():
    for unit in Unit.objects.all():
        assert UnitSection.objects.filter(unit=unit).count() == len(index_pages())


def test_a_unit_added_in_the_admin_gets_its_sections(admin_client):
    response = admin_client.post(
        reverse("wagtailsnippets_home_unit:add"),
        {"name": "Xã Quang Trung", "slug": "xa-quang-trung", "kind": "commune", "sort_order": 200},
    )
    assert response.status_code == 302
    unit = Unit.objects.get(slug="xa-quang-trung")
    sections = UnitSection.objects.filter(unit=unit)
    paths = sorted(section.url_path for section in sections)
    assert paths == sorted(f"{index.url_path}xa-quang-trung/" for index in index_pages())
    assert {
        "/home/hoi-dap/xa-quang-trung/",
        "/home/huong-dan/xa-quang-trung/",
        "/home/mo-hinh-hay/xa-quang-trung/",
        "/home/tin-tuc/xa-quang-trung/",
    } <= set(paths)


def test_unit_admin_rejects_a_duplicate_slug_with_a_message(admin_client):
    response = admin_client.post(
        reverse("wagtailsnippets_home_unit:add"),
        {"name": "Trùng", "slug": "ha-quang", "kind": "district", "sort_order": 1},
    )
    assert response.status_code == 200
    assert Unit.objects.filter(slug="ha-quang").count() == 1
