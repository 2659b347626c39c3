"""The fixed query mix, latency percentiles, and the size of the index."""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass

from django.db import connection
from django.http import QueryDict
from django.test import Client

from search.engine import Filters, run_search
from search.views.params import read_filters

# (query, extra GET parameters): with and without diacritics, one to five words, with filters.
QUERY_MIX: list[tuple[str, dict]] = [
    ("đăng ký", {}),
    ("dang ky", {}),
    ("giấy phép", {}),
    ("giay phep xay dung", {}),
    ("Giấy phép xây dựng", {}),
    ("hộ kinh doanh", {}),
    ("ho kinh doanh ca the", {}),
    ("cấp lại thẻ bảo hiểm y tế", {}),
    ("cap lai the bao hiem y te", {}),
    ("trợ cấp xã hội", {"type": "guide"}),
    ("tro cap xa hoi", {"area": "thu-tuc-hanh-chinh"}),
    ("chứng thực", {}),
    ("chung thuc ban sao", {}),
    ("hồ sơ", {"type": "news"}),
    ("ho so", {"unit": "ha-quang"}),
    ("lệ phí", {"from": "2022-01-01", "to": "2024-12-31"}),
    ("dịch vụ công trực tuyến", {}),
    ("dich vu cong truc tuyen", {"type": "news", "area": "chinh-quyen-so"}),
    ("cải cách hành chính", {}),
    ("cai cach hanh chinh Ha Quang", {}),
    ("PAR INDEX", {}),
    ("SIPAS", {}),
    ("nhà ở xã hội", {}),
    ("nha o xa hoi cho ca nhan", {}),
    ("mã số thuế", {}),
    ("ma so thue ca nhan", {}),
    ("biển số xe máy", {}),
    ("bien so xe may", {"type": "guide"}),
    ("làm thế nào để đăng ký hộ kinh doanh", {}),
    ("xin giấy phép lao động cần những giấy tờ gì", {}),
    ("thu tuc hanh chinh", {}),
    ("một cửa", {}),
    ("mot cua", {"unit": "bao-lac"}),
    ("sổ đỏ", {}),
    ("CCCD", {}),
    ("giay phep kinh doanhh", {}),
    ("chứng thưc", {}),
    ("khai sinh", {}),
    ("Bảo Lạc", {"type": "news"}),
    ("tập huấn kỹ năng số", {}),
]


@dataclass
class Latency:
    samples_ms: list[float]
    labels: list[str] | None = None

    def slowest(self, count: int) -> list[tuple[str, float]]:
        labels = self.labels or [""] * len(self.samples_ms)
        return sorted(zip(labels, self.samples_ms, strict=True), key=lambda pair: -pair[1])[:count]

    def percentile(self, share: float) -> float:
        ordered = sorted(self.samples_ms)
        index = min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))
        return ordered[index]

    @property
    def p50(self) -> float:
        return statistics.median(self.samples_ms)

    @property
    def p95(self) -> float:
        return self.percentile(0.95)

    @property
    def qps(self) -> float:
        return 1000 * len(self.samples_ms) / sum(self.samples_ms)


def run_mix(rounds: int) -> tuple[Latency, Latency, Latency, Latency]:
    """Each query of the mix `rounds` times after one warm-up round: (search only, whole page,
    whole page of the filtered queries alone, whole page in the warm-up round: nothing cached,
    every match counted in the database)."""
    client = Client()
    engine_ms: list[float] = []
    page_ms: list[float] = []
    labels: list[str] = []
    filtered_ms: list[float] = []
    cold_ms: list[float] = []
    for round_number in range(rounds + 1):
        for query, params in QUERY_MIX:
            started = time.perf_counter()
            filters = Filters(
                type=params.get("type", ""),
                area=params.get("area", ""),
                unit=params.get("unit", ""),
            )
            if "from" in params:
                filters, _problems = read_filters(
                    QueryDict(f"from={params['from']}&to={params['to']}"), set(), set(), set()
                )
            run_search(query, filters)
            middle = time.perf_counter()
            response = client.get("/tim-kiem/", {"q": query, **params})
            finished = time.perf_counter()
            assert response.status_code == 200, (query, response.status_code)
            if not round_number:
                cold_ms.append((middle - started) * 1000)
            if round_number:
                engine_ms.append((middle - started) * 1000)
                page_ms.append((finished - middle) * 1000)
                labels.append(f"{query} {params}" if params else query)
                if params:
                    filtered_ms.append((finished - middle) * 1000)
    return Latency(engine_ms), Latency(page_ms, labels), Latency(filtered_ms), Latency(cold_ms)


def index_size_bytes() -> dict[str, int]:
    """Bytes used by Wagtail's index tables and by our ranking tables."""
    sizes: dict[str, int] = {}
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT relname, pg_total_relation_size(c.oid) FROM pg_class c "
                "JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = 'public' AND c.relkind = 'r' "
                "AND (relname LIKE 'wagtailsearch_indexentry%%' OR relname LIKE 'search_%%')"
            )
            sizes = dict(cursor.fetchall())
        else:
            try:
                cursor.execute(
                    "SELECT name, SUM(pgsize) FROM dbstat WHERE name LIKE 'wagtailsearch_indexentry%' "
                    "OR name LIKE 'search_%' GROUP BY name"
                )
                sizes = dict(cursor.fetchall())
            except Exception:
                cursor.execute("PRAGMA page_count")
                pages = cursor.fetchone()[0]
                cursor.execute("PRAGMA page_size")
                sizes = {"(whole database file)": pages * cursor.fetchone()[0]}
    return sizes
