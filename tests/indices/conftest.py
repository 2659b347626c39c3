"""Fixtures of the indices tests: accounts of each role, a test index with known results, admin form data."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from editorial.roles import ADMINISTRATOR_GROUP
from indices.models import IndexResult, ReformIndex, SubIndexScore


def user(username: str):
    return get_user_model().objects.get(username=username)


@pytest.fixture
def approver():
    return user("pheduyet.tinh")


@pytest.fixture
def administrator():
    """An administrator by group membership only (quantri is also a superuser, which proves nothing)."""
    account = get_user_model().objects.create_user("quantri.chiso", "quantri.chiso@caobang.example", "x")
    account.groups.add(Group.objects.get(name=ADMINISTRATOR_GROUP))
    return account


def make_result(index: ReformIndex, year: int, score: str, rank=None, out_of=None, *, example=False, subs=()):
    result = IndexResult(
        index=index,
        year=year,
        score=Decimal(score),
        rank=rank,
        out_of=out_of,
        source_name=f"Nguồn {index.abbreviation} {year}",
        is_example=example,
    )
    result.sub_indices = [
        SubIndexScore(name=name, score=Decimal(value), sort_order=position)
        for position, (name, value) in enumerate(subs)
    ]
    result.save()
    return result


@pytest.fixture
def test_index():
    """An index of our own (0–100 điểm), three published years:
    2021: 80 (20/63) → 2022: 82,3 (21/63) → 2023: 82,3 (19/63), the last with two sub-indices."""
    index = ReformIndex.objects.create(
        name="Chỉ số thử nghiệm",
        abbreviation="TEST",
        slug="chi-so-thu",
        publisher="Sở Nội vụ",
        minimum=Decimal(0),
        maximum=Decimal(100),
        unit="điểm",
        description="Chỉ số dùng trong kiểm thử.",
        tag_name="Chỉ số thử",
        sort_order=999,
    )
    make_result(index, 2021, "80", 20, 63)
    make_result(index, 2022, "82.3", 21, 63)
    make_result(index, 2023, "82.3", 19, 63, subs=[("Thành phần A", "8.5"), ("Thành phần B", "9.25")])
    return index


def make_index(slug: str, abbreviation: str, unit: str = "điểm", minimum="0", maximum="100") -> ReformIndex:
    return ReformIndex.objects.create(
        name=f"Chỉ số {abbreviation}",
        abbreviation=abbreviation,
        slug=slug,
        publisher="Sở Nội vụ",
        minimum=Decimal(minimum),
        maximum=Decimal(maximum),
        unit=unit,
        description=f"Chỉ số {abbreviation} dùng trong kiểm thử.",
        tag_name=abbreviation,
        sort_order=1000,
    )


def result_form_data(index: ReformIndex, year, score, rank="", out_of="", subs=(), **overrides) -> dict:
    """What the admin's add/edit form posts for a year's result (with its sub-index inline rows)."""
    data = nested_form_data(
        {
            "index": str(index.pk),
            "year": str(year),
            "score": str(score),
            "rank": str(rank),
            "out_of": str(out_of),
            "source_name": "Bộ Nội vụ, Quyết định công bố chỉ số",
            "source_url": "",
            "note": "",
            "sub_indices": inline_formset([{"name": name, "score": str(value)} for name, value in subs]),
        }
    )
    data.update(overrides)
    return data
