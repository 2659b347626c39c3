"""/api/v2/indices/: the indices and the province's results, read-only."""

from __future__ import annotations

import pytest

from indices.models import ReformIndex

pytestmark = pytest.mark.django_db


def test_listing_has_every_index_in_order(client):
    data = client.get("/api/v2/indices/").json()
    assert data["meta"]["total_count"] == ReformIndex.objects.count()
    assert [item["slug"] for item in data["items"]] == ["par-index", "sipas", "papi", "pci", "ict-index", "dti"]


def test_an_index_with_its_results_and_sub_indices(client, test_index):
    data = client.get("/api/v2/indices/", {"slug": "chi-so-thu"}).json()
    assert data["meta"]["total_count"] == 1
    item = data["items"][0]
    assert {key: item[key] for key in ("name", "abbreviation", "publisher", "minimum", "maximum", "unit")} == {
        "name": "Chỉ số thử nghiệm",
        "abbreviation": "TEST",
        "publisher": "Sở Nội vụ",
        "minimum": 0,
        "maximum": 100,
        "unit": "điểm",
    }
    assert item["html_url"] == "http://testserver/chi-so/chi-so-thu/"
    assert [(r["year"], r["score"], r["rank"], r["out_of"], r["is_example"]) for r in item["results"]] == [
        (2021, 80, 20, 63, False),
        (2022, 82.3, 21, 63, False),
        (2023, 82.3, 19, 63, False),
    ]
    assert item["results"][2]["sub_indices"] == [
        {"name": "Thành phần A", "score": 8.5},
        {"name": "Thành phần B", "score": 9.25},
    ]
    assert item["results"][0]["source_name"] == "Nguồn TEST 2021"


def test_demo_results_are_flagged_as_examples(client):
    item = client.get("/api/v2/indices/", {"slug": "dti"}).json()["items"][0]
    assert [(r["year"], r["score"], r["is_example"]) for r in item["results"]] == [
        (2021, 0.352, True),
        (2022, 0.4012, True),
        (2023, 0.4535, True),
        (2024, 0.488, True),
    ]


def test_detail_of_one_index(client):
    index = ReformIndex.objects.get(slug="ict-index")
    data = client.get(f"/api/v2/indices/{index.pk}/").json()
    assert (data["abbreviation"], data["results"]) == ("ICT Index", [])
    assert data["meta"]["type"] == "indices.ReformIndex"


def test_unknown_filter_is_a_400_not_a_500(client):
    response = client.get("/api/v2/indices/", {"colour": "red"})
    assert response.status_code == 400


def test_the_api_is_read_only(client, test_index):
    response = client.post("/api/v2/indices/", {"slug": "moi"})
    assert response.status_code == 405
    assert not ReformIndex.objects.filter(slug="moi").exists()
