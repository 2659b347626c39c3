"""The admin speaks Vietnamese: every screen a contributor, reviewer or approver uses in the workflow
is rendered as that role and searched for English left over (visible text, button labels, titles,
aria-labels, placeholders).

English is recognised by vocabulary: a word of Wagtail's and Django's English interface strings that
our Vietnamese catalogue never uses. Proper names that stay as they are sit in ALLOWED_WORDS.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import django
import polib
import pytest
import wagtail
from bs4 import BeautifulSoup, Comment
from django.conf import settings
from django.urls import reverse

from articles.models import NewsIndexPage
from articles.tree import section_for
from home.models import Unit
from tests.editorial.conftest import current_task_state, make_news, submit, user

pytestmark = pytest.mark.django_db

# Proper names and key names that stay as they are.
ALLOWED_WORDS = {"wagtail", "gravatar", "draftail", "markdown", "unicode", "html", "json", "csv", "xlsx", "ctrl", "alt"}
# Time zone identifiers (Asia/Ho_Chi_Minh …) in the account settings are names, not interface text.
TIME_ZONE_NAME = re.compile(r"^[A-Za-z_\-]+(/[A-Za-z0-9_\-+]+)+$")
ATTRIBUTES = ("title", "aria-label", "placeholder", "alt", "aria-description", "data-bs-title")
WORD = re.compile(r"[A-Za-z]{3,}")


def _words(text: str) -> set[str]:
    return {word.lower() for word in WORD.findall(text)}


@functools.cache
def english_vocabulary() -> frozenset[str]:
    english: set[str] = set()
    sources = [Path(wagtail.__file__).parent, Path(django.__file__).parent / "conf"]
    for source in sources:
        for po_path in source.rglob("locale/en/LC_MESSAGES/*.po"):
            for entry in polib.pofile(str(po_path)):
                english |= _words(entry.msgid) | _words(entry.msgid_plural or "")
    vietnamese: set[str] = set()
    for po_path in Path(settings.LOCALE_PATHS[0]).rglob("*.po"):
        for entry in polib.pofile(str(po_path)):
            vietnamese |= _words(entry.msgstr) | {w for s in entry.msgstr_plural.values() for w in _words(s)}
    return frozenset(english - vietnamese - ALLOWED_WORDS)


def visible_strings(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "svg"]):
        tag.decompose()
    for tag in soup.find_all(attrs={"hidden": True}):
        tag.decompose()
    for comment in soup.find_all(string=lambda text: isinstance(text, Comment)):
        comment.extract()
    strings = [text.strip() for text in soup.find_all(string=True) if text.strip()]
    for tag in soup.find_all(True):
        strings += [tag[name] for name in ATTRIBUTES if isinstance(tag.get(name), str) and tag[name].strip()]
        if tag.name == "input" and tag.get("type") in {"submit", "button"} and tag.get("value"):
            strings.append(tag["value"])
    return strings


def english_left_over(html: str) -> list[str]:
    vocabulary = english_vocabulary()
    strings = {text for text in visible_strings(html) if not TIME_ZONE_NAME.match(text)}
    return sorted(text for text in strings if _words(text) & vocabulary)


def screen_html(response) -> str:
    assert response.status_code == 200, response.status_code
    if response["Content-Type"].startswith("application/json"):
        return json.loads(response.content)["html"]
    return response.content.decode()


@pytest.fixture
def screens(client):
    """(role, screen name, url) for every screen of the workflow, with the pages they need."""
    contributor, reviewer, approver = user("bientap.haquang"), user("duyet.haquang"), user("pheduyet.tinh")
    haquang = Unit.objects.get(slug="ha-quang")
    section = section_for(NewsIndexPage, haquang)
    draft = make_news("ha-quang", "Bản nháp để kiểm tra giao diện", owner=contributor)
    at_step_1 = make_news("ha-quang", "Bài chờ lãnh đạo huyện duyệt", owner=contributor)
    submit(at_step_1, contributor)
    at_step_2 = make_news("ha-quang", "Bài chờ cấp tỉnh phê duyệt", owner=contributor)
    submit(at_step_2, contributor)
    state = current_task_state(at_step_2)
    state.task.specific.on_action(state.specific, reviewer, "approve")
    sent_back = make_news("ha-quang", "Bài bị trả lại", owner=contributor)
    submit(sent_back, contributor)
    state = current_task_state(sent_back)
    state.task.specific.on_action(state.specific, reviewer, "reject", comment="Cần bổ sung ảnh minh họa.")
    live = make_news("ha-quang", "Bài đã xuất bản", owner=contributor, live=True)
    step_1_state = current_task_state(at_step_1)
    step_2_state = current_task_state(at_step_2)

    def edit(page):
        return reverse("wagtailadmin_pages:edit", args=[page.pk])

    return [
        (None, "đăng nhập", reverse("wagtailadmin_login")),
        (None, "quên mật khẩu", reverse("wagtailadmin_password_reset")),
        (contributor, "tổng quan", reverse("wagtailadmin_home")),
        (contributor, "danh sách trang", reverse("wagtailadmin_explore", args=[section.pk])),
        (contributor, "viết bài mới", reverse("wagtailadmin_pages:add", args=["articles", "newspage", section.pk])),
        (contributor, "sửa bản nháp", edit(draft)),
        (contributor, "bài bị trả lại", edit(sent_back)),
        (contributor, "bài đang chờ duyệt", edit(at_step_1)),
        (contributor, "lịch sử", reverse("wagtailadmin_pages:history", args=[draft.pk])),
        (contributor, "lịch sử quy trình", reverse("wagtailadmin_pages:workflow_history", args=[sent_back.pk])),
        (contributor, "đường dẫn xem trước", reverse("editorial_preview_links", args=[draft.pk])),
        (contributor, "ảnh", reverse("wagtailimages:index")),
        (contributor, "tải ảnh lên", reverse("wagtailimages:add_multiple")),
        (contributor, "tài liệu", reverse("wagtaildocs:index")),
        (contributor, "tải tài liệu lên", reverse("wagtaildocs:add_multiple")),
        (contributor, "tài khoản", reverse("wagtailadmin_account")),
        (contributor, "chọn ảnh", reverse("wagtailimages_chooser:choose")),
        (contributor, "chọn trang", reverse("wagtailadmin_choose_page")),
        (reviewer, "tổng quan", reverse("wagtailadmin_home")),
        (reviewer, "duyệt bước 1", edit(at_step_1)),
        (
            reviewer,
            "hộp thoại trả lại",
            reverse("wagtailadmin_pages:workflow_action", args=[at_step_1.pk, "reject", step_1_state.pk]),
        ),
        (
            reviewer,
            "xem trước bài chờ duyệt",
            reverse("wagtailadmin_pages:workflow_preview", args=[at_step_1.pk, step_1_state.task_id]),
        ),
        (approver, "tổng quan", reverse("wagtailadmin_home")),
        (approver, "phê duyệt bước 2", edit(at_step_2)),
        (
            approver,
            "hộp thoại phê duyệt kèm ý kiến",
            reverse("wagtailadmin_pages:workflow_action", args=[at_step_2.pk, "approve", step_2_state.pk]),
        ),
        (approver, "sửa bài đã xuất bản", edit(live)),
        (approver, "gỡ xuất bản", reverse("wagtailadmin_pages:unpublish", args=[live.pk])),
        (approver, "xóa", reverse("wagtailadmin_pages:delete", args=[live.pk])),
        (approver, "danh sách tin", reverse("wagtailadmin_explore", args=[section.get_parent().pk])),
        (approver, "báo cáo quy trình", reverse("wagtailadmin_reports:workflow")),
        (approver, "báo cáo bước duyệt", reverse("wagtailadmin_reports:workflow_tasks")),
    ]


def test_workflow_screens_have_no_english_left_over(client, screens):
    leftovers = {}
    for who, name, url in screens:
        client.logout()
        if who is not None:
            client.force_login(who)
        found = english_left_over(screen_html(client.get(url)))
        if found:
            leftovers[f"{who or 'khách'} – {name} ({url})"] = found
    report = "\n".join(f"{screen}: {found}" for screen, found in leftovers.items())
    assert not leftovers, "English left over:\n" + report


def test_javascript_catalogue_translates_every_wagtail_admin_string(client):
    """The editor's scripts (comments, StreamField, action menu) read their strings from jsi18n."""
    client.force_login(user("bientap.haquang"))
    response = client.get(reverse("wagtailadmin_javascript_catalog"))
    catalogue = json.loads(re.search(r"const newcatalog = (\{.*?\});", response.content.decode(), re.S).group(1))
    en = polib.pofile(str(Path(wagtail.__file__).parent / "admin/locale/en/LC_MESSAGES/djangojs.po"))
    missing = [entry.msgid for entry in en if entry.msgid not in catalogue]
    assert missing == []


def test_the_english_detector_finds_english():
    assert english_left_over("<button>Save draft</button>") == ["Save draft"]
    assert english_left_over('<a title="Edit this page">Sửa</a>') == ["Edit this page"]
    assert english_left_over("<p>Lưu bản nháp</p><p>Wagtail 8.0.1</p>") == []
