"""Editors see each page's yes/no counts and comments, for their own unit's pages."""

from __future__ import annotations

import pytest

from articles.models import NewsPage
from tests.participation.conftest import make_feedback, march, soup

pytestmark = pytest.mark.django_db


def url(page) -> str:
    return f"/admin/y-kien-ban-doc/{page.pk}/"


def test_the_unit_sees_its_pages_counts_and_comments(contributor_client, known_data, haquang_guide):
    page = soup(contributor_client.get(url(haquang_guide)))
    counts = [cell.get_text(strip=True) for cell in page.select("#feedback-counts tbody td")]
    assert counts == ["3", "3", "6"]  # all time: the two "no" just outside March count here
    comments = [
        [cell.get_text(strip=True) for cell in row.find_all("td")] for row in page.select("#feedback-comments tbody tr")
    ]
    assert comments == [["10/03/2025 10:00", "Chưa hữu ích", "Thiếu mẫu tờ khai."]]


def test_the_reviewer_and_the_province_see_it_too(reviewer_client, approver_client, known_data, haquang_guide):
    for client in (reviewer_client, approver_client):
        assert client.get(url(haquang_guide)).status_code == 200


def test_another_unit_is_refused_by_url(other_contributor_client, known_data, haquang_guide):
    response = other_contributor_client.get(url(haquang_guide))
    assert (response.status_code, response["Location"]) == (302, "/admin/")


def test_the_page_editor_links_to_it(contributor_client, haquang_guide):
    editor = contributor_client.get(f"/admin/pages/{haquang_guide.pk}/edit/").content.decode()
    assert url(haquang_guide) in editor


def test_the_other_units_editor_has_no_link(approver_client, other_contributor_client, baolac_guide, haquang_guide):
    explorer = other_contributor_client.get(f"/admin/pages/{baolac_guide.get_parent().pk}/").content.decode()
    assert url(baolac_guide) in explorer
    assert url(haquang_guide) not in explorer


def test_pages_that_take_no_feedback_have_no_feedback_screen(contributor_client):
    news = NewsPage.objects.filter(unit__slug="ha-quang").first()
    assert contributor_client.get(url(news)).status_code == 404


def test_comments_are_newest_first(contributor_client, haquang_guide):
    make_feedback(haquang_guide, True, march(1), comment="Cũ hơn")
    make_feedback(haquang_guide, False, march(2), comment="Mới hơn")
    rows = soup(contributor_client.get(url(haquang_guide))).select("#feedback-comments tbody tr")
    assert [row.find_all("td")[2].get_text(strip=True) for row in rows] == ["Mới hơn", "Cũ hơn"]
