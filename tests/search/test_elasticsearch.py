"""The Elasticsearch backend, checked without a server: index settings, mappings, queries, switch."""

import datetime
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings
from modelsearch.backends import get_search_backend
from modelsearch.query import PlainText

from articles.models import ArticlePage, GuidePage
from home.models import Unit
from search.backends.elasticsearch import FUZZINESS, VietnameseElasticsearchBackend
from search.filters import Filters
from search.models import SearchDocument, Synonym
from search.query import parse_query
from search.retrieval import backend_search

ES_SETTINGS = {
    "default": {
        "BACKEND": "search.backends.elasticsearch",
        "URLS": ["http://es-node-1:9200", "http://es-node-2:9200"],
        "INDEX_PREFIX": "cchc_caobang_",
        "TIMEOUT": 5,
        "OPTIONS": {},
    }
}


@pytest.fixture
def backend(db) -> VietnameseElasticsearchBackend:
    with override_settings(WAGTAILSEARCH_BACKENDS=ES_SETTINGS):
        yield get_search_backend()


def analysis(backend) -> dict:
    return backend.settings["settings"]["analysis"]


def test_settings_switch_to_elasticsearch_when_the_url_is_set():
    root = Path(__file__).resolve().parents[2]
    code = "import json; from cms import settings; print(json.dumps(settings.WAGTAILSEARCH_BACKENDS))"
    env = {**os.environ, "ELASTICSEARCH_URL": "http://es-1:9200,http://es-2:9200", "ELASTICSEARCH_INDEX": "cb"}
    out = subprocess.run([sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True, check=True)
    config = json.loads(out.stdout)["default"]
    assert config["BACKEND"] == "search.backends.elasticsearch"
    assert config["URLS"] == ["http://es-1:9200", "http://es-2:9200"]
    assert config["INDEX_PREFIX"] == "cb_"
    env.pop("ELASTICSEARCH_URL")
    out = subprocess.run([sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True, check=True)
    assert json.loads(out.stdout)["default"]["BACKEND"] == "search.backends.database"


def test_backend_class_and_hosts(backend):
    assert isinstance(backend, VietnameseElasticsearchBackend)
    assert [host["host"] for host in backend.hosts] == ["es-node-1", "es-node-2"]
    assert backend.get_index_for_model(GuidePage).name == "cchc_caobang_wagtailcore_page"


def test_default_analyzers_fold_vietnamese(backend):
    analyzers = analysis(backend)["analyzer"]
    filters = analysis(backend)["filter"]
    assert analyzers["default"]["tokenizer"] == "standard"
    assert analyzers["default"]["filter"] == ["lowercase", "vietnamese_folding"]
    assert filters["vietnamese_folding"] == {"type": "asciifolding", "preserve_original": True}
    assert analyzers["default"]["char_filter"] == ["vietnamese_nfd", "vietnamese_i_y"]
    assert analyzers["default_search"]["filter"] == [
        "lowercase",
        "vietnamese_stop",
        "vietnamese_query_folding",
        "vietnamese_synonyms",
    ]


def test_search_analyser_folds_before_the_folded_synonym_rules(db):
    # "Căn cước công dân" typed with marks must reach the rule "can cuoc cong dan, cccd" folded.
    with override_settings(WAGTAILSEARCH_BACKENDS=ES_SETTINGS):
        backend = get_search_backend()
    settings = analysis(backend)
    for name in ("vietnamese_search", "default_search"):
        chain = settings["analyzer"][name]["filter"]
        assert chain.index("vietnamese_query_folding") < chain.index("vietnamese_synonyms"), name
    assert settings["filter"]["vietnamese_query_folding"] == {"type": "asciifolding", "preserve_original": False}
    rules = settings["filter"]["vietnamese_synonyms"]["synonyms"]
    assert rules and all(rule.isascii() for rule in rules)
    assert any("can cuoc cong dan" in rule and "cccd" in rule for rule in rules)


def test_i_y_char_filter_pattern(backend):
    import re

    pattern = analysis(backend)["char_filter"]["vietnamese_i_y"]["pattern"].replace("(?i)", "")
    assert re.sub(pattern, r"\1i", "đăng ký lý lịch", flags=re.IGNORECASE) == "đăng ki li lịch"
    assert re.sub(pattern, r"\1i", "thủy lợi", flags=re.IGNORECASE) == "thủy lợi"


def test_stop_words_in_both_forms(backend):
    stop_words = analysis(backend)["filter"]["vietnamese_stop"]["stopwords"]
    assert {"thì", "những", "gì", "không", "khong", "nhung", "được", "của"} <= set(stop_words)
    assert "cơ" not in stop_words and "can" not in stop_words


def test_folded_words_that_are_also_content_words_are_not_dropped(backend):
    """cua (cửa), ong (ong mật), muon (muộn), duoc (dược), khi (khí), nhu (nhu cầu), ba (ba, bà):
    the ranker weighs them from the titles; the analyser must keep them to let it."""
    stop_words = set(analysis(backend)["filter"]["vietnamese_stop"]["stopwords"])
    assert stop_words.isdisjoint({"cua", "ong", "muon", "duoc", "khi", "nhu", "ba"})


def test_synonyms_come_from_the_editors_list(db):
    Synonym.objects.create(terms="Măng tây, asparagus")
    with override_settings(WAGTAILSEARCH_BACKENDS=ES_SETTINGS):
        backend = get_search_backend()
    rules = analysis(backend)["filter"]["vietnamese_synonyms"]
    assert rules["type"] == "synonym_graph"
    assert "asparagus, mang tay" in rules["synonyms"]
    assert any(rule.startswith("can cuoc") or "cccd" in rule for rule in rules["synonyms"])


def test_mapping_has_folded_fields_and_guide_fields(backend):
    mapping = backend.mapping_class(GuidePage).get_mapping()
    properties = mapping["properties"]
    names = set(properties)
    for field in ("search_title_folded", "search_text_folded", "procedure_code", "agency", "steps", "document_groups"):
        assert any(name.endswith(field) for name in names), field
    title_folded = next(value for name, value in properties.items() if name.endswith("search_title_folded"))
    assert title_folded["type"] == "text"
    assert "_all_text_boost_3_0" in title_folded["copy_to"]


def test_plain_text_query_is_fuzzy_and_uses_the_vietnamese_search_analyzer(backend):
    results = backend.search("đăng kí kết hônn", ArticlePage)
    query = json.dumps(results.query_compiler.get_query(), ensure_ascii=False)
    assert f'"fuzziness": "{FUZZINESS}"' in query
    assert '"analyzer": "vietnamese_search"' in query
    assert '"prefix_length": 1' in query


def test_query_reaching_elasticsearch_is_sanitised(backend):
    results = backend.search('" * ( ) - : ^ NEAR AND OR \x00 Đăng ký', ArticlePage)
    query = json.dumps(results.query_compiler.get_query(), ensure_ascii=False)
    for bad in ('\\"', "*", "^", "\\u0000"):
        assert bad not in query.replace('"*"', "")
    assert "dang" in query and "đăng" in query


def test_or_query_from_the_citizen_search(backend):
    results = backend.search(PlainText("dang ki khai sinh", operator="or"), ArticlePage)
    compiled = results.query_compiler.get_query()
    text = json.dumps(compiled)
    assert "dang" in text and "sinh" in text and '"operator"' not in text


def test_punctuation_only_query_gives_no_results_without_asking_the_server(backend):
    assert list(backend.search("!!! ???", ArticlePage)) == []


def compiled_filters(filters) -> str:
    results = backend_search(parse_query("hop tac xa", expand=False), filters)
    return json.dumps(results.query_compiler.get_query(), ensure_ascii=False, default=str)


def test_unit_and_date_filters_are_filter_clauses_of_the_query(backend):

    unit = Unit.objects.get(slug="nguyen-binh")
    query = json.loads(
        compiled_filters(
            Filters(unit="nguyen-binh", date_from=datetime.date(2024, 1, 1), date_to=datetime.date(2024, 6, 30))
        )
    )
    text = json.dumps(query)
    assert "filter" in query["bool"]
    assert f'"articles_articlepage__unit_id_filter": [{unit.pk}]' in text
    assert '"articles_articlepage__date_filter": {"gte": "2024-01-01"}' in text
    assert '"articles_articlepage__date_filter": {"lte": "2024-06-30"}' in text
    assert '"live_filter": true' in text


def test_type_and_area_filters_are_filter_clauses_of_the_query(backend):

    text = compiled_filters(Filters(type="guide", area="tai-chinh-cong"))
    # The type: the guide model's content type; the area: the ids of the pages in it.
    assert '{"match": {"_django_content_type": "articles.GuidePage"}}' in text
    in_area = list(
        SearchDocument.objects.filter(area_slugs__contains=" tai-chinh-cong ").values_list("page_id", flat=True)
    )
    assert in_area
    assert '{"terms": {"pk": [' + ", ".join(f'"{page_id}"' for page_id in in_area) + "]}}" in text
