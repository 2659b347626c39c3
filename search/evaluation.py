"""Relevance figures for a set of queries with known answers (used by the tests and the bench).

The query sets and their corpus live with the benchmark (search/bench/data/); the tests read them
from there, never the other way round.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from wagtail.models import Page

from articles.importing import ContentImporter
from articles.models import GuidePage
from search.engine import run_search

DATA = Path(__file__).resolve().parent / "bench" / "data"
# The tuning set: the queries the synonyms, stop words and ranking weights were adjusted against.
QUERIES_FILE = DATA / "tuning.json"
# The held-out set: written before the mechanisms it measures, never tuned against afterwards.
HELDOUT_FILE = DATA / "heldout.json"
# The guides, news, FAQ and stories both sets are answered from.
CORPUS_FILE = DATA / "corpus.json"


@dataclass
class Evaluation:
    total: int = 0
    first: int = 0
    top3: int = 0
    reciprocal_sum: float = 0.0
    misses: list[dict] = field(default_factory=list)

    @property
    def top1_rate(self) -> float:
        return self.first / self.total if self.total else 0.0

    @property
    def top3_rate(self) -> float:
        return self.top3 / self.total if self.total else 0.0

    @property
    def mrr(self) -> float:
        return self.reciprocal_sum / self.total if self.total else 0.0


def load_queries(path: Path = QUERIES_FILE) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))


def load_corpus(path: Path = CORPUS_FILE) -> list[dict]:
    """The relevance corpus as `import_content` records."""
    return json.loads(path.read_text(encoding="utf-8"))


def import_corpus(records: list[dict] | None = None) -> dict:
    """Import (and publish) the corpus through the normal importer; returns {slug: page}."""
    importer = ContentImporter(load_corpus() if records is None else records)
    clean, errors = importer.validate()
    if errors:
        raise ValueError("; ".join(str(error) for error in errors))
    result = importer.run(clean)
    return {page.slug: page for page in result.created + result.updated}


def procedure_codes() -> dict[str, str]:
    """Slug → procedure code of every live guide that has one."""
    return dict(GuidePage.objects.live().exclude(procedure_code="").values_list("slug", "procedure_code"))


def evaluate(queries: list[dict], *, same_procedure: bool = False) -> Evaluation:
    """Run each query; rank of the page whose slug is `expected` (1-based), MRR over the top 10.

    With `same_procedure`, another live guide for the same administrative procedure (the same
    national procedure code, e.g. a demo page duplicating a corpus page) counts as the expected
    page: both are the answer, and which of two copies comes first is not relevance.
    """
    codes = procedure_codes() if same_procedure else {}
    result = Evaluation()
    for item in queries:
        outcome = run_search(item["q"])
        ids = [hit.document.page_id for hit in outcome.hits[:10]]
        slugs = dict(Page.objects.filter(pk__in=ids).values_list("pk", "slug"))
        ranked = [slugs.get(page_id, "") for page_id in ids]
        expected_code = codes.get(item["expected"])
        if expected_code:
            ranked = [item["expected"] if codes.get(slug) == expected_code else slug for slug in ranked]
        rank = ranked.index(item["expected"]) + 1 if item["expected"] in ranked else 0
        result.total += 1
        if rank == 1:
            result.first += 1
        if 1 <= rank <= 3:
            result.top3 += 1
        if rank:
            result.reciprocal_sum += 1 / rank
        if rank != 1:
            result.misses.append({**item, "rank": rank, "got": ranked[:3]})
    return result
