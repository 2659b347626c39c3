"""Figures in Vietnamese: comma decimals, dot thousands; a change in words with its symbol."""

from decimal import Decimal

import pytest

from indices.figures import format_number, rank_change, score_change


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (Decimal("84.5200"), "84,52"),
        (Decimal("100.0000"), "100"),
        (Decimal("0.4535"), "0,4535"),
        (Decimal("1234.5"), "1.234,5"),
        (Decimal("-2.30"), "-2,3"),
        (None, ""),
    ],
)
def test_format_number(value, written):
    assert format_number(value) == written


@pytest.mark.parametrize(
    ("previous", "latest", "unit", "said"),
    [
        ("80", "82.3", "điểm", "▲ tăng 2,3 điểm"),
        ("0.4880", "0.4535", "điểm", "▼ giảm 0,0345 điểm"),
        ("84.10", "84.1", "điểm phần trăm", "= không đổi"),
    ],
)
def test_score_change(previous, latest, unit, said):
    assert str(score_change(Decimal(previous), Decimal(latest), unit)) == said


@pytest.mark.parametrize(
    ("previous", "latest", "said", "direction"),
    [(14, 12, "▲ tăng 2 bậc", "up"), (38, 39, "▼ giảm 1 bậc", "down"), (5, 5, "= giữ nguyên thứ hạng", "same")],
)
def test_rank_change_a_smaller_number_is_a_better_place(previous, latest, said, direction):
    change = rank_change(previous, latest)
    assert (str(change), change.direction) == (said, direction)
