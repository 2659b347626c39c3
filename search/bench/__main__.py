"""python -m search.bench [--pages N] [--rounds R] [--keep]"""

from __future__ import annotations

import argparse
import os
import sys
import time


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m search.bench", description=__doc__)
    parser.add_argument("--pages", type=int, default=10_000, help="generated pages (default 10000)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of the query mix (default 5)")
    parser.add_argument("--keep", action="store_true", help="keep the throwaway database afterwards")
    args = parser.parse_args(argv)

    from search.bench.database import choose, drop, recreate

    database = choose(os.environ.get("DATABASE_URL"))
    recreate(database)
    os.environ["DATABASE_URL"] = database.url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")
    os.environ.setdefault("LOG_LEVEL", "ERROR")

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    # Templates compiled once, as in production (DEBUG off uses Django's cached loader).
    settings.TEMPLATES[0]["APP_DIRS"] = False
    settings.TEMPLATES[0]["OPTIONS"]["loaders"] = [
        (
            "django.template.loaders.cached.Loader",
            ["django.template.loaders.filesystem.Loader", "django.template.loaders.app_directories.Loader"],
        )
    ]

    print(f"Cơ sở dữ liệu thử: {database.vendor} {database.name or database.cleanup_path}")
    try:
        started = time.perf_counter()
        call_command("migrate", verbosity=0, interactive=False)
        print(f"migrate: {time.perf_counter() - started:.1f} s")

        from search.bench.generate import generate_pages, index_pages

        started = time.perf_counter()
        ids = generate_pages(args.pages)
        generated = time.perf_counter() - started
        index_pages(ids)
        indexed = time.perf_counter() - started - generated
        print(f"{args.pages} trang: tạo {generated:.1f} s + lập chỉ mục {indexed:.1f} s = {generated + indexed:.1f} s")

        import json

        from search.evaluation import CORPUS_FILE, evaluate, load_queries
        from tests.search.conftest import import_records

        import_records(json.loads(CORPUS_FILE.read_text(encoding="utf-8")))
        from search.bench.measure import index_size_bytes, run_mix

        engine, page = run_mix(args.rounds)
        print(f"truy vấn: {len(page.samples_ms)} lượt ({args.rounds} vòng × hỗn hợp cố định)")
        print(f"  tìm kiếm (engine): p50 {engine.p50:.1f} ms  p95 {engine.p95:.1f} ms  {engine.qps:.0f} truy vấn/s")
        print(f"  cả trang /tim-kiem/: p50 {page.p50:.1f} ms  p95 {page.p95:.1f} ms  {page.qps:.0f} truy vấn/s")
        sizes = index_size_bytes()
        for name, size in sorted(sizes.items()):
            print(f"  {name}: {size / 1_048_576:.1f} MB")
        print(f"  tổng chỉ mục: {sum(sizes.values()) / 1_048_576:.1f} MB")
        queries = load_queries()
        for label, same in (("đúng trang", False), ("cùng thủ tục", True)):
            result = evaluate(queries, same_procedure=same)
            print(
                f"độ liên quan ({label}, {result.total} truy vấn trên corpus + {args.pages} trang): "
                f"top-1 {result.top1_rate:.1%}  top-3 {result.top3_rate:.1%}  MRR {result.mrr:.3f}"
            )
    finally:
        if not args.keep:
            drop(database)
    return 0


if __name__ == "__main__":
    sys.exit(main())
