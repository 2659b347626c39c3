"""Every other way into another unit's content, tried by URL: each is refused by the server."""

from __future__ import annotations

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page, TaskState

from articles.models import NewsIndexPage, NewsPage, UnitSection
from articles.tree import section_for
from home.models import Unit
from tests.editorial.conftest import current_task_state, edit_form_data, is_denied, make_news, submit

pytestmark = pytest.mark.django_db


def section(unit_slug: str) -> UnitSection:
    return section_for(NewsIndexPage, Unit.objects.get(slug=unit_slug))


def png_upload(name: str = "anh.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "#9b1c1c").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def test_contributor_cannot_create_a_page_in_another_units_section(client, contributor):
    client.force_login(contributor)
    target = section("bao-lac")
    url = reverse("wagtailadmin_pages:add", args=["articles", "newspage", target.pk])
    before = target.get_children().count()
    response = client.post(url, {"title": "Chen vào Bảo Lạc", "slug": "chen-vao", "summary": "x"})
    assert is_denied(response)
    assert target.get_children().count() == before


def test_contributor_cannot_publish_a_new_page_in_own_section(client, contributor):
    client.force_login(contributor)
    target = section("ha-quang")
    page = NewsPage(title="Mẫu", slug="mau", summary="Mẫu")
    data = edit_form_data(page, **{"action-publish": "1", "slug": "tin-moi-xuat-ban-thang"})
    data["date"] = "2025-05-01"
    response = client.post(reverse("wagtailadmin_pages:add", args=["articles", "newspage", target.pk]), data)
    assert response.status_code == 403
    assert not NewsPage.objects.filter(slug="tin-moi-xuat-ban-thang").exists()


def test_contributor_can_save_a_new_draft_in_own_section(client, contributor):
    client.force_login(contributor)
    target = section("ha-quang")
    page = NewsPage(title="Tin mới của Hà Quảng", slug="tin-moi-ha-quang", summary="Tóm tắt tin mới")
    data = edit_form_data(page)
    data["date"] = "2025-05-01"
    response = client.post(reverse("wagtailadmin_pages:add", args=["articles", "newspage", target.pk]), data)
    assert response.status_code == 302
    created = NewsPage.objects.get(slug="tin-moi-ha-quang")
    assert not created.live and created.unit.slug == "ha-quang" and created.owner == contributor


def test_revert_to_a_revision_of_another_units_page_is_refused(client, contributor, baolac_draft):
    client.force_login(contributor)
    revision = baolac_draft.get_latest_revision()
    url = reverse("wagtailadmin_pages:revisions_revert", args=[baolac_draft.pk, revision.pk])
    response = client.post(url, edit_form_data(baolac_draft, title="Bị sửa"))
    assert is_denied(response)
    assert Page.objects.get(pk=baolac_draft.pk).get_latest_revision_as_object().title != "Bị sửa"


def test_copy_into_another_units_section_is_refused(client, contributor, haquang_draft):
    client.force_login(contributor)
    target = section("bao-lac")
    before = target.get_children().count()
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[haquang_draft.pk]),
        {"new_title": "Bản sao", "new_slug": "ban-sao", "new_parent_page": target.pk},
    )
    assert response.status_code in {200, 302, 403}
    assert target.get_children().count() == before


def test_move_into_another_units_section_is_refused(client, contributor, haquang_draft):
    client.force_login(contributor)
    target = section("bao-lac")
    response = client.post(reverse("wagtailadmin_pages:move_confirm", args=[haquang_draft.pk, target.pk]))
    assert is_denied(response)
    assert Page.objects.get(pk=haquang_draft.pk).get_parent().pk == section("ha-quang").pk


def test_contributor_cannot_move_own_draft_into_another_units_section_via_approver_rights(
    client, reviewer, haquang_draft
):
    client.force_login(reviewer)
    target = section("bao-lac")
    response = client.post(reverse("wagtailadmin_pages:move_confirm", args=[haquang_draft.pk, target.pk]))
    assert is_denied(response)
    assert Page.objects.get(pk=haquang_draft.pk).get_parent().pk == section("ha-quang").pk


def test_workflow_action_cannot_pair_own_page_with_another_units_task_state(
    client, contributor, other_contributor, reviewer, haquang_draft, baolac_draft
):
    submit(haquang_draft, contributor)
    submit(baolac_draft, other_contributor)
    baolac_state = current_task_state(baolac_draft)
    client.force_login(reviewer)
    url = reverse("wagtailadmin_pages:workflow_action", args=[haquang_draft.pk, "approve", baolac_state.pk])
    response = client.post(url, {"comment": ""})
    assert response.status_code in {302, 403}
    assert TaskState.objects.get(pk=baolac_state.pk).status == TaskState.STATUS_IN_PROGRESS


def test_send_back_without_a_reason_is_refused_by_the_action_url(client, contributor, reviewer, haquang_draft):
    submit(haquang_draft, contributor)
    state = current_task_state(haquang_draft)
    client.force_login(reviewer)
    url = reverse("wagtailadmin_pages:workflow_action", args=[haquang_draft.pk, "reject", state.pk])
    client.post(url, {"comment": ""})
    assert TaskState.objects.get(pk=state.pk).status == TaskState.STATUS_IN_PROGRESS
    client.post(url, {"comment": "Cần bổ sung ảnh."})
    assert TaskState.objects.get(pk=state.pk).status == TaskState.STATUS_REJECTED


def test_send_back_without_a_reason_is_refused_by_the_editor(client, contributor, reviewer, haquang_draft):
    submit(haquang_draft, contributor)
    state = current_task_state(haquang_draft)
    client.force_login(reviewer)
    data = edit_form_data(
        haquang_draft,
        **{
            "action-workflow-action": "1",
            "workflow-action-name": "reject",
            "workflow-action-extra-data": json.dumps({"comment": ""}),
        },
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[haquang_draft.pk]), data)
    assert response.status_code == 400
    assert "lý do" in response.content.decode()
    assert TaskState.objects.get(pk=state.pk).status == TaskState.STATUS_IN_PROGRESS
    data["workflow-action-extra-data"] = "{not json"
    assert client.post(reverse("wagtailadmin_pages:edit", args=[haquang_draft.pk]), data).status_code == 400


def test_reviewer_cannot_edit_the_units_section_itself(client, reviewer, contributor):
    own_section = section("ha-quang")
    for who in (reviewer, contributor):
        client.force_login(who)
        data = {"title": "Đổi tên", "slug": own_section.slug, "unit": Unit.objects.get(slug="bao-lac").pk}
        response = client.post(reverse("wagtailadmin_pages:edit", args=[own_section.pk]), data)
        assert response.status_code == 403
        assert "cấp tỉnh" in response.content.decode()
    own_section.refresh_from_db()
    assert own_section.unit.slug == "ha-quang"


def test_contributor_may_delete_own_unpublished_draft_but_not_a_live_page(client, contributor):
    draft = make_news("ha-quang", "Bản nháp sẽ xóa", owner=contributor)
    live = make_news("ha-quang", "Bài đã xuất bản", owner=contributor, live=True)
    client.force_login(contributor)
    client.post(reverse("wagtailadmin_pages:delete", args=[draft.pk]))
    assert not Page.objects.filter(pk=draft.pk).exists()
    response = client.post(reverse("wagtailadmin_pages:delete", args=[live.pk]))
    assert is_denied(response)
    assert Page.objects.filter(pk=live.pk, live=True).exists()


def test_image_upload_into_another_units_collection_is_refused(client, contributor):
    client.force_login(contributor)
    other = Unit.objects.get(slug="bao-lac").roles.collection
    own = Unit.objects.get(slug="ha-quang").roles.collection
    client.post(reverse("wagtailimages:add"), {"title": "Ảnh lạ", "file": png_upload(), "collection": other.pk})
    # Wagtail either rejects the collection or files the upload under the user's only collection.
    assert not Image.objects.filter(title="Ảnh lạ", collection=other).exists()
    client.post(reverse("wagtailimages:add"), {"title": "Ảnh của Hà Quảng", "file": png_upload(), "collection": own.pk})
    assert Image.objects.get(title="Ảnh của Hà Quảng").collection == own


def test_document_upload_into_another_units_collection_is_refused(client, contributor):
    client.force_login(contributor)
    other = Unit.objects.get(slug="bao-lac").roles.collection
    upload = SimpleUploadedFile("quyet-dinh.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    client.post(reverse("wagtaildocs:add"), {"title": "Tài liệu lạ", "file": upload, "collection": other.pk})
    assert not Document.objects.filter(title="Tài liệu lạ", collection=other).exists()
