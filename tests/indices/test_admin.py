"""The admin screens for a year's result: every rule gives a Vietnamese message on the form, nothing
half-saved, and the database constraint backs up the one-row-per-year rule."""

from __future__ import annotations

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from indices.models import IndexResult, ReformIndex
from tests.indices.conftest import result_form_data

pytestmark = pytest.mark.django_db

ADD_URL = reverse("wagtailsnippets_indices_indexresult:add")


def form_errors(response) -> dict[str, list[str]]:
    form = response.context["form"]
    return {name: [str(message) for message in messages] for name, messages in form.errors.items()}


def sub_index_errors(response) -> list[dict]:
    formset = response.context["form"].formsets["sub_indices"]
    return [{name: [str(m) for m in messages] for name, messages in form.errors.items()} for form in formset.forms]


@pytest.fixture
def pci():
    return ReformIndex.objects.get(slug="pci")


@pytest.fixture
def signed_in(client, approver):
    client.force_login(approver)
    return client


def test_a_valid_result_is_saved_with_its_sub_indices(signed_in, pci):
    data = result_form_data(pci, 2019, "64.5", 30, 63, subs=[("Tính minh bạch", "6.2"), ("Chi phí thời gian", "7")])
    response = signed_in.post(ADD_URL, data)
    assert response.status_code == 302
    result = IndexResult.objects.get(index=pci, year=2019)
    assert (result.score, result.rank, result.out_of) == (Decimal("64.5"), 30, 63)
    assert [(sub.name, sub.score) for sub in result.sub_indices.all()] == [
        ("Tính minh bạch", Decimal("6.2")),
        ("Chi phí thời gian", Decimal("7")),
    ]


def test_score_above_the_scale_is_refused(signed_in, pci):
    response = signed_in.post(ADD_URL, result_form_data(pci, 2019, "100.5", 30, 63))
    assert response.status_code == 200
    assert form_errors(response) == {"score": ["Điểm của PCI phải trong thang đo 0–100 điểm."]}
    assert not IndexResult.objects.filter(index=pci, year=2019).exists()


def test_score_below_the_scale_minimum_is_refused(signed_in):
    papi = ReformIndex.objects.get(slug="papi")  # 10–80
    response = signed_in.post(ADD_URL, result_form_data(papi, 2019, "9.99"))
    assert form_errors(response) == {"score": ["Điểm của PAPI phải trong thang đo 10–80 điểm."]}
    assert not IndexResult.objects.filter(index=papi, year=2019).exists()


def test_rank_zero_is_refused(signed_in, pci):
    response = signed_in.post(ADD_URL, result_form_data(pci, 2019, "60", 0, 63))
    assert form_errors(response) == {"rank": ["Xếp hạng phải từ 1 trở lên."]}


def test_rank_beyond_the_count_is_refused(signed_in, pci):
    response = signed_in.post(ADD_URL, result_form_data(pci, 2019, "60", 64, 63))
    assert form_errors(response) == {"rank": ["Xếp hạng 64 lớn hơn tổng số 63 tỉnh, thành phố được xếp hạng."]}
    assert not IndexResult.objects.filter(index=pci, year=2019).exists()


def test_rank_equal_to_the_count_is_accepted(signed_in, pci):
    response = signed_in.post(ADD_URL, result_form_data(pci, 2019, "60", 63, 63))
    assert response.status_code == 302
    assert IndexResult.objects.get(index=pci, year=2019).rank == 63


def test_rank_needs_the_count(signed_in, pci):
    response = signed_in.post(ADD_URL, result_form_data(pci, 2019, "60", 5, ""))
    assert form_errors(response) == {"out_of": ["Hãy nhập tổng số tỉnh, thành phố được xếp hạng."]}


def test_a_year_in_the_future_is_refused(signed_in, pci):
    next_year = timezone.localdate().year + 1
    response = signed_in.post(ADD_URL, result_form_data(pci, next_year, "60", 5, 63))
    assert form_errors(response) == {"year": [f"Năm đánh giá phải từ 2000 đến {next_year - 1}."]}


def test_a_second_result_for_the_same_year_is_a_form_error(signed_in, pci):
    before = IndexResult.objects.count()
    response = signed_in.post(ADD_URL, result_form_data(pci, 2024, "60", 5, 63))
    assert response.status_code == 200
    assert form_errors(response) == {"year": ["PCI đã có kết quả năm 2024; hãy sửa kết quả đã có."]}
    assert IndexResult.objects.count() == before


def test_a_duplicate_that_slips_past_clean_is_stopped_by_the_database_as_a_form_error(signed_in, pci, monkeypatch):
    # Two editors saving the same year at once both pass clean(); the unique constraint stops the second.
    monkeypatch.setattr(IndexResult, "clean", lambda self: None)
    before = IndexResult.objects.count()
    response = signed_in.post(ADD_URL, result_form_data(pci, 2024, "60", 5, 63, subs=[("Tính minh bạch", "6")]))
    assert response.status_code == 200
    assert form_errors(response) == {"year": ["Chỉ số này đã có kết quả của năm này; hãy sửa kết quả đã có."]}
    assert IndexResult.objects.count() == before
    assert IndexResult.objects.get(index=pci, year=2024).score == Decimal("63.1")


def test_editing_a_result_keeps_its_own_year(signed_in, test_index):
    result = IndexResult.objects.get(index=test_index, year=2021)
    url = reverse("wagtailsnippets_indices_indexresult:edit", args=[result.pk])
    response = signed_in.post(url, result_form_data(test_index, 2021, "81.25", 19, 63))
    assert response.status_code == 302
    result.refresh_from_db()
    assert (result.score, result.rank) == (Decimal("81.25"), 19)


def test_moving_a_result_onto_a_taken_year_is_a_form_error(signed_in, test_index):
    result = IndexResult.objects.get(index=test_index, year=2021)
    url = reverse("wagtailsnippets_indices_indexresult:edit", args=[result.pk])
    response = signed_in.post(url, result_form_data(test_index, 2022, "81", 19, 63))
    assert form_errors(response) == {"year": ["TEST đã có kết quả năm 2022; hãy sửa kết quả đã có."]}
    result.refresh_from_db()
    assert result.year == 2021


def test_sub_index_score_above_the_index_maximum_is_refused(signed_in):
    dti = ReformIndex.objects.get(slug="dti")  # 0–1
    response = signed_in.post(ADD_URL, result_form_data(dti, 2019, "0.4", 10, 63, subs=[("Kinh tế số", "1.2")]))
    assert response.status_code == 200
    assert sub_index_errors(response) == [{"score": ["Điểm chỉ số thành phần phải từ 0 đến 1 điểm."]}]
    assert not IndexResult.objects.filter(index=dti, year=2019).exists()


def test_the_same_sub_index_twice_is_refused(signed_in, pci):
    subs = [("Tính minh bạch", "6"), ("tính  minh bạch", "7")]
    response = signed_in.post(ADD_URL, result_form_data(pci, 2019, "60", 5, 63, subs=subs))
    assert sub_index_errors(response) == [{}, {"name": ["Chỉ số thành phần này đã có ở trên."]}]
    assert not IndexResult.objects.filter(index=pci, year=2019).exists()


def test_the_form_is_shown_in_vietnamese_with_the_error_banner(signed_in, pci):
    response = signed_in.post(ADD_URL, result_form_data(pci, 2019, "100.5", 30, 63))
    soup = BeautifulSoup(response.content, "html.parser")
    assert "Điểm của PCI phải trong thang đo 0–100 điểm." in soup.get_text()
    assert soup.find("select", attrs={"name": "index"}) is not None  # six choices: a plain list


def test_an_index_scale_must_run_upwards(client, administrator):
    client.force_login(administrator)
    index = ReformIndex.objects.get(slug="pci")
    url = reverse("wagtailsnippets_indices_reformindex:edit", args=[index.pk])
    data = {
        "name": index.name,
        "abbreviation": index.abbreviation,
        "slug": index.slug,
        "publisher": index.publisher,
        "minimum": "100",
        "maximum": "100",
        "unit": index.unit,
        "description": index.description,
        "tag_name": index.tag_name,
        "sort_order": str(index.sort_order),
    }
    response = client.post(url, data)
    assert form_errors(response) == {"maximum": ["Điểm cao nhất phải lớn hơn điểm thấp nhất của thang đo."]}
    index.refresh_from_db()
    assert index.minimum == Decimal(0)


def test_results_list_shows_scores_in_vietnamese_format(signed_in, test_index):
    response = signed_in.get(reverse("wagtailsnippets_indices_indexresult:list"), {"index": test_index.pk})
    text = BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)
    assert "82,3" in text
    assert "21/63" in text
