"""API v2 exposes the document fields."""

import pytest

from legal.models import DocumentPage

pytestmark = pytest.mark.django_db


def test_a_documents_fields_in_the_api(client):
    page = DocumentPage.objects.get(number="107/2021/NĐ-CP")
    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert data["meta"]["type"] == "legal.DocumentPage"
    assert {
        key: data[key]
        for key in ("document_type_name", "document_type_abbreviation", "number", "issuer", "issue_date", "status")
    } == {
        "document_type_name": "Nghị định",
        "document_type_abbreviation": "NĐ",
        "number": "107/2021/NĐ-CP",
        "issuer": "Chính phủ",
        "issue_date": "2021-12-06",
        "status": "in_force",
    }
    assert (data["signer"], data["effective_date"], data["file_download"]) == ("", None, None)
    amended = DocumentPage.objects.get(number="61/2018/NĐ-CP")
    assert [
        (relation["kind"], relation["target"]["id"], relation["target_number"]) for relation in data["relations"]
    ] == [("amends", amended.pk, "61/2018/NĐ-CP")]


def test_the_other_direction_of_a_relation_in_the_api(client):
    page = DocumentPage.objects.get(number="61/2018/NĐ-CP")
    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    amending = DocumentPage.objects.get(number="107/2021/NĐ-CP")
    assert {"kind": "amends", "id": amending.pk, "number": "107/2021/NĐ-CP", "title": amending.title} in data[
        "related_from"
    ]
    assert (data["status"], data["status_label"], data["effective_date"]) == (
        "amended",
        "Được sửa đổi, bổ sung",
        "2018-06-21",
    )


def test_documents_are_listed_by_type_with_their_fields(client):
    data = client.get("/api/v2/pages/", {"type": "legal.DocumentPage", "fields": "number,issuer", "limit": 50}).json()
    assert data["meta"]["total_count"] == DocumentPage.objects.live().count()
    assert {item["number"] for item in data["items"]} >= {"61/2018/NĐ-CP", "76/NQ-CP", "18-NQ/TW"}
