"""Editors write documents in the admin: relations in an inline panel, their unit's section, the workflow."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from articles.models import UnitSection
from editorial.roles import ADMINISTRATOR_GROUP
from home.models import ReformArea
from legal.models import DocumentIndexPage, DocumentPage, DocumentType
from tests.legal.conftest import library_document, xlsx_bytes

pytestmark = pytest.mark.django_db


def section(unit_slug: str) -> UnitSection:
    return UnitSection.objects.child_of(DocumentIndexPage.objects.get()).get(unit__slug=unit_slug)


def document_form(title: str, slug: str, number: str, relations: list[dict] | None = None, **extra) -> dict:
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": "Văn bản tạo trong trang quản trị.",
            "document_type": str(DocumentType.objects.get(slug="quyet-dinh").pk),
            "number": number,
            "issuer": "Ủy ban nhân dân tỉnh Cao Bằng",
            "signer": "",
            "issue_date": "2025-03-04",
            "effective_date": "",
            "status": "in_force",
            "file": "",
            "relations": inline_formset(relations or []),
            "body": streamfield([]),
            "related_pages": streamfield([]),
            "date": "2025-04-01",
            "tags": "",
            "comments": inline_formset([]),
            "seo_title": "",
            "search_description": "",
            "go_live_at": "",
            "expire_at": "",
            **extra,
        }
    )
    data["reform_areas"] = [str(ReformArea.objects.get(slug="the-che").pk)]
    return data


def add_url(unit_slug: str) -> str:
    return reverse("wagtailadmin_pages:add", args=["legal", "documentpage", section(unit_slug).pk])


def test_an_administrator_publishes_a_document_with_a_relation(admin_client):
    target = DocumentPage.objects.get(number="327/QĐ-UBND")
    data = document_form(
        "Quyết định 90/QĐ-UBND sửa đổi Quyết định 327/QĐ-UBND",
        "quyet-dinh-90",
        "90/QĐ-UBND",
        [{"kind": "amends", "target": str(target.pk)}],
    )
    response = admin_client.post(add_url("tinh"), {**data, "action-publish": "1"})
    assert response.status_code == 302, response.content.decode()[:3000]
    page = DocumentPage.objects.get(slug="quyet-dinh-90")
    assert (page.live, page.url, page.number_key) == (True, "/van-ban/tinh/quyet-dinh-90/", "90/qd-ubnd")
    assert [(relation.kind, relation.target_id) for relation in page.relations.all()] == [("amends", target.pk)]
    assert list(target.incoming_relations.filter(kind="amends").values_list("page_id", flat=True)) == [page.pk]


def test_a_document_cannot_relate_to_itself(admin_client):
    page = DocumentPage.objects.get(number="327/QĐ-UBND")
    data = document_form(page.title, page.slug, page.number, [{"kind": "amends", "target": str(page.pk)}])
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {**data, "action-publish": "1"})
    assert response.status_code == 200
    assert "Văn bản không thể có quan hệ với chính nó." in response.content.decode()
    assert not page.relations.exists()


def test_the_same_relation_twice_is_refused(admin_client):
    target = DocumentPage.objects.get(number="76/NQ-CP")
    row = {"kind": "implements", "target": str(target.pk)}
    response = admin_client.post(
        add_url("tinh"),
        {**document_form("Kế hoạch trùng", "ke-hoach-trung", "91/KH-UBND", [row, row]), "action-publish": "1"},
    )
    assert response.status_code == 200
    assert "Quan hệ này đã có ở dòng trên." in response.content.decode()
    assert not DocumentPage.objects.filter(slug="ke-hoach-trung").exists()


def test_a_file_that_is_not_pdf_or_docx_is_refused_in_the_editor(admin_client):
    spreadsheet = library_document("Bảng tính", "bang.xlsx", xlsx_bytes())
    data = document_form("Quyết định có tệp sai", "tep-sai-quan-tri", "92/QĐ-UBND", file=str(spreadsheet.pk))
    response = admin_client.post(add_url("tinh"), {**data, "action-publish": "1"})
    assert response.status_code == 200
    assert (
        "Tệp văn bản phải là PDF hoặc DOCX (kiểm tra theo nội dung tệp); “Bảng tính” không phải."
        in response.content.decode()
    )
    assert not DocumentPage.objects.filter(slug="tep-sai-quan-tri").exists()


def test_a_contributor_writes_documents_in_their_units_section_and_submits_them(client):
    contributor = get_user_model().objects.get(username="bientap.haquang")
    client.force_login(contributor)
    data = document_form("Kế hoạch CCHC huyện Hà Quảng", "ke-hoach-ha-quang", "15/KH-UBND")
    response = client.post(add_url("ha-quang"), {**data, "action-submit": "1"})
    assert response.status_code == 302, response.content.decode()[:2000]
    page = DocumentPage.objects.get(slug="ke-hoach-ha-quang")
    assert (page.live, page.unit.slug) == (False, "ha-quang")
    assert page.current_workflow_state is not None
    assert page.current_workflow_task.name


def test_a_contributor_cannot_add_a_document_in_another_units_section(client):
    client.force_login(get_user_model().objects.get(username="bientap.haquang"))
    data = document_form("Văn bản sai đơn vị", "sai-don-vi", "16/KH-UBND")
    client.post(add_url("bao-lac"), {**data, "action-submit": "1"})
    assert not Page.objects.filter(slug="sai-don-vi").exists()


def test_a_contributor_cannot_publish_a_document(client):
    client.force_login(get_user_model().objects.get(username="bientap.haquang"))
    response = client.post(
        add_url("ha-quang"), {**document_form("Tự xuất bản", "tu-xuat-ban", "17/KH-UBND"), "action-publish": "1"}
    )
    assert response.status_code == 403
    assert not DocumentPage.objects.filter(slug="tu-xuat-ban", live=True).exists()


def test_administrators_keep_the_list_of_document_types(client):
    group = Group.objects.get(name=ADMINISTRATOR_GROUP)
    assert set(group.permissions.filter(content_type__app_label="legal").values_list("codename", flat=True)) == {
        "add_documenttype",
        "change_documenttype",
        "delete_documenttype",
        "view_documenttype",
    }


def test_the_document_types_list_is_in_the_admin(admin_client):
    response = admin_client.get(reverse("wagtailsnippets_legal_documenttype:list"))
    assert response.status_code == 200
    assert "Nghị định" in response.content.decode()
