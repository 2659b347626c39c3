"""A unit's translators (Biên dịch viên – <unit>) save ethnic-language versions and nothing else."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from articles.models import NewsPage
from channels.models import BroadcastLanguage
from home.models import Unit
from tests.editorial.conftest import edit_form_data, make_news, user

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    return make_news("bao-lac", "Bảo Lạc tập huấn dịch vụ công", owner=user("bientap.baolac"))


def versions(text: str) -> dict:
    language = BroadcastLanguage.objects.get(code="dao")
    return nested_form_data({"language_versions": inline_formset([{"language": language.pk, "text": text}], initial=0)})


def latest(page):
    return NewsPage.objects.get(pk=page.pk).get_latest_revision_as_object()


def test_every_unit_has_a_translator_group_and_the_demo_a_translator():
    assert Group.objects.get(name="Biên dịch viên – Huyện Bảo Lạc").user_set.filter(username="dichvien.baolac").exists()
    unit = Unit.objects.create(slug="xa-moi", name="Xã Mới", kind=Unit.Kind.COMMUNE)
    assert Group.objects.filter(name="Biên dịch viên – Xã Mới").exists()
    unit.name = "Xã Mới Đổi Tên"
    unit.save()
    assert Group.objects.filter(name="Biên dịch viên – Xã Mới Đổi Tên").exists()
    assert not Group.objects.filter(name="Biên dịch viên – Xã Mới").exists()


def test_a_translator_saves_a_language_version_and_nothing_else(client, draft):
    client.force_login(user("dichvien.baolac"))
    data = edit_form_data(draft, title="Tiêu đề do biên dịch viên sửa", summary="Tóm tắt khác")
    data.update(versions("Bản tiếng Dao của tin."))
    response = client.post(reverse("wagtailadmin_pages:edit", args=[draft.pk]), data)
    assert response.status_code == 302
    saved = latest(draft)
    assert saved.title == "Bảo Lạc tập huấn dịch vụ công"
    assert saved.summary == draft.summary
    assert [(v.language.code, v.text) for v in saved.language_versions.all()] == [("dao", "Bản tiếng Dao của tin.")]
    assert NewsPage.objects.get(pk=draft.pk).get_latest_revision().user.username == "dichvien.baolac"


def test_a_translator_cannot_submit_or_publish(client, draft):
    client.force_login(user("dichvien.baolac"))
    url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    response = client.post(url, {**edit_form_data(draft), **versions("Bản dịch."), "action-submit": "1"})
    assert response.status_code == 403
    assert response.content.decode() == (
        "Biên dịch viên chỉ lưu bản nháp các bản tiếng dân tộc; biên tập viên của đơn vị gửi duyệt bài."
    )
    # Publishing is refused by the editorial guard before ours (no "publish" right).
    response = client.post(url, {**edit_form_data(draft), **versions("Bản dịch."), "action-publish": "1"})
    assert response.status_code == 403
    assert not latest(draft).language_versions.exists()
    assert not NewsPage.objects.get(pk=draft.pk).live


def test_a_translator_of_another_unit_cannot_edit(client, draft):
    client.force_login(user("dichvien.baolac"))
    other = make_news("ha-quang", "Tin Hà Quảng", owner=user("bientap.haquang"))
    assert client.get(reverse("wagtailadmin_pages:edit", args=[other.pk])).status_code == 302
