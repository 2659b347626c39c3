"""python -m ops.bench [--pages N] [--seconds S] [--connections C] [--keep]

Builds a throwaway database (the demo plus N generated pages, search.bench's generator), starts
the production stack on loopback (gunicorn with workers from the core count, whitenoise, DEBUG
off, persistent connections) and drives each URL with wrk from Debian for S seconds at C
connections, after a short warm-up, printing requests/s, p50/p95/p99 and each page's ratio to
the static file served by the same server in the same run.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.error import HTTPError

from ops.bench.stack import BenchSite

LUA = Path(__file__).with_name("wrk.lua")
UNCACHED = ("Cookie", "sessionid=bench-uncached")  # a session cookie: the page cache stands aside
TARGETS = {
    "article (cached)": "cached article ≥ 60% of the static file's requests/s",
    "article (uncached)": "p95 ≤ 100 ms",
    "search": "p99 ≤ 150 ms",
}


def wrk(url: str, seconds: int, connections: int, header: tuple[str, str] | None = None) -> dict:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", str(LUA), url]
    if header:
        command[1:1] = ["-H", f"{header[0]}: {header[1]}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    result = json.loads(output.strip().splitlines()[-1])
    result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ops.bench", description=__doc__)
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=None, help="gunicorn workers (default 2 × cores + 1)")
    parser.add_argument("--keep", action="store_true", help="keep the throwaway database")
    args = parser.parse_args(argv)
    if not shutil.which("wrk"):
        print("Cần wrk (apt-get install wrk).", file=sys.stderr)
        return 2

    site = BenchSite("bench")
    try:
        site.build(args.pages)
        site.start(workers=args.workers)
        static = site.static_css_path()
        # A generated news article and a generated guide (their unit section is random: find them).
        home = site.get("/tin-tuc/")
        article = re.search(r'href="(/tin-tuc/[a-z0-9-]+/bench-[0-9]+/)"', home)
        guide = re.search(r'href="(/huong-dan/[a-z0-9-]+/bench-[0-9]+/)"', site.get("/huong-dan/"))
        article = article.group(1) if article else re.search(r'href="(/tin-tuc/[a-z0-9-]+/[a-z0-9-]+/)"', home).group(1)
        guide = guide.group(1) if guide else "/huong-dan/"
        plan = [
            ("static file", static, None),
            ("home (cached)", "/", None),
            ("news index (cached)", "/tin-tuc/", None),
            ("article (cached)", article, None),
            ("guide (cached)", guide, None),
            ("article (uncached)", article, UNCACHED),
            ("search", "/tim-kiem/?q=giay+phep+xay+dung", None),
        ]
        print(f"wrk -t2 -c{args.connections} -d{args.seconds}s, máy chủ {site.base_url}, tĩnh {static}", flush=True)
        results = {}
        for name, path, header in plan:
            try:
                site.get(path)
            except HTTPError as error:
                print(f"{name}: {path} → HTTP {error.code}", flush=True)
                continue
            wrk(site.base_url + path, 2, args.connections, header)  # warm-up
            results[name] = result = wrk(site.base_url + path, args.seconds, args.connections, header)
            print(
                f"{name:<22} {result['rps']:8.0f} req/s  p50 {result['p50'] / 1000:6.1f} ms  "
                f"p95 {result['p95'] / 1000:6.1f} ms  p99 {result['p99'] / 1000:6.1f} ms  "
                f"errors {result['socket_errors'] + result['http_errors']}  {path}",
                flush=True,
            )
        base = results["static file"]["rps"]
        print("\nso với tệp tĩnh (cùng máy chủ, cùng lượt chạy):")
        for name, result in results.items():
            print(f"  {name:<22} {result['rps'] / base:6.1%}")
        cached = results["article (cached)"]["rps"] / base
        uncached_p95 = results["article (uncached)"]["p95"] / 1000
        search_p99 = results["search"]["p99"] / 1000
        print("\nmục tiêu:")
        print(f"  bài viết có cache ≥ 60% tệp tĩnh: {cached:.1%} — {'đạt' if cached >= 0.6 else 'CHƯA ĐẠT'}")
        print(
            f"  bài viết không cache p95 ≤ 100 ms: {uncached_p95:.1f} ms — "
            f"{'đạt' if uncached_p95 <= 100 else 'CHƯA ĐẠT'}"
        )
        print(f"  tìm kiếm p99 ≤ 150 ms: {search_p99:.1f} ms — {'đạt' if search_p99 <= 150 else 'CHƯA ĐẠT'}")
    finally:
        site.cleanup(keep=args.keep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
