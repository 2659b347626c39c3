"""An article belongs to the unit whose section it sits in, on every path that puts it there."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from wagtail.actions.copy_page import CopyPageAction
from wagtail.actions.move_page import MovePageAction
from wagtail.models import Page

from articles.models import GuideIndexPage, NewsIndexPage, NewsPage
from articles.signals import MoveRefused
from articles.tree import section_for
from editorial.dashboard import unit_status_rows
from home.models import HomePage, Unit
from tests.editorial.conftest import current_task_state, edit_form_data, make_news, submit, user

pytestmark = pytest.mark.django_db


def news_section(unit_slug: str):
    return section_for(NewsIndexPage, Unit.objects.get(slug=unit_slug))


@pytest.fixture
def haquang_news(contributor):
    return make_news("ha-quang", "Hà Quảng công khai thủ tục tại nhà văn hóa xóm", owner=contributor, live=True)


def unit_of(page) -> str:
    return NewsPage.objects.get(pk=page.pk).unit.slug


def test_the_admin_move_gives_the_page_its_new_unit(client, approver, haquang_news):
    client.force_login(approver)
    destination = news_section("bao-lac")
    response = client.post(reverse("wagtailadmin_pages:move_confirm", args=[haquang_news.pk, destination.pk]))
    assert response.status_code == 302
    assert unit_of(haquang_news) == "bao-lac"
    assert NewsPage.objects.get(pk=haquang_news.pk).search_document.unit_slug == "bao-lac"


def test_a_bulk_move_gives_every_page_its_new_unit(client, approver, contributor):
    pages = [make_news("ha-quang", f"Tin chuyển hàng loạt {n}", owner=contributor, live=True) for n in range(2)]
    client.force_login(approver)
    destination = news_section("bao-lac")
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "move"])
    query = "&".join(f"id={page.pk}" for page in pages)
    response = client.post(f"{url}?{query}", {"chooser": destination.pk})
    assert response.status_code == 302
    assert [unit_of(page) for page in pages] == ["bao-lac", "bao-lac"]


def test_moving_in_code_gives_the_page_its_new_unit(haquang_news):
    Page.objects.get(pk=haquang_news.pk).move(news_section("bao-lac"), pos="last-child")
    assert unit_of(haquang_news) == "bao-lac"


@pytest.mark.parametrize(
    "destination",
    [
        pytest.param(lambda: section_for(GuideIndexPage, Unit.objects.get(slug="bao-lac")), id="another-types-section"),
        pytest.param(lambda: NewsIndexPage.objects.get(), id="the-index-itself"),
        pytest.param(lambda: HomePage.objects.get(), id="the-home-page"),
    ],
)
def test_a_move_outside_the_sections_of_its_type_is_refused_in_vietnamese(haquang_news, destination):
    page = Page.objects.get(pk=haquang_news.pk)
    path = page.path
    with pytest.raises(MoveRefused, match="Tin tức chỉ được đặt trong chuyên mục của một đơn vị"):
        MovePageAction(page, destination(), pos="last-child").execute(skip_permission_checks=True)
    page.refresh_from_db()
    assert (page.path, unit_of(page)) == (path, "ha-quang")


def test_the_admin_does_not_offer_or_allow_a_move_outside_the_sections(client, haquang_news):
    client.force_login(user("quantri"))  # a superuser: only the tree's rules stand in the way
    destination = section_for(GuideIndexPage, Unit.objects.get(slug="bao-lac"))
    response = client.post(reverse("wagtailadmin_pages:move_confirm", args=[haquang_news.pk, destination.pk]))
    assert response.status_code in {302, 403}
    assert Page.objects.get(pk=haquang_news.pk).get_parent().pk == news_section("ha-quang").pk


def test_a_move_into_a_retired_units_section_is_refused(haquang_news):
    bao_lac = Unit.objects.get(slug="bao-lac")
    section = news_section("bao-lac")
    Unit.objects.filter(pk=bao_lac.pk).update(retired_on=datetime.date(2025, 7, 1))
    with pytest.raises(MoveRefused, match="đã ngừng hoạt động"):
        Page.objects.get(pk=haquang_news.pk).move(section, pos="last-child")
    assert not NewsPage.can_create_at(section)


def test_a_copy_takes_the_unit_of_the_section_it_is_copied_to(haquang_news, approver):
    copy = CopyPageAction(
        Page.objects.get(pk=haquang_news.pk),
        to=news_section("bao-lac"),
        update_attrs={"slug": "ban-sao"},
        user=approver,
    ).execute()
    assert NewsPage.objects.get(pk=copy.pk).unit.slug == "bao-lac"
    assert unit_of(haquang_news) == "ha-quang"


def test_an_edit_after_the_move_keeps_the_new_unit(client, haquang_news, other_contributor):
    Page.objects.get(pk=haquang_news.pk).move(news_section("bao-lac"), pos="last-child")
    client.force_login(other_contributor)
    page = NewsPage.objects.get(pk=haquang_news.pk)
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), edit_form_data(page, title="Sửa"))
    assert response.status_code == 302
    page = NewsPage.objects.get(pk=haquang_news.pk)
    assert page.get_latest_revision_as_object().title == "Sửa"
    assert page.get_latest_revision_as_object().unit.slug == "bao-lac"


def test_reverting_to_or_publishing_a_revision_from_before_the_move_keeps_the_new_unit(haquang_news):
    old_revision = NewsPage.objects.get(pk=haquang_news.pk).latest_revision
    Page.objects.get(pk=haquang_news.pk).move(news_section("bao-lac"), pos="last-child")
    assert old_revision.as_object().unit.slug == "bao-lac"
    old_revision.publish()
    assert unit_of(haquang_news) == "bao-lac"
    reverted = old_revision.as_object()
    reverted.title = "Quay lại bản cũ"
    reverted.save_revision().publish()
    assert unit_of(haquang_news) == "bao-lac"


def test_the_api_reports_the_new_unit(client, haquang_news):
    Page.objects.get(pk=haquang_news.pk).move(news_section("bao-lac"), pos="last-child")
    data = client.get(f"/api/v2/pages/{haquang_news.pk}/").json()
    assert data["unit_slug"] == "bao-lac"


def test_a_submitted_page_moved_to_another_unit_waits_for_that_units_reviewers(contributor, haquang_draft, mailoutbox):
    submit(haquang_draft, contributor)
    mailoutbox.clear()
    Page.objects.get(pk=haquang_draft.pk).move(news_section("bao-lac"), pos="last-child")
    recipients = {address for message in mailoutbox for address in message.to}
    assert "duyet.baolac@caobang.example" in recipients
    assert "duyet.haquang@caobang.example" not in recipients
    state = current_task_state(haquang_draft)
    page = NewsPage.objects.get(pk=haquang_draft.pk)
    assert state.task.specific.get_actions(page, user("duyet.haquang")) == []
    assert "approve" in {name for name, _label, _modal in state.task.specific.get_actions(page, user("duyet.baolac"))}
    counts = {row.unit.slug: row.counts for row in unit_status_rows(None)}
    moved_into = counts["bao-lac"]
    assert moved_into[1] >= 1  # waiting for the unit's review, counted for Bảo Lạc
    assert unit_status_rows({Unit.objects.get(slug="ha-quang").pk})[0].counts[1] == 0
