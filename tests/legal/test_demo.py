"""load_demo seeds the documents the province's plan names, and a second run changes nothing."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from legal.models import DocumentPage, DocumentRelation

pytestmark = pytest.mark.django_db

SEEDED = {
    "76/NQ-CP": ("Nghị quyết", "Chính phủ", datetime.date(2021, 7, 15)),
    "1216/QĐ-BTTTT": ("Quyết định", "Bộ Thông tin và Truyền thông", datetime.date(2021, 8, 13)),
    "2439/KH-UBND": ("Kế hoạch", "Ủy ban nhân dân tỉnh Cao Bằng", datetime.date(2021, 9, 14)),
    "10-CT/TU": ("Chỉ thị", "Tỉnh ủy Cao Bằng", datetime.date(2021, 8, 30)),
    "327/QĐ-UBND": ("Quyết định", "Ủy ban nhân dân tỉnh Cao Bằng", datetime.date(2021, 3, 4)),
    "61/2018/NĐ-CP": ("Nghị định", "Chính phủ", datetime.date(2018, 4, 23)),
    "107/2021/NĐ-CP": ("Nghị định", "Chính phủ", datetime.date(2021, 12, 6)),
    "17/NQ-CP": ("Nghị quyết", "Chính phủ", datetime.date(2019, 3, 7)),
    "749/QĐ-TTg": ("Quyết định", "Thủ tướng Chính phủ", datetime.date(2020, 6, 3)),
    "18-NQ/TW": ("Nghị quyết", "Ban Chấp hành Trung ương Đảng", datetime.date(2017, 10, 25)),
    "19-NQ/TW": ("Nghị quyết", "Ban Chấp hành Trung ương Đảng", datetime.date(2017, 10, 25)),
}


def test_the_plans_documents_are_seeded_with_their_numbers_dates_and_issuers():
    found = {
        page.number: (page.document_type.name, page.issuer, page.issue_date)
        for page in DocumentPage.objects.live().exclude(number="").select_related("document_type")
    }
    assert found == SEEDED


def test_the_plan_itself_has_no_invented_number_or_date():
    plan = DocumentPage.objects.get(title="Kế hoạch thông tin, tuyên truyền về cải cách hành chính tỉnh Cao Bằng")
    assert (plan.number, plan.issue_date, plan.file) == ("", None, None)
    assert {relation.target.number for relation in plan.relations.all()} == set(SEEDED)


def test_the_2021_decree_amends_the_2018_decree():
    relation = DocumentRelation.objects.get(page__number="107/2021/NĐ-CP")
    assert (relation.kind, relation.target.number) == ("amends", "61/2018/NĐ-CP")


def test_no_demo_document_has_a_file():
    assert not DocumentPage.objects.filter(file__isnull=False).exists()


def test_a_second_run_changes_nothing():
    before = list(DocumentPage.objects.order_by("pk").values_list("pk", "latest_revision_id", "number"))
    relations = list(DocumentRelation.objects.order_by("pk").values_list("pk", "page_id", "target_id"))
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "Văn bản mẫu: 0 văn bản mới, 12 văn bản đã có (giữ nguyên)." in out.getvalue()
    assert list(DocumentPage.objects.order_by("pk").values_list("pk", "latest_revision_id", "number")) == before
    assert list(DocumentRelation.objects.order_by("pk").values_list("pk", "page_id", "target_id")) == relations
