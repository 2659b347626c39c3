"""Relevance of the two query sets, and each mechanism's gain (ablation: the same run without it).

The tuning set (data/tuning.json) is what the weights, synonyms and stop words were adjusted
against; the held-out set (data/heldout.json) was written before the mechanisms it measures and is
never tuned against. Clicks are not in the ablation: the sets carry no click history (the click
signal is tested in tests/search/test_clicks.py).
"""

from __future__ import annotations

from contextlib import contextmanager

from django.core.cache import cache

from articles.models import GuidePage
from search import asked, query
from search.documents import rebuild_all
from search.evaluation import HELDOUT_FILE, QUERIES_FILE, Evaluation, evaluate, load_queries

SETS = (
    ("tuning.json (tập điều chỉnh)", QUERIES_FILE),
    ("heldout.json (tập giữ riêng, không điều chỉnh theo)", HELDOUT_FILE),
)
SWITCHES = (
    ("viết tắt kiểu tin nhắn", "shorthand"),
    ("tách từ viết liền", "splitting"),
    ("trọng số độ hiếm", "rarity"),
    ("từ dừng theo tiêu đề", "ambiguous_stop_words"),
    ("nhóm từ của câu hỏi", "grouping"),
)


def run_sets() -> list[tuple[str, Evaluation]]:
    cache.clear()
    return [(label, evaluate(load_queries(path), same_procedure=True)) for label, path in SETS]


def line(result: Evaluation) -> str:
    return f"top-1 {result.top1_rate:.1%}  top-3 {result.top3_rate:.1%}  MRR {result.mrr:.3f}"


@contextmanager
def without(*names: str):
    saved = dict(query.MECHANISMS)
    for name in names:
        query.MECHANISMS[name] = False
    try:
        yield
    finally:
        query.MECHANISMS.update(saved)


def ablation() -> list[tuple[str, list[tuple[str, Evaluation]]]]:
    """Every set with all mechanisms, without each one, without all; citizen questions last (they
    are emptied on the guides and the ranking documents rebuilt: run it on a throwaway database)."""
    rows = [("tất cả cơ chế", run_sets())]
    for label, name in SWITCHES:
        with without(name):
            rows.append((f"không có {label}", run_sets()))
    asked.ENABLED["citizen_queries"] = False
    try:
        GuidePage.objects.update(citizen_queries="")
        rebuild_all()
        rows.append(("không có câu hỏi của người dân (citizen_queries)", run_sets()))
        with without(*(name for _label, name in SWITCHES)):
            rows.append(("không có cơ chế nào (như trước issue 10)", run_sets()))
    finally:
        asked.ENABLED["citizen_queries"] = True
    return rows
