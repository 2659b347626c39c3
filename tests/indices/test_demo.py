"""The demo's index figures: invented, so every one is marked as an example; loading twice changes nothing."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from indices.models import IndexResult, SubIndexScore

pytestmark = pytest.mark.django_db


def snapshot() -> list:
    return sorted(
        IndexResult.objects.values_list("index__slug", "year", "score", "rank", "out_of", "is_example", "source_name")
    ) + sorted(SubIndexScore.objects.values_list("result__index__slug", "result__year", "name", "score"))


def test_every_demo_result_is_an_example_without_a_source_link():
    assert IndexResult.objects.count() == 21
    assert set(IndexResult.objects.values_list("is_example", "source_url")) == {(True, "")}


def test_demo_leaves_ict_index_without_data():
    assert sorted(set(IndexResult.objects.values_list("index__slug", flat=True))) == [
        "dti",
        "papi",
        "par-index",
        "pci",
        "sipas",
    ]


def test_load_demo_twice_changes_no_index_figure():
    before = snapshot()
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert snapshot() == before
    assert "Chỉ số mẫu: 0 kết quả mới (số liệu minh họa), 21 kết quả đã có (giữ nguyên)." in out.getvalue()


def test_load_demo_keeps_a_result_an_editor_corrected():
    result = IndexResult.objects.get(index__slug="pci", year=2024)
    result.is_example = False
    result.source_name = "VCCI, Báo cáo PCI 2024"
    result.save()
    call_command("load_demo", stdout=StringIO())
    result.refresh_from_db()
    assert (result.is_example, result.source_name) == (False, "VCCI, Báo cáo PCI 2024")


def test_demo_sub_indices_of_par_index_add_up_to_its_score():
    result = IndexResult.objects.get(index__slug="par-index", year=2024)
    assert sum(sub.score for sub in result.sub_indices.all()) == result.score
    assert result.sub_indices.count() == 8
