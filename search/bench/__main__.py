"""python -m search.bench [--pages N] [--rounds R] [--keep] [--ablation]

Builds the throwaway database in this process, then measures in a fresh child process (as a
web server process would be: no indexing garbage in memory, templates compiled once).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
import warnings


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    # Persistent connections, as docs/performance.md recommends for production.
    os.environ.setdefault("DATABASE_CONN_MAX_AGE", "60")
    # One client sends every request: the per-address rate limit of /tim-kiem/ would answer 429.
    os.environ.setdefault("RATELIMIT_ENABLE", "0")
    import django

    django.setup()
    from django.conf import settings

    # Measured as production runs: no SQL logging, no template debug information (the template
    # engine is built on first use, after this). Like pytest-django, the switch is made after
    # setup, so static files keep the storage that needs no collectstatic manifest.
    settings.DEBUG = False
    warnings.filterwarnings("ignore", message="No directory at", module="django.core.handlers.base")


def build(pages: int) -> None:
    """Migrate the throwaway database, generate and index the pages, import the relevance corpus."""
    _setup_django()
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    print(f"migrate: {time.perf_counter() - started:.1f} s", flush=True)

    from search.bench.generate import generate_pages, index_pages

    started = time.perf_counter()
    ids = generate_pages(pages)
    generated = time.perf_counter() - started
    index_pages(ids)
    indexed = time.perf_counter() - started - generated
    print(
        f"{pages} trang: tạo {generated:.1f} s + lập chỉ mục {indexed:.1f} s = {generated + indexed:.1f} s", flush=True
    )

    # The demo site (whose guides carry citizen questions) and the relevance corpus beside the
    # generated pages, as in tests/search/test_relevance.py.
    with open(os.devnull, "w") as devnull:
        call_command("load_demo", stdout=devnull)
    from search.evaluation import import_corpus

    import_corpus()


def measure(pages: int, rounds: int, ablate: bool = False) -> None:
    """Latency of the fixed query mix, index size, relevance of the tuning and the held-out query sets."""
    _setup_django()
    import cms.wsgi  # noqa: F401 - settles the process (gc.freeze) exactly as a gunicorn worker does
    from search.bench.measure import index_size_bytes, run_mix

    engine, page, filtered, cold = run_mix(rounds)
    print(f"truy vấn: {len(page.samples_ms)} lượt ({rounds} vòng × hỗn hợp cố định, sau 1 vòng làm nóng)")
    print(f"  tìm kiếm (engine): p50 {engine.p50:.1f} ms  p95 {engine.p95:.1f} ms  {engine.qps:.0f} truy vấn/s")
    print(f"  cả trang /tim-kiem/: p50 {page.p50:.1f} ms  p95 {page.p95:.1f} ms  {page.qps:.0f} truy vấn/s")
    print(
        f"  cả trang, chỉ các truy vấn có bộ lọc ({len(filtered.samples_ms)} lượt): "
        f"p50 {filtered.p50:.1f} ms  p95 {filtered.p95:.1f} ms  tối đa {max(filtered.samples_ms):.1f} ms"
    )
    print(
        f"  vòng làm nóng (chưa có số đếm trong bộ nhớ đệm), tìm kiếm (engine): "
        f"p50 {cold.p50:.1f} ms  p95 {cold.p95:.1f} ms  tối đa {max(cold.samples_ms):.1f} ms"
    )
    for name, milliseconds in page.slowest(5):
        print(f"  chậm nhất: {milliseconds:.1f} ms  {name}")
    sizes = index_size_bytes()
    for name, size in sorted(sizes.items()):
        print(f"  {name}: {size / 1_048_576:.1f} MB")
    print(f"  tổng chỉ mục: {sum(sizes.values()) / 1_048_576:.1f} MB")
    from search.bench.relevance import ablation, line, run_sets

    for label, result in run_sets():
        print(f"độ liên quan, {label}: {result.total} truy vấn trên corpus.json + trang mẫu + {pages} trang sinh ra:")
        print(f"  {line(result)}")
        for miss in result.misses:
            print(f"  hạng {miss['rank'] or '>10'}: {miss['q']!r} → {miss['expected']}")
    if ablate:
        print("phân tích từng cơ chế (ablation):")
        for name, results in ablation():
            print(f"  {name}:")
            for label, result in results:
                print(f"    {label.split(' ')[0]}: {line(result)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m search.bench", description=__doc__)
    parser.add_argument("--pages", type=int, default=10_000, help="generated pages (default 10000)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of the query mix (default 5)")
    parser.add_argument("--keep", action="store_true", help="keep the throwaway database afterwards")
    parser.add_argument(
        "--ablation", action="store_true", help="also measure relevance without each mechanism (slower)"
    )
    parser.add_argument("--measure-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.measure_only:  # the child process: DATABASE_URL already points at the throwaway database
        measure(args.pages, args.rounds, args.ablation)
        return 0

    from search.bench.database import choose, drop, recreate

    database = choose(os.environ.get("DATABASE_URL"))
    recreate(database)
    print(f"Cơ sở dữ liệu thử: {database.vendor} {database.name or database.cleanup_path}", flush=True)
    env = {**os.environ, "DATABASE_URL": database.url}
    try:
        os.environ["DATABASE_URL"] = database.url
        build(args.pages)
        child = [sys.executable, "-m", "search.bench", "--measure-only", "--pages", str(args.pages)]
        child += ["--rounds", str(args.rounds)] + (["--ablation"] if args.ablation else [])
        subprocess.run(child, env=env, check=True)
    finally:
        if not args.keep:
            drop(database)
    return 0


if __name__ == "__main__":
    sys.exit(main())
